"""`[topics] files` in smpseo.toml: the clinic's own questions and marks, read by every run that matches topics
(the command, the notebooks, the pre-publish check and the monthly report the schedule makes)."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest

from smpseo.app.report.monthly import monthly_report
from smpseo.app.report.prepublish import UnusableTopics, prepublish_report
from smpseo.cli import main
from smpseo.core.settings import ConfigError, config_from_dict

FIXTURES = Path(__file__).parent / "fixtures"
MARKS = "topics:\n  - id: tricopigmentation\n    mark: not relevant\n"


def blog(tmp_path: Path, topics: str, files: str = '["topics.yml"]') -> Path:
    """Two of the clinic's posts, with settings naming a topics file of `topics`."""
    posts = tmp_path / "blog"
    posts.mkdir()
    for name in sorted((FIXTURES / "report_posts").glob("*.md"))[:2]:
        shutil.copy(name, posts / name.name)
    (tmp_path / "smpseo.toml").write_text(f'[site]\ncity = "Leeds"\n\n[topics]\nfiles = {files}\n', encoding="utf-8")
    (tmp_path / "topics.yml").write_text(topics, encoding="utf-8")
    return posts


def test_the_files_are_read_relative_to_the_settings_and_checked():
    assert config_from_dict({"topics": {"files": ["a.yml", "b/c.yml"]}}, "site/smpseo.toml").topic_files == \
        [str(Path("site/a.yml")), str(Path("site/b/c.yml"))]
    assert config_from_dict({"topics": {"files": "a.yml"}}, "smpseo.toml").topic_files == ["a.yml"]
    for bad in ({"files": 5}, {"files": [""]}, {"files": [["a.yml"]]}):
        with pytest.raises(ConfigError, match=r"\[topics\] files must be a list of topics files"):
            config_from_dict({"topics": bad}, "smpseo.toml")
    with pytest.raises(ConfigError, match=r"unknown key 'fille' in \[topics\] \(known: files\)"):
        config_from_dict({"topics": {"fille": ["a.yml"]}}, "smpseo.toml")


def test_gaps_reads_the_marks_the_settings_name_and_then_those_given(tmp_path, capsys):
    posts = blog(tmp_path, MARKS)
    assert main(["gaps", str(posts), "--format", "json"]) == 0
    trico = {t["id"]: t for t in json.loads(capsys.readouterr().out)["topics"]}["tricopigmentation"]
    assert (trico["status"], trico["set_by_hand"]) == ("not_relevant", True)
    later = tmp_path / "later.yml"  # a --topics file comes after the settings' files: its rewording keeps the mark
    later.write_text("topics:\n  - id: tricopigmentation\n    question: Is there a temporary version?\n",
                     encoding="utf-8")
    assert main(["gaps", str(posts), "--topics", str(later), "--format", "json"]) == 0
    trico = {t["id"]: t for t in json.loads(capsys.readouterr().out)["topics"]}["tricopigmentation"]
    assert (trico["question"], trico["status"]) == ("Is there a temporary version?", "not_relevant")


def test_gaps_stops_on_a_broken_file_the_settings_name(tmp_path, capsys):
    posts = blog(tmp_path, "topics:\n  - id: cost\n    mark: perhaps\n")
    assert main(["gaps", str(posts)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smpseo: error: ") and "topics.yml" in err and len(err.splitlines()) == 1


def test_the_monthly_report_keeps_the_marks_and_is_made_without_a_broken_file(tmp_path):
    posts = blog(tmp_path, MARKS)
    report = monthly_report("2026-10", posts=posts)
    assert {t.id: t.status for t in report.topics}["tricopigmentation"] == "not_relevant"
    (tmp_path / "topics.yml").write_text("topics:\n  - id: cost\n    mark: perhaps\n", encoding="utf-8")
    report = monthly_report("2026-10", posts=posts)
    assert report.topics and {t.id: t.status for t in report.topics}["tricopigmentation"] != "not_relevant"
    [error] = [e for e in report.summary.read_errors if e.path.endswith("topics.yml")]
    assert error.severity == "error" and error.line == 2 and "without this topics file" in error.message


def test_the_pre_publish_check_warns_of_a_broken_file_and_goes_on(tmp_path):
    posts = blog(tmp_path, "topics: [")
    draft = sorted(posts.glob("*.md"))[0]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = prepublish_report(draft)
    assert [str(w.message) for w in caught if w.category is UnusableTopics][0].startswith(str(tmp_path / "topics.yml"))
    assert report.topics is not None
