"""Footnotes and endnotes of a Word draft, numbered as the reader sees them.

Word numbers notes by the order of their references in the body (1, 2, 3
for footnotes; i, ii, iii for endnotes), not by their XML ids, and keeps
separator "notes" that are not text at all. Notes the body no longer refers
to (their reference was deleted) are not shown. Tracked changes inside notes
are accepted like those of the body, and reported the same way.
"""

from __future__ import annotations

from pcsc_procure.document.docx_numbering import W, format_number
from pcsc_procure.document.docx_text import paragraph_text

_NOT_TEXT = ("separator", "continuationSeparator", "continuationNotice")
_REMOVED = (W + "del", W + "moveFrom")
_CHANGES = tuple(W + t for t in ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange"))
# (relationship type suffix, note tag, reference tag, default number format)
_KINDS = (
    ("/footnotes", "footnote", "footnoteReference", "decimal"),
    ("/endnotes", "endnote", "endnoteReference", "lowerRoman"),
)


def _referenced_ids(body, ref_tag: str) -> list[str]:
    """Note ids in the order the body refers to them (deleted references left out)."""
    out: list[str] = []
    seen: set[str] = set()
    for ref in body.iter(W + ref_tag):
        nid = ref.get(W + "id")
        if nid is None or nid in seen or any(True for _ in ref.iterancestors(*_REMOVED)):
            continue
        seen.add(nid)
        out.append(nid)
    return out


def notes(doc) -> tuple[list[tuple[str, str]], bool]:
    """(label, text) of every footnote then endnote in reference order, and
    whether the notes hold tracked changes."""
    from docx.oxml.parser import parse_xml

    body = doc.element.body
    out: list[tuple[str, str]] = []
    tracked = False
    for suffix, tag, ref_tag, fmt in _KINDS:
        parts = [rel.target_part for rel in doc.part.rels.values() if not rel.is_external and rel.reltype.endswith(suffix)]
        if not parts:
            continue
        texts: dict[str, str] = {}
        root = parse_xml(parts[0].blob)
        tracked = tracked or any(True for _ in root.iter(*_CHANGES))
        for note in root.iter(W + tag):
            nid = note.get(W + "id")
            if nid is None or note.get(W + "type") in _NOT_TEXT:
                continue
            text = " ".join(t for t in (paragraph_text(p)[0].strip() for p in note.iter(W + "p")) if t)
            if text:
                texts[nid] = text
        for n, nid in enumerate(_referenced_ids(body, ref_tag), start=1):
            if nid in texts:
                out.append((format_number(n, fmt), texts[nid]))
    return out, tracked
