"""Learning from six labelled blogs rather than three: does the FAQ-gap matcher generalise better?

    python benchmarks/gaps_six.py [--faq-dev DIR]

Today's design fits the scorer (weights, thresholds, exemplars) on the three labelled blogs of `make eval` and keeps
the three of benchmarks/faq out of every fit. Here every blog is scored held out, by `gaps_eval.fold` (the same
fitting, nothing copied), three ways:

- three: the three by leave one clinic out among themselves, the three kept out by the fit on those three (today's
  `make eval` figures, for the same blogs);
- six: each of the six by a fit, and exemplars, on the other five (leave one clinic out over six);
- the three scored, the others only learnt from: each of the three by a fit on the other two and the three kept out,
  which is what "six" does for those three (their "six" rows), beside "three": what more data does for them;
- six, exemplars of three: as "six", the regression learning from the other five, but every exemplar made from the
  answers of the three of `make eval` only (those of them learnt from): what the regression's more varied
  examples do alone, and, against "six", what the exemplars' other answers add.

Per blog, per kind (over all six, over make eval's three and over the three kept out) and overall: agreement, exact
statuses, best post (as `make eval` counts them), and "+/- topics" (as benchmarks/gaps_scorers.py counts it): how
many topics the way gets more / less right than "three".
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import gaps_eval  # noqa: E402
from gaps_eval import KINDS, clinics, fold, held_out, kept_out, rows_for  # noqa: E402


def three(dev: list, fresh: list) -> list[dict]:
    """Today's figures: the dev blogs by leave one clinic out among themselves, the kept-out ones by the fit on
    every dev blog (the shipped scorer)."""
    shipped = fold(dev)[0]
    return held_out(dev) + [row for blog in fresh for row in rows_for(blog, shipped)]


def six(every: list) -> list[dict]:
    """Every blog by a fit (weights, thresholds, exemplars) on all the others."""
    return held_out(every)


@contextlib.contextmanager
def exemplars_only_from(names: set[str]):
    """`gaps_eval.fold` making every exemplar from the answers of the blogs named here only (of those it may use)."""
    made = gaps_eval.exemplars_from
    gaps_eval.exemplars_from = lambda found: made([c for c in found if c.name in names])
    try:
        yield
    finally:
        gaps_eval.exemplars_from = made


def cell(rows: list[dict], reference: list[dict] | None = None) -> str:
    """Agreement, exact statuses and best post (as `gaps_eval.line` counts them), and, against `reference` (the same
    topics in the same order), how many topics are more / less right."""
    agree = 100 * sum(r["agreement"] for r in rows) / len(rows)
    answered = [r for r in rows if r["answered"]]
    best = f"{sum(r['post_hit'] for r in answered)}/{len(answered)}" if answered else "-"
    out = f"{agree:6.1f}% {sum(r['label'] == r['tool'] for r in rows):5d} {best:>7s}"
    if reference is None:
        return out
    pairs = list(zip(rows, reference, strict=True))
    assert all((r["clinic"], r["id"]) == (q["clinic"], q["id"]) for r, q in pairs)
    better = sum(r["agreement"] > q["agreement"] for r, q in pairs)
    worse = sum(r["agreement"] < q["agreement"] for r, q in pairs)
    return out + f" {better:3d}/{worse:<3d}"


def table(ways: dict[str, list[dict]], parts: dict[str, object]) -> list[str]:
    """One line per part (a set of blogs, a blog, a kind): each way's figures side by side, the first way's the
    reference of the others' +/- topics."""
    (first, reference), *others = ways.items()
    out = [f"  {'':22s} {'':6s}  {first:^21s}" + "".join(f"  {name:^29s}" for name, _ in others),
           f"  {'part':22s} {'topics':>6s}  {'agree':>7s} {'exact':>5s} {'best':>7s}"
           + f"  {'agree':>7s} {'exact':>5s} {'best':>7s} {'+/-':>7s}" * len(others)]
    for part, keep in parts.items():
        ref = [q for q in reference if keep(q)]
        if ref:
            out.append(f"  {part:22s} {len(ref):6d}  {cell(ref)}"
                       + "".join(f"  {cell([r for r in rows if keep(r)], ref)}" for _, rows in others))
    return [row.rstrip() for row in out]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faq-dev", type=Path, default=ROOT.parent / "shared" / "corpora" / "faq-dev")
    args = ap.parse_args(argv)
    if not args.faq_dev.is_dir():
        print(f"error: {args.faq_dev} not found", file=sys.stderr)
        return 1
    dev, fresh = clinics(args.faq_dev), kept_out()
    names = {"dev": {c.name for c in dev}, "kept": {c.name for c in fresh}}
    today, wide = three(dev, fresh), six(dev + fresh)
    with exemplars_only_from(names["dev"]):
        mixed = six(dev + fresh)
    parts = {"all six": lambda r: True,
             "make eval's 3": lambda r: r["clinic"] in names["dev"],
             "the 3 kept out": lambda r: r["clinic"] in names["kept"]}
    parts |= {c.name: (lambda r, n=c.name: r["clinic"] == n) for c in dev + fresh}
    parts |= {kind: (lambda r, k=kind: r["kind"] == k) for kind in KINDS}
    parts |= {f"{kind}, {group}": (lambda r, k=kind, g=key: r["kind"] == k and r["clinic"] in names[g])
              for key, group in (("dev", "eval's 3"), ("kept", "kept out")) for kind in KINDS}
    print("FAQ gaps: six labelled blogs learnt from rather than three, every blog held out")
    print("  three: make eval (its 3 blogs by leave one clinic out, the 3 kept out by the fit on those 3)")
    print("  six: each blog by a fit and exemplars on the other 5; six, exemplars of 3: exemplars from make eval's 3 only")
    print("  best: best post among topics labelled answered; +/-: topics more / less right than three")
    print()
    print("\n".join(table({"three": today, "six": wide, "six, exemplars of 3": mixed}, parts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
