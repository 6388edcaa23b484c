"""The HTML page reader: main content only, metadata from the head, lines from the file."""

from __future__ import annotations

import datetime as dt

import pytest

from smpseo.model.post import CODE, HEADING, IMAGE, LIST_ITEM, PARAGRAPH, QUOTE
from smpseo.sources.readers import load_posts, read_file
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.html import read_html

from .conftest import FIXTURES

PAGE = FIXTURES / "html" / "wordpress-post.html"


@pytest.fixture(scope="module")
def post():
    return read_file(PAGE)[0]


def test_metadata_from_the_head(post):
    assert post.title == "Does SMP hurt?"  # not "... | Example Scalp Studio"
    assert post.title_line == 6
    assert post.description.startswith("What a scalp micropigmentation session feels like")
    assert post.canonical == post.source == "https://www.example.com/blog/does-smp-hurt/"
    assert post.slug == "does-smp-hurt"
    assert post.date == dt.date(2023, 4, 18)
    assert post.tags == ["pain", "numbing cream"] and post.categories == ["Treatment"]
    assert post.format == "html"


def test_jsonld_parsed_and_invalid_jsonld_is_a_warning(post):
    assert len(post.jsonld) == 1 and post.jsonld[0]["@graph"][0]["headline"] == "Does SMP hurt?"
    assert post.warnings == ["line 24: invalid JSON-LD ignored: Expecting value"]
    corpus = load_posts(PAGE)
    assert len(corpus) == 1 and not corpus.failed
    assert [(w.line, w.severity) for w in corpus.warnings] == [(24, "warning")]


def test_only_the_main_content(post):
    assert [(b.kind, b.text.split("\n")[0]) for b in post.blocks] == [
        (PARAGRAPH, "Most clients describe the feeling as a mild scratch. On a scale of one to ten, they rate it a three."),
        (HEADING, "Where is it most sensitive?"),
        (PARAGRAPH, "The hairline and the temples feel more than the crown."),
        (IMAGE, "The hairline after session one"),
        (IMAGE, "Healed crown, two months on"),
        (HEADING, "Numbing cream"),
        (LIST_ITEM, "A 5% lidocaine cream numbs the skin."),
        (LIST_ITEM, "Short breaks help too."),
        (QUOTE, "I barely felt the second session."),
        (CODE, "not prose at all"),
    ]
    everything = "\n".join(b.text for b in post.blocks)
    for noise in ("Skip to content", "Contact us today", "Posted on", "Posted in", "Previous post", "Great post",
                  "Leave a reply", "Recent posts", "123 Main St", "Share this", "dataLayer"):
        assert noise not in everything, noise


def test_lines_links_images_and_sentences(post):
    para = post.blocks[2]
    assert (para.line, para.end_line) == (47, 48)
    assert [(s.text, s.line) for s in para.sentences] == [
        ("The hairline and the temples feel more than the crown.", 47),
        ("Read our aftercare guide before your first session.", 48)]
    assert [(link.href, link.text, link.line) for link in post.links] == [("/blog/aftercare/", "aftercare guide", 48)]
    assert [(i.src, i.alt, i.caption) for i in post.images] == [
        ("/wp-content/uploads/hairline.jpg", "Hairline after the first session", "The hairline after session one"),
        ("/wp-content/uploads/crown.jpg", "Healed crown", "Healed crown, two months on")]
    assert not any("session one" in s.text for s in post.sentences)  # captions are not prose


