"""Whether the run that left a mark in a reports folder still runs: asked, never signalled, on every system."""

from __future__ import annotations

import os
import subprocess
import sys

from smpseo.app.report import pids


def test_a_running_process_is_alive_and_an_ended_one_is_not():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert pids.alive(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not pids.alive(child.pid)


class FakeKernel32:
    """kernel32 as `_alive_on_windows` calls it: one process id per case."""

    def __init__(self, handle: int, exit_code: int = 0, error: int = 0):
        self.handle, self.exit_code, self.error, self.closed = handle, exit_code, error, []

    def OpenProcess(self, access, inherit, pid):  # noqa: N802 (the Windows API's name)
        assert access == 0x1000 and inherit is False  # may query, nothing more: never terminate
        return self.handle

    def GetExitCodeProcess(self, handle, code):  # noqa: N802
        code._obj.value = self.exit_code
        return 1

    def CloseHandle(self, handle):  # noqa: N802
        self.closed.append(handle)


def test_on_windows_a_process_is_asked_for_its_exit_code_not_sent_a_signal(monkeypatch):
    """os.kill(pid, 0) on Windows ends the process (TerminateProcess): a run tidying a dead run's folder whose
    process id was taken since by another program would end that program."""
    def no_kill(*_args):
        raise AssertionError("os.kill called")

    monkeypatch.setattr(os, "kill", no_kill)
    monkeypatch.setattr(sys, "platform", "win32")
    asked = []
    monkeypatch.setattr(pids, "_alive_on_windows", lambda pid: asked.append(pid) or False)
    assert not pids.alive(4321) and asked == [4321]


def test_windows_exit_codes_read_as_running_or_ended():
    running, ended = FakeKernel32(7, pids.STILL_ACTIVE), FakeKernel32(8, 0)
    assert pids._alive_on_windows(1, running, lambda: 0) and running.closed == [7]
    assert not pids._alive_on_windows(1, ended, lambda: 0) and ended.closed == [8]
    assert not pids._alive_on_windows(1, FakeKernel32(0), lambda: 87)  # no process has that id
    assert pids._alive_on_windows(1, FakeKernel32(0), lambda: 5)  # access denied: someone else's, running
