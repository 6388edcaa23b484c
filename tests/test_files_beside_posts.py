"""Settings and topics files as docs/bad-input.md and docs/gaps.md describe them: what is not of the documented shape
is refused at its line, and warnings come in the order of the file's lines."""

from __future__ import annotations

import pytest

from smpseo.cli import main
from smpseo.sources.topics import TopicError, parse_topics, read_topics

from .conftest import nonblank_lines as _lines


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_mark_warnings_come_in_the_order_of_the_file(posts, capsys):
    (posts.parent / "marks.yml").write_text(
        "topics:\n  - id: cost\n    mark: answered\n    post: smp-prices-dublin\n  - id: pain\n    mark: answered\n"
        "    post: first-session-galway\n    section: Does it sting?\n  - id: longevity\n    mark: answered\n"
        "    post: gone\n")
    assert main(["gaps", "posts", "--topics", "marks.yml"]) == 0
    said = "but no post or section of that name was read"
    assert _lines(capsys.readouterr().err) == [
        f"marks.yml:2: warning: topic (cost) is marked answered by 'smp-prices-dublin', {said}",
        f"marks.yml:5: warning: topic (pain) is marked answered by 'first-session-galway' > 'Does it sting?', {said}",
        f"marks.yml:9: warning: topic (longevity) is marked answered by 'gone', {said}"]


@pytest.mark.parametrize("toml, message", [
    ('[topics]\nfiles = ["topics.yml", 5]\n',
     'smpseo.toml:2: [topics] files must be a list of topics files, e.g. files = ["topics.yml"]'),
    ('[site]\ncity = "Galway"\nurl = "corribhairline"\n',
     "smpseo.toml:3: [site] url 'corribhairline' is not a web address: write it whole, e.g. https://www.example.com"),
    ('[site]\nurl = "javascript:alert(1)"\n',
     "smpseo.toml:2: [site] url 'javascript:alert(1)' is not a web address: write it whole, e.g. "
     "https://www.example.com"),
])
def test_settings_not_of_the_documented_shape_are_refused_at_their_line(posts, capsys, toml, message):
    (posts.parent / "smpseo.toml").write_text(toml)
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    assert _lines(capsys.readouterr().err) == [f"smpseo: error: {message}"]


def test_init_refuses_the_same_url_as_the_settings(tmp_path, capsys):
    assert main(["init", str(tmp_path), "--url", "corribhairline"]) == 2
    assert "'corribhairline' is not a web address: write it whole, e.g. https://www.example.com" in \
        capsys.readouterr().err


@pytest.mark.parametrize("entry, message", [
    ("    terms: [car, 5]\n", "'terms' must be a list of strings, e.g. terms: [car park, parking] (not int '5')"),
    ("    requires: car\n", "'requires' must be a list of strings, e.g. requires: [car] (not str 'car')"),
])
def test_terms_that_are_not_a_list_of_strings_are_refused(entry, message):
    with pytest.raises(TopicError) as exc:
        parse_topics(f"topics:\n  - id: parking\n    question: Is there parking near the studio?\n{entry}",
                     "types.yml")
    assert str(exc.value) == f"types.yml:2: topic 1 (parking): {message}"


def test_an_accented_id_is_refused_saying_ascii():
    with pytest.raises(TopicError) as exc:
        parse_topics("topics:\n  - id: páirceáil\n    question: Is there parking?\n", "ids.yml")
    assert str(exc.value) == ("ids.yml:2: topic 1 (páirceáil): id 'páirceáil' must be ASCII letters, digits and _ "
                              "(starting with a letter)")


def test_a_csv_topics_file_is_told_the_formats_read(tmp_path):
    (tmp_path / "t.csv").write_text("id,question\nparking,Is there parking near the Galway studio?\n")
    with pytest.raises(TopicError) as exc:
        read_topics("t.csv")
    assert str(exc.value) == ("t.csv:1: 'topics' must be a list of topics (a topics file is YAML or JSON, as "
                              "docs/gaps.md shows; .csv files are not supported)")
