"""Exemplars: what answers to a shipped topic look like on the labelled blogs, a z-score of their own for sections
and paragraphs, said in the evidence, and shipped as the fitting writes them; and the scorer's variants, whose
disagreement flags a status for a reader's check."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from smpseo.analysis.gaps import match_topics
from smpseo.analysis.gaps.features import FEATURES, asked_for, topic_features
from smpseo.analysis.gaps.scorer import Scorer, fit_exemplars, scorer_from_json
from smpseo.app.gaps import fitted_scorer, word_vectors
from smpseo.sources.topics import Topic, shipped_topics

from .conftest import benchmark, gaps_blog

OTHER_WORDS = Path(__file__).parent / "fixtures" / "gaps" / "other-words"
HURT = Topic("does_it_hurt", "Does it hurt?")


@pytest.fixture(scope="module")
def blog():
    return gaps_blog(OTHER_WORDS)


def _section(blog, heading: str) -> int:
    return next(k for k, p in enumerate(blog.passages) if p.heading == heading)


def test_an_exemplar_makes_a_section_stand_out_without_changing_what_the_wordings_find(blog):
    k = _section(blog, "The sensation")
    exemplar = blog.embedded.section[k]
    plain = asked_for(list(HURT.texts), blog.embedded, blog.vectors)
    rich = asked_for(list(HURT.texts), blog.embedded, blog.vectors, exemplar)
    assert np.allclose(rich.vectors, plain.vectors) and plain.exemplar is None
    assert float(np.linalg.norm(rich.exemplar)) == pytest.approx(1.0, abs=1e-5)
    before, after = topic_features(blog.embedded, [plain])[0], topic_features(blog.embedded, [rich])[0]
    sec_z, par_z = FEATURES.index("sec_z"), FEATURES.index("par_z")
    # the larger of two z-scores: against the wordings' similarities, and against the exemplar's
    assert after.features[k, sec_z] >= before.features[k, sec_z]
    assert np.all(after.features[:, [sec_z, par_z]] >= before.features[:, [sec_z, par_z]] - 1e-9)
    assert after.features[k, sec_z] == pytest.approx(np.max(after.features[:, sec_z]))  # it stands out the most
    others = [c for c in range(len(FEATURES)) if c not in (sec_z, par_z)]
    assert np.allclose(after.features[:, others], before.features[:, others])  # the rest is the wordings'
    assert np.allclose(after.sentence_sim, before.sentence_sim)
    assert after.exemplar[k] == pytest.approx(1.0, abs=1e-4) and before.exemplar is None
    assert after.by_exemplar[k] and before.by_exemplar is None  # its standing comes from the exemplar
    wrong = asked_for(list(HURT.texts), blog.embedded, blog.vectors, exemplar[:10])  # other dimensions: left out
    assert wrong.exemplar is None


def test_the_evidence_says_when_a_section_reads_like_the_labelled_answers(blog):
    k = _section(blog, "The sensation")
    scorer = replace(fitted_scorer(), exemplars={HURT.id: blog.embedded.section[k]})
    result = match_topics([HURT], blog, scorer)[0]
    assert result.posts[0].section == "The sensation"
    assert any("reads like the labelled blogs' answers to it" in e.why for e in result.evidence)
    alone = match_topics([HURT], blog, replace(scorer, exemplars={}))[0]
    assert not any("reads like" in e.why for e in alone.evidence)


def test_an_exemplar_is_the_mean_of_the_answers_it_was_fitted_on():
    a, b = np.eye(4, dtype=np.float32)[0], np.eye(4, dtype=np.float32)[1]
    found = fit_exemplars([("cost", a), ("cost", b), ("pain", a), ("none", np.zeros(4))])
    assert set(found) == {"cost", "pain"}  # a topic whose answers cancel out has none
    assert found["cost"] == pytest.approx([0.7071, 0.7071, 0, 0], abs=1e-4)
    scorer = fitted_scorer()
    again = scorer_from_json(scorer.to_json())
    assert set(again.exemplars) == set(scorer.exemplars)
    assert all(np.allclose(again.exemplars[t], scorer.exemplars[t], atol=1e-4) for t in scorer.exemplars)
    assert [v.answers for v in again.variants] == [v.answers for v in scorer.variants]
    assert all(v.features == scorer.features and not v.exemplars and not v.variants for v in again.variants)


def test_only_shipped_topics_have_exemplars_and_nearly_all_do():
    shipped = {t.id for t in shipped_topics()}
    exemplars = fitted_scorer().exemplars
    assert set(exemplars) <= shipped and len(exemplars) >= len(shipped) - 3
    assert all(v.shape == (word_vectors().dims,) and abs(float(np.linalg.norm(v)) - 1) < 1e-3
               for v in exemplars.values())


def test_the_shipped_scorer_is_what_the_fitting_writes(faq_clinics):
    """scripts/fit_gaps_scorer.py on the labelled blogs gives the shipped file: weights, thresholds and exemplars
    (a change to the features, the topics or the word vectors that is not refitted fails here)."""
    fitted, _ = benchmark("gaps_eval").fold(faq_clinics)
    shipped = fitted_scorer()
    # (tolerances well above a machine's floating-point noise, far below what a change of features moves)
    assert fitted.answers == pytest.approx(shipped.answers, rel=1e-4, abs=1e-4)
    assert (fitted.answered_at, fitted.partial_at, fitted.floor) == pytest.approx(
        (shipped.answered_at, shipped.partial_at, shipped.floor), abs=1e-4)
    assert set(fitted.exemplars) == set(shipped.exemplars)
    assert all(np.allclose(fitted.exemplars[t], shipped.exemplars[t], atol=1e-4) for t in shipped.exemplars)
    assert len(fitted.variants) == len(shipped.variants) == 3  # each without one of the three labelled blogs
    for mine, theirs in zip(fitted.variants, shipped.variants, strict=True):
        assert mine.answers == pytest.approx(theirs.answers, rel=1e-4, abs=1e-4)
        assert (mine.answered_at, mine.partial_at) == pytest.approx((theirs.answered_at, theirs.partial_at), abs=1e-4)
        assert len(mine.trained_on) == 2 and mine.trained_on == theirs.trained_on


def test_a_status_a_variant_does_not_give_is_flagged_for_a_check():
    x = np.array([[1.0], [0.0]])
    closeness = np.array([0.6, 0.2])
    lenient = Scorer(["x"], [2.0, 0.0], answered_at=0.8, partial_at=0.5)  # p = 0.88 for the first passage
    strict = Scorer(["x"], [2.0, 0.0], answered_at=0.95, partial_at=0.5)
    main = Scorer(["x"], [2.0, 0.0], answered_at=0.8, partial_at=0.5, variants=[lenient, lenient])
    assert main.status(float(main.predict(x, closeness).max()), 0.6) == "answered"
    assert not main.unsure(x, closeness, "answered")  # every variant says the same
    main.variants.append(strict)  # one that calls it partial
    assert main.unsure(x, closeness, "answered")
    assert not Scorer(["x"], [2.0, 0.0], 0.8, 0.5).unsure(x, closeness, "answered")  # no variants: nothing to doubt
