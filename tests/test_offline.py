"""Nothing is downloaded at run time: textstat's syllables come from the shipped dictionary, not NLTK's download."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from .conftest import ROOT


def test_textstat_scores_without_network_or_nltk_data(tmp_path):
    # A fresh interpreter with no NLTK data, nltk.download made fatal and every socket refused.
    script = textwrap.dedent(
        """
        import socket, nltk
        def refuse(*a, **k): raise SystemExit("network used")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        nltk.download = lambda *a, **k: (_ for _ in ()).throw(SystemExit("nltk.download called"))
        import smpseo
        from smpseo.core.syllables import textstat
        ts = textstat()
        text = "Scalp micropigmentation lasts for years. Most clients barely feel the needle."
        print(ts.syllable_count(text), round(ts.flesch_reading_ease(text), 2))
        """
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "nothing"), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    syllables, flesch = out.stdout.split()
    # cmudict: scalp 1, lasts 1, for 1, years 1, most 1, clients 2, barely 2, feel 1, the 1, needle 2 = 13;
    # "micropigmentation" is not in the dictionary: pyphen's hyphenation gives 5. Total 18.
    assert int(syllables) == 18
    assert float(flesch) == 62.82


def test_syllables_come_from_the_cmu_dictionary():
    from smpseo.core.syllables import cmu_pronunciations, textstat

    table = cmu_pronunciations()
    assert len(table) > 120_000
    assert table["needle"][0] == ["N", "IY1", "D", "AH0", "L"]
    assert textstat().syllable_count("pigmentation") == 4
