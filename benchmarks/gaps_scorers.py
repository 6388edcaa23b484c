"""Candidate scorers and features for the FAQ-gap matcher, scored leave one clinic out as `make eval` scores it.

    python benchmarks/gaps_scorers.py [--faq-dev DIR] [--only NAME ...] [--settings]

Every candidate is fitted, per held-out clinic, on the other clinics only (their features computed as `make eval`'s
`fold` computes them, exemplars from the clinics learnt from). A candidate's own setting (how many boosting rounds,
interaction terms or ranked sections; the ridge penalty) is chosen by cross-validation among the training clinics
alone (each scored by a fit on the other), never by the held-out clinic's figures; `--settings` also prints every
fixed setting, and the shipped regression without each of its features in turn (how far one feature moves it).
The first row, `shipped`, is `make eval`'s matcher recomputed from the same features, and equals its figures.

- nonlinear scorers (`gaps_models.py`): products of pairs of features, the pairs chosen by a score test against the
  fitted regression (and one pair chosen beforehand: heading margin x best sentence); boosted depth-2 trees on top
  of the regression; their mean; a cascade (a second regression on each topic's best-ranked sections only);
- features telling an answer from a mention or another sense (`gaps_features.py`), each added alone, then all;
- explaining away: how much better this topic rates a section than any other topic asked of the blog does
  (stacked: the rating comes from a first regression fitted without the clinic it describes);
- the ridge penalty, and forward selection of the features, by inner cross-validation.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gaps_eval import Clinic, clinics, exemplars_from  # noqa: E402
from gaps_features import EXTRA_FEATURES, LATER, MEAN_OF, extra_features  # noqa: E402
from gaps_models import (  # noqa: E402
    Averaged,
    Labelled,
    Scorer,
    fit_boosted,
    fit_cascade,
    fit_linear,
    floor_of,
    nearness,
    rows_of,
    score_pairs,
    thresholds,
)

from smpseo.analysis.gaps.features import FEATURES, asked_for, topic_features  # noqa: E402
from smpseo.analysis.gaps.scorer import VALUE, Example  # noqa: E402

# ---------------------------------------------------------------- features, per fold as make eval computes them

_CACHE: dict = {}


def labelled(clinic: Clinic, sources: tuple[str, ...], found: list[Clinic]) -> list[Labelled]:
    """The clinic's labelled topics with exemplars from the clinics named in `sources` (as gaps_eval.examples)."""
    key = (clinic.name, sources)
    if key not in _CACHE:
        ex = exemplars_from([c for c in found if c.name in sources])
        asked = [asked_for(list(t.texts), clinic.blog.embedded, clinic.blog.vectors, ex.get(t.id))
                 for t in clinic.topics]
        evidence = topic_features(clinic.blog.embedded, asked)
        extras = extra_features(clinic, asked, evidence)
        stems = [Path(p.path or p.slug).stem for p in clinic.posts]
        _CACHE[key] = [Labelled(Example(ev.features, ev.closeness, clinic.labels[t.id]["status"], clinic.best[t.id],
                                        clinic.blog.naming(t.requires)),
                                xt, clinic.labels[t.id], clinic.blog.post_of, stems, clinic.name, i)
                       for i, (t, ev, xt) in enumerate(zip(clinic.topics, evidence, extras, strict=True))
                       if t.id in clinic.labels]
        EVERY[key] = [np.hstack([ev.features, xt]) for ev, xt in zip(evidence, extras, strict=True)]
    return _CACHE[key]


EVERY: dict = {}  # (clinic, sources) -> every topic's features (with the extra ones), labelled or not


def fold_data(found: list[Clinic], held: Clinic) -> tuple[dict[str, list[Labelled]], list[Labelled]]:
    learn = [c for c in found if c is not held]
    seen = {c.name: labelled(c, tuple(o.name for o in learn if o is not c), found) for c in learn}
    return seen, labelled(held, tuple(c.name for c in learn), found)


# ---------------------------------------------------------------- scoring

def evaluate(model: Scorer, data: list[Labelled]) -> list[dict]:
    rows = []
    for d in data:
        a = model.rate(d.x, d.example.closeness, d.example.named)
        if not len(a):
            status, post = "missing", None
        else:
            status, best = model.decide(a, nearness(model, d), d.post_of)
            post = d.stems[d.post_of[best]] if status != "missing" else None
        lab = d.label
        rows.append({"kind": lab.get("kind", "fixture"), "label": lab["status"], "tool": status,
                     "agreement": 1 - abs(VALUE[lab["status"]] - VALUE[status]),
                     "answered": lab["status"] == "answered", "post_hit": post == lab.get("post")})
    return rows


