"""Parallel analysis gives exactly what serial analysis gives; progress stays out of logs."""

from __future__ import annotations

import io
import os
import signal
import sys

import pytest

from smpseo.app import parallel

from .conftest import CLINIC_CONFIG, CLINIC_POSTS, shared

POSTS = CLINIC_POSTS


@pytest.fixture
def no_cache(monkeypatch):
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")


def test_workers_only_for_many_posts(monkeypatch):
    monkeypatch.setenv("SMPSEO_WORKERS", "2")
    assert parallel.workers(parallel.PARALLEL_MIN) == 1
    assert parallel.workers(500) == 2
    monkeypatch.setenv("SMPSEO_WORKERS", "1")
    assert parallel.workers(500) == 1
    monkeypatch.delenv("SMPSEO_WORKERS")
    assert parallel.workers(500) >= 1


def test_parallel_equals_serial(no_cache, monkeypatch):
    from smpseo.sources.readers import load_posts

    posts = list(load_posts(POSTS)) * 3  # repeated posts are analysed once
    monkeypatch.setenv("SMPSEO_WORKERS", "1")
    serial = parallel.post_analysis(posts)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    monkeypatch.setenv("SMPSEO_WORKERS", "2")
    assert parallel.workers(len(posts)) == 2
    used = []
    real = parallel._pool_context
    monkeypatch.setattr(parallel, "_pool_context", lambda: used.append(1) or real())
    assert parallel.run([parallel.post_work(p) for p in posts[:8]]) == parallel.run(
        [parallel.post_work(p) for p in posts[:8]])
    assert used
    assert parallel.post_analysis(posts) == serial
    assert serial[0]["terms"] and isinstance(serial[0]["terms"][0], tuple)


def test_check_in_parallel_equals_serial(no_cache, monkeypatch):
    from smpseo import check

    monkeypatch.setenv("SMPSEO_WORKERS", "1")
    serial = check(POSTS).to_dict()
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    monkeypatch.setenv("SMPSEO_WORKERS", "2")
    assert check(POSTS).to_dict() == serial


@pytest.mark.parametrize("cached", [False, True])
def test_analyze_of_many_files_in_parallel_equals_serial(cached, monkeypatch, tmp_path):
    """Many files: each is read, analysed and stored in a worker; the rows, errors and cache entries are the ones
    a single process makes."""
    import shutil

    from smpseo.app import analyze as app_analyze
    from smpseo.app.settings import load_config

    folder = tmp_path / "posts"
    folder.mkdir()
    for i in range(3):  # 24 files, one unreadable, one a draft
        for post in sorted(POSTS.glob("*.md")):
            shutil.copy(post, folder / f"{i}-{post.name}")
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    (folder / "draft.md").write_text("---\ntitle: Draft\ndraft: true\n---\nA draft post.\n", encoding="utf-8")
    config = load_config(CLINIC_CONFIG)
    if cached:
        monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "serial"))
        monkeypatch.delenv("SMPSEO_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    monkeypatch.setenv("SMPSEO_WORKERS", "1")
    serial = app_analyze.analyze_sources(folder, config=config)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    monkeypatch.setenv("SMPSEO_WORKERS", "2")
    used = []
    real = parallel._pool_context
    monkeypatch.setattr(parallel, "_pool_context", lambda: used.append(1) or real())
    if cached:
        monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "parallel"))
    assert app_analyze.analyze_sources(folder, config=config) == serial
    assert used
    assert len(serial[0]) == 24 and any("broken.md" in e.path for e in serial[1])
    if cached:
        def entries(root):
            return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.json")
                    if p.parts[len(root.parts)] in ("analyze-file", "post-analysis")}

        assert entries(tmp_path / "parallel") == entries(tmp_path / "serial")
        monkeypatch.setattr(parallel, "_pool_context", lambda: pytest.fail("nothing to analyse"))
        assert app_analyze.analyze_sources(folder, config=config) == serial  # warm: every file from the cache


def test_same_as_the_direct_calls(no_cache):
    from smpseo.analysis.extract import extract
    from smpseo.analysis.metrics import sentence_shares
    from smpseo.analysis.readability import scores
    from smpseo.sources.readers import load_posts

    for post in load_posts(POSTS):
        [done] = parallel.post_analysis([post])
        assert done["scores"] == scores(post)
        assert done["terms"] == extract(post)
        assert done["shares"] == sentence_shares(post)


@pytest.mark.slow
def test_parallel_on_the_18f_blog(no_cache, monkeypatch):
    from smpseo.sources.readers import load_posts

    posts = list(load_posts(shared("corpora", "18f-blog-posts")))[:60]
    monkeypatch.setenv("SMPSEO_WORKERS", "1")
    serial = parallel.post_analysis(posts, keyphrases=False)
    monkeypatch.setenv("SMPSEO_WORKERS", "2")
    assert parallel.workers(len(posts)) == 2
    assert parallel.post_analysis(posts, keyphrases=False) == serial


def test_no_progress_bar_in_logs(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal
    monkeypatch.delenv("CI", raising=False)
    assert parallel.progress(1000, "analysing") is None

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    bar = parallel.progress(1000, "analysing")
    assert bar is not None
    bar.close()
    monkeypatch.setenv("CI", "true")
    assert parallel.progress(1000, "analysing") is None


_PARENT = os.getpid()


def _dies_in_a_worker(item: int) -> int:
    """Item 7 kills the worker process it runs in (as the kernel does to a process using too much memory)."""
    if item == 7 and os.getpid() != _PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return item * 2


def test_a_worker_killed_mid_run_costs_no_hang(monkeypatch, capsys):
    monkeypatch.setenv("SMPSEO_WORKERS", "2")
    items = list(range(parallel.PARALLEL_MIN + 10))

    def too_long(*_):
        raise TimeoutError("the run waited for a worker that was gone")

    old = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(120)
    try:
        out = parallel.run_each(_dies_in_a_worker, items)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert out == [i * 2 for i in items]
    assert "a worker process stopped while reading" in capsys.readouterr().err
