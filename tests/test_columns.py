"""A finding's column on its source line (`smpseo.checks.columns`): the matcher that finds a finding's words with
markup between them answers as the one expression it stands for would, without compiling it."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from smpseo.checks.columns import Phrase, pattern, refine_column

# Pieces of source lines: words, spaces, emphasis, tags, entities, escapes, link brackets and addresses, punctuation.
PIECES = ["a", "b", "ab", " ", "  ", "\n", "\t", "*", "_", "~", "`", "&nbsp;", "&#160;", "&#xa0;", "<b>", "</b>", "<",
          ">", "\\n", "\\", "[", "![", "]", "](x)", '](x "t")', "](x y)", "][r]", "(", ")", ".", ",", "!", "?", "\\.",
          "\\*", "\\_", "é", "x_y", "\u00a0", '"', "a.", "b,", "e.g.", "-"]
WORDS = ["a", "b", "ab", "a.", "b,", "a!?", "x_y", "é", "(a)", "*a*", "a.b", "[a", "a]", "e.g.", "-a", "#b", "a-b",
         ".", "a\\b", "\\"]


def _same(chunks: list[str], whole: bool, text: str, pos: int) -> None:
    phrase, compiled = Phrase(chunks, whole), pattern(chunks, whole)
    assert phrase.match(text, pos) == (compiled.match(text, pos) is not None)
    found = compiled.search(text, pos)
    assert phrase.search(text, pos) == (found.start() if found else None)
    assert list(phrase.starts(text)) == [m.start() for m in compiled.finditer(text)]


@settings(max_examples=600, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(chunks=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), whole=st.booleans(),
       text=st.lists(st.sampled_from(PIECES), max_size=16).map("".join), pos=st.integers(-2, 40))
@example(chunks=["a", "b"], whole=False, text="a](x) b", pos=0)  # a link's end between the words
@example(chunks=["a.", "b"], whole=False, text="*a*. b", pos=0)  # an emphasis closed before the full stop
@example(chunks=["e.g.", "b"], whole=True, text="e\\.g\\. b", pos=0)  # escaped full stops
@example(chunks=["a", "a"], whole=False, text="a a a a", pos=5)  # matches that overlap: finditer's starts
@example(chunks=["a", "b"], whole=False, text="a]][r] b", pos=0)  # several ways through the markup
def test_the_matcher_answers_as_the_expression_would(chunks, whole, text, pos):
    _same(chunks, whole, text, pos)


def test_a_long_run_of_markup_between_two_words_is_walked_without_recursion():
    text = "one" + " " * 50_000 + "two and one" + "*" * 20_000 + " two"
    assert list(Phrase(["one", "two"], False).starts(text)) == [0, 50_011]
    assert Phrase(["one", "three"], False).search(text) is None


def test_the_column_is_the_match_at_or_after_the_estimate():
    line = "Read **the [gel](/gel) guide** first, then the gel guide again."
    assert refine_column([line], 1, 1, "the gel guide") == line.index("the") + 1
    assert refine_column([line], 1, 30, "the gel guide") == line.index("the gel guide") + 1
    assert refine_column([line], 1, 60, "the gel guide") == line.index("the gel guide") + 1  # the nearest before
    assert refine_column([line], 1, 7, "8 of 40 sentences") == 7  # not text of the post: the estimate stays


def test_on_a_line_of_a_whole_export_the_words_are_found_near_their_estimate():
    """A file of hundreds of posts on one line (an export written without line breaks): a finding's words are
    looked for around its estimated column, where they are, and not along the whole line (for every finding)."""
    from smpseo.checks.columns import WINDOW

    before = "<p>The <b>healing</b> week is quiet.</p>" * (3 * WINDOW // 40)
    line = before + "<p>The <b>healing</b> week is quiet.</p>" + "<p>Other words.</p>" * (3 * WINDOW // 18)
    target = len(before) + len("<p>The <b>") + 1
    estimate = target - len("<b>") - 2  # markup before the words pushes them right of the estimate
    assert refine_column([line], 1, estimate, "healing week is quiet") == target
    assert refine_column([line], 1, estimate, "words that are nowhere") == estimate


def test_a_word_of_thousands_of_characters_is_found_by_its_start():
    """A paragraph that is one "word" of 3,000 escaped references: found where it starts (its first characters
    written with their escapes), as any word is; it was tried at each of its thousands of starts character by
    character, half a minute for a 20 KB post."""
    src = "Say " + "\\[1\\]" * 3000 + " now"
    assert refine_column([src], 1, 1, "[1]" * 3000 + " now") == 5
    assert refine_column(["x " + "ab" * 5000], 1, 1, "ab" * 5000) == 3