def inner_choice(seen: dict[str, list[Labelled]], fitter, options):
    """The option that agrees best when each training clinic is scored by a fit on the others (ties: the first)."""
    best = (-1.0, options[0])
    for opt in options:
        total = 0.0
        for name in seen:
            train = [d for o, ds in seen.items() if o != name for d in ds]
            total += sum(r["agreement"] for r in evaluate(fitter(train, opt), seen[name]))
        if total > best[0] + 1e-9:
            best = (total, opt)
    return best[1]


def summary(rows: list[dict], reference: list[dict]) -> str:
    """The row of the table; the last column counts the topics it gets more and less right than `reference`."""
    def pct(rs, key="agreement"):
        return 100 * sum(r[key] for r in rs) / len(rs) if rs else 0.0

    ans = [r for r in rows if r["answered"]]
    kind = {k: [r for r in rows if r["kind"] == k] for k in ("paraphrase", "trap", "passing")}
    exact = sum(r["label"] == r["tool"] for r in rows)
    better = sum(r["agreement"] > q["agreement"] for r, q in zip(rows, reference, strict=True))
    worse = sum(r["agreement"] < q["agreement"] for r, q in zip(rows, reference, strict=True))
    return (f"{pct(rows):7.1f}% {exact:4d}/{len(rows):<4d} {sum(r['post_hit'] for r in ans):3d}/{len(ans):<3d}"
            f"{pct(ans, 'post_hit'):6.1f}% {pct(kind['paraphrase']):9.1f}% {pct(kind['trap']):6.1f}% "
            f"{pct(kind['passing']):7.1f}%  {better:3d} /{worse:3d}")


BASE = list(range(len(FEATURES)))
ROUNDS = (0, 10, 25, 50, 100)
PAIRS = (0, 1, 2, 3, 5, 8)
TOPS = (3, 5, 10, 20)
NEAR = (None, FEATURES.index("soft_s1"), FEATURES.index("soft_head"), FEATURES.index("soft_z"))
PENALTIES = (0.1, 0.3, 0.5, 1.0, 2.0, 3.0, 10.0, 30.0)


def inner_score(seen: dict[str, list[Labelled]], fitter) -> tuple[float, float]:
    """Agreement, then the log-likelihood of the passages' labels, of each training clinic scored by a fit on the
    others."""
    agree = loglik = 0.0
    for name in seen:
        model = fitter([d for o, ds in seen.items() if o != name for d in ds])
        agree += sum(r["agreement"] for r in evaluate(model, seen[name]))
        x, y = rows_of(seen[name])
        p = np.clip(model.predict(x, np.ones(len(x))), 1e-6, 1 - 1e-6)
        loglik += float((y * np.log(p) + (1 - y) * np.log(1 - p)).sum())
    return agree, loglik


def forward_selection(seen: dict[str, list[Labelled]], pool: list[int]) -> list[int]:
    """Columns added one at a time, each the one that most raises inner agreement (then likelihood), until none
    does."""
    chosen: list[int] = []
    best = (-1.0, -np.inf)
    while True:
        trials = [(inner_score(seen, lambda t, cols=(*chosen, c): fit_linear(t, list(cols))), c)
                  for c in pool if c not in chosen]
        if not trials:
            return chosen
        score, c = max(trials, key=lambda t: t[0])
        if score <= best:
            return chosen
        best, chosen = score, [*chosen, c]


def averaged(other):
    def fitter(tr, seen):
        models = [fit_linear(tr, BASE), other(tr, seen)]
        return thresholds(Averaged(list(FEATURES), [], 0.5, 0.5, floor_of(tr)).setup(models), tr)
    return fitter


def pairs(cols):
    def fitter(tr, seen):
        k = inner_choice(seen, lambda t, k: fit_linear(t, cols, score_pairs(t, cols, k)), PAIRS)
        return fit_linear(tr, cols, score_pairs(tr, cols, k))
    return fitter


def boosted(cols, rate=0.1, depth=2):
    def fitter(tr, seen):
        n = inner_choice(seen, lambda t, n: fit_boosted(t, cols, n, rate, depth=depth), ROUNDS)
        return fit_boosted(tr, cols, n, rate, depth=depth)
    return fitter


