"""What a phone number is: its digits, its national digits in any country's layout, and whether a setting can be
one. Finding the clinic's number in a post's text is `smpseo.analysis.phone`'s."""

from __future__ import annotations

import re


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


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


def phone_problem(value: str) -> str | None:
    """Why `value` cannot be the clinic's phone number (a letter, too few digits), or None when it can."""
    if re.search(r"[^\d\s+().\-/\u2010-\u2015]", value):
        return f"{value!r} is not a phone number (digits, spaces, + ( ) - . / only)"
    if len(national_digits(value)) < MIN_DIGITS:
        return f"{value!r} has too few digits to be a phone number"
    return None
