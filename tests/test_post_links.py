"""Links between posts written with a generator's reference tags, and which post a link names."""

from __future__ import annotations

import pytest

import smpseo
from smpseo.analysis.site import incoming_links
from smpseo.sources.readers import load_posts, read_file


def _site(tmp_path, link: str, target: str = "content/posts/aftercare.md") -> list:
    """A linking post ("sessions") and the post it links to, read from `tmp_path`, sorted by path."""
    for path, text in ((target, "---\ntitle: SMP aftercare\n---\n\nKeep your scalp dry for four days.\n"),
                       ("content/posts/sessions.md",
                        f"---\ntitle: How many sessions?\n---\n\nMost clients need three.\nRead our {link}.\n")):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return sorted(load_posts(tmp_path / "content"), key=lambda p: p.path)


@pytest.mark.parametrize("tag", [
    '{{< relref "aftercare.md" >}}', '{{< ref "aftercare.md" >}}', "{{% ref 'aftercare.md' %}}",
    '{{%relref "posts/aftercare.md"%}}', '{{< ref "/posts/aftercare" >}}', '{{< relref "aftercare" >}}',
    '{{< ref "aftercare.md#sun" >}}', '{{< ref path="aftercare.md" lang="en" >}}', '{{< relref `aftercare.md` >}}'])
def test_a_hugo_ref_or_relref_link_is_a_link_to_the_post_it_names(tmp_path, tag):
    """Hugo's shortcodes output the address of the post they name: the link was read with no address, so the post
    it names had "No other post links to this one" (SITE405) and the linking post "No link to another page"."""
    aftercare, sessions = _site(tmp_path, f"[aftercare guide]({tag})")
    assert [(link.text, link.line) for link in sessions.links] == [("aftercare guide", 6)]
    assert [(p.slug, line) for p, line in incoming_links([aftercare, sessions])[0]] == [("sessions", 6)]
    found = smpseo.check(str(tmp_path / "content"), rules=["SITE405", "SEO218"], keyphrases=False).findings
    assert sorted((f.path.rsplit("/", 1)[-1], f.rule) for f in found) == [("aftercare.md", "SEO218"),
                                                                         ("sessions.md", "SITE405")]


@pytest.mark.parametrize("tag, target", [
    ("{% link _posts/2024-01-01-aftercare.md %}", "content/_posts/2024-01-01-aftercare.md"),
    ("{% post_url 2024-01-01-aftercare %}", "content/_posts/2024-01-01-aftercare.md"),
    ("{%- post_url /2024-01-01-aftercare -%}", "content/_posts/2024-01-01-aftercare.md"),
    ("{filename}/posts/aftercare.md", "content/posts/aftercare.md"),
    ('{{< ref "how-long" >}}', "content/posts/how-long/index.md"),
    ('{{< ref "how-long/index.md" >}}', "content/posts/how-long/index.md")])
def test_jekyll_s_link_and_post_url_and_pelican_s_filename_link_to_the_post_they_name(tmp_path, tag, target):
    posts = _site(tmp_path, f"[aftercare guide]({tag})", target)
    linked = next(i for i, p in enumerate(posts) if p.path.endswith(target.rsplit("/", 1)[-1]))
    assert [p.slug for p, _line in incoming_links(posts)[linked]] == ["sessions"]


def test_the_anchor_text_of_a_reference_link_is_no_unlinked_mention(tmp_path):
    """SITE406 quoted a reference link's own words as a mention of the post it links to ("Mentions 'session,
    read how many SMP' ... but does not link to it"), as the link had no address."""
    (tmp_path / "sessions.md").write_text("---\ntitle: How many SMP sessions?\nkeyphrase: SMP sessions\n---\n\n"
                                          "Three SMP sessions, weeks apart.\n", encoding="utf-8")
    (tmp_path / "hurt.md").write_text('---\ntitle: Does SMP hurt?\n---\n\nA little. To know why, read [how many '
                                      'SMP sessions you need]({{< ref "sessions.md" >}}).\n', encoding="utf-8")
    assert smpseo.check(str(tmp_path), rules=["SITE406"], keyphrases=False).findings == []


def test_a_reference_link_reads_as_its_words_and_the_next_link_keeps_its_column(tmp_path):
    post = tmp_path / "a.md"
    post.write_text('---\ntitle: A\n---\n\nSee [the guide]({{< relref "b.md" >}}) and [prices](/c/). Then more.\n',
                    encoding="utf-8")
    (read,) = read_file(post)
    assert [(link.href, link.line, link.column) for link in read.links] == [("b.md", 5, 6), ("/c/", 5, 45)]
    assert [s.text for s in read.sentences] == ["See the guide and prices.", "Then more."]


def test_a_link_to_a_slug_a_translation_shares_is_to_the_post_in_the_linking_post_s_language(tmp_path):
    """A post and its translation (`hurt.fr.md`, with the same `slug`) both answer to the name: Hugo's ref from an
    English post is to the English one, which was left an orphan while the French one got the link."""
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "hurt.fr.md").write_text("---\ntitle: Ça fait mal ?\nslug: hurt\n---\n\nUn peu.\n", encoding="utf-8")
    (posts / "hurt.md").write_text("---\ntitle: Does it hurt?\n---\n\nA little.\n", encoding="utf-8")
    (posts / "sessions.md").write_text('---\ntitle: Sessions\n---\n\nRead [whether it hurts]({{< ref "hurt" >}}).\n',
                                       encoding="utf-8")
    # each named, as a folder's walk leaves the translation out
    read = sorted(load_posts(*(posts / n for n in ("hurt.fr.md", "hurt.md", "sessions.md"))), key=lambda p: p.path)
    assert [p.path.rsplit("/", 1)[-1] for p in read] == ["hurt.fr.md", "hurt.md", "sessions.md"]
    assert {i: [p.slug for p, _ in v] for i, v in incoming_links(read).items()} == {1: ["sessions"]}
