"""Borrowed exemplars, measured leave one clinic out as `make eval` measures the matcher (not what smpseo does).

    python benchmarks/gaps_borrow.py [--faq-dev DIR]

Only the shipped topics have an exemplar (what the labelled blogs' answers to it look like). A candidate lets a
topic without one (a clinic's own, or any topic under a fresh id) borrow the exemplar of the shipped topic whose
ways of asking come closest to its own, as the matcher embeds them on the blog: the largest cosine between a way of
asking it and a way of asking the shipped topic (or, word by word, the soft coverage of its words by the shipped
topic's), when that closeness reaches a threshold; or weighted by the closeness, with no threshold; or the shipped
topic's phrasings as well (its ways of asking added to the topic's). Every exemplar a held-out clinic borrows was
fitted on the other clinics (the fold's), and the clinics a fold learns from borrow by the same rule. A threshold is
chosen by cross-validation among the training clinics alone (each scored by a fit on the other, over its labelled
wording and its fresh-id wording), never by the held-out clinic's figures.

Scored three ways: as labelled; the question alone (shipped ids kept); a fresh id and the question only (`make
eval`'s wordings). The first row, no borrowing, equals `make eval`'s figures for the three.

Fast path: every topic's features are computed once per clinic and wording without an exemplar, and an exemplar's
part (how much a section and its best paragraph stand out against it, `features.topic_features`) applied on top.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gaps_eval import FRESH, SHIPPED, clinics, exemplars_from  # noqa: E402

from smpseo.analysis.gaps.features import _z, asked_for, embed_texts, topic_features  # noqa: E402
from smpseo.analysis.gaps.scorer import VALUE, Example, fit  # noqa: E402
from smpseo.sources.topics import localize, shipped_topics  # noqa: E402

WORDINGS = ("as labelled", "question alone", "fresh id")
NEVER = 1.01  # a threshold no cosine reaches


class View:
    """One clinic with one wording of its topics: every topic's evidence without an exemplar, and the shipped
    topics (localised for the clinic) as it could borrow from them."""

    def __init__(self, clinic, topics, label_of: dict[str, str]):
        self.c, self.topics, self.label_of = clinic, topics, label_of
        emb, vec = clinic.blog.embedded, clinic.blog.vectors
        self.asked = [asked_for(list(t.texts), emb, vec) for t in topics]
        self.ev = topic_features(emb, self.asked)
        self.donors = localize(shipped_topics(), clinic.config.site)
        self.donor_ways = [embed_texts(list(t.texts), emb, vec) for t in self.donors]
        self.donor_words = [asked_for(list(t.texts), emb, vec).words for t in self.donors]
        self.told = [[r for r, (i, j) in zip(emb.paragraph_of[k], p.paragraphs, strict=True)
                      if not all(s.question for s in p.sentences[i:j])] for k, p in enumerate(emb.parts)]
        self.stems = [Path(p.path or p.slug).stem for p in clinic.posts]
        self._near: dict = {}

    def near(self, i: int, how: str) -> list[tuple[float, str]]:
        """Every shipped topic's closeness to topic i, closest first."""
        if (i, how) not in self._near:
            out = []
            for donor, ways, words in zip(self.donors, self.donor_ways, self.donor_words, strict=True):
                if how == "cosine":
                    s = float((self.asked[i].vectors @ ways.T).max())
                else:  # word by word: the topic's words covered by the shipped topic's, by weight
                    s = max((float(((tw @ dv.T).max(axis=1) * wt).sum() / wt.sum()) for tw, wt in self.asked[i].words
                             if len(wt) for dv, _ in words if len(dv)), default=0.0)
                out.append((s, donor.id))
            self._near[(i, how)] = sorted(out, reverse=True)
        return self._near[(i, how)]

    def features(self, i: int, exemplar, weight: float = 1.0):
        f = self.ev[i].features.copy()
        if exemplar is not None:
            emb = self.c.blog.embedded
            by_para = emb.paragraph @ exemplar
            para_like = np.array([max((by_para[r] for r in rows), default=0.0) for rows in self.told])
            f[:, 0] = np.maximum(f[:, 0], weight * _z(emb.section @ exemplar))
            f[:, 3] = np.maximum(f[:, 3], weight * _z(para_like))
        return f, self.ev[i].closeness


