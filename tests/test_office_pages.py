"""Posts saved as web pages by word processors: Google Docs' "Download > Web page (.html)" and Word's "Save as Web
Page" (filtered or not). Their paragraphs stand right in the page's body, each link of a Google Doc goes through
Google's redirect, and Word writes a list as paragraphs each opening with its bullet or number."""

from __future__ import annotations

import smpseo
from smpseo.model.post import HEADING, LIST_ITEM, PARAGRAPH, TABLE
from smpseo.sources.readers.html import read_html
from smpseo.sources.readers.htmlblocks import html_to_blocks
from smpseo.sources.writer import to_markdown


def _shape(post):
    return [(b.kind, b.line, b.text) for b in post.blocks]


# As Google Docs writes a document: a style sheet in the head, no <title>, the document's heading an <h1> of
# classes and an id, then the paragraphs, empty ones between them, a list and a table straight in the <body>.
DOCS_PAGE = """<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">
ol{margin:0;padding:0}table td,table th{padding:0}.c2{height:11pt}.c4{font-size:11pt;font-family:"Arial"}
</style></head><body class="c7 doc-content"><h1 class="c3" id="h.9wq2lm0x7a1b"><span class="c8">Scalp micropigmentation
in Calgary: how many sessions?</span></h1><p class="c0 c2"><span class="c4"></span></p>
<p class="c0"><span class="c4">Most clients in Calgary need three sessions, booked a week or two apart.</span></p>
<h2 class="c5" id="h.3k1z8y2c"><span class="c6">Why more than one</span></h2><p class="c0 c2"><span class="c4"></span></p>
<p class="c0"><span class="c4">Each session adds a layer of pigment, so the result builds up gently.</span></p>
<ul class="c9 lst-kix_q1w2e3-0 start"><li class="c0 li-bullet-0"><span class="c4">The first lays the hairline.</span></li>
<li class="c0 li-bullet-0"><span class="c4">The last fills the gaps.</span></li></ul>
<a id="t.5f6e7d"></a><a id="t.0"></a><table class="c10"><tbody><tr class="c11"><CELL class="c12" colspan="1" rowspan="1"><p
class="c0"><span class="c4">Session</span></p></CELL><CELL class="c12" colspan="1" rowspan="1"><p class="c0"><span
class="c4">Weeks after the first</span></p></CELL></tr><tr class="c11"><CELL class="c12" colspan="1" rowspan="1"><p
class="c0"><span class="c4">Second</span></p></CELL><CELL class="c12" colspan="1" rowspan="1"><p class="c0"><span
class="c4">2</span></p></CELL></tr></tbody></table><p class="c0 c2"><span class="c4"></span></p>
<p class="c0"><span class="c4">Book a free consultation with our Calgary studio.</span></p></body></html>"""


def test_a_google_docs_page_with_a_table_is_read_whole():
    """The body's own paragraphs are the post, whether the table's cells are `<td>` or `<th>`: a `<td>` of one
    paragraph was taken for the post, which read as "Weeks after the first" alone."""
    for cell in ("td", "th"):
        [post] = read_html(DOCS_PAGE.replace("CELL", cell), "Scalp micropigmentation in Calgary.html")
        assert post.title == "Scalp micropigmentation in Calgary: how many sessions?", cell
        assert post.title_line == 3 and post.title_h1, cell
        assert post.slug == "scalp-micropigmentation-in-calgary", cell
        assert _shape(post) == [
            (PARAGRAPH, 5, "Most clients in Calgary need three sessions, booked a week or two apart."),
            (HEADING, 6, "Why more than one"),
            (PARAGRAPH, 7, "Each session adds a layer of pigment, so the result builds up gently."),
            (LIST_ITEM, 8, "The first lays the hairline."),
            (LIST_ITEM, 9, "The last fills the gaps."),
            (TABLE, 10, "Session Weeks after the first Second 2"),
            (PARAGRAPH, 15, "Book a free consultation with our Calgary studio."),
        ], cell
        assert post.word_count == 44, cell  # the prose: headings and the table are not counted
        assert "padding" not in post.text and "font-family" not in post.text, cell


