"""A clinic's phone number as posts write it: its national digits in any country's layout.

`[site] phone` may be written in any layout ("0161 555 0123", "+1 778 917 7772"); a post may write it in another.
LOC301 (`smpseo.checks.local`) reports the other layouts, and LOC303 counts any of them as a call to action.
"""

from __future__ import annotations

import functools
import re

from smpseo.core.phone import GAP, MIN_DIGITS, SEPARATOR, national_digits


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
    written = re.sub(r"^\s*(?:\+|00)\d{1,3}", "", phone) if phone.strip().startswith(("+", "00")) else phone
    groups = [g for g in re.findall(r"\d+", written.replace("(0)", " ")) if g]
    if len(groups) < 2:
        return None
    local = "".join(groups[1:])
    if len(local) < MIN_DIGITS or not national_digits(phone).endswith(local):
        return None
    return re.compile(r"(?<![\w+.,/])" + GAP.join(local) + r"(?![-.]?\d)")


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
