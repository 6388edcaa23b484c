"""Keyphrase matching: word order, function words, word forms, hyphen/space variants, synonyms, apostrophes,
word boundaries, and the explanation each match gives. Misspellings of target terms."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smpseo.analysis.keyphrase import Matcher
from smpseo.analysis.placement import count
from smpseo.analysis.spelling import SpellingGuard, edit_distance

SYNONYMS = {"scalp micropigmentation": ["SMP", "scalp micro-pigmentation", "hair tattoo"]}
KP = "Vancouver scalp micropigmentation"


@pytest.fixture(scope="module")
def m():
    return Matcher(SYNONYMS)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Vancouver scalp micropigmentation is our work.", None),
        ("We offer scalp micropigmentation in Vancouver.", "function word 'in'"),
        ("We offer scalp micropigmentation in Vancouver.", "word order"),
        ("Vancouver's scalp micropigmentation clinic.", None),
        ("Vancouver scalp micropigmentations last.", "word form 'micropigmentations'"),
        ("Vancouver scalp micro-pigmentation.", "hyphen variant 'micro-pigmentation'"),
        ("Vancouver scalp micro pigmentation.", "space variant 'micro pigmentation'"),
        ("SMP Vancouver is here.", "synonym 'SMP'"),
        ("Hair tattoos in Vancouver.", "synonym 'Hair tattoos'"),
        ("Vancouver’s best scalp micropigmentation.", "extra word 'best'"),
        ("VANCOUVER SCALP MICROPIGMENTATION", None),
    ],
)
def test_variants_match_and_say_why(m, text, reason):
    found = m.find(KP, text)
    assert len(found) == 1, text
    if reason:
        assert reason in found[0].reasons, found[0].explain()
    assert found[0].explain().startswith("matched ")


@pytest.mark.parametrize(("keyphrase", "text"), [
    ("24-hour aftercare", "Your 24 hour aftercare, day one."), ("at-home aftercare", "Your at home aftercare."),
    ("SMP for 3-day stubble", "SMP for a 3 day stubble look."),
])
def test_a_space_variant_whose_first_word_is_short_matches(m, keyphrase, text):
    """"24 hour" is "24-hour" as "micro pigmentation" is "micro-pigmentation": a first word of fewer than four
    letters joins the next one too."""
    found = m.find(keyphrase, text)
    assert len(found) == 1, text
    assert any(r.startswith("space variant") for r in found[0].reasons), found[0].explain()


@pytest.mark.parametrize(
    "text",
    [
        "A scalpel in Vancouver for micropigmentation work.",  # no substring counts
        "Scalp micropigmentation. Vancouver is rainy.",  # a match never crosses a sentence end
        "Scalp care and eyebrow micropigmentation, both offered across greater Vancouver.",  # words too far apart
        "Vancouver scalp care.",  # a word missing
    ],
)
def test_non_matches(m, text):
    assert m.find(KP, text) == []


def test_explanation_names_the_matched_text(m):
    (match,) = m.find(KP, "Ask about scalp micropigmentation in Vancouver today.")
    assert match.text == "scalp micropigmentation in Vancouver"
    assert match.explain() == ("matched 'scalp micropigmentation in Vancouver' for 'Vancouver scalp "
                               "micropigmentation' (word order; function word 'in')")


def test_counts_are_non_overlapping_and_adjacent_repeats_count_twice(m):
    text = "Scalp micropigmentation, scalp micropigmentation and SMP."
    assert count(m, "scalp micropigmentation", text) == 3


def test_offsets_point_into_the_text(m):
    text = "Our clinic offers SMP in Vancouver."
    (match,) = m.find(KP, text)
    assert text[match.start:match.end] == "SMP in Vancouver"


def test_synonyms_inside_a_keyphrase_are_expanded(m):
    assert m.same("SMP Vancouver", "Vancouver scalp micropigmentation")
    assert m.same("Vancouver SMP", "scalp micropigmentation in Vancouver")
    assert not m.same("SMP cost", "SMP pain")


def test_share_counts_word_forms(m):
    assert m.share("scalp micropigmentation", "scalps") == 0.5
    assert m.share(KP, "two years of micropigmentation on a scalp in Vancouver") == 1.0


def test_function_word_only_phrase_matches_nothing(m):
    assert not m.phrase("how to")
    assert count(m, "how to", "Here is how to do it.") == 0


def test_no_synonyms_configured():
    plain = Matcher()
    assert plain.find(KP, "SMP Vancouver") == []
    assert count(plain, "scalp micropigmentation", "Scalp Micropigmentation, scalp micropigmentation.") == 2


# ---- misspellings ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def guard():
    return SpellingGuard(["scalp micropigmentation", "Vancouver scalp micropigmentation", "SMP"])


def test_the_seeds_misspelling_is_found(guard):
    text = "Rob James SMP is a scalp Micropigmention artist."
    (hit,) = guard.find(text)
    start, end, word, suggestion = hit
    assert text[start:end] == "Micropigmention" == word
    assert suggestion == "Micropigmentation"


@pytest.mark.parametrize("word", ["micropigmentation", "micropigmentations", "micro-pigmentation", "Vancouver",
                                  "Vancouver's", "pigmentation", "scalp", "SMP", "variation"])
def test_correct_words_and_word_forms_are_not_misspellings(guard, word):
    assert guard.find(f"We talk about {word} here.") == []


@pytest.mark.parametrize(("typo", "good"), [("micropigmentaton", "micropigmentation"), ("Vancover", "Vancouver"),
                                             ("micropigmantation", "micropigmentation")])
def test_near_misses_are_flagged(guard, typo, good):
    (hit,) = guard.find(f"A {typo} artist.")
    assert hit[3].lower() == good.lower()


def test_edit_distance():
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("abc", "abcdefgh", limit=2) == 3  # stops early past the limit


# ---- properties ----------------------------------------------------------------------------------------------------
FILLERS = ["in", "the", "of", "for", "and", "a", "our"]
OTHER = ["hair", "clinic", "needle", "session", "pigment", "skin", "artist", "dots", "shave", "fade"]


@settings(max_examples=150, deadline=None)
@given(order=st.permutations(["Vancouver", "scalp", "micropigmentation"]),
       gaps=st.lists(st.lists(st.sampled_from(FILLERS), max_size=2), min_size=2, max_size=2),
       plural=st.booleans(), prefix=st.lists(st.sampled_from(OTHER), max_size=4))
def test_any_order_with_function_words_matches(order, gaps, plural, prefix):
    m = Matcher(SYNONYMS)
    words = list(order)
    if plural:
        words[words.index("micropigmentation")] = "micropigmentations"
    parts = [words[0], *gaps[0], words[1], *gaps[1], words[2]]
    text = " ".join([*prefix, *parts]) + "."
    (match,) = m.find(KP, text)
    assert match.text == " ".join(parts)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(OTHER + FILLERS + ["scalpel", "Vancouverite", "pigmentation"]), max_size=30))
def test_text_without_the_words_never_matches(words):
    assert Matcher(SYNONYMS).find(KP, " ".join(words)) == []


def test_double_quotes_ask_for_the_exact_phrase(m):
    exact = '"scalp micropigmentation in Vancouver"'
    assert count(m, exact, "Scalp Micropigmentation in  Vancouver, and scalp micropigmentation in Vancouver's west.") == 2
    assert m.find(exact, "Vancouver scalp micropigmentation") == []
    assert m.find(exact, "SMP in Vancouver") == []
    (match,) = m.find(exact, "Book scalp micropigmentation in Vancouver.")
    assert match.reasons == ("exact phrase",) and match.text == "scalp micropigmentation in Vancouver"


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u2011", "\u00ad"])
def test_every_hyphen_joins_a_word_as_the_ascii_one_does(m, hyphen):
    from smpseo.core.text import clean_text, words

    text, phrase = (clean_text(f"Vancouver scalp micro{hyphen}pigmentation heals fast."),
                    clean_text(f"scalp micro{hyphen}pigmentation"))
    assert len(words(text)) == 5
    assert count(m, "Vancouver scalp micropigmentation", text) == 1
    assert count(m, phrase, "Scalp micropigmentation heals fast.") == 1