def cascade(cols2):
    def fitter(tr, seen):
        k = inner_choice(seen, lambda t, k: fit_cascade(t, BASE, k, cols2), TOPS)
        return fit_cascade(tr, BASE, k, cols2)
    return fitter


def ridge(tr, seen):
    l2 = inner_choice(seen, lambda t, l2: fit_linear(t, BASE, (), l2), PENALTIES)
    return fit_linear(tr, BASE, (), l2)


def forward(pool):
    def fitter(tr, seen):
        return fit_linear(tr, forward_selection(seen, pool))
    return fitter


def near_by_cv(tr, seen):
    col = inner_choice(seen, lambda t, c: fit_linear(t, BASE, near=c), NEAR)
    return fit_linear(tr, BASE, near=col)


def candidates() -> dict:
    """name -> fitter(training data, training data by clinic) -> scorer; settings chosen by inner cross-validation.
    `None`: explaining away, which needs every topic of a blog (`stacked`)."""
    extra = [len(FEATURES) + i for i in range(len(EXTRA_FEATURES))]
    every = BASE + [c for c, name in zip(extra, EXTRA_FEATURES, strict=True) if name not in LATER]
    heading, sentence = FEATURES.index("hmargin"), FEATURES.index("sent_z")
    out = {"shipped": shipped,
           "interactions (score test, k by inner CV)": pairs(BASE),
           "heading x sentence product (set a priori)":
               lambda tr, seen: fit_linear(tr, BASE, [(heading, sentence)]),
           "boosted depth-2 trees (rounds by inner CV)": boosted(BASE),
           "boosted stumps (rounds by inner CV)": boosted(BASE, depth=1),
           "mean of shipped and boosted": averaged(boosted(BASE)),
           "cascade (top sections by inner CV)": cascade(BASE)}
    for name, col in zip(EXTRA_FEATURES, extra, strict=True):
        out["+ " + name] = lambda tr, seen, c=col: fit_linear(tr, BASE + [c])
    mean_cols = [len(FEATURES) + EXTRA_FEATURES.index(MEAN_OF[f]) if f in MEAN_OF else i
                 for i, f in enumerate(FEATURES)]
    out["cover: mean over ways, not the best way"] = lambda tr, seen: fit_linear(tr, mean_cols)
    out["cover: both the best way and the mean"] = \
        lambda tr, seen: fit_linear(tr, BASE + [c for c in mean_cols if c not in BASE])
    out |= {"+ all new features": lambda tr, seen: fit_linear(tr, every),
            "interactions + all new features": pairs(every),
            "boosted + all new features": boosted(every),
            "cascade, all new features in stage 2": cascade(every),
            "explaining away (stacked)": None,
            "partial from the best sentence's cover": lambda tr, seen: fit_linear(tr, BASE, near=NEAR[1]),
            "partial from a cover chosen by inner CV": near_by_cv,
            "posts labelled 'also' left out of learning": lambda tr, seen: fit_linear(tr, BASE, skip_also=True),
            "ridge penalty by inner CV": ridge,
            "forward selection by inner CV, shipped": forward(BASE),
            "forward selection by inner CV, all": forward(every)}
    return out


def fixed() -> dict:
    """The nonlinear scorers and the penalty at fixed settings: every one, none chosen by these figures."""
    out = {}
    for n in ROUNDS[1:]:
        for rate in (0.05, 0.1, 0.3):
            out[f"boosted, {n} rounds, shrinkage {rate}"] = \
                lambda tr, seen, n=n, r=rate: fit_boosted(tr, BASE, n, r)
    for n in ROUNDS[1:]:
        out[f"boosted stumps, {n} rounds, shrinkage 0.1"] = \
            lambda tr, seen, n=n: fit_boosted(tr, BASE, n, 0.1, depth=1)
    for k in PAIRS[1:]:
        out[f"interactions, k = {k}"] = lambda tr, seen, k=k: fit_linear(tr, BASE, score_pairs(tr, BASE, k))
    for top in TOPS:
        out[f"cascade, top {top}"] = lambda tr, seen, t=top: fit_cascade(tr, BASE, t)
    for l2 in PENALTIES:
        out[f"ridge penalty {l2}"] = lambda tr, seen, v=l2: fit_linear(tr, BASE, (), v)
    return out


