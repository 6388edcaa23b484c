"""The cache folder kept within its limit: the entries used least recently go first, once a day at most, and nothing
but smpseo's own entries is ever measured or deleted."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from smpseo.app import cache, cache_folder

from .conftest import ROOT

DAY = cache_folder.DAY


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(folder))
    monkeypatch.delenv("SMPSEO_NO_CACHE", raising=False)
    monkeypatch.delenv(cache_folder.ENV_MAX, raising=False)
    monkeypatch.setattr(cache_folder, "_measured", set())
    return folder


def _entry(folder, name: str, size: int, age_days: float, now: float):
    """An entry of about `size` bytes, last used `age_days` ago."""
    digest = cache.key("post-analysis", name)
    assert cache.put("post-analysis", digest, "x" * size, folder)
    path = cache._path("post-analysis", digest, folder)
    os.utime(path, (now - age_days * DAY, now - age_days * DAY))
    return digest, path


def test_the_least_recently_used_entries_go_first_until_four_fifths_of_the_limit(cache_dir):
    now = time.time()
    made = {age: _entry(cache_dir, f"post {age}", 10_000, age, now) for age in (1, 3, 5, 7, 9)}
    mine = cache_dir / "notes.txt"  # the user's, beside the entries: never counted nor deleted
    mine.write_text("x" * 100_000)
    total = sum(c["bytes"] for c in cache.usage(cache_dir).values())
    assert cache_folder.trim(cache_dir, total, now) == {}  # within the limit: nothing to do
    freed = cache_folder.trim(cache_dir, total - 1, now)  # over it by a byte: down to 4/5 of it
    left = sum(c["bytes"] for c in cache.usage(cache_dir).values())
    assert left <= (total - 1) * cache_folder.KEEP
    kept = [age for age, (_, path) in made.items() if path.exists()]
    assert kept == [1, 3, 5]  # the two used longest ago went, the others stay
    assert freed["post-analysis"]["entries"] == 2 and freed["post-analysis"]["bytes"] == total - left
    assert mine.read_text() == "x" * 100_000


def test_reading_an_entry_marks_it_used_once_a_day_at_most(cache_dir):
    now = time.time()
    digest, path = _entry(cache_dir, "read", 100, 3, now)
    assert cache.get("post-analysis", digest, cache_dir) == "x" * 100
    assert now - path.stat().st_mtime < 60  # marked as used now
    os.utime(path, (now - DAY / 2, now - DAY / 2))
    cache.get("post-analysis", digest, cache_dir)
    assert path.stat().st_mtime == pytest.approx(now - DAY / 2, abs=1)  # used within the day: left as it is


def test_the_folder_is_measured_once_a_day_by_the_first_process_that_writes(cache_dir, monkeypatch):
    monkeypatch.setenv(cache_folder.ENV_MAX, "0.05")  # 50,000 bytes
    now = time.time()
    old = [_entry(cache_dir, f"old {i}", 10_000, 30, now)[1] for i in range(10)]
    stamp = cache_dir / cache_folder.STAMP
    assert stamp.exists() and all(p.exists() for p in old)  # the first write measured it, before the others
    assert not cache_folder.now_and_then(cache_dir)  # measured today: not again
    os.utime(stamp, (now - 2 * DAY, now - 2 * DAY))
    assert cache_folder.now_and_then(cache_dir)
    assert sum(p.exists() for p in old) <= 4
    assert sum(c["bytes"] for c in cache.usage(cache_dir).values()) <= 40_000


def test_a_write_in_progress_is_never_trimmed(cache_dir):
    now = time.time()
    _entry(cache_dir, "entry", 10_000, 40, now)
    shard = next((cache_dir / "post-analysis").iterdir())
    fresh, stale = shard / ".tmp-fresh", shard / ".tmp-stale"
    fresh.write_bytes(b"x" * 10_000)
    stale.write_bytes(b"x" * 10_000)
    os.utime(stale, (now - 2 * DAY, now - 2 * DAY))
    cache_folder.trim(cache_dir, 1, now)
    assert fresh.exists() and not stale.exists()


@pytest.mark.parametrize(("given", "expected"), [("", 500_000_000), ("20", 20_000_000), ("0", None),
                                                 ("0.5", 500_000), ("lots", 500_000_000), ("-3", 500_000_000),
                                                 ("nan", 500_000_000), ("inf", None), ("1e30", int(1e36))])
def test_the_limit_is_read_from_the_environment(given, expected, monkeypatch):
    monkeypatch.setenv(cache_folder.ENV_MAX, given)
    assert cache_folder.limit() == expected


def test_no_limit_and_the_cache_off_leave_the_folder_as_it_is(cache_dir, monkeypatch):
    now = time.time()
    _, path = _entry(cache_dir, "kept", 10_000, 300, now)
    monkeypatch.setenv(cache_folder.ENV_MAX, "0")
    assert cache_folder.trim(cache_dir, now=now) == {} and path.exists()
    monkeypatch.setenv(cache_folder.ENV_MAX, "0.001")
    monkeypatch.setattr(cache_folder, "_measured", set())
    (cache_dir / cache_folder.STAMP).unlink()
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    assert cache.put("syllables", cache.key("syllables", "t"), "table", cache_dir, always=True)  # written even off
    assert path.exists() and not (cache_dir / cache_folder.STAMP).exists()


def test_cache_clear_removes_the_stamp_too(cache_dir, capsys):
    _entry(cache_dir, "one", 10, 0, time.time())
    assert (cache_dir / cache_folder.STAMP).exists()
    out = subprocess.run([sys.executable, "-m", "smpseo", "cache", "clear"], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert not cache_dir.exists()


def test_a_folder_that_cannot_be_listed_leaves_the_write_done(cache_dir, monkeypatch):
    def refused(root):
        raise PermissionError(13, "Permission denied", str(root))
        yield  # (a generator, as `files` is)

    monkeypatch.setattr(cache_folder, "files", refused)
    digest = cache.key("post-analysis", "kept")
    assert cache.put("post-analysis", digest, "value", cache_dir)
    assert cache.get("post-analysis", digest, cache_dir) == "value"
