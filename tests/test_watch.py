"""`smpseo check --watch` and `follow()`: a save is checked again and what changed is reported; Ctrl-C stops."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from smpseo.app.settings import load_config
from smpseo.app.watch import Follower, Polling, Watcher, compare
from smpseo.model.results import CheckResult, Finding
from smpseo.views.watch import changes_text

LONG = ("\nThis sentence was added to see whether the watch mode notices it, and it goes on for far too many words "
        "for a reader to take in at once.\n")


@pytest.fixture
def site(clinic_site):
    return clinic_site


def finding(rule: str, line: int, message: str = "m") -> Finding:
    return Finding("a.md", line, 1, rule, "readability", "warning", message)


def test_compare_counts_each_kind_of_finding_and_ignores_moves():
    before = CheckResult(findings=[finding("RD101", 3), finding("RD101", 9), finding("SEO201", 1)])
    after = CheckResult(findings=[finding("RD101", 5), finding("RD101", 11), finding("RD101", 20),
                                  finding("RD102", 2)])
    new, fixed, gone = compare(before, after)
    assert gone == [] and [(f.rule, f.line) for f in new] == [("RD101", 20), ("RD102", 2)]
    assert [(f.rule, f.line) for f in fixed] == [("SEO201", 1)]
    assert compare(None, after) == (after.findings, [], [])


def test_a_share_in_every_long_sentence_s_message_changing_is_no_new_finding():
    """A short sentence added changes "3 of 14 sentences" in every long sentence's message: still the same
    findings, so the re-check reports the new sentence's finding alone."""
    def long(match: str, share: str) -> Finding:
        return Finding("a.md", 3, 1, "RD101", "readability", "warning", f"Sentence has 25 words; {share}", match)

    before = CheckResult(findings=[long("First long one.", "2 of 10"), long("Second long one.", "2 of 10")])
    after = CheckResult(findings=[long("First long one.", "3 of 11"), long("Second long one.", "3 of 11"),
                                  long("A new long one.", "3 of 11")])
    new, fixed, _ = compare(before, after)
    assert ([f.match for f in new], fixed) == (["A new long one."], [])


def test_a_post_not_checked_this_time_has_no_fixed_findings():
    """A post over its time limit (or unreadable) this run is one error line; its earlier findings are unknown, not
    fixed ("1 new, 20 fixed" said a post that was not checked at all)."""
    from smpseo.model.post import ReadError

    before = CheckResult(findings=[finding("RD101", 3), Finding("b.md", 2, 1, "RD102", "readability", "warning", "m")])
    after = CheckResult(findings=[], errors=[ReadError("a.md", "not checked: its checks took more than 20 s")])
    new, fixed, gone = compare(before, after)
    assert ([(f.path, f.rule) for f in fixed], gone) == ([("b.md", "RD102")], [before.findings[0]])


def test_polling_sees_changed_added_and_removed_files(site):
    posts = site / "posts"
    source = Polling([posts], sleep=lambda seconds: None)
    assert source.check_now() == []
    post = posts / "what-is-smp.md"
    post.write_text(post.read_text(encoding="utf-8") + LONG, encoding="utf-8")
    (posts / "new.md").write_text("---\ntitle: New\n---\n\nText.\n", encoding="utf-8")
    (posts / "how-long-does-smp-last.md").unlink()
    assert [os.path.basename(p) for p in source.check_now()] == [
        "how-long-does-smp-last.md", "new.md", "what-is-smp.md"]
    assert source.check_now() == []


