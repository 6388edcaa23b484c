"""smpseo.analysis.segtokcore splits sentences and words as segtok 1.5.11 does, on real posts and on odd text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from segtok.segmenter import split_multi
from segtok.tokenizer import split_contractions, web_tokenizer

from smpseo.analysis import segtokcore, yakecore

from . import corpora


def same(text: str) -> None:
    expected = [split_contractions(web_tokenizer(s)) for s in split_multi(text)]
    assert [segtokcore.split_contractions(segtokcore.web_tokenizer(s)) for s in segtokcore.split_multi(text)] \
        == expected
    for sentence in expected:  # each part alone too, as segtok's functions are called on their own
        joined = " ".join(sentence)
        assert segtokcore.web_tokenizer(joined) == web_tokenizer(joined)


def as_yake_gets_it(text: str) -> str:
    """A post's text (one sentence per line) as YAKE is given it: lines joined as yake joins them."""
    return yakecore._pre_filter(text.replace("\n", " "))


@corpora.each(corpora.CLINIC, corpora.WORDPRESS, corpora.EVERY_18F_POST)
def test_real_posts(corpus):
    for text in corpus.texts():
        same(as_yake_gets_it(text))


@pytest.mark.parametrize("text", [
    "",
    " ",
    "Dr. Smith met Mr. Jones at 5 p.m. on Jan. 3. They talked.",
    "See e.g. the U.S. rules, i.e. the law. Then Prof. X. Y. Zed spoke (see Fig. 2).",
    "It was Sept. 3. It was 3. Sept. Then 12. Mai came.",
    "Written by A. B. Smith, C. Jones and D. Lee. Next sentence here.",
    "Visit https://example.com/path?q=1#frag or mail info@example.com. Done.",
    "Don't, won't, can't, it's, we've, they'll, I'd, she's, o'clock, rock'n'roll, dogs' bowls.",
    "Hyphen-\nated words and line\u2028breaks\r\nand Windows\r lines.",
    "He said \"Stop.\" Then (quietly) left. [See above.] Next.",
    "1234567890123456789012345678901234567890.",
    "x" * 60 + ". Another sentence follows here.",
    "Numbers 1,000.50 and 12:30 and 5'-ACGT-3' and H\u2082O and km\u00b2 stay whole.",
    "Ellipsis... and more... Really?! Yes!!",
    "a " * 40 + "Capt. " + "b " * 10 + "end.",
    "&amp; &lt;tag&gt; escaped &quot;text&quot; here.",
    "Trailing commas, colons: and semicolons; dangle,",
])
def test_odd_text(text):
    same(text)


WORDS = st.sampled_from(
    ["Dr.", "Mr.", "e.g.", "i.e.", "U.S.", "A.", "B.", "Capt.", "Sept.", "Jan.", "3.", "12", "1,000", "the",
     "clinic", "Scalp", "SMP", "don't", "it's", "dogs'", "rock'n'roll", "https://a.b/c", "x@y.org", "(see",
     "Fig.", "2)", "[note]", "and", "by", "Smith", "et", "al.", "&amp;", "co-op", "Hel-", "lo", "naïve", "ΣΊΣΥΦΟΣ",
     "'quoted'", "“curly”", "12:30", "H\u2082O", "km\u00b2", "...", "?!", "x" * 40])
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "? ", "! ", "; ", ": ", "\n", "\n\n", " - ", " (", ") ",
                              "  ", "\t", "\r\n", "\u2028"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), min_size=1, max_size=80))
def test_random_text(pairs):
    same("".join(w + s for w, s in pairs))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_any_characters(text):
    same(text)
