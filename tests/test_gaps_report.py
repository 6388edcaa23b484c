"""The FAQ gaps report around the matcher: marks set by hand (every mistake at once)."""

from __future__ import annotations

import pytest

from smpseo.app.report.analysis import clinic_topics
from smpseo.cli import main
from smpseo.core.settings import Config
from smpseo.sources.topics import TopicError, load_topics

from .conftest import ROOT

POSTS = ROOT / "posts"  # the clinic's eight posts: none opens with an H1


# ---- every mistake of a file of marks at once ----------------------------------------------------------------------
BAD_MARKS = ("topics:\n  - id: nosuch\n    mark: answered\n    post: what-is-smp\n  - id: cost\n    mark: answered\n"
             "  - id: pain\n    mark: done\n  - id: nothere\n    mark: not relevant\n")


def test_every_mistake_of_a_file_of_marks_is_said_at_once(tmp_path, capsys):
    """The unknown ids went unsaid while another entry had a mistake, and only the first of them was said."""
    f = tmp_path / "bad.yml"
    f.write_text(BAD_MARKS, encoding="utf-8")
    lines = [f"{f}:2: topic (nosuch): a mark for 'nosuch', which is no known topic (add a 'question' to make it one)",
             f"{f}:5: topic 2 (cost): 'mark: answered' needs the 'post' that answers it",
             f"{f}:7: topic 3 (pain): mark 'done' must be 'answered' or 'not relevant'",
             f"{f}:9: topic (nothere): a mark for 'nothere', which is no known topic (add a 'question' to make it one)"]
    with pytest.raises(TopicError) as caught:
        load_topics(str(f))
    assert caught.value.lines() == lines
    assert main(["gaps", str(POSTS), "--topics", str(f)]) == 2
    assert capsys.readouterr().err == "".join(f"smpseo: error: {line}\n" for line in lines)
    topics, problems = clinic_topics(Config(), [str(f)])  # the monthly report: the file left out, each mistake said
    assert [str(p) for p in problems] == lines and "nosuch" not in {t.id for t in topics}


def test_a_mark_for_a_topic_whose_entry_has_a_mistake_is_not_called_unknown(tmp_path):
    questions, marks = tmp_path / "questions.yml", tmp_path / "marks.yml"
    questions.write_text("topics:\n  - id: own\n    question: Can I swim after?\n    colour: blue\n", encoding="utf-8")
    marks.write_text("topics:\n  - id: own\n    mark: not relevant\n", encoding="utf-8")
    with pytest.raises(TopicError) as caught:
        load_topics(str(marks), str(questions))
    assert caught.value.lines() == [f"{questions}:2: topic 1 (own): unknown key 'colour' (known: id, question, "
                                    "phrasings, terms, requires, mark, post, section)"]