def _docs_page(title: str, paragraph: str) -> str:
    return (f'<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"></head>\n'
            f'<body class="c5 doc-content"><h1 class="c2" id="h.7d1"><span class="c3">{title}</span></h1>\n'
            f'<p class="c0"><span class="c1">{paragraph}</span></p>\n</body></html>')


GOOGLE = "https://www.google.com/url?q="
REDIRECT_TAIL = "&amp;sa=D&amp;source=editors&amp;ust=1769000000000000&amp;usg=AOvVaw0Qw3"


def test_a_post_in_a_container_is_read_from_it_when_other_paragraphs_stand_loose_in_the_body():
    """A cookie notice and opening hours loose in `<body>`, the post in `<div class="post">`: the body was read whole
    since documents saved as web pages are (their text stands right in the body, headings and all)."""
    page = ("<html><head><title>SMP questions answered</title></head><body>\n"
            "<p>We use cookies. By using this site you agree to our use of cookies and our privacy policy.</p>\n"
            "<p>Opening hours: Monday to Friday, 9 to 5. Saturday by appointment only.</p>\n"
            "<div class=\"post\">\n<h1>SMP questions answered</h1>\n<p>Scalp micropigmentation is our only work.</p>\n"
            "<h2>Does it hurt?</h2>\n<p>It feels like a scratch.</p>\n</div>\n</body></html>\n")
    [post] = read_html(page, "faq.html")
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [
        (6, PARAGRAPH, "Scalp micropigmentation is our only work."), (7, HEADING, "Does it hurt?"),
        (8, PARAGRAPH, "It feels like a scratch.")]


def test_a_link_through_google_s_redirect_is_read_as_the_address_it_leads_to(tmp_path):
    """Google Docs writes each link as `https://www.google.com/url?q=<address>&sa=D&...`: the link is the address,
    so a link to the site is one (every post had "No link to another page of the site", SEO218, and the posts it
    linked to "No other post links to this one", SITE405)."""
    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Bow River SMP"\ncity = "Calgary"\n'
                                          'url = "https://www.bowriversmp.example"\n', encoding="utf-8")
    (tmp_path / "Aftercare.html").write_text(_docs_page(
        "SMP aftercare", "Keep the scalp dry for four days, and read "
        f'<a class="c4" href="{GOOGLE}https://www.bowriversmp.example/blog/sessions/{REDIRECT_TAIL}">how many '
        "sessions you need</a>."), encoding="utf-8")
    (tmp_path / "Sessions.html").write_text(_docs_page(
        "How many sessions?", "Most clients need three. Read our "
        f'<a href="{GOOGLE}https://www.bowriversmp.example/blog/aftercare/%3Fprint%3D1%23sun{REDIRECT_TAIL}">'
        'aftercare guide</a> and <a href="https://www.google.com/url?sa=D&amp;source=editors">this</a> and '
        '<a href="https://www.google.com/search?q=smp+calgary">a search</a>.'), encoding="utf-8")
    [aftercare] = read_html((tmp_path / "Aftercare.html").read_text(encoding="utf-8"), "Aftercare.html")
    [sessions] = read_html((tmp_path / "Sessions.html").read_text(encoding="utf-8"), "Sessions.html")
    assert [(link.href, link.text, link.line) for link in aftercare.links] == [
        ("https://www.bowriversmp.example/blog/sessions/", "how many sessions you need", 3)]
    assert [link.href for link in sessions.links] == [
        "https://www.bowriversmp.example/blog/aftercare/?print=1#sun",  # the address, its own query and fragment kept
        "https://www.google.com/url?sa=D&source=editors",  # no address to go to: the link as written
        "https://www.google.com/search?q=smp+calgary"]  # not the redirect
    found = smpseo.check(str(tmp_path), rules=["SITE405", "SEO218"], keyphrases=False).findings
    assert found == []
    # in a table's cell too
    [table] = html_to_blocks(f'<table><tr><td>Prices</td><td><a href="{GOOGLE}/prices/{REDIRECT_TAIL}">see</a></td>'
                             f'</tr><tr><td>Aftercare</td><td><a href="{GOOGLE}https://www.bowriversmp.example/'
                             f'aftercare/{REDIRECT_TAIL}">read</a></td></tr></table>')
    assert [(link.href, link.text) for link in table.links] == [
        (f"{GOOGLE}/prices/&sa=D&source=editors&ust=1769000000000000&usg=AOvVaw0Qw3", "see"),  # not an address
        ("https://www.bowriversmp.example/aftercare/", "read")]