def test_a_saved_edit_is_reported_as_new_and_fixed_findings(site):
    post = site / "posts" / "what-is-smp.md"
    watcher = Watcher(["posts"], lambda: load_config("smpseo.toml"))
    source = Polling(["posts"], sleep=lambda seconds: None)
    first = watcher.recheck()
    assert first.first and first.new == first.result.findings and first.fixed == []
    assert watcher.recheck().new == [] and source.check_now() == []

    post.write_text(post.read_text(encoding="utf-8") + LONG, encoding="utf-8")
    changed = source.check_now()
    changes = watcher.recheck(changed)
    added = [f for f in changes.new if f.rule == "RD101" and f.match.startswith("This sentence was added")]
    assert len(added) == 1 and not [f for f in changes.fixed if f.match == added[0].match]
    assert all(f.path == "posts/what-is-smp.md" for f in changes.new + changes.fixed)
    assert watcher.session.last_checked == 1 and watcher.session.last_parsed == 1
    text = changes_text(changes)
    assert text[0].endswith(f"{len(changes.new)} new, {len(changes.fixed)} fixed")
    assert any(line.startswith(f"+ posts/what-is-smp.md:{added[0].line}:") and " RD101 " in line for line in text)
    assert text[-1].startswith(f"{len(changes.result.findings)} findings")

    post.write_text(post.read_text(encoding="utf-8").replace(LONG, ""), encoding="utf-8")
    undone = watcher.recheck(source.check_now())
    assert [f.line for f in undone.fixed if f.match == added[0].match] == [added[0].line]
    assert not [f for f in undone.new if f.match == added[0].match]
    assert sorted(map(str, undone.result.findings)) == sorted(map(str, first.result.findings))


@pytest.mark.parametrize("broken", ["---\ntitle: [What is SMP?\nslug: what-is-smp\n---\n\nText.\n", ""],
                         ids=["invalid-yaml", "emptied"])
def test_a_post_unreadable_for_a_while_keeps_its_findings_aside(site, broken):
    """A post that stops being readable (front matter broken, the file emptied, a save caught half-way) is no longer
    read: its findings are gone with it, not fixed, and when it reads again it is compared with its last readable
    findings, so only what is really new is new (all of them were said to be new)."""
    post = site / "posts" / "what-is-smp.md"
    text = post.read_text(encoding="utf-8")
    watcher = Watcher(["posts"], lambda: load_config("smpseo.toml"))
    source = Polling(["posts"], sleep=lambda seconds: None)
    first = watcher.recheck()
    own = [f for f in first.result.findings if f.path == "posts/what-is-smp.md"]
    assert own

    post.write_text(broken, encoding="utf-8")
    unreadable = watcher.recheck(source.check_now())
    assert [e.path for e in unreadable.result.errors] == ["posts/what-is-smp.md"]
    assert (unreadable.new, unreadable.fixed) == ([], [])
    assert sorted(map(str, unreadable.gone)) == sorted(map(str, own))
    lines = changes_text(unreadable, now=0)
    assert lines[0].endswith(f"0 new, 0 fixed, {len(own)} gone with 1 post no longer read")
    assert f"x posts/what-is-smp.md: {len(own)} findings gone with it (no longer read)" in lines

    post.write_text(text, encoding="utf-8")
    back = watcher.recheck(source.check_now())
    assert (back.new, back.fixed, back.gone) == ([], [], [])
    assert changes_text(back, now=0)[0].endswith("posts/what-is-smp.md checked in "
                                                 f"{back.seconds:.2f} s: 0 new, 0 fixed")

    post.write_text(broken, encoding="utf-8")  # broken again, and back with one long sentence more
    assert len(watcher.recheck(source.check_now()).gone) == len(own)
    post.write_text(text + LONG, encoding="utf-8")
    edited = watcher.recheck(source.check_now())
    assert [(f.rule, f.match) for f in edited.new] == [("RD101", LONG.strip()),
                                                       ("RD104", "was added")]
    assert (edited.fixed, edited.gone) == ([], [])


def test_only_posts_and_the_settings_file_are_named_as_changed(site):
    """Editors save through temporary files (vim's `4913`, `sed -i`'s `sedBfuEc8`, JetBrains' `___jb_tmp___`):
    the header names the post that was saved, not them."""
    post = site / "posts" / "what-is-smp.md"
    watcher = Watcher(["posts"], lambda: load_config("smpseo.toml"))
    watcher.recheck()
    post.write_text(post.read_text(encoding="utf-8") + LONG, encoding="utf-8")
    changed = [str(site / "posts" / name) for name in ("4913", "sedBfuEc8", "what-is-smp.md___jb_tmp___")]
    changes = watcher.recheck([*changed, str(post), str(site / "smpseo.toml")])
    assert changes.changed == [str(post), str(site / "smpseo.toml")]
    assert changes_text(changes, now=0)[0].startswith("[")
    assert " posts/what-is-smp.md, smpseo.toml checked in " in changes_text(changes, now=0)[0]