def test_fallbacks_h1_title_og_and_densest_container():
    html = """<html><head><meta property="og:description" content="From og."></head><body>
<div class="menu"><a href="/">Home</a> <a href="/about/">About</a></div>
<div class="wrap"><h1>Aftercare basics</h1>
<p>Keep the scalp dry for four days after each session, and do not shave until it has healed.</p>
<p>Avoid the gym and the sauna for a week. Sweat can push pigment out before it settles.</p></div>
<div class="ads"><p>Buy now.</p></div>
<script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2022-02-03T10:00:00Z"}</script>
</body></html>"""
    [post] = read_html(html, "saved/aftercare-basics.html")
    assert post.title == "Aftercare basics" and post.title_line == 3
    assert post.description == "From og." and post.date == dt.date(2022, 2, 3)
    assert post.slug == "aftercare-basics" and post.source == "aftercare-basics.html"
    assert [b.text[:20] for b in post.blocks] == ["Keep the scalp dry f", "Avoid the gym and th"]


LAYOUT_PAGE = """<html><head><title>Does SMP hurt?</title></head><body>
<table width="800" border="0">
<tr><td colspan="2"><img src="logo.gif" alt="Old Clinic"></td></tr>
<tr><td width="180"><a href="/">Home</a><br><a href="/faq">FAQ</a></td>
<td><font face="Arial" size="2">Most clients describe the feeling as a light scratching on the scalp. We apply a
numbing cream before we start, and the first session is the most sensitive one. Most people rate it two out of ten.
</font></td></tr>
</table>
TABLE
</body></html>"""
PRICES = "<table><tr><td>Sessions</td><td>3</td></tr><tr><td>Price</td><td>$2,500</td></tr></table>"


@pytest.mark.parametrize("table, kinds", [
    ("", ["image", "paragraph", "paragraph"]),
    (PRICES, ["image", "paragraph", "paragraph", "table"]),  # short cells: data
    (PRICES.replace("<table>", '<table role="presentation">'), ["image", "paragraph", "paragraph"] + ["paragraph"] * 4),
])
def test_a_table_that_lays_out_the_page_is_read_for_its_prose(table, kinds):
    """A page laid out in a table (an old site, an email-style page): the prose in its cells is the post's, where
    it was read as one table before; a table of short cells, or marked up as data, stays a table."""
    [post] = read_html(LAYOUT_PAGE.replace("TABLE", table), "old/does-smp-hurt.html")
    assert [b.kind for b in post.blocks] == kinds
    assert post.blocks[2].text.startswith("Most clients describe") and post.blocks[2].line == 5
    assert len(post.blocks[2].sentences) == 3


def test_a_table_of_data_stays_a_table_whatever_its_cells_hold():
    long = "A light scratch at most, and the numbing cream takes the edge off the first session for nearly " \
           "everyone who has tried it so far."
    for table in (f"<table><tr><th>Question</th><th>Answer</th></tr><tr><td>Pain</td><td>{long}</td></tr></table>",
                  f"<table summary='answers'><tr><td>Pain</td><td>{long}</td></tr></table>",
                  f"<table><caption>Answers</caption><tr><td>Pain</td><td>{long}</td></tr></table>"):
        [post] = read_html(f"<html><head><title>T</title></head><body><p>Intro text.</p>{table}</body></html>",
                           "t.html")
        assert [b.kind for b in post.blocks] == ["paragraph", "table"], table


def test_bad_pages_are_one_clear_error(tmp_path):
    with pytest.raises(SourceError, match="not an HTML page"):
        read_html("just some words", "a.html")
    with pytest.raises(SourceError, match="no readable content"):
        read_html("<html><body><nav>Home</nav><script>x()</script></body></html>", "b.html")
    deep = tmp_path / "deep.html"
    deep.write_text("<div>" * 3000 + "text")
    good = tmp_path / "good.html"
    good.write_text("<title>Fine</title><p>Some text here.</p>")
    corpus = load_posts(deep, good)  # a page nested too deeply to walk is read as its text (see below)
    assert [(p.title, p.text) for p in corpus] == [("", "text"), ("Fine", "Some text here.")]
    assert not corpus.failed and "nested too deeply" in corpus[0].warnings[0]


