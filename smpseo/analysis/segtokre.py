# SPDX-License-Identifier: MIT
# ruff: noqa: UP031, UP032  (segtok's expressions are built as segtok builds them, to be compared line for line)
"""segtok 1.5.11's regular expressions for the standard `re` module, for text made of common characters.

segtok writes its expressions for the third-party `regex` module, with Unicode properties (`\\p{Ll}`, `\\p{Lu}` ...).
Importing `regex` and segtok, which compiles them all, costs a process that checks one post about 25 ms, a seventh
of the check. Over the characters of `COMMON` (ASCII but four control characters, Latin-1 but its superscripts and
fractions, general punctuation, currency signs, arrows, technical symbols, shapes, dingbats and emoji), `re`'s
`\\w`, `\\s`, `\\d` and `\\b` mean what `regex`'s do, and each property is the class of the characters in `COMMON`
that have it (`PROPERTIES`). Written that way, segtok's expressions find in such a text exactly what segtok finds;
`segtokcore` uses them (`Patterns`, each compiled when first used) for every text whose characters are all in
`COMMON`, and segtok's own for any other. `tests/test_segtokre.py` holds each expression to segtok's on generated
text and the classes to the `regex` module's properties.

The expressions below are built as segtok 1.5.11 builds them (segtok/segmenter.py, segtok/tokenizer.py); where `re`
needs another spelling of the same thing it is said. This file is a port of parts of segtok and is under segtok's
MIT licence (Copyright 2020 Florian Leitner), whose full text is in LICENSES/segtok-MIT.txt, shipped with
the package's licence files.
"""

from __future__ import annotations

import re

# The characters whose texts these expressions read: where `re` and `regex` agree on `\w`, `\s` and `\d`, and whose
# Unicode properties `PROPERTIES` lists (tests/test_segtokre.py checks both against `regex`).
COMMON = ("\x00-\x1b\x20-\xb1\xb4-\xb8\xba\xbb\xbf-\xff\u2000-\u200b\u200e-\u203e\u2041-\u2053\u2055-\u206f"
          "\u20a0-\u20c0\u2122\u2190-\u23ff\u2500-\u2775\u2794-\u27bf\U0001f300-\U0001faff")
_UNCOMMON = re.compile(f"[^{COMMON}]")

# Each Unicode property segtok's expressions use, as the characters of COMMON that have it (a class's inside).
PROPERTIES = {
    "Ll": "a-z\xb5\xdf-\xf6\xf8-\xff",
    "Lu": "A-Z\xc0-\xd6\xd8-\xde",
    "Lt": "",
    "Lm": "",
    "L": "A-Za-z\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\xff",
    "Nd": "0-9",
    "Nl": "",
    "Zs": " \xa0\u2000-\u200a\u202f\u205f",
}


def common(text: str) -> bool:
    """Whether every character of `text` is in COMMON (these expressions read it as segtok's do)."""
    return _UNCOMMON.search(text) is None


_PROPERTY = re.compile(r"\\p\{(\w+)\}")


def for_re(pattern: str) -> str:
    """A `regex` expression of segtok's with each `\\p{..}` written as a class of COMMON's characters. `\\p{Lm}?`
    (an optional letter of a property no character of COMMON has) matches nothing, and is left out."""
    pattern = pattern.replace(r"\p{Lm}?", "")
    out, at, depth = [], 0, 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            m = _PROPERTY.match(pattern, i)
            if m:
                body = PROPERTIES[m.group(1)]
                if depth:
                    out.append(pattern[at:i] + body)
                elif body:
                    out.append(pattern[at:i] + f"[{body}]")
                else:
                    raise ValueError(f"\\p{{{m.group(1)}}} outside a class has no character in COMMON")
                at = i = m.end()
                continue
            i += 2
            continue
        if c == "[" and not depth:
            depth = 1
            i += 2 if pattern[i + 1:i + 2] == "]" else 1  # a `]` first in a class is the character
            continue
        if c == "]" and depth:
            depth = 0
        i += 1
    out.append(pattern[at:])
    return "".join(out)


