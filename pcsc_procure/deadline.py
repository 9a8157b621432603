"""A per-file time budget, so one hostile or pathological file cannot stall a run.

Uses a real-time interval timer (SIGALRM) in the main thread of the process
doing the work (the CLI, or each forked worker). The signal is handled between
Python bytecodes, so it stops the pipeline's own loops; a single call into C
code (one PDF page in pdfium, one regex match) finishes first, and each of those
is bounded by the page and size limits. Where there is no SIGALRM (Windows) or
the caller is not the main thread, there is no budget.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from pcsc_procure.errors import TimeBudgetExceeded


def _on_alarm(signum, frame):
    raise TimeBudgetExceeded()


@contextmanager
def time_budget(seconds: float | None):
    usable = bool(seconds) and seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
