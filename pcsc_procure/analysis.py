"""Read-side pipeline for one document: structure, detections, type, domains.

`analyse()` is what lint, clauses and the benchmarks share; it knows nothing
of rules or output formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pcsc_procure.detect.doctype import infer_doc_type, infer_domains
from pcsc_procure.document.model import Document


@dataclass
class Analysis:
    document: Document
    detections: list = field(default_factory=list)
    doc_type: str = "unknown"
    domains: list[str] = field(default_factory=list)

    def of_kind(self, kind: str) -> list:
        return [d for d in self.detections if d.kind == kind]


def analyse(doc: Document, detector=None, kinds: set[str] | None = None, doc_type: str | None = None, domains: list[str] | None = None) -> Analysis:
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.segment.structure import annotate_structure

    annotate_structure(doc)
    det = detector or get_detector()
    detections = det.detect(doc, kinds)
    return Analysis(
        document=doc,
        detections=detections,
        doc_type=doc_type or infer_doc_type(doc.analysis_text),
        domains=list(domains) if domains is not None else infer_domains(doc.analysis_text),
    )


def analyse_text(text: str, path: str = "<text>.txt", **kwargs) -> Analysis:
    """Analyse a string as if it were a file named `path` (tests, stdin)."""
    from pcsc_procure.document.reader import read_bytes

    return analyse(read_bytes(text.encode("utf-8"), path), **kwargs)
