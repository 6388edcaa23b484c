from __future__ import annotations

import textwrap

import pytest

import smpseo
from smpseo.model.post import HEADING, IMAGE, LIST_ITEM, PARAGRAPH
from smpseo.sources.readers.markdown import parse_markdown

from .conftest import shared

SAMPLE = textwrap.dedent(
    """\
    ---
    title: Does SMP hurt?
    description: What a session feels like.
    keyphrase: SMP pain
    date: 2024-05-01
    tags: [pain, sessions]
    ---

    # Does SMP hurt?

    Most clients rate it a 3 out of 10. Dr. Smith agrees.
    The second line starts a new sentence here.

    ## Numbing

    - Numbing cream is an option.
    - Ask at your [consultation](/consultation/).

    ![Scalp after session one](/img/one.jpg)

    {% include cta.html %}

    ```
    code is not prose.
    ```
    """
)


def test_front_matter_fields_and_lines():
    post = parse_markdown(SAMPLE, "posts/pain.md")
    assert post.title == "Does SMP hurt?"
    assert post.title_line == 2
    assert post.description == "What a session feels like."
    assert post.keyphrase == "SMP pain"
    assert str(post.date) == "2024-05-01"
    assert post.tags == ["pain", "sessions"]
    assert post.slug == "pain"
    assert post.meta_line("description") == 3


def test_blocks_keep_kinds_and_lines():
    post = parse_markdown(SAMPLE, "posts/pain.md")
    kinds = [(b.kind, b.line) for b in post.blocks]
    assert kinds == [
        (HEADING, 9), (PARAGRAPH, 11), (HEADING, 14), (LIST_ITEM, 16), (LIST_ITEM, 17), (IMAGE, 19), ("code", 23)
    ]
    assert post.headings[1].level == 2
    assert post.images[0].alt == "Scalp after session one"
    assert post.links[0].href == "/consultation/" and post.links[0].text == "consultation"


def test_sentences_have_lines_and_columns_and_never_span_blocks():
    post = parse_markdown(SAMPLE, "posts/pain.md")
    sents = [(s.text, s.line, s.column) for s in post.sentences]
    assert sents[0] == ("Most clients rate it a 3 out of 10.", 11, 1)
    assert sents[1] == ("Dr. Smith agrees.", 11, 37)
    assert sents[2] == ("The second line starts a new sentence here.", 12, 1)
    # headings, images, template tags and code are not prose
    assert all("Numbing" != s.text for s in post.sentences)
    assert not any("include" in s.text or "code is not" in s.text for s in post.sentences)


