# SPDX-License-Identifier: MIT
"""segtok 1.5.11's `split_multi` (sentences), `web_tokenizer` and `split_contractions` (words): the segmenter and
tokenizer YAKE reads a text with, giving the same sentences and tokens in the same order, in a third of the time.

Texts of common characters (`segtokre.COMMON`: ASCII, Latin-1, typographic punctuation, symbols and emoji) are read
with segtok's expressions written for the standard `re` module (`segtokre`), any other with segtok's own, which
need the `regex` module: a check of a post in English imports neither segtok nor `regex`.

segtok splits each space-separated span of a sentence with one regular expression and tests each token against
another (is it a contraction?), hundreds of thousands of times over a blog, most of them on the same few thousand
spans ("the", "clinic,", "it's"): here those two results are remembered per span and per token. Its segmenter
searches every candidate sentence, from each of its characters, for an abbreviation at its end: here the search
starts where a match could begin (an abbreviation, an initial and the word before it are at most 17 characters
long), and of two tests joined by `and`, the one that fails more often runs first. Everything else is segtok's code,
applied in the same order, with segtok's own compiled expressions. `tests/test_segtokcore.py` holds the sentences
and tokens to segtok's on every post of the real corpora and on random text.

This file is a port of parts of segtok 1.5.11 (segtok/segmenter.py, segtok/tokenizer.py) and is under segtok's
MIT licence (Copyright 2020 Florian Leitner), whose full text is in LICENSES/segtok-MIT.txt, shipped with
the package's licence files.
"""

from __future__ import annotations

import functools
from html import unescape
from types import SimpleNamespace

from smpseo.analysis import segtokre
from smpseo.analysis.segtokre import (
    APOSTROPHES,
    SENTENCE_TERMINALS,
    SHORT_SENTENCE_LENGTH,
    _is_not_opened,
    _is_open,
)

MEMO_LIMIT = 200_000  # spans and tokens remembered per process (a blog has some tens of thousands)
_LINEBREAKS = ("\r", "\n", "\u2028")  # what segtok's HYPHENATED_LINEBREAK needs to find anything

_span_tokens: dict[str, list[str]] = {}  # a space-free span -> `word_tokenizer.split(span)` without empty strings
_contraction: dict[str, bool] = {}  # a token -> `IS_CONTRACTION.match(token) is not None`

_COMMON = segtokre.Patterns()


@functools.cache
def _full() -> SimpleNamespace:
    """segtok's own expressions by their names (the `regex` module's), for text with other characters."""
    from segtok import segmenter, tokenizer

    return SimpleNamespace(**{name: getattr(segmenter, name, None) or getattr(tokenizer, name)
                              for name in segtokre.SOURCES})


def _patterns(text: str):
    """The expressions to read `text` with: segtok's for `re` when its characters are common, else segtok's own."""
    return _COMMON if segtokre.common(text) else _full()


def web_tokenizer(sentence: str) -> list[str]:
    """`segtok.tokenizer.web_tokenizer`: URIs and e-mail addresses kept whole, the rest as `word_tokenizer`."""
    if "://" not in sentence and "@" not in sentence:  # the only ways a URI or an e-mail address can match
        return word_tokenizer(unescape(sentence))
    return [token for i, span in enumerate(_patterns(sentence).web_tokenizer.split(sentence))
            for token in ((span,) if i % 2 else word_tokenizer(unescape(span)))]


def _split(span: str) -> list[str]:
    found = _span_tokens.get(span)
    if found is None:
        if len(_span_tokens) >= MEMO_LIMIT:
            _span_tokens.clear()
        found = _span_tokens[span] = [token for token in _patterns(span).word_tokenizer.split(span) if token]
    return found


def word_tokenizer(sentence: str) -> list[str]:
    """`segtok.tokenizer.word_tokenizer`."""
    patterns = _patterns(sentence)
    pruned = patterns.HYPHENATED_LINEBREAK.sub(r'\1\2', sentence) if any(c in sentence for c in _LINEBREAKS) \
        else sentence
    tokens: list[str] = []
    known = _span_tokens
    for span in patterns.space_tokenizer.split(pruned):
        if span:
            found = known.get(span)
            tokens.extend(found if found is not None else _split(span))

    # splice the sentence terminal off the last word/token if it has any at its borders
    # only look for the sentence terminal in the last three tokens
    for idx, word in enumerate(reversed(tokens[-3:]), 1):
        if (patterns.word_tokenizer.match(word) and not patterns.APO_MATCHER.match(word)) or \
                any(t in word for t in SENTENCE_TERMINALS):
            last = len(word) - 1

            if 0 == last or '...' == word:
                # any case of "..." or any single char (last == 0)
                pass  # leave the token as it is
            elif any(word.rfind(t) == last for t in SENTENCE_TERMINALS):
                # "stuff."
                tokens[-idx] = word[:-1]
                tokens.insert(len(tokens) - idx + 1, word[-1])
            elif any(word.find(t) == 0 for t in SENTENCE_TERMINALS):
                # ".stuff"
                tokens[-idx] = word[0]
                tokens.insert(len(tokens) - idx + 1, word[1:])

            break

    # keep splicing off any dangling commas and (semi-) colons
    dirty = True
    while dirty:
        dirty = False

        for idx, word in enumerate(reversed(tokens), 1):
            while len(word) > 1 and word[-1] in ',;:':
                char = word[-1]  # the dangling comma/colon
                word = word[:-1]
                tokens[-idx] = word
                tokens.insert(len(tokens) - idx + 1, char)
                idx += 1
                dirty = True
            if dirty:
                break  # restart check to avoid index errors

    return tokens


