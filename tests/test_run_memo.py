"""Whole runs remembered (`smpseo.app.memo`): a warm `check` or `gaps` prints exactly what a cold one prints, and any
change to the posts, the settings, the options or the other inputs gives a fresh result. Plus `smpseo cache`."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import shutil
import subprocess
import sys

import pytest

import smpseo.app.check
from smpseo.app import cache
from smpseo.cli import main

from .conftest import CLINIC_CONFIG, CLINIC_POSTS, DAMAGES, FIXTURES, ROOT, damage_entry

gaps_module = importlib.import_module("smpseo.app.gaps")

QUERIES = ROOT / "smpseo" / "data" / "examples" / "Queries.csv"
LONG_SENTENCE = ("Clients who book a consultation with our Vancouver clinic often ask how many sessions they need "
                 "and how long each of those sessions takes from start to finish.")
MRI_SECTION = """
## Is SMP a problem for MRI scans or donating blood?

SMP pigment is not a problem for MRI scans. Tell the MRI technician about your SMP before the scan anyway.
Donating blood after SMP is fine once the waiting period after any tattoo has passed. Blood banks ask about recent
tattoos, and SMP counts as one, so donating blood means waiting a few months after your last session.
"""
TOPIC_FILE = """topics:
  - id: beard_smp
    question: Can SMP fill in a patchy beard?
    phrasings: ["Does SMP work on beards?"]
"""


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """An empty cache for the test, switched on (`--no-cache` in a test sets the variable; this restores it)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(folder))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "0")
    monkeypatch.setenv("SMPSEO_WORKERS", "1")
    monkeypatch.delenv("SMPSEO_CACHE_MAX_MB", raising=False)
    return folder


@pytest.fixture
def site(tmp_path, cache_dir, monkeypatch):
    """A copy of the clinic's posts and settings, as the working folder: outputs name `posts/...`."""
    root = tmp_path / "site"
    shutil.copytree(CLINIC_POSTS, root / "posts")
    shutil.copy(CLINIC_CONFIG, root / "smpseo.toml")
    monkeypatch.chdir(root)
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def afresh(capsys, monkeypatch, *argv: str) -> tuple[int, str, str]:
    """The run worked out from nothing (the cache bypassed): what a remembered run must equal."""
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    try:
        return run(capsys, *argv)
    finally:
        monkeypatch.setenv("SMPSEO_NO_CACHE", "0")


@contextlib.contextmanager
def not_worked_out(monkeypatch):
    """Inside, a run that is worked out instead of coming from the memo fails the test."""
    def fail(*args, **kwargs):
        raise AssertionError("the run was worked out again")

    with monkeypatch.context() as patch:
        patch.setattr(smpseo.app.check, "_check", fail)
        patch.setattr(gaps_module, "_gaps", fail)
        yield


def memo_entries(folder, kind: str) -> list:
    return sorted((folder / kind).rglob("*.json")) if (folder / kind).is_dir() else []


def usage_bytes() -> int:
    return sum(kind["bytes"] for kind in cache.usage().values())


def findings_of(out: str, path: str, rule: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(f"{path}:") and f": {rule} " in line]


# ---- the same output, cold and warm -----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_warm_check_prints_what_cold_check_printed(site, cache_dir, capsys, monkeypatch, fmt):
    cold = run(capsys, "check", "posts", "--format", fmt)
    assert len(memo_entries(cache_dir, smpseo.app.check.RUN_KIND)) == 1
    with not_worked_out(monkeypatch):
        warm = run(capsys, "check", "posts", "--format", fmt)
    assert warm == cold
    assert afresh(capsys, monkeypatch, "check", "posts", "--format", fmt) == cold


def test_one_stored_run_serves_every_format(site, capsys, monkeypatch):
    """The memo holds the result, not the text: each format is rendered from it."""
    cold = {fmt: run(capsys, "check", "posts", "--format", fmt) for fmt in ("text", "json")}
    run(capsys, "cache", "clear")
    run(capsys, "check", "posts", "--format", "csv")
    with not_worked_out(monkeypatch):
        for fmt, expected in cold.items():
            assert run(capsys, "check", "posts", "--format", fmt) == expected


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_unreadable_files_are_reported_every_time(site, capsys, monkeypatch, fmt):
    shutil.copy(FIXTURES / "bad" / "invalid-yaml.md", site / "posts" / "invalid-yaml.md")
    (site / "posts" / "empty.md").write_bytes(b"")
    cold = run(capsys, "check", "posts", "--format", fmt)
    code, out, err = cold
    assert code == 1
    lines = err.splitlines()
    assert "posts/empty.md: error: file is empty" in lines
    assert any(line.startswith("posts/invalid-yaml.md:4: error: invalid YAML front matter") for line in lines)
    with not_worked_out(monkeypatch):
        assert run(capsys, "check", "posts", "--format", fmt) == cold