def test_a_medium_export_takes_its_summary_canonical_link_and_date_from_the_h_entry():
    """Medium's export marks its fields with microformats, not meta tags: `p-summary`, `p-canonical`,
    `dt-published`."""
    [post] = read_file(FIXTURES / "html" / "medium-export.html")
    assert (post.title, post.date) == ("Does SMP hurt?", dt.date(2024, 5, 6))
    assert post.description == "What a session feels like for most of our clients."
    assert post.canonical == "https://medium.com/@clinic/does-smp-hurt-0a1b2c3d4e5f"
    assert (post.slug, post.status) == ("does-smp-hurt", "")  # without Medium's post id; published
    assert (post.meta_line("description"), post.meta_line("date")) == (3, 12)
    # The body is the entry's `e-content`: not the summary again, nor the title repeated as its first heading.
    assert [(b.kind, b.line, b.text) for b in post.blocks] == [
        (PARAGRAPH, 7, "Most clients rate it two out of ten. We use a numbing cream when needed."),
        (HEADING, 8, "Numbing"), (PARAGRAPH, 9, "The cream takes twenty minutes to work.")]


def test_two_line_breaks_in_a_row_end_a_paragraph_as_a_browser_shows_them():
    """Text broken by `<br><br>` (a blank line on the page) is two paragraphs, each at its line and column; one
    `<br>`, or a break inside a sentence's own element, keeps the paragraph."""
    html = """<html><head><title>T</title></head><body><div class="entry-content">
First paragraph is here. It has two sentences.<br><br>
Second paragraph <b>starts</b> here.<br>
Still the second.<br />
<br/>
Third one.
</div></body></html>"""
    [post] = read_html(html, "x.html")
    assert [(b.kind, b.line, b.text) for b in post.blocks] == [
        (PARAGRAPH, 2, "First paragraph is here. It has two sentences."),
        (PARAGRAPH, 3, "Second paragraph starts here.\nStill the second."), (PARAGRAPH, 6, "Third one.")]
    assert [(s.line, s.column) for s in post.sentences] == [(2, 1), (2, 26), (3, 1), (4, 1), (6, 1)]


def test_a_page_nested_too_deeply_to_walk_is_read_as_the_text_of_its_body():
    """Thousands of nested `<div>`: the page was refused whole ("structure nested too deeply"); its title and
    metadata are read as usual, its body's text as paragraphs at their lines (without scripts or forms), and a
    warning says the structure was lost."""
    deep = "<div>\n" * 3_000 + "Deep text is here.<form><button>Send</button></form>\n" + "</div>\n" * 3_000
    page = (f"<html><head><title>Deep page</title><meta name=\"description\" content=\"A page.\"></head>\n"
            f"<body>\n{deep}<p>After the divs.</p>\n</body></html>")
    [post] = read_html(page, "deep.html")
    assert (post.title, post.description) == ("Deep page", "A page.")
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [(3_003, PARAGRAPH, "Deep text is here."),
                                                               (6_004, PARAGRAPH, "After the divs.")]
    assert post.warnings == ["line 2: HTML nested too deeply to read its structure (headings, lists, links, which "
                             "part is the post); the text of the whole page is read as paragraphs"]


def test_two_line_breaks_inside_an_inline_wrapper_end_a_paragraph_too():
    """An older page wraps its text in `<font>` or `<span>`: its `<br><br>` are blank lines on the page all the same;
    inside a paragraph of its own (`<p>`) they are a space, and a link's text never holds the break."""
    html = """<html><head><title>T</title></head><body><div>
<font face="Arial"><b>Does SMP hurt?</b><br><br>
Most clients describe a light scratch. We numb first.<br>
<br>Sessions last two to four hours, with <a href="/book">a<br><br>break</a> when you like.</font>
<p>One<br><br>paragraph.</p>
</div></body></html>"""
    [post] = read_html(html, "x.html")
    assert [(b.line, b.text) for b in post.blocks] == [
        (2, "Does SMP hurt?"), (3, "Most clients describe a light scratch. We numb first."),
        (4, "Sessions last two to four hours, with a break when you like."), (5, "One paragraph.")]
    assert [link.text for b in post.blocks for link in b.links] == ["a break"]


