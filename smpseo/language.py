"""Language knowledge (English): function words, word forms, and how text becomes comparable terms.

The document model says what the text is; this module says what its words mean for matching. Word lists are data
files under `smpseo/data/en/`; this module only loads them (once) and applies them.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from .text import WORD_RE

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """A one-word-or-phrase-per-line list from `smpseo/data/en/<name>.txt`, lowercased, comments dropped."""
    text = resources.files("smpseo").joinpath("data", "en", f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


def function_words() -> frozenset[str]:
    return word_list("function_words")


@functools.cache
def _stemmer():
    from nltk.stem.snowball import EnglishStemmer  # pure code: no corpus download

    return EnglishStemmer()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word form shared by "fade", "fades", "faded", "fading" (Snowball English), lowercased."""
    word = normalize_word(word)
    return _stemmer().stem(word) if word.isalpha() else word


def normalize_word(word: str) -> str:
    """Lowercase, straight apostrophes, possessive "'s" dropped, hyphens removed ("micro-pigmentation")."""
    word = word.translate(_APOSTROPHES).lower()
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace("-", "").strip("'")


def is_function_word(word: str) -> bool:
    return word.translate(_APOSTROPHES).lower() in function_words()


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word of a text, offsets into `text`."""
    return [(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def content_stems(text: str) -> list[str]:
    """The stems of a text's content words, in order (function words dropped)."""
    return [stem(w) for w in WORD_RE.findall(text) if not is_function_word(w)]


_SPACE_RE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Lowercase text with hyphens and runs of whitespace as single spaces: for display-insensitive comparison."""
    return _SPACE_RE.sub(" ", text.translate(_APOSTROPHES).lower().replace("-", " ")).strip()
