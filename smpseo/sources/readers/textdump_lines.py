"""The shape of one line of a plain-text dump: heading, question, quote, caption, alt text, contact line, dateline.

The thresholds and cue lists `smpseo.sources.readers.textdump` decides with; each predicate looks at one line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from smpseo.core.months import MONTH_NAMES, AmbiguousDay, numeric_day
from smpseo.core.phone import phone_numbers
from smpseo.core.text import EMOJI, is_question, words
from smpseo.sources.readers.datefields import day_first

HEADING_MAX_WORDS = 12  # a statement heading; longer lines without closing punctuation are captions
QUESTION_MAX_WORDS = 14  # a question standing alone up to this length is a heading
CAPTION_MAX_WORDS = 25  # the caption under an image's alt line
ALT_MAX_WORDS = 3  # a bare keyword line (image alt text)
NEAR_DUPLICATE = 0.85  # SequenceMatcher ratio above which two lines are "the same" caption or boilerplate
REPEATED_LINE_POSTS = 3  # a short line in this many posts is boilerplate
REPEATED_BLOCK_POSTS = 2  # a paragraph (>= LONG_BLOCK_WORDS) in this many posts is boilerplate
LONG_BLOCK_WORDS = 8

_OPEN_QUOTES = "\"“‘'«"
_CLOSE_QUOTES = "\"”’'»"
_TERMINAL = ".!?…"
# Emoji at the end of a line, with the joiner that makes one of several ("👩\u200d⚕️") and the spaces before them.
_TRAILING_EMOJI = re.compile(f"(?:\\s*[{EMOJI}\u200d])+$")
_PRONOUNS = frozenset("i you he she we they it".split())
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|\bwww\.|https?://")
_HAS_DIGITS = re.compile(r"\d{3}")
_GLUED = re.compile(r"\b[a-z]{3,}[A-Z][a-z]{2,}")
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s+[\"'“‘(]*[A-Z0-9]")


SEPARATOR = "separator"
DATELINE = "dateline"
_BULLET = re.compile(r"^(?:[-*+•·▪◦‣]\s+|\d{1,3}[.)]\s+(?=\S))")
_SEPARATOR = re.compile(r"^(?:([-=_*#~])(?:\s*\1){2,}|\f)$")
_MONTHS = tuple(name.lower() for name in MONTH_NAMES)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
# A dateline: ISO (2021-03-05, 2021/03/05), "March 5, 2021", "5 March 2021", "Friday, 5th of March 2021"; after
# "Posted on", "Published:", "Posted by Sam on" or nothing; before "by Sam", "| Sam", "- 3 min read" or nothing, but
# never before a sentence ("5 March 2021 - the day we opened." is prose).
_DATELINE = re.compile(
    rf"^(?:(?:posted|published|updated|written)(?:\s+by\s+\D{{1,60}}?)?(?:\s+on)?\s*:?\s*)?{_WEEKDAY}"
    rf"(?:(?P<iso_y>\d{{4}})[-/.](?P<iso_m>\d{{1,2}})[-/.](?P<iso_d>\d{{1,2}})"
    rf"|(?P<us_m>{_MONTH})\s+(?P<us_d>{_DAY}),?\s+(?P<us_y>\d{{4}})"
    rf"|(?P<eu_d>{_DAY})\s+(?:of\s+)?(?P<eu_m>{_MONTH}),?\s+(?P<eu_y>\d{{4}})"
    rf"|(?P<numeric>\d{{1,2}}(?P<sep>[/.-])\d{{1,2}}(?P=sep)(?:\d{{4}}|\d{{2}})))"
    rf"(?:\s+(?:by|-|–|—|\||·)\s+.{{0,59}}[^.!?])?$",
    re.IGNORECASE,
)


def date_of_line(text: str) -> dt.date | None:
    """The date a dateline gives ("Posted on March 3, 2021 by Sam", "3 March 2021", "2021-03-03", "3/15/2021"), or
    None for a line that is not one (or names no real day). Raises AmbiguousDay for a day in numbers that reads
    both ways ("Posted on 3/4/2021") while the posts are read with no country (`datefields.day_first`)."""
    return _date_of_line(text, day_first())


def is_dateline(text: str) -> bool:
    """Whether `text` is a dateline, one of an ambiguous day too."""
    try:
        return date_of_line(text) is not None
    except AmbiguousDay:
        return True


@functools.lru_cache(maxsize=65536)
def _date_of_line(text: str, first: bool | None) -> dt.date | None:
    m = _DATELINE.match(text.strip())
    if not m:
        return None
    if m.group("numeric"):
        return numeric_day(m.group("numeric"), first)
    if m.group("iso_y"):
        year, month, day = m.group("iso_y"), m.group("iso_m"), m.group("iso_d")
    else:
        year = m.group("us_y") or m.group("eu_y")
        day = re.sub(r"\D", "", m.group("us_d") or m.group("eu_d"))
        name = (m.group("us_m") or m.group("eu_m")).lower().rstrip(".")
        month = next(n for n, full in enumerate(_MONTHS, start=1) if full[:3] == name[:3])
        if not _MONTHS[month - 1].startswith(name):
            return None  # "Marching 5, 2021" names no month
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


@dataclass
class _Unit:
    """One line of the dump (or two, where a sentence was broken): the unit every decision is made on."""

    text: str
    line: int
    end_line: int
    kind: str = ""  # HEADING, PARAGRAPH, QUOTE, or "drop"
    boilerplate: bool = False  # dropped as the site's, not the post's (found in several posts, a share box)
    underlined: bool = False  # over a rule of "-" in a dump in setext style: a heading, whatever its shape

    @property
    def words(self) -> list[str]:
        return _words(self.text)


def _cue_list(name: str) -> frozenset[str]:
    from smpseo.core.language import word_list

    return word_list(name)


def _function_words() -> frozenset[str]:
    from smpseo.core.language import function_words

    return function_words()


# ---- the shape of one line --------------------------------------------------------------------------------------
def _core(text: str) -> str:
    """The line without the emoji it ends on, closing quotes and brackets (for looking at its last punctuation):
    'He said: "ten years ago, bro." 😂' ends on a full stop."""
    return _TRAILING_EMOJI.sub("", text).rstrip(_CLOSE_QUOTES + ") ")


def _ends_on_emoji(text: str) -> bool:
    """Whether the line ends on an emoji: in a post copied from a social network, how a sentence is ended."""
    return _TRAILING_EMOJI.search(text.rstrip()) is not None


@functools.lru_cache(maxsize=65536)
def _ends_terminal(text: str) -> bool:
    core = _core(text)
    return bool(core) and core[-1] in _TERMINAL


@functools.lru_cache(maxsize=65536)
def _sentence_count(text: str) -> int:
    return 1 + len(_INNER_SENTENCE_END.findall(text.strip()))


@functools.lru_cache(maxsize=65536)
def _is_quote(text: str) -> bool:
    t = text.strip()
    if len(t) < 3 or t[0] not in _OPEN_QUOTES:
        return False
    t = t.rstrip(_TERMINAL + " ")
    return t[-1] in _CLOSE_QUOTES and not re.search(r"[\"“”]", t[1:-1])


@functools.lru_cache(maxsize=65536)
def _is_heading_shaped(text: str) -> bool:
    """Short, standing alone, not a sentence: a heading (or the alt text and captions that look like one)."""
    t = text.strip()
    w = _words(t)
    if not w or len(w) > QUESTION_MAX_WORDS or _is_quote(t) or ";" in t or _has_contact(t):
        return False
    if not (t[0].isupper() or t[0].isdigit()):
        return False
    if is_question(t):
        return len(w) <= QUESTION_MAX_WORDS and _sentence_count(t) == 1
    if len(w) > HEADING_MAX_WORDS or _ends_terminal(t):
        return False
    if w[0].lower() in _PRONOUNS:
        return False  # "He is available for ..." is a sentence that lost its full stop
    if t.endswith(":"):
        return True
    return w[-1].lower() not in _cue_list("textdump_dangling")  # "One of the questions I receive is" runs on


@functools.lru_cache(maxsize=65536)
def _is_title_shaped(text: str) -> bool:
    """Whether a line can be a post's title, when a dateline stands next to it: a heading, or one sentence of up to
    CAPTION_MAX_WORDS words that does not end on a full stop, a colon or a comma (a title may be longer than a
    heading: "Everything you need to know about ..."), without contact details."""
    t = text.strip()
    if _is_heading_shaped(t):
        return True
    w = _words(t)
    return (0 < len(w) <= CAPTION_MAX_WORDS and (t[0].isupper() or t[0].isdigit()) and _core(t)[-1:] not in ".:;,"
            and _sentence_count(t) == 1 and not _is_quote(t) and not _has_contact(t))


@functools.lru_cache(maxsize=65536)
def _is_lowercase_alt(text: str) -> bool:
    t = text.strip()
    return bool(t) and t[0].islower() and len(_words(t)) <= 6 and not _ends_terminal(t) and not t.endswith(":")


@functools.lru_cache(maxsize=65536)
def _is_keyword_line(text: str) -> bool:
    """A bare noun phrase of a few words ("Scalp clinic"): how an image's alt text reads."""
    t = text.strip()
    w = _words(t)
    if not w or len(w) > ALT_MAX_WORDS or is_question(t) or _ends_terminal(t) or t.endswith(":"):
        return False
    fw = _function_words()
    return not any(x.lower() in fw for x in w)


