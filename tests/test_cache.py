"""The analysis cache: same results cold, warm and bypassed; a damaged entry is rebuilt, never trusted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smpseo.app import cache
from smpseo.app.parallel import KIND, post_analysis, post_work

from .conftest import CLINIC_CONFIG, CLINIC_POSTS, DAMAGES, ROOT, damage_entry

POSTS = CLINIC_POSTS


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(folder))
    monkeypatch.delenv("SMPSEO_NO_CACHE", raising=False)
    monkeypatch.setenv("SMPSEO_WORKERS", "1")
    return folder


def entries(folder, kind=KIND):
    return sorted((folder / kind).rglob("*.json")) if (folder / kind).is_dir() else []


def test_where_the_cache_lives(monkeypatch, tmp_path):
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "moved"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == tmp_path / "moved"
    monkeypatch.delenv("SMPSEO_CACHE_DIR")
    assert cache.directory() == tmp_path / "xdg" / "smpseo"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform.startswith("linux"):
        assert cache.directory() == tmp_path / "home" / ".cache" / "smpseo"
    from platformdirs import user_cache_dir  # the answer, on every platform, is platformdirs'

    assert cache.directory() == Path(user_cache_dir("smpseo", appauthor=False))
    monkeypatch.setenv("XDG_CACHE_HOME", "  ")  # blank: as if unset (platformdirs reads it so)
    assert cache.directory() == Path(user_cache_dir("smpseo", appauthor=False))


def test_finding_the_cache_imports_nothing_on_linux(tmp_path):
    """On Linux the folder is worked out without platformdirs, which imports tempfile and random for it: modules a
    check of a new post has no other use for."""
    if not sys.platform.startswith("linux"):
        pytest.skip("platformdirs finds the folder elsewhere")
    env = {k: v for k, v in os.environ.items() if k not in ("SMPSEO_CACHE_DIR", "XDG_CACHE_HOME")}
    env["HOME"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", "import sys; from smpseo.app import cache; print(cache.directory(), "
                          "sorted({'platformdirs', 'tempfile'} & set(sys.modules)))"],
                         capture_output=True, text=True, env=env, timeout=60, check=True)
    assert out.stdout.split() == [str(tmp_path / ".cache" / "smpseo"), "[]"]


def test_key_changes_with_input_settings_and_versions(monkeypatch):
    base = cache.key("k", "text", {"targets": ["smp"]})
    assert base == cache.key("k", "text", {"targets": ["smp"]})
    assert base != cache.key("k", "text.", {"targets": ["smp"]})
    assert base != cache.key("k", "text", {"targets": ["smp", "vancouver smp"]})
    assert base != cache.key("other", "text", {"targets": ["smp"]})
    monkeypatch.setattr(cache, "versions", lambda: {"smpseo": "9.9", "textstat": "0.7.13", "yake": "0.7.3"})
    assert base != cache.key("k", "text", {"targets": ["smp"]})


def test_key_is_the_sha256_of_everything_as_one_json_text():
    import datetime
    import hashlib

    for kind, *parts in [("k",), ("post-analysis", True, (("é\u2028", True), ("x", False))),
                         ("c", {"b": 1, "a": [1, 2.5, None]}, datetime.date(2026, 1, 1))]:
        text = json.dumps([cache.FORMAT, kind, cache.versions(), tuple(parts)], ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"), default=str)
        assert cache.key(kind, *parts) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_key_holds_the_code_digest():
    found = cache.versions()  # worked out once per process: the code it runs does not change under it
    assert len(found["code"]) == 64 and int(found["code"], 16) >= 0
    assert len(cache.code_digest()) == 64
    assert {"smpseo", "textstat", "yake"} <= found.keys()


def test_versions_are_remembered_for_an_installation(cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "_fingerprint", lambda files: ["an installation", len(files)])
    versions = cache.versions.__wrapped__
    first = versions()
    assert first == cache.versions() and len(list((cache_dir / cache.INSTALLED).rglob("*.json"))) == 1

    import importlib.metadata

    def unused(name):
        raise AssertionError("a remembered installation asks importlib.metadata nothing")

    monkeypatch.setattr(importlib.metadata, "version", unused)
    assert versions() == first


def test_a_changed_code_file_or_folder_is_a_new_installation(tmp_path):
    code = tmp_path / "code.py"
    code.write_text("x = 1\n")
    old = 1_000_000_000_000_000_000  # 2001
    os.utime(code, ns=(old, old))
    os.utime(tmp_path, ns=(old, old))
    before = cache._fingerprint([code])
    if before is None:  # a folder on sys.path changed in the last two seconds: nothing to compare
        return
    os.utime(code, ns=(old + 1, old + 1))
    assert cache._fingerprint([code]) not in (None, before)
    code.write_text("x = 2\n")  # changed just now: not remembered, so an edit in the same clock tick is not missed
    assert cache._fingerprint([code]) is None


def test_round_trip_and_bypass(cache_dir, monkeypatch):
    digest = cache.key("k", "x")
    assert cache.get("k", digest) is None
    assert cache.put("k", digest, {"a": [1, 2.5, None, "é"]})
    assert cache.get("k", digest) == {"a": [1, 2.5, None, "é"]}
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    assert cache.get("k", digest) is None
    assert not cache.put("k", cache.key("k", "y"), 1)
    assert len(list((cache_dir / "k").rglob("*.json"))) == 1  # (the first key of a process may also remember
    monkeypatch.delenv("SMPSEO_NO_CACHE")                     # its installation, in an entry of its own)
    entries = len(list(cache_dir.rglob("*.json")))
    assert cache.clear() == entries >= 1
    assert cache.get("k", digest) is None and not cache_dir.exists()


@pytest.mark.parametrize("text", ["", " a=1 b=2 ", "é “quoted” ✓ \U0001f600", 'a "quote"', "a \\ backslash", "tab\tand\nline",
                                  "\x00\x1f", '"', "\\", "\ud800 lone surrogate", "x" * 100_000])
def test_a_string_comes_back_as_json_reads_it(cache_dir, text):
    """A string with nothing escaped is read as it stands (the syllable tables), any other through JSON: both give
    the string that was put."""
    digest = cache.key("k", text)
    assert cache.put("k", digest, text)
    assert cache.get("k", digest) == text
    assert cache.get("k", digest) == json.loads(json.dumps(text))


@pytest.mark.parametrize("damage", [*DAMAGES, "not-a-dict", "wrong-shape", "directory"])
def test_a_damaged_entry_is_rebuilt_not_trusted(cache_dir, damage):
    from smpseo.sources.readers import load_posts

    posts = list(load_posts(POSTS / "what-is-smp.md"))
    fresh = post_analysis(posts)
    [path] = entries(cache_dir)
    entry = json.loads(path.read_bytes())
    if damage == "not-a-dict":
        path.write_text(json.dumps([entry]))
    elif not damage_entry(path, damage, {"scores": {}, "shares": {}, "terms": "import os"}):  # directory
        path.unlink()
        path.mkdir()
    assert post_analysis(posts) == fresh
    if damage != "directory":
        assert json.loads(path.read_bytes()) == entry  # rebuilt in place


def test_an_entry_from_another_post_is_not_used(cache_dir):
    from smpseo.sources.readers import load_posts

    a, b = list(load_posts(POSTS / "what-is-smp.md", POSTS / "how-long-does-smp-last.md"))
    post_analysis([a])
    [path] = entries(cache_dir)
    digest_b = cache.key(KIND, True, post_work(b))
    target = path.parent.parent / digest_b[:2] / f"{digest_b}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, target)  # a's entry under b's name: its header names a's key
    assert post_analysis([b]) == post_analysis([b]) != post_analysis([a])
    assert json.loads(target.read_text())["key"] == digest_b


def _keep_key_take_the_rest(target: Path, source: Path) -> None:
    """Write `source`'s entry over `target`, keeping `target`'s own key: well-formed, the right header, a seal that
    matches the value beside it."""
    forged = {**json.loads(source.read_bytes()), "key": json.loads(target.read_bytes())["key"]}
    target.write_text(json.dumps(forged, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def test_an_entry_copied_over_another_with_its_key_kept_is_not_read(cache_dir):
    """The seal covers the key too: another entry's value and seal under this key's header is an edit, not this
    entry."""
    mine, other = cache.key("k", "mine"), cache.key("k", "other")
    cache.put("k", mine, {"post": "mine"})
    cache.put("k", other, {"post": "other"})
    paths = {digest: cache._path("k", digest) for digest in (mine, other)}
    _keep_key_take_the_rest(paths[mine], paths[other])
    assert json.loads(paths[mine].read_bytes())["key"] == mine
    assert cache.get("k", mine) is None and cache.get("k", other) == {"post": "other"}
    slot, run = "slot", cache.key("run", "this")  # a slot: the file is named by the slot, its header holds the key
    cache.put("run", slot, {"run": "earlier"}, holds=cache.key("run", "earlier"))
    entry = json.loads(cache._path("run", slot).read_bytes())
    cache._path("run", slot).write_text(json.dumps({**entry, "key": run}, separators=(",", ":")), encoding="utf-8")
    assert cache.get("run", slot, holds=run) is None


def test_entries_copied_over_each_other_are_worked_out_again(cache_dir, tmp_path):
    """Every entry of each kind made into the first one, its own key kept: the run gives the posts it gave cold (it
    gave the first post eight times, and warned of duplicate slugs that are not there)."""
    from smpseo.app.analyze import analyze_sources

    folder = tmp_path / "posts"
    shutil.copytree(POSTS, folder)
    cold = analyze_sources(folder)
    forged = 0
    for kind in (k for k in cache_dir.iterdir() if k.is_dir()):
        first, *rest = entries(cache_dir, kind.name)
        for path in rest:
            _keep_key_take_the_rest(path, first)
            forged += 1
    assert forged >= len(cold[0])
    assert analyze_sources(folder) == cold


def test_an_entry_of_the_previous_format_is_a_miss(cache_dir):
    """An entry written before the seal covered the key (`smpseo-cache/2`: the value's digest alone) is not read,
    and the next `put` replaces it."""
    from smpseo.core.hashing import blake2b

    digest = cache.key("k", "earlier")
    path = cache._path("k", digest)
    path.parent.mkdir(parents=True)
    body = b'{"post":"earlier"}'
    seal = blake2b(body, digest_size=8).encode()
    path.write_bytes(b'{"format":"smpseo-cache/2","key":"' + digest.encode() + b'","seal":"' + seal + b'","value":'
                     + body + b"}")
    assert cache.get("k", digest) is None
    assert cache.put("k", digest, {"post": "now"}) and cache.get("k", digest) == {"post": "now"}


def test_check_is_the_same_cold_warm_and_without_cache(cache_dir, monkeypatch):
    from smpseo import check

    cold = check(POSTS).to_dict()
    assert entries(cache_dir)
    warm = check(POSTS).to_dict()
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    bypassed = check(POSTS).to_dict()
    assert cold == warm == bypassed
    assert json.dumps(cold) == json.dumps(warm)  # same types too (tuples, floats)


def test_analyze_reads_only_changed_files(cache_dir, tmp_path, monkeypatch):
    from smpseo.app.analyze import analyze, analyze_sources
    from smpseo.app.settings import load_config
    from smpseo.sources.readers import load_posts

    folder = tmp_path / "posts"
    shutil.copytree(POSTS, folder)
    config = load_config(CLINIC_CONFIG)
    corpus = load_posts(folder)
    expected = analyze(corpus, config)
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    assert analyze_sources(folder, config=config) == (expected, list(corpus.errors))
    monkeypatch.delenv("SMPSEO_NO_CACHE")
    assert analyze_sources(folder, config=config)[0] == expected  # cold: fills the cache
    files = entries(cache_dir, "analyze-file")
    assert len(files) == len(list(folder.glob("*.md")))

    import smpseo.app.analyze as app_analyze

    read = []
    real = app_analyze.read_source
    monkeypatch.setattr(app_analyze, "read_source", lambda path, *a, **k: read.append(path) or real(path, *a, **k))
    assert analyze_sources(folder, config=config)[0] == expected  # warm: no file parsed
    assert read == []

    post = folder / "what-is-smp.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more plain sentence for the test.\n", encoding="utf-8")
    rows, _ = analyze_sources(folder, config=config)
    assert read == [post]
    assert rows == analyze(load_posts(folder), config)
    assert rows != expected

    other = load_config(CLINIC_CONFIG)
    other.targets.append("hairline tattoo")
    read.clear()
    rows, _ = analyze_sources(folder, config=other)
    assert len(read) == len(files)  # other settings: every file again
    assert all("kw: hairline tattoo" in r for r in rows)


def test_analyze_keeps_read_warnings_and_duplicate_slugs_when_warm(cache_dir, tmp_path):
    from smpseo.app.analyze import analyze_sources
    from smpseo.sources.readers import load_posts

    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: A\nslug: same\n---\n\nSMP lasts years.\n", encoding="utf-8")
    (folder / "b.md").write_text("---\ntitle: B\nslug: same\n---\n\nSMP is quick.\n", encoding="utf-8")
    (folder / "c.md").write_bytes("---\ntitle: C\n---\n\nCaf\xe9 talk about SMP.\n".encode("latin-1"))
    expected = [str(e) for e in load_posts(folder).errors]
    assert expected
    for _ in range(2):  # cold, then warm
        rows, errors = analyze_sources(folder)
        assert [str(e) for e in errors] == expected
        assert len(rows) == 3


def test_no_cache_option_writes_nothing(tmp_path):
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(tmp_path / "c")}
    env.pop("SMPSEO_NO_CACHE", None)
    for command in ("analyze", "check", "gaps"):
        out = subprocess.run([sys.executable, "-m", "smpseo", command, "--no-cache", str(POSTS / "what-is-smp.md")],
                             capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        assert out.returncode in (0, 1), out.stderr
        assert not entries(tmp_path / "c") and not entries(tmp_path / "c", "analyze-file")


def test_syllable_table_is_the_dictionary(cache_dir):
    from smpseo.core.syllables import _dictionary_text, _parse_counts, cmu_pronunciations

    table = cmu_pronunciations()
    counts = _parse_counts(_dictionary_text())
    assert counts.keys() == table.keys()
    assert all(counts[w] == sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in table.items())


def test_a_damaged_syllable_table_is_rebuilt(tmp_path):
    script = ("import smpseo.app.cache; from smpseo.core.syllables import textstat; "
              "print(textstat().syllable_count('Scalp micropigmentation lasts for years, barely a needle.'))")
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(tmp_path / "c")}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    tables = list((tmp_path / "c" / "syllables").rglob("*.json"))
    assert len(tables) == 2, first.stderr  # the dictionary's text and its index
    for table in tables:
        table.write_text(table.read_text()[:1000])
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert first.stdout == second.stdout == "14\n", (first.stderr, second.stderr)
    assert all(json.loads(table.read_text())["format"] == cache.FORMAT for table in tables)
