"""Lint documents: read, analyse, evaluate rules; one result per file.

After the rules: inline suppressions (`suppress.py`) drop the findings their
markers cover and report stale markers (PCSC-META-001, when that rule is in
the run), then a baseline (`baseline.py`) drops the findings it accepts. Each
finding gets a fingerprint (rule + normalised passage) for baselines and SARIF.

Input problems (unreadable, corrupt, encrypted...) become a per-file error
with one line of explanation, and the run goes on with the other files.
"""

from __future__ import annotations

import fnmatch
import os
import traceback
from dataclasses import dataclass, field
from typing import Any

from pcsc_procure.errors import UserError


@dataclass
class FileResult:
    path: str
    format: str | None = None
    doc_type: str | None = None
    domains: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)
    error: str | None = None  # one line: why the file could not be linted
    internal: str | None = None  # traceback text for a bug (shown with --debug)
    fingerprints: list[str] = field(default_factory=list)  # one per finding, same order (see baseline.py)
    suppressed: int = 0  # findings hidden by inline markers or Word comments
    baselined: int = 0  # findings hidden because the baseline accepts them
    # The document as read: kept only when a reporter needs its text (html,
    # --annotate), so large runs in other formats do not hold every text.
    document: Any = field(default=None, repr=False, compare=False)

    def pairs(self) -> list[tuple[Any, str | None]]:
        """(finding, fingerprint) for every finding."""
        fps = self.fingerprints
        return [(f, fps[i] if i < len(fps) else None) for i, f in enumerate(self.findings)]

    def as_dict(self) -> dict:
        return {
            "path": self.path, "format": self.format, "doc_type": self.doc_type, "domains": self.domains,
            "notes": self.notes, "error": self.error,
            "findings": [{**f.as_dict(), "fingerprint": fp} for f, fp in self.pairs()],
            "suppressed": self.suppressed, "baselined": self.baselined,
        }


@dataclass
class LintOptions:
    rules: list
    params: dict
    doc_type: str | None = None
    domains: list[str] | None = None
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    max_file_mb: float = 50
    max_pages: int = 3000
    time_budget: float = 60  # seconds per file; 0 = none (see deadline.py)
    max_unpacked_mb: float = 200  # a .docx's decompressed size (zip bombs)
    pdf_engine: str = "pdfium"
    known_rules: list | None = None  # every loaded rule, selected or not (judges stale suppressions)
    keep_document: bool = False  # keep FileResult.document (html report, --annotate)
    cache: Any = None  # a cache.ResultCache, or None (--no-cache, stdin)

    def cache_options(self) -> dict:
        """Every option that changes findings, for the cache's run key."""
        return {"doc_type": self.doc_type, "domains": self.domains, "max_pages": self.max_pages, "pdf_engine": self.pdf_engine, "max_unpacked_mb": self.max_unpacked_mb,
                "known": sorted(r.id for r in self.known_rules or [])}


def _ignored_for(path: str, per_file: dict[str, list[str]]) -> list[str]:
    out = []
    norm = path.replace(os.sep, "/")
    for pattern, ids in per_file.items():
        if fnmatch.fnmatch(norm, pattern) or fnmatch.fnmatch(os.path.basename(norm), pattern):
            out.extend(ids)
    return out


def read(path: str, options: LintOptions, display: str | None = None, data: bytes | None = None):
    from pcsc_procure.document.reader import read_bytes, read_document

    shown = display or path
    if data is not None:
        return read_bytes(data, shown, pdf_engine=options.pdf_engine, max_pages=options.max_pages, max_unpacked=_unpacked(options))
    return read_document(path, display_path=shown, max_bytes=int(options.max_file_mb * 1024 * 1024), pdf_engine=options.pdf_engine, max_pages=options.max_pages, max_unpacked=_unpacked(options))


def _unpacked(options: LintOptions) -> int:
    return int(options.max_unpacked_mb * 1024 * 1024)


def _domains_for(doc, pinned: list[str] | None) -> list[str] | None:
    """The domains pinned by the command line or config, else those of a profile the document
    declares (`pcsc-procure: profile NAME`), else None: inferred from the text."""
    if pinned is not None:
        return pinned
    from pcsc_procure.directives import declared_profile

    name = declared_profile(doc)
    if name is None:
        return None
    from pcsc_procure.errors import UserError
    from pcsc_procure.generate.profiles import get_profile, lint_domains

    try:
        return lint_domains(get_profile(name))
    except UserError as exc:
        doc.notes.append(f"{exc.problem} (in its pcsc-procure marker); domains inferred from the text")
        return None