def test_follow_shows_the_draft_again_when_it_is_saved(site):
    post = site / "posts" / "what-is-smp.md"
    shown = []

    class Handle:
        def update(self, value):
            shown.append(value)

    renders = iter(range(100))
    follower = Follower(post, lambda: next(renders))
    follower.handle = Handle()
    assert follower.source.check_now() == []
    post.write_text(post.read_text(encoding="utf-8") + LONG, encoding="utf-8")
    assert follower.source.check_now() == [str(post)]
    follower.show()
    assert shown == [0]


def test_follow_says_a_draft_that_cannot_be_checked_in_one_line_naming_it_once(site):
    """A draft saved with broken front matter: the line the check gives (the file named once, at its line), not
    "smpseo: could not check posts/x.md: ValueError: posts/x.md:3: error: ..."; a draft gone says it is."""
    from smpseo.app.report.prepublish import prepublish_report

    post = site / "posts" / "what-is-smp.md"
    shown = []

    class Handle:
        def update(self, value):
            shown.append(value)

    follower = Follower("posts/what-is-smp.md", lambda: prepublish_report("posts/what-is-smp.md", topics=False))
    follower.handle = Handle()
    post.write_text("---\ntitle: What is SMP?\nslug: [what-is-smp\n---\n\nText.\n", encoding="utf-8")
    follower.refresh()
    assert len(shown) == 1 and shown[0].startswith("posts/what-is-smp.md:3: error: invalid YAML front matter")
    assert shown[0].count("what-is-smp.md") == 1 and "ValueError" not in shown[0]
    post.unlink()
    follower.refresh()
    assert shown[1] == "posts/what-is-smp.md: draft not found"


