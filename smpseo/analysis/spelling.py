"""Likely misspellings of the site's target terms: a word a letter or two away from a term, and in no dictionary."""

from __future__ import annotations

from smpseo.core.language import known_words, normalize_word
from smpseo.core.text import WORD_RE


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Edits from `a` to `b` (a letter added, dropped or changed, or two neighbours swapped: "Vancuover" is one
    edit from "Vancouver"), stopping early once it exceeds `limit` (returns limit + 1 then)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, before[j - 2] + 1)
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


class SpellingGuard:
    """Finds words that look like a misspelt target term ("Micropigmention" for "micropigmentation").

    Only long words (7+ letters) are compared; a word that is a known English word, a word form of a term,
    or a hyphen/space variant of one is never flagged.
    """

    MIN_LENGTH = 7

    def __init__(self, terms: list[str]):
        words: dict[str, str] = {}
        for term in terms:
            for w in WORD_RE.findall(term):
                norm = normalize_word(w)
                if len(norm) >= self.MIN_LENGTH and norm.isalpha():
                    words.setdefault(norm, w.lower().replace("-", ""))
        self.words = words
        self._verdicts: dict[str, str | None] = {}

    def suggestion(self, word: str) -> str | None:
        """The term `word` is probably a misspelling of, or None."""
        if word in self._verdicts:
            return self._verdicts[word]
        if len(word) < self.MIN_LENGTH - 1:
            return None
        norm = normalize_word(word)
        verdict = None
        if len(norm) >= self.MIN_LENGTH - 1 and norm.isalpha() and norm not in self.words \
                and norm not in known_words():
            for term_word in self.words:
                if norm.startswith(term_word) or term_word.startswith(norm):
                    break  # a word form ("micropigmentations") or a shorter word ("micropigment")
                limit = 1 if len(term_word) < 9 else 2
                if abs(len(term_word) - len(norm)) <= limit and norm[0] == term_word[0] \
                        and edit_distance(norm, term_word, limit) <= limit:
                    verdict = term_word
                    break
        self._verdicts[word] = verdict
        return verdict

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, word, suggestion) for each likely misspelling in `text`."""
        if not self.words:
            return []
        out = []
        for m in WORD_RE.finditer(text):
            suggestion = self.suggestion(m.group(0))
            if suggestion:
                word = m.group(0)
                if word[:1].isupper():
                    suggestion = suggestion[:1].upper() + suggestion[1:]
                out.append((m.start(), m.end(), word, suggestion))
        return out
