"""Candidate scorers for the FAQ-gap matcher (`benchmarks/gaps_scorers.py` scores them leave one clinic out).

Each is a `Scorer` (the shipped one's thresholds, floor, `status` and `decide`) with its own `predict`, fitted on the
passages of labelled topics as `scorer.fit` fits the shipped logistic regression, with the same two thresholds:

- `Linear`: the shipped regression on chosen columns, plus products of pairs of standardised columns;
- `Boosted`: the regression's log-odds plus depth-2 regression trees (or stumps) fitted to the gradient, shrunk
  (numpy only);
- `Cascade`: the regression ranks a topic's sections, a second one rates only the best-ranked few;
- `Averaged`: the mean of two scorers' ratings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from smpseo.analysis.gaps.features import FEATURES
from smpseo.analysis.gaps.scorer import VALUE, Example, Scorer, fit_logistic

GRID = 60  # as scorer.fit


@dataclass
class Labelled:
    example: Example
    extra: np.ndarray  # passages x EXTRA_FEATURES
    label: dict
    post_of: np.ndarray
    stems: list
    clinic: str = ""
    topic: int = 0  # index among the clinic's topics (labelled or not)
    x: np.ndarray | None = None  # the features a candidate reads: the shipped ones, then the extra ones


def nearness(scorer: Scorer, d: Labelled) -> np.ndarray:
    """What the partial threshold reads, per passage: the shipped section's soft coverage (`closeness`), or the
    column `scorer.near` names."""
    near = getattr(scorer, "near", None)
    return d.example.closeness if near is None else d.x[:, near]


def thresholds(scorer: Scorer, data: list[Labelled]) -> Scorer:
    """The two thresholds that agree best with the statuses (as scorer.fit)."""
    points = []
    for d in data:
        a = scorer.predict(d.x, d.example.closeness)
        points.append((a.max() if len(a) else 0.0, nearness(scorer, d).max() if len(a) else 0.0,
                       VALUE[d.example.status]))
    grid_a = np.unique(np.quantile([p[0] for p in points], np.linspace(0, 1, GRID)))
    grid_c = np.unique(np.quantile([p[1] for p in points], np.linspace(0, 1, GRID)))
    pa, pc, pv = (np.array(v) for v in zip(*points, strict=True))
    best = (-1.0, 0.5, 0.5)
    for ta in grid_a:
        for tc in grid_c:
            agree = (1 - np.abs(pv - np.where(pa >= ta, 1.0, np.where(pc >= tc, 0.5, 0.0)))).sum()
            if agree > best[0]:
                best = (agree, float(ta), float(tc))
    scorer.answered_at, scorer.partial_at = best[1], best[2]
    return scorer


def rows_of(data: list[Labelled], skip_also: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The passages the regression learns from, and whether each is the labelled best place. `skip_also`: leave
    out the passages of the posts a label names as answering about as well (`also`), rather than count them as
    not answering."""
    xs, ys = [], []
    for d in data:
        if not d.example.best:
            continue
        y = np.zeros(len(d.x))
        if d.example.status == "answered":
            y[list(d.example.best)] = 1.0
        keep = np.ones(len(d.x), bool)
        if skip_also and d.label.get("also"):
            keep = np.array([d.stems[p] not in d.label["also"] for p in d.post_of]) | (y == 1.0)
        xs.append(d.x[keep])
        ys.append(y[keep])
    return np.vstack(xs), np.concatenate(ys)


class Linear(Scorer):
    """The shipped logistic regression on chosen columns, with products of pairs of (standardised) columns."""

    def setup(self, cols, pairs, mean, sd):
        self.cols, self.pairs, self.mean, self.sd = cols, pairs, mean, sd
        return self

    def design(self, x):
        z = (x - self.mean) / self.sd
        inter = [z[:, i] * z[:, j] for i, j in self.pairs]
        return np.column_stack([x[:, self.cols], *inter]) if inter else x[:, self.cols]

    def predict(self, x, closeness):
        return super().predict(self.design(x), closeness) if len(x) else np.zeros(0)


def fit_linear(data, cols, pairs=(), l2=1.0, near=None, skip_also=False):
    x, y = rows_of(data, skip_also)
    mean, sd = x.mean(axis=0), x.std(axis=0) + 1e-9
    m = Linear(list(FEATURES), [], 0.5, 0.5, floor_of(data)).setup(cols, list(pairs), mean, sd)
    m.near = near
    m.answers = fit_logistic(m.design(x), y, l2)
    return thresholds(m, data)


def floor_of(data):
    cited = [d.example.closeness[k] for d in data if d.example.status != "missing" for k in d.example.best]
    return float(np.quantile(cited, 0.02)) if cited else 0.0


def score_pairs(data, cols, k):
    """The k pairs of columns whose product the fitted linear model most lacks: the largest score statistics
    (gradient of the log-likelihood on the product's weight at zero, over its standard error)."""
    base = fit_linear(data, cols)
    x, y = rows_of(data)
    z = (x - base.mean) / base.sd
    p = base.predict(x, np.ones(len(x)))
    w = p * (1 - p)
    stats = []
    for i in range(len(cols)):
        for j in range(i + 1, len(cols)):
            v = z[:, cols[i]] * z[:, cols[j]]
            stats.append((abs(v @ (y - p)) / np.sqrt((w * v * v).sum() + 1e-9), (cols[i], cols[j])))
    stats.sort(key=lambda s: -s[0])
    return [pair for _, pair in stats[:k]]


