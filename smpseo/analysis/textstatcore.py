# SPDX-License-Identifier: MIT
"""textstat 0.7.13's Flesch reading ease, Flesch-Kincaid grade and consensus grade (`text_standard`), worked out in
one pass over the text: the same numbers, to the last bit.

textstat works each formula out on its own: the consensus grade alone runs eight formulas, each of which splits the
text into words and counts syllables again, and looks up every word's syllables once per formula (its caches hold
128 entries, a few words of a post). Here the text is split once, each distinct word's syllables and difficulty are
worked out once, and the formulas are textstat's, expression for expression and in the same order of operations,
over those counts, so that every float is the one textstat computes. Only English (textstat's default language,
`en_US`) is offered, and only the three scores smpseo reports. `tests/test_textstatcore.py` holds `scores()` to
textstat itself on every post of the real corpora and on odd text.

The formulas, the word and sentence counting and the easy-word list (read from the installed textstat package) are
textstat's. This file is a port of parts of textstat 0.7.13 and is under textstat's licence:

    MIT License

    Copyright (c) 2016 Shivam Bansal (shivam5992@gmail.com)

    Permission is hereby granted, free of charge, to any person obtaining a copy
    of this software and associated documentation files (the "Software"), to deal
    in the Software without restriction, including without limitation the rights
    to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
    copies of the Software, and to permit persons to whom the Software is
    furnished to do so, subject to the following conditions:

    The above copyright notice and this permission notice shall be included in all
    copies or substantial portions of the Software.

    THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
    IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
    FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
    AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
    LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
    OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
    SOFTWARE.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
from collections import Counter
from pathlib import Path

from smpseo.core import syllables

# textstat's constants (backend/utils/constants.py) and expressions, as written there
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + r"[tsd]|ve|ll|re" + ")")
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLL_PER_WORD = 206.835, 1.015, 84.6  # LANG_CONFIGS["en"]
SYLLABLE_THRESHOLD = 3  # LANG_CONFIGS["en"]["syllable_threshold"]: Gunning fog's difficult words


def _remove_punctuation(text: str) -> str:
    """`remove_punctuation(text, rm_apostrophe=False)`: punctuation out, the apostrophes of contractions kept."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


def _count_sentences(text: str) -> int:
    """`count_sentences`: runs of text up to `.`, `!` or `?`, leaving out those of two words or fewer."""
    if len(text) == 0:
        return 0
    sentences = _SENTENCE.findall(text)
    ignore_count = 0
    for sentence in sentences:
        if len(_remove_punctuation(sentence).split()) <= 2:
            ignore_count += 1
    return max(1, len(sentences) - ignore_count)


@functools.cache
def easy_words() -> frozenset[str]:
    """textstat's English easy words (Dale-Chall), read from the installed package without importing it."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textstat is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    with path.open(encoding="utf-8") as f:
        return frozenset(ln.strip() for ln in f)


# Worked out once per distinct word in a process: a lower-case word -> its syllables (`smpseo.core.syllables.count`),
# and a word as `list_words` gives it -> (syllables in lower case, a polysyllable, difficult for Dale-Chall,
# difficult for Gunning fog).
_syllables: dict[str, int] = {}
_words: dict[str, tuple[int, bool, bool, bool]] = {}
_MEMO_LIMIT = 500_000


def _word_syllables(word: str) -> int:
    """The syllables textstat counts for one word of a lower-case text with its punctuation taken out."""
    n = _syllables.get(word)
    if n is None:
        if len(_syllables) >= _MEMO_LIMIT:
            _syllables.clear()
        n = _syllables[word] = syllables.count(word)
    return n


def _count_syllables(text: str) -> int:
    """`count_syllables(text, "en_US")`: the syllables of each word of the text, punctuation out, lower case."""
    if not text:
        return 0
    return sum(_word_syllables(word) for word in _remove_punctuation(text).lower().split())


def _is_difficult_word(word: str, syllable_threshold: int) -> bool:
    """`is_difficult_word(word, syllable_threshold, "en_US")`."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    if word in easy_words():
        return False
    if _count_syllables(word) < syllable_threshold:
        return False
    return True


def _round_grades(score: float) -> list[int]:
    return [math.floor(score), math.ceil(score), round(score)]


