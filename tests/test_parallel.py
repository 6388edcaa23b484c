"""Parallel analysis gives exactly what serial analysis gives; progress stays out of logs."""

from __future__ import annotations

import io
import sys

import pytest

from smpseo.app import parallel

from .conftest import CLINIC_POSTS, shared

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
