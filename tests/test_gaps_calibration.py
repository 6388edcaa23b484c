"""The matcher against human labels: the clinic's eight posts (labels written before any tuning) and, held out,
the labelled blogs of ../shared/corpora/faq-dev (`make eval` prints the same figures)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from smpseo.app.gaps import gaps

from .conftest import CLINIC_POSTS, ROOT, benchmark, shared

HERE = Path(__file__).parent / "fixtures" / "gaps"
LABELS = yaml.safe_load((HERE / "labels.yml").read_text(encoding="utf-8"))
# Floors under the held-out figures docs/gaps.md reports: a change that loses accuracy fails here. (Lowered once,
# by one topic: holding a list of questions below answering turned a status that agreed with its label by chance,
# a list taken for the answer, into partial; docs/gaps.md, How it decides, 4.)
FLOORS = {"all": 0.795, "vancouver": 0.81, "paraphrase": 0.75, "best post": 0.79}


@pytest.fixture(scope="module")
def report():
    return gaps(str(HERE / "posts"))


@pytest.fixture(scope="module")
def held_out_rows(faq_clinics):
    return benchmark("gaps_eval").held_out(faq_clinics)


def _agreement(rows):
    return sum(r["agreement"] for r in rows) / len(rows)


def test_every_shipped_topic_is_labelled(report):
    assert {t.id for t in report.topics} == set(LABELS)


def test_held_out_accuracy_stays_above_its_floor(held_out_rows, capsys):
    rows = held_out_rows
    answered = [r for r in rows if r["answered"]]
    figures = {"all": _agreement(rows), "vancouver": _agreement([r for r in rows if r["clinic"] == "vancouver"]),
               "paraphrase": _agreement([r for r in rows if r["kind"] == "paraphrase"]),
               "best post": sum(r["post_hit"] for r in answered) / len(answered)}
    with capsys.disabled():
        print("\nheld out: " + ", ".join(f"{k} {v:.1%}" for k, v in figures.items()))
    assert len(rows) == 154
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (name, figures[name])


def test_held_out_beats_the_lexical_matcher_on_faq_dev(held_out_rows):
    """faq-dev's baseline runs are the lexical matcher this one replaced (smpseo 0.1.0) on the same 121 labels."""
    base = shared("corpora", "faq-dev", "baseline")
    sys.path.insert(0, str(base.parent))
    try:
        import score
    finally:
        sys.path.remove(str(base.parent))
    old = []
    for clinic in ("toronto", "manchester", "vancouver"):
        posts = CLINIC_POSTS if clinic == "vancouver" else base.parent / clinic
        old += score.score(base.parent / clinic, base / f"{clinic}.json", posts)["rows"]
    new = [r for r in held_out_rows if r["kind"] != "fixture"]
    assert len(old) == len(new) == 121
    assert _agreement(new) > sum(r["agreement"] for r in old) / len(old) + 0.1
    paraphrase_old = [r for r in old if r["kind"] == "paraphrase"]
    paraphrase_new = [r for r in new if r["kind"] == "paraphrase"]
    assert _agreement(paraphrase_new) > sum(r["agreement"] for r in paraphrase_old) / len(paraphrase_old) + 0.2


@pytest.mark.parametrize("topic_id", ["pain", "side_effects", "follicle_damage", "sessions", "women", "scars",
                                      "shine", "sun"])
def test_answered_topics_point_at_the_labelled_post(report, topic_id):
    result = report[topic_id]
    assert result.status == "answered"
    assert Path(result.posts[0].path).stem == LABELS[topic_id]["post"]


# Reading decisions the matcher shares with the labels.
def test_cheaper_than_a_transplant_is_not_a_price(report):
    cost = report["cost"]
    assert cost.status == "partial"
    assert cost.suggestion.action == "write"  # mentions in passing call for a post of its own


def test_a_plain_heading_that_names_the_topic(report):
    sun = report["sun"]
    assert sun.status == "answered"
    assert sun.posts[0].section == "Avoid sun damage"


def test_a_paragraph_inside_another_section_can_answer(report):
    assert report["alopecia"].status == "answered"
    assert report["alopecia"].posts[0].section == "Scar concealment:"


def test_a_comparison_made_while_talking_about_pain_is_a_mention(report):
    assert report["vs_tattoo"].status == "partial"
    assert report["vs_transplant"].status == "partial"


def test_evidence_points_at_the_source_line(report):
    for topic in report.topics:
        for e in topic.evidence:
            lines = Path(e.path).read_text(encoding="utf-8").splitlines()
            assert e.text.split()[0] in lines[e.line - 1], (topic.id, e)
            assert e.role in ("answers", "mentions", "asks") and e.why


@pytest.mark.xfail(strict=False, reason="known disagreements with the labels (docs/gaps.md, Accuracy): a section on "
                                        "how to shave read as answering whether to; words that collide")
def test_known_disagreements(report):
    assert report["shave_required"].status == "partial"
    assert report["touchups"].status == "partial"
    assert report["removal_regret"].status == "missing"
    assert report["gray_aging"].status == "missing"


