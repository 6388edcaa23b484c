#!/usr/bin/env python3
"""Fit smpseo/data/gaps/scorer.json on every labelled clinic (the shipped scorer).

    python scripts/fit_gaps_scorer.py [--faq-dev ../shared/corpora/faq-dev]

The labelled clinics are those of `make eval` (benchmarks/gaps_eval.py); there each clinic is scored by a scorer fitted
without it, while the shipped one learns from all of them. Refit after changing the features or the word vectors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gaps_eval import clinics  # noqa: E402

from smpseo.analysis.gaps.scorer import fit  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faq-dev", type=Path, default=ROOT.parent / "shared" / "corpora" / "faq-dev")
    ap.add_argument("--out", type=Path, default=ROOT / "smpseo" / "data" / "gaps" / "scorer.json")
    args = ap.parse_args()
    found = clinics(args.faq_dev)
    examples = [ex for c in found for ex in c.examples]
    scorer = fit(examples, [f"the {len(found)} labelled blogs of make eval, {len(examples)} topics"])
    args.out.write_text(scorer.to_json() + "\n", encoding="utf-8")
    print(f"fitted on {', '.join(c.name for c in found)}: answered from {scorer.answered_at:.3f}, "
          f"partial from {scorer.partial_at:.3f} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
