"""The scorer: a logistic regression over a passage's features, and the thresholds that make a status.

`answers(x)` is the probability that a passage is the place to send a reader with the question. A topic is answered
when its best passage's `answers` reaches `answered_at`; otherwise partial when some passage comes as close in
meaning to a way of asking it as `partial_at` (cosine; a passage that is a z-score winner on a blog about other
things is still far), else missing. A passage below `floor` says nothing about the topic. The status depends on
passages alone, so it is the same however the sections are spread over posts; the best post (`Scorer.decide`) is
the post most likely to answer, counting every section of it, among the posts that reach the status.
Weights and thresholds are data (`smpseo/data/gaps/scorer.json`, read by the app layer), fitted by `fit()` on
labelled blogs (`scripts/fit_gaps_scorer.py`); `benchmarks/gaps_eval.py` refits them without the blog it scores.
So are the **exemplars**: for a shipped topic, what an answer to it looks like on the labelled blogs (the mean vector
of the sections labelled as answering it, `fit_exemplars`). A section that stands out against a topic's exemplar
counts as standing out (`features.topic_features`), so an answer in other words than the question can still rate as
other blogs' answers do.
And so are the **variants**, the same fitting without each labelled blog in turn: where one of them gives another
status, the status is flagged for a reader's check.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import numpy as np

from smpseo.analysis.gaps.features import ASKING, FEATURES

L2 = 1.0  # ridge penalty of both regressions (on the weights, not the intercept)


@dataclass
class Scorer:
    features: list[str]
    answers: list[float]  # weights, intercept last
    answered_at: float
    partial_at: float
    floor: float = 0.0  # a passage less similar than this to every way of asking says nothing about the topic
    trained_on: list[str] = field(default_factory=list)
    exemplars: dict[str, np.ndarray] = field(default_factory=dict)  # topic id -> unit vector (`fit_exemplars`)
    # The same fitting without each labelled blog in turn (same features and exemplars): a status one of them does
    # not give depends on which blogs the scorer learnt from, and deserves a reader's check (`unsure`).
    variants: list[Scorer] = field(default_factory=list)

    def predict(self, x: np.ndarray, closeness: np.ndarray) -> np.ndarray:
        """The `answers` probability of each row of features; 0 for a passage below the floor."""
        if not len(x):
            return np.zeros(0)
        w = np.asarray(self.answers)
        return (1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))) * (closeness >= self.floor)

    def rate(self, x: np.ndarray, closeness: np.ndarray, named: np.ndarray | None = None) -> np.ndarray:
        """Each passage's rating as statuses and places are decided on: `predict`, held below answering for a passage
        made mostly of questions (a list of questions to ask an artist, a prospect's questions quoted). Asking is not
        answering: such a passage can still show that the blog mentions a topic (partial), never that it answers it,
        nor be the place a reader is sent to when another passage answers. So is a passage that names none of what
        the topic requires (`named` False: `Topic.requires`, "MRI" for the MRI question)."""
        rated = self.predict(x, closeness)
        if not len(rated):
            return rated
        held = np.zeros(len(rated), bool) if named is None else ~np.asarray(named, bool)
        if "qfrac" in self.features:  # (a scorer of other features: as it predicts)
            held |= x[:, self.features.index("qfrac")] >= ASKING
        return np.where(held, np.minimum(rated, np.nextafter(self.answered_at, 0.0)), rated)

    def decide(self, answers: np.ndarray, closeness: np.ndarray, post_of: np.ndarray) -> tuple[str, int]:
        """A topic's status and the passage to send a reader to (see the module's doc)."""
        status = self.status(float(answers.max()), float(closeness.max()))
        return status, best_place(answers, post_of, self.answered_at if status == "answered" else 0.0)

    def status(self, best_answers: float, closest: float) -> str:
        if best_answers >= self.answered_at:
            return "answered"
        return "partial" if closest >= self.partial_at else "missing"

    def unsure(self, x: np.ndarray, closeness: np.ndarray, status: str, named: np.ndarray | None = None) -> bool:
        """Whether a variant (fitted without one of the labelled blogs) gives the passages another status."""
        if not len(x):
            return False
        closest = float(closeness.max())
        return any(v.status(float(v.rate(x, closeness, named).max()), closest) != status for v in self.variants)

    def to_json(self) -> str:
        """The scorer as data: one line per exemplar and per variant, the exemplars' numbers rounded to what the
        matcher can tell apart."""
        data = asdict(self)
        exemplars, variants = data.pop("exemplars"), data.pop("variants")
        lines = [f"  {json.dumps(tid)}: {json.dumps([round(float(v), 4) for v in vec])}"
                 for tid, vec in sorted(exemplars.items())]
        shared = ("features", "exemplars", "variants")  # a variant's are the scorer's
        rows = [f"  {json.dumps({k: v for k, v in variant.items() if k not in shared})}" for variant in variants]
        return json.dumps(data, indent=1)[:-2] + ',\n "exemplars": {\n' + ",\n".join(lines) + '\n },\n' \
            + ' "variants": [\n' + ",\n".join(rows) + "\n ]\n}"


def post_answers(answers: np.ndarray, post_of: np.ndarray) -> np.ndarray:
    """For each passage, the probability that its post answers: 1 - prod(1 - p) over the post's passages, each read
    as evidence of its own. A post with two sections on the question outranks one with a single closer passage.
    `post_of`: the post of each passage."""
    if not len(answers):
        return np.zeros(0)
    missed = np.ones(int(post_of.max()) + 1)
    np.multiply.at(missed, post_of, 1.0 - answers)
    return 1.0 - missed[post_of]


def best_place(answers: np.ndarray, post_of: np.ndarray, at_least: float = 0.0) -> int:
    """The place to send a reader: the best passage of the post most likely to answer (`post_answers`), among the
    posts whose best passage rates `at_least` (the first of tied posts)."""
    in_post = post_answers(answers, post_of)
    post_best = np.zeros(int(post_of.max()) + 1)
    np.maximum.at(post_best, post_of, answers)
    eligible = post_best[post_of] >= min(at_least, float(answers.max()))
    chosen = post_of[np.flatnonzero(eligible & (in_post >= in_post[eligible].max()))[0]]
    mine = np.flatnonzero(post_of == chosen)
    return int(mine[np.argmax(answers[mine])])


def scorer_from_json(text: str) -> Scorer:
    """A scorer from `Scorer.to_json()`; ValueError when it was fitted on other features than these."""
    data = json.loads(text)
    if list(data["features"]) != list(FEATURES):
        raise ValueError("the scorer was fitted on other features; refit it with scripts/fit_gaps_scorer.py")
    data["exemplars"] = {tid: np.asarray(vec, np.float32) for tid, vec in data.get("exemplars", {}).items()}
    data["variants"] = [Scorer(data["features"], **variant) for variant in data.get("variants", [])]
    return Scorer(**data)


def fit_exemplars(answers: list[tuple[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Each topic's exemplar: the normalised mean of the unit vectors of the sections labelled as answering it
    (`answers`: topic id and section vector, from every labelled blog)."""
    grouped: dict[str, list[np.ndarray]] = {}
    for tid, vec in answers:
        grouped.setdefault(tid, []).append(np.asarray(vec, np.float32))
    out = {}
    for tid, vecs in sorted(grouped.items()):
        mean = np.mean(vecs, axis=0)
        norm = float(np.linalg.norm(mean))
        if norm > 0:
            out[tid] = (mean / norm).astype(np.float32)
    return out


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, iters: int = 50) -> list[float]:
    """Ridge logistic regression by Newton's method; weights with the intercept last."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.diag(np.r_[np.full(xb.shape[1] - 1, l2), 0.0])
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w.tolist()


@dataclass
class Example:
    """One labelled topic on one blog: its passages' features and what a reader decided."""

    features: np.ndarray  # passages x FEATURES
    closeness: np.ndarray  # per passage (TopicEvidence.closeness)
    status: str
    best: frozenset[int]  # passages labelled as the best place (empty when the label names no section)
    named: np.ndarray | None = None  # per passage: it names what the topic requires (None: it requires nothing)


