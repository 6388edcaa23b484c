"""The syllable and hyphenation tables kept in the cache give the counts textstat's own tables give, whether looked up
by bisection or read whole."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import smpseo.app.cache  # noqa: F401  (keeps the tables in the cache folder)
from smpseo.core import syllables
from smpseo.core.syllables import SortedLines

from .conftest import ROOT


def test_every_word_of_the_dictionary_is_found_with_its_count():
    counts = syllables._parse_counts(syllables._dictionary_text())
    kept = SortedLines(syllables._tables().text)  # a fresh memo: every look-up bisects, then the whole dict
    assert all(kept.get(word) == str(n) for word, n in counts.items())
    fresh = SortedLines(syllables._tables().text)
    assert all(fresh._bisect(word) == str(n) for word, n in counts.items())
    assert syllables.syllable_counts() == counts


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(st.characters(blacklist_characters=" ="), min_size=1, max_size=12),
                       st.text(st.characters(blacklist_characters=" ="), min_size=0, max_size=5), max_size=60),
       st.lists(st.text(max_size=12), max_size=30))
def test_sorted_lines_find_what_a_dict_finds(table, probes):
    lines = SortedLines.of(table)
    for key in [*table, *probes]:
        assert lines._bisect(key) == table.get(key)
    assert lines.whole() == table


def test_words_not_listed():
    for word in ("", "micropigmentation", "zzzzzz", "'", "aaaaa'", "smpseo", "a b"):
        assert syllables.lookup(word) is None or word in syllables.syllable_counts()
    assert "needle" in syllables.syllable_counts() and syllables.lookup("needle") == 2


def test_kept_hyphenation_patterns_are_pyphens():
    import pyphen

    parsed = pyphen.Pyphen(lang="en_US", cache=False)
    kept = syllables.hyphenator.__wrapped__()  # from the kept table (written by an earlier call, if not yet)
    kept = syllables.hyphenator.__wrapped__()
    assert isinstance(kept.hd.patterns, syllables._Patterns)
    assert kept.hd.maxlen == parsed.hd.maxlen
    assert all(kept.hd.patterns.get(k) == v for k, v in parsed.hd.patterns.items())
    for probe in ("", "zzq", ".", "ab", "micro"):
        assert kept.hd.patterns.get(probe) == parsed.hd.patterns.get(probe)
    words = ["micropigmentation", "vancouver", "smpseo", "trichologist", "hairline", "éclair", "coöperate",
             "flawless", "ﬁnance", "it's", "don't", "a", "x1y2", "_", "supercalifragilisticexpialidocious"]
    for word in words:
        assert kept.positions(word) == parsed.positions(word), word


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
    assert len(tables) == 2, first.stderr  # the dictionary's counts and pyphen's patterns
    for table in tables:  # same length, one entry changed: the digest catches it
        text = table.read_text(encoding="utf-8")
        table.write_text(text.replace(" needle=2 ", " needle=7 ").replace(" mi=", " mj="), encoding="utf-8")
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=120)
    assert first.stdout == second.stdout == "5 2\n", (first.stderr, second.stderr)
