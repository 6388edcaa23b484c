"""Sentences: where prose splits into them, full stops after abbreviations ("Dr.", "St.", "No. 4") told apart
from those that end a sentence. Language-neutral mechanics, with the English abbreviations a clinic's posts use."""

from __future__ import annotations

import re

from smpseo.core.shipped import word_list
from smpseo.core.text import MASK, WORD_RE, words

_ABBREVIATIONS = frozenset(  # never end a sentence: they come before what they abbreviate belongs to
    """mr mrs ms dr prof sr jr vs e.g i.e approx apt dept est fig mt p.s jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
# Abbreviations that end a sentence where a capitalised word follows ("on SW 8th St. Parking is free", "at 9 a.m.
# Clients waited"), but not before a number ("ext. 2"), a word in capitals ("F St. NW") or a word a number follows
# ("Brickell Ave. Suite 300"); "St." only after a number or a capitalised word (a street's, not a saint's: "in St.
# Louis"). U.S. and U.K. only before a function word: "all over the U.S. Many stay", not "the U.S. Department".
_ENDING_ABBREVIATIONS = frozenset("st ave blvd rd ln hwy pkwy etc inc ltd co a.m p.m ext nos u.s u.k".split())
_NOUN_ABBREVIATIONS = frozenset({"u.s", "u.k"})
# Words that are an abbreviation only before a number: "No. 1 choice", "Unit No. 4", "no. #7"; else the word itself,
# which may end a sentence ("The answer is no. Most clients ...").
_NUMBER_ABBREVIATIONS = frozenset({"no"})
_TIME_ZONES = frozenset({"pacific", "eastern", "central", "mountain"})  # "at 9 a.m. Pacific"

# Candidate sentence ends: terminal punctuation, closing quotes/brackets, then whitespace. Possessive, and starting
# only where a run of punctuation starts: a run of 100,000 "!" with no space after is tried once, not per character.
# A masked tag may stand between the punctuation and the space: a footnote's marker ("sessions.[^1] Most").
_END_RE = re.compile(r"(?<![.!?…])([.!?…]++)([\"'”’»)\]\ue000]*+)(\s+)")
# What may open the next sentence; a masked template tag too (`{{ site.name }} clients ...`: its value opens it).
_OPENER_RE = re.compile(r"[\"'“‘«(\[]*[^\W_a-z]|[\"'“‘«(\[]*[¿¡]|\ue000", re.UNICODE)

_LONGEST_TOKEN = 64  # characters: longer than any abbreviation, so the last token's tail decides as it would


def _abbreviation(before: str) -> str:
    """The abbreviation (lower case, no last full stop) that `before` ends with, or ""."""
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    token = token.lstrip("\"'“‘(").lower().rstrip(".")
    # Initials ("J. Smith") and single letters too.
    known = token in _ABBREVIATIONS or token in _ENDING_ABBREVIATIONS or token in _NUMBER_ABBREVIATIONS or (
        len(token) == 1 and token.isalpha())
    return token if known else ""


def _ends_at(token: str, text: str, start: int, dot: int, nxt: int) -> bool:
    """Whether the full stop at `dot` after the abbreviation `token` ends the sentence begun at `start`."""
    if token in _NUMBER_ABBREVIATIONS:
        return not re.match(r"[(\[]?#?\d", text[nxt:nxt + 3])
    if token not in _ENDING_ABBREVIATIONS:
        return False
    after = WORD_RE.findall(text, nxt, nxt + _LONGEST_TOKEN)
    if not after:
        return True  # a masked template tag opens the next sentence
    first = after[0]
    if not first[0].isupper() or (len(first) > 1 and first.isupper()) or (len(after) > 1 and after[1][0].isdigit()):
        return False
    if token in _NOUN_ABBREVIATIONS:
        return first.lower() in word_list("function_words")
    if token != "st":
        return first.lower() not in _TIME_ZONES or token not in ("a.m", "p.m")
    before = text[max(start, dot - _LONGEST_TOKEN) : dot].split()
    prev = before[-2] if len(before) > 1 else ""
    at = text.rfind(prev, start, dot) if prev else start
    while at > start and text[at - 1].isspace():
        at -= 1
    return any(c.isdigit() for c in prev) or (prev[:1].isupper() and prev[-1].isalnum() and at > start)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split prose into sentences; return (start, end) character offsets into `text`, whitespace trimmed (and the
    MASK characters of template tags, which a reader may leave in for the split to see: `strip_markup_noise`)."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END_RE.finditer(text):
        end = m.end(2)
        nxt = m.end(3)
        if nxt >= n:
            break
        # the word before the full stop, from a few characters before it: the whole sentence so far (slicing it
        # at every full stop) grew with the square of a run of full stops that end no sentence
        token = _abbreviation(text[max(start, m.start(1) - _LONGEST_TOKEN) : m.start(1)]) if m.group(1) == "." else ""
        if token and not _ends_at(token, text, start, m.start(1), nxt):
            continue
        if not _OPENER_RE.match(text, nxt):
            continue
        spans.append((start, end))
        start = nxt
    spans.append((start, n))
    out = []
    for s, e in spans:  # (a masked tag at either end is no part of the sentence)
        while s < e and (text[s].isspace() or text[s] == MASK):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] == MASK):
            e -= 1
        if s < e and words(text[s:e]):
            out.append((s, e))
    return out