def may_split(sentence: str) -> bool:
    """Whether `split_contractions` could change the tokens of a sentence, or a token start with an apostrophe:
    only with an apostrophe in it, or a character reference (`&#39;`) that the tokenizer unescapes into one."""
    return "&" in sentence or any(a in sentence for a in APOSTROPHES)


def _is_contraction(token: str) -> bool:
    found = _contraction.get(token)
    if found is None:
        if len(_contraction) >= MEMO_LIMIT:
            _contraction.clear()
        found = _contraction[token] = _patterns(token).IS_CONTRACTION.match(token) is not None
    return found


def split_contractions(tokens: list[str]) -> list[str]:
    """`segtok.tokenizer.split_contractions`: "don't" as "do", "n't" (the list is changed in place)."""
    idx = -1

    for token in list(tokens):
        idx += 1

        if _is_contraction(token):
            length = len(token)

            if length > 1:
                for pos in range(length - 1, -1, -1):
                    if token[pos] in APOSTROPHES:
                        if 2 < length and pos + 2 == length and token[-1] == 't' and token[pos - 1] == 'n':
                            pos -= 1

                        tokens.insert(idx, token[:pos])
                        idx += 1
                        tokens[idx] = token[pos:]

    return tokens


ABBREVIATION_REACH = 32  # characters from the end where segtok's ABBREVIATIONS can match (17, and a final newline)


def _abbreviation(span: str, patterns) -> bool:
    """`ABBREVIATIONS.search(span)`, searched only where a match can start: its alternatives that need not start at
    the span's start are at most 17 characters long and end at its end; those that must (`^\\S`, `^\\d+`) need a
    span of one character or of digits only (no space)."""
    if len(span) <= ABBREVIATION_REACH or " " not in span:
        return patterns.ABBREVIATIONS.search(span) is not None
    return patterns.ABBREVIATIONS.search(span, len(span) - ABBREVIATION_REACH) is not None


def split_multi(text: str, join_on_lowercase: bool = False,
                short_sentence_length: int = SHORT_SENTENCE_LENGTH):
    """`segtok.segmenter.split_multi`: sentences may contain single newlines; consecutive ones always split."""
    patterns = _patterns(text)
    return _sentences(patterns.MAY_CROSS_ONE_LINE.split(text), join_on_lowercase, short_sentence_length, patterns)


def _sentences(spans, join_on_lowercase, short_sentence_length, patterns):
    """Join spans back together into sentences as necessary."""
    last = None

    def shorterThanATypicalSentence(c: int, n: int) -> bool:
        return c < short_sentence_length or n < short_sentence_length

    for current in _abbreviation_joiner(spans, patterns):
        if last is not None:
            # segtok tests BEFORE_LOWER first; LOWER_WORD fails far more often and the result is the same
            if patterns.LOWER_WORD.match(current) and (join_on_lowercase or patterns.BEFORE_LOWER.match(last)):
                last = last + current
            elif shorterThanATypicalSentence(len(current), len(last)) and _is_open(last) and (
                _is_not_opened(current) or last.endswith(' et al. ') or (
                    patterns.UPPER_CASE_END.search(last) and patterns.UPPER_CASE_START.match(current)
                )
            ):
                last = last + current
            elif shorterThanATypicalSentence(len(current), len(last)) and _is_open(last, '[]') and (
                _is_not_opened(current, '[]') or last.endswith(' et al. ') or (
                    patterns.UPPER_CASE_END.search(last) and patterns.UPPER_CASE_START.match(current)
                )
            ):
                last = last + current
            elif patterns.CONTINUATIONS.match(current):
                last = last + current
            else:
                yield last.strip()
                last = current
        else:
            last = current

    if last is not None:
        yield last.strip()


def _abbreviation_joiner(spans, patterns):
    """Join spans that match the ABBREVIATIONS pattern."""
    segment = None
    makeSentence = lambda start, end: ''.join(spans[start:end])  # noqa: E731
    total = len(spans)

    for pos in range(total):
        if pos and pos % 2:  # even => segment, uneven => (potential) terminal
            prev_s = spans[pos - 1]
            marker = spans[pos]
            next_s = spans[pos+1] if pos + 1 < total else None

            if prev_s[-1:].isspace():
                pass  # join
            elif marker[0] == '.' and _abbreviation(prev_s, patterns):
                pass  # join
            elif marker[0] == '.' and next_s and (
                    patterns.LONE_WORD.match(next_s) or
                    (patterns.ENDS_IN_DATE_DIGITS.search(prev_s) and patterns.MONTH.match(next_s)) or
                    (patterns.MIDDLE_INITIAL_END.search(prev_s) and patterns.UPPER_WORD_START.match(next_s))
                    ):
                pass  # join
            else:
                yield makeSentence(segment, pos + 1)
                segment = None
        elif segment is None:
            segment = pos

    if segment is not None:
        yield makeSentence(segment, total)
