"""smpseo.analysis.textstatcore gives textstat 0.7.13's Flesch reading ease, Flesch-Kincaid grade and consensus grade,
bit for bit, on real posts and on odd text."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smpseo.analysis import textstatcore

from . import corpora


@functools.cache
def reference():
    from smpseo.core.syllables import textstat

    return textstat()


def same(text: str) -> None:
    ts = reference()
    expected = (ts.flesch_reading_ease(text), ts.flesch_kincaid_grade(text), ts.text_standard(text, float_output=True))
    found = textstatcore.scores(text)
    assert found == expected, text[:200]
    assert [type(x) for x in found] == [type(x) for x in expected]  # an int at the grade's bounds, as textstat


@corpora.each(corpora.CLINIC, corpora.WORDPRESS, corpora.EVERY_18F_POST, corpora.FAQ_BLOGS)
def test_real_posts(corpus):
    for text in corpus.texts():
        same(text)


@pytest.mark.parametrize("text", [
    " ",
    ".",
    "...!?",
    "Hi.",
    "One two.",  # a sentence of two words: not counted, and the only one
    "One two three.",
    "2019 2020 1,000 3.5 42.",
    "Dr. Smith met Mr. Jones at 5 p.m. on Jan. 3.",
    "It's the clinic's best: don't, won't, can't, they're, we've, I'll, she'd.",
    "'Quoted' words, 'single quotes' and ‘curly ones’ — and “double” ones.",
    "İstanbul ΣΊΣΥΦΟΣ Straße naïve café coöperate ﬁnance.",
    "e-mail co-op well-being U.S.A. e.g. i.e. (parenthesis) [brackets] {braces}",
    "Antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis floccinaucinihilipilification.",
    "a " * 150 + "end.",  # more than 100 words: Linsear Write reads the first 100
    "Supercalifragilistic words everywhere. " * 40,
    "the cat sat\non the mat\nwithout any full stop",
    "SMP works. It lasts. Hair loss is common! Does it hurt? Not much.",
    "word" + "." * 50,
    "_under_scores_ and digits 123abc abc123 x1y2z3.",
])
def test_odd_text(text):
    same(text)


WORDS = st.sampled_from(
    ["scalp", "Scalp", "SMP", "micropigmentation", "Vancouver", "clinic", "the", "of", "and", "is", "hair",
     "loss", "scars", "pain", "2024", "3.5", "e-mail", "it's", "don't", "U.S.", "density", "ink", "a",
     "extraordinarily", "unbelievable", "Dr.", "'quoted'", "naïve", "Ελλάδα", "catastrophically"])
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "? ", "! ", "; ", "\n", " - ", " (", ") ", "... "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), min_size=1, max_size=160))
def test_random_text(pairs):
    text = "".join(w + s for w, s in pairs)
    if text.strip():
        same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_any_characters(text):
    if text.strip():
        same(text)