def test_exit_status_of_findings_is_kept(site, capsys, monkeypatch):
    (site / "posts" / "no-description.md").write_text("---\ntitle: Short post about SMP\n---\n\nSMP is quick.\n",
                                                      encoding="utf-8")
    cold = run(capsys, "check", "posts", "--rule", "SEO206")
    assert cold[0] == 1 and cold[2] == ""  # an error-level finding, no unreadable file
    with not_worked_out(monkeypatch):
        assert run(capsys, "check", "posts", "--rule", "SEO206") == cold
    assert run(capsys, "check", "posts", "--rule", "RD101")[0] == 0  # other options: another run


def test_the_real_command_prints_the_same_bytes(site, cache_dir):
    """The `smpseo` command itself, in processes of its own: stdout, stderr and status byte for byte."""
    (site / "posts" / "empty.md").write_bytes(b"")
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(cache_dir), "SMPSEO_NO_CACHE": "0"}
    runs = [subprocess.run([sys.executable, "-m", "smpseo", "check", "posts", "--format", "json"], cwd=site,
                           capture_output=True, env=env, timeout=300) for _ in range(2)]
    assert memo_entries(cache_dir, smpseo.app.check.RUN_KIND)
    cold, warm = ((r.returncode, r.stdout, r.stderr) for r in runs)
    assert warm == cold
    assert cold[0] == 1 and cold[2] == b"posts/empty.md: error: file is empty\n"


# ---- any change gives a fresh result ----------------------------------------------------------------------------
def test_editing_a_post_gives_a_fresh_result(site, capsys, monkeypatch):
    _, cold, _ = run(capsys, "check", "posts")
    post = site / "posts" / "what-is-smp.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n" + LONG_SENTENCE + "\n", encoding="utf-8")
    fresh = run(capsys, "check", "posts")
    assert fresh == afresh(capsys, monkeypatch, "check", "posts")
    path = "posts/what-is-smp.md"
    assert len(findings_of(fresh[1], path, "RD101")) == len(findings_of(cold, path, "RD101")) + 1


def test_adding_and_deleting_posts_give_fresh_results(site, capsys, monkeypatch):
    _, cold, _ = run(capsys, "check", "posts")
    shutil.copy(site / "posts" / "what-is-smp.md", site / "posts" / "what-is-smp-again.md")
    added = run(capsys, "check", "posts")
    assert added == afresh(capsys, monkeypatch, "check", "posts")
    assert "posts/what-is-smp-again.md:" in added[1] and "posts/what-is-smp-again.md:" not in cold

    (site / "posts" / "what-is-smp-again.md").unlink()
    (site / "posts" / "how-long-does-smp-last.md").unlink()
    deleted = run(capsys, "check", "posts")
    assert deleted == afresh(capsys, monkeypatch, "check", "posts")
    assert "posts/how-long-does-smp-last.md:" in cold and "posts/how-long-does-smp-last.md:" not in deleted[1]
    assert "in 7 posts" in deleted[1].splitlines()[-1]


