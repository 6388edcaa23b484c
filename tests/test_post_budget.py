"""A post that runs past its time limit is not checked: it has no rating, is counted once, is among the monthly
report's problems, and the limit covers all of its work, its measures too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import smpseo.checks.run as run
from smpseo.checks.engine import RULES
from smpseo.cli import main
from smpseo.core.budget import time_budget
from smpseo.core.frozen import replace

HANG = 60  # seconds: far past the fixed code's fraction of a second
POST = "---\ntitle: {title}\ndescription: {title}, answered for clinics.\n---\n\n{title}: scalp micropigmentation " \
       "in Vancouver, answered in a few short sentences. It helps.\n"


@pytest.fixture
def posts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("smpseo.toml").write_text('[site]\nname = "Inkline"\ncity = "Vancouver"\n[keywords]\n'
                                   'targets = ["scalp micropigmentation"]\n', encoding="utf-8")
    Path("posts").mkdir()
    Path("posts/good.md").write_text(POST.format(title="Good"), encoding="utf-8")
    Path("posts/slow.md").write_text(POST.format(title="Slow"), encoding="utf-8")
    monkeypatch.setattr(run, "RULE_SECONDS", 0.05)
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    return Path("posts")


def _forever_on_slow(real):
    def slow(ctx, *args):
        if ctx.post.title == "Slow":
            while True:
                pass
        return real(ctx, *args)
    return slow


def _slow_rule(monkeypatch):
    real = RULES["RD101"]
    monkeypatch.setitem(RULES, "RD101", replace(real, func=_forever_on_slow(real.func)))


def test_a_post_not_checked_has_no_rating_and_is_counted_once(posts, capsys, monkeypatch):
    """It was rated "SEO good, readability good" and counted both as a post and as a file that could not be read
    ("in 2 posts; 2 files could not be read")."""
    _slow_rule(monkeypatch)
    with time_budget(HANG):
        assert main(["check", "posts", "--no-cache"]) == 1
    out, err = capsys.readouterr()
    assert err == "posts/slow.md: error: not checked: its checks took more than 0.05 s (the limit for one post)\n"
    assert "- posts/slow.md: not checked\n" in out
    assert "- posts/good.md: SEO " in out
    assert out.rstrip().endswith(" in 1 post; 1 post not checked")
    assert not [line for line in out.splitlines() if line.startswith("posts/slow.md:")]  # no site-wide rule either


def test_a_post_not_checked_is_among_the_monthly_report_s_problems(posts, monkeypatch):
    """The monthly summary's read_errors were empty, and the post showed 0 findings, as a post with none does."""
    from smpseo.app.report.monthly import monthly_report

    _slow_rule(monkeypatch)
    with time_budget(HANG):
        report = monthly_report("2026-10", posts="posts", summary_path="summary.json")
    summary = json.loads(Path("summary.json").read_text(encoding="utf-8"))
    assert summary["read_errors"] == [{"path": "slow.md", "line": 0, "severity": "error", "message":
                                       "not checked: its checks took more than 0.05 s (the limit for one post)"}]
    assert {p["path"]: p["findings"] for p in summary["posts"]}["slow.md"] is None
    assert {p["path"]: p["findings"] for p in summary["posts"]}["good.md"] >= 0
    assert {r.path: r.rating for r in report.ratings}["posts/slow.md"] is None


def test_the_time_limit_covers_a_post_s_measures_too(posts, capsys, monkeypatch):
    """Its metrics, keyword coverage and keyphrase counts ran after the limit, without one: a 5 MB paragraph took
    154 s more after "not checked", and a monthly report with it ran out of time whole."""
    real = run.coverage_matrix

    def counted_slowly(contexts, targets):
        if contexts[0].post.title == "Slow":
            while True:
                pass
        return real(contexts, targets)

    monkeypatch.setattr(run, "coverage_matrix", counted_slowly)
    with time_budget(HANG):
        assert main(["check", "posts", "--no-cache"]) == 1
    out, err = capsys.readouterr()
    assert "- posts/good.md: SEO " in out and "- posts/slow.md: not checked\n" in out
    assert err == "posts/slow.md: error: not checked: its checks took more than 0.05 s (the limit for one post)\n"
