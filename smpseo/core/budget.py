"""Time budgets: a piece of work that runs past its budget is stopped with `BudgetExceeded`, so one pathological
post becomes one error line instead of a run that never ends.

The budget is a real-time timer (SIGALRM), so it stops pure-Python loops and regular expressions alike. It works in
the main thread of a process (the command, a notebook kernel, each worker of a pool); elsewhere, and on systems
without SIGALRM, the work runs unbounded. Budgets nest: an inner one never outlives the outer one.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time


class BudgetExceeded(TimeoutError):
    """Work that ran past its time budget."""

    def __init__(self, seconds: float):
        super().__init__(f"took more than {seconds:g} s")
        self.seconds = seconds


def _usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_budget(seconds: float | None):
    """Run the block in at most `seconds` (None or 0: no budget); raise BudgetExceeded when it runs over."""
    if not seconds or seconds <= 0 or not _usable():
        yield
        return
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left < seconds:  # an enclosing budget ends first: it stays in charge
        yield
        return
    started = time.monotonic()

    def stop(signum, frame):
        raise BudgetExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # give the enclosing budget what it has left
            left = outer_left - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
