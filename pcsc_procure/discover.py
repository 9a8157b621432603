"""Expand command-line paths into the files to lint.

Directories are walked recursively in sorted order, keeping supported
extensions, skipping hidden folders, Office lock files (`~$x.docx`) and
`exclude` globs, and never following a symlink loop. A path named explicitly
is always returned, even with an unknown extension, so the user hears why it
was not linted; so is a folder that cannot be read, with the reason.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from pcsc_procure.document.reader import SUPPORTED_SUFFIXES


def _excluded(rel: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(os.path.basename(rel), p) for p in patterns)


def discover(paths: list[str], exclude: list[str] | None = None) -> list[tuple[str, str | None]]:
    """[(path, problem_or_None)] in a stable order; problems are reported, not raised."""
    exclude = exclude or []
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_symlink() and not p.exists():
            out.append((raw, "dangling symbolic link"))
            continue
        if not p.exists():
            out.append((raw, "no such file or directory"))
            continue
        if p.is_dir():
            for f, problem in _walk(p, exclude):
                key = os.path.realpath(f)
                if key not in seen:
                    seen.add(key)
                    out.append((f, problem))
            continue
        key = os.path.realpath(raw)
        if key not in seen:
            seen.add(key)
            out.append((raw, None))
    return out


def _walk(root: Path, exclude: list[str]) -> list[tuple[str, str | None]]:
    """(file, None) for each file to lint, and (folder, problem) for each folder that cannot be read."""
    visited: set[tuple[int, int]] = set()
    stack = [root]
    found: list[tuple[str, str | None]] = []
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError:
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited:
            continue  # symlink loop or hard-linked folder
        visited.add(ident)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.append((str(folder), f"cannot read folder: {exc.strerror or exc}"))
            continue
        subdirs = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name.startswith("~$"):
                continue
            path = os.path.join(str(folder), name)
            rel = os.path.relpath(path, str(root))
            if _excluded(rel, exclude):
                continue
            supported = os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES
            try:
                if entry.is_dir():
                    subdirs.append(Path(path))
                elif supported:
                    found.append((path, None))
            except OSError as exc:  # a symlink loop, a file gone since the listing
                if supported:
                    found.append((path, f"cannot read: {exc.strerror or exc}"))
        stack.extend(reversed(subdirs))
    return sorted(found)
