"""The expensive part of analysing a post, cached and spread across cores.

Two library calls cost almost all of a post's analysis: textstat's readability scores and YAKE's keyphrases. Both
(and the sentence shares of `smpseo analyze`) depend on nothing but the post's sentences, so they are worked out
from those alone, by `post_analysis()`:

- each post's sentences (text, and whether the author wrote it or quotes it) are hashed with the versions of smpseo,
  textstat and yake into a cache key (`smpseo.app.cache`); a post whose key is cached costs a file read;
- the others are analysed here, or, when there are more than `PARALLEL_MIN` of them and more than one core, in a
  pool of worker processes (`SMPSEO_WORKERS` sets how many; 1 turns the pool off). Only the sentence texts travel
  to the workers, only plain numbers and terms come back;
- a progress bar (tqdm) shows on a terminal or in a notebook when 20 or more posts take more than two seconds;
  it stays silent when stderr is not a terminal, in CI (`CI` set), with `SMPSEO_PROGRESS=0`, and in reports.

Results are the same whichever way they were worked out: cached, in a worker or here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence

from smpseo.analysis.metrics import Work, analyse, post_work
from smpseo.app import cache

PARALLEL_MIN = 50  # posts to analyse before a pool of processes pays for itself
CHUNK = 4  # posts sent to a worker at a time
PROGRESS_MIN = 20  # posts to analyse before a progress bar may show (after two seconds)
KIND = "post-analysis"

def _analyse_keyphrases(work: Work) -> dict:
    return analyse(work, True)


def _analyse_plain(work: Work) -> dict:
    return analyse(work, False)


def _thaw(value: dict) -> dict:
    """Terms back as (term, score) tuples, as `extract()` returns them."""
    if value.get("terms") is not None:
        value["terms"] = [(str(t), float(s)) for t, s in value["terms"]]
    return value


def _valid(value, keyphrases: bool) -> bool:
    if not isinstance(value, dict) or not isinstance(value.get("scores"), dict) \
            or not isinstance(value.get("shares"), dict):
        return False
    if keyphrases:
        terms = value.get("terms", False)
        if terms is not None and not (isinstance(terms, list) and all(
                isinstance(t, list) and len(t) == 2 and isinstance(t[0], str)
                and isinstance(t[1], (int, float)) for t in terms)):
            return False
    return True


def workers(count: int) -> int:
    """How many processes to use for `count` posts: 1 below PARALLEL_MIN, else the cores this process may use."""
    wanted = os.environ.get("SMPSEO_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        cores = int(wanted)
    else:
        try:
            cores = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cores = os.cpu_count() or 1
    if count <= PARALLEL_MIN:
        return 1
    return max(1, min(cores, count // CHUNK))


def progress(total: int, desc: str, unit: str = "post"):
    """A tqdm bar for `total` posts (or other units) that shows after two seconds, on a terminal or in a notebook;
    else None."""
    if os.environ.get("CI") or os.environ.get("SMPSEO_PROGRESS", "").strip() in ("0", "false", "no"):
        return None
    in_notebook = _in_notebook()
    if not (in_notebook or sys.stderr.isatty()):
        return None
    try:
        import importlib.util

        if in_notebook and importlib.util.find_spec("ipywidgets") is not None:
            from tqdm.notebook import tqdm
        else:  # a terminal, or a notebook without widgets: a text bar
            from tqdm import tqdm
        return tqdm(total=total, desc=desc, unit=unit, delay=2, leave=False)
    except Exception:  # no widgets in this notebook: go without a bar
        return None


def _in_notebook() -> bool:
    """Running in a Jupyter kernel (JupyterLab, or papermill: `smpseo report` turns progress off for its runs)."""
    if "IPython" not in sys.modules:
        return False
    try:
        shell = sys.modules["IPython"].get_ipython()
    except Exception:
        return False
    return type(shell).__name__ == "ZMQInteractiveShell"


def _pool_context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork starts workers with the modules already imported; spawn (macOS, Windows) imports them again
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform == "linux" else "spawn")


def _map(func, items: Sequence, desc: str, unit: str, initializer=None, initargs: tuple = (),
         here=None) -> list:
    """`func(item)` for every item, in order, with a progress bar for long runs: in `workers()` processes (each
    started by `initializer(*initargs)`) when there are enough items, else here, after `here()`. A worker that
    stops mid-run (killed for memory, a crash in a library) costs no hang: the items it had not returned are
    worked out here, with one line saying so."""
    n = workers(len(items))
    bar = progress(len(items), desc, unit) if len(items) >= PROGRESS_MIN else None
    out: list = []

    def done(value) -> None:
        out.append(value)
        if bar is not None:
            bar.update()

    try:
        if n > 1 and _in_pool(n, func, items, initializer, initargs, done):
            return out
        if n > 1:
            print(f"smpseo: a worker process stopped while {desc} ({len(items) - len(out)} of {len(items)} "
                  f"{unit}s left): going on in this process", file=sys.stderr)
        if here is not None:
            here()
        for item in items[len(out):]:
            done(func(item))
    finally:
        if bar is not None:
            bar.close()
    return out


def _in_pool(n: int, func, items: Sequence, initializer, initargs: tuple, done) -> bool:
    """`done(func(item))` for every item in order, in a pool of `n` processes; False when a worker stopped before
    every result came back (the results before it were given to `done`). A pool of `concurrent.futures` rather
    than `multiprocessing.Pool`, which waits for ever for the tasks of a worker that was killed."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(n, mp_context=_pool_context(), initializer=initializer, initargs=initargs)
    finished = False
    try:
        for value in pool.map(func, items, chunksize=CHUNK):
            done(value)
        finished = True
    except BrokenProcessPool:
        finished = True  # every worker is gone: nothing left to wait for
        return False
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)  # interrupted (Ctrl-C): do not wait for the workers
    return True


