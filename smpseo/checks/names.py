"""How a business name may be written in a post: the name itself, shortened, in other capitals or spelling, run
together, or cut to its first word (LOC302), and when the same words are something else: another name, a title in
capitals, an everyday phrase, the clinic's place."""

from __future__ import annotations

import functools
import re
import unicodedata

from smpseo.analysis.spelling import edit_distance
from smpseo.core.language import (
    accents_off,
    is_everyday_word,
    is_function_word,
    normalize_word,
    without_accents,
)
from smpseo.core.text import WORD_RE

STRAIGHT = str.maketrans({"’": "'", "‘": "'"})  # a curly apostrophe is the same name ("O’Connell", "Coeur d’Alene")


def _name_word(word: str) -> str:
    """One word of the business name as a post may write it: "&" or "and" for either, a closing full stop
    ("Co.", "Ltd.") there or not, a straight or a curly apostrophe."""
    if word.lower() in ("&", "and"):
        return "(?:&|and)"
    escaped = re.escape(word.translate(STRAIGHT).rstrip(".")).replace("'", "['’‘]")
    return escaped + (r"\.?" if word.endswith(".") else "")


def _gap(before: str) -> str:
    """What stands between a word of the name and the next: a space; a short word may take a full stop there ("Pty.
    Ltd." for "Pty Ltd", "Sdn. Bhd.")."""
    return r"\.?\s+" if len(before.rstrip(".")) <= 3 and not before.endswith(".") else r"\s+"


