"""Lint documents: read, analyse, evaluate rules; one result per file.

Input problems (unreadable, corrupt, encrypted...) become a per-file error
with one line of explanation, and the run goes on with the other files.
"""

from __future__ import annotations

import fnmatch
import os
import traceback
from dataclasses import dataclass, field

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

    def as_dict(self) -> dict:
        return {
            "path": self.path, "format": self.format, "doc_type": self.doc_type, "domains": self.domains,
            "notes": self.notes, "error": self.error, "findings": [f.as_dict() for f in self.findings],
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
    from pcsc_procure.rules.engine import evaluate
    from pcsc_procure.selection import select_rules

    analysis = analyse(doc, doc_type=options.doc_type, domains=options.domains)
    rules = options.rules
    ignored = _ignored_for(doc.path, options.per_file_ignores)
    if ignored:
        rules = select_rules(rules, None, ignored)
    findings = evaluate(rules, analysis, options.params)
    findings.sort(key=lambda f: (f.scope != "document", f.start or 0, f.rule))
    return FileResult(path=doc.path, format=doc.format, doc_type=analysis.doc_type, domains=analysis.domains, notes=list(doc.notes), findings=findings)


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
