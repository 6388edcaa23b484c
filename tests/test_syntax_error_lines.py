"""A YAML or TOML file with something never closed (a quote, a list, a multi-line string) is said at the line where
it opens, not past the end of the file where the parser ran out of text."""

from __future__ import annotations

import tomllib

import pytest

from smpseo.cli import main
from smpseo.core.tomltext import error_place, unclosed
from smpseo.sources.topics import TopicError, parse_topics

from .conftest import nonblank_lines as _lines


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


TOPICS = ('topics:\n  - id: parking\n    question: "Is there parking near the studio?\n  - id: walkins\n'
          "    question: Do you take walk-ins?\n  - id: hours\n    question: What are your opening hours?\n")


def test_a_quote_never_closed_in_a_topics_file_is_said_at_its_line(posts, capsys):
    with pytest.raises(TopicError) as exc:
        parse_topics(TOPICS, "q2.yml")
    assert str(exc.value) == "q2.yml:3: invalid YAML: found unexpected end of stream while scanning a quoted scalar"
    (posts.parent / "q2.yml").write_text(TOPICS)
    assert main(["gaps", "posts", "--topics", "q2.yml"]) == 2
    assert _lines(capsys.readouterr().err) == [
        "smpseo: error: q2.yml:3: invalid YAML: found unexpected end of stream while scanning a quoted scalar"]


def test_a_yaml_mistake_inside_the_text_keeps_its_own_line():
    with pytest.raises(TopicError) as exc:
        parse_topics("topics:\n  - id: a\n    question: Q?\n   bad: indent\n", "t.yml")
    assert str(exc.value).startswith("t.yml:4: invalid YAML: ")


@pytest.mark.parametrize("toml, line, problem", [
    ('[site]\ncity = """Galway\nname = "Corrib"\n\n', 2,
     "Unterminated string: the string opened on this line is never closed"),
    ('[keywords]\ntargets = [\n  "smp galway",\n  "smp ] cost", # a ] in a comment\n', 2,
     "Invalid value: the array opened on this line is never closed"),
    ("[site]\nname = 'Corrib'\ncity = '''Galway\n\n", 3,
     "Expected \"'''\": the string opened on this line is never closed"),
])
def test_a_toml_string_or_list_never_closed_is_said_at_its_opening(posts, capsys, toml, line, problem):
    (posts.parent / "smpseo.toml").write_text(toml)
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    assert _lines(capsys.readouterr().err) == [f"smpseo: error: smpseo.toml:{line}: invalid TOML: {problem}"]


def test_error_place_without_the_text_gives_no_line():
    with pytest.raises(tomllib.TOMLDecodeError) as exc:
        tomllib.loads('a = "x')
    assert error_place(exc.value) == ("Unterminated string", None, None)
    assert error_place(exc.value, 'a = "x') == (
        "Unterminated string: the string opened on this line is never closed", 1, None)


@pytest.mark.parametrize("text, found", [
    ('a = "\\"[" \nb = { c = [1,\n', (2, "inline table")),
    ('a = """x\n"" still in"""\n[t\n', (3, "table name")),
    ("a = 1\n", None),
])
def test_unclosed_finds_the_outermost_opening(text, found):
    assert unclosed(text) == found