def test_changing_the_settings_gives_a_fresh_result(site, capsys, monkeypatch):
    _, cold, _ = run(capsys, "check", "posts")
    assert " RD101 " in cold
    with (site / "smpseo.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[rules]\nRD101 = "off"\n')
    fresh = run(capsys, "check", "posts")
    assert fresh == afresh(capsys, monkeypatch, "check", "posts")
    assert " RD101 " not in fresh[1]

    other = site / "other.toml"  # --config: another file, other targets
    other.write_text((CLINIC_CONFIG).read_text(encoding="utf-8").replace('"SMP Vancouver",',
                                                                                 '"SMP Vancouver", "hair tattoo",'),
                     encoding="utf-8")
    named = run(capsys, "check", "posts", "--config", "other.toml")
    assert named == afresh(capsys, monkeypatch, "check", "posts", "--config", "other.toml")
    assert "hair tattoo" in named[1] and "hair tattoo" not in cold


def test_changing_the_options_gives_a_fresh_result(site, capsys, monkeypatch):
    _, everything, _ = run(capsys, "check", "posts")
    _, one_rule, _ = run(capsys, "check", "posts", "--rule", "RD101")
    assert one_rule != everything and {line.split()[1] for line in one_rule.splitlines()
                                       if line.startswith("posts/")} == {"RD101"}
    keyed = run(capsys, "check", "posts", "--keyphrase", "hair tattoo")
    assert keyed == afresh(capsys, monkeypatch, "check", "posts", "--keyphrase", "hair tattoo")
    assert keyed[1] != everything


def test_a_file_that_becomes_unreadable_is_reported(site, capsys, monkeypatch):
    post = site / "posts" / "what-is-smp.md"
    run(capsys, "check", "posts")
    post.write_bytes(b"")
    code, out, err = run(capsys, "check", "posts")
    assert code == 1 and err == "posts/what-is-smp.md: error: file is empty\n"


def test_a_run_whose_files_change_meanwhile_is_not_stored(site, cache_dir, capsys, monkeypatch):
    real = smpseo.app.check._check
    post = site / "posts" / "what-is-smp.md"

    def edited_meanwhile(*args, **kwargs):
        result = real(*args, **kwargs)
        post.write_text(post.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        return result

    monkeypatch.setattr(smpseo.app.check, "_check", edited_meanwhile)
    run(capsys, "check", "posts")
    assert memo_entries(cache_dir, smpseo.app.check.RUN_KIND) == []


# ---- a damaged entry is rebuilt ---------------------------------------------------------------------------------
@pytest.mark.parametrize("damage", [*DAMAGES, "wrong-shape", "missing-field"])
@pytest.mark.parametrize("command", ["check", "gaps"])
def test_a_damaged_memo_entry_is_rebuilt(site, cache_dir, capsys, command, damage):
    cold = run(capsys, command, "posts", "--format", "json")
    kind = {"check": smpseo.app.check.RUN_KIND, "gaps": gaps_module.RUN_KIND}[command]
    [path] = memo_entries(cache_dir, kind)
    entry = json.loads(path.read_bytes())
    if not damage_entry(path, damage, {"findings": "posts/x.md", "topics": "x"}):  # missing-field
        value = dict(entry["value"])
        del value["errors"]
        path.write_text(json.dumps({**entry, "value": value}))
    assert run(capsys, command, "posts", "--format", "json") == cold
    assert json.loads(path.read_bytes()) == entry  # rebuilt in place


def test_no_cache_writes_nothing(site, cache_dir, capsys):
    """Nothing of the posts or the runs; only a table built from shipped data (the syllable table), when this process
    has not built it yet: whether the folder exists depends on what ran before in the same process."""
    for command in ("check", "gaps"):
        assert run(capsys, command, "--no-cache", "posts")[0] in (0, 1)
    assert not cache_dir.exists() or {p.name for p in cache_dir.iterdir()} <= {"syllables"}


# ---- gaps -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_warm_gaps_prints_what_cold_gaps_printed(site, capsys, monkeypatch, fmt):
    shutil.copy(QUERIES, site / "Queries.csv")
    (site / "posts" / "empty.md").write_bytes(b"")
    argv = ("gaps", "posts", "--queries", "Queries.csv", "--format", fmt)
    cold = run(capsys, *argv)
    assert cold[0] == 1 and cold[2] == "posts/empty.md: error: file is empty\n"
    with not_worked_out(monkeypatch):
        assert run(capsys, *argv) == cold
    assert afresh(capsys, monkeypatch, *argv) == cold


def test_gaps_inputs_changing_give_fresh_results(site, capsys, monkeypatch):
    shutil.copy(QUERIES, site / "Queries.csv")
    argv = ("gaps", "posts", "--queries", "Queries.csv")
    _, cold, _ = run(capsys, *argv)

    queries = site / "Queries.csv"  # more demand for one query
    queries.write_text(queries.read_text(encoding="utf-8").replace('"1,940"', '"9,940"'), encoding="utf-8")
    _, more_demand, _ = run(capsys, *argv)
    assert (0, more_demand, "") == afresh(capsys, monkeypatch, *argv) and more_demand != cold

    (site / "beard.yml").write_text(TOPIC_FILE, encoding="utf-8")  # a topic of one's own
    _, own_topic, _ = run(capsys, *argv, "--topics", "beard.yml")
    assert "Can SMP fill in a patchy beard?" in own_topic and "patchy beard" not in more_demand

    mri = "Is SMP a problem for MRI scans or donating blood?"  # a post answers a question left open

    def row(out: str) -> str:
        return next(line for line in out.splitlines() if mri in line)

    post = site / "posts" / "what-is-smp.md"
    post.write_text(post.read_text(encoding="utf-8") + MRI_SECTION, encoding="utf-8")
    _, answered, _ = run(capsys, *argv)
    assert (0, answered, "") == afresh(capsys, monkeypatch, *argv)
    assert row(answered).split()[2:4] == ["answered", mri.split()[0]] and row(answered) != row(more_demand)

    (site / "posts" / "how-long-does-smp-last.md").unlink()  # one post fewer
    _, fewer, _ = run(capsys, *argv)
    assert "over 7 posts" in fewer and "over 8 posts" in answered


# ---- the library ------------------------------------------------------------------------------------------------
def test_library_calls_on_paths_are_remembered(site, monkeypatch):
    from smpseo import check, gaps
    from smpseo.model.gaps import GapReport
    from smpseo.model.results import CheckResult

    result, report = check("posts"), gaps("posts", queries=QUERIES)
    assert CheckResult.from_record(json.loads(json.dumps(result.to_record()))) == result  # field for field
    assert GapReport.from_record(json.loads(json.dumps(report.to_record()))) == report
    with not_worked_out(monkeypatch):
        assert check("posts") == result and check(["posts"]) == result
        assert gaps("posts", queries=QUERIES) == report


def test_posts_already_read_are_not_remembered(site, cache_dir):
    from smpseo import check, gaps, load_posts

    corpus = load_posts("posts")
    check(corpus)
    gaps(corpus)
    assert not memo_entries(cache_dir, smpseo.app.check.RUN_KIND) and not memo_entries(cache_dir, gaps_module.RUN_KIND)


# ---- smpseo cache info | clear ----------------------------------------------------------------------------------
def test_cache_info_and_clear_where_there_is_no_folder(cache_dir, capsys):
    code, out, err = run(capsys, "cache", "info")
    assert code == 0 and err == ""
    assert out.splitlines() == [f"cache folder: {cache_dir} (not created yet)", "caching: on",
                                "entries: 0 (0 B; limit 500.0 MB, SMPSEO_CACHE_MAX_MB)"]
    assert run(capsys, "cache", "clear") == (0, f"removed 0 entries (0 B) from {cache_dir}\n", "")
    assert not cache_dir.exists()


def test_cache_info_and_clear_on_an_empty_folder(cache_dir, capsys, monkeypatch):
    cache_dir.mkdir()
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    code, out, _ = run(capsys, "cache", "info")
    assert code == 0
    assert out.splitlines() == [f"cache folder: {cache_dir}", "caching: off (SMPSEO_NO_CACHE is set)",
                                "entries: 0 (0 B; limit 500.0 MB, SMPSEO_CACHE_MAX_MB)"]
    assert run(capsys, "cache", "clear")[:2] == (0, f"removed 0 entries (0 B) from {cache_dir}\n")


def test_a_cache_folder_that_is_a_file_is_said_so(cache_dir, capsys):
    cache_dir.write_text("not a folder\n")
    for action in ("info", "clear"):
        code, out, err = run(capsys, "cache", action)
        assert (code, out) == (1, "") and err == (f"smpseo: error: {cache_dir}: the cache folder is a file: nothing "
                                                  "is cached (set SMPSEO_CACHE_DIR to a folder)\n")
    assert cache_dir.read_text() == "not a folder\n"


def test_entries_clear_could_not_delete_are_said_so(site, cache_dir, capsys, monkeypatch):
    from pathlib import Path

    run(capsys, "check", "posts")
    count = len(list(cache_dir.rglob("*.json")))

    def refuse(self, missing_ok=False):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)  # a read-only folder, as another account's or a mount's
    code, out, err = run(capsys, "cache", "clear")
    assert (code, out) == (1, f"removed 0 entries (0 B) from {cache_dir}\n")
    assert err.startswith(f"smpseo: error: {count} entries not removed: Permission denied (")
    monkeypatch.undo()
    assert len(list(cache_dir.rglob("*.json"))) == count


def test_cache_info_and_clear_on_a_filled_folder(site, cache_dir, capsys):
    run(capsys, "check", "posts")
    run(capsys, "gaps", "posts")
    files = sorted(cache_dir.rglob("*.json"))
    size = sum(f.stat().st_size for f in files)
    # what is not smpseo's stays: a file of the user's beside the entries, one in a kind's folder
    (cache_dir / "notes.txt").write_text("mine")
    (cache_dir / "check-run" / "keep.txt").write_text("mine too")

    code, out, _ = run(capsys, "cache", "info")
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [f"cache folder: {cache_dir}", "caching: on"]
    assert lines[2].startswith(f"entries: {len(files)} (")
    kinds = {line.split()[0]: int(line.split()[1]) for line in lines[3:]}
    assert kinds["check-run"] == 1 and kinds["gaps-run"] == 1 and kinds["post-analysis"] == 8
    assert sum(kinds.values()) == len(files)
    assert usage_bytes() == size

    code, out, _ = run(capsys, "cache", "clear")
    assert code == 0 and out.startswith(f"removed {len(files)} entries (") and out.endswith(f" from {cache_dir}\n")
    assert not list(cache_dir.rglob("*.json"))
    assert sorted(p.relative_to(cache_dir).as_posix() for p in cache_dir.rglob("*")) == [
        "check-run", "check-run/keep.txt", "notes.txt"]
    assert run(capsys, "cache", "info")[1].splitlines()[2] == "entries: 0 (0 B; limit 500.0 MB, SMPSEO_CACHE_MAX_MB)"


def test_clear_never_follows_a_link_out_of_the_folder(cache_dir, tmp_path):
    outside = tmp_path / "outside" / "ab"
    outside.mkdir(parents=True)
    victim = outside / ("ab" + "0" * 62 + ".json")
    victim.write_text("{}")
    cache_dir.mkdir()
    (cache_dir / "post-analysis").symlink_to(outside.parent, target_is_directory=True)
    assert cache.usage() == {} and cache.clear() == 0
    assert victim.exists()


def test_cache_help(capsys):
    for argv in (["cache", "--help"], ["cache", "info", "--help"], ["cache", "clear", "--help"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 0
        assert "usage: smpseo cache" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        main(["cache"])
    assert stop.value.code == 2  # `smpseo cache` alone: a usage error


def test_editing_the_sites_own_settings_gives_a_fresh_result(tmp_path, cache_dir, capsys, monkeypatch):
    """A Jekyll site's `_config.yml` says what `{{ site.phone }}` and `{{ site.tagline }}` print in its posts:
    edited, the posts are read and checked again, by the whole run, the file's kept reading, a single post's check
    and `analyze` alike."""
    root = tmp_path / "jekyll"
    (root / "_posts").mkdir(parents=True)
    shutil.copy(CLINIC_CONFIG, root / "smpseo.toml")
    phone = next(line.split('"')[1] for line in CLINIC_CONFIG.read_text(encoding="utf-8").splitlines()
                 if line.startswith("phone"))
    mistyped = phone[:-1] + ("1" if phone[-1] != "1" else "2")
    config = root / "_config.yml"
    config.write_text(f'title: Test\nphone: "{mistyped}"\ntagline: "Pigment"\n', encoding="utf-8")
    (root / "_posts" / "2025-01-02-smp-aftercare.md").write_text(
        '---\ntitle: "SMP aftercare"\n---\n\nKeep it dry for four days. {{ site.tagline }}.\n\nCall us at '
        "{{ site.phone }} to book your next session.\n", encoding="utf-8")
    monkeypatch.chdir(root)
    runs = [["check", "."], ["check", "_posts/2025-01-02-smp-aftercare.md"], ["analyze", ".", "--format", "json"]]
    before = [run(capsys, *argv) for argv in runs]
    assert all(" LOC306 " in out for _, out, _ in before[:2])
    config.write_text(f'title: Test\nphone: "{phone}"\ntagline: "Pigment that lasts for years"\n',
                      encoding="utf-8")
    after = [run(capsys, *argv) for argv in runs]
    assert after == [afresh(capsys, monkeypatch, *argv) for argv in runs]
    assert all(" LOC306 " not in out for _, out, _ in after[:2]) and after[2] != before[2]