@contextlib.contextmanager
def watching(argv: list[str], cwd):
    """`smpseo check --watch` started as from a terminal, where Ctrl-C interrupts it, and killed if a test leaves it
    running. A process started in the background by a shell inherits SIGINT ignored (as under `nohup`), and Python
    then leaves it ignored: a test run started that way would send a Ctrl-C the command never sees."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def lines_of(stream) -> queue.Queue:
    """The lines a process writes, as they come, read on a thread (so a test can wait for one with a timeout)."""
    found: queue.Queue = queue.Queue()

    def pump():
        for line in iter(stream.readline, ""):
            found.put(line)
        found.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return found


def wait_for(found: queue.Queue, test, timeout: float = 120) -> list[str]:
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        line = found.get(timeout=max(0.1, deadline - time.monotonic()))
        if line is None:
            raise AssertionError("the process ended first: " + "".join(seen[-20:]))
        seen.append(line)
        if test(line):
            return seen


def test_events_say_when_the_watch_is_in_place_and_see_a_save_made_right_after(tmp_path):
    """`--watch` says "watching" only once the operating system watches the folder: a save made at once is seen,
    however long the watching thread took to start (a busy machine)."""
    pytest.importorskip("watchfiles")
    from smpseo.app.watch import Events

    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    stop = threading.Event()
    timer = threading.Timer(60, stop.set)  # no batch in a minute: the save went unseen, and the test fails
    source = Events([tmp_path])
    batches = source.changes(stop)
    try:
        assert source.wait_ready(60)
        (tmp_path / "a.md").write_text("# A\n\nSaved.\n", encoding="utf-8")
        timer.start()
        assert any(p.endswith("a.md") for p in next(batches, []))
    finally:
        timer.cancel()
        batches.close()  # ends the watching thread too


def test_events_see_every_save_that_renames_a_new_file_over_the_settings_or_a_named_post(tmp_path):
    """vim, `sed -i` and JetBrains save by writing a new file and renaming it over the old one: a watch on the file
    followed the replaced one, so after the first such save of smpseo.toml no later edit was seen (stale results).
    The settings file, and a post named on the command line, are watched through their folders, by name."""
    pytest.importorskip("watchfiles")
    from smpseo.app.watch import Events

    (tmp_path / "posts").mkdir()
    named = tmp_path / "drafts" / "a.md"
    named.parent.mkdir()
    named.write_text("# A\n", encoding="utf-8")
    settings = tmp_path / "smpseo.toml"
    settings.write_text('[site]\ncity = "Dartmouth"\n', encoding="utf-8")
    stop = threading.Event()
    timer = threading.Timer(120, stop.set)  # a save unseen for two minutes: the test fails
    source = Events([tmp_path / "posts", named], extra=[settings])
    batches = source.changes(stop)
    try:
        assert source.wait_ready(60)
        timer.start()
        for city in ("Halifax", "Dartmouth", "Halifax"):
            temporary = tmp_path / "sedBfuEc8"
            temporary.write_text(f'[site]\ncity = "{city}"\n', encoding="utf-8")
            os.replace(temporary, settings)
            assert next(batches, []) == [os.path.realpath(settings)]
        for text in ("# A\n\nOne.\n", "# A\n\nTwo.\n"):
            temporary = named.parent / "4913"
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, named)
            assert next(batches, []) == [os.path.realpath(named)]
    finally:
        timer.cancel()
        batches.close()  # ends the watching threads too


@pytest.mark.parametrize("poll", [True, False], ids=["polling", "events"])
def test_the_command_reports_a_save_and_stops_on_ctrl_c(site, poll):
    argv = [sys.executable, "-m", "smpseo", "check", "--watch", "posts", *(["--poll"] if poll else [])]
    with watching(argv, site) as proc:
        out = lines_of(proc.stdout)
        wait_for(out, lambda line: line.startswith("smpseo: watching posts"))
        post = site / "posts" / "what-is-smp.md"
        post.write_text(post.read_text(encoding="utf-8") + LONG, encoding="utf-8")
        report = wait_for(out, lambda line: line.startswith("[") and " new, " in line)
        report += wait_for(out, lambda line: " findings " in line)
        assert "posts/what-is-smp.md" in next(line for line in report if line.startswith("["))
        assert any(line.startswith("+ posts/what-is-smp.md:") and " RD101 " in line for line in report)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
        err = proc.stderr.read()
        assert "Traceback" not in err and "stopped watching" in err


def test_events_see_a_folder_deleted_and_made_again(site):
    """A checkout deletes a folder and makes it again: the operating system's watch went with the old folder, so
    the watch says so and watches the new one, whose saves it then sees. The posts back are compared with the
    findings they had: none is new."""
    import shutil

    argv = [sys.executable, "-m", "smpseo", "check", "--watch", "posts"]
    with watching(argv, site) as proc:
        out = lines_of(proc.stdout)
        wait_for(out, lambda line: line.startswith("smpseo: watching posts"))
        kept = site / "kept"
        shutil.copytree(site / "posts", kept)
        shutil.rmtree(site / "posts")
        wait_for(out, lambda line: " in 0 posts" in line)
        shutil.copytree(kept, site / "posts")
        back = wait_for(out, lambda line: " in 8 posts" in line)  # the posts' findings are those they had
        assert not [line for line in back if line.startswith(("+ ", "- "))]
        post = site / "posts" / "what-is-smp.md"
        post.write_text(post.read_text(encoding="utf-8") + LONG, encoding="utf-8")
        report = wait_for(out, lambda line: line.startswith("[") and "posts/what-is-smp.md" in line)
        report += wait_for(out, lambda line: " findings " in line)
        assert any(line.startswith("+ posts/what-is-smp.md:") and " RD101 " in line for line in report)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0


def test_a_post_named_and_then_deleted_is_said_to_be_gone(site):
    post = site / "posts" / "what-is-smp.md"
    argv = [sys.executable, "-m", "smpseo", "check", "--watch", "--poll", str(post)]
    with watching(argv, site) as proc:
        out = lines_of(proc.stdout)
        wait_for(out, lambda line: line.startswith("smpseo: watching"))
        post.unlink()
        wait_for(out, lambda line: " in 0 posts" in line)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
        err = proc.stderr.read()
        assert f"{post}: error: no such file or folder" in err and "Traceback" not in err


def test_the_command_sees_every_save_of_the_settings_that_renames_a_new_file_over_it(site):
    """`sed -i` on smpseo.toml, then again: each is checked (the second, and every save after, went unseen)."""
    argv = [sys.executable, "-m", "smpseo", "check", "--watch", "posts"]
    with watching(argv, site) as proc:
        out = lines_of(proc.stdout)
        wait_for(out, lambda line: line.startswith("smpseo: watching posts"))
        settings = site / "smpseo.toml"
        text = settings.read_text(encoding="utf-8")
        for n in range(3):
            (site / "sedBfuEc8").write_text(text + "\n" * (n + 1), encoding="utf-8")
            os.replace(site / "sedBfuEc8", settings)
            wait_for(out, lambda line: line.startswith("[") and "] smpseo.toml checked in " in line)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0


def test_the_watched_folder_moved_away_is_said_once(site):
    """`--watch posts/` and the folder moved away: one line says so (it was said as `posts` and `posts/`)."""
    argv = [sys.executable, "-m", "smpseo", "check", "--watch", "--poll", "posts/"]
    with watching(argv, site) as proc:
        out = lines_of(proc.stdout)
        wait_for(out, lambda line: line.startswith("smpseo: watching"))
        (site / "posts").rename(site / "moved")
        wait_for(out, lambda line: " in 0 posts" in line)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
        err = proc.stderr.read()
        assert [line for line in err.splitlines() if "error" in line] == ["posts/: error: no such file or folder"]


def test_findings_of_a_post_no_longer_read_are_not_counted_as_fixed():
    from smpseo.app.watch import Changes

    kept, lost = finding("RD101", 3), Finding("b.md", 7, 1, "RD101", "readability", "warning", "m")
    after = CheckResult(findings=[], posts=[{"path": "a.md"}])  # b.md became unreadable, or was deleted
    lines = changes_text(Changes(after, [], [kept], ["b.md"], gone=[lost, lost]), now=0)
    assert lines[0].endswith(": 0 new, 1 fixed, 2 gone with 1 post no longer read")
    assert lines[1].startswith("- a.md:3:1") and lines[2] == "x b.md: 2 findings gone with it (no longer read)"


def test_the_settings_file_removed_while_watching_is_said(site):
    """Removing smpseo.toml changes every local check (no city, no name): the watch says so, and says so again when
    it is back, rather than reporting the findings that come and go as the only sign."""
    argv = [sys.executable, "-m", "smpseo", "check", "--watch", "posts", "--poll"]
    with watching(argv, site) as proc:
        out, err = lines_of(proc.stdout), lines_of(proc.stderr)
        wait_for(out, lambda line: line.startswith("smpseo: watching posts"))
        settings = site / "smpseo.toml"
        kept = settings.read_text(encoding="utf-8")
        settings.unlink()
        post = site / "posts" / "what-is-smp.md"
        post.write_text(post.read_text(encoding="utf-8") + LONG, encoding="utf-8")
        wait_for(err, lambda line: "smpseo.toml gone; now checking with the default settings" in line)
        settings.write_text(kept, encoding="utf-8")
        post.write_text(post.read_text(encoding="utf-8") + LONG, encoding="utf-8")
        wait_for(err, lambda line: line.startswith("smpseo: settings file found; now checking with "))
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_sigterm_stops_the_watch_as_ctrl_c_does_and_says_so(site):
    """A service manager stops a run with SIGTERM: the watch ends as on Ctrl-C, its clean-up done, saying so
    (it printed nothing and left its watcher's thread to the interpreter)."""
    with watching([sys.executable, "-m", "smpseo", "check", "--watch", "posts", "--poll"], site) as proc:
        wait_for(lines_of(proc.stdout), lambda line: line.startswith("smpseo: watching posts"))
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        err = proc.stderr.read()
        assert "Traceback" not in err and "stopped watching" in err
