"""A clinic's phone number as posts write it: its national digits in any country's layout.

`[site] phone` may be written in any layout ("0161 555 0123", "+1 778 917 7772"); a post may write it in another.
LOC301 (`smpseo.checks.local`) reports the other layouts, and LOC303 counts any of them as a call to action.
"""

from __future__ import annotations

import functools
import re


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# What may stand between two digits of a number: spaces, dots, hyphens and dashes, slashes, brackets.
_GAP = r"[\s.\-/()\u2010-\u2015\u2212]{0,3}"
MIN_DIGITS = 7  # shorter is not a phone number (an extension, a year)


# Country calling codes (ITU E.164) of two digits; 1 (North America) and 7 have one, all others three.
TWO_DIGIT_CODES = frozenset({"20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
                             "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
                             "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"})


def national_digits(phone: str) -> str:
    """The digits of a number without its country code and trunk prefix: "0161 555 0123" and "+44 161 555 0123" give
    1615550123; "778-917-7772", "1-778-917-7772" and "+1 778 917 7772" give 7789177772."""
    d = digits(phone)
    written = phone.strip()
    if written.startswith(("+", "00")):  # an international form: the country code's length is E.164's
        d = d[2:] if written.startswith("00") else d
        d = d[1:] if d[:1] in ("1", "7") else d[2:] if d[:2] in TWO_DIGIT_CODES else d[3:]
        return d.lstrip("0")  # "+44 (0)161 ...": the (0) is a trunk prefix
    if d.startswith("0"):  # a trunk prefix ("0161 ...", "(02) ...")
        return d[1:]
    if len(d) == 11 and d.startswith("1"):  # North America's "1-778-..."
        return d[1:]
    return d


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
    prefix = rf"(?:(?:\+|00)\d{{1,3}}{_GAP}(?:\(0\){_GAP})?|0{_GAP}|1{_GAP})?"
    # a hyphen or full stop and a digit after it go on as a longer number ("ref 0113-496-0000-77")
    return re.compile(r"(?<![\w+])\(?" + prefix + _GAP.join(national) + r"(?![-.]?\d)")


def as_shown(number: str) -> str:
    """A number as a reader sees it: any run of spaces (a non-breaking one, a line break in the source) one space,
    a non-breaking hyphen a hyphen. An en dash is another form, and stays one."""
    return " ".join(number.split()).replace("\u2011", "-").replace("\u2010", "-")


def phone_mentions(phone: str, text: str) -> list[re.Match[str]]:
    """Where `text` writes the clinic's number `phone`, in any layout (`phone_regex`)."""
    found = phone_regex(phone)
    return list(found.finditer(text)) if found is not None else []
