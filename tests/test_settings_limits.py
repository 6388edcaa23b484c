"""Settings no clinic writes (a settings file of 50 MB, two million target phrases, thousands of synonym groups):
refused at once, one line naming the file and the line of the key, status 2, before any post is read."""

from __future__ import annotations

import pytest

from smpseo.cli import main

from .conftest import nonblank_lines as _lines


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def _phrases(count: int, stem: str) -> str:
    return ", ".join(f'"{stem} {i}"' for i in range(count))


@pytest.mark.parametrize("toml, message", [
    (f'[site]\ncity = "Galway"\n[keywords]\ntargets = [{_phrases(1001, "smp galway")}]\n',
     "smpseo.toml:4: [keywords] targets: 1,001 phrases, more than the 1,000 a settings file may have (a clinic "
     "targets a few dozen)"),
    ('[keywords]\ntargets = ["smp galway"]\n\n[keywords.synonyms]\n'
     + "".join(f'term{i} = ["a{i}"]\n' for i in range(1001)),
     "smpseo.toml:4: [keywords.synonyms] has 1,001 terms, more than the 1,000 a settings file may have"),
    (f'[keywords]\ntargets = ["smp galway"]\n[keywords.synonyms]\nbald = ["x"]\nhair = [{_phrases(101, "h")}]\n',
     "smpseo.toml:5: [keywords.synonyms] 'hair' has 101 synonyms, more than the 100 a term may have"),
])
def test_more_keywords_than_a_clinic_has_are_refused_at_their_line(posts, capsys, toml, message):
    (posts.parent / "smpseo.toml").write_text(toml)
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    out, err = capsys.readouterr()
    assert _lines(err) == [f"smpseo: error: {message}"]
    assert out == ""


def test_a_settings_file_over_a_megabyte_is_refused_unread(posts, capsys):
    (posts.parent / "smpseo.toml").write_text('[keywords]\ntargets = [\n' + '"smp galway",\n' * 90_000 + "]\n")
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    assert _lines(capsys.readouterr().err) == [
        "smpseo: error: smpseo.toml: cannot read config: file too large (1,260,025 bytes; the limit is 1,048,576)"]


def test_the_limits_themselves_are_read(posts, capsys):
    (posts.parent / "smpseo.toml").write_text(f'[keywords]\ntargets = [{_phrases(1000, "smp galway")}]\n'
                                              f'[keywords.synonyms]\nhair = [{_phrases(100, "h")}]\n')
    assert main(["gaps", "posts"]) == 0
