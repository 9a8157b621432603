"""A Markdown summary for pull-request comments (GitHub, GitLab, Gitea).

A heading with the totals, a table of counts per severity, then per file a
table of its findings (where, severity, rule, message, guideline source, fix
template). Table cells are escaped (`|`, newlines, `<`/`>`), so draft text
can neither break the table nor inject HTML into the comment.
"""

from __future__ import annotations

from pcsc_procure.report.summary import severity_counts, where
from pcsc_procure.rules.model import SEVERITIES


def cell(text) -> str:
    s = "" if text is None else str(text)
    s = s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(s.split())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render_markdown(results, rules) -> str:
    counts = severity_counts(results)
    total = sum(counts.values())
    linted = [r for r in results if not r.error]
    out = [f"## pcsc-procure: {_plural(total, 'finding')} in {_plural(len(results), 'file')}", ""]
    out += ["| severity | findings |", "|---|---:|"]
    out += [f"| {s} | {counts[s]} |" for s in SEVERITIES]
    out.append("")
    unreadable = [r for r in results if r.error]
    if unreadable:
        out.append(f"**{_plural(len(unreadable), 'file')} could not be read:**")
        out.append("")
        out += [f"- `{cell(r.path)}`: {cell(r.error)}" for r in unreadable]
        out.append("")
    clean = [r for r in linted if not r.findings]
    for r in linted:
        if not r.findings:
            continue
        meta = r.doc_type or "unknown"
        if r.domains:
            meta += "; " + ", ".join(r.domains)
        out += [f"### `{cell(r.path)}` ({cell(meta)}): {_plural(len(r.findings), 'finding')}", ""]
        out += ["| where | severity | rule | finding | source | fix |", "|---|---|---|---|---|---|"]
        for f in r.findings:
            fix = f"`{cell(f.fix)}`" if f.fix else ""
            out.append(f"| {where(f)} | {f.severity} | `{f.rule}` | {cell(f.message)} | {cell(f.source)} | {fix} |")
        out.append("")
    if clean:
        out.append(f"No findings in: {', '.join(f'`{cell(r.path)}`' for r in clean)}")
        out.append("")
    return "\n".join(out)


def report(results, rules, **_options) -> str:
    return render_markdown(results, rules)
