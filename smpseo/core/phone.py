"""What a phone number is: its digits, its national digits in any country's layout, whether a setting can be one,
and which numbers a text writes that may be one (`phone_numbers`). Finding the clinic's own number in a post's text
is `smpseo.analysis.phone`'s."""

from __future__ import annotations

import re
import unicodedata


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


MIN_DIGITS = 7  # national digits; shorter is not a phone number (an extension, a year)
MAX_DIGITS = 15  # E.164: no number has more digits, its country code's counted

# What may stand between two digits of a number: spaces, dots, hyphens and dashes, slashes, brackets.
SEPARATOR = r"[\s.\-/()\u2010-\u2015\u2212]"
GAP = SEPARATOR + "{0,3}"


# Country calling codes (ITU E.164) of two digits; 1 (North America) and 7 have one, all others three.
TWO_DIGIT_CODES = frozenset({"20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
                             "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
                             "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"})


def calling_code(phone: str) -> str:
    """The country calling code of a number written in an international form ("+64 9 ...", "0064 9 ...": "64"),
    its length E.164's; "" for a number written for callers at home."""
    written = phone.strip()
    if not written.startswith(("+", "00")):
        return ""
    d = digits(written)[2:] if written.startswith("00") else digits(written)
    return d[:1] if d[:1] in ("1", "7") else d[:2] if d[:2] in TWO_DIGIT_CODES else d[:3]


def national_digits(phone: str) -> str:
    """The digits of a number without its country code and trunk prefix: "0161 555 0123" and "+44 161 555 0123" give
    1615550123; "778-917-7772", "1-778-917-7772" and "+1 778 917 7772" give 7789177772."""
    d = digits(phone)
    written = phone.strip()
    if code := calling_code(written):  # an international form
        d = d[2:] if written.startswith("00") else d
        return d[len(code):].lstrip("0")  # "+44 (0)161 ...": the (0) is a trunk prefix
    if d.startswith("0"):  # a trunk prefix ("0161 ...", "(02) ...")
        return d[1:]
    if len(d) == 11 and d.startswith("1"):  # North America's "1-778-..."
        return d[1:]
    return d


def international(phone: str, calling: str, trunk: str = "") -> str:
    """`phone` in the international form Google asks structured data to give, for a number of the country whose
    calling code is `calling` and whose numbers start with `trunk` (or one of its forms: "80|8|0") when written for
    callers at home: "+", the calling code and the number's groups of digits, the trunk prefix dropped ("01 234
    5678" in Ireland: "+353 1 234 5678"; "(02) 9876 5432" in Australia: "+61 2 9876 5432"; "06 1234 5678" in Italy,
    which has none: "+39 06 1234 5678"). A number already written with a "+" stays as written, and one with "00" and
    the same calling code is that number after a "+"; any other, or any number when `calling` is "" (the country is
    not known), as given."""
    written = phone.strip()
    groups = re.findall(r"\d+", written)
    if not calling or written.startswith("+") or not groups:
        return written
    if written.startswith("00"):  # "0044 (0)161 ...": the (0) is the trunk prefix, not dialled from abroad
        groups = re.findall(r"\d+", written.replace("(0)", " "))
        if not "".join(groups)[2:].startswith(calling):
            return written
        return "+" + " ".join([calling, *_drop(groups, 2 + len(calling))])
    for prefix in sorted(filter(None, trunk.split("|")), key=len, reverse=True):  # Belarus: "80", "8" or "0"
        if "".join(groups).startswith(prefix):
            groups = _drop(groups, len(prefix))
            break
    return "+" + " ".join([calling, *groups])


def _drop(groups: list[str], count: int) -> list[str]:
    """`groups` of digits without their first `count` digits (a group left empty goes)."""
    out = []
    for group in groups:
        cut = min(count, len(group))
        count -= cut
        if group[cut:]:
            out.append(group[cut:])
    return out


def phone_problem(value: str) -> str | None:
    """Why `value` cannot be the clinic's phone number (a letter, too few digits), or None when it can."""
    if re.search(r"[^\d\s+().\-/\u2010-\u2015]", value):
        return f"{value!r} is not a phone number (digits, spaces, + ( ) - . / only)"
    if len(national_digits(value)) < MIN_DIGITS:
        return f"{value!r} has too few digits to be a phone number"
    return None