def _logit(p):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def explained(first: Scorer, data: list[Labelled], key: tuple) -> list[Labelled]:
    """The data with one more column: how much better this topic's rating of the section is than the best rating
    any other topic asked of the blog gives it (log-odds, by `first`): a section that answers another question
    better mentions this one in passing, or uses its words in another sense."""
    every = np.vstack([first.predict(x, np.ones(len(x))) for x in EVERY[key]])
    out = []
    for d in data:
        others = np.delete(every, d.topic, axis=0).max(axis=0)
        col = np.clip(_logit(every[d.topic]) - _logit(others), -10, 10)
        e = Labelled(d.example, d.extra, d.label, d.post_of, d.stems, d.clinic, d.topic)
        e.x = np.column_stack([d.x, col])
        out.append(e)
    return out


def stacked(found: list[Clinic], folds: dict, cols: list[int]) -> list[dict]:
    """Explaining away, by stacking: the column `explained` adds is made, for each clinic learnt from, by a first
    regression fitted on the other clinics learnt from (cross-fitting), for the held-out clinic by one fitted on
    all of them; the second regression learns from the first's columns and it."""
    rows = []
    for held in found:
        seen, data = folds[held.name]
        learn = [c for c in found if c is not held]
        train = []
        for c in learn:
            first = fit_linear([d for o, ds in seen.items() if o != c.name for d in ds], BASE)
            train += explained(first, seen[c.name], (c.name, tuple(o.name for o in learn if o is not c)))
        first = fit_linear([d for ds in seen.values() for d in ds], BASE)
        test = explained(first, data, (held.name, tuple(c.name for c in learn)))
        n = train[0].x.shape[1]
        rows += evaluate(fit_linear(train, [*cols, n - 1]), test)
    return rows


def prepared(found: list[Clinic]) -> dict:
    """Every fold's data (`fold_data`), each passage's features read as the shipped ones then the extra ones."""
    folds = {held.name: fold_data(found, held) for held in found}
    for seen, held in folds.values():
        for d in [*held, *(x for ds in seen.values() for x in ds)]:
            d.x = np.hstack([d.example.features, d.extra]) if d.extra.size else d.example.features
    return folds


def scored(found: list[Clinic], folds: dict, fitter) -> list[dict]:
    """Every clinic's labelled topics, scored by the candidate `fitter` fitted without that clinic."""
    if fitter is None:
        return stacked(found, folds, BASE)
    rows = []
    for held in found:
        seen, data = folds[held.name]
        rows += evaluate(fitter([d for ds in seen.values() for d in ds], seen), data)
    return rows


def shipped(tr, seen):
    return fit_linear(tr, BASE)


def run(found: list[Clinic], table: dict, only: list[str] | None = None) -> list[tuple[str, str]]:
    folds = prepared(found)
    reference = scored(found, folds, shipped)
    out = []
    for name, fitter in table.items():
        if only and not any(o in name for o in only):
            continue
        out.append((name, summary(scored(found, folds, fitter), reference)))
        print(f"  {name:42s} {out[-1][1]}", flush=True)
    return out


def ablation(found: list[Clinic]) -> str:
    """The shipped regression without each of its features in turn: how far held-out agreement moves when the
    design changes by one feature."""
    table = {f: lambda tr, seen, i=i: fit_linear(tr, [c for c in BASE if c != i]) for i, f in enumerate(FEATURES)}
    with contextlib.redirect_stdout(io.StringIO()):
        got = run(found, table)
    agree = sorted((float(line.split("%")[0]), name) for name, line in got)
    return (f"  the shipped regression without one of its {len(FEATURES)} features: agreement {agree[0][0]:.1f}% "
            f"(without {agree[0][1]}) to {agree[-1][0]:.1f}% (without {agree[-1][1]})")


HEADER = (f"  {'candidate':42s} {'agreement':>8s} {'exact':>9s} {'best post':>10s} {'paraphrase':>10s} "
          f"{'trap':>6s} {'passing':>8s}  {'+/- topics':>8s}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faq-dev", type=Path, default=ROOT.parent / "shared" / "corpora" / "faq-dev")
    ap.add_argument("--only", nargs="*", help="only the candidates whose name holds one of these")
    ap.add_argument("--settings", action="store_true", help="also every fixed setting, and the one-feature ablation")
    args = ap.parse_args(argv)
    found = clinics(args.faq_dev)
    print("FAQ gaps: candidate scorers and features, held out (leave one clinic out), settings by inner CV")
    print("(+/- topics: how many topics a candidate gets more / less right than the shipped matcher)\n")
    print(HEADER)
    run(found, candidates(), args.only)
    if args.settings:
        print("\n  the same at fixed settings (each fitted without the clinic it scores)")
        run(found, fixed(), args.only)
        print()
        print(ablation(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
