"""Checking again on every save: `smpseo check --watch`, and `follow()` for a draft open in a notebook.

A `Watcher` holds one `Session` (`smpseo.app.incremental`), so each re-check reads and checks only the files that
changed, from memory, and compares the findings with the previous run's: what is new and what was fixed. Changes
are noticed by filesystem events (`watchfiles`, when installed) or, failing that, by polling the files' size and
modification time (`Polling`); both can be told to look now (`check_now()`), which is how the tests drive them.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from smpseo.app.check import check
from smpseo.app.incremental import Session
from smpseo.model.results import CheckResult, Finding
from smpseo.sources.readers import iter_sources

POLL_SECONDS = 0.2
READY_SECONDS = 10.0  # the longest a watch waits for the operating system's watch before it starts anyway


def finding_key(f: Finding) -> tuple:
    """What a finding is, wherever it stands: lines added above it move it without making it another finding, and
    a sentence added elsewhere, which changes a share every long sentence's message states ("3 of 14 sentences"),
    leaves each of them the same finding. The text it is about tells findings of one rule apart."""
    return (f.path, f.rule, f.severity, f.match)


@dataclass
class Changes:
    """One re-check: the result, the findings it has that the previous one had not, and the ones it fixed."""

    result: CheckResult
    new: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # the posts' files (and settings file) that changed, when known
    seconds: float = 0.0
    first: bool = False
    gone: list[Finding] = field(default_factory=list)  # the findings of posts read before and not now: not fixed


def compare(before: CheckResult | None, after: CheckResult,
            aside: dict[str, list[Finding]] | None = None) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(new, fixed, gone) findings between two runs, counting each kind of finding (`finding_key`) as often as it
    occurs: the new in `after`'s order, the fixed and gone in `before`'s. A post `after` could not read or check
    (deleted, unreadable, over its time limit) has findings no one knows: its earlier ones are gone with it, not
    fixed. `aside` holds the last findings of posts not read since (by path): a post read again is compared with
    them, so its old findings are not new."""
    if before is None:
        return list(after.findings), [], []
    unread, was, now_read = not_read(after), read_posts(before), read_posts(after)
    back = [f for path, kept in (aside or {}).items() if path in now_read for f in kept]
    base = [*before.findings, *back]
    old = Counter(finding_key(f) for f in base)
    now = Counter(finding_key(f) for f in after.findings)
    lost = {f.path for f in before.findings if f.path in unread or (f.path in was and f.path not in now_read)}
    ended = _beyond(base, now)
    return (_beyond(after.findings, old), [f for f in ended if f.path not in lost],
            [f for f in ended if f.path in lost])


def not_read(result: CheckResult) -> set[str]:
    """The posts (and files) a run could not read or check: a line on stderr says why."""
    return ({e.path for e in result.errors if getattr(e, "severity", "error") == "error"}
            | {p["path"] for p in result.posts if p.get("not_checked")})


def read_posts(result: CheckResult) -> set[str]:
    """The posts (files, or `file#post` in a file holding several) read and checked in `result`."""
    unread = not_read(result)
    return {p["path"] for p in result.posts if p["path"] not in unread and p["path"].split("#", 1)[0] not in unread}