@functools.lru_cache(maxsize=65536)
def _is_caption(text: str) -> bool:
    t = text.strip()
    n = len(_words(t))
    return 0 < n <= CAPTION_MAX_WORDS and (_sentence_count(t) == 1 or n <= 12) and not t.endswith(":")


@functools.lru_cache(maxsize=65536)
def _is_runaway_caption(text: str) -> bool:
    """A long line without closing punctuation that is not a sentence someone left unfinished: a caption."""
    t = text.strip()
    w = _words(t)
    if len(w) <= HEADING_MAX_WORDS or _ends_terminal(t) or t.endswith(":") or _is_quote(t) or _has_contact(t):
        return False
    if _ends_on_emoji(t):
        return False  # a caption never ends on an emoji; a social post's sentence often does
    return w[0].lower() not in _PRONOUNS and _sentence_count(t) == 1


@functools.lru_cache(maxsize=65536)
def _has_contact(text: str) -> bool:
    """A phone number, an e-mail address or a web address."""
    if ("@" in text or "www." in text or "://" in text) and _EMAIL.search(text):
        return True
    return _HAS_DIGITS.search(text) is not None and bool(phone_numbers(text))


_HASHTAG = r"#(?=\w*[^\W\d_])\w+"  # "#smp", "#tūī": a '#' right before a word with a letter in it
_HASHTAG_LINE = re.compile(rf"{_HASHTAG}(?:\s+{_HASHTAG})*")