# ---- segtok/segmenter.py ----------------------------------------------------------------------------------------
SENTENCE_TERMINALS = '.!?\u203C\u203D\u2047\u2048\u2049\u3002' \
                     '\uFE52\uFE57\uFF01\uFF0E\uFF1F\uFF61'
HYPHENS = '\u00AD\u058A\u05BE\u0F0C\u1400\u1806\u2010-\u2012\u2e17\u30A0-'
_ABBREVIATION_WORDS = r"""
approx Capt cf Col Dr f\.?e figs? Gen e\.?g i\.?e i\.?v
Mag med Mr Mrs Mt nat No nr p\.e phil prof rer
sci Sgt Sr Sra Srta St univ vol vs z\.B
Jän Jan Ene Feb Mär Mar Apr Abr May Jun Jul Aug Sep Sept Oct Okt Nov Dic Dez Dec
E\.U U\.K U\.S
""".split()
_ABBREVIATION_WORDS.extend(a.capitalize() for a in _ABBREVIATION_WORDS if a[0].islower())
_ABBREVIATIONS = r"""
(?: \b(?:%s) # 1. known abbreviations,
|   ^\S      # 2. a single, non-space character "sentence" (only),
|   ^\d+     # 3. a series of digits "sentence" (only), or
|   (?: \b   # 4. terminal letters A.-A, A.A, or A, if prefixed with:
    # 4.a. something that makes them most likely a human first name initial
        (?: [Bb]y
        |   [Cc](?:aptain|ommander)
        |   [Dd]o[ck]tor
        |   [Gg]eneral
        |   [Mm](?:ag)?is(?:ter|s)
        |   [Pp]rofessor
        |   [Ss]e\u00F1or(?:it)?a?
        ) \s
    # 4.b. if they are most likely part of an author list: (avoiding "...A and B")
    |   (?: (?<! \b\p{Lu}\p{Lm}? ) , (?: \s and )?
        |   (?<! \b[\p{Lu},]\p{Lm}? ) \s and
        ) \s
    # 4.c. a bracket opened just before the letters
    |   [\[\(]
    ) (?: # finally, the letter sequence A.-A, A.A, or A:
        [\p{Lu}\p{Lt}] \p{Lm}? \. # optional A.
        [%s]?                     # optional hyphen
    )? [\p{Lu}\p{Lt}] \p{Lm}?     # required A
) $""" % ('|'.join(sorted(_ABBREVIATION_WORDS)), HYPHENS)
_CONTINUATIONS = r""" ^ # at string start only
(?: a(?: nd|re )
|   b(?: etween|y )
|   from
|   has
|   i(?: nto|s )
|   o[fr]
|   t(?: han|hat|hrough )
|   via
|   w(?: as|ere|hether|ith )
)\b"""
_BEFORE_LOWER = r""" .*?
(?: [%s]"[\)\]]*           # ."]) .") ."
|   [%s] [\)\]]+           # .]) .)
|   \b spp \.              # spp.  (species pluralis)
|   \b \p{L} \p{Ll}? \.    # Ll. L.
) \s+ $""" % (SENTENCE_TERMINALS, SENTENCE_TERMINALS)
_SEGMENTER = r"""
(                       # A sentence ends at one of two sequences:
    [%s]                # Either, a sequence starting with a sentence terminal,
    [\'\u2019\"\u201D]? # an optional right quote,
    [\]\)]*             # optional closing brackets and
    \s+                 # a sequence of required spaces.
|                       # Otherwise,
    \n{{{},}}           # a sentence also terminates at [consecutive] newlines.
)""" % SENTENCE_TERMINALS
SHORT_SENTENCE_LENGTH = 55

