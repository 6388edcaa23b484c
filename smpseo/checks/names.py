"""How a business name may be written in a post: the name itself, shortened, in other capitals or spelling, run
together, or cut to its first word (LOC302), and when the same words are something else: another name, a title in
capitals, an everyday phrase, the clinic's place."""

from __future__ import annotations

import functools
import re

from smpseo.core.language import is_everyday_word, is_function_word, normalize_word
from smpseo.core.text import WORD_RE

STRAIGHT = str.maketrans({"’": "'", "‘": "'"})  # a curly apostrophe is the same name ("O’Connell", "Coeur d’Alene")


def _name_word(word: str) -> str:
    """One word of the business name as a post may write it: "&" or "and" for either, a closing full stop
    ("Co.", "Ltd.") there or not, a straight or a curly apostrophe."""
    if word.lower() in ("&", "and"):
        return "(?:&|and)"
    escaped = re.escape(word.translate(STRAIGHT).rstrip(".")).replace("'", "['’‘]")
    return escaped + (r"\.?" if word.endswith(".") else "")


@functools.lru_cache(maxsize=16)
def _name_regex(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if len(words) < 2:
        return re.compile(rf"(?<![\w-]){_name_word(name)}(?![\w-])", re.I) if name else None
    # the full name, or its first two or more words ("Advanced Scalp" for "Advanced Scalp Clinic"); a short word
    # inside it may take a full stop ("Pty. Ltd." for "Pty Ltd", "Sdn. Bhd.")
    def gap(before: str) -> str:
        return r"\.?\s+" if len(before.rstrip(".")) <= 3 and not before.endswith(".") else r"\s+"

    head = _name_word(words[0]) + gap(words[0]) + _name_word(words[1])
    tail = "".join(rf"(?:{gap(b)}{_name_word(w)}" for b, w in zip(words[1:], words[2:], strict=False))
    return re.compile(rf"(?<![\w-]){head}{tail}{')?' * (len(words) - 2)}(?![\w-])", re.I)


FIRST_WORD = "first word"


@functools.lru_cache(maxsize=16)
def _first_word_regex(name: str) -> re.Pattern[str] | None:
    """The name's first word alone, capitalised inside a sentence ("book at Advanced today"): the name cut short.
    A capital after a sentence end, or the name's second word after it, is not that."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return re.compile(rf"(?<=[a-z,]\s)({_name_word(words[0])})(?![\w-])")


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\S+)")


def _another_name(text: str, end: int) -> bool:
    """The words before `end` go on as another name or a title in title case: the next word is capitalised and
    not a function word ("Lone Star State", "Thinning Hair Loss")."""
    after = _WORD_AFTER.match(text, end)
    word = after.group(1).strip("\"'“”‘’()[],.;:!?") if after else ""
    return word[:1].isupper() and not is_function_word(word)


_AROUND_WORDS = "\"'“”‘’()[]*_"  # quotes, brackets and emphasis marks, which stand around words, not between them


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of its sentence (or of the text), quotes and marks before it aside."""
    earlier = text[:start].rstrip().rstrip(_AROUND_WORDS)
    return not earlier or earlier[-1] in ".!?:"


def _title_case(text: str, start: int) -> bool:
    """The word at `start` follows a capitalised word that does not open its sentence ("With Thinning Hair"), as in
    a title in title case; "Call Advanced" is not that."""
    before = _WORD_BEFORE.search(text, 0, start)
    return before is not None and before.group(1)[:1].isupper() and not _opens_sentence(text, before.start(1))


@functools.lru_cache(maxsize=16)
def everyday_words(name: str) -> bool:
    return all(is_everyday_word(normalize_word(w)) for w in WORD_RE.findall(name))


def name_variants(_ctx, name: str, text: str):
    """(offset, written, why) of each other way `text` writes the business name: other capitals or spelling ("and"
    for "&", "Co" for "Co."), shortened to its first words, or cut to its first word inside a sentence."""
    regex = _name_regex(name)
    starts = set()
    for m in regex.finditer(text) if regex else ():
        starts.add(m.start())
        written = " ".join(m.group(0).split())
        if written.translate(STRAIGHT) == name.translate(STRAIGHT):
            continue
        full = len(written.split()) == len(name.split())
        last = written.split()[-1]
        if not full and (written.lower() == written or not any(ch.isalnum() for ch in last)
                         or is_function_word(last) or _another_name(text, m.end())):
            continue  # "advanced scalp care", "Hair & beard", "Lone Star State": other words, not the name
        why = "other capitals" if written.lower() == name.lower() else "other spelling" if full else "shortened"
        if why == "other capitals" and everyday_words(name) \
                and (written.islower() and len(name.split()) == 1 or everyday_phrase(text, m.start(), written)):
            continue  # "with precision" for Precision, "a scalp studio" for Scalp Studio: the words, not the name
        yield m.start(), written, why
    for found in _run_together(name, text):
        starts.add(found[0])  # "Crown&Line": the name run together, not cut to "Crown"
        yield found
    first = _first_word_regex(name)
    if first is None or _a_place(_ctx, name.split()[0]):
        return  # "Dublin SMP": "in Dublin" names the city, not the clinic cut short
    for m in first.finditer(text):
        if m.start(1) in starts or _another_name(text, m.end(1)) or _title_case(text, m.start(1)) \
                or _the_proper_noun(text, m.start(1), m.group(1)):
            continue  # the name itself, a capital in title case ("Thinning Hair", "with Hair Loss"), "the Liffey"
        yield m.start(1), m.group(1), FIRST_WORD


_JOINED_RE = re.compile(r"[^\W_]+(?:[&+'’.\-][^\W_]+)*")  # a word, or words joined by "&", "+" or "-"
_JOINS = re.compile(r"[&+'’.\-]")


def _run_together(name: str, text: str):
    """The name's first two or more words written as one ("DesertInk", "Desert-Ink", "DesertInkSMP" for Desert Ink
    SMP; "Crown&Line", "CrownAndLine" for Crown & Line SMP), as `_city_variants` finds "Goldcoast"."""
    words = [normalize_word(w) for w in name.split() if w not in ("&", "+")]
    if len(words) < 2 or not all(w.isalnum() for w in words):
        return
    joined = {"".join(words[:k]) for k in range(2, len(words) + 1)}
    joined |= {"and".join(words[:k]) for k in range(2, len(words) + 1)} if len(name.split()) > len(words) else set()
    for m in _JOINED_RE.finditer(text):
        if normalize_word(_JOINS.sub("", m.group(0))) in joined:
            yield m.start(), m.group(0), "run together"


def _a_place(ctx, word: str) -> bool:
    """`word` is the clinic's city, region or country (`[site]`), or one word of it."""
    site = getattr(ctx, "site", None)
    places = " ".join(str(getattr(site, k, "") or "") for k in ("city", "region", "country")).lower().split()
    return word.translate(STRAIGHT).lower() in places


def _the_proper_noun(text: str, start: int, word: str) -> bool:
    """The word at `start` follows "the" and is a name of its own, not an everyday word: "along the Liffey" for
    Liffey SMP is the river; "ask the Advanced team" is still Advanced Scalp Clinic cut short."""
    before = _WORD_BEFORE.search(text, 0, start)
    return before is not None and before.group(1).lower() == "the" \
        and not is_everyday_word(normalize_word(word.translate(STRAIGHT)))


_DETERMINERS = frozenset("a an this that these those my your our his her their its some any no every each".split())


def everyday_phrase(text: str, start: int, shown: str) -> bool:
    """Whether words that are all everyday words (a city's, "Long Beach"; a business name's, "Scalp Studio"),
    found at `start` written `shown`, are the everyday phrase: in lower case but the first letter, after a determiner
    ("a long beach walk", "every scalp studio") or opening a sentence ("Long beach walks")."""
    if shown[1:] != shown[1:].lower():
        return False
    before = _WORD_BEFORE.search(text, 0, start)
    if before is not None and before.group(1).strip(_AROUND_WORDS).lower() in _DETERMINERS:
        return True
    return shown[:1].isupper() and _opens_sentence(text, start)
