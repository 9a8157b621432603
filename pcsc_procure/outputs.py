"""Write output files atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pcsc_procure.errors import UserError


def _is_input(target: Path, inp: str) -> bool:
    """Is `target` the input `inp`, or a file a walk of the input folder `inp` would lint?"""
    if not os.path.exists(inp) or not target.exists():
        return False
    if os.path.samefile(inp, target):
        return True
    if os.path.isdir(inp) and target.is_file():
        from pcsc_procure.document.reader import SUPPORTED_SUFFIXES

        folder = os.path.realpath(inp)
        real = os.path.realpath(target)
        return real.startswith(folder.rstrip(os.sep) + os.sep) and target.suffix.lower() in SUPPORTED_SUFFIXES
    return False


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(target: str, data: str | bytes, inputs: list[str] | None = None) -> None:
    """Write via a temp file in the same folder and rename it into place."""
    path = Path(target)
    for inp in inputs or []:
        try:
            if _is_input(path, inp):
                raise UserError(target, "refusing to overwrite an input file; choose another output path")
        except OSError:
            pass
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(target, f"output folder {folder} does not exist")
    if path.is_dir():
        raise UserError(target, "is a folder; give a file name for the output")
    mode = "wb" if isinstance(data, bytes) else "w"
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(target, f"cannot write to output folder {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as fh:
            fh.write(data)
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UserError(target, f"cannot write: {exc.strerror or exc}") from None