def _random_page(rng) -> str:
    """A page of random nesting from the tags, classes, ids and roles the reader's selectors name, and others."""
    names = ["div", "section", "article", "main", "nav", "header", "footer", "aside", "form", "p", "span", "ul",
             "li", "td", "script", "svg", "h2"]
    classes = ["entry-content", "post-content", "content", "widget", "sidebar", "comments", "comment-body",
               "breadcrumb", "hentry", "x", "navigation", "share-buttons"]
    ids = ["content", "comments", "sidebar", "respond", "comment-3", "main", "y"]
    roles = ["main", "navigation", "banner", "contentinfo", "complementary", "search", "note"]

    def element(depth: int) -> str:
        name = rng.choice(names)
        attrs = []
        if rng.random() < 0.4:
            attrs.append(f'class="{" ".join(rng.sample(classes, rng.randint(1, 2)))}"')
        if rng.random() < 0.2:
            attrs.append(f'id="{rng.choice(ids)}"')
        if rng.random() < 0.2:
            attrs.append(f'role="{rng.choice(roles)}"')
        if rng.random() < 0.05:
            attrs.append("hidden")
        inner = " ".join(element(depth + 1) for _ in range(rng.randint(0, 3 if depth < 5 else 0)))
        text = "Some words of text here, enough of them to count. " * rng.randint(0, 3)
        return f"<{name} {' '.join(attrs)}>{text}{inner}</{name}>"

    return f"<html><body>{''.join(element(0) for _ in range(rng.randint(1, 4)))}</body></html>"


def test_noise_and_content_are_found_as_the_css_selectors_find_them():
    """The reader tests its selectors on each tag in one walk of the page; what it takes out as noise and where it
    finds the post are what asking the CSS engine for each selector in turn finds, on pages of every nesting."""
    import random

    from smpseo.sources.readers import htmlmain as html
    from smpseo.sources.readers.htmlblocks import parse_html
    from smpseo.sources.readers.htmltags import hides

    rng = random.Random(11)
    for _ in range(300):
        page = _random_page(rng)
        mine, theirs = parse_html(page), parse_html(page)
        html.remove_noise(mine)
        for selector in html.NOISE_SELECTORS:
            for tag in theirs.select(selector):
                tag.decompose()
        for tag in theirs.find_all(lambda t: html.is_noise(t) or hides(t.attrs)):  # (and hidden ones: `_noise`)
            tag.decompose()
        assert str(mine) == str(theirs), page
        expected = theirs.body
        for selector in html.CONTENT_SELECTORS:
            found = [t for t in theirs.select(selector) if html.text_len(t) >= html.MIN_CONTENT_CHARS]
            if found:
                expected = max(found, key=html.text_len)
                break
        else:
            expected = None
        chosen = html.main_content(mine)
        if expected is not None:
            assert str(chosen) == str(expected), page



def _tables_nested(n: int) -> str:
    return "<table><tr><td>" * n + "Deep text." + "</td></tr></table>" * n


def test_tables_nested_in_tables_are_read_in_time_that_grows_with_their_depth():
    # each table was asked for a caption, header cells and a table inside it by a walk of all it held: 2,500 nested
    # tables took 7 s, 10,000 were not read within 20 s. The work counted is the reader's calls, not the clock.
    import sys

    from smpseo.sources.readers.htmlblocks import html_to_blocks, parse_html

    def calls(n: int) -> int:
        soup = parse_html(_tables_nested(n))
        html_to_blocks(soup)  # what is compiled or imported once, not counted
        count = 0

        def counted(frame, event, arg):
            nonlocal count
            count += event == "call"

        sys.setprofile(counted)
        try:
            blocks = html_to_blocks(soup)
        finally:
            sys.setprofile(None)
        assert [(b.kind, b.text) for b in blocks] == [("table", "Deep text.")]
        return count

    assert calls(200) < 2.5 * calls(100)  # 3.9 times as many before: the square of the depth


