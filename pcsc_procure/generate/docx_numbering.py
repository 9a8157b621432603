"""Real Word list numbering for generated clauses ("1.", "1.1" or "A.1", "A.1.1").

Adds one multi-level numbering definition to a python-docx document, so
headings and clause paragraphs are numbered by Word itself (and renumber
when a lawyer edits them), not by typed-in digits.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn


def _level(ilvl: int, text: str, indent: int, hanging: int) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
    )


def add_clause_numbering(document, prefix: str = "") -> int:
    """Create a two-level list ("{prefix}%1." / "{prefix}%1.%2"); return its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    top = f"{prefix}%1." if not prefix else f"{prefix}%1"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>'
        + _level(0, top, 567, 567)
        + _level(1, f"{prefix}%1.%2", 1134, 567)
        + "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # schema order: every abstractNum before any num
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def number_paragraph(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    existing = ppr.find(qn("w:numPr"))
    if existing is not None:
        ppr.remove(existing)
    # numPr goes after pStyle/keepNext... but before spacing/ind; inserting after pStyle is schema-valid.
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numpr)
    else:
        ppr.insert(0, numpr)
