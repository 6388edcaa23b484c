#!/usr/bin/env python3
"""Fit smpseo/data/gaps/scorer.json on every labelled clinic (the shipped scorer): weights, thresholds, the
shipped topics' exemplars, and the variants fitted without each clinic in turn.

    python scripts/fit_gaps_scorer.py [--faq-dev ../shared/corpora/faq-dev]

The labelled clinics are those of `make eval` (benchmarks/gaps_eval.py); there each clinic is scored by a scorer fitted
without it, while the shipped one learns from all of them (`gaps_eval.fold`). Refit after changing the features,
the shipped topics or the word vectors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gaps_eval import clinics, fold  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faq-dev", type=Path, default=ROOT.parent / "shared" / "corpora" / "faq-dev")
    ap.add_argument("--out", type=Path, default=ROOT / "smpseo" / "data" / "gaps" / "scorer.json")
    args = ap.parse_args()
    found = clinics(args.faq_dev)
    scorer, seen = fold(found)
    topics = sum(len(examples) for examples in seen.values())
    scorer.trained_on = [f"the {len(found)} labelled blogs of make eval, {topics} topics"]
    args.out.write_text(scorer.to_json() + "\n", encoding="utf-8")
    print(f"fitted on {', '.join(c.name for c in found)}: answered from {scorer.answered_at:.3f}, "
          f"partial from {scorer.partial_at:.3f}, {len(scorer.exemplars)} exemplars -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