def _beyond(findings: list[Finding], other: Counter) -> list[Finding]:
    """The findings of a list past the number of their kind in `other`."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        key = finding_key(f)
        seen[key] += 1
        if seen[key] > other[key]:
            out.append(f)
    return out


class Polling:
    """Notices changes by comparing each file's size and modification time (and the set of files) with the last
    look. `clock` and `sleep` can be replaced (tests)."""

    def __init__(self, paths: Iterable[str | Path], interval: float = POLL_SECONDS,
                 sleep: Callable[[float], None] = time.sleep, extra: Iterable[str | Path] = ()):
        self.paths = [Path(p) for p in paths]
        self.extra = [Path(p) for p in extra]  # other files to watch (the settings file)
        self.interval = interval
        self.sleep = sleep
        self._last = self._look()

    def _look(self) -> dict[str, tuple[int, int]]:
        seen = {}
        for path in [*iter_sources(self.paths, []), *self.extra]:
            try:
                st = path.stat()
            except OSError:
                continue
            seen[str(path)] = (st.st_mtime_ns, st.st_size)
        return seen

    def wait_ready(self, timeout: float = READY_SECONDS) -> bool:
        """Ready from the start: the first look was taken when it was made."""
        return True

    def check_now(self) -> list[str]:
        """The files added, removed or changed since the last look."""
        now = self._look()
        changed = sorted(p for p in now.keys() | self._last.keys() if now.get(p) != self._last.get(p))
        self._last = now
        return changed

    def changes(self, stop: threading.Event) -> Iterator[list[str]]:
        while not stop.is_set():
            self.sleep(self.interval)
            changed = self.check_now()
            if changed:
                yield changed


class Events:
    """Notices changes from the operating system's filesystem events (`watchfiles`), watched on threads started
    here, before the first check: a file saved while that check runs is not missed. The folders among `paths` are
    watched with their subfolders; each file (a post named, and each of `extra`: the settings file) through its
    folder, matched by name: an editor that saves by renaming a new file over the old one (vim, `sed -i`,
    JetBrains) replaces the file a watch on it would follow, and every later save would go unseen."""

    def __init__(self, paths: Iterable[str | Path], extra: Iterable[str | Path] = ()):
        import watchfiles  # noqa: F401 (fails here, not later, when it is missing)

        given = [str(p) for p in paths]
        self.paths = [p for p in given if not os.path.isfile(p)]  # folders, watched with their subfolders
        within = [os.path.realpath(p) for p in self.paths]
        self.files = {_where(f) for f in [*(p for p in given if os.path.isfile(p)), *extra]
                      if not any(_inside(os.path.realpath(f), w) for w in within)}
        self._batches: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        watches = [(self.paths, True)] if self.paths else []
        if self.files:
            watches.append((sorted({folder for folder, _ in self.files}), False))
        self._armed = [threading.Event() for _ in watches]  # each set once the operating system's watch is in place
        for (watched, recursive), armed in zip(watches, self._armed, strict=True):
            threading.Thread(target=self._watch, args=(watched, recursive, armed), daemon=True,
                             name="smpseo-watch").start()

    def wait_ready(self, timeout: float = READY_SECONDS) -> bool:
        """Wait until the operating system watches the paths (a save before that would go unseen); False when
        `timeout` passed first."""
        deadline = time.monotonic() + timeout
        return all(armed.wait(max(0.0, deadline - time.monotonic())) for armed in self._armed)

    def _named(self, path: str, recursive: bool) -> list[str]:
        """What a change at `path` is about: itself under the posts' paths; in a settings file's folder, that file
        when the name is its name (or each of the folder's settings files when the folder itself came or went)."""
        if recursive:
            return [path]
        if path in {folder for folder, _ in self.files}:
            return [os.path.join(folder, name) for folder, name in sorted(self.files) if folder == path]
        return [path] if _where(path) in self.files else []

    def _watch(self, paths: list[str], recursive: bool, armed: threading.Event) -> None:
        """Watch the paths that exist; when one of them goes or comes back (a folder deleted and made again, as a
        checkout does), say so and watch again: the operating system's watch on a deleted folder is gone with it."""
        import watchfiles

        back: set[str] = set()  # paths that came back, announced once they are watched (a save is then seen)
        try:
            while not self._stop.is_set():
                there = [p for p in paths if os.path.exists(p)]
                if not there:
                    armed.set()  # nothing to watch yet: looking for the paths to come back is the watch
                    self._stop.wait(0.5)
                    back = {p for p in paths if os.path.exists(p)}
                    continue
                for batch in watchfiles.watch(*there, stop_event=self._stop, debounce=400, step=30,
                                              rust_timeout=500, yield_on_timeout=True, raise_interrupt=False,
                                              recursive=recursive):
                    armed.set()  # the first batch, or the first timeout, comes from a watch in place
                    now = [p for p in paths if os.path.exists(p)]
                    changed = {path for _, path in batch} | (set(now) ^ set(there)) | back
                    back = set()
                    named = {p for path in changed for p in self._named(path, recursive)}
                    if named:
                        self._batches.put(sorted(named))
                    if now != there:
                        break
        except Exception as exc:  # handed to the main thread, which reports it
            self._batches.put(exc)
            armed.set()

    def changes(self, stop: threading.Event) -> Iterator[list[str]]:
        try:
            while not stop.is_set():
                try:
                    batch = self._batches.get(timeout=0.5)
                except queue.Empty:
                    continue
                if isinstance(batch, Exception):
                    raise batch
                yield batch
        finally:
            self._stop.set()


def _where(path: str | Path) -> tuple[str, str]:
    """A file as its folder (resolved) and its name: how a watch on the folder tells the file's saves apart."""
    path = os.path.abspath(path)
    return os.path.realpath(os.path.dirname(path)), os.path.basename(path)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def backend(paths: list[str | Path], poll: bool = False, extra: Iterable[str | Path] = ()):
    """Filesystem events when `watchfiles` is installed and `poll` is not asked for (or `SMPSEO_WATCH=poll`);
    else polling."""
    if not poll and os.environ.get("SMPSEO_WATCH", "").strip().lower() != "poll":
        try:
            return Events(paths, extra)
        except ImportError:
            pass
    return Polling(paths, extra=extra)


class Watcher:
    """Checks `paths` again whenever asked (`recheck()`), reporting what changed since the previous check.
    `settings()` gives the Config for each run (so an edited smpseo.toml is read again)."""

    def __init__(self, paths: list[str | Path], settings: Callable[[], object], keyphrase: str | None = None,
                 rules: list[str] | None = None, *, drafts: bool = False, blog: str | Path | None = None):
        self.paths = list(paths)
        self.drafts = drafts
        self.blog = blog
        self.settings = settings
        self.keyphrase = keyphrase
        self.rules = rules
        self.session = Session()
        self.last: CheckResult | None = None
        self.aside: dict[str, list[Finding]] = {}  # the last findings of each post not read since, by path
        self.settings_file: str | None = None  # the settings file the last run read

    def recheck(self, changed: list[str] | None = None) -> Changes:
        started = time.perf_counter()
        config = self.settings()
        result = check(self.paths, config, self.keyphrase, rules=self.rules, drafts=self.drafts, blog=self.blog,
                       session=self.session)
        new, fixed, gone = compare(self.last, result, self.aside)
        now_read = read_posts(result)
        self.aside = {path: kept for path, kept in self.aside.items() if path not in now_read}
        for f in gone:
            self.aside.setdefault(f.path, []).append(f)
        named = self._named(changed or [], result, getattr(config, "path", None))
        first = self.last is None
        self.last, self.settings_file = result, getattr(config, "path", None)
        return Changes(result, new, fixed, named, time.perf_counter() - started, first, gone)

    def _named(self, changed: list[str], result: CheckResult, settings_file: str | None) -> list[str]:
        """The changed files that are, or were, posts' files or the settings file: an editor's temporary files
        (vim's `4913`, `sed -i`'s `sedBfuEc8`, `x.md___jb_tmp___`) are left out."""
        known = {os.path.realpath(f) for f in (self.settings_file, settings_file) if f}
        for run in (self.last, result):
            if run is not None:
                known.update(os.path.realpath(p["path"].split("#", 1)[0]) for p in run.posts)
                known.update(os.path.realpath(e.path) for e in run.errors)
        return [p for p in changed if os.path.realpath(p) in known]

    def run(self, source, report: Callable[[Changes], None], stop: threading.Event | None = None) -> None:
        """Check once, then after each batch of changes from `source` (a `Polling` or `Events`), until `stop` is
        set (or Ctrl-C, which the caller handles)."""
        stop = stop or threading.Event()
        first = self.recheck()
        source.wait_ready()  # "watching" is said once a save would be seen
        report(first)
        for changed in source.changes(stop):
            report(self.recheck(changed))


class Follower:
    """A draft followed in a notebook: shows `render(path)` again each time the file is saved. `stop()` ends it."""

    def __init__(self, path: str | Path, render: Callable[[], object], interval: float = 0.5):
        self.path = Path(path)
        self.render = render
        self.source = Polling([self.path], interval)
        self.stop_event = threading.Event()
        self.handle = None
        self.thread: threading.Thread | None = None

    def show(self) -> object:
        shown = self.render()
        if self.handle is not None:
            self.handle.update(shown)
        return shown

    def start(self) -> Follower:
        from IPython.display import display

        self.handle = display(self.render(), display_id=True)
        self.thread = threading.Thread(target=self._follow, daemon=True, name="smpseo-follow")
        self.thread.start()
        return self

    def _follow(self) -> None:
        for _ in self.source.changes(self.stop_event):
            self.refresh()

    def refresh(self) -> None:
        """Show the draft again; one that cannot be checked now (half-saved, broken front matter) is said in one
        line naming it once (`posts/x.md:3: error: invalid YAML front matter …`), and following goes on."""
        try:
            self.show()
        except Exception as exc:
            text = (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)).strip()
            text = text or type(exc).__name__
            if self.handle is not None:
                self.handle.update(text if text.startswith(str(self.path)) else f"{self.path}: error: {text}")

    def stop(self) -> None:
        self.stop_event.set()


def follow(path: str | Path, render: Callable[[], object], interval: float = 0.5, *,
           enabled: bool = True) -> Follower | None:
    """In a notebook: show `render()` now and again each time `path` is saved, until `.stop()`. With
    `enabled=False` (a report run), nothing is shown or started.

        >>> follow(post, lambda: show.checklist(prepublish_report(post, topics=False)))
    """
    from smpseo.app.report.parameters import switch

    return Follower(path, render, interval).start() if switch(enabled, "follow_saves") else None


__all__ = ["Changes", "Events", "Follower", "Polling", "Watcher", "backend", "compare", "finding_key", "follow"]
