"""smpseo's own data files (`smpseo/data`), read from beside the code.

They are read with plain file calls rather than `importlib.resources`, whose import brings tempfile, random and
zipfile into every process that reads a word list: smpseo is installed as files (the cache's code digest reads them
the same way), never run from a zip archive.
"""

from __future__ import annotations

import functools
import os

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the smpseo package
DATA = os.path.join(PACKAGE, "data")


def path(*parts: str) -> str:
    """The path of a file under `smpseo/data`."""
    return os.path.join(DATA, *parts)


def read_text(*parts: str) -> str:
    """A data file's text (UTF-8), e.g. `read_text("en", "function_words.txt")`."""
    with open(path(*parts), encoding="utf-8") as f:
        return f.read()


def read_bytes(*parts: str) -> bytes:
    with open(path(*parts), "rb") as f:
        return f.read()


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """A one-word-or-phrase-per-line list from `smpseo/data/en/<name>.txt`, lowercased, comments dropped."""
    text = read_text("en", f"{name}.txt")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )
