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
    pdf_engine: str = "pdfium"
    known_rules: list | None = None  # every loaded rule, selected or not (judges stale suppressions)
    baseline: Any = None  # a baseline.Baseline whose findings are not reported
    keep_document: bool = False  # keep FileResult.document (html report, --annotate)


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
        return read_bytes(data, shown, pdf_engine=options.pdf_engine, max_pages=options.max_pages)
    return read_document(path, display_path=shown, max_bytes=int(options.max_file_mb * 1024 * 1024), pdf_engine=options.pdf_engine, max_pages=options.max_pages)


def lint_document(doc, options: LintOptions) -> FileResult:
    from pcsc_procure.analysis import analyse
    from pcsc_procure.baseline import fingerprint
    from pcsc_procure.rules.engine import evaluate
    from pcsc_procure.selection import select_rules
    from pcsc_procure.suppress import META_ID, apply_markers, find_markers

    analysis = analyse(doc, doc_type=options.doc_type, domains=options.domains)
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
    baselined = 0
    if options.baseline is not None:
        kept = [p for p in pairs if not options.baseline.take(doc.path, p[1])]
        baselined = len(pairs) - len(kept)
        pairs = kept
    pairs.sort(key=lambda p: (p[0].scope != "document", p[0].start or 0, p[0].rule))
    return FileResult(
        path=doc.path, format=doc.format, doc_type=analysis.doc_type, domains=analysis.domains, notes=list(doc.notes),
        findings=[f for f, _ in pairs], fingerprints=[fp for _, fp in pairs], suppressed=suppressed, baselined=baselined,
        document=doc if options.keep_document else None,
    )


def lint_path(path: str, options: LintOptions, display: str | None = None, data: bytes | None = None) -> FileResult:
    shown = display or path
    try:
        doc = read(path, options, display, data)
        return lint_document(doc, options)
    except UserError as exc:
        return FileResult(path=shown, error=exc.problem)
    except MemoryError:
        return FileResult(path=shown, error="too large to process in memory")
    except RecursionError:
        return FileResult(path=shown, error="structure nested too deeply to process")
    except Exception as exc:  # a bug: say so, keep going
        return FileResult(path=shown, error=f"internal error ({type(exc).__name__}: {exc}); please report it (run with --debug for details)", internal=traceback.format_exc())
