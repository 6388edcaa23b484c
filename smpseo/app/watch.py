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
    changed: list[str] = field(default_factory=list)  # the files that changed, when known
    seconds: float = 0.0
    first: bool = False


def compare(before: CheckResult | None, after: CheckResult) -> tuple[list[Finding], list[Finding]]:
    """(new, fixed) findings between two runs, counting each kind of finding (`finding_key`) as often as it
    occurs: the new in `after`'s order, the fixed in `before`'s."""
    if before is None:
        return list(after.findings), []
    old = Counter(finding_key(f) for f in before.findings)
    now = Counter(finding_key(f) for f in after.findings)
    # a post this run could not read or check (over its time limit) has findings no one knows: none of its earlier
    # ones is fixed, and the line on why says what happened to it
    unknown = {e.path for e in after.errors if getattr(e, "severity", "error") == "error"}
    return _beyond(after.findings, old), [f for f in _beyond(before.findings, now) if f.path not in unknown]


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
    """Notices changes from the operating system's filesystem events (`watchfiles`), watched on a thread started
    here, before the first check: a file saved while that check runs is not missed."""

    def __init__(self, paths: Iterable[str | Path], extra: Iterable[str | Path] = ()):
        import watchfiles  # noqa: F401 (fails here, not later, when it is missing)

        self.paths = [str(p) for p in [*paths, *extra]]
        self._batches: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._armed = threading.Event()  # set once the operating system's watch is in place
        threading.Thread(target=self._watch, daemon=True, name="smpseo-watch").start()

    def wait_ready(self, timeout: float = READY_SECONDS) -> bool:
        """Wait until the operating system watches the paths (a save before that would go unseen); False when
        `timeout` passed first."""
        return self._armed.wait(timeout)

    def _watch(self) -> None:
        """Watch the paths that exist; when one of them goes or comes back (a folder deleted and made again, as a
        checkout does), say so and watch again: the operating system's watch on a deleted folder is gone with it."""
        import watchfiles

        back: set[str] = set()  # paths that came back, announced once they are watched (a save is then seen)
        try:
            while not self._stop.is_set():
                there = [p for p in self.paths if os.path.exists(p)]
                if not there:
                    self._armed.set()  # nothing to watch yet: looking for the paths to come back is the watch
                    self._stop.wait(0.5)
                    back = {p for p in self.paths if os.path.exists(p)}
                    continue
                for batch in watchfiles.watch(*there, stop_event=self._stop, debounce=400, step=30,
                                              rust_timeout=500, yield_on_timeout=True, raise_interrupt=False):
                    self._armed.set()  # the first batch, or the first timeout, comes from a watch in place
                    now = [p for p in self.paths if os.path.exists(p)]
                    changed = {path for _, path in batch} | (set(now) ^ set(there)) | back
                    back = set()
                    if changed:
                        self._batches.put(sorted(changed))
                    if now != there:
                        break
        except Exception as exc:  # handed to the main thread, which reports it
            self._batches.put(exc)
            self._armed.set()

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

    def recheck(self, changed: list[str] | None = None) -> Changes:
        started = time.perf_counter()
        result = check(self.paths, self.settings(), self.keyphrase, rules=self.rules, drafts=self.drafts,
                       blog=self.blog, session=self.session)
        new, fixed = compare(self.last, result)
        first = self.last is None
        self.last = result
        return Changes(result, new, fixed, changed or [], time.perf_counter() - started, first)

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
            try:
                self.show()
            except Exception as exc:  # a half-saved draft: say so, keep following
                if self.handle is not None:
                    self.handle.update(f"smpseo: could not check {self.path}: {type(exc).__name__}: {exc}")

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
