"""Hexo's and Docusaurus' conventions: Hexo's link and image tags, the folders of a Hexo site that hold its posts,
Docusaurus' pages and admonitions, and the date and slug of a post in a dated folder."""

from __future__ import annotations

import datetime as dt

from smpseo.cli import main
from smpseo.sources.readers import load_posts, read_file

HEXO_POST = """title: Scalp Micropigmentation for Thinning Crowns in Leeds
date: 2025-09-14 11:00:00
description: How SMP hides a thinning crown, from our Leeds studio.
---

A thinning crown is the most common reason clients visit our Leeds studio.

{% asset_img crown-after.jpg '"Crown after two sessions" "Crown of a client after two SMP sessions"' %}

{% img right /images/studio.jpg 640 480 Our studio %}

Read {% post_link smp-aftercare-leeds 'our aftercare guide' %} and {% post_link first-visit %} before booking.
"""


def test_hexo_link_and_image_tags_are_links_and_images_at_their_lines(tmp_path):
    path = tmp_path / "crown.md"
    path.write_text(HEXO_POST, encoding="utf-8")
    [post] = read_file(path)
    assert [(i.src, i.alt, i.title, i.line) for i in post.images] == [
        ("crown-after.jpg", "Crown of a client after two SMP sessions", "Crown after two sessions", 8),
        ("/images/studio.jpg", "", "Our studio", 10)]  # a text alone is the title, as Hexo writes it
    assert [(link.href, link.text, link.line) for link in post.links] == [
        ("smp-aftercare-leeds", "our aftercare guide", 12), ("first-visit", "", 12)]
    assert [(b.line, b.text) for b in post.blocks if b.is_prose] == [
        (6, "A thinning crown is the most common reason clients visit our Leeds studio."),
        (12, "Read our aftercare guide and before booking.")]


def test_a_hexo_site_s_posts_are_its_source_posts_and_drafts_only(tmp_path, capsys):
    (tmp_path / "_config.yml").write_text("title: Leeds SMP\npermalink: blog/:title/\n", encoding="utf-8")
    for folder in ("source/_posts", "source/_drafts", "source/about", "scaffolds"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "source/_posts/crown.md").write_text(HEXO_POST, encoding="utf-8")
    (tmp_path / "source/_drafts/women.md").write_text("title: SMP for women\n---\n\nSoon.\n", encoding="utf-8")
    (tmp_path / "source/about/index.md").write_text("title: About us\n---\n\nWe are in Leeds.\n", encoding="utf-8")
    (tmp_path / "scaffolds/post.md").write_text("title: {{ title }}\n---\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Leeds SMP site\n", encoding="utf-8")
    for given in (tmp_path, tmp_path / "source"):
        assert [p.slug for p in load_posts(given)] == ["crown"]
        assert sorted(p.slug for p in load_posts(given, drafts=True)) == ["crown", "women"]
    (tmp_path / "_config.yml").write_text("title: Leeds SMP\nsource_dir: content\n", encoding="utf-8")
    (tmp_path / "source").rename(tmp_path / "content")
    assert [p.slug for p in load_posts(tmp_path)] == ["crown"]


DOCUSAURUS_POST = """---
title: SMP Aftercare in Leeds
description: What to do in the week after a scalp micropigmentation session in Leeds.
---

Keep your scalp dry for four days.

:::tip Booking in Leeds
We offer free consultations on weekdays.
:::

:::note[Sun]

Wear a hat for a month.

:::
"""


def test_docusaurus_admonition_markers_and_titles_are_not_words(tmp_path):
    path = tmp_path / "blog" / "2025-10-02-smp-aftercare-leeds" / "index.md"
    path.parent.mkdir(parents=True)
    path.write_text(DOCUSAURUS_POST, encoding="utf-8")
    [post] = read_file(path)
    assert (post.slug, post.date) == ("smp-aftercare-leeds", dt.date(2025, 10, 2))
    assert [(b.line, b.text) for b in post.blocks] == [
        (6, "Keep your scalp dry for four days."), (9, "We offer free consultations on weekdays."),
        (14, "Wear a hat for a month.")]


def test_a_docusaurus_site_s_src_pages_are_not_posts(tmp_path, monkeypatch, capsys):
    (tmp_path / "docusaurus.config.js").write_text("module.exports = {title: 'Leeds SMP'};\n", encoding="utf-8")
    (tmp_path / "blog" / "2025-10-02-smp-aftercare-leeds").mkdir(parents=True)
    (tmp_path / "blog" / "2025-10-02-smp-aftercare-leeds" / "index.md").write_text(DOCUSAURUS_POST, encoding="utf-8")
    (tmp_path / "src" / "pages").mkdir(parents=True)
    (tmp_path / "src" / "pages" / "index.md").write_text("# Leeds SMP\n\nWelcome.\n", encoding="utf-8")
    assert [p.slug for p in load_posts(tmp_path)] == ["smp-aftercare-leeds"]
    main(["check", str(tmp_path)])
    out, _ = capsys.readouterr()
    assert "src/pages" not in out and ":::" not in out


def test_an_image_tag_s_source_is_a_path_never_a_caption_and_two_quoted_texts_are_its_title_and_alt(tmp_path):
    """`{% image "assets/team.jpg" "photo: the team" %}` took the caption for the image's address ("photo:" read as
    a scheme) and reported 'photo:%20the%20team' as an image without alt text; Octopress' `{% img src 600 400
    "Title" "Alt" %}` lost its alt text."""
    path = tmp_path / "team.md"
    path.write_text("---\ntitle: Our team\n---\n\nThe studio.\n\n{% image \"assets/team.jpg\" \"photo: the team\" %}\n\n"
                    "{% img /images/hairline.jpg 600 400 \"Hairline\" \"A drawn hairline\" %}\n\n"
                    "{% img photo: the team %}\n", encoding="utf-8")
    [post] = read_file(path)
    assert [(i.src, i.alt, i.title, i.line) for i in post.images] == [
        ("assets/team.jpg", "", "photo: the team", 7), ("/images/hairline.jpg", "A drawn hairline", "Hairline", 9)]


def test_a_line_that_opens_with_colons_and_words_is_text(tmp_path):
    """Only a container's own lines (`:::tip Title`, `::: tip`, `:::`) are markers: "::: This line is text, said the
    author." was dropped from every Markdown post."""
    path = tmp_path / "colons.md"
    path.write_text("---\ntitle: Colons\n---\n\n::: This line is text, said the author.\n", encoding="utf-8")
    [post] = read_file(path)
    assert [(b.line, b.text) for b in post.blocks] == [(5, "::: This line is text, said the author.")]


def test_a_hugo_bundle_in_a_dated_folder_keeps_the_date_in_its_slug(tmp_path):
    """Hugo publishes `content/posts/2024-01-05-smp-aftercare/index.md` at `/posts/2024-01-05-smp-aftercare/`: the
    date Docusaurus takes out of a dated folder's name stays in a Hugo bundle's slug."""
    (tmp_path / "hugo.toml").write_text('title = "Leeds SMP"\n', encoding="utf-8")
    path = tmp_path / "content" / "posts" / "2024-01-05-smp-aftercare" / "index.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\ntitle: Aftercare\n---\n\nKeep it dry.\n", encoding="utf-8")
    [post] = read_file(path)
    assert post.slug == "2024-01-05-smp-aftercare"