# A number as people write one, on one line: groups of digits with up to three separators between them ("01 555 0123",
# "(01) 555-0123", "+353 (0)1 555 0123"), after a "+" or a bracket or neither, and not inside a word or another number.
_NUMBER = re.compile(rf"(?<![\w+.,/\-\u2010-\u2015\u2212])(?<!\d:)[+(]?\d+(?:{SEPARATOR}{{1,3}}\d+)*")
# What a number goes on with when it is a word, a decimal, a time or a share: "10am", "1 555.50", "9:30", "12 500 000%".
_GOES_ON = re.compile(r"[^\W\d_]|[.,:]\d|\s?[%‰]")
# Where two numbers written side by side part: a slash, or a dash with spaces around it ("01 555 0123 / 087 123 4567").
_BETWEEN = re.compile(r"\s*/\s*|\s+[\-\u2010-\u2015]\s+")
_YEAR = r"(?:19|20)\d\d"
# Numbers in a phone number's layout that are something else.
_NOT_PHONES = re.compile("|".join([
    rf"\d{{1,2}}\s?([./-])\s?\d{{1,2}}\s?\1\s?{_YEAR}(?:\s+\d{{1,2}}[.:]\d\d)?",  # a date: 12.06.2025, 6/12/2025
    rf"{_YEAR}([./-])\d{{1,2}}\2\d{{1,2}}(?:\s+\d{{1,2}}[.:]\d\d)?",  # an ISO date: 2025-06-12, 2025.06.12
    rf"{_YEAR}\s?[/\-\u2010-\u2015]\s?{_YEAR}",  # years: 2019-2024, 2023/2024
    r"[1-9]\d*00\s?[\-\u2010-\u2015]\s?[1-9]\d*00",  # round figures: 1500-2500, 2000 – 3000
    r"[1-9]\d?([\s.])\d{3}\3\d{3}",  # a count in thousands: 1 500 000, 12.500.000
    r"\d{5}-\d{4}|\d{4}-\d{3}",  # a postcode: a ZIP+4 (90210-1234), a Portuguese one (1000-001)
    r"\d{1,2}\.\d\d\s?[\-\u2010-\u2015]\s?\d{1,2}\.\d\d",  # hours: 9.30-17.30
    r"\d+\.\d+",  # a decimal: 362384.362685
]))


def phone_numbers(text: str) -> list[str]:
    """The numbers `text` writes that may be phone numbers, as written: groups of digits with spaces, dots, dashes,
    slashes or brackets between them, or one group after a "+", with `MIN_DIGITS` national digits (`phone_problem`)
    and `MAX_DIGITS` in all. Not a date, a range of years or round figures, a count in thousands, a postcode, hours,
    nor a price or a share (a currency sign or % beside it), nor a number a letter, a decimal or a time goes on."""
    return [number for _, number in phone_numbers_at(text)]


def phone_numbers_at(text: str) -> list[tuple[int, str]]:
    """`phone_numbers`, each with where it starts in `text`."""
    found = []
    at = 0
    for ended in text.splitlines(keepends=True):
        line = (ended.splitlines() or [""])[0]  # without its line break: a number ends with its line
        for match in _NUMBER.finditer(line):
            before = line[:match.start()].rstrip()[-1:]
            after = line[match.end():]
            if _GOES_ON.match(after) or _is_currency(before) or _is_currency(after.lstrip()[:1]):
                continue
            whole = _bracketed(match.group())
            parts = [whole] if _may_be_phone(whole) else [p for p in map(_bracketed, _BETWEEN.split(whole))
                                                          if _may_be_phone(p)]
            cursor = match.start()
            for part in parts:
                cursor = line.index(part, cursor)
                found.append((at + cursor, part))
                cursor += len(part)
        at += len(ended)
    return found


def _is_currency(char: str) -> bool:
    return bool(char) and unicodedata.category(char) == "Sc"


def _bracketed(number: str) -> str:
    """A number without a bracket it does not close or open: "(01) 555 0123" stays, "(01 555 0123" and
    "01 555 0123 (24" lose what their bracket stands before or after."""
    number = number.strip()
    if number.startswith("(") and ")" not in number:
        number = number[1:]
    opened = number.rfind("(")
    if opened > 0 and ")" not in number[opened:]:
        number = number[:opened]
    closed = number.find(")")
    if closed >= 0 and "(" not in number[:closed]:
        number = number[closed + 1:]
    return re.sub(r"^[^\d+(]+", "", re.sub(rf"{SEPARATOR}+$", "", number))


def _may_be_phone(number: str) -> bool:
    if not number or not MIN_DIGITS <= len(digits(number)) <= MAX_DIGITS or phone_problem(number):
        return False
    if not re.search(r"\d\D+\d", number) and not number.startswith("+"):
        return False  # one run of digits: a reference, an order number (a number to call has groups, or a +)
    return not _NOT_PHONES.fullmatch(number)
