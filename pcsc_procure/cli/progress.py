"""A one-line progress bar on stderr for multi-file runs.

Shown only when stderr is a terminal, more than one file is linted and
--quiet is off; pipes, files and CI logs get nothing. Hand-written (a dozen
lines) rather than a dependency.
"""

from __future__ import annotations

import shutil
import sys


class Progress:
    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.total = total
        if enabled is None:
            enabled = total > 1 and bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self._shown = False

    def update(self, done: int, label: str = "") -> None:
        if not self.enabled:
            return
        columns = shutil.get_terminal_size((80, 24)).columns
        bar_width = max(10, min(30, columns // 4))
        filled = bar_width * done // max(self.total, 1)
        count = f"{done}/{self.total}"
        head = f"[{'#' * filled}{'.' * (bar_width - filled)}] {count} "
        room = max(0, columns - len(head) - 1)
        if len(label) > room:
            label = "…" + label[len(label) - room + 1:] if room > 1 else ""
        self.stream.write("\r\x1b[2K" + head + label)
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
