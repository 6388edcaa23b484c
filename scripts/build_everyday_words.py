#!/usr/bin/env python3
"""Build smpseo/data/en/everyday_words.txt: the words of an English dictionary written in lower case (everyday
words, not names), those the CMU Pronouncing Dictionary lists too, one a line.

LOC305 reads it to tell a city whose name is also an everyday word ("Hull": "the hull of a boat"; "Derby",
"Reading") from one whose name is a name only ("Vancouver", "Eugene"): the first is not looked for in lower case.
A word the CMU dictionary lists is not enough, as it lists names too.

The dictionary is SCOWL's (Kevin Atkinson's Spell Checker Oriented Word Lists, size 50, American spelling; the
notice is in LICENSES/SCOWL.txt), as Debian's `wamerican` package installs it:

    apt-get install wamerican
    python scripts/build_everyday_words.py /usr/share/dict/american-english
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smpseo.core.syllables import lookup  # noqa: E402

OUT = ROOT / "smpseo" / "data" / "en" / "everyday_words.txt"


def everyday(lines: list[str]) -> list[str]:
    """The dictionary's words in lower case (letters a-z only) that the CMU dictionary lists, sorted."""
    return sorted({w for w in (line.strip() for line in lines)
                   if w.isascii() and w.isalpha() and w.islower() and lookup(w) is not None})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordlist", type=Path, help="a SCOWL word list, one word a line")
    args = parser.parse_args()
    words = everyday(args.wordlist.read_text(encoding="utf-8").splitlines())
    text = "# SCOWL size 50 (American), lower-case words the CMU Pronouncing Dictionary lists; LICENSES/SCOWL.txt\n"
    # mtime=0: the same words give the same bytes
    OUT.write_text(text + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(words):,} words")


if __name__ == "__main__":
    main()
