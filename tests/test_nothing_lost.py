"""Nothing lost: `import` and `report` write atomically, never overwrite unasked, and a run killed halfway leaves
every earlier file as it was. Only `import` ever writes into a posts folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smpseo.cli import main
from smpseo.sources.readers import load_posts
from smpseo.sources.writer import write_atomic

from .conftest import CLINIC_POSTS, FIXTURES

GOOD = FIXTURES / "bad" / "good.md"
REPORT_POSTS = FIXTURES / "report_posts"


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under `folder` (hidden ones too): (size, mtime in ns, sha256)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            found[path.relative_to(folder).as_posix()] = (st.st_size, st.st_mtime_ns,
                                                          hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def _wxr(path: Path, count: int) -> None:
    items = []
    for i in range(count):
        body = "".join(f"<p>Paragraph {k} of post {i}: scalp micropigmentation lasts for years when you look after "
                       "it. Sun and sweat fade the pigment.</p>\n" for k in range(6))
        items.append(f"<item><title>Post number {i}</title><wp:post_name>post-number-{i}</wp:post_name>"
                     f"<wp:post_id>{i}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>\n"
                     f"<content:encoded><![CDATA[{body}]]></content:encoded></item>\n")
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                    'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><wp:wxr_version>1.2</wp:wxr_version>\n'
                    + "".join(items) + "</channel></rss>\n", encoding="utf-8")


def _smpseo(*args, cwd: Path) -> subprocess.Popen:
    """The command in a process group of its own, so that killing it kills its notebook kernel too."""
    return subprocess.Popen([sys.executable, "-m", "smpseo", *map(str, args)], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _kill(proc: subprocess.Popen) -> None:
    """SIGKILL, as a crash or a power cut would end the run: no cleanup code runs."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate(timeout=30)


# -- writing a file --------------------------------------------------------------------------------------------------

def test_write_atomic_leaves_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "post.md"
    target.write_text("the earlier post\n", encoding="utf-8")
    target.chmod(0o640)
    import smpseo.sources.writer as writer

    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, text):
            self.fh.write(text[: len(text) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "fdopen", lambda *a, **k: Failing(real_fdopen(*a, **k)))
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "the new post, much longer than the old one\n" * 100)
    assert target.read_text(encoding="utf-8") == "the earlier post\n"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]  # no temporary file left behind
    monkeypatch.undo()
    write_atomic(target, "replaced\n")
    assert target.read_text(encoding="utf-8") == "replaced\n"
    assert target.stat().st_mode & 0o777 == 0o640  # a rewrite keeps the file's permissions


def test_new_files_get_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.md", "text\n")
    finally:
        os.umask(old)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o644


