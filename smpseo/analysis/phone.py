"""A clinic's phone number as posts write it: its national digits in any country's layout.

`[site] phone` may be written in any layout ("0161 555 0123", "+1 778 917 7772"); a post may write it in another.
LOC301 (`smpseo.checks.local`) reports the other layouts, and LOC303 counts any of them as a call to action.
"""

from __future__ import annotations

import functools
import re

from smpseo.core.phone import GAP, MIN_DIGITS, national_digits


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


def phone_mentions(phone: str, text: str) -> list[re.Match[str]]:
    """Where `text` writes the clinic's number `phone`, in any layout (`phone_regex`)."""
    found = phone_regex(phone)
    return list(found.finditer(text)) if found is not None else []
