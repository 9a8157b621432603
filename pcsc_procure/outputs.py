"""Write output files atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pcsc_procure.errors import UserError


def write_atomic(target: str, data: str | bytes, inputs: list[str] | None = None) -> None:
    """Write via a temp file in the same folder and rename it into place."""
    path = Path(target)
    for inp in inputs or []:
        try:
            if os.path.exists(inp) and path.exists() and os.path.samefile(inp, path):
                raise UserError(target, "refusing to overwrite an input file; choose another output path")
        except OSError:
            pass
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(target, f"output folder {folder} does not exist")
    mode = "wb" if isinstance(data, bytes) else "w"
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(target, f"cannot write to {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UserError(target, f"cannot write: {exc.strerror or exc}") from None
