"""Passive voice (RD104): a participle read as an adjective or in a fixed expression is no passive; the same
participle in a true passive still is."""

from __future__ import annotations

import pytest

from smpseo.analysis.passive import passive_phrase


@pytest.mark.parametrize("text", [
    "We’re headed to Surrey next week.",
    "We're headed back to the Leeds studio in May.",
    "That being said, most clients heal in a week.",
    "With that being said, book a consultation.",
    "Many of our clients say they’re tired of hats.",
    "When all is said and done, the hairline looks natural.",
    "We were incredibly relieved by how fast it healed.",
    "I was extremely impressed with the result.",
    "Our clinic is bound for a bigger studio next year.",
    "I was stoked with how the hairline turned out.",  # how clients in Australia, Britain and Ireland say it
    "We're chuffed to open our second studio.",
    "My mates were gobsmacked when they saw it.",
    "I was knackered after the third session.",
    "We are delighted to welcome you to Fremantle.",
    "He was thrilled with his new hairline.",
])
def test_an_adjective_or_a_fixed_expression_is_no_passive(text):
    assert passive_phrase(text) is None


@pytest.mark.parametrize("text, phrase", [
    ("The studio was headed by Dr. Lee for ten years.", "was headed"),
    ("The pigment is placed just under the skin.", "is placed"),
    ("That is being said by every clinic in town.", "is being said"),
    ("It is said to last five years or more.", "is said"),
    ("Your hairline is being redrawn today.", "is being redrawn"),
    ("The scalp is first cleaned and numbed.", "is first cleaned"),
])
def test_a_passive_still_counts(text, phrase):
    assert passive_phrase(text)[1] == phrase


@pytest.mark.parametrize("text", [
    "Once you're done with hats, you won't go back.",
    "We are finished with the first session in two hours.",
    "Our new studio is set to open in May.",
    "The colour is bound to soften a little over the years.",
])
def test_a_fixed_expression_said_as_it_is_meant_is_no_passive(text):
    assert passive_phrase(text) is None


@pytest.mark.parametrize("text, phrase", [
    ("The treatment is done with a fine needle.", "is done"),
    ("Each layer is finished with a lighter shade.", "is finished"),
    ("The needle depth is set to 0.5 mm for a first session.", "is set"),
    ("Min height is set to 300px.", "is set"),
    ("The machine was set to the lowest speed.", "was set"),
    ("The Surrey studio is headed up by Dr. Lee.", "is headed"),
])
def test_the_words_of_a_fixed_expression_in_a_passive_still_count(text, phrase):
    assert passive_phrase(text)[1] == phrase


@pytest.mark.parametrize("text, phrase", [
    ("The worry I hear most is about the hair that's left.", "that's left"),
    ("The next step is to add what's called front matter.", "what's called"),
    ("It\u2019s expected to last five years.", "It\u2019s expected"),
    ("It's called your Norwood stage.", "It's called"),
])
def test_is_written_short_after_a_pronoun_opens_a_passive(text, phrase):
    assert passive_phrase(text)[1] == phrase


@pytest.mark.parametrize("text", [
    "She's tried everything for her thinning crown.",
    "That's changed my life.",
    "He's lost his hair in his twenties.",
    "He's gotten used to the look.",
    "It's been a year since my last session.",
    "It's got a matte finish.",
    # a verb that takes no object has no passive, and "complicated" is an adjective
    "Don't let the dog lick your head. Yes, that's happened.",
    "It's not complicated: leave your head alone.",
    "He's become a regular at the studio.",
])
def test_is_written_short_for_has_is_no_passive(text):
    assert passive_phrase(text) is None
