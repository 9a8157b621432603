"""Results cache: a file whose bytes, rules and tool are unchanged is not re-linted.

Modelled on ruff's cache. An entry is keyed by the SHA-256 of the file's bytes
and by a run key: the tool version and code, the clause-kind detectors, the
selected rules (their full definitions), the parameters and every option that
changes findings. Any change there gives a new key, so stale entries are never
read; they are simply not found.

Entries are JSON (never pickle: a cache folder in a shared repository must not
be a way to run code). The folder holds a CACHEDIR.TAG and a `.gitignore` of
`*`, so backup tools and git skip it. Writes are atomic; a broken entry is a
miss, and a cache folder that cannot be written only costs speed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path

CACHE_DIR_NAME = ".pcsc-procure-cache"
FORMAT = 1
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by pcsc-procure.\n"


def default_cache_dir(config_source: Path | None) -> Path:
    """Beside the config file when there is one (the project root), else here."""
    env = os.environ.get("PCSC_PROCURE_CACHE_DIR")
    if env:
        return Path(env)
    base = config_source.parent if config_source is not None else Path.cwd()
    return base / CACHE_DIR_NAME


def _code_fingerprint() -> str:
    """Name, size and mtime of every module and detector file: edits in a
    checkout invalidate the cache even when the version number does not move."""
    import pcsc_procure

    root = Path(pcsc_procure.__file__).resolve().parent
    h = hashlib.sha256(pcsc_procure.__version__.encode())
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml")):
                st = os.stat(os.path.join(folder, name))
                h.update(f"{os.path.relpath(os.path.join(folder, name), root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def run_key(rules, params: dict, options: dict, version: str | None = None) -> str:
    """What, besides the file's bytes, decides the findings."""
    import pcsc_procure

    h = hashlib.sha256()
    h.update(f"format {FORMAT}\nversion {version or pcsc_procure.__version__}\ncode {_code_fingerprint()}\n".encode())
    for rule in sorted(rules, key=lambda r: r.id):
        h.update(repr(rule).encode())
    h.update(json.dumps(params, sort_keys=True, default=str).encode())
    h.update(json.dumps(options, sort_keys=True, default=str).encode())
    return h.hexdigest()[:32]


class ResultCache:
    """Lookup and store of per-file lint results under one run key."""

    def __init__(self, folder: Path, key: str):
        self.root = Path(folder)
        self.folder = self.root / key[:2] / key
        self.hits = 0
        self.misses = 0
        self._writable = True

    @staticmethod
    def content_key(data: bytes, extra: str = "") -> str:
        return hashlib.sha256(data).hexdigest() + (hashlib.sha256(extra.encode()).hexdigest()[:8] if extra else "")

    def get(self, key: str) -> dict | None:
        try:
            with open(self.folder / f"{key}.json", encoding="utf-8") as fh:
                entry = json.load(fh)
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, key: str, entry: dict) -> None:
        if not self._writable:
            return
        try:
            self._prepare()
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({**entry, "format": FORMAT}, fh)
            os.replace(tmp, self.folder / f"{key}.json")
        except OSError:
            self._writable = False  # read-only checkout, full disk: lint on without caching

    def _prepare(self) -> None:
        if self.folder.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Created by pcsc-procure\n*\n")):
            target = self.root / name
            if not target.exists():
                target.write_text(text, encoding="utf-8")


def result_to_entry(result) -> dict:
    return {
        "doc_type": result.doc_type, "domains": result.domains, "notes": result.notes, "format_name": result.format,
        "findings": [asdict(f) for f in result.findings], "fingerprints": result.fingerprints,
        "suppressed": result.suppressed,
    }


def entry_to_result(entry: dict, path: str):
    """Rebuild a FileResult for `path` (the same bytes may live under another name)."""
    from pcsc_procure.linter import FileResult
    from pcsc_procure.rules.model import Finding

    names = {f.name for f in fields(Finding)}
    findings = [Finding(**{k: v for k, v in f.items() if k in names}) for f in entry["findings"]]
    for f in findings:
        f.path = path
    return FileResult(
        path=path, format=entry.get("format_name"), doc_type=entry.get("doc_type"), domains=list(entry.get("domains") or []),
        notes=list(entry.get("notes") or []), findings=findings, fingerprints=list(entry.get("fingerprints") or []),
        suppressed=int(entry.get("suppressed") or 0),
    )