def test_invalid_yaml_is_an_error_with_its_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: ok\ntags: [a, b\n---\nBody.\n", encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("# Fine\n\nA sentence.\n", encoding="utf-8")
    corpus = smpseo.load_posts(tmp_path)
    assert [p.title for p in corpus] == ["Fine"]
    assert len(corpus.failed) == 1
    err = corpus.failed[0]
    assert err.path.endswith("bad.md") and err.line in (3, 4) and "YAML" in err.message


def test_empty_binary_and_cp1252_files(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "legacy.md").write_bytes("# Caf\xe9\n\nIt\x92s fine.\n".encode("latin-1"))
    corpus = smpseo.load_posts(tmp_path)
    messages = {e.path.rsplit("/", 1)[-1]: e for e in corpus.errors}
    assert messages["empty.md"].message == "file is empty"
    assert messages["binary.md"].message == "binary file, not text"
    assert messages["legacy.md"].severity == "warning" and "Windows-1252" in messages["legacy.md"].message
    assert [p.title for p in corpus] == ["Café"]
    assert corpus[0].sentences[0].text == "It’s fine."


def test_a_utf8_post_with_one_windows_1252_line_keeps_its_utf8_text(tmp_path):
    """A UTF-8 post edited once in an old editor: only the line that is not UTF-8 is read as Windows-1252, the
    others keep their accents and dashes (no "ThÃ©", "â€”")."""
    data = "# Thé numbing cream\n\nIt helps — really.\n".encode() + "Café crème helps.\n".encode("cp1252")
    (tmp_path / "mixed.md").write_bytes(data)
    corpus = smpseo.load_posts(tmp_path)
    assert [(e.line, e.message) for e in corpus.errors] == [(4, "not UTF-8; read as Windows-1252")]
    assert corpus[0].title == "Thé numbing cream"
    assert [s.text for s in corpus[0].sentences] == ["It helps — really.", "Café crème helps."]


def test_invisible_characters_inside_a_word_do_not_split_it(tmp_path):
    """A soft hyphen (WordPress's `&shy;`) or a zero-width space pasted from a document shows nothing in a browser:
    the word around it is one word, and a keyphrase written across it is found."""
    (tmp_path / "a.md").write_bytes("---\ntitle: Scalp micro\u00adpigmentation\n---\n\n"
                                    "Scalp micro\u200bpigmentation lasts.\n".encode())
    (tmp_path / "b.html").write_text("<html><head><title>B</title></head><body><article>"
                                     "<p>Scalp micro&shy;pigmentation lasts years.</p></article></body></html>")
    corpus = smpseo.load_posts(tmp_path)
    assert corpus[0].title == "Scalp micropigmentation"
    assert [p.words for p in corpus] == [["Scalp", "micropigmentation", "lasts"],
                                         ["Scalp", "micropigmentation", "lasts", "years"]]


@pytest.mark.slow
def test_all_18f_posts_parse():
    folder = shared("corpora", "18f-blog-posts")
    corpus = smpseo.load_posts(folder)
    posts = [p for p in corpus if p.meta]
    assert not corpus.failed, corpus.failed[:3]
    assert len(posts) == 509
    assert sum(1 for p in posts if p.title) == 509
    # template tags never reach the prose, but for what a `{% raw %}` block shows as written (Jekyll prints it so)
    assert [s.text for p in posts for s in p.sentences if "{{" in s.text or "{%" in s.text] == [
        "Fill out the values in {{ }} to match your setup."]


def test_hugo_figures_and_img_tags_in_a_paragraph_are_the_post_s_images():
    """Hugo's figure shortcode and an <img> written inside a paragraph show an image: each is one of the post's
    images, with its alt text (none when it has none), at its line; every column after it stays where it was."""
    text = ('---\ntitle: Whitening\n---\n\n{{< figure src="/img/smile.jpg" >}}\n\n'
            '{{% figure src="/img/after.jpg" alt="Teeth after one visit" caption="After" %}} Then we rest.\n\n'
            'Our team <img src="/img/team.jpg" title="Team"> smiles, and <img alt=\'The studio\' src=/img/s.jpg> too.\n\n'
            '{{< figure src="/img/a b.jpg" >}}\n')
    post = parse_markdown(text, "a.md")
    assert [(i.src, i.alt, i.line, i.title) for i in post.images] == [
        ("/img/smile.jpg", "", 5, ""), ("/img/after.jpg", "Teeth after one visit", 7, ""),
        ("/img/team.jpg", "", 9, "Team"), ("/img/s.jpg", "The studio", 9, "")]
    rest = next(b for b in post.blocks if "Then we rest" in b.text)
    assert rest.sentences[0].column == text.splitlines()[6].index("Then") + 1


def test_lists_and_quotes_nested_past_the_parsers_limit_keep_their_text_and_lines():
    """markdown-it stops at 20 levels and skips what the deeper list or quote holds, to the end of the list (often
    the end of the post): each line is read again as an item of a flat list, on its own line and column."""
    deep = "".join("  " * i + f"- item {i} see [this](/x)\n" for i in range(30))
    text = (f"Intro.\n\n{deep}    continued\n\nAfter the list.\n\n" + "> " * 25 + "A deep quote.\n\nThe end.\n")
    warnings: list[str] = []
    post = parse_markdown(text, "a.md", warnings)
    assert warnings == ["line 12: lists or quotes nested too deeply for the Markdown parser; read as a flat list"]
    items = [b for b in post.blocks if b.kind == LIST_ITEM]
    assert [b.text for b in items] == [f"item {i} see this" for i in range(29)] + ["item 29 see this\ncontinued"]
    assert [b.line for b in items] == list(range(3, 33))
    assert items[-1].sentences[0].column == 61 and items[-1].links[0].column == 74
    assert [(b.line, b.kind, b.text) for b in post.blocks if b.kind != LIST_ITEM] == [
        (1, PARAGRAPH, "Intro."), (35, PARAGRAPH, "After the list."), (37, PARAGRAPH, "A deep quote."),
        (39, PARAGRAPH, "The end.")]


def test_an_html_block_nested_too_deeply_to_walk_keeps_its_text_and_the_post_its_other_blocks():
    """Thousands of nested `<div>` in a Markdown post: the post was refused whole ("nested too deeply"); the block's
    text is read as paragraphs at their lines, a script's, a form's or a drawing's is not (as in the rest of a post's
    HTML), an element the line breaks at parts the words around it, the blocks around it are read as usual, and the
    post says that its structure was lost."""
    deep = "<div>\n" * 3_000 + "<script>var x = 1;</script><noscript>Turn scripts on.</noscript>\nDeep <b>text</b> " \
        "&amp; more.<form><button>Send</button></form><svg><text>A drawing</text></svg><div>Next</div>\n" + \
        "</div>\n" * 3_000
    warnings: list[str] = []
    post = parse_markdown(f"---\ntitle: Divs\n---\n\nIntro text.\n\n{deep}\nAfter the divs.\n", "a.md", warnings)
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [
        (5, PARAGRAPH, "Intro text."), (3_008, PARAGRAPH, "Deep text & more. Next"), (6_010, PARAGRAPH, "After the divs.")]
    assert warnings == ["line 7: HTML nested too deeply to read its structure (headings, lists, links); its text is "
                        "read as paragraphs"]
    assert [s.line for s in post.sentences] == [5, 3_008, 3_008, 6_010]


def test_a_link_s_column_is_found_as_the_expression_it_replaced_finds_it():
    """A link's column is the place after its "[" and any emphasis marks and spaces where its text starts: found by
    scanning the line, as the regular expression compiled for each link found it (most of the reading time of a
    paragraph of thousands of links), on every short line of these characters."""
    import random
    import re

    from smpseo.sources.readers.markdown import _link_column

    def by_expression(row: str, text: str, searched: dict[int, int]) -> int:
        first = text.split()[0] if text.split() else ""
        if not first:
            return 1
        m = re.compile(r"\[[*_`~\s]*(?=" + re.escape(first) + ")").search(row, searched.get(1, 0))
        if not m:
            return 1
        searched[1] = m.end()
        return m.end() + 1

    rng = random.Random(3)
    for _ in range(20_000):
        row = "".join(rng.choice("[]*_`~ ax\t") for _ in range(rng.randint(0, 12)))
        text = "".join(rng.choice("*_ax ") for _ in range(rng.randint(0, 3)))
        theirs = {1: rng.randint(0, 3)}
        mine = dict(theirs)
        assert (_link_column([row], 1, text, mine), mine) == (by_expression(row, text, theirs), theirs), (row, text)


def test_a_paragraph_of_many_links_keeps_every_link_s_text_and_column():
    import re

    links = " ".join(f"[x{i}](https://example.com/{i})" for i in range(300))
    post = parse_markdown(f"# Links\n\n{links}\n", "links.md")
    found = post.links
    assert [(link.text, link.href) for link in found] == [(f"x{i}", f"https://example.com/{i}") for i in range(300)]
    assert [link.column for link in found] == [m.start() + 2 for m in re.finditer(r"\[", links)]


def test_a_wide_table_takes_memory_in_proportion_to_its_text():
    # each cell was a dozen of the parser's tokens and a paragraph of the post, dropped after: a table of 2,000
    # columns by 200 rows (808 KB) took 743 MB and 8 s, one of 2 MB was refused after its 20 s to be read
    import tracemalloc

    row = "|" + "a|" * 200
    table = "\n".join([row, "|" + "-|" * 200] + [row] * 50)
    text = f"# Prices\n\n{table}\n\nAfter the table.\n"
    parse_markdown("| a |\n|-|\n| b |\n\nText.\n", "warm.md")  # what is compiled once, not counted
    tracemalloc.start()
    try:
        post = parse_markdown(text, "wide.md")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(b.kind, b.line, b.end_line) for b in post.blocks] == [(HEADING, 1, 1), ("table", 3, 54),
                                                                  (PARAGRAPH, 56, 56)]
    assert post.blocks[1].text == table
    assert peak < 50 * len(text)  # 830 times its size before