# ---- segtok/tokenizer.py ----------------------------------------------------------------------------------------
APOSTROPHES = '\'\u00B4\u02B9\u02BC\u2019\u2032'
APOSTROPHE = r"[\u00B4\u02B9\u02BC\u2019\u2032]"
LINEBREAK = r'(?:\r\n|\n|\r|\u2028)'
LETTER = r'[\p{Ll}\p{Lm}\p{Lt}\p{Lu}]'
NUMBER = r'[\p{Nd}\p{Nl}]'
POWER = r'\u207B?[\u00B9\u00B2\u00B3]'
SUBDIGIT = r'[\u2080-\u2089]'
ALNUM = LETTER[:-1] + NUMBER[1:]
HYPHEN = r'[%s]' % HYPHENS
SPACE = r'[\p{Zs}\t]'
_WORD = r"""((?:
    # Dots, except ellipsis
    {alnum} \. (?!\.\.)
    | # Comma, surrounded by digits (e.g., chemicals) or letters
    {alnum} , (?={alnum})
    | # Colon, surrounded by digits (e.g., time, references)
    {number} : (?={number})
    | # Hyphen, surrounded by digits (e.g., DNA endings: "5'-ACGT-3'") or letters
    {alnum} {apo}? {hyphen} (?={alnum})  # incl. optional apostrophe for DNA segments
    | # Apostophes, non-consecutive
    {apo} (?!{apo})
    | # ASCII single quote, surrounded by digits or letters (no dangling allowed)
    {alnum} ' (?={alnum})
    | # ASCII single quote after an s and at the token's end
    s ' $
    | # Terminal dimensions (superscript minus, 1, 2, and 3) attached to physical units
    #  size-prefix                 unit-acronym    dimension
    \b [yzafpn\u00B5mcdhkMGTPEZY]? {letter}{{1,3}} {power} $
    | # Atom counts (subscript numbers) and ionization states (optional superscript
    #   2 or 3 followed by a + or -) are attached to valid fragments of a chemical formula
    \b (?:[A-Z][a-z]?|[\)\]])+ {subdigit}+ (?:[\u00B2\u00B3]?[\u207A\u207B])?
    | # Any (Unicode) letter, digit, or the underscore
    {alnum}
    )+)""".format(alnum=ALNUM, apo=APOSTROPHE, power=POWER, subdigit=SUBDIGIT, hyphen=HYPHEN, letter=LETTER,
                  number=NUMBER)
# segtok's web tokenizer opens with `(?<=^|[\s<"'(\[{])`, a look-behind of two widths that `re` refuses; here the
# same test is spelt `(?:^|(?<=[\s<"'(\[{]))`.
_WEB = r"""
    (?:^|(?<=[\s<"'(\[{]))        # visual border

    (                             # RFC3986-like URIs:
        [A-z]+                    # required scheme
        ://                       # required hier-part
        (?:[^@]+@)?               # optional user
        (?:[\w-]+\.)+\w+          # required host
        (?::\d+)?                 # optional port
        (?:\/[^?\#\s'">)\]}]*)?   # optional path
        (?:\?[^\#\s'">)\]}]+)?    # optional query
        (?:\#[^\s'">)\]}]+)?      # optional fragment

    |                             # simplified e-Mail addresses:
        [\w.#$%&'*+/=!?^`{|}~-]+  # local part
        @                         # klammeraffe
        (?:[\w-]+\.)+             # (sub-)domain(s)
        \w+                       # TLD

    )(?=[\s>"')\]}]|$)            # visual border
    """

