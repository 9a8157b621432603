"""Pick the reader for a file by its extension and turn failures into one line.

Format libraries are imported only when a file of that format is read, so
`--version`, `--help` and text-only runs stay fast.
"""

from __future__ import annotations

import os
from pathlib import Path

from pcsc_procure.errors import InputError

SUPPORTED_SUFFIXES = (".docx", ".pdf", ".md", ".markdown", ".txt")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _reader_for(suffix: str):
    if suffix == ".docx":
        from pcsc_procure.document.docx_reader import read_docx

        return read_docx
    if suffix == ".pdf":
        from pcsc_procure.document.pdf_reader import read_pdf

        return read_pdf
    if suffix in (".md", ".markdown"):
        from pcsc_procure.document.markdown_reader import read_markdown

        return read_markdown
    if suffix == ".txt":
        from pcsc_procure.document.text_reader import read_text

        return read_text
    return None


def read_bytes(data: bytes, path: str, suffix: str | None = None, pdf_engine: str = "pdfium", max_pages: int | None = None, max_unpacked: int | None = None):
    """Read an in-memory file (stdin, tests) named `path`."""
    suffix = (suffix or Path(path).suffix).lower()
    reader = _reader_for(suffix)
    if reader is None:
        known = ", ".join(SUPPORTED_SUFFIXES)
        shown = f"'{suffix}'" if suffix else "no extension"
        raise InputError(path, f"unsupported file type ({shown}); supported: {known}")
    if suffix == ".pdf":
        opts = {"engine": pdf_engine}
        if max_pages is not None:
            opts["max_pages"] = max_pages
        return reader(data, path, **opts)
    if suffix == ".docx" and max_unpacked is not None:
        return reader(data, path, max_uncompressed=max_unpacked)
    return reader(data, path)


def read_document(path: str | os.PathLike, display_path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, pdf_engine: str = "pdfium", max_pages: int | None = None, max_unpacked: int | None = None):
    """Read the file at `path`; raise InputError with one clear line on failure."""
    shown = display_path or str(path)
    data = load_file_bytes(path, shown, max_bytes)
    return read_bytes(data, shown, Path(path).suffix.lower(), pdf_engine=pdf_engine, max_pages=max_pages, max_unpacked=max_unpacked)


def load_file_bytes(path: str | os.PathLike, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of a supported, regular file within the size limit (the cache keys on them)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if _reader_for(suffix) is None:
        read_bytes(b"", shown, suffix)  # raises the unsupported-type error
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(shown, "dangling symbolic link" if p.is_symlink() else "no such file") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    if not p.is_file():
        raise InputError(shown, "not a regular file")
    if size > max_bytes:
        raise InputError(shown, f"file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit (max_file_mb)")
    try:
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(shown, "no such file (it vanished while being read)") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(shown, f"file grew over the {max_bytes / 1048576:.0f} MB limit (max_file_mb) while being read")
    return data


def load_stream_bytes(stream, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of `-` (stdin), within the same size limit as a file: a pipe has no size
    to check first, so at most one byte over the limit is read before it is refused."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(shown, f"input is over the {max_bytes / 1048576:g} MB limit (max_file_mb)")
    return data