def lint_document(doc, options: LintOptions) -> FileResult:
    from pcsc_procure.analysis import analyse
    from pcsc_procure.baseline import fingerprint
    from pcsc_procure.rules.engine import evaluate
    from pcsc_procure.selection import select_rules
    from pcsc_procure.suppress import META_ID, apply_markers, find_markers

    analysis = analyse(doc, doc_type=options.doc_type, domains=_domains_for(doc, options.domains))
    rules = options.rules
    ignored = _ignored_for(doc.path, options.per_file_ignores)
    if ignored:
        rules = select_rules(rules, None, ignored)
    engine_rules = [r for r in rules if r.id != META_ID]
    findings = evaluate(engine_rules, analysis, options.params)

    def passage(f) -> str:
        return doc.text[f.start:f.end] if f.start is not None else ""

    pairs = [(f, fingerprint(f.rule, passage(f))) for f in findings]
    suppressed = 0
    markers = find_markers(doc)
    if markers:
        report_stale = len(engine_rules) != len(rules)
        pairs, suppressed, stale = apply_markers(doc, pairs, markers, engine_rules, options.known_rules, report_stale)
        pairs += [(f, fingerprint(f.rule, passage(f))) for f in stale]
    pairs.sort(key=lambda p: (p[0].scope != "document", p[0].start or 0, p[0].rule))
    return FileResult(
        path=doc.path, format=doc.format, doc_type=analysis.doc_type, domains=analysis.domains, notes=list(doc.notes),
        findings=[f for f, _ in pairs], fingerprints=[fp for _, fp in pairs], suppressed=suppressed,
        document=doc if options.keep_document else None,
    )


def apply_baseline(result: FileResult, baseline) -> FileResult:
    """Drop the findings the baseline accepts (in the parent process: a baseline counts what it takes)."""
    if baseline is None or result.error:
        return result
    pairs = [p for p in result.pairs() if not baseline.take(result.path, p[1])]
    result.baselined += len(result.findings) - len(pairs)
    result.findings, result.fingerprints = [f for f, _ in pairs], [fp for _, fp in pairs]
    return result


def cached_result(path: str, options: LintOptions, display: str | None = None) -> FileResult | None:
    """The stored result for this file's current bytes, or None (miss, no cache, unreadable)."""
    if options.cache is None or options.keep_document:
        return None
    try:
        return _cache_lookup(path, display or path, options)[2]
    except UserError:
        return None  # lint_path reports it


def _cache_lookup(path: str, shown: str, options: LintOptions) -> tuple[bytes, str, FileResult | None]:
    """(the file's bytes, its cache key, the stored result or None)."""
    from pcsc_procure.cache import entry_to_result

    data = _load(path, shown, options)
    key = _content_key(path, data, options)
    entry = options.cache.get(key)
    return data, key, (entry_to_result(entry, shown) if entry is not None else None)


def _load(path: str, shown: str, options: LintOptions) -> bytes:
    from pcsc_procure.document.reader import load_file_bytes

    return load_file_bytes(path, shown, int(options.max_file_mb * 1024 * 1024))


def _content_key(path: str, data: bytes, options: LintOptions) -> str:
    # The same bytes read as .md and as .txt differ; per-file-ignores depend on the name.
    extra = os.path.splitext(path)[1].lower() + "|" + ",".join(sorted(_ignored_for(path, options.per_file_ignores)))
    return options.cache.content_key(data, extra)


def lint_path(path: str, options: LintOptions, display: str | None = None, data: bytes | None = None) -> FileResult:
    """Lint one file (or in-memory bytes), through the cache when there is one. No baseline here."""
    shown = display or path
    from pcsc_procure.deadline import time_budget
    from pcsc_procure.errors import TimeBudgetExceeded

    try:
        with time_budget(options.time_budget):
            return _lint_path(path, shown, options, display, data)
    except TimeBudgetExceeded:
        return FileResult(path=shown, error=f"took longer than the {options.time_budget:g} s per-file time budget (time-budget); split the file or raise the limit")


def _lint_path(path: str, shown: str, options: LintOptions, display: str | None, data: bytes | None) -> FileResult:
    try:
        use_cache = options.cache is not None and data is None and not options.keep_document
        if use_cache:
            data, key, hit = _cache_lookup(path, shown, options)
            if hit is not None:
                return hit
            from pcsc_procure.document.reader import read_bytes

            doc = read_bytes(data, shown, os.path.splitext(path)[1], pdf_engine=options.pdf_engine, max_pages=options.max_pages, max_unpacked=_unpacked(options))
        else:
            doc = read(path, options, display, data)
        result = lint_document(doc, options)
        if use_cache:
            from pcsc_procure.cache import result_to_entry

            options.cache.put(key, result_to_entry(result))
        return result
    except UserError as exc:
        return FileResult(path=shown, error=exc.problem)
    except MemoryError:
        return FileResult(path=shown, error="too large to process in memory")
    except RecursionError:
        return FileResult(path=shown, error="structure nested too deeply to process")
    except Exception as exc:  # a bug: say so, keep going
        return FileResult(path=shown, error=f"internal error ({type(exc).__name__}: {exc}); please report it (run with --debug for details)", internal=traceback.format_exc())