def borrowed(view: View, i: int, exemplars: dict, rule) -> tuple[np.ndarray | None, float]:
    """The exemplar topic i is described with, and its weight: its own; else, under `rule` (how, threshold,
    weighted), the closest shipped topic's when it has one in this fit and is close enough; else none."""
    tid = view.topics[i].id
    if tid in exemplars:
        return exemplars[tid], 1.0
    if rule is None:
        return None, 1.0
    how, at, weighted = rule
    for s, donor in view.near(i, how):
        if donor != tid and donor in exemplars:
            return (exemplars[donor], s if weighted else 1.0) if s >= at else (None, 1.0)
    return None, 1.0


def examples(view: View, exemplars: dict, rule) -> list[tuple[str, Example]]:
    out = []
    for i, t in enumerate(view.topics):
        lid = view.label_of.get(t.id)
        if lid is not None:
            f, closeness = view.features(i, *borrowed(view, i, exemplars, rule))
            out.append((lid, Example(f, closeness, view.c.labels[lid]["status"], view.c.best[lid],
                                     view.c.blog.naming(t.requires))))
    return out


def fit_without(views: list[View], held: View | None, rule):
    """`gaps_eval.fold` with borrowing: fitted on the other views, each described with the exemplars of the others
    it learns from; its exemplars those of every clinic it learns from."""
    learn = [v for v in views if v is not held]
    seen = [e for v in learn for _, e in examples(v, exemplars_from([o.c for o in learn if o is not v]), rule)]
    scorer = fit(seen, [v.c.name for v in learn])
    scorer.exemplars = exemplars_from([v.c for v in learn])
    return scorer


def rows(view: View, scorer, rule) -> list[dict]:
    out = []
    for lid, ex in examples(view, scorer.exemplars, rule):
        lab = view.c.labels[lid]
        status, best = scorer.decide(scorer.rate(ex.features, ex.closeness, ex.named), ex.closeness,
                                     view.c.blog.post_of)
        post = view.stems[view.c.blog.passages[best].post] if status != "missing" else None
        out.append({"clinic": view.c.name, "kind": lab.get("kind", "fixture"), "label": lab["status"],
                    "tool": status, "agreement": 1 - abs(VALUE[lab["status"]] - VALUE[status]),
                    "answered": lab["status"] == "answered", "post_hit": post == lab.get("post"),
                    "own": lid not in SHIPPED})
    return out


def views(found: list, way: str, borrow_ways: float | None = None) -> list[View]:
    """Every clinic's topics in one wording; `borrow_ways`: a topic without a shipped id whose closest shipped topic
    (by cosine) reaches it takes that topic's ways of asking as well."""
    out = []
    for c in found:
        topics = c.topics if way == "as labelled" else [replace(t, phrasings=()) for t in c.topics]
        if way == "fresh id":
            topics = [replace(t, id=FRESH + t.id, terms=()) for t in topics]
        label_of = {n.id: t.id for t, n in zip(c.topics, topics, strict=True)}
        v = View(c, topics, label_of)
        if borrow_ways is not None:
            extended = []
            for i, t in enumerate(topics):
                s, donor = v.near(i, "cosine")[0]
                ways = next(d.texts for d in v.donors if d.id == donor)
                extended.append(t if t.id in SHIPPED or s < borrow_ways
                                else replace(t, phrasings=tuple(x for x in (*t.phrasings, *ways) if x != t.question)))
            v = View(c, extended, label_of)
        out.append(v)
    return out


def inner(data: dict, held: str, rules: list) -> tuple:
    """The rule among `rules` ((views by wording, rule) pairs) that agrees best on the training clinics, each
    scored by a fit on the other (as labelled and fresh id); ties: the first (the most cautious)."""
    best = None
    for key in rules:
        by_way, rule = data[key]
        learn = [v for v in by_way["as labelled"] if v.c.name != held]
        total = 0.0
        for v in learn:
            scorer = fit_without(learn, v, rule)
            for way in ("as labelled", "fresh id"):
                mine = next(x for x in by_way[way] if x.c.name == v.c.name)
                total += sum(r["agreement"] for r in rows(mine, scorer, rule))
        if best is None or total > best[0] + 1e-9:
            best = (total, key)
    return best[1]