# name -> (segtok's expression, `re` flags); the names are segtok's.
SOURCES: dict[str, tuple[str, int]] = {
    "ABBREVIATIONS": (_ABBREVIATIONS, re.VERBOSE),
    "ENDS_IN_DATE_DIGITS": (r"\b[0123]?[0-9]$", 0),
    "MONTH": (r"(J[äa]n|Ene|Feb|M[äa]r|A[pb]r|May|Jun|Jul|Aug|Sep|O[ck]t|Nov|D[ei][cz]|0?[1-9]|1[012])", 0),
    "CONTINUATIONS": (_CONTINUATIONS, re.VERBOSE),
    "BEFORE_LOWER": (_BEFORE_LOWER, re.DOTALL | re.VERBOSE),
    "LOWER_WORD": (r'^\p{Ll}+[%s]?\p{Ll}*\b' % HYPHENS, 0),
    "MIDDLE_INITIAL_END": (r'\b\p{Lu}\p{Ll}+\W+\p{Lu}$', 0),
    "UPPER_WORD_START": (r'^\p{Lu}\p{Ll}+\b', 0),
    "LONE_WORD": (r'^\p{Ll}+[\p{Ll}\p{Nd}%s]*$' % HYPHENS, 0),
    "UPPER_CASE_END": (r'\b[\p{Lu}\p{Lt}]\p{L}*\.\s+$', 0),
    "UPPER_CASE_START": (r'^(?:(?:\(\d{4}\)\s)?[\p{Lu}\p{Lt}]\p{L}*|\d+)[\.,:]\s+', 0),
    "MAY_CROSS_ONE_LINE": (_SEGMENTER.format(2), re.VERBOSE),
    "APO_MATCHER": (APOSTROPHE, 0),
    "HYPHENATED_LINEBREAK": (r'({alnum}{hyphen}){space}*?{linebreak}{space}*?({alnum})'.format(
        alnum=ALNUM, hyphen=HYPHEN, linebreak=LINEBREAK, space=SPACE), 0),
    "IS_CONTRACTION": (r"{alnum}+(?:{hyphen}{alnum}+)*{apo}(?:d|ll|m|re|s|t|ve)$".format(
        alnum=ALNUM, hyphen=HYPHEN, apo="['" + APOSTROPHE[1:]), 0),
    "space_tokenizer": (r'\s+', re.VERBOSE),
    "word_tokenizer": (_WORD, re.VERBOSE),
    "web_tokenizer": (_WEB, re.VERBOSE),
}


class Patterns:
    """segtok's expressions for `re` by segtok's names (`Patterns().ABBREVIATIONS.search(...)`), each compiled when
    first asked for."""

    SENTENCE_TERMINALS = SENTENCE_TERMINALS
    APOSTROPHES = APOSTROPHES
    SHORT_SENTENCE_LENGTH = SHORT_SENTENCE_LENGTH

    def __getattr__(self, name: str) -> re.Pattern:
        try:
            source, flags = SOURCES[name]
        except KeyError:
            raise AttributeError(name) from None
        compiled = re.compile(for_re(source), flags)
        setattr(self, name, compiled)
        return compiled


def _is_open(span_str: str, brackets: str = '()') -> bool:
    """Check if the span ends with an unclosed `bracket` (segtok's `_is_open`)."""
    offset = span_str.find(brackets[0])
    nesting = 0 if offset == -1 else 1

    while offset != -1:
        opener = span_str.find(brackets[0], offset + 1)
        closer = span_str.find(brackets[1], offset + 1)

        if opener == -1:
            if closer == -1:
                offset = -1
            else:
                offset = closer
                nesting -= 1
        elif closer == -1:
            offset = opener
            nesting += 1
        elif opener < closer:
            offset = opener
            nesting += 1
        elif closer < opener:
            offset = closer
            nesting -= 1
        else:
            msg = 'at offset={}: closer={}, opener={}'
            raise RuntimeError(msg.format(offset, closer, opener))

    return nesting > 0


def _is_not_opened(span_str: str, brackets: str = '()') -> bool:
    """Check if the span starts with an unopened `bracket` (segtok's `_is_not_opened`)."""
    offset = span_str.rfind(brackets[1])
    nesting = 0 if offset == -1 else 1

    while offset != -1:
        opener = span_str.rfind(brackets[0], 0, offset)
        closer = span_str.rfind(brackets[1], 0, offset)

        if opener == -1:
            if closer == -1:
                offset = -1
            else:
                offset = closer
                nesting += 1
        elif closer == -1:
            offset = opener
            nesting -= 1
        elif closer < opener:
            offset = opener
            nesting -= 1
        elif opener < closer:
            offset = closer
            nesting += 1
        else:
            msg = 'at offset={}: closer={}, opener={}'
            raise RuntimeError(msg.format(offset, closer, opener))

    return nesting > 0
