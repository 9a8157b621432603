"""The JSON Schema of `lint --format json`, and the doc that shows it.

docs/json-output.md embeds this schema between two markers; a test checks
that the doc matches it and that real output validates against it (every
object closed with additionalProperties: false), so neither can drift.
Regenerate the doc's block with:

    python -m pcsc_procure.report.json_schema docs/json-output.md
"""

from __future__ import annotations

import json
import sys

_STR = {"type": "string"}
_OPT_STR = {"type": ["string", "null"]}
_OPT_INT = {"type": ["integer", "null"], "minimum": 0}
_SEVERITY = {"enum": ["error", "warning", "info"]}
_COUNTS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["error", "warning", "info"],
    "properties": {s: {"type": "integer", "minimum": 0} for s in ("error", "warning", "info")},
}

FINDING = {
    "type": "object",
    "additionalProperties": False,
    "required": ["rule", "name", "severity", "pillar", "title", "message", "source", "path", "scope", "location", "excerpt", "fix", "clause_kind", "attributes", "fingerprint"],
    "properties": {
        "rule": {"type": "string", "pattern": "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$", "description": "stable rule id, e.g. PCSC-DATA-002"},
        "name": {"type": "string", "description": "rule name, e.g. vendor-owns-public-data"},
        "severity": _SEVERITY,
        "pillar": {"type": "string", "description": "guideline pillar, e.g. data-ownership (meta for tool rules)"},
        "title": _STR,
        "message": {"type": "string", "description": "what is wrong, for this document type"},
        "source": {"type": "string", "description": "the guideline section the rule derives from"},
        "path": _STR,
        "scope": {"enum": ["document", "passage"], "description": "document: a clause is missing; passage: a clause found in the text"},
        "location": {
            "type": "object",
            "additionalProperties": False,
            "required": ["page", "line", "column", "paragraph", "section", "start", "end"],
            "properties": {
                "page": {**_OPT_INT, "description": "PDF page (1-based); null for other formats"},
                "line": {**_OPT_INT, "description": "line of the extracted text (on the page, for PDFs); 1 for document-level findings"},
                "column": _OPT_INT,
                "paragraph": {**_OPT_INT, "description": "ordinal of the block (paragraph, clause, cell) in the document"},
                "section": {**_OPT_STR, "description": "number of the enclosing clause, e.g. 12.3(b)"},
                "start": {**_OPT_INT, "description": "character offset into the document's extracted text (exactly into a .txt/.md file's decoded content); null for document-level findings"},
                "end": _OPT_INT,
            },
        },
        "excerpt": {**_OPT_STR, "description": "the passage, whitespace-collapsed, at most 160 characters"},
        "fix": {**_OPT_STR, "description": "id of the clause template that fixes it"},
        "clause_kind": {**_OPT_STR, "description": "the detected clause kind the finding is about"},
        "attributes": {"type": "object", "description": "detection attributes: negated, modality, party, role"},
        "fingerprint": {"type": ["string", "null"], "pattern": "^[0-9a-f]{20}$", "description": "hash of rule id + normalised passage; what baselines match"},
    },
}

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "pcsc-procure lint --format json",
    "type": "object",
    "additionalProperties": False,
    "required": ["version", "tool", "files", "summary"],
    "properties": {
        "version": {"const": 1, "description": "bumped only on incompatible changes"},
        "tool": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name", "version"],
            "properties": {"name": {"const": "pcsc-procure"}, "version": _STR},
        },
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "format", "doc_type", "domains", "notes", "error", "findings", "suppressed", "baselined"],
                "properties": {
                    "path": {"type": "string", "description": "as given, or relative to the working directory"},
                    "format": {"enum": ["docx", "pdf", "md", "txt", None]},
                    "doc_type": {"type": ["string", "null"], "description": "contract, rfp or unknown; null if unreadable"},
                    "domains": {"type": "array", "items": _STR},
                    "notes": {"type": "array", "items": _STR, "description": "what the reader noticed (tracked changes, pages without text...)"},
                    "error": {**_OPT_STR, "description": "why the file could not be linted (then findings is empty)"},
                    "findings": {"type": "array", "items": FINDING},
                    "suppressed": {"type": "integer", "minimum": 0, "description": "findings hidden by inline markers or Word comments"},
                    "baselined": {"type": "integer", "minimum": 0, "description": "findings hidden by --baseline"},
                },
            },
        },
        "summary": {
            "type": "object",
            "additionalProperties": False,
            "required": ["files", "files_with_errors", "findings", "by_severity", "suppressed", "baselined"],
            "properties": {
                "files": {"type": "integer", "minimum": 0},
                "files_with_errors": {"type": "integer", "minimum": 0},
                "findings": {"type": "integer", "minimum": 0},
                "by_severity": _COUNTS,
                "suppressed": {"type": "integer", "minimum": 0},
                "baselined": {"type": "integer", "minimum": 0},
            },
        },
    },
}

BEGIN = "<!-- json-schema:begin (generated by python -m pcsc_procure.report.json_schema) -->"
END = "<!-- json-schema:end -->"


def schema_block() -> str:
    return f"{BEGIN}\n```json\n{json.dumps(SCHEMA, indent=2)}\n```\n{END}"


def update_doc(text: str) -> str:
    if BEGIN not in text or END not in text:
        raise ValueError("markers not found")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return head + schema_block() + tail


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m pcsc_procure.report.json_schema docs/json-output.md", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as fh:
        text = fh.read()
    with open(args[0], "w", encoding="utf-8") as fh:
        fh.write(update_doc(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