def hashtags(text: str) -> list[str]:
    """The tags of a line made of hashtags alone, as a social post ends ("#smp #hamiltonnz"), without their '#';
    [] for any other line."""
    t = text.strip()
    return [tag[1:] for tag in t.split()] if _HASHTAG_LINE.fullmatch(t) else []


def _same(a: str, b: str) -> bool:
    """The same line, or nearly (a typo apart): compared word by word."""
    return _same_words(_norm(a), _norm(b))


def _same_words(na: tuple[str, ...], nb: tuple[str, ...]) -> bool:
    if not na or not nb:
        return False
    if na == nb:
        return True
    if min(len(na), len(nb)) / max(len(na), len(nb)) < NEAR_DUPLICATE:
        return False
    sm = SequenceMatcher(None, na, nb, autojunk=False)
    return sm.real_quick_ratio() >= NEAR_DUPLICATE and sm.quick_ratio() >= NEAR_DUPLICATE \
        and sm.ratio() >= NEAR_DUPLICATE


@functools.lru_cache(maxsize=65536)
def _norm(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _words(text))


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> list[str]:
    return words(text)


def _has_cue(text: str, cues: frozenset[str]) -> bool:
    low = " ".join(text.lower().replace("’", "'").split())
    return any(re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", low) for cue in cues)


def _opens_post(text: str) -> bool:
    low = text.lower().replace("’", "'").lstrip(_OPEN_QUOTES)
    return any(re.match(rf"{re.escape(cue)}\b", low) for cue in _cue_list("textdump_openers"))


_BUTTON_WRAPPING = re.compile(r"\([^)]*\)|^(?:click to share on|share on|share to|click to)\s+")


@functools.lru_cache(maxsize=65536)
def _share_text(text: str) -> str:
    """A line as a share box's label or button reads: lowercase, without bracketed words ("(Opens in new window)"),
    a leading "click to share on", the closing ":" and dots."""
    low = " ".join(text.lower().replace("…", "...").split())
    return " ".join(_BUTTON_WRAPPING.sub(" ", low).rstrip(" :.").split())


def _is_share_label(text: str) -> bool:
    """"Share this:", "Share this post": the label of a share box (`smpseo/data/en/textdump_share_labels.txt`)."""
    return _share_text(text) in _cue_list("textdump_share_labels")


def _is_share_button(text: str) -> bool:
    """"Facebook", "Click to share on Twitter (Opens in new window)": one button of a share box
    (`smpseo/data/en/textdump_share_buttons.txt`)."""
    return _share_text(text) in _cue_list("textdump_share_buttons")


def _is_prose(unit: _Unit) -> bool:
    return not _is_heading_shaped(unit.text) and not _is_quote(unit.text)
