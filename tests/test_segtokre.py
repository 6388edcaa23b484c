"""segtok's expressions written for `re` (`smpseo.analysis.segtokre`) find in text of common characters exactly what
segtok's own (`regex` module) find, and text with any other character is read with segtok's own."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from segtok import segmenter, tokenizer

from smpseo.analysis import segtokcore, segtokre

COMMON = re.compile(f"[{segtokre.COMMON}]")
CANDIDATES = [*range(0, 0x3000), *range(0xFE00, 0xFE10), *range(0x1F000, 0x1FB00)]
PATTERNS = segtokre.Patterns()


def segtok_pattern(name: str):
    found = getattr(segmenter, name, None) or getattr(tokenizer, name)
    return found if hasattr(found, "pattern") else found.split.__self__


def test_the_properties_are_regex_s_over_the_common_characters():
    common = [chr(c) for c in CANDIDATES if COMMON.fullmatch(chr(c))]
    assert len(common) > 2000
    for name, body in segtokre.PROPERTIES.items():
        theirs = regex.compile(rf"\p{{{name}}}")
        ours = re.compile(f"[{body}]") if body else None
        for c in common:
            assert bool(theirs.fullmatch(c)) == bool(ours and ours.fullmatch(c)), (name, hex(ord(c)))
    for escape in (r"\w", r"\W", r"\s", r"\S", r"\d", r"\D"):  # and `re` reads these as `regex` does
        theirs, ours = regex.compile(escape), re.compile(escape)
        assert all(bool(theirs.fullmatch(c)) == bool(ours.fullmatch(c)) for c in common), escape


def test_common_says_whether_every_character_is_common():
    assert segtokre.common("") and segtokre.common("Dr. Müller’s “naïve” café — 5 €, 10 µm… 😀")
    for text in ("x\u00b2", "\u200d", "\ufe0f", "\x1c", "a\u0101", "Ω", "中", "ʼ", "\u3002"):
        assert not segtokre.common(text), text


@pytest.mark.parametrize("name", list(segtokre.SOURCES))
def test_the_expressions_are_segtok_s(name):
    source, flags = segtokre.SOURCES[name]
    theirs = segtok_pattern(name)
    if name != "web_tokenizer":  # (spelt otherwise for `re`: see the module)
        assert source == theirs.pattern
    assert getattr(PATTERNS, name) is getattr(PATTERNS, name)  # compiled once


PIECES = ["Dr", "Mr", "Mrs", "Prof", "prof", "e.g", "i.e", "U.S", "z.B", "Jan", "Jän", "Mär", "Sept", "No", "vol",
          "fig", "figs", "et al", "spp", "Señor", "Señorita", "by", "and", "or", "is", "the", "with", "whether",
          "A", "B", "J", "Ab", "ab", "abc", "Abc", "ABC", "é", "É", "ß", "µ", "ª", "Ø", "ÿ", "3", "12", "2024", "0",
          " ", "  ", "\n", "\n\n", "\t", "\xa0", "\u2003", "\u202f", ".", "..", "...", "!", "?", "…", "‼", ",", ":",
          ";", "\"", "'", "’", "‘", "”", "“", "´", "′", "(", ")", "[", "]", "{", "}", "<", ">", "-", "\u2010",
          "\u2011", "\u00ad", "—", "–", "/", "#", "@", "&", "&amp;", "&#39;", "%", "+", "=", "_", "*", "€", "™",
          "→", "😀", "http://a.b/c?d=e#f", "https://x.org", "a@b.co", "s'", "'s", "n't", "’ll", "can't", "O’Neil",
          "5'-ACGT-3'", "H2O", "Fe", "km", "\r", "\r\n"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(TEXTS, st.integers(0, 40))
def test_every_expression_finds_what_segtok_s_finds(text, start):
    assert segtokre.common(text)
    for name in segtokre.SOURCES:
        ours, theirs = getattr(PATTERNS, name), segtok_pattern(name)
        for method in ("match", "search"):
            a, b = getattr(ours, method)(text), getattr(theirs, method)(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, method, text)
        a, b = ours.search(text, start), theirs.search(text, start)
        assert (a and a.span()) == (b and b.span()), (name, text, start)
        assert ours.split(text) == theirs.split(text), (name, text)
    assert PATTERNS.HYPHENATED_LINEBREAK.sub(r"\1\2", text) == tokenizer.HYPHENATED_LINEBREAK.sub(r"\1\2", text)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_sentences_and_tokens_of_common_text_are_segtok_s(text):
    expected = [tokenizer.split_contractions(tokenizer.web_tokenizer(s)) for s in segmenter.split_multi(text)]
    found = [segtokcore.split_contractions(segtokcore.web_tokenizer(s)) for s in segtokcore.split_multi(text)]
    assert found == expected


def test_english_text_is_read_without_the_regex_module():
    import subprocess
    import sys

    script = ("import sys; from smpseo.analysis import segtokcore as s; "
              "print(s.split_multi('Dr. Müller’s café opened. It’s “naïve” — 5 €!'), "
              "'regex' in sys.modules, 'segtok' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().endswith("False False"), out.stderr
