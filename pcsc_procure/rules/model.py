"""Rules and findings as plain objects."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
DOC_TYPES = ("contract", "rfp")


@dataclass
class Where:
    """Which detections count: attribute filters resolved by the engine."""

    role: list[str] | None = None  # public, vendor, both, unknown
    modality: list[str] | None = None  # obligation, permission, weak, prohibition, none
    negated: bool | None = False
    # Detections matching all of these filters do not count: "unless: {role: [vendor], modality:
    # [permission]}" leaves out a right the vendor holds, and keeps the vendor's duties.
    unless: "Where | None" = None

    def accepts(self, det) -> bool:
        if self.negated is not None and det.negated != self.negated:
            return False
        if self.role is not None and (det.role or "unknown") not in self.role:
            return False
        if self.modality is not None and (det.modality or "none") not in self.modality:
            return False
        return self.unless is None or not self.unless.accepts(det)


@dataclass
class Threshold:
    kind: str
    value: str  # hours, days, years, amount, percent
    max: float | None = None
    min: float | None = None
    param: str | None = None  # configurable parameter overriding max/min
    missing: bool = False  # a detection without any value is a finding too


@dataclass
class When:
    doc_type: list[str] | None = None
    domains: list[str] | None = None  # any of
    present: list[str] = field(default_factory=list)  # all of these kinds present
    absent: list[str] = field(default_factory=list)  # none of these kinds present


@dataclass
class Check:
    type: str  # require, forbid, weak, threshold
    kinds: list[str] = field(default_factory=list)
    where: Where = field(default_factory=Where)
    weak_modalities: list[str] = field(default_factory=lambda: ["weak"])
    threshold: Threshold | None = None
    when: When = field(default_factory=When)


@dataclass
class Rule:
    id: str
    name: str
    title: str
    pillar: str
    severity: str
    applies_to: list[str]
    domains: list[str]
    source: str
    rationale: str
    message: str
    check: Check
    path: str
    line: int | None = None
    message_rfp: str | None = None
    fix: str | None = None
    examples: dict[str, list[str]] = field(default_factory=dict)
    example_lines: dict[str, int | None] = field(default_factory=dict)
    help_uri: str | None = None

    def message_for(self, doc_type: str) -> str:
        if doc_type == "rfp" and self.message_rfp:
            return self.message_rfp
        return self.message


@dataclass
class Finding:
    """One problem found in one document, located and cited."""

    rule: str
    name: str
    severity: str
    pillar: str
    title: str
    message: str
    source: str
    path: str
    scope: str  # "document" (something missing) or "passage" (something present)
    start: int | None = None
    end: int | None = None
    page: int | None = None
    line: int | None = None
    column: int | None = None
    paragraph: int | None = None
    section: str | None = None
    excerpt: str | None = None
    fix: str | None = None
    clause_kind: str | None = None
    attributes: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "pillar": self.pillar,
            "title": self.title,
            "message": self.message,
            "source": self.source,
            "path": self.path,
            "scope": self.scope,
            "location": {
                "page": self.page, "line": self.line, "column": self.column,
                "paragraph": self.paragraph, "section": self.section,
                "start": self.start, "end": self.end,
            },
            "excerpt": self.excerpt,
            "fix": self.fix,
            "clause_kind": self.clause_kind,
            "attributes": self.attributes,
        }
