"""Whether the process that left a mark in a reports folder (a staging folder, a sending mark) is still running."""

from __future__ import annotations

import os


def alive(pid: int) -> bool:
    """True while process `pid` runs (or may: one we may not signal counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
