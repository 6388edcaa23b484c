"""smpseo.analysis.yakecore gives yake 0.7.3's keywords, term for term and score for score, on real posts and on odd text."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smpseo.analysis import yakecore

from . import corpora


@functools.cache
def reference():
    import yake

    return yake.KeywordExtractor(lan="en", n=3, dedup_lim=0.9, dedup_func="levs", window_size=1, top=20)


def same(text: str) -> None:
    expected = [(kw, float(score)) for kw, score in reference().extract_keywords(text)]
    assert [(kw, float(score)) for kw, score in yakecore.keywords(text, 20)] == expected


@corpora.each(corpora.CLINIC, corpora.WORDPRESS, corpora.EVERY_THIRD_18F_POST)
def test_real_posts(corpus):
    for text in corpus.texts():
        same(text)


@pytest.mark.parametrize("text", [
    "",
    " ",
    "the and of to a in",  # stop words only
    "2019 2020 1,000 3.5 42",  # numbers only
    "NASA and the FBI met. NASA said yes. The FBI said no.",  # acronyms
    "iPhone 12 and web3 tools",  # mixed letters and digits
    "Scalp micropigmentation\tin Vancouver.\nScalp micropigmentation hides scars.\nit lasts years",
    "SMP SMP SMP SMP",  # one word repeated: a self-loop in the co-occurrence graph
    "Does SMP hurt? It does not hurt much. Hurt is rare; pain is brief, and numbing helps!",
    "e-mail, e.g. U.S.A. (co-op) -- 'quoted' words don't break it",
    "a " * 30 + "clinic",
])
def test_odd_text(text):
    same(text)


WORDS = st.sampled_from(
    ["scalp", "Scalp", "SMP", "micropigmentation", "Vancouver", "clinic", "the", "of", "and", "is", "hair",
     "loss", "scars", "pain", "2024", "3.5", "e-mail", "it's", "U.S.", "density", "density", "ink", "a"])
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "? ", "; ", "\n", " - ", " (", ") "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), min_size=1, max_size=120))
def test_random_text(pairs):
    same("".join(w + s for w, s in pairs))


def test_long_candidates_are_deduplicated_like_yake():
    # near-duplicate phrases (one edit apart, longer than 10 characters) are what the levs dedup drops
    text = ("Scalp micropigmentation clinics help. Scalp micropigmentation clinic helps. " * 3
            + "Vancouver scalp clinic. Vancouver scalps clinic.")
    same(text)
    terms = [kw.lower() for kw, _ in yakecore.keywords(text, 20)]
    assert not ({"scalp micropigmentation clinics", "scalp micropigmentation clinic"} <= set(terms))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.integers(1, 60).map(float), st.floats(0, 1e6, allow_nan=False)), min_size=1,
                max_size=400))
def test_mean_std_is_numpys_to_the_last_bit(values):
    import numpy as np

    from smpseo.analysis.yakecore import mean_std

    array = np.array(values)
    assert mean_std(values) == (float(array.mean()), float(array.std()))


def test_mean_std_on_long_lists_is_numpys_to_the_last_bit():
    import random

    import numpy as np

    from smpseo.analysis.yakecore import mean_std

    rng = random.Random(7)
    for n in (127, 128, 129, 1000, 8191, 8192, 8193, 20000):
        values = [rng.random() * 10 ** rng.randint(-3, 4) for _ in range(n)]
        array = np.array(values)
        assert mean_std(values) == (float(array.mean()), float(array.std())), n


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(current[j - 1] + 1, previous[j] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcde fg", max_size=40), st.lists(st.tuples(st.integers(0, 40), st.sampled_from("abcz ")),
                                                          max_size=6), st.integers(0, 3))
def test_similar_is_yakes_levenshtein_test(a, edits, mode):
    # b: a with a few edits (the cases near the threshold), or a text of its own
    b = list(a)
    for at, c in edits:
        at = min(at, len(b))
        if mode == 0 and b:
            b.pop(min(at, len(b) - 1))
        elif mode == 1:
            b.insert(at, c)
        elif b:
            b[min(at, len(b) - 1)] = c
    b = "".join(b)
    if a != b:  # yake compares distinct candidates
        longest = max(len(a), len(b))
        assert yakecore._similar(a, b) == (1 - _levenshtein(a, b) / longest > yakecore.DEDUP_LIMIT)


def test_a_post_s_terms_are_no_pieces_of_words_cut_at_a_curly_apostrophe():
    """Word, Google Docs, WordPress and Squarespace write "you’re" with a typographic apostrophe, which YAKE's
    tokenizer cuts as it does not cut "you're": the blog's terms were "’re", "’re thinking" and "n’t wait longer"."""
    from smpseo.analysis.extract import extract_text

    curly = ("If you’re thinking about scalp micropigmentation in Dublin, the first question is usually the price.\n"
             "We’ve seen clients who’d waited years, and they’re glad they didn’t wait longer.\n"
             "Emma’s story shows what a full head treatment looks like.\n")
    terms = [term for term, _ in extract_text(curly)]
    assert not [t for t in terms if "’" in t or t.startswith("'")], terms
    assert terms == [term.replace("’", "'") for term, _ in extract_text(curly.replace("’", "'"))]