def test_links_and_images_in_a_table_s_cells_are_the_post_s():
    # a table was kept as its source lines only: a link to another post or an image without alt text in a cell
    # went unseen by the link and image checks
    text = textwrap.dedent("""\
        # Prices

        | Service | More |
        | --- | --- |
        | Full scalp | [the cost post](cost.md) |
        | Scar | ![](scar.jpg) and <img src="line.jpg" alt="A hairline"> |
        | Care | [aftercare][care] |

        [care]: aftercare.md
        """)
    post = parse_markdown(text, "prices.md")
    assert [(k.href, k.text, k.line, k.column) for k in post.links] == [
        ("cost.md", "the cost post", 5, 17), ("aftercare.md", "aftercare", 7, 11)]
    assert [(i.src, i.alt, i.line) for i in post.images] == [("scar.jpg", "", 6), ("line.jpg", "A hairline", 6)]


def test_a_hugo_figure_keeps_its_caption_and_is_checked_as_an_html_figure_is():
    """`{{< figure caption=... >}}`: the caption is its image's, as a `<figcaption>` is; without `alt`, Hugo's own
    figure writes the caption as the image's alt text, so SEO211 has nothing to say of it (an HTML figure, whose
    `<img>` is written without alt, is another matter)."""
    import smpseo
    from smpseo.checks import EXAMPLE_CONFIG
    from smpseo.sources.readers.html import read_html

    text = ('---\ntitle: Chair\n---\n\nWe work on Hay Street.\n\n'
            '{{< figure src="/images/chair.jpg" caption="Our studio chair on Hay Street, Perth." >}}\n\n'
            'Then {{< figure src="/b.jpg" alt="Back" caption="Back view" >}} and '
            '{{< figure src="/c.jpg" alt="Crown" >}}.\n')
    post = parse_markdown(text, "chair.md")
    assert [(b.kind, b.text) for b in post.blocks][1] == (IMAGE, "Our studio chair on Hay Street, Perth.")
    assert [(i.src, i.alt, i.line, i.caption) for i in post.images] == [
        ("/images/chair.jpg", "Our studio chair on Hay Street, Perth.", 7, "Our studio chair on Hay Street, Perth."),
        ("/b.jpg", "Back", 9, "Back view"),
        ("/c.jpg", "Crown", 9, "")]
    [page] = read_html("<html><head><title>Chair</title></head><body><article><p>We work on Hay Street.</p>\n"
                       '<figure><img src="/images/chair.jpg"><figcaption>Our studio chair on Hay Street, Perth.'
                       "</figcaption></figure></article></body></html>", "chair.html")
    assert page.images[0].caption == post.images[0].caption
    found = [[(f.rule, f.message) for f in smpseo.check([p], EXAMPLE_CONFIG).findings if f.rule == "SEO211"]
             for p in (post, page)]
    assert found == [[], [("SEO211", "Image '/images/chair.jpg' has no alt text")]]


