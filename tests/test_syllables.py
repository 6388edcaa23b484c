"""The syllable and hyphenation tables kept in the cache give the counts textstat's own tables give, whether looked up
in their index or read whole, and the kept patterns hyphenate as pyphen does."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smpseo.app.cache  # noqa: F401  (keeps the tables in the cache folder)
from smpseo.core import syllables
from smpseo.core.syllables import SortedLines

from .conftest import ROOT


def test_every_word_of_the_dictionary_is_found_with_its_count():
    counts = syllables._parse_counts(syllables._dictionary_text())
    kept = SortedLines(syllables._tables().text)  # a fresh memo: every look-up searches, then the whole dict
    assert all(kept.get(word) == str(n) for word, n in counts.items())
    fresh = SortedLines(syllables._tables().text, syllables._tables().offsets)
    assert all(fresh.find(word) == str(n) for word, n in counts.items())
    assert syllables.syllable_counts() == counts


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(st.characters(blacklist_characters=" ="), min_size=1, max_size=12),
                       st.text(st.characters(blacklist_characters=" ="), min_size=0, max_size=5), max_size=60),
       st.lists(st.text(max_size=12), max_size=30))
def test_sorted_lines_find_what_a_dict_finds(table, probes):
    lines = SortedLines.of(table)
    for key in [*table, *probes]:
        assert lines.find(key) == table.get(key)
    assert lines.whole() == table


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_characters=" ="), min_size=1, max_size=4), min_size=1, max_size=400,
                unique=True), st.lists(st.integers(0, 399), max_size=40), st.lists(st.text(max_size=5), max_size=30))
def test_any_index_of_entry_starts_finds_every_key(keys, marks, probes):
    """An index need not mark every STRIDEth entry: any marks at entries' starts, in order, from the first, do."""
    lines = SortedLines.of({k: str(i) for i, k in enumerate(keys)})
    starts = [i for i, c in enumerate(lines.text[:-1]) if c == " "]
    offsets = sorted({0, *(starts[m % len(starts)] for m in marks)})
    assert syllables._index_fits(lines.text, offsets, 0)
    marked = SortedLines(lines.text, offsets)
    table = dict(lines.whole())
    for key in [*keys, *probes]:
        assert marked.find(key) == table.get(key)


def test_an_index_that_does_not_fit_is_refused():
    lines = SortedLines.of({f"w{i:03d}": "1" for i in range(300)})
    assert syllables._index_fits(lines.text, lines.offsets, 100)
    for offsets in ([], [1], [0, 0], [0, 5], [0, len(lines.text) - 1], [0, 3.0], lines.offsets[::-1], "0"):
        assert not syllables._index_fits(lines.text, offsets, 100), offsets
    assert not syllables._index_fits(lines.text, lines.offsets, 10_000)  # too few entries


def test_words_not_listed():
    for word in ("", "micropigmentation", "zzzzzz", "'", "aaaaa'", "smpseo", "a b"):
        assert syllables.lookup(word) is None or word in syllables.syllable_counts()
    assert "needle" in syllables.syllable_counts() and syllables.lookup("needle") == 2


def test_kept_hyphenation_patterns_are_pyphens():
    import pyphen

    parsed = pyphen.Pyphen(lang="en_US", cache=False)
    kept = syllables.hyphenator.__wrapped__()  # from the kept table (written by an earlier call, if not yet)
    kept = syllables.hyphenator.__wrapped__()
    assert isinstance(kept, syllables.Hyphenation) and isinstance(kept.patterns, syllables._Patterns)
    assert kept.maxlen == parsed.hd.maxlen
    assert all(kept.patterns.get(k) == v for k, v in parsed.hd.patterns.items())
    for probe in ("", "zzq", ".", "ab", "micro"):
        assert kept.patterns.get(probe) == parsed.hd.patterns.get(probe)
    words = ["micropigmentation", "vancouver", "smpseo", "trichologist", "hairline", "éclair", "coöperate",
             "flawless", "ﬁnance", "it's", "don't", "a", "x1y2", "_", "supercalifragilisticexpialidocious"]
    for word in words:
        assert kept.positions(word) == parsed.positions(word), word


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz'-.", max_size=30))
def test_kept_patterns_hyphenate_as_pyphen(word):
    import pyphen

    assert syllables.hyphenator().positions(word) == pyphen.Pyphen(lang="en_US").positions(word)


@pytest.mark.parametrize("every", [pytest.param(1, marks=pytest.mark.slow), 40])
def test_the_dictionary_s_words_are_hyphenated_as_pyphen_does(every):
    import pyphen

    parsed, kept = pyphen.Pyphen(lang="en_US"), syllables.hyphenator.__wrapped__()
    words = list(syllables._parse_counts(syllables._dictionary_text()))[::every]
    assert all(kept.positions(w) == parsed.positions(w) for w in words)
    assert all(kept.positions(w.upper()) == parsed.positions(w.upper()) for w in words[::50])


def test_counts_are_textstats():
    from textstat.backend.counts._count_syllables import count_syllables

    syllables.install()
    words = ["needle", "micropigmentation", "smpseo", "vancouver", "trichologist", "it's", "don't", "2024",
             "x1y2", "éclair", "the", "hairlines", "naïve", "co", "rhythm"]
    for word in words:
        assert syllables.count(word) == count_syllables(word, "en_US"), word


def test_damaged_tables_are_rebuilt(tmp_path):
    script = ("import smpseo.app.cache; from smpseo.core import syllables; "
              "print(syllables.count('micropigmentation'), syllables.count('needle'))")
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(tmp_path / "c")}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=120)
    tables = sorted((tmp_path / "c" / "syllables").rglob("*.json"))
    assert len(tables) == 4, first.stderr  # the dictionary's counts and pyphen's patterns, each a text and its index
    for table in tables:  # same length, one entry changed: the seal catches it
        text = table.read_text(encoding="utf-8")
        table.write_text(text.replace(" needle=2 ", " needle=7 ").replace(" mi=", " mj="), encoding="utf-8")
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=120)
    assert first.stdout == second.stdout == "5 2\n", (first.stderr, second.stderr)
