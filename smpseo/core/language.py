"""Language knowledge (English): function words, word forms, and how text becomes comparable terms.

The document model says what the text is; this module says what its words mean for matching. Word lists are data
files under `smpseo/data/en/`; this module only loads them (once) and applies them.
"""

from __future__ import annotations

import functools

from smpseo.core import shipped
from smpseo.core.shipped import word_list  # (here for its callers too)
from smpseo.core.text import LETTERS_RE, WORD_RE, one_hyphen

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def function_words() -> frozenset[str]:
    return word_list("function_words")


def courtesy_words() -> frozenset[str]:
    """The words a prospect adds to a question that say nothing about what it asks: "hi", "thanks", "please"."""
    return word_list("courtesy_words")


@functools.cache
def unasking_words() -> frozenset[str]:
    """Words that say nothing about what a question asks: function words and courtesy words."""
    return function_words() | courtesy_words()


@functools.cache
def _stemmer():
    # The Snowball project's own English stemmer (algorithm revision 3.0): it keeps apart words older revisions
    # merged ("organization"/"organ", "paste"/"past"). snowballstemmer runs PyStemmer's compiled copy of it when
    # installed (a dependency): the same stems, twenty times faster than its pure-Python one. PyStemmer is asked
    # for directly, as snowballstemmer does: importing snowballstemmer loads its 32 languages (0.03 s).
    try:
        import Stemmer

        return Stemmer.Stemmer("english")
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The word form shared by "fade", "fades", "faded", "fading" (Snowball English), lowercased."""
    return _stem(normalize_word(word))


@functools.lru_cache(maxsize=1 << 18)
def _stem(word: str) -> str:
    # cached by the normalised word too: "The", "the" and "the's" are stemmed once (a blog of 500 posts has some
    # 20,000 distinct words and four times as many spellings of them)
    return _stemmer().stemWord(word) if word.isalpha() else word


def normalize_word(word: str, accents: bool = False) -> str:
    """Lowercase, straight apostrophes, possessive "'s" dropped, hyphens removed ("micro-pigmentation"), and accents
    off unless `accents` ("Montréal" and "Montreal" are one search; LOC305 tells the spelling apart)."""
    word = word.translate(_APOSTROPHES).lower()
    if word.endswith("'s"):
        word = word[:-2]
    word = one_hyphen(word).replace("-", "").strip("'")
    return word if accents else without_accents(word)


def without_accents(text: str) -> str:
    """`text` with its combining marks taken off ("Dún Laoghaire" -> "Dun Laoghaire"); ASCII text as it is."""
    if text.isascii():
        return text
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def accents_off(text: str) -> tuple[str, list[int] | None]:
    """`text` without its accents (`without_accents`, a character at a time), and where each of its characters
    stands in `text` (one more place at the end: `text`'s length); None for ASCII text, where every character stands
    where it is. A search in the text without accents ("Kowhai" found in "Kōwhai", written precomposed or with a
    combining mark) is taken back to `text` by those places."""
    if text.isascii():
        return text, None
    chars: list[str] = []
    places: list[int] = []
    for at, ch in enumerate(text):
        plain = without_accents(ch)
        chars.append(plain)
        places.extend([at] * len(plain))
    places.append(len(text))
    return "".join(chars), places


def is_function_word(word: str) -> bool:
    return word.translate(_APOSTROPHES).lower() in function_words()


def says_something(*texts: str, courtesy: bool = False) -> bool:
    """Whether the texts hold a word that says something: one that is not a function word ("is", "it", "why") nor,
    with `courtesy`, a courtesy word ("thanks", "please"). "Is it?", "Why why?" or an emoji say nothing."""
    quiet = unasking_words() if courtesy else function_words()
    return any(word.translate(_APOSTROPHES).lower() not in quiet for text in texts for word in LETTERS_RE.findall(text))


def content_stems(text: str) -> list[str]:
    """The stems of a text's content words, in order (function words dropped)."""
    return [stem(w) for w in WORD_RE.findall(text) if not is_function_word(w)]


# ---- word lists for the readability and local checks ------------------------------------------------------------
def transition_words() -> frozenset[str]:
    """Transition words and phrases ("however", "for example"), lowercased."""
    return word_list("transition_words")


@functools.cache
def _phrase_table(name: str) -> tuple[dict[str, int], frozenset[tuple[str, ...]], tuple[tuple[str, str], ...]]:
    """A word list's entries as word tuples, for each word that starts one the most words such an entry has, and
    its two-part entries ("either ... or": the first part, then the second later in the sentence)."""
    starts: dict[str, int] = {}
    entries: set[tuple[str, ...]] = set()
    pairs: list[tuple[str, str]] = []
    for entry in word_list(name):
        if " ... " in entry:
            first, second = (part.strip() for part in entry.split(" ... ", 1))
            pairs.append((first, second))
            continue
        words = tuple(WORD_RE.findall(entry.translate(_APOSTROPHES)))  # as the text is read: "e.g." is "e.g"
        if words:
            entries.add(words)
            starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return starts, frozenset(entries), tuple(sorted(pairs))


@functools.lru_cache(maxsize=8192)
def find_phrase(name: str, text: str) -> str | None:
    """The first entry of word list `name` in `text` (whole words, any case, longest first), or None; then its
    first two-part entry ("either ... or") whose second part follows its first."""
    starts, entries, pairs = _phrase_table(name)
    words = [w.lower() for w in WORD_RE.findall(text.translate(_APOSTROPHES))]
    for i, word in enumerate(words):
        longest = starts.get(word)
        if longest is None:  # no entry starts with this word
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            if tuple(words[i:i + n]) in entries:
                return " ".join(words[i:i + n])
    for first, second in pairs:
        a, b = first.split(), second.split()
        at = next((i for i in range(len(words)) if words[i:i + len(a)] == a), None)
        if at is not None and any(words[j:j + len(b)] == b for j in range(at + len(a), len(words))):
            return f"{first} ... {second}"
    return None


@functools.lru_cache(maxsize=65536)
def is_be_form(word: str) -> bool:
    w = word.translate(_APOSTROPHES).lower()
    return w in word_list("be_forms") or w.endswith(("'re", "'m"))


_PREFIXES = ("re", "over", "under", "mis", "pre", "out")


@functools.lru_cache(maxsize=65536)
def is_participle(word: str) -> bool:
    """A past participle: a regular "-ed" word (not in the exceptions) or an irregular one ("written")."""
    w = word.translate(_APOSTROPHES).lower()
    if w in word_list("passive_exceptions"):
        return False
    irregular = word_list("irregular_participles")
    if w in irregular or any(w.startswith(p) and w[len(p):] in irregular for p in _PREFIXES):
        return True  # "written", and "redrawn", "overdone", "misunderstood"
    return len(w) > 3 and w.endswith("ed")  # "used", "owed", "tied", "dyed" too


class _Listed:
    """`word in known_words()`: the word is in the CMU Pronouncing Dictionary (looked up, not loaded whole)."""

    def __contains__(self, word: object) -> bool:
        from smpseo.core.syllables import lookup

        return isinstance(word, str) and lookup(word) is not None


def known_words() -> _Listed:
    """English words from the CMU Pronouncing Dictionary: a spelling is not a misspelling if it is listed."""
    return _KNOWN


_KNOWN = _Listed()


@functools.cache
def _everyday_text() -> str:
    return "\n" + shipped.read_text("en", "everyday_words.txt")


def is_everyday_word(word: str) -> bool:
    """Whether an English dictionary writes `word` in lower case (SCOWL's words, those the CMU dictionary lists
    too): an everyday word, where `known_words()` holds names as well ("hull" and "derby" are, "vancouver" and
    "eugene" not). One search of the list's text (43,000 words), not a set built from it: a process asks for a
    city or two. Built by `scripts/build_everyday_words.py`."""
    return bool(word) and "\n" not in word and f"\n{word}\n" in _everyday_text()