class Boosted(Scorer):
    """The logistic regression's margin plus depth-2 regression trees on the gradient, shrunk."""

    def setup(self, cols, base, trees, rate):
        self.cols, self.base, self.trees, self.shrinkage = cols, base, trees, rate
        return self

    def margin(self, x):
        w = np.asarray(self.base)
        f = x[:, self.cols] @ w[:-1] + w[-1]
        for (f0, t0, f1, t1, f2, t2, leaves) in self.trees:
            left = x[:, f0] <= t0
            go = np.where(left, x[:, f1] <= t1, x[:, f2] <= t2)
            leaf = np.where(left, np.where(go, 0, 1), np.where(go, 2, 3))
            f = f + self.shrinkage * np.asarray(leaves)[leaf]
        return f

    def predict(self, x, closeness):
        if not len(x):
            return np.zeros(0)
        return (1.0 / (1.0 + np.exp(-self.margin(x)))) * (closeness >= self.floor)


def _split(x, g, h, idx, feats, lam, min_h):
    """The best split of rows idx on one of feats by Newton gain: (gain, feature, threshold)."""
    best = (0.0, None, None)
    G, H = g[idx].sum(), h[idx].sum()
    for f in feats:
        v = x[idx, f]
        order = np.argsort(v, kind="stable")
        vs, gs, hs = v[order], np.cumsum(g[idx][order]), np.cumsum(h[idx][order])
        ok = (vs[:-1] < vs[1:]) & (hs[:-1] >= min_h) & (H - hs[:-1] >= min_h)
        if not ok.any():
            continue
        gl, hl = gs[:-1], hs[:-1]
        gain = gl ** 2 / (hl + lam) + (G - gl) ** 2 / (H - hl + lam) - G ** 2 / (H + lam)
        gain[~ok] = -np.inf
        i = int(np.argmax(gain))
        if gain[i] > best[0]:
            best = (float(gain[i]), f, float((vs[i] + vs[i + 1]) / 2))
    return best


def fit_boosted(data, cols, rounds, rate=0.1, lam=5.0, min_h=2.0, l2=1.0, depth=2):
    """`depth` 1: stumps (each tree one split; kept in the depth-2 form, its second level splitting nothing)."""
    x, y = rows_of(data)
    base = fit_logistic(x[:, cols], y, l2)
    m = Boosted(list(FEATURES), [], 0.5, 0.5, floor_of(data)).setup(cols, base, [], rate)
    f = m.margin(x)
    feats = list(cols)  # the trees split on the same columns as the regression
    all_rows = np.arange(len(x))
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-f))
        g, h = p - y, p * (1 - p)
        _, f0, t0 = _split(x, g, h, all_rows, feats, lam, min_h)
        if f0 is None:
            break
        left = all_rows[x[:, f0] <= t0]
        right = all_rows[x[:, f0] > t0]
        subs = []
        for side in (left, right):
            _, fs, ts = _split(x, g, h, side, feats, lam, min_h) if depth > 1 else (0.0, None, None)
            subs.append((f0, np.inf) if fs is None else (fs, ts))
        (f1, t1), (f2, t2) = subs
        leaves = []
        for side, (fs, ts) in ((left, subs[0]), (right, subs[1])):
            for part in (side[x[side, fs] <= ts], side[x[side, fs] > ts]):
                leaves.append(float(-g[part].sum() / (h[part].sum() + lam)) if len(part) else 0.0)
        m.trees.append((f0, t0, f1, t1, f2, t2, leaves))
        f = m.margin(x)
    return thresholds(m, data)


class Cascade(Scorer):
    """The shipped regression ranks a topic's sections; a second regression, fitted only on each topic's `top`
    best-ranked sections, rates those (how an answer differs from the close passages that do not answer); the
    others keep the first one's rating, scaled below the lowest of the second's."""

    def setup(self, first, second, top):
        self.first, self.second, self.top = first, second, top
        return self

    def predict(self, x, closeness):
        if not len(x):
            return np.zeros(0)
        p1 = self.first.predict(x, np.ones(len(x)))
        chosen = np.argsort(-p1, kind="stable")[: self.top]
        out = p1 * 1e-3
        out[chosen] = self.second.predict(x[chosen], np.ones(len(chosen))) + 1e-3
        return out * (closeness >= self.floor)


def fit_cascade(data, cols, top, cols2=None):
    first = fit_linear(data, cols)
    picked = []
    for d in data:
        p1 = first.predict(d.x, np.ones(len(d.x)))
        chosen = np.argsort(-p1, kind="stable")[:top]
        best = frozenset(int(np.flatnonzero(chosen == k)[0]) for k in d.example.best if k in chosen)
        if d.example.best and not best and d.example.status == "answered":
            continue  # the answer is not among the candidates: nothing for the second stage to learn
        picked.append(Labelled(replace(d.example, features=d.x[chosen], closeness=d.example.closeness[chosen],
                                       best=best if d.example.best else frozenset()),
                               d.extra[chosen], d.label, d.post_of[chosen], d.stems))
        picked[-1].x = d.x[chosen]
    second = fit_linear(picked, cols2 or cols)
    return thresholds(Cascade(list(FEATURES), [], 0.5, 0.5, floor_of(data)).setup(first, second, top), data)



class Averaged(Scorer):
    """The mean of two scorers' ratings."""

    def setup(self, models):
        self.models = models
        return self

    def predict(self, x, closeness):
        if not len(x):
            return np.zeros(0)
        return np.mean([m.predict(x, np.ones(len(x))) for m in self.models], axis=0) * (closeness >= self.floor)