def run(works: Sequence[Work], keyphrases: bool = True, desc: str = "analysing") -> list[dict]:
    """`analyse()` for every work item, in order: in worker processes when there are many, else here."""
    return _map(_analyse_keyphrases if keyphrases else _analyse_plain, works, desc, "post")


def _in_worker(setup, args) -> None:
    """A worker's start: one process per worker is enough (a file holding many posts is analysed here, not in a
    pool of its own), then the caller's `setup`."""
    os.environ["SMPSEO_WORKERS"] = "1"
    if setup is not None:
        setup(*args)


def run_each(func, items: Sequence, setup=None, args: tuple = (), desc: str = "reading",
             unit: str = "file") -> list:
    """`func(item)` for every item, in order: in worker processes when there are more than `PARALLEL_MIN` (as
    `run`), else here. `setup(*args)` runs once in each worker, and here, before the first item: what every item
    of the run shares (settings) reaches a worker once, not with each item."""
    return _map(func, items, desc, unit, _in_worker, (setup, args),
                here=(lambda: setup(*args)) if setup is not None else None)


def post_analysis(posts: Iterable, keyphrases: bool = True) -> list[dict]:
    """For each post, in order: {"scores": readability scores, "shares": long/passive/transition percentages,
    "terms": YAKE terms (with `keyphrases`; None when YAKE failed)}, from the cache where it can be."""
    posts = list(posts)
    works = [post_work(p) for p in posts]
    results: list[dict | None] = [None] * len(posts)
    keys: list[str | None] = [None] * len(posts)
    use_cache = cache.enabled()
    todo: dict[Work, list[int]] = {}  # identical posts are analysed once
    for i, work in enumerate(works):
        if use_cache:
            keys[i] = digest = cache.key(KIND, keyphrases, work)
            value = cache.get(KIND, digest)
            if _valid(value, keyphrases):
                results[i] = _thaw(value)
                continue
        todo.setdefault(work, []).append(i)
    if todo:
        fresh = run(list(todo), keyphrases)
        for indexes, value in zip(todo.values(), fresh, strict=True):
            if use_cache:
                cache.put(KIND, keys[indexes[0]], value)
            for i in indexes:
                results[i] = _thaw(dict(value))
    return results  # type: ignore[return-value]


__all__ = ["PARALLEL_MIN", "analyse", "post_analysis", "post_work", "progress", "run", "run_each", "workers"]