VALUE = {"answered": 1.0, "partial": 0.5, "missing": 0.0}
FLOOR_QUANTILE = 0.02  # the floor leaves out this share of the passages labelled as answering or mentioning
GRID = 60  # candidate thresholds: quantiles of the training topics' best values


def fit(examples: list[Example], trained_on: list[str] | None = None) -> Scorer:
    """Fit the regression on the passages of examples that name their best section, the floor below nearly every
    passage a reader cited, then the two thresholds that agree best with every example's status."""
    rows, answers = [], []
    for ex in examples:
        if not ex.best:
            continue
        for k, x in enumerate(ex.features):
            rows.append(x)
            answers.append(1.0 if k in ex.best and ex.status == "answered" else 0.0)
    cited = [ex.closeness[k] for ex in examples if ex.status != "missing" for k in ex.best]
    floor = float(np.quantile(cited, FLOOR_QUANTILE)) if cited else 0.0
    scorer = Scorer(list(FEATURES), fit_logistic(np.array(rows), np.array(answers)), 0.5, 0.5, floor,
                    list(trained_on or []))
    points = []
    for ex in examples:
        a = scorer.predict(ex.features, ex.closeness)
        points.append((a.max() if len(a) else 0.0, ex.closeness.max() if len(a) else 0.0, VALUE[ex.status]))
    grid_a = np.unique(np.quantile([p[0] for p in points], np.linspace(0, 1, GRID)))
    grid_c = np.unique(np.quantile([p[1] for p in points], np.linspace(0, 1, GRID)))
    best = (-1.0, 0.5, 0.5)
    for ta in grid_a:
        for tc in grid_c:
            agree = sum(1 - abs(v - (1.0 if a >= ta else 0.5 if c >= tc else 0.0)) for a, c, v in points)
            if agree > best[0]:
                best = (agree, float(ta), float(tc))
    scorer.answered_at, scorer.partial_at = best[1], best[2]
    return scorer