@pytest.mark.parametrize("mark", ["\u200d", "\u200c", "\u2061", "\u180e", "\u034f", "\ufe0f", "\U000e0041"])
def test_a_format_character_inside_a_word_is_invisible_as_a_soft_hyphen_is(tmp_path, mark):
    """A joiner, an invisible operator or a variation selector pasted inside a word shows nothing: the word is one
    word, in the title and the text, and the keyphrase written across it is found."""
    (tmp_path / "a.md").write_text(f"---\ntitle: Scalp micro{mark}pigmentation\nkeyphrase: scalp micropigmentation\n"
                                   f"---\n\nScalp micro{mark}pigmentation lasts.\n", encoding="utf-8")
    post = smpseo.load_posts(tmp_path)[0]
    assert post.title == "Scalp micropigmentation"
    assert post.words == ["Scalp", "micropigmentation", "lasts"]


def test_format_characters_between_symbols_stay_in_the_text():
    """Between symbols a joiner or a variation selector makes one emoji of several: the text keeps it."""
    from smpseo.core.text import clean_text

    assert clean_text("Our artist 👩\u200d🎨 ❤\ufe0f it") == "Our artist 👩\u200d🎨 ❤\ufe0f it"
    assert clean_text("micro\u200d\u200cpig\ufe0f") == "micropig"


def test_every_invisible_format_character_is_dropped_inside_a_word():
    """Every character of Unicode's category Cf this Python knows, but for those a reader sees (the prepended
    concatenation marks, U+0600 ...)."""
    import sys
    import unicodedata

    from smpseo.core.text import clean_text

    seen = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD}
    kept = [f"U+{c:04X}" for c in range(sys.maxunicode + 1)
            if unicodedata.category(chr(c)) == "Cf" and c not in seen and clean_text(f"a{chr(c)}b") != "ab"]
    assert kept == []


