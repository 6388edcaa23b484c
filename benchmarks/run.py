"""Benchmarks: `make bench`.

Times, in one run on one machine, each as a separate process (interpreter start-up included, as a user pays it):
  (a) baseline: the loop a user would write by hand in a notebook: textstat's Flesch and grade plus one YAKE
      extraction per post;
  (b) `smpseo analyze` on the same posts, cold: an empty analysis cache (large corpora run in parallel);
  (c) `smpseo analyze` warm: again, nothing changed;
  (d) `smpseo check` cold, warm with nothing changed, and warm after one post was edited; `smpseo gaps` cold and
      warm (on copies of the posts: the originals are never edited);
  (e) the monthly report end to end (clinic posts only);
  (f) `smpseo check` of one new draft in a fresh process against `smpseo --version` (the interpreter's floor), and
      `smpseo check --watch`: seconds from saving an edit to the line reporting it (events, then polling);
and prints the median wall time, peak memory (the largest resident set of one process, and the largest sum over the
command and its worker processes, sampled every 0.1 s) and the ratios measured in the same run: (b)/(a), (c)/(b),
check after an edit / check cold, check warm / check cold, one new post / --version. Corpora: the clinic's posts, the 509 posts of ../shared/corpora/18f-blog-posts (when
present) and a synthetic corpus of 5,000 posts generated deterministically from them. Each corpus gets its own
cache folder (SMPSEO_CACHE_DIR) in a temporary folder. Results go to benchmarks/results/<timestamp>.json.

    python benchmarks/run.py [--corpus clinic|18f|synthetic ...] [--repeat N] [--quick] [--synthetic-posts N]
    python benchmarks/run.py --table benchmarks/results/<file>.json     # a results file as a Markdown table

--quick: one run per measurement and a synthetic corpus of 1,000 posts (a smoke run, not figures to quote).

smpseo's modules are byte-compiled first, as `pip install` leaves them: in an environment with
PYTHONDONTWRITEBYTECODE set, every command would otherwise compile them from source each time it starts. The run
ends with one line per target of issue 15 ("edit to feedback in under a second"): the target, what was measured,
met or not, and the machine.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import os
import platform
import queue
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SHARED_18F = ROOT.parent / "shared" / "corpora" / "18f-blog-posts"

BASELINE = r"""
import sys, pathlib, re
from smpseo.core.syllables import textstat
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


def measure(cmd: list[str], repeat: int, env: dict | None = None, before=None) -> dict:
    """Wall time (median of `repeat` runs) and peak resident memory of a command run as a child process.
    `before()` runs before each run, untimed (e.g. to empty the cache)."""
    times, peaks, trees, cpus, status = [], [], [], [], 0
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, env=env, cwd=ROOT
        )
        status = proc.returncode
        try:  # the wrapper times the command alone, from its start to its exit (not its own start-up)
            largest, tree, seconds, cpu = proc.stderr.strip().splitlines()[-1].split()
            peaks.append(int(largest))
            trees.append(int(tree))
            times.append(float(seconds))
            cpus.append(float(cpu))
        except (ValueError, IndexError):
            peaks.append(0)
            trees.append(0)
            times.append(time.perf_counter() - start)
            cpus.append(0.0)
    return {"seconds": round(statistics.median(times), 3), "runs": repeat, "all_seconds": [round(t, 3) for t in times],
            "cpu_seconds": round(statistics.median(cpus), 3),
            "peak_mib": round(max(peaks) / 1024, 1), "all_processes_peak_mib": round(max(trees) / 1024, 1),
            "exit_status": status}


def empty_analysis_cache(folder: Path) -> None:
    """Remove every entry but the syllable table (built once per machine, not per analysis): "cold" means nothing
    of any earlier run is reused."""
    if folder.is_dir():
        for kind in folder.iterdir():
            if kind.name == "syllables":
                continue
            if kind.is_dir():
                shutil.rmtree(kind, ignore_errors=True)
            else:
                kind.unlink(missing_ok=True)


def copy_corpus(source: Path, target: Path) -> Path:
    """A copy of a corpus's posts to measure on (one of them is edited between runs; the originals never are)."""
    target.mkdir(parents=True)
    for path in source.glob("*.md"):
        shutil.copy2(path, target / path.name)
    return target


_edits = itertools.count(1)


