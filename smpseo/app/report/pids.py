"""Whether the process that left a mark in a reports folder (a staging folder, a sending mark) is still running."""

from __future__ import annotations

import os
import sys

STILL_ACTIVE = 259  # GetExitCodeProcess's code for a process that has not ended
_QUERY_LIMITED_INFORMATION = 0x1000  # the least access that asks a process for its exit code
_ERROR_INVALID_PARAMETER = 87  # OpenProcess's error for a process id that no process has


def alive(pid: int) -> bool:
    """True while process `pid` runs (or may: one we may not ask about counts as running)."""
    if sys.platform == "win32":
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _alive_on_windows(pid: int, kernel32=None, last_error=None) -> bool:
    """`alive` on Windows, where os.kill(pid, 0) does not ask but ends the process (TerminateProcess): the
    process's exit code, read through a handle that may only query it."""
    import ctypes

    if kernel32 is None:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        last_error = ctypes.get_last_error  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return last_error() != _ERROR_INVALID_PARAMETER  # access denied: it runs, as someone else's
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