def scores(text: str) -> tuple[float, float, float]:
    """textstat's `flesch_reading_ease(text)`, `flesch_kincaid_grade(text)` and `text_standard(text,
    float_output=True)` (English), exactly."""
    words = _remove_punctuation(text).split()  # list_words(text)
    n_words = len(words)  # count_words(text)
    n_sentences = _count_sentences(text)
    # each distinct word once: its syllables in lower case (count_syllables(text) counts the words of the lower-case
    # text, which are the words in lower case: lowering makes and joins no whitespace, and whitespace bounds a final
    # sigma's context), whether it is a polysyllable (count_syllables(word) >= 3), and difficult
    # (is_difficult_word) at the two thresholds the formulas use
    syllable_count = polysyllables = difficult_dc = difficult_fog = 0
    for word in words:
        found = _words.get(word)
        if found is None:
            if len(_words) >= _MEMO_LIMIT:
                _words.clear()
            found = _words[word] = (_word_syllables(word.lower()), _count_syllables(word) >= 3,
                                    _is_difficult_word(word, 0), _is_difficult_word(word, SYLLABLE_THRESHOLD))
        syllable_count += found[0]
        polysyllables += found[1]
        difficult_dc += found[2]
        difficult_fog += found[3]

    try:  # words_per_sentence
        wps = n_words / n_sentences
    except ZeroDivisionError:
        wps = 0.0
    try:  # syllables_per_word: count_syllables(text) / count_words(text)
        spw = syllable_count / n_words
    except ZeroDivisionError:
        spw = 0.0

    # flesch_reading_ease
    if wps == 0 or spw == 0:
        fre = 0.0
    else:
        fre = FRE_BASE - FRE_SENTENCE_LENGTH * wps - FRE_SYLL_PER_WORD * spw
    # flesch_kincaid_grade
    if wps == 0 or spw == 0:
        fkg = 0.0
    else:
        fkg = (0.39 * wps) + (11.8 * spw) - 15.59
    # smog_index
    try:
        smog = (1.043 * (30 * (polysyllables / n_sentences)) ** 0.5) + 3.1291
    except ZeroDivisionError:
        smog = 0.0
    # coleman_liau_index: letters_per_word and sentences_per_word, each times 100
    no_space = _SPACE.sub("", text)
    try:
        letters = len(_PUNCTUATION.sub("", no_space)) / n_words * 100
    except ZeroDivisionError:
        letters = 0.0 * 100
    try:
        per_word = n_sentences / n_words * 100
    except ZeroDivisionError:
        per_word = 0.0 * 100
    if letters == 0 or per_word == 0:
        coleman = 0.0
    else:
        coleman = (0.058 * letters) - (0.296 * per_word) - 15.8
    # automated_readability_index: characters but spaces per word, punctuation counted (count_words(text, False))
    try:
        chars = len(no_space) / len(text.split())
    except ZeroDivisionError:
        chars = 0.0
    if chars == 0 or wps == 0:
        ari = 0.0
    else:
        ari = (4.71 * chars) + (0.5 * wps) - 21.43
    # dale_chall_readability_score
    try:
        per_difficult = 100 * difficult_dc / n_words
    except ZeroDivisionError:
        dale = 0.0
    else:
        dale = (0.1579 * per_difficult) + (0.0496 * wps)
        if per_difficult > 5:
            dale += 3.6365
    linsear = _linsear_write(text, words)
    # gunning_fog
    try:
        per_difficult = 100 * difficult_fog / n_words
    except ZeroDivisionError:
        fog = 0.0
    else:
        fog = 0.4 * (wps + per_difficult)

    # text_standard: the grade most of the formulas agree on (ties: the first one listed)
    grade: list[int] = []
    grade.extend(_round_grades(fkg))
    if fre < 100 and fre >= 90:
        grade.append(5)
    elif fre < 90 and fre >= 80:
        grade.append(6)
    elif fre < 80 and fre >= 70:
        grade.append(7)
    elif fre < 70 and fre >= 60:
        grade.append(8)
        grade.append(9)
    elif fre < 60 and fre >= 50:
        grade.append(10)
    elif fre < 50 and fre >= 40:
        grade.append(11)
    elif fre < 40 and fre >= 30:
        grade.append(12)
    else:
        grade.append(13)
    for score in (smog, coleman, ari, dale, linsear, fog):
        grade.extend(_round_grades(score))
    standard = float(Counter(grade).most_common(1)[0][0])
    standard = max(1, min(standard, 18))  # textstat.text_standard's clamp (an int at either bound, as there)
    return fre, fkg, standard


def _linsear_write(text: str, words: list[str]) -> float:
    """`linsear_write_formula(text, "en_US", strict_lower=False, strict_upper=True)`: the first 100 words."""
    text_list = text.split()  # list_words(text, rm_punctuation=False)
    words_list: list[str] = []
    i_text = 0
    if len(text_list) > 100:
        while (i_text < len(text_list)) and (len(words_list) < 100):
            word = _remove_punctuation(text_list[i_text])
            i_text += 1
            if len(word) > 0:
                words_list.append(word)
    else:
        words_list = words
        i_text = len(text_list)
    easy_word = 0
    difficult_word = 0
    for word in words_list:
        n_syll = _count_syllables(word)
        if n_syll >= 3:
            difficult_word += 1
        elif n_syll > 0:
            easy_word += 1
    text = " ".join(text_list[:i_text])
    try:
        number = float((easy_word * 1 + difficult_word * 3) / _count_sentences(text))
    except ZeroDivisionError:
        return 0.0
    if number <= 20:
        number -= 2
    return number / 2