def scored(data: dict, rules: list) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Held out: each clinic scored, in every wording, by the fit without it, under the rule the training clinics
    choose (one rule given: that one)."""
    out: dict[str, list[dict]] = {w: [] for w in WORDINGS}
    chosen = {}
    for held in data[rules[0]][0]["as labelled"]:
        key = rules[0] if len(rules) == 1 else inner(data, held.c.name, rules)
        chosen[held.c.name] = key
        by_way, rule = data[key]
        scorer = fit_without(by_way["as labelled"], next(v for v in by_way["as labelled"] if v.c is held.c), rule)
        for way in WORDINGS:
            out[way] += rows(next(v for v in by_way[way] if v.c is held.c), scorer, rule)
    return out, chosen


def figures(rs: list[dict]) -> str:
    def agree(sub):
        return f"{100 * sum(r['agreement'] for r in sub) / len(sub):5.1f}%" if sub else "-"
    answered = [r for r in rs if r["answered"]]
    return (f"{agree(rs)} {sum(r['label'] == r['tool'] for r in rs):5d} {sum(r['post_hit'] for r in answered):2d}/"
            f"{len(answered)} {agree([r for r in rs if r['kind'] == 'paraphrase'])} "
            f"{agree([r for r in rs if r['kind'] == 'trap'])} {agree([r for r in rs if r['own']])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faq-dev", type=Path, default=ROOT.parent / "shared" / "corpora" / "faq-dev")
    args = ap.parse_args(argv)
    found = clinics(args.faq_dev)
    plain = {w: views(found, w) for w in WORDINGS}
    data = {"none": (plain, None), "weighted": (plain, ("cosine", -1.0, True))}
    for how in ("cosine", "words"):
        for at in (NEVER, 0.9, 0.8, 0.7, 0.6, 0.5):
            data[(how, at)] = (plain, (how, at, False))
    for at in (NEVER, 0.9, 0.8, 0.7, 0.6, 0.5):
        data[("ways", at)] = ({w: views(found, w, at) for w in WORDINGS}, ("cosine", at, False))
    candidates = {
        "no borrowing (make eval)": ["none"],
        "exemplar, cosine, CV threshold": [("cosine", at) for at in (NEVER, 0.9, 0.8, 0.7, 0.6, 0.5)],
        "exemplar, word by word, CV": [("words", at) for at in (NEVER, 0.9, 0.8, 0.7, 0.6, 0.5)],
        "exemplar, weighted, always": ["weighted"],
        "exemplar and ways, CV": [("ways", at) for at in (NEVER, 0.9, 0.8, 0.7, 0.6, 0.5)],
    }
    print("FAQ gaps: borrowed exemplars, held out (leave one clinic out); thresholds chosen by the training clinics")
    print(f"\n  {'':31s} {'as labelled':39s}  {'question':8s}  {'fresh id, question only':23s}")
    print(f"  {'candidate':31s} {'agree':>6s} {'exact':>5s} {'best':>5s} {'paraph':>6s} {'trap':>6s} {'own 55':>6s}"
          f"{'alone':>8s}  {'agree':>6s} {'exact':>3s} {'best':>5s}")
    for name, rules in candidates.items():
        out, chosen = scored(data, rules)
        fresh = out["fresh id"]
        hits = sum(r["post_hit"] for r in fresh if r["answered"])
        print(f"  {name:31s} {figures(out['as labelled']):39s}  {figures(out['question alone'])[:6]:>8s}  "
              f"{figures(fresh)[:6]} {sum(r['label'] == r['tool'] for r in fresh):5d} {hits:2d}/85")
        if len(rules) > 1:
            print(f"  {'':31s} thresholds: " + ", ".join(f"{c} {k[1] if k[1] != NEVER else 'never'}"
                                                        for c, k in chosen.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
