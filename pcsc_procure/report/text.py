"""Human-readable output, grouped by file.

Locations read `path:LINE` for text, Markdown and Word (the line in the
extracted text; one paragraph per line for Word) and `path:PAGE:LINE` for
PDF. Missing-clause findings concern the whole document and carry no line.
"""

from __future__ import annotations

from pcsc_procure.report.summary import severity_counts

_COLORS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1"}


def _c(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text


def location(f) -> str:
    if f.scope == "document":
        return f.path
    if f.page is not None:
        return f"{f.path}:{f.page}:{f.line}"
    return f"{f.path}:{f.line}"


def render_text(results, color: bool = False, quiet: bool = False, show_source: bool = True) -> str:
    out: list[str] = []
    for r in results:
        if r.error:
            continue  # reported on stderr, one line per file; counted in the summary
        if not r.findings and quiet:
            continue
        meta = r.doc_type or "unknown"
        if r.domains:
            meta += "; domains: " + ", ".join(r.domains)
        out.append(f"{_c(r.path, 'bold', color)} ({meta})")
        if not quiet:
            for note in r.notes:
                out.append(f"  note: {note}")
        for f in r.findings:
            sev = _c(f"{f.severity:<7}", f.severity, color)
            line = f"  {location(f)}: {sev} {f.rule} {f.message}"
            if show_source:
                line += _c(f" [{f.source}]", "dim", color)
            out.append(line)
            if f.excerpt and not quiet:
                out.append(_c(f"      | {f.excerpt}", "dim", color))
            if f.fix and not quiet:
                out.append(_c(f"      fix: clause template '{f.fix}'", "dim", color))
        if not r.findings:
            out.append("  no findings")
    counts = severity_counts(results)
    total = sum(counts.values())
    unreadable = sum(1 for r in results if r.error)
    parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    tail = f"Found {total} problem{'s' if total != 1 else ''}" + (f" ({', '.join(parts)})" if parts else "") + f" in {len(results)} file{'s' if len(results) != 1 else ''}"
    if unreadable:
        tail += f"; {unreadable} file{'s' if unreadable != 1 else ''} could not be read"
    out.append("")
    out.append(tail + ".")
    return "\n".join(out) + "\n"


def report(results, rules, color: bool = False, quiet: bool = False, **_options) -> str:
    return render_text(results, color=color, quiet=quiet)
