"""What `smpseo check --watch` prints: the first run in full, then after each save what changed."""

from __future__ import annotations

import os
import time

from smpseo.app.watch import Changes
from smpseo.core.text import counted
from smpseo.views.findings import finding_line, summary_line


def _shown(path: str) -> str:
    """A changed file as the user would name it: relative to the working folder when it is inside it."""
    try:
        return os.path.relpath(path) if os.path.isabs(path) and not os.path.relpath(path).startswith("..") else path
    except ValueError:  # another drive
        return path


def changes_text(changes: Changes, now: float | None = None) -> list[str]:
    """Lines for one run: every finding and the summary the first time; after that, the files that changed, each
    new finding (`+`) and each fixed one (`-`, where it stood), and the new summary."""
    if changes.first:
        return [*(finding_line(f) for f in changes.result.findings), summary_line(changes.result)]
    stamp = time.strftime("%H:%M:%S", time.localtime(now))
    what = ", ".join(_shown(p) for p in changes.changed) if changes.changed else "posts"
    fixed = changes.fixed
    gone: dict[str, int] = {}  # a post no longer read (deleted, or unreadable now): its findings are not fixes
    for f in changes.gone:
        gone[f.path] = gone.get(f.path, 0) + 1
    lines = [f"[{stamp}] {what} checked in {changes.seconds:.2f} s: {len(changes.new)} new, {len(fixed)} fixed"
             + (f", {sum(gone.values())} gone with {counted(len(gone), 'post')} no longer read"
                if gone else "")]
    lines += [f"+ {finding_line(f)}" for f in changes.new]
    lines += [f"- {finding_line(f)}" for f in fixed]
    lines += [f"x {path}: {counted(n, 'finding')} gone with it (no longer read)" for path, n in gone.items()]
    lines.append(summary_line(changes.result))
    return lines
