"""Inline suppressions: markers in Markdown and text drafts, and Word comments.

    <!-- pcsc-procure: ignore PCSC-DATA-001 PCSC-LOCK -->   the next block, those rules
    <!-- pcsc-procure: ignore -->                           the next block, every rule
    <!-- pcsc-procure: ignore-file PCSC-GREEN -->           the whole file, those rules
    <!-- pcsc-procure: ignore-file -->                      the whole file, every rule
    pcsc-procure: ignore PCSC-DATA-001                      (.txt only) on a line of its own
    a Word comment containing "pcsc-procure: ignore ID"     the commented paragraph
    a Word comment containing "pcsc-procure: ignore-file"   the whole file

Rules are named as for `--ignore`: ids, id prefixes (PCSC-GREEN), pillars or
rule names, separated by spaces or commas; text after a `;` is a free note
("ignore PCSC-LOCK-002; renewal agreed by council"). Document-level findings
(a missing clause) have no place in the text, so only `ignore-file` reaches them.

A marker (or one of its rule names) that suppressed nothing is reported as
PCSC-META-001, an info finding at the marker, so stale suppressions get
cleaned up. A name that matches a known rule which simply did not run
(`--select`, `per-file-ignores`) is not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pcsc_procure.rules.model import Check, Finding, Rule

META_ID = "PCSC-META-001"
META_RULE = Rule(
    id=META_ID,
    name="unused-suppression",
    title="A suppression marker suppresses nothing",
    pillar="meta",
    severity="info",
    applies_to=["contract", "rfp"],
    domains=["general"],
    source="pcsc-procure (tool rule: inline suppressions)",
    rationale=(
        "A `pcsc-procure: ignore` marker that no longer hides any finding is stale: the clause it "
        "excused was changed or removed, or the rule id is mistyped. Left in place it would silently "
        "hide a future finding on that passage."
    ),
    message="This suppression marker suppresses nothing; remove it or correct the rule id.",
    check=Check(type="suppression"),
    path="<built-in>",
)

_HTML = re.compile(r"<!--\s*pcsc-procure:\s*(ignore-file|ignore)(?![\w-])(.*?)-->", re.DOTALL)
_LINE = re.compile(r"^[ \t]*pcsc-procure:[ \t]*(ignore-file|ignore)(?![\w-])([^\r\n]*)$", re.MULTILINE)
_WORD = re.compile(r"pcsc-procure:\s*(ignore-file|ignore)(?![\w-])([^\r\n]*)")


@dataclass
class Marker:
    scope: str  # "file" or "block"
    tokens: list[str]  # empty: every rule
    start: int  # where the marker is (offsets into Document.text)
    end: int
    text: str  # the marker as written, for messages
    span: tuple[int, int] | None = None  # the passage a block marker covers
    used: set[str] = field(default_factory=set)  # tokens (or "*") that suppressed something


def _tokens(rest: str) -> list[str]:
    rest = rest.split(";", 1)[0]
    return [t for t in re.split(r"[\s,]+", rest.strip()) if t]


def rule_matches(rule_id: str, pillar: str | None, name: str | None, token: str) -> bool:
    t = token.strip()
    up = t.upper()
    return up == "ALL" or rule_id == up or rule_id.startswith(up.rstrip("-") + "-") or pillar == t.lower() or name == t.lower()


def find_markers(doc) -> list[Marker]:
    """Every suppression marker in a document (text markers and Word comments)."""
    markers: list[Marker] = []
    if doc.format in ("md", "txt"):
        found = [(m, m.start(), m.end()) for m in _HTML.finditer(doc.text)]
        if doc.format == "txt":
            found += [(m, m.start(), m.end()) for m in _LINE.finditer(doc.text)]
        for m, s, e in sorted(found, key=lambda x: x[1]):
            scope = "file" if m.group(1) == "ignore-file" else "block"
            markers.append(Marker(scope, _tokens(m.group(2)), s, e, " ".join(m.group(0).split())))
        _attach_spans(doc, markers)
    for block in doc.blocks:
        for comment in getattr(block, "comments", None) or ():
            for m in _WORD.finditer(comment):
                scope = "file" if m.group(1) == "ignore-file" else "block"
                markers.append(Marker(scope, _tokens(m.group(2)), block.start, block.end, " ".join(m.group(0).split()), span=(block.start, block.end)))
    return markers


def _attach_spans(doc, markers: list[Marker]) -> None:
    """A block marker covers the first block that has text after the marker."""
    spans = sorted((m.start, m.end) for m in markers)

    def only_markers(s: int, e: int) -> bool:
        pos = s
        for ms, me in spans:
            if me <= pos or ms >= e:
                continue
            if doc.text[pos:ms].strip():
                return False
            pos = max(pos, me)
        return not doc.text[pos:e].strip()

    blocks = sorted(doc.blocks, key=lambda b: b.start)
    for m in markers:
        if m.scope != "block":
            continue
        for b in blocks:
            if b.end <= m.end:
                continue
            s = max(b.start, m.end)
            if only_markers(s, b.end):
                continue
            m.span = (s, b.end)
            break


def _covers(marker: Marker, finding) -> bool:
    if marker.scope == "file":
        return True
    if finding.scope == "document" or marker.span is None or finding.start is None:
        return False
    return marker.span[0] <= finding.start < marker.span[1]


def _suppressing_token(marker: Marker, finding) -> str | None:
    if not marker.tokens:
        return "*"
    for t in marker.tokens:
        if rule_matches(finding.rule, finding.pillar, finding.name, t):
            return t
    return None


def apply_markers(doc, pairs: list, markers: list[Marker], ran_rules: list, known_rules: list | None, report_stale: bool) -> tuple[list, int, list[Finding]]:
    """Drop suppressed (finding, fingerprint) pairs; return (kept, n_suppressed, stale findings)."""
    kept = []
    suppressed = 0
    for pair in pairs:
        finding = pair[0]
        hit = False
        for marker in markers:
            if not _covers(marker, finding):
                continue
            token = _suppressing_token(marker, finding)
            if token is not None:
                marker.used.add(token)
                hit = True
        if hit:
            suppressed += 1
        else:
            kept.append(pair)
    stale = _stale(doc, markers, ran_rules, known_rules) if report_stale else []
    return kept, suppressed, stale


def _stale(doc, markers: list[Marker], ran_rules: list, known_rules: list | None) -> list[Finding]:
    known = known_rules if known_rules is not None else ran_rules
    out = []
    for m in markers:
        if not m.tokens:
            unused = [] if m.used else ["every rule"]
        else:
            unused = []
            for t in m.tokens:
                if t in m.used:
                    continue
                if any(rule_matches(r.id, r.pillar, r.name, t) for r in ran_rules):
                    unused.append(t)
                elif not any(rule_matches(r.id, r.pillar, r.name, t) for r in known):
                    unused.append(f"{t} (no such rule)")
        if not unused:
            continue
        what = "" if not m.tokens else " for " + ", ".join(unused)
        out.append(_meta_finding(doc, m, f"Suppression `{m.text}` suppressed nothing{what}; remove it or correct the rule id."))
    return out


def _meta_finding(doc, marker: Marker, message: str) -> Finding:
    r = META_RULE
    loc = doc.locate(marker.start)
    return Finding(
        rule=r.id, name=r.name, severity=r.severity, pillar=r.pillar, title=r.title, message=message, source=r.source,
        path=doc.path, scope="passage", start=marker.start, end=marker.end, page=loc.page, line=loc.line, column=loc.column,
        paragraph=loc.paragraph, section=loc.section, excerpt=marker.text[:160],
    )
