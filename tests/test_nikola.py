"""Nikola's reStructuredText posts: the fields its comments (or a `.meta` file) give, drafts and private posts left
out, `:doc:` links to other posts, and a site's `pages/` not read as posts."""

from __future__ import annotations

import datetime as dt

from smpseo.cli import main
from smpseo.sources.readers import load_posts, read_file

AFTERCARE = """.. title: SMP Aftercare in Halifax: The First Week
.. slug: smp-aftercare-halifax
.. date: 2025-11-03 09:30:00 UTC-04:00
.. tags: aftercare, healing
.. category: guides
.. link:
.. description: What to do in the seven days after a scalp micropigmentation session at our Halifax studio.
.. keyphrase: SMP aftercare
.. type: text

Keep your scalp dry for four days after the session.

.. TEASER_END

Washing again
-------------

From day five, rinse with lukewarm water. Our :doc:`pain guide <does-smp-hurt>` explains the first session,
and :ref:`the booking section <booking>` how to book. See also :doc:`first-visit`.
"""


def test_nikola_s_comment_fields_are_the_post_s_fields_at_their_lines(tmp_path):
    path = tmp_path / "aftercare.rst"
    path.write_text(AFTERCARE, encoding="utf-8")
    [post] = read_file(path)
    assert (post.title, post.title_line, post.slug) == ("SMP Aftercare in Halifax: The First Week", 1,
                                                        "smp-aftercare-halifax")
    assert (post.date, post.tags, post.categories) == (dt.date(2025, 11, 3), ["aftercare", "healing"], ["guides"])
    assert post.description == ("What to do in the seven days after a scalp micropigmentation session at our "
                                "Halifax studio.")
    assert (post.meta_line("description"), post.keyphrase, post.meta_line("keyphrase")) == (7, "SMP aftercare", 8)
    assert (post.status, post.warnings) == ("", [])
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [
        (11, "paragraph", "Keep your scalp dry for four days after the session."),
        (15, "heading", "Washing again"),
        (18, "paragraph", "From day five, rinse with lukewarm water. Our pain guide explains the first session,\n"
                          "and the booking section how to book. See also first-visit."),
    ]


def test_a_doc_role_is_a_link_to_the_post_it_names_and_a_ref_role_its_text(tmp_path):
    path = tmp_path / "aftercare.rst"
    path.write_text(AFTERCARE, encoding="utf-8")
    [post] = read_file(path)
    assert [(link.href, link.text, link.line, link.column) for link in post.links] == [
        ("does-smp-hurt", "pain guide", 18, 53), ("first-visit", "first-visit", 19, 70)]


def test_a_meta_file_beside_the_post_gives_its_fields(tmp_path):
    (tmp_path / "hurt.rst").write_text("Most clients rate the first session a three out of ten.\n", encoding="utf-8")
    (tmp_path / "hurt.meta").write_text("Does SMP Hurt?\ndoes-smp-hurt\n2025-10-01 10:00:00 UTC\npain, first-session\n"
                                        "\nHow much SMP hurts, and how we keep you comfortable.\ntext\n",
                                        encoding="utf-8")
    (tmp_path / "cost.rst").write_text(".. keyphrase: SMP cost\n\nA session costs less than you think.\n",
                                       encoding="utf-8")
    (tmp_path / "cost.meta").write_text(".. title: What Does SMP Cost?\n.. keyphrase: ignored\n.. status: draft\n",
                                        encoding="utf-8")
    [hurt] = read_file(tmp_path / "hurt.rst")
    assert (hurt.title, hurt.slug, hurt.date, hurt.tags) == ("Does SMP Hurt?", "does-smp-hurt", dt.date(2025, 10, 1),
                                                             ["pain", "first-session"])
    assert hurt.description == "How much SMP hurts, and how we keep you comfortable."
    [cost] = read_file(tmp_path / "cost.rst")
    assert (cost.title, cost.keyphrase, cost.status) == ("What Does SMP Cost?", "SMP cost", "draft")


def test_a_nikola_site_s_drafts_private_posts_and_pages_are_not_its_posts(tmp_path, capsys):
    (tmp_path / "conf.py").write_text('BLOG_TITLE = "Clinic"\nPOSTS = (("posts/*.rst", "blog", "post.tmpl"),)\n',
                                      encoding="utf-8")
    (tmp_path / "posts").mkdir()
    (tmp_path / "pages").mkdir()
    (tmp_path / "posts" / "aftercare.rst").write_text(AFTERCARE, encoding="utf-8")
    for name, status in (("women", "draft"), ("prices", "private")):
        (tmp_path / "posts" / f"{name}.rst").write_text(f".. title: {name}\n.. status: {status}\n\nSoon.\n",
                                                        encoding="utf-8")
    (tmp_path / "pages" / "about.rst").write_text(".. title: About\n.. slug: about\n\nWe are a clinic.\n",
                                                  encoding="utf-8")
    assert [p.slug for p in load_posts(tmp_path)] == ["smp-aftercare-halifax"]
    main(["check", str(tmp_path)])
    out, err = capsys.readouterr()
    assert "interpreted text role" not in out + err and "SEO216" not in out and "SEO206" not in out
    assert "1 draft and 1 private post left out" in err