def edit_one_post(folder: Path) -> None:
    """Add a sentence to one post: the next run is the re-run after an edit (the other posts unchanged)."""
    post = sorted(folder.glob("*.md"))[0]
    with post.open("a", encoding="utf-8") as f:
        f.write(f"\n\nThis sentence was added by edit number {next(_edits)}.\n")


def new_post(folder: Path) -> Path:
    """A post never checked before (a copy of the first one with a sentence of its own): `check` of one new draft."""
    source = sorted(folder.glob("*.md"))[0]
    draft = folder.parent / f"{folder.name}-drafts" / "draft.md"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(source.read_text(encoding="utf-8") + f"\n\nA new draft, number {next(_edits)}.\n",
                     encoding="utf-8")
    return draft


def watch_latency(folder: Path, env: dict, edits: int = 5, poll: bool = False) -> dict:
    """`smpseo check --watch` on a folder: seconds from saving an edit to the line reporting it (median of `edits`
    saves, each after the previous one was reported), and the first run's time."""
    cmd = smpseo_cmd("check", "--watch", str(folder), *(["--poll"] if poll else []))
    lines: queue.Queue = queue.Queue()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)

    def pump() -> None:
        for line in iter(proc.stdout.readline, ""):
            lines.put((time.perf_counter(), line))
        lines.put((time.perf_counter(), None))

    def until(test) -> float:
        while True:
            at, line = lines.get(timeout=600)
            if line is None:
                raise RuntimeError("the watch ended early")
            if test(line):
                return at

    threading.Thread(target=pump, daemon=True).start()
    latencies = []
    try:
        first = until(lambda line: line.startswith("smpseo: watching")) - started
        post = sorted(folder.glob("*.md"))[len(list(folder.glob("*.md"))) // 2]
        for _ in range(edits):
            time.sleep(0.5)  # the editor's next save, not a burst
            saved = time.perf_counter()
            with post.open("a", encoding="utf-8") as f:
                f.write(f"\n\nThis sentence was added by edit number {next(_edits)}.\n")
            latencies.append(until(lambda line: line.startswith("[") and " new, " in line) - saved)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            status = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            status = proc.wait()
    return {"seconds": round(statistics.median(latencies), 3), "runs": edits,
            "all_seconds": [round(t, 3) for t in latencies], "first_run_seconds": round(first, 3),
            "backend": "polling" if poll else "events", "exit_status": status}


# Runs a command and prints on stderr's last line its peak RSS (KiB), the peak of it and its workers together
# (KiB, sampled every 0.1 s), its wall time (s), measured from start to exit without the wrapper's start-up, and
# the CPU time (s, user and system) of it and its workers: what the load of other work on the machine changes least.
_WRAPPER = r"""
import os, resource, subprocess, sys, threading, time
page = os.sysconf("SC_PAGE_SIZE") // 1024

def tree_kib(root):  # resident memory of a process and all its descendants (Linux /proc), KiB
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    children.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * page
        except (OSError, ValueError, IndexError):
            pass
    return total

tree = 0

def sample(proc):  # the largest resident set of the command and its workers, every 0.1 s while it runs
    global tree
    while proc.poll() is None:
        if os.path.isdir("/proc"):
            tree = max(tree, tree_kib(proc.pid))
        time.sleep(0.1)

start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
sampler = threading.Thread(target=sample, args=(proc,), daemon=True)
sampler.start()
proc.wait()
seconds = time.perf_counter() - start
sampler.join()
used = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and the workers it waited for
print(used.ru_maxrss, tree, seconds, used.ru_utime + used.ru_stime, file=sys.stderr)
sys.exit(proc.returncode)
"""


def machine() -> dict:
    """What the figures came from: CPU model, cores usable, memory, Python, load when the run started."""
    info = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
            "dont_write_bytecode_env": bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))}
    try:
        info["cores_usable"] = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        pass
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["processor"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()
        info["memory_gib"] = round(int(mem[1]) / 1024 / 1024, 1)
        info["load_average"] = [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except (OSError, ValueError, IndexError):
        pass
    return info


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


LABELS = [("a_baseline", "(a) textstat + YAKE loop"), ("b_analyze_cold", "(b) analyze, cold"),
          ("b_analyze_cold_serial", "(b) analyze, cold, one process"),
          ("c_analyze_warm", "(c) analyze, warm"), ("d_check_cold", "(d) check, cold"),
          ("d_check_warm", "(d) check, warm (nothing changed)"),
          ("d_check_one_edited", "(d) check, warm, one post edited"), ("d_gaps", "(d) gaps"),
          ("d_gaps_cold", "(d) gaps, cold"), ("d_gaps_warm", "(d) gaps, warm (nothing changed)"),
          ("e_monthly_report", "(e) monthly report"),
          ("check_one_post_cold", "check one post, cold"), ("check_one_post_warm", "check one post, warm"),
          ("check_new_post", "check one new post (a cold process)"), ("version", "smpseo --version"),
          ("help", "smpseo --help"), ("watch_latency", "check --watch: save to report (events)"),
          ("watch_latency_polling", "check --watch: save to report (polling)")]
RATIOS = [("ratio_b_over_a", "(b)/(a): smpseo vs the bare textstat + YAKE loop"),
          ("ratio_b_serial_over_a", "(b, one process)/(a)"), ("ratio_c_over_b", "(c)/(b): analyze warm vs cold"),
          ("ratio_edit_over_cold", "check after editing one post / check cold"),
          ("ratio_warm_over_cold", "check warm / check cold"),
          ("ratio_new_post_over_version", "check one new post / --version")]


def load_average() -> list[float] | None:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except (OSError, ValueError):
        return None


def verdicts(results: dict) -> list[dict]:
    """Issue 15's targets, each with what this run measured and whether it is met (None: not measured)."""
    corpora = results["corpora"]
    out = []

    def add(target: str, measured: str | None, met: bool | None) -> None:
        out.append({"target": target, "measured": measured or "not measured",
                    "verdict": "not measured" if met is None else "met" if met else "not met"})

    blog = corpora.get("18f", {})
    ratio = blog.get("ratio_edit_over_cold")
    add("check after editing one post <= 0.1 of a cold check (509-post blog)",
        f"{ratio} ({blog['d_check_one_edited']['seconds']} s against {blog['d_check_cold']['seconds']} s)"
        if ratio is not None else None, None if ratio is None else ratio <= 0.1)
    news = {n: c for n, c in corpora.items() if "ratio_new_post_over_version" in c}
    add("check one new post (a cold process) <= 2x smpseo --version",
        "; ".join(f"{n}: {c['ratio_new_post_over_version']} ({c['check_new_post']['seconds']} s against "
                  f"{c['version']['seconds']} s)" for n, c in news.items()) or None,
        None if not news else all(c["ratio_new_post_over_version"] <= 2 for c in news.values()))
    synthetic = corpora.get("synthetic", {})
    cold = synthetic.get("b_analyze_cold")
    full = synthetic.get("posts", 0) >= 5000
    cores = results["machine"].get("cores_usable", results["machine"].get("cpus"))
    add(f"{synthetic.get('posts', 5000):,} posts cold (analyze) <= 60 s on {cores} cores",
        (f"{cold['seconds']} s" + (f" ({cold['cpu_seconds']} s of CPU over the command and its workers)"
                                   if cold.get("cpu_seconds") else "")) if cold else None,
        None if not (cold and full) else cold["seconds"] <= 60)
    add("... all processes together under 1 GiB",
        f"{cold['all_processes_peak_mib']} MiB" if cold else None,
        None if not (cold and full) else cold["all_processes_peak_mib"] < 1024)
    for name, limit in (("clinic", 0.5), ("18f", 1.5)):
        watch = corpora.get(name, {})
        found = {k: watch[k]["seconds"] for k in ("watch_latency", "watch_latency_polling") if k in watch}
        add(f"check --watch reports a saved edit within {limit} s ({name})",
            ", ".join(f"{v} s ({'events' if k == 'watch_latency' else 'polling'})" for k, v in found.items())
            or None, None if not found else found.get("watch_latency", found.get("watch_latency_polling")) <= limit)
    return out


def verdict_lines(results: dict) -> str:
    m = results["machine"]
    load = m.get("load_average", "?")
    lines = ["| target | measured | verdict |", "| --- | --- | --- |"]
    lines += [f"| {v['target']} | {v['measured']} | {v['verdict']} |" for v in results.get("verdicts", [])]
    lines.append(f"\nMachine: {m.get('processor')}, {m.get('cores_usable', m.get('cpus'))} cores, "
                 f"{m.get('memory_gib', '?')} GiB, Python {m.get('python')}; load average {load} at the start, "
                 f"{m.get('load_average_end', '?')} at the end.")
    return "\n".join(lines) + "\n"


def table(results: dict) -> str:
    """The results as a Markdown table: one row per measurement, one column per corpus (median seconds, peak MiB
    of the command and its workers together)."""
    names = list(results["corpora"])
    head = ["| measurement | " + " | ".join(f"{n} ({results['corpora'][n]['posts']} posts)" for n in names) + " |",
            "| --- |" + " --- |" * len(names)]
    rows = []
    for key, label in LABELS:
        cells = []
        for n in names:
            v = results["corpora"][n].get(key)
            memory = v.get("all_processes_peak_mib", v.get("peak_mib")) if v else None
            cells.append("—" if not v else f"{v['seconds']:.2f} s, {memory:.0f} MiB" if memory is not None
                         else f"{v['seconds']:.2f} s")
        if any(c != "—" for c in cells):
            rows.append(f"| {label} | " + " | ".join(cells) + " |")
    for key, label in RATIOS:
        if any(key in results["corpora"][n] for n in names):
            rows.append(f"| {label} | " + " | ".join(str(results["corpora"][n].get(key, "—")) for n in names) + " |")
    m = results["machine"]
    note = (f"\n{results['when']}: {m.get('processor')}, {m.get('cores_usable', m.get('cpus'))} cores, "
            f"{m.get('memory_gib', '?')} GiB, Python {m.get('python')}, load average {m.get('load_average', '?')}.")
    return "\n".join(head + rows) + "\n" + note + "\n" + ("\n" + verdict_lines(results) if results.get("verdicts")
                                                             else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=("clinic", "18f", "synthetic"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement on small corpora (median)")
    parser.add_argument("--quick", action="store_true", help="one run each, 1,000 synthetic posts, no report")
    parser.add_argument("--synthetic-posts", type=int, default=5000, metavar="N")
    parser.add_argument("--table", metavar="RESULTS", help="print a results file as a Markdown table and stop")
    args = parser.parse_args(argv)
    if args.table:
        results = json.loads(Path(args.table).read_text(encoding="utf-8"))
        results.setdefault("verdicts", verdicts(results))  # a run from before the verdicts were written
        print(table(results), end="")
        return 0
    if args.quick:
        args.repeat, args.synthetic_posts = 1, min(args.synthetic_posts, 1000)
    corpora = args.corpus or ["clinic", "18f", "synthetic"]
    compileall.compile_dir(ROOT / "smpseo", quiet=1)  # as installed: no command compiles a module from source
    work = Path(tempfile.mkdtemp(prefix="smpseo-bench-"))
    results: dict = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "quick": args.quick,
        "corpora": {},
    }
    try:
        for name in corpora:
            if name == "clinic":
                folder = copy_corpus(ROOT / "posts", work / name)
            elif name == "18f":
                if not SHARED_18F.is_dir():
                    print(f"skip {name}: {SHARED_18F} not found")
                    continue
                folder = copy_corpus(SHARED_18F, work / name)
            else:
                if not SHARED_18F.is_dir():
                    print(f"skip {name}: needs the 18F corpus")
                    continue
                folder = synthetic_corpus(SHARED_18F, work / "synthetic", count=args.synthetic_posts)
            n = len(list(folder.glob("*.md")))
            repeat = args.repeat if n < 100 else 1
            row: dict = {"posts": n, "load_average": load_average()}  # other work on the machine, as it starts
            cache_dir = work / f"cache-{name}"
            env = {**os.environ, "SMPSEO_CACHE_DIR": str(cache_dir)}
            env.pop("SMPSEO_NO_CACHE", None)
            print(f"\n{name} ({n} posts)", flush=True)

            def timed(key: str, cmd: list[str], times: int = repeat, row: dict = row, env: dict = env,
                      before=None) -> None:
                row[key] = value = measure(cmd, times, env, before)
                print(f"  {key:18s} {value['seconds']:8.2f} s  (CPU {value['cpu_seconds']:7.2f} s)  peak {value['peak_mib']:7.1f} MiB"
                      f" (all processes {value['all_processes_peak_mib']:7.1f} MiB)  exit {value['exit_status']}",
                      flush=True)

            def cold(folder: Path = cache_dir) -> None:
                empty_analysis_cache(folder)

            analyze = smpseo_cmd("analyze", str(folder), "--format", "json")
            timed("a_baseline", [sys.executable, "-c", BASELINE, str(folder)])
            timed("b_analyze_cold", analyze, before=cold)
            timed("c_analyze_warm", analyze, max(repeat, 3))
            if name == "18f":  # the same without worker processes: what the checks cost next to (a), core for core
                timed("b_analyze_cold_serial", analyze, before=cold, env={**env, "SMPSEO_WORKERS": "1"})
            if name != "synthetic":
                check = smpseo_cmd("check", str(folder), "--format", "json")
                gaps = smpseo_cmd("gaps", str(folder), "--format", "json")
                timed("d_check_cold", check, before=cold)
                timed("d_check_warm", check, max(repeat, 3))
                timed("d_check_one_edited", check, max(repeat, 3), before=lambda f=folder: edit_one_post(f))
                timed("d_gaps_cold", gaps, before=cold)
                timed("d_gaps_warm", gaps, max(repeat, 3))
            if name == "clinic" and not args.quick:
                timed("e_monthly_report",
                      smpseo_cmd("report", "monthly", "--posts", str(folder), "--out", str(work / "reports")), 1)
            if name == "clinic":
                one = sorted(folder.glob("*.md"))[0]
                timed("check_one_post_cold", smpseo_cmd("check", str(one)), max(repeat, 5), before=cold)
                timed("check_one_post_warm", smpseo_cmd("check", str(one)), max(repeat, 5))
                timed("help", smpseo_cmd("--help"), max(repeat, 5))
            if name != "synthetic":  # a new draft checked in a fresh process, against the interpreter's floor
                drafts = work / f"{name}-drafts" / "draft.md"
                timed("check_new_post", smpseo_cmd("check", str(drafts)), max(repeat, 5),
                      before=lambda f=folder: new_post(f))
                timed("version", smpseo_cmd("--version"), max(repeat, 5))
                for key, poll in (("watch_latency", False), ("watch_latency_polling", True)):
                    row[key] = value = watch_latency(folder, env, poll=poll)
                    print(f"  {key:18s} {value['seconds']:8.2f} s  (each save: {value['all_seconds']}; first run "
                          f"{value['first_run_seconds']} s)", flush=True)
            a, b, c = (row[k]["seconds"] for k in ("a_baseline", "b_analyze_cold", "c_analyze_warm"))
            row["ratio_b_over_a"] = round(b / a, 3) if a else None
            row["ratio_c_over_b"] = round(c / b, 3) if b else None
            ratio = {"ratio_edit_over_cold": ("d_check_one_edited", "d_check_cold"),
                     "ratio_warm_over_cold": ("d_check_warm", "d_check_cold"),
                     "ratio_new_post_over_version": ("check_new_post", "version")}
            for key, (top, bottom) in ratio.items():
                if top in row and bottom in row and row[bottom]["seconds"]:
                    row[key] = round(row[top]["seconds"] / row[bottom]["seconds"], 3)
                    print(f"  {key:30s} {row[key]}")
            if "b_analyze_cold_serial" in row and a:
                row["ratio_b_serial_over_a"] = round(row["b_analyze_cold_serial"]["seconds"] / a, 3)
            row["peak_mib"] = max(v["peak_mib"] for v in row.values() if isinstance(v, dict) and "peak_mib" in v)
            row["all_processes_peak_mib"] = max(v["all_processes_peak_mib"] for v in row.values()
                                                if isinstance(v, dict) and "all_processes_peak_mib" in v)
            results["corpora"][name] = row
            print(f"  (b)/(a)            {row['ratio_b_over_a']}")
            print(f"  (c)/(b)            {row['ratio_c_over_b']}")
            print(f"  peak memory        {row['peak_mib']} MiB (one process), {row['all_processes_peak_mib']} MiB "
                  "(all processes: a command and its workers, shared pages counted in each)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_average_end"] = load_average()
    results["verdicts"] = verdicts(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out_file = RESULTS / f"{results['when'][:19].replace(':', '')}.json"
    out_file.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {out_file.relative_to(ROOT)}\n")
    print(table(results), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
