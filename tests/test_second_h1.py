"""SEO217 (a second H1) in every format that can carry one. On a saved HTML page, the `<h1>` the reader takes as the
title (out of the content, or in the entry's header) is the page's one H1 and every other is a second one; in a
WordPress, Ghost or feed export and under front matter, the body's H1s after its first are (a theme's heading for the
title is not in the text, as Yoast reads a post)."""

from __future__ import annotations

import pytest

import smpseo
from smpseo.sources.readers import read_file

PARA = "<p>Scalp micropigmentation gives a shaved look to a thinning head. It takes two or three sessions.</p>"


def _second_h1s(path) -> list[tuple[int, str]]:
    result = smpseo.check(str(path), rules=["SEO217"], keyphrases=False)
    return sorted((f.line, f.match) for f in result.findings)


def _page(body: str, title: str = "Scalp micropigmentation in Hull | Humber SMP") -> str:
    return (f"<!doctype html>\n<html><head><title>{title}</title></head>\n<body>\n"
            f"<header><nav><a href=\"/\">Home</a></nav></header>\n{body}\n</body></html>\n")


@pytest.mark.parametrize(("body", "found"), [
    # the title's <h1> opens the content: the reader takes it as the title, the next H1 is a second one
    (f"<article>\n<h1>Scalp micropigmentation in Hull</h1>\n{PARA}\n<h1>What it costs</h1>\n{PARA}\n</article>",
     [(8, "What it costs")]),
    # the title's <h1> in the entry's header (not content), one <h1> in the content
    (f"<article>\n<header class=\"entry-header\"><h1 class=\"entry-title\">Scalp micropigmentation in Hull</h1>"
     f"</header>\n<div class=\"entry-content\">\n{PARA}\n<h1>What it costs</h1>\n{PARA}\n</div>\n</article>",
     [(9, "What it costs")]),
    # an <h1> in the content that is not the title, and none elsewhere: the page's one H1
    (f"<article>\n{PARA}\n<h1>What it costs</h1>\n{PARA}\n</article>", []),
    # the content's first <h1> worded apart from the title: the page's one H1, the next is a second one
    (f"<article>\n<h1>SMP in Hull</h1>\n{PARA}\n<h1>What it costs</h1>\n{PARA}\n</article>",
     [(8, "What it costs")]),
    # the site's name in an <h1> of the site's header is not the post's heading
    (f"<header><h1>Humber SMP</h1></header>\n<article>\n<h1>Scalp micropigmentation in Hull</h1>\n{PARA}\n"
     f"</article>", []),
])
def test_a_second_h1_on_a_saved_page(tmp_path, body, found):
    (tmp_path / "page.html").write_text(_page(body), encoding="utf-8")
    assert _second_h1s(tmp_path / "page.html") == found


def test_a_second_h1_written_as_html_in_markdown(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Scalp micropigmentation in Hull\n---\n\n"
                                   "# Scalp micropigmentation in Hull\n\nIt takes two sessions.\n\n"
                                   "<h1 class=\"big\">What it costs</h1>\n\nPrices vary.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Aftercare\n\nKeep it dry.\n\n<H1>Week two</H1>\n\nWash gently.\n",
                                   encoding="utf-8")
    assert _second_h1s(tmp_path / "a.md") == [(9, "What it costs")]
    assert _second_h1s(tmp_path / "b.md") == [(5, "Week two")]


def test_under_front_matter_the_body_s_second_h1_is_the_second_one(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Aftercare in Hull\n---\n\nKeep it dry.\n\n# Week two\n\nWash gently.\n",
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text("Keep it dry.\n\n# Aftercare in Hull\n\nWash gently.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: Aftercare in Hull\n---\n\nKeep it dry.\n\n# Week one\n\nRest.\n\n"
                                   "# Week two\n\nWash gently.\n", encoding="utf-8")
    assert _second_h1s(tmp_path / "a.md") == []  # one H1 in the text, as Yoast counts them
    assert _second_h1s(tmp_path / "b.md") == []  # the title is this H1
    assert _second_h1s(tmp_path / "c.md") == [(11, "Week two")]
    post = read_file(tmp_path / "b.md")[0]
    assert post.title == "Aftercare in Hull" and not post.title_h1


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Humber SMP</title>
<item>
<title>Scalp micropigmentation in Hull</title>
<wp:post_name>smp-hull</wp:post_name>
<wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status>
<content:encoded><![CDATA[<p>Scalp micropigmentation gives a shaved look to a thinning head.</p>
<h1>What it costs</h1>
<p>Prices start at a few hundred pounds.</p>]]></content:encoded>
</item>
<item>
<title>Aftercare</title>
<wp:post_name>aftercare</wp:post_name>
<wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status>
<content:encoded><![CDATA[<h1>Aftercare</h1>
<p>Keep it dry for four days.</p>
<h1>Week two</h1>
<p>Wash gently.</p>]]></content:encoded>
</item>
</channel></rss>
"""


def test_a_second_h1_in_a_wordpress_export(tmp_path):
    (tmp_path / "export.xml").write_text(WXR, encoding="utf-8")
    # the content's H1s after its first, as Yoast counts a post's (the theme's title heading is not in the content)
    assert _second_h1s(tmp_path / "export.xml") == [(21, "Week two")]


def test_the_title_s_h1_with_inline_markup_is_still_the_title(tmp_path):
    body = (f"<article>\n<header><h1><a href=\"/x/\">Does SMP <em>hurt</em>?</a></h1></header>\n{PARA}\n"
            f"<h1>Numbing <b>cream</b></h1>\n{PARA}\n</article>")
    (tmp_path / "page.html").write_text(_page(body, title="Does SMP hurt? | Humber SMP"), encoding="utf-8")
    post = read_file(tmp_path / "page.html")[0]
    assert post.title == "Does SMP hurt?" and post.title_h1
    assert _second_h1s(tmp_path / "page.html") == [(8, "Numbing cream")]