# Word's filtered page: the bullet in the Symbol font, a number as plain text, each followed by a spacer of no-break
# spaces; a paragraph of the List Paragraph style with no bullet is a paragraph.
WORD_FILTERED = """<html><head><meta name=Generator content="Microsoft Word 15 (filtered)">
<title>Before your first SMP session</title><style>
<!-- p.MsoListParagraph {margin-left:.5in;} -->
</style></head><body lang=EN-US style='word-wrap:break-word'><div class=WordSection1>
<h1>Before your first SMP session<o:p></o:p></h1>
<p class=MsoNormal>A few things help the first session in Halifax go smoothly.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in'><span style='font-family:Symbol'>\u00b7<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>Shave the
scalp the night before.<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in'><span style='font-family:Symbol'>\u00b7<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>Eat a good
breakfast.<o:p></o:p></p>
<p class=MsoNormal>On the day:</p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span>Arrive ten minutes early.</p>
<p class=MsoNormal style='margin-left:.5in;text-indent:-.25in'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span>Bring a <a href="https://www.halifaxsmp.example/blog/what-to-wear/">loose shirt</a>.</p>
<p class=MsoListParagraph>Ask us anything by phone.</p>
</div></body></html>"""

# The same list as Word writes it unfiltered: the bullet in a `mso-list:Ignore` span inside `<![if !supportLists]>`.
WORD_UNFILTERED = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<title>Before your first SMP session</title></head><body lang=EN-US><div class=WordSection1>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span
style='mso-list:Ignore'>\u00b7<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Shave the scalp the night before.<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;
</span></span><![endif]><span lang=EN-CA>Eat a good breakfast.</span><o:p></o:p></p>
</div></body></html>"""


def test_a_word_list_is_read_as_list_items_without_its_bullets():
    """Word writes each item of a list as a paragraph opening with its bullet (`·` in the Symbol font) or number and
    no-break spaces: each was a paragraph starting with "·", and the import wrote "·        Shave the scalp"."""
    [post] = read_html(WORD_FILTERED, "Before your first SMP session.htm")
    assert post.title == "Before your first SMP session" and post.title_h1
    assert _shape(post) == [
        (PARAGRAPH, 6, "A few things help the first session in Halifax go smoothly."),
        (LIST_ITEM, 8, "Shave the\nscalp the night before."),
        (LIST_ITEM, 11, "Eat a good\nbreakfast."),
        (PARAGRAPH, 13, "On the day:"),
        (LIST_ITEM, 15, "Arrive ten minutes early."),
        (LIST_ITEM, 17, "Bring a loose shirt."),
        (PARAGRAPH, 18, "Ask us anything by phone."),  # the list's style, but no bullet: a paragraph
    ]
    assert [(s.text, s.line) for s in post.blocks[1].sentences] == [("Shave the scalp the night before.", 8)]
    assert [(link.href, link.text, link.line) for link in post.links] == [
        ("https://www.halifaxsmp.example/blog/what-to-wear/", "loose shirt", 17)]
    assert len(post.paragraphs) == 3
    assert ("A few things help the first session in Halifax go smoothly.\n\n- Shave the\n  scalp the night before.\n"
            "- Eat a good\n  breakfast.\n\nOn the day:\n\n- Arrive ten minutes early.\n"
            "- Bring a [loose shirt](https://www.halifaxsmp.example/blog/what-to-wear/).\n\n"
            "Ask us anything by phone.\n") in to_markdown(post)

    [post] = read_html(WORD_UNFILTERED, "Before your first SMP session.htm")
    assert _shape(post) == [(LIST_ITEM, 6, "Shave the scalp the night before."),
                            (LIST_ITEM, 9, "Eat a good breakfast.")]
    assert "supportLists" not in post.text and "endif" not in post.text
