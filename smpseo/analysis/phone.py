"""A clinic's phone number as posts write it: its national digits in any country's layout.

`[site] phone` may be written in any layout ("0161 555 0123", "+1 778 917 7772"); a post may write it in another.
LOC301 (`smpseo.checks.local`) reports the other layouts, and LOC303 counts any of them as a call to action.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from smpseo.core.phone import GAP, MIN_DIGITS, SEPARATOR, national_digits, phone_numbers_at


@functools.lru_cache(maxsize=16)
def phone_regex(phone: str) -> re.Pattern[str] | None:
    """The clinic's number (`[site] phone`) as a post may write it, in any country's layout: its national digits
    (`national_digits`) with any spaces, dots, dashes, slashes or brackets between them, after a country code, a
    trunk prefix or neither ("+44 161 555 0123", "0044 (0)161 555 0123" and "0161-555-0123" for "0161 555 0123";
    "+1 778 917 7772" and "(778) 917-7772" for "778-917-7772"). None when the setting holds too few digits to be a
    number."""
    national = national_digits(phone)
    if len(national) < MIN_DIGITS:
        return None
    prefix = rf"(?:(?:\+|00)\d{{1,3}}{GAP}(?:\(0\){GAP})?|0{GAP}|1{GAP})?"
    # a hyphen or full stop and a digit after it go on as a longer number ("ref 0113-496-0000-77")
    return re.compile(r"(?<![\w+])\(?" + prefix + GAP.join(national) + r"(?![-.]?\d)")


def as_shown(number: str) -> str:
    """A number as a reader sees it: any run of spaces (a non-breaking one, a line break in the source) one space,
    a non-breaking hyphen a hyphen. An en dash is another form, and stays one."""
    return " ".join(number.split()).replace("\u2011", "-").replace("\u2010", "-")


@functools.lru_cache(maxsize=16)
def local_regex(phone: str) -> re.Pattern[str] | None:
    """The clinic's number without its area code, as a post may write it for readers in the same area: "9321 4567"
    for "(08) 9321 4567", "555 0123" for "0161 555 0123", "917-7772" for "778-917-7772". The area code is the
    setting's first group of digits after the country code and trunk prefix, when more groups follow; None when the
    setting is written as one group (where the area code ends cannot be told) or what is left has fewer than
    `MIN_DIGITS` digits (a "1300 555 123" has no area code)."""
    local = _local_digits(phone)
    if local is None or len(local) < MIN_DIGITS:
        return None
    return re.compile(r"(?<![\w+.,/])" + GAP.join(local) + r"(?![-.]?\d)")


def _local_digits(phone: str) -> str | None:
    """The digits of the clinic's number after its area code (`local_regex`), or None when the setting does not show
    where the area code ends."""
    written = re.sub(r"^\s*(?:\+|00)\d{1,3}", "", phone) if phone.strip().startswith(("+", "00")) else phone
    groups = [g for g in re.findall(r"\d+", written.replace("(0)", " ")) if g]
    local = "".join(groups[1:])
    return local if len(groups) >= 2 and national_digits(phone).endswith(local) else None


def phone_mentions(phone: str, text: str) -> list[re.Match[str]]:
    """Where `text` writes the clinic's number `phone`, in any layout (`phone_regex`), and without its area code
    (`local_regex`), in the order they are written."""
    found = phone_regex(phone)
    if found is None:
        return []
    whole = list(found.finditer(text))
    local = local_regex(phone)
    if local is None:
        return whole
    spans = [m.span() for m in whole]
    alone = [m for m in local.finditer(text)
             if not any(a <= m.start() < b for a, b in spans) and not _after_digits(text, m.start())]
    return sorted(whole + alone, key=lambda m: m.start())


def _after_digits(text: str, start: int) -> bool:
    """Whether a digit stands just before `start`, past the separators a number may hold: the match is the tail of
    another number."""
    at = start
    while at > 0 and start - at < 3 and re.match(SEPARATOR, text[at - 1]):
        at -= 1
    return at > 0 and text[at - 1].isdigit()


ONE_DIGIT_OFF, SWAPPED = "one digit off", "two digits swapped"
_FAX = re.compile(r"\bfax\b\W{0,12}$", re.I)  # "Fax: ", "fax on ": the number after it is a fax line


def typo_of(number: str, phone: str) -> str | None:
    """How `number` differs from the clinic's `phone` when it is most likely the clinic's number mistyped: the same
    count of national digits (`national_digits`) and one of them other (`ONE_DIGIT_OFF`), or two neighbours swapped
    (`SWAPPED`); None when it is the clinic's number or differs more (another business's, a mobile), or only in its
    area code ("04 555 0123" for "09 555 0123": the same local number in another area, another line)."""
    written, own = national_digits(number), national_digits(phone)
    if len(written) != len(own) or len(own) < MIN_DIGITS:
        return None
    off = [i for i, (a, b) in enumerate(zip(written, own, strict=True)) if a != b]
    local = _local_digits(phone)
    if local is not None and off and off[-1] < len(own) - len(local):
        return None
    if len(off) == 1:
        return ONE_DIGIT_OFF
    if len(off) == 2 and off[1] == off[0] + 1 and written[off[0]] == own[off[1]] and written[off[1]] == own[off[0]]:
        return SWAPPED
    return None


def mistyped_phones(phone: str, text: str, others: Iterable[str] = ()) -> list[tuple[int, str, str]]:
    """(offset, number as shown, how) for each number `text` writes (`phone_numbers_at`) that is the clinic's
    `phone` mistyped (`typo_of`). A number after "fax" is left alone: a clinic's fax line is often its phone number
    but the last digit; so is one of `others`, the clinic's other numbers (another studio's line)."""
    theirs = {national_digits(other) for other in others}
    found = []
    for at, number in phone_numbers_at(text):
        how = typo_of(number, phone)
        if how and national_digits(number) not in theirs and not _FAX.search(text, max(0, at - 24), at):
            found.append((at, as_shown(number), how))
    return found
