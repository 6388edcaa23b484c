"""The FAQ gaps notebook's content (`faq_report`): your topics file and its marks, and what could not be used said
in `problems` while the rest is still shown (a notebook has no stderr)."""

from __future__ import annotations

import shutil

from smpseo.app.report import faq_report
from smpseo.views import notebook as show

from .conftest import CLINIC_CONFIG, CLINIC_POSTS

MARKS = ("topics:\n  - id: tricopigmentation\n    mark: not relevant\n"
         "  - id: cost\n    mark: answered\n    post: no-such-post\n")


def _blog(tmp_path):
    posts = tmp_path / "posts"
    shutil.copytree(CLINIC_POSTS, posts)
    return posts


def test_a_topics_file_with_marks_is_used_and_its_marks_shown(tmp_path):
    marks = tmp_path / "marks.yml"
    marks.write_text(MARKS, encoding="utf-8")
    faq = faq_report(_blog(tmp_path), str(CLINIC_CONFIG), "", str(marks))
    by_id = {t.id: t for t in faq.topics}
    assert (by_id["tricopigmentation"].status, by_id["tricopigmentation"].set_by_hand) == ("not_relevant", True)
    assert faq.problems == [f"{marks}:4: warning: topic (cost) is marked answered by 'no-such-post', but no post or "
                            "section of that name was read"]
    table = str(show.gap_table(faq.topics))
    assert "not relevant</span> <span class=\"muted\">(by hand)</span>" in table
    assert "no-such-post" in str(show.problems(faq.problems))


def test_what_cannot_be_used_is_a_problem_line_and_the_rest_is_still_shown(tmp_path):
    posts = _blog(tmp_path)
    (posts / "broken.md").write_bytes(b"\x00\x01\x02 not text")
    good, bad = tmp_path / "mine.yml", tmp_path / "bad.yml"
    good.write_text("topics:\n  - id: parking\n    question: Is there parking near your clinic?\n", encoding="utf-8")
    bad.write_text("topics:\n  - id: a\n    question: Q?\n    colour: red\n  - id: b\n", encoding="utf-8")
    queries = tmp_path / "Pages.csv"
    queries.write_text('"Top pages","Clicks"\n"https://x/",1\n', encoding="utf-8")
    faq = faq_report(posts, str(CLINIC_CONFIG), str(queries), [str(good), str(bad)])
    assert len(faq.problems) == 4, faq.problems
    assert faq.problems[0].startswith(f"{posts / 'broken.md'}: error: binary file")
    assert faq.problems[1] == (f"{bad}:2: topic 1 (a): unknown key 'colour' (known: id, question, phrasings, terms, "
                               "requires, mark, post, section) (the report is made without this file)")
    assert faq.problems[2] == f"{bad}:5: topic 2 (b): missing 'question' (the report is made without this file)"
    assert faq.problems[3].startswith(f"{queries}:1: not a Search Console Queries.csv")
    assert faq.problems[3].endswith("(the report is made without search demand)")
    assert {t.id for t in faq.topics} >= {"parking", "pain"} and len(faq.topics) == 34  # the good file is used
    assert "4 problems with what was given" in str(show.problems(faq.problems))
    assert str(show.problems([])) == ""


def test_a_file_of_marks_before_the_file_of_questions_it_marks_is_used(tmp_path):
    marks, mine, typo = tmp_path / "marks.yml", tmp_path / "mine.yml", tmp_path / "typo.yml"
    marks.write_text("topics:\n  - id: parking\n    mark: not relevant\n", encoding="utf-8")
    mine.write_text("topics:\n  - id: parking\n    question: Is there parking near you?\n", encoding="utf-8")
    typo.write_text("topics:\n  - id: parkin\n    mark: not relevant\n", encoding="utf-8")
    faq = faq_report(_blog(tmp_path), str(CLINIC_CONFIG), "", [str(marks), str(typo), str(mine)])
    assert faq.problems == [f"{typo}:2: topic (parkin): a mark for 'parkin', which is no known topic (add a "
                            "'question' to make it one) (the report is made without this file)"]
    parking = {t.id: t for t in faq.topics}["parking"]
    assert (parking.question, parking.status, parking.set_by_hand) == ("Is there parking near you?", "not_relevant",
                                                                       True)


def test_what_was_left_out_on_purpose_is_a_note_not_a_problem(tmp_path):
    posts = _blog(tmp_path)
    (posts / "README.md").write_text("# How we write posts\n\nKeep them short.\n", encoding="utf-8")
    (posts / "next.md").write_text("---\ntitle: Next\ndraft: true\n---\nSoon.\n", encoding="utf-8")
    faq = faq_report(posts, str(CLINIC_CONFIG))
    assert faq.problems == []
    assert len(faq.notes) == 2 and all(": info: " in note for note in faq.notes), faq.notes
    html = str(show.problems(faq.problems, faq.notes))
    assert "problem" not in html and "Left out on purpose" in html and "README.md" in html
