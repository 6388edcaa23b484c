"""Asking is not answering: a passage made mostly of questions (a list of questions to ask an artist, a prospect's
questions quoted) can show that a blog mentions a topic, never that it answers it, nor be where a reader is sent
when another passage answers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from smpseo.analysis.gaps import match_topics
from smpseo.analysis.gaps.features import ASKING, FEATURES
from smpseo.app.gaps import fitted_scorer
from smpseo.sources.topics import Topic

from .conftest import gaps_blog

ASKING_BLOG = Path(__file__).parent / "fixtures" / "gaps" / "asking"
LASTS = Topic("lasts", "How long does SMP last before it needs a touch-up?")


@pytest.fixture(scope="module")
def blog():
    return gaps_blog(ASKING_BLOG)


def _eager(scorer):
    """The shipped scorer made to rate every passage as answering (its intercept raised): what is left to tell an
    answer from a list of questions is whether the passage asks."""
    weights = list(scorer.answers)
    weights[-1] += 50.0
    return replace(scorer, answers=weights, floor=-1.0, variants=[])


def test_a_passage_that_mostly_asks_rates_below_answering():
    scorer = _eager(fitted_scorer())
    x = np.zeros((3, len(FEATURES)))
    x[:, FEATURES.index("qfrac")] = [0.0, ASKING - 0.01, ASKING]
    rated = scorer.rate(x, np.ones(3))
    assert np.all(scorer.predict(x, np.ones(3)) >= scorer.answered_at)
    assert rated[0] >= scorer.answered_at and rated[1] >= scorer.answered_at
    assert rated[2] < scorer.answered_at


def test_a_list_of_questions_is_a_mention_not_an_answer(blog):
    """The question itself, word for word, in a list of questions to ask, rated as answering by a scorer that reads
    the section's similarity alone: the topic is partial, the list is said to ask, and its post is not said to
    answer."""
    from smpseo.analysis.gaps.features import asked_for, topic_features

    listed = next(k for k, p in enumerate(blog.passages) if p.heading == "Questions worth asking")
    assert blog.passages[listed].asks
    ev = topic_features(blog.embedded, [asked_for(list(LASTS.texts), blog.embedded, blog.vectors)])[0]
    sec = FEATURES.index("sec")
    others = np.delete(ev.features[:, sec], listed)
    between = (float(ev.features[listed, sec]) + float(others.max())) / 2  # the list alone is above it
    weights = [0.0] * (len(FEATURES) + 1)
    weights[sec], weights[-1] = 200.0, -200.0 * between
    scorer = replace(fitted_scorer(), answers=weights, floor=-1.0, variants=[], exemplars={})
    assert scorer.predict(ev.features, ev.closeness)[listed] >= scorer.answered_at  # it would answer
    result = match_topics([LASTS], blog, scorer)[0]
    assert result.status == "partial"
    assert [e.role for e in result.evidence if e.section == "Questions worth asking"][:1] == ["asks"]
    assert all(m.status != "answered" for m in result.posts)


def test_the_passage_that_answers_is_the_place_not_the_list(blog):
    """With another passage that answers (all of them do, to this scorer), the reader is sent there."""
    result = match_topics([LASTS], blog, _eager(fitted_scorer()))[0]
    assert result.status == "answered"
    assert result.posts[0].section != "Questions worth asking"