def test_import_never_overwrites_unless_forced(tmp_path, capsys):
    out = tmp_path / "posts"
    out.mkdir()
    mine = out / "how-long-does-smp-last.md"
    mine.write_text("---\ntitle: My own edit\n---\n\nEdited by hand.\n", encoding="utf-8")
    before = snapshot(out)
    time.sleep(0.01)
    assert main(["import", str(GOOD), "--to", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"skipped, exists: {mine}"
    assert snapshot(out) == before
    assert main(["import", str(GOOD), "--to", str(out), "--force"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert "Edited by hand" not in mine.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["how-long-does-smp-last.md"]


def test_import_keeps_a_symbolic_link_in_the_way_and_writes_the_rest(tmp_path, capsys):
    export = FIXTURES / "wxr" / "themeunittestdata.wordpress.xml"
    out, notes = tmp_path / "posts", tmp_path / "notes.txt"
    out.mkdir()
    notes.write_text("my notes\n")
    assert main(["import", str(export), "--to", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    first = out / written[0]
    first.unlink()
    first.symlink_to(notes)  # a post's name taken by a link to a file outside
    capsys.readouterr()
    for force in ([], ["--force"]):
        code = main(["import", str(export), "--to", str(out), *force])
        stdout, err = capsys.readouterr()
        if force:
            assert code == 1 and err == f"{first}: error: a symbolic link is there; not replaced\n"
            assert stdout.count("wrote ") == len(written) - 1
        else:
            assert code == 0 and f"skipped, exists: {first}" in stdout
        assert first.is_symlink() and notes.read_text() == "my notes\n"
    assert sorted(p.name for p in out.iterdir()) == written


def test_import_into_a_file_is_refused(tmp_path, capsys):
    target = tmp_path / "posts"
    target.write_text("not a folder\n")
    assert main(["import", str(GOOD), "--to", str(target)]) == 2
    assert target.read_text() == "not a folder\n"
    assert "not a folder" in capsys.readouterr().err


# -- killed halfway --------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_import_killed_halfway_leaves_whole_files_only(tmp_path):
    dump = tmp_path / "export.xml"
    _wxr(dump, 6000)
    out = tmp_path / "posts"
    out.mkdir()
    earlier = out / "post-number-5.md"
    earlier.write_text("---\ntitle: Written earlier by hand\n---\n\nKeep me.\n", encoding="utf-8")
    (out / "notes.txt").write_text("not a post\n")
    before = snapshot(out)

    proc = _smpseo("import", dump, "--to", out, cwd=tmp_path)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        # final names only: a hidden temporary file being written is not yet a post (and files are only added)
        if sum(1 for e in os.scandir(out) if not e.name.startswith(".")) >= 302:
            break
        time.sleep(0.001)
    _kill(proc)
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"

    names = sorted(p.name for p in out.iterdir())
    finals = [n for n in names if not n.startswith(".")]
    assert 300 <= len(finals) < 6002, len(finals)
    # Only hidden temporary files may be left; every file with a final name is whole.
    assert all(n.endswith(".tmp") for n in names if n.startswith(".")), names
    for name, state in before.items():
        assert snapshot(out)[name] == state, f"{name} was changed"
    corpus = load_posts(out)
    assert not [e for e in corpus.errors if e.severity == "error"]
    assert len(corpus) == len(finals) - 1  # every .md file reads as one post (notes.txt is not one)
    for post in corpus:
        if post.path != str(earlier):
            i = int(post.slug.rsplit("-", 1)[1])
            assert post.title == f"Post number {i}" and len(post.paragraphs) == 6, post.path

    # Run again: the files already there are kept, the rest are written, and nothing is lost.
    again = _smpseo("import", dump, "--to", out, cwd=tmp_path)
    stdout, stderr = again.communicate(timeout=300)
    assert again.returncode == 0, stderr
    assert earlier.read_text(encoding="utf-8") == "---\ntitle: Written earlier by hand\n---\n\nKeep me.\n"
    assert len([p for p in out.glob("*.md")]) == 6000


def _report(cwd: Path, month: str = "2026-10") -> subprocess.Popen:
    return _smpseo("report", "monthly", "--month", month, "--posts", "posts", "--out", "reports", cwd=cwd)


@pytest.mark.slow
def test_report_killed_halfway_leaves_the_earlier_report(tmp_path):
    shutil.copytree(REPORT_POSTS, tmp_path / "posts")
    first = _report(tmp_path)
    stdout, stderr = first.communicate(timeout=600)
    assert first.returncode == 0, stderr
    reports = tmp_path / "reports"
    before = snapshot(reports)
    assert "2026-10/monthly_report.html" in before and "index.html" in before

    # Kill the second run while its notebook executes (its staging folder exists, the kernel is running).
    (tmp_path / "posts" / "how-long-does-smp-last.md").write_text(GOOD.read_text(encoding="utf-8"))
    second = _report(tmp_path, "2026-10")
    deadline = time.monotonic() + 300
    staged = []
    while time.monotonic() < deadline and second.poll() is None:
        staged = [p for p in reports.iterdir() if p.name.startswith(".2026-10.running-")]
        if staged and any(staged[0].iterdir()):
            break
        time.sleep(0.01)
    _kill(second)
    assert second.returncode == -signal.SIGKILL and staged, "the run ended before it could be killed"
    after = snapshot(reports)
    for name, state in before.items():
        assert after.get(name) == state, f"{name} changed or vanished"
    extra = sorted(set(after) - set(before))
    assert all(name.startswith(".2026-10.running-") for name in extra), extra  # only the hidden staging folder

    # The next run works, replaces the report and leaves no staging folder of its own.
    third = _report(tmp_path)
    _, stderr = third.communicate(timeout=600)
    assert third.returncode == 0, stderr
    assert snapshot(reports)["2026-10/monthly_report.html"] != before["2026-10/monthly_report.html"]
    assert not [p for p in reports.iterdir() if p.name.startswith(".2026-10.")]  # the dead run's folder is gone


def test_leftovers_of_a_dead_run_are_tidied_and_a_report_it_moved_aside_comes_back(tmp_path):
    from smpseo.app.report.staging import remove_stale

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        reports = tmp_path / "reports"
        moved = reports / f".2026-10.old-{dead.pid}"
        moved.mkdir(parents=True)
        (moved / "monthly_report.html").write_text("<html>the earlier report</html>")
        (reports / f".2026-10.running-{dead.pid}-abc").mkdir()
        (reports / f".2026-10.running-{dead.pid}-abc" / "monthly_report.ipynb").write_text("{")
        (reports / f".2026-10.running-{alive.pid}-def").mkdir()  # a run still going: left alone
        # Another month's too: the next scheduled run is of the next month, not of the one killed.
        (reports / f".2026-08.running-{dead.pid}-ghi").mkdir()
        (reports / f".2026-09.old-{dead.pid}").mkdir()
        (reports / f".2026-09.old-{dead.pid}" / "summary.json").write_text("{}")
        (reports / ".monthly-report.lock").mkdir()  # the cron wrapper's lock: not a run's leftover
        remove_stale(reports)
        assert sorted(p.name for p in reports.iterdir()) == [
            f".2026-10.running-{alive.pid}-def", ".monthly-report.lock", "2026-09", "2026-10"]
        assert (reports / "2026-10" / "monthly_report.html").read_text() == "<html>the earlier report</html>"
        assert (reports / "2026-09" / "summary.json").read_text() == "{}"
        # With the new report in place, a moved-aside old one is simply removed.
        (reports / f".2026-10.old-{dead.pid}").mkdir()
        remove_stale(reports)
        assert not (reports / f".2026-10.old-{dead.pid}").exists() and (reports / "2026-10").is_dir()
    finally:
        alive.kill()
        alive.wait()


@pytest.mark.slow
def test_next_months_run_brings_back_a_report_a_killed_run_had_moved_aside(tmp_path):
    shutil.copytree(REPORT_POSTS, tmp_path / "posts")
    first = _report(tmp_path, "2026-09")
    _, stderr = first.communicate(timeout=600)
    assert first.returncode == 0, stderr
    reports = tmp_path / "reports"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    # A re-run of September killed between moving the report aside and moving the new one in.
    (reports / "2026-09").rename(reports / f".2026-09.old-{dead.pid}")
    (reports / f".2026-09.running-{dead.pid}-abc").mkdir()

    october = _report(tmp_path, "2026-10")
    _, stderr = october.communicate(timeout=600)

    assert october.returncode == 0, stderr
    assert sorted(p.name for p in reports.iterdir() if p.name != ".written.json") == [
        "2026-09", "2026-10", "index.html"]
    assert "2026-09/monthly_report.html" in (reports / "index.html").read_text(encoding="utf-8")
    page = (reports / "2026-10" / "monthly_report.html").read_text(encoding="utf-8")
    assert "Compared with the report for <b>2026-09</b>" in page  # September is back before October compares


@pytest.mark.slow
def test_a_report_killed_at_any_moment_leaves_no_partial_file(tmp_path):
    """A report killed at any point never leaves a file with a final name that is not whole."""
    shutil.copytree(REPORT_POSTS, tmp_path / "posts")
    for delay in (0.5, 1.5, 3.0):
        proc = _report(tmp_path)
        time.sleep(delay)
        _kill(proc)
        reports = tmp_path / "reports"
        if not reports.exists():
            continue
        for path in reports.rglob("*"):
            rel = path.relative_to(reports)
            if any(part.startswith(".") for part in rel.parts) or path.is_dir():
                continue
            if path.suffix == ".html":
                assert path.read_text(encoding="utf-8").rstrip().endswith("</html>"), rel
            if path.suffix in (".json", ".ipynb"):
                import json

                json.loads(path.read_text(encoding="utf-8"))


# -- only import writes into posts/ ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_only_import_writes_into_the_posts_folder(tmp_path):
    source = CLINIC_POSTS
    posts = tmp_path / "posts"
    shutil.copytree(source, posts)
    draft = sorted(posts.glob("*.md"))[0]
    before = snapshot(posts)
    time.sleep(0.05)
    for args in (["analyze", "posts"], ["analyze", "posts", "--format", "csv"], ["check", "posts"],
                 ["check", "posts", "--format", "json"], ["gaps", "posts"], ["gaps", "posts", "--format", "markdown"],
                 ["report", "monthly", "--month", "2026-10", "--posts", "posts", "--out", "reports"],
                 ["report", "prepublish", f"posts/{draft.name}", "--out", "reports"]):
        proc = _smpseo(*args, cwd=tmp_path)
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode in (0, 1), (args, stderr)
        assert "Traceback" not in stderr
        assert snapshot(posts) == before, f"smpseo {' '.join(args)} changed the posts folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posts", "reports"]
