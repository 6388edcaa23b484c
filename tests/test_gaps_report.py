"""The FAQ gaps report around the matcher: marks set by hand (the introduction, every mistake at once, the evidence),
what to write, the posts listed, the note and score of one passage, and the Markdown table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from smpseo.analysis.gaps.suggestions import EXTEND, as_title
from smpseo.app.gaps import fitted_scorer, gaps
from smpseo.app.report.analysis import clinic_topics
from smpseo.cli import main
from smpseo.core.settings import Config
from smpseo.sources.topics import Topic, TopicError, load_topics
from smpseo.views.gaps import _md

from .conftest import ROOT

POSTS = ROOT / "posts"  # the clinic's eight posts: none opens with an H1


@pytest.fixture(scope="module")
def clinic():
    return gaps(str(POSTS))


def _blog(tmp_path: Path, *, drop: str = "", **extra: str) -> Path:
    """The clinic's posts in a folder of their own, without `drop`, with the `extra` posts (name: text)."""
    posts = tmp_path / "posts"
    shutil.copytree(POSTS, posts, ignore=shutil.ignore_patterns(drop) if drop else None)
    for name, text in extra.items():
        (posts / f"{name}.md").write_text(text, encoding="utf-8")
    return posts


def _run(capsys, *args: str) -> tuple[dict, str]:
    assert main(["gaps", *args, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    return {t["id"]: t for t in json.loads(out)["topics"]}, err


# ---- the introduction, whatever the post's first heading -----------------------------------------------------------
STUDIO = ("---\ntitle: Finding our studio\nslug: finding-us\n---\n\n# Finding our studio\n\nWe are above the bakery on "
          "Main Street, two blocks from the station.\n\n## Parking\n\nThere is free parking behind the building.\n")


def test_an_empty_section_marks_the_introduction_under_the_title_line(tmp_path, capsys):
    """`section: ""` on a post that opens with `# Title` (as the README's post template does) found nothing: the
    mark was flagged and warned about."""
    posts = _blog(tmp_path, **{"finding-us": STUDIO})
    marks = tmp_path / "marks.yml"
    marks.write_text("topics:\n  - id: parking\n    question: Where do I park when I come in?\n    mark: answered\n"
                     "    post: finding-us\n    section: \"\"\n", encoding="utf-8")
    topics, err = _run(capsys, str(posts), "--topics", str(marks))
    assert err == ""
    parking = topics["parking"]
    assert (parking["status"], parking["confidence"]) == ("answered", "sure")
    assert [(Path(p["path"]).name, p["section"], p["line"]) for p in parking["posts"]] == [("finding-us.md", "", 6)]
    assert [(e["section"], e["text"]) for e in parking["evidence"]] == [
        ("", "We are above the bakery on Main Street, two blocks from the station.")]


def test_reports_name_the_introduction_under_the_title_line_as_empty(tmp_path, capsys):
    """The best passage under a post's H1 title was named by the title's text in `posts`, `evidence` and the note,
    while docs/gaps.md says `""` for the introduction."""
    text = (POSTS / "what-is-smp.md").read_text(encoding="utf-8").replace("---\n\nHi my name", "---\n\n# What is "
                                                                          "SMP?\n\nHi my name", 1)
    posts = _blog(tmp_path, drop="what-is-smp.md", **{"what-is-smp": text})
    what_is = _run(capsys, str(posts))[0]["what_is"]
    assert (what_is["posts"][0]["slug"], what_is["posts"][0]["section"]) == ("what-is-smp", "")
    assert what_is["note"].startswith("the introduction answers it (")
    assert {e["section"] for e in what_is["evidence"]} == {""}


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


# ---- a mark by hand shows the sentences that answer ----------------------------------------------------------------
AFTER = ("---\ntitle: After your sitting\nslug: after-your-sitting\n---\n\nWhat the first days look like.\n\n"
         "## The first week in the mirror\n\nExpect some pinkness for a day or two, a bit like mild sunburn. The dots "
         "will look darker than they will end up. Most clients go back to work the next morning, cooks included.\n")


def test_a_mark_by_hand_shows_the_marked_section_s_sentences_closest_to_the_question(tmp_path, capsys):
    """The evidence was the section's first two sentences, each scored 1.0."""
    posts = _blog(tmp_path, **{"after-your-sitting": AFTER})
    marks = tmp_path / "marks.yml"
    marks.write_text("topics:\n  - id: time_off_work\n    question: Do I need to take time off work after?\n"
                     "    mark: answered\n    post: after-your-sitting\n    section: The first week in the mirror\n",
                     encoding="utf-8")
    work = _run(capsys, str(posts), "--topics", str(marks))[0]["time_off_work"]
    first = work["evidence"][0]
    assert (first["text"], first["line"], first["role"]) == (
        "Most clients go back to work the next morning, cooks included.", 10, "answers")
    assert 0 < first["score"] < 1 and [e["score"] for e in work["evidence"]] == sorted(
        (e["score"] for e in work["evidence"]), reverse=True)
    assert first["why"] == (f"marked answered by hand in {marks}; close in meaning to \"Do I need to take time off "
                            f"work after?\" ({first['score']:.2f})")
    assert (work["score"], work["set_by_hand"], work["note"]) == (1.0, True, f"marked answered in {marks}")


# ---- what to write --------------------------------------------------------------------------------------------------
def test_a_suggestion_is_titled_with_the_question_that_asks_and_keyed_by_content_words():
    """A prospect's aside after the question ("I'm a cook and my boss wants to know lol") was in the title, and
    "I'm", "lol" among the keywords."""
    asked = Topic("time_off_work", "Do I need to take time off work after? I'm a cook and my boss wants to know lol")
    report = gaps(str(POSTS), topics=[asked])
    work = report["time_off_work"].suggestion
    assert (work.action, work.title, work.subheadings) == ("write", "Do I need to take time off work after?", [])
    assert work.keywords == ["take", "need", "work", "time", "Vancouver scalp micropigmentation"]
    assert as_title("my wife is thin at the part. Can she come in too?") == "My wife is thin at the part. Can she " \
        "come in too?"  # what comes before the question says what it asks


LIVING = ("---\ntitle: Living with it for years\nslug: living-with-it\nkeyphrase: how long does SMP last\n---\n\n"
          "The SMP treatment is finished. What now?\n\n## The refresh visit\n\nA refresh of your SMP takes about two "
          "hours at our studio. Book it when you feel like it, we keep your notes on file.\n")


def test_a_gap_a_post_already_aims_at_is_to_complete_that_post_not_a_new_one(tmp_path, capsys):
    """"write a new post 'How long does SMP last, is it permanent?'" while a post had that keyphrase: writing it
    made `check` flag SITE401 (two posts with one keyphrase)."""
    posts = _blog(tmp_path, drop="how-long-does-smp-last.md", **{"living-with-it": LIVING})
    longevity = _run(capsys, str(posts))[0]["longevity"]
    assert longevity["status"] in ("partial", "missing")
    sug = longevity["suggestion"]
    assert (sug["action"], Path(sug["post"]).name, sug["title"], sug["after"]) == (
        "complete", "living-with-it.md", "How long does SMP last, is it permanent?", "")  # next to its introduction
    assert sug["text"] == ("complete \"Living with it for years\", the post aimed at this question: add a section "
                           "\"How long does SMP last, is it permanent?\"")


# ---- the posts listed, and one passage for the note and the score --------------------------------------------------
def test_only_posts_that_answer_or_come_half_way_are_listed(clinic):
    """Every post was listed as partial, also at 0.00 (all eight for 'Is SMP a tattoo?')."""
    assert [(Path(p.path).name, p.section) for p in clinic["vs_tattoo"].posts] == [
        ("does-scalp-micropigmentation-hurt.md", "OK, but is SMP painful?")]
    half_way = EXTEND * fitted_scorer().answered_at
    assert all(p.score >= half_way for t in clinic.topics for p in t.posts[1:])
    assert [(Path(p.path).name, round(p.score, 2)) for p in clinic["sun"].posts] == [
        ("how-long-does-smp-last.md", 0.64), ("how-to-prevent-a-shiny-scalp-before-and-after-smp.md", 0.2)]


def test_the_note_and_the_score_speak_of_the_passage_a_reader_is_sent_to(clinic):
    """The note said "the best passage ... rates 0.01" while the score was 0.02, another post's."""
    local = clinic["local_provider"]
    assert local.score == round(local.posts[0].score, 4) == 0.0119
    assert local.note == 'mentioned, not answered: the best passage, "Step 2:", rates 0.01 (answered from 0.24)'
    for t in clinic.topics:
        if t.posts:
            assert round(t.score, 2) == round(t.posts[0].score, 2) and f"{t.score:.2f}" in t.note, t.id


# ---- the Markdown table ---------------------------------------------------------------------------------------------
def test_markdown_escapes_only_what_markdown_reads(capsys):
    """`post > section` was written `post &gt; section`, and the column of partial rows was "Answered in"."""
    assert main(["gaps", str(POSTS), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "| # | Status | Question | Best answer so far | Suggestion |"
    assert "&gt;" not in out
    assert "| how-to-prevent-a-shiny-scalp-before-and-after-smp > Step 2: |" in out
    assert _md("Q&A > <b>bold</b> a|b &amp; *x*") == r"Q&A > &lt;b>bold&lt;/b> a\|b \&amp; \*x\*"
    assert [_md(x) for x in ("# 1", "> no", "- no", "12. no", "  + no")] == [
        r"\# 1", r"\> no", r"\- no", r"12\. no", r"  \+ no"]