def test_tables_are_told_apart_as_asking_each_all_it_holds_would():
    """A table's first caption, its header cells, a table inside it and its cells' words, at any depth: what the
    one walk of the outermost table finds for each table inside it is what asking each in turn found."""
    from smpseo.sources.readers.htmlblocks import parse_html
    from smpseo.sources.readers.htmltables import PROSE_CELL_WORDS, TableKinds

    def asked(table) -> bool:
        if table.get("role") == "presentation" or table.get("datatable") == "0":
            return False
        caption = table.find("caption")
        if table.get("summary") or (caption is not None and caption.get_text(strip=True)) \
                or table.find(["th", "thead", "tfoot", "col", "colgroup"]) is not None:
            return True
        if table.find("table") is not None:
            return False
        return all(len(cell.get_text(" ").split()) < PROSE_CELL_WORDS for cell in table.find_all("td"))

    prose = " ".join(["word"] * PROSE_CELL_WORDS)
    pages = [_tables_nested(4), PRICES, f"<table><tr><td>{prose}</td></tr></table>",
             "<table><tr><td><table><caption> </caption><caption>Second</caption><tr><td>a</td></tr></table></td>"
             f"<td>{prose}</td></tr></table>",
             "<table><tr><td><table><tr><th>H</th></tr></table></td></tr></table><table role='presentation'><tr>"
             "<td>a</td></tr></table>",
             f"<table><tr><td>a<td>b<td>{prose}</td></td></td></tr></table><table><tr><td>a<td>b</td></td></tr></table>",
             "<table><caption><script>x</script><!-- c --></caption><tr><td>d</td></tr></table><table><caption><b> "
             "</b></caption><tr><td>d</td></tr></table>",
             f"<table><tr><td><table><caption><i>cap</i></caption><tr><td>in</td></tr></table>{prose}</td></tr></table>",
             "<table><tr><td>" * 3 + "<table><thead><tr><td>x</td></tr></thead></table>" + "</td></tr></table>" * 3
             + "<table><tr><td><table><colgroup></colgroup></table><table><tr><td>q</td></tr></table></td></tr></table>"]
    for page in pages:
        tables = parse_html(page).find_all("table")
        kinds = TableKinds()
        assert [kinds.holds_data(t) for t in tables] == [asked(t) for t in tables], page


def test_links_and_images_in_a_table_of_data_s_cells_are_the_post_s():
    page = ("<html><head><title>T</title></head><body><p>Intro text.</p>\n<table><tr><th>Q</th><th>A</th></tr>\n"
            "<tr><td>Cost</td><td><a href='/cost'>the cost post</a> <img src='x.jpg'></td></tr>\n"
            "<tr><td>Care</td><td><noscript><a href='/hidden'>hidden</a></noscript></td></tr></table></body></html>")
    [post] = read_html(page, "t.html")
    assert [b.kind for b in post.blocks] == ["paragraph", "table"]
    assert [(k.href, k.text, k.line) for k in post.links] == [("/cost", "the cost post", 3)]
    assert [(i.src, i.line) for i in post.images] == [("x.jpg", 3)]


def test_a_link_written_with_a_template_tag_in_html_has_no_padding():
    """A tag that outputs an address (`{{ "/consulting/" | url }}`) stands for it padded to its own length: in HTML
    written in a Markdown post, the link's address kept that padding ("/consulting/               ")."""
    from smpseo.sources.readers.markdown import parse_markdown

    post = parse_markdown('# Help\n\n<table><tr><td><a href="{{ "/consulting/" | url }}">Talk to us</a></td>'
                          '<td>Free</td></tr></table>\n\n<p>See <a href="{{ "/about/" | url }}">us</a>.</p>\n', "a.md")
    assert [k.href for k in post.links] == ["/consulting/", "/about/"]
