"""The one definition of "contains the keyphrase", of the introduction and of where synonyms count
(`smpseo.analysis.placement`), which every rule, the coverage table and the reports use."""

from __future__ import annotations

import pytest

from smpseo.analysis.keyphrase import Matcher
from smpseo.analysis.placement import (
    LATER,
    MISSING,
    START,
    WORDS,
    contains,
    count,
    holds_topic,
    occurrences,
    synonyms_count,
    title_placement,
    topic_share,
    uses,
)

SYNONYMS = {"scalp micropigmentation": ["SMP", "hair tattoo"]}


@pytest.fixture(scope="module")
def m():
    return Matcher(SYNONYMS)


def test_one_sentence_holds_all_the_words_in_any_order_and_form(m):
    text = "Scalp care and eyebrow micropigmentations are both offered across Vancouver. Scalp again."
    (found,) = occurrences(m, "Vancouver scalp micropigmentation", text)
    assert found.text == "Scalp care and eyebrow micropigmentations are both offered across Vancouver"
    assert "words apart in one sentence" in found.reasons and "word form 'micropigmentations'" in found.reasons
    assert not contains(m, "Vancouver scalp micropigmentation", "Scalp micropigmentation. Vancouver is rainy.")


def test_a_sentence_counts_as_often_as_its_rarest_keyphrase_word(m):
    assert count(m, "scalp micropigmentation", "Scalp micropigmentation, scalp micropigmentation and scalp.") == 2


def test_synonyms_count_only_where_yoast_premium_counts_them(m):
    assert [p for p in ("title", "slug", "density", "intro", "description", "subheading", "alt", "distribution",
                        "link") if synonyms_count(p)] == ["intro", "description", "subheading", "alt",
                                                         "distribution", "link"]
    assert contains(m, "scalp micropigmentation", "What is SMP?", synonyms=True)
    assert not contains(m, "scalp micropigmentation", "What is SMP?", synonyms=False)
    # a keyphrase that holds a synonym matches it as written
    assert contains(m, "SMP Vancouver", "SMP in Vancouver", synonyms=False)


def test_uses_say_which_form_matched(m):
    texts = ["Scalp micropigmentation is our work. SMP is quick.", "SMP lasts. SMP fades. A hair tattoo too."]
    used = uses(m, m.phrase("scalp micropigmentation"), texts)
    assert (used.written, used.synonym) == (1, 4)
    assert used.describe() == "1 time as written, 4 more as 'SMP' or 'hair tattoo'"


def test_a_synonym_is_a_phrase_of_its_own(m):
    phrase = m.phrase("scalp micropigmentation side effects")
    assert topic_share(m, phrase, "Side effects of SMP") == 1.0  # "SMP side effects": all three words
    assert topic_share(m, phrase, "Is SMP painful?") == pytest.approx(1 / 3)  # one of three, not two of four
    assert topic_share(m, phrase, "Is SMP painful?", synonyms=False) == 0.0


def test_distribution_wants_the_whole_short_keyphrase_and_half_a_long_one(m):
    assert holds_topic(m, m.phrase("scalp micropigmentation"), "SMP lasts for years.")
    assert not holds_topic(m, m.phrase("scalp micropigmentation"), "The scalp heals fast.")
    long_ = m.phrase("scalp micropigmentation hair follicles")
    assert holds_topic(m, long_, "Scalp micropigmentation does not cause hair loss.")  # 3 of 4
    assert not holds_topic(m, long_, "See a hair transplant doctor.")  # 1 of 4


@pytest.mark.parametrize(
    ("keyphrase", "title", "where"),
    [
        ("scalp micropigmentation", "Does scalp micropigmentation hurt?", START),
        ("Vancouver scalp micropigmentation", "How long does Vancouver scalp micropigmentation last?", START),
        ("scalp micropigmentation", "Are there any side effects to Scalp Micropigmentation?", LATER),
        ("Vancouver scalp micropigmentation", "Scalp micropigmentation in Vancouver: what to expect", WORDS),
        ("scalp micropigmentation", "What is SMP?", MISSING),
    ],
)
def test_where_the_keyphrase_is_in_a_title(m, keyphrase, title, where):
    assert title_placement(m, m.phrase(keyphrase), title) == where
