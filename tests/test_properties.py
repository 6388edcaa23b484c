"""Properties that hold for any input: readers never fail with anything but a SourceError, every sentence maps back
to the line it came from, words are counted once, and the FAQ matcher is not thrown by unrelated text.
"""

from __future__ import annotations

import functools
import os
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from smpseo.core.text import clean_text, words
from smpseo.model.post import Post, split_sentences
from smpseo.sources.readers.decode import SourceError, decode
from smpseo.sources.readers.html import read_html
from smpseo.sources.readers.markdown import read_markdown
from smpseo.sources.readers.textdump import read_textdump
from smpseo.sources.readers.wxr import read_wxr

from .conftest import FIXTURES

READERS = {"markdown": read_markdown, "html": read_html, "text": read_textdump, "wxr": read_wxr}

# Text a post might hold, hostile bits included: markup of every format the readers know, entities, control
# characters, odd whitespace and line endings, non-Latin scripts, emoji.
_PIECES = st.sampled_from([
    "Scalp", "micropigmentation", "lasts", "years", "SMP", "Vancouver", "dots", "Dr.", "e.g.", "$2.50", "it's",
    "café", "naïve", "日本語", "пигмент", "عربى", "🙂", "\u200b", "\u00a0", "\t", "\x00", "\x0b", "\x1b[2J", "\u2028",
    " ", " ", " ", ".", "?", "!", "...", ",", ";", ":", "\"", "“", "”", "'", "(", ")", "-", "—", "*", "_", "`",
    "#", "##", "> ", "- ", "1. ", "\n", "\n", "\n\n", "\r\n", "\r", "---", "---\n", "title: x\n", "[", "]",
    "](/a)", "![i](x.png)", "<", ">", "&", "&amp;", "&#0;", "&nbsp;", "<p>", "</p>", "<h2>", "</h2>", "<li>",
    "<div>", "</div>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!--", "-->", "<br>",
    "<title>", "</title>", "<article>", "<pre>", "<table><tr><td>", "[caption]", "[/caption]", "<![CDATA[", "]]>",
    "<item>", "</item>", "<content:encoded>", "</content:encoded>", "<wp:post_type>post</wp:post_type>",
    '<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    "</rss>", "Posted on March 3, 2021", "==========", "{{ x }}", "{% y %}",
])
ANY_TEXT = st.one_of(st.lists(_PIECES, max_size=120).map("".join), st.text(max_size=400))
# SMPSEO_FUZZ_EXAMPLES=5000 for a longer search than the suite's.
EXAMPLES = int(os.environ.get("SMPSEO_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(reader: str, text: str) -> list[Post]:
    try:
        return READERS[reader](text, f"fuzz.{reader}")
    except SourceError as exc:
        assert exc.message and exc.path == f"fuzz.{reader}" and exc.line >= 0
        return exc.posts


def _shown(line: str) -> list[str]:
    """The ways a source line can show as text: as written, with tags or markup characters removed (a tag or an
    autolink between words glues them, in a browser too), entities decoded."""
    import html

    hidden = re.sub(r"(?is)<(script|style|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>", "", line)  # never shown
    hidden = re.sub(r"(`+)[^`]*\1", "", hidden)  # code is not prose
    hidden = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", hidden)  # Markdown images: no text of their own
    hidden = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", hidden)  # Markdown links: their text
    no_codes = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\[/?[A-Za-z][^\[\]]*\]", "", hidden)  # templates, shortcodes
    bare = re.sub(r"<[^<>]*>", "", no_codes)
    autolinks = re.sub(r"<[^<>]*>", "", re.sub(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>", r"\1", no_codes))
    autolinks = re.sub(r"[*_`\\]", "", autolinks)  # tags gone, <scheme:...> autolinks kept as their text
    forms = [line, re.sub(r"<[^<>]*>", "", line), bare, autolinks, re.sub(r"[<>*_`\\\[\]]", "", line),
             re.sub(r"[*_`\\]", "", bare), re.sub(r"<[^>]*>", "", no_codes)]  # a tag runs to the next ">"
    return forms + [html.unescape(f) for f in forms]


def _first_word(sentence_text: str) -> str | None:
    """The sentence's first word, if its first piece of text (up to a space) holds one."""
    pieces = sentence_text.split()
    found = words(pieces[0]) if pieces else []
    return found[0] if found else None


@SETTINGS
@given(reader=st.sampled_from(list(READERS)), text=ANY_TEXT)
def test_readers_fail_only_with_a_source_error_and_sentences_map_back(reader, text):
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))  # what decode() hands the readers
    posts = _read(reader, text)
    lines = text.split("\n")
    for post in posts:
        assert isinstance(post, Post)
        for block in post.prose:
            # words are counted once: the sentences hold exactly the block's words, in order
            assert [w for s in block.sentences for w in words(s.text)] == words(block.text)
            for sentence in block.sentences:
                assert 1 <= sentence.line <= len(lines), (sentence, len(lines))
                first = _first_word(sentence.text)
                if first is not None:
                    # every sentence maps back to a line that holds its first word. HTML parsers give a tag's
                    # first line only, so text after a start tag written over several lines may be a line late.
                    near = 1 if reader in ("markdown", "text") else 3
                    assert any(first in form for line in lines[sentence.line - 1: sentence.line - 1 + near]
                               for form in _shown(line)), (first, sentence, lines[sentence.line - 1])
        assert post.word_count == sum(len(words(s.text)) for s in post.sentences)


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_refused(data):
    try:
        text, warnings = decode(data, "any.md")
    except SourceError as exc:
        assert exc.message in ("file is empty", "binary file, not text") or "byte order mark" in exc.message
        return
    assert "\r" not in text and text.strip()
    assert all(re.match(r"line \d+: ", w) for w in warnings)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéü0123456789'’-", min_size=1,
                max_size=12)
_SEP = st.sampled_from([" ", " ", " ", ". ", "? ", "! ", ", ", ".\n", "\n", " (", ") ", ": ", "... ", "” "])
_PROSE = st.lists(st.tuples(_WORD, _SEP), min_size=1, max_size=40).map(lambda ws: "".join(w + s for w, s in ws))


@settings(max_examples=2 * EXAMPLES, deadline=None)
@given(text=_PROSE, line=st.integers(1, 500), column=st.integers(1, 80))
def test_sentences_keep_every_word_once_and_their_lines(text, line, column):
    sentences = split_sentences(text, line, column)
    assert [w for s in sentences for w in words(s.text)] == words(text)
    lines = text.split("\n")
    for s in sentences:
        assert line <= s.line < line + len(lines)
        first = _first_word(s.text)
        if first is not None:
            assert first in lines[s.line - line], (s, lines)


# -- the FAQ matcher ---------------------------------------------------------------------------------------------------

GAPS_POSTS = FIXTURES / "gaps" / "posts"
# Words from nowhere near scalp micropigmentation: software, gardening, weather, trains.
_UNRELATED = ("software procurement agency contract developers deployed the new service while gardeners planted "
              "tomatoes beside the railway station and the weather turned cold so the committee postponed its "
              "quarterly budget review until spring when the trains run on time again").split()
_UNRELATED_SENTENCE = st.lists(st.sampled_from(_UNRELATED), min_size=4, max_size=25).map(
    lambda ws: " ".join(ws).capitalize() + ".")
_UNRELATED_PARAGRAPH = st.lists(_UNRELATED_SENTENCE, min_size=1, max_size=6).map(" ".join)


@functools.lru_cache(maxsize=1)
def _baseline():
    from smpseo import load_posts
    from smpseo.app.gaps import gaps

    files = sorted(GAPS_POSTS.glob("*.md"))
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    report = gaps(load_posts(*files))
    return texts, {t.id: t.status for t in report.topics}


def _insert_paragraph(text: str, paragraph: str, where: int) -> str:
    """`paragraph` as a paragraph of its own at one of the body's blank-line boundaries (or at its end)."""
    fence = text.index("\n---\n", 4) + 5
    head, body = text[:fence], text[fence:]
    boundaries = [m.end() for m in re.finditer(r"\n\n(?=\S)", body)] + [len(body)]
    at = boundaries[where % len(boundaries)]
    before = body[:at].rstrip("\n")
    return head + before + "\n\n" + paragraph + "\n\n" + body[at:].lstrip("\n")


@pytest.mark.slow  # sixty whole matcher runs over the clinic's posts (about a minute)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post=st.integers(0, 7), where=st.integers(0, 200), paragraph=_UNRELATED_PARAGRAPH)
def test_an_unrelated_paragraph_never_unanswers_a_topic(tmp_path_factory, post, where, paragraph):
    from smpseo.app.gaps import gaps
    from smpseo.sources.readers.markdown import parse_markdown

    texts, before = _baseline()
    assume(any(status == "answered" for status in before.values()))
    names = sorted(texts)
    posts = []
    for i, name in enumerate(names):
        text = _insert_paragraph(texts[name], paragraph, where) if i == post else texts[name]
        posts.append(parse_markdown(text, str(GAPS_POSTS / name)))
    after = {t.id: t.status for t in gaps(posts).topics}
    turned = {tid: after[tid] for tid, status in before.items() if status == "answered" and after[tid] == "missing"}
    assert not turned, f"adding to {names[post]} turned answered topics missing: {turned}"


def test_the_insertion_helper_adds_one_paragraph():
    from smpseo.sources.readers.markdown import parse_markdown

    texts, _ = _baseline()
    name = sorted(texts)[0]
    plain = parse_markdown(texts[name], name)
    extra = parse_markdown(_insert_paragraph(texts[name], "Gardeners planted tomatoes.", 3), name)
    assert len(extra.paragraphs) == len(plain.paragraphs) + 1
    assert "Gardeners planted tomatoes." in [b.text for b in extra.paragraphs]


@pytest.mark.parametrize("reader", list(READERS))
def test_deep_nesting_is_an_error_or_a_read_never_a_crash(reader):
    deep = "<div>" * 5_000 + "<p>Text at the bottom.</p>" + "</div>" * 5_000  # far past the recursion limit
    text = {"markdown": deep, "html": f"<html><body>{deep}</body></html>", "text": deep,
            "wxr": '<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/'
                   'content/"><channel><item><wp:post_type>post</wp:post_type><title>Deep</title><content:encoded>'
                   f"<![CDATA[{deep}]]></content:encoded></item></channel></rss>"}[reader]
    try:
        posts = READERS[reader](text, f"deep.{reader}")
    except (SourceError, RecursionError):  # load_posts turns RecursionError into "nested too deeply" (tested there)
        return
    assert all(isinstance(p, Post) for p in posts)


def _first_entry(name: str, text: str) -> str | None:
    """`find_phrase` as it reads: at each word in turn, the longest entry of the list starting there."""
    from smpseo.core.language import _APOSTROPHES, word_list
    from smpseo.core.text import WORD_RE

    entries = {tuple(e.split()) for e in word_list(name)}
    longest = max(len(e) for e in entries)
    found = [w.lower() for w in WORD_RE.findall(text.translate(_APOSTROPHES))]
    for i in range(len(found)):
        for n in range(min(longest, len(found) - i), 0, -1):
            if tuple(found[i:i + n]) in entries:
                return " ".join(found[i:i + n])
    return None


_LIST_WORDS = st.sampled_from(["for", "example", "in", "addition", "as", "a", "result", "however", "first", "of",
                               "all", "call", "book", "now", "your", "free", "consultation", "today", "the",
                               "clinic", "That", "FOR", "Example,", "it's", "on", "the", "other", "hand", "."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LIST_WORDS, max_size=30), st.sampled_from(["transition_words", "cta_phrases"]))
def test_a_word_list_entry_is_found_where_it_first_starts(words_, name):
    from smpseo.core.language import find_phrase

    text = " ".join(words_)
    assert find_phrase(name, text) == _first_entry(name, text)


# ---- template tags: found in one pass, as the lazy expression finds them ------------------------------------------
_TEMPLATE_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


@given(st.text(alphabet="{}%# a\n", max_size=60))
def test_template_tags_are_where_the_lazy_expression_finds_them(text):
    from smpseo.core.text import template_spans

    assert template_spans(text) == [m.span() for m in _TEMPLATE_EXPRESSION.finditer(text)]


def test_unclosed_template_openers_are_left_as_text():
    from smpseo.core.text import mask_templates, strip_markup_noise

    text = "{" * 50_000 + " and {% unclosed, {# too"
    assert mask_templates(text) == text and strip_markup_noise(text) == text
    text = "Text {{ tag }} and " + "{%" * 25_000
    assert mask_templates(text) == "Text " + "\ue000" * len("{{ tag }}") + " and " + "{%" * 25_000


_TYPED = st.lists(st.one_of(_PIECES, st.sampled_from(["micropigmnetation", "Micropigmentaion", "Vancuover", "vancover",
                                                       "permanant", "sesions", "painfull", "Tornoto", "naïvety"])),
                  max_size=60).map(" ".join)


@SETTINGS
@given(text=st.one_of(ANY_TEXT, _TYPED))
def test_reading_a_question_as_meant_changes_only_mistyped_words(text):
    """Any text, hostile bits included, is read without error, and only words of five letters or more change,
    each for a word one edit away; everything between the words stays as written."""
    from smpseo.analysis.gaps.respell import one_edit, respelled
    from smpseo.app.gaps import word_vectors

    vectors = word_vectors()
    read = respelled(text, {"micropigmentation": 3, "vancouver": 1}, vectors.knows, vectors.freq)
    split = re.compile(r"([^\W\d_]+)")
    before, after = split.split(text), split.split(read)
    assert len(before) == len(after)
    for i, (a, b) in enumerate(zip(before, after, strict=True)):
        if i % 2 == 0 or a == b:
            assert a == b
        else:
            assert len(a) >= 5 and b.lower() in one_edit(a.lower())
