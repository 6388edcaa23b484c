"""Benchmarks: `make bench`.

Times, in one run on one machine, each as a separate process (interpreter start-up included, as a user pays it):
  (a) baseline: the loop a user would write by hand in a notebook: textstat's Flesch and grade plus one YAKE
      extraction per post;
  (b) `smpseo analyze` on the same posts;
  (d) `smpseo check` and `smpseo gaps` on the same posts;
  (e) the monthly report end to end (clinic posts only);
and prints wall time, peak memory and the ratio (b)/(a). Corpora: the clinic's posts, the 509 posts of
../shared/corpora/18f-blog-posts (when present) and a synthetic corpus of 5,000 posts generated deterministically
from them. Results go to benchmarks/results/<timestamp>.json.

    python benchmarks/run.py [--corpus clinic|18f|synthetic ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SHARED_18F = ROOT.parent / "shared" / "corpora" / "18f-blog-posts"

BASELINE = r"""
import sys, pathlib, re
from smpseo.syllables import textstat
import yake
ts = textstat()
extractor = yake.KeywordExtractor(lan="en", n=3, top=20)
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    ts.flesch_reading_ease(text)
    ts.text_standard(text, float_output=True)
    extractor.extract_keywords(text)
"""


def smpseo_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "smpseo", *args]


def measure(cmd: list[str], repeat: int, env: dict | None = None) -> dict:
    """Wall time (median of `repeat` runs) and peak resident memory of a command run as a child process."""
    times, peaks, status = [], [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, env=env, cwd=ROOT
        )
        times.append(time.perf_counter() - start)
        status = proc.returncode
        try:
            peaks.append(int(proc.stderr.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            peaks.append(0)
    return {"seconds": round(statistics.median(times), 3), "runs": repeat, "peak_mib": round(max(peaks) / 1024, 1),
            "exit_status": status}


# Runs a command and prints the child's peak RSS (KiB) on stderr's last line.
_WRAPPER = r"""
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(proc.returncode)
"""


def synthetic_corpus(source: Path, target: Path, count: int = 5000, seed: int = 20261124) -> Path:
    """`count` posts made from the real ones: paragraphs shuffled, titles numbered. Same output for the same seed."""
    rng = random.Random(seed)
    posts = sorted(source.glob("*.md"))
    target.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = posts[i % len(posts)].read_text(encoding="utf-8", errors="replace")
        m = re.match(r"\A---\n(.*?)\n---\n(.*)\Z", text, flags=re.S)
        body = m.group(2) if m else text
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        rng.shuffle(paragraphs)
        title = f"Synthetic post {i:04d}"
        (target / f"synthetic-{i:04d}.md").write_text(
            f"---\ntitle: {title}\n---\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=("clinic", "18f", "synthetic"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement on small corpora (median)")
    args = parser.parse_args(argv)
    corpora = args.corpus or ["clinic", "18f", "synthetic"]
    work = Path(tempfile.mkdtemp(prefix="smpseo-bench-"))
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(work / "cache")}
    results: dict = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                    "processor": platform.processor() or platform.machine()},
        "corpora": {},
    }
    try:
        for name in corpora:
            if name == "clinic":
                folder = ROOT / "posts"
            elif name == "18f":
                if not SHARED_18F.is_dir():
                    print(f"skip {name}: {SHARED_18F} not found")
                    continue
                folder = SHARED_18F
            else:
                if not SHARED_18F.is_dir():
                    print(f"skip {name}: needs the 18F corpus")
                    continue
                folder = synthetic_corpus(SHARED_18F, work / "synthetic")
            n = len(list(folder.glob("*.md")))
            repeat = args.repeat if n < 100 else 1
            row: dict = {"posts": n}
            print(f"\n{name} ({n} posts)", flush=True)

            def timed(key: str, cmd: list[str], times: int = repeat, row: dict = row) -> None:
                row[key] = value = measure(cmd, times, env)
                print(f"  {key:18s} {value['seconds']:8.2f} s  peak {value['peak_mib']:7.1f} MiB"
                      f"  exit {value['exit_status']}", flush=True)

            timed("a_baseline", [sys.executable, "-c", BASELINE, str(folder)])
            timed("b_analyze_cold", smpseo_cmd("analyze", str(folder), "--format", "json"))
            if name != "synthetic":
                timed("d_check", smpseo_cmd("check", str(folder), "--format", "json"))
                timed("d_gaps", smpseo_cmd("gaps", str(folder), "--format", "json"))
            if name == "clinic":
                timed("e_monthly_report",
                      smpseo_cmd("report", "monthly", "--posts", str(folder), "--out", str(work / "reports")), 1)
            a, b = row["a_baseline"]["seconds"], row["b_analyze_cold"]["seconds"]
            row["ratio_b_over_a"] = round(b / a, 2) if a else None
            results["corpora"][name] = row
            print(f"  (b)/(a)            {row['ratio_b_over_a']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out_file = RESULTS / f"{results['when'][:19].replace(':', '')}.json"
    out_file.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {out_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