@functools.lru_cache(maxsize=16)
def _name_regex(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if len(words) < 2:
        return re.compile(rf"(?<![\w-]){_name_word(name)}(?![\w-])", re.I) if name else None
    # the full name, or its first two or more words ("Advanced Scalp" for "Advanced Scalp Clinic")
    head = _name_word(words[0]) + _gap(words[0]) + _name_word(words[1])
    tail = "".join(rf"(?:{_gap(b)}{_name_word(w)}" for b, w in zip(words[1:], words[2:], strict=False))
    return re.compile(rf"(?<![\w-]){head}{tail}{')?' * (len(words) - 2)}(?![\w-])", re.I)


MISSPELT = "misspelt"
_MISSPELT_LENGTH = 5  # a word of the name this long or longer may be found misspelt


@functools.lru_cache(maxsize=16)
def _misspelt_regexes(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """For each word of the name of `_MISSPELT_LENGTH` letters or more: that word, and the whole name with any word
    in its place (group 1), the other words as `_name_regex` takes them."""
    words = name.split()
    found: list[tuple[str, re.Pattern[str]]] = []
    if len(words) < 2:
        return ()  # a one-word name: any word one letter off it would be taken for it
    for k, word in enumerate(words):
        if len(normalize_word(word)) < _MISSPELT_LENGTH or not normalize_word(word).isalpha():
            continue
        parts = [r"([^\W\d_]+)" if i == k else _name_word(w) for i, w in enumerate(words)]
        body = parts[0] + "".join(_gap(b) + p for b, p in zip(words, parts[1:], strict=False))
        found.append((normalize_word(word), re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)))
    return tuple(found)


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


def name_variants(ctx, name: str, text: str):
    """(offset, written, why) of each other way `text` writes the business name: other capitals, accents or spelling
    ("and" for "&", "Co" for "Co.", "Kowhai" for "Kōwhai"), one word misspelt, shortened to its first words, or cut
    to its first word inside a sentence. Accents are looked past as LOC305 looks past them in the city
    (`accents_off`), and said with the other ways ("without accents, other spelling")."""
    plain_name = without_accents(name)
    plain, places = accents_off(text)

    def where(start: int, end: int) -> tuple[int, str]:  # a span of `plain` in `text`, and what is written there
        start, end = (places[start], places[end]) if places else (start, end)
        return start, " ".join(text[start:end].split())

    regex = _name_regex(plain_name)
    starts = set()
    for m in regex.finditer(plain) if regex else ():
        start, written = where(m.start(), m.end())
        starts.add(start)
        shown = " ".join(m.group(0).split())  # as written, accents off
        accents = _accents(written, name)
        if shown.translate(STRAIGHT) == plain_name.translate(STRAIGHT) and not accents:
            continue
        full = len(shown.split()) == len(name.split())
        last = shown.split()[-1]
        if not full and (shown.lower() == shown or not any(ch.isalnum() for ch in last)
                         or is_function_word(last) or _another_name(plain, m.end())):
            continue  # "advanced scalp care", "Hair & beard", "Lone Star State": other words, not the name
        why = "" if shown.translate(STRAIGHT) == plain_name.translate(STRAIGHT) else "other capitals" \
            if shown.lower() == plain_name.lower() else "other spelling" if full else "shortened"
        if why == "other capitals" and everyday_words(name) \
                and (shown.islower() and len(name.split()) == 1 or everyday_phrase(plain, m.start(), shown)):
            continue  # "with precision" for Precision, "a scalp studio" for Scalp Studio: the words, not the name
        yield start, written, ", ".join(w for w in (accents, why) if w)
    yield from _misspelt(ctx, plain_name, plain, where)
    for found in _run_together(name, text):
        starts.add(found[0])  # "Crown&Line": the name run together, not cut to "Crown"
        yield found
    first = _first_word_regex(plain_name)
    if first is None or _a_place(ctx, plain_name.split()[0]):
        return  # "Dublin SMP": "in Dublin" names the city, not the clinic cut short
    for m in first.finditer(plain):
        start, written = where(m.start(1), m.end(1))
        if start in starts or _another_name(plain, m.end(1)) or _title_case(plain, m.start(1)) \
                or _the_proper_noun(plain, m.start(1), m.group(1)):
            continue  # the name itself, a capital in title case ("Thinning Hair", "with Hair Loss"), "the Liffey"
        yield start, written, FIRST_WORD


def _accents(written: str, name: str) -> str:
    """How the accents of the name as `written` differ from the name's ("" when they do not), as LOC305 says it
    of the city: "without accents" ("Kowhai" for "Kōwhai"), or "other accents"."""
    regex = _name_regex(unicodedata.normalize("NFC", name))
    if regex is not None and regex.fullmatch(unicodedata.normalize("NFC", written)):
        return ""
    return "without accents" if written.isascii() else "other accents"


def _misspelt(ctx, name: str, text: str, where):
    """The whole name with one word of `_MISSPELT_LENGTH` letters or more misspelt ("Kōhwai Scalp & Co." for
    "Kōwhai Scalp & Co."): one letter added, dropped or changed, or two neighbours swapped (`edit_distance`),
    the other words as they are, accents looked past (`name` and `text` are without accents, `where` takes a span
    back to the text as written), even a word the dictionary lists ("Brickel", a surname); not an everyday word
    ("Crows & Line"), nor one the misspelt-term rule (SEO215) finds: one typo, one finding."""
    guard = getattr(ctx, "guard", None)
    for good, regex in _misspelt_regexes(name):
        for m in regex.finditer(text):
            word = normalize_word(m.group(1))
            if word == good or is_everyday_word(word) or edit_distance(word, good, 1) != 1 \
                    or (guard is not None and guard.suggestion(m.group(1))):
                continue
            yield (*where(m.start(), m.end()), MISSPELT)


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
    """`word` is the clinic's city, region or country (`[site]`, or another studio's: `Site.places`), or one word
    of it."""
    site = getattr(ctx, "site", None)
    places = " ".join(getattr(site, "places", None) or []).lower().split()
    return word.translate(STRAIGHT).lower() in places


# Words after which a name of its own is a place or describes what follows, not the business: "in Brickell", "near
# Brickell", "along the Liffey", "our Brickell studio"
_PLACE_WORDS = frozenset("the in near on around across outside throughout".split())


def _the_proper_noun(text: str, start: int, word: str) -> bool:
    """The word at `start` is a name of its own, not an everyday word, after "the", a place preposition or a
    determiner (`_PLACE_WORDS`, `_DETERMINERS`): "along the Liffey" for Liffey SMP is the river, "studio in
    Brickell" and "our Brickell studio" for Brickell Hairline Studio the neighbourhood; "ask the Advanced team" is
    still Advanced Scalp Clinic cut short, as "call Brickell" and "Brickell's team" are Brickell Hairline Studio."""
    before = _WORD_BEFORE.search(text, 0, start)
    return before is not None and before.group(1).strip(_AROUND_WORDS).lower() in _PLACE_WORDS | _DETERMINERS \
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