def test_html_a_browser_hides_in_a_markdown_post_is_not_its_text():
    """`<div hidden>` (its Markdown text after a blank line too, up to `</div>`), `style="display:none"` and
    `visibility:hidden`, in a block or inside a paragraph, hide their text; `aria-hidden` (screen readers only) and
    `hidden="until-found"` do not. The lines and columns of the rest are unchanged."""
    text = ("---\ntitle: T\n---\n\nShown one.\n\n<div hidden>\n\nSecret words here.\n\n## Secret heading\n\n</div>\n\n"
            'Shown <span style="display: none">secret <span>inner</span> still secret</span> two.\n\n'
            '<p style="visibility:hidden">Secret para.</p>\n<p aria-hidden="true">Shown three.</p>\n\n'
            '<div hidden="until-found">Shown four.</div>\n\nShown five.\n')
    post = parse_markdown(text, "a.md")
    assert [(b.kind, b.line, b.text) for b in post.blocks] == [
        ("paragraph", 5, "Shown one."), ("paragraph", 15, "Shown two."), ("paragraph", 18, "Shown three."),
        ("paragraph", 20, "Shown four."), ("paragraph", 22, "Shown five.")]
    assert [(s.line, s.column) for s in post.sentences][:3] == [(5, 1), (15, 1), (18, 23)]


# Google Docs copies a document as one line of HTML: `<meta charset>`, then a `<b>` wrapping every paragraph,
# heading and list (its id says where it came from). Pasted into a Markdown post, that line is no HTML block to the
# Markdown parser (it starts with `<meta>`) but a paragraph; a browser shows its headings and paragraphs all the same.
GOOGLE_DOCS_PASTE = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-3f1a2b3c-7fff">'
    '<p dir="ltr" style="line-height:1.38;"><span style="font-size:11pt;">Good aftercare decides how well the '
    'pigment settles.</span></p><br>'
    '<h2 dir="ltr" style="margin-top:18pt;"><span style="font-size:16pt;font-weight:400;">Days one to four</span></h2>'
    '<p dir="ltr"><span style="font-weight:400;">Keep your scalp dry.</span></p>'
    '<ul><li dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><span>Wet it with lukewarm water'
    '</span></p></li></ul></b>'
)


def test_html_pasted_from_google_docs_into_a_markdown_post_keeps_its_headings_paragraphs_and_lists():
    post = parse_markdown(f"---\ntitle: Aftercare\n---\n\n{GOOGLE_DOCS_PASTE}\n", "a.md")
    assert [(b.kind, b.text, b.line) for b in post.blocks] == [
        (PARAGRAPH, "Good aftercare decides how well the pigment settles.", 5),
        (HEADING, "Days one to four", 5),
        (PARAGRAPH, "Keep your scalp dry.", 5),
        (LIST_ITEM, "Wet it with lukewarm water", 5),
    ]
    assert [s.text for s in post.sentences] == [  # (a heading's words are no sentence)
        "Good aftercare decides how well the pigment settles.", "Keep your scalp dry.", "Wet it with lukewarm water"]


def test_a_heading_inside_an_inline_element_of_html_is_a_heading():
    # `<b>` or `<a>` around a heading: the browser shows a heading (a linked card's title, Google Docs' wrapper)
    post = parse_markdown('---\ntitle: T\n---\n\n<div><b id="x"><h2>Aftercare</h2><p>Keep it dry.</p></b>'
                          '<a href="/cork/"><h3>Our Cork studio</h3></a></div>\n', "a.md")
    assert [(b.kind, b.text, b.level) for b in post.blocks] == [
        (HEADING, "Aftercare", 2), (PARAGRAPH, "Keep it dry.", 0), (HEADING, "Our Cork studio", 3)]
    assert [(link.href, link.text) for link in post.links] == [("/cork/", "Our Cork studio")]


def test_a_markdown_paragraph_with_inline_html_stays_one_paragraph():
    post = parse_markdown("---\ntitle: T\n---\n\nSome <b>bold</b> and <span>plain</span> words here.\n", "a.md")
    assert [(b.kind, b.text) for b in post.blocks] == [(PARAGRAPH, "Some bold and plain words here.")]