def test_the_candidates_benchmark_scores_the_shipped_matcher_as_make_eval_does(held_out_rows, faq_clinics):
    """benchmarks/gaps_candidates.py re-scores from the features alone; with no transformer column added, its figures
    must be make eval's, or its comparisons with the transformer's candidates say nothing."""
    gaps_candidates = benchmark("gaps_candidates")
    found = faq_clinics
    none = {c.name: {t.id: gaps_candidates.np.zeros((len(c.blog.passages), 10)) for t in c.topics if t.id in c.labels}
            for c in found}
    s = gaps_candidates.score(found, none, gaps_candidates.CANDIDATES["shipped"])
    answered = [r for r in held_out_rows if r["answered"]]
    assert s["n"] == len(held_out_rows) == 154
    assert s["agreement"] == pytest.approx(_agreement(held_out_rows))
    assert s["best"] == pytest.approx(sum(r["post_hit"] for r in answered) / len(answered))
    assert s["paraphrase"] == pytest.approx(_agreement([r for r in held_out_rows if r["kind"] == "paraphrase"]))


def test_the_accuracy_docs_gaps_md_states_is_what_make_eval_prints(capsys):
    """docs/gaps.md's Accuracy block is `make eval`'s output, word for word: no figure there goes stale."""
    faq_dev = shared("corpora", "faq-dev")
    assert benchmark("gaps_eval").main(["--faq-dev", str(faq_dev)]) == 0
    printed = capsys.readouterr().out.strip()
    docs = (ROOT / "docs" / "gaps.md").read_text(encoding="utf-8")
    start = docs.index("```text\nFAQ gaps, held out") + len("```text\n")
    assert docs[start:docs.index("```", start)].strip() == printed


def test_the_scorers_benchmark_scores_the_shipped_matcher_as_make_eval_does(held_out_rows, faq_clinics):
    """benchmarks/gaps_scorers.py re-scores from the features alone; its `shipped` candidate must give make eval's
    status and best post for every topic, or its comparisons say nothing."""
    gaps_scorers = benchmark("gaps_scorers")
    rows = gaps_scorers.scored(faq_clinics, gaps_scorers.prepared(faq_clinics), gaps_scorers.shipped)
    assert [(r["label"], r["tool"], r["post_hit"]) for r in rows] \
        == [(r["label"], r["tool"], r["post_hit"]) for r in held_out_rows]


def test_the_borrowing_benchmark_scores_the_shipped_matcher_as_make_eval_does(held_out_rows, faq_clinics):
    """benchmarks/gaps_borrow.py applies an exemplar on top of features computed without one; with nothing
    borrowed it must give make eval's status and best post for every topic, or its comparisons say nothing."""
    gaps_borrow = benchmark("gaps_borrow")
    plain = {way: gaps_borrow.views(faq_clinics, way) for way in gaps_borrow.WORDINGS}
    out, _ = gaps_borrow.scored({"none": (plain, None)}, ["none"])
    assert [(r["label"], r["tool"], r["post_hit"]) for r in out["as labelled"]] \
        == [(r["label"], r["tool"], r["post_hit"]) for r in held_out_rows]


def test_the_blogs_kept_out_are_in_no_fit(faq_clinics):
    """benchmarks/faq's blogs score the shipped scorer on writing nobody tuned it on: none of them is fitted on."""
    kept = {blog.name for blog in benchmark("gaps_eval").kept_out()}
    assert kept and not kept & {clinic.name for clinic in faq_clinics}


def test_every_label_of_the_blogs_kept_out_names_a_section_of_its_post():
    """A label whose post or section is misspelt would score a best post against nothing, silently."""
    for blog in benchmark("gaps_eval").kept_out():
        ids = {t.id for t in blog.topics}
        assert set(blog.labels) == ids, blog.name
        named = {tid: label for tid, label in blog.labels.items() if label.get("post")}
        sections = {Path(p.path or p.slug).stem: {s.title.strip() if s.heading else "" for s in p.sections}
                    for p in blog.posts}
        misnamed = [tid for tid, label in named.items()  # a post that never names SMP has no passage: not misnamed
                    if "section" in label and str(label["section"]).strip() not in sections.get(label["post"], ())]
        assert named and not misnamed, misnamed


def test_the_six_blogs_benchmark_limits_exemplars_to_the_blogs_named_and_puts_the_fitting_back(faq_clinics):
    """benchmarks/gaps_six.py's "exemplars of 3" row: the regression learns from every blog, the exemplars only from
    the answers of the blogs named; afterwards `make eval`'s fitting is as it was."""
    gaps_eval, gaps_six = benchmark("gaps_eval"), benchmark("gaps_six")
    made = gaps_eval.exemplars_from
    one = [c for c in faq_clinics if c.name == "toronto"]
    with gaps_six.exemplars_only_from({"toronto"}):
        limited = gaps_eval.exemplars_from(faq_clinics)
    assert gaps_eval.exemplars_from is made
    alone, every = made(one), made(faq_clinics)
    assert set(limited) == set(alone) and set(limited) != set(every)
    assert all(np.array_equal(limited[t], alone[t]) for t in alone)
