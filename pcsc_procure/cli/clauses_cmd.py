"""`pcsc-procure clauses`: list every detected clause with kind and place.

JSON (stable): {"version": 1, "documents": [{"path", "kind", "clauses":
[{"kind", "start", "end", "page", "line", "text"}]}]}; start/end index the
extracted text (for .txt, the decoded file content exactly).
"""

from __future__ import annotations

import json

import click

from pcsc_procure.cli.common import EXIT_ERROR, EXIT_OK, display_path, emit, error_line


def clause_entries(analysis) -> list[dict]:
    doc = analysis.document
    out = []
    for d in sorted(analysis.detections, key=lambda d: (d.start, d.kind)):
        loc = doc.locate(d.start)
        out.append({
            "kind": d.kind, "start": d.start, "end": d.end, "page": loc.page, "line": loc.line, "text": doc.text[d.start:d.end],
            "negated": d.negated, "modality": d.modality, "party": d.party, "role": d.role,
        })
    return out


def _read_one(path: str, shown: str, wanted: set[str] | None) -> dict:
    """One document's clauses (or its one-line problem), as plain data a worker can send back."""
    from pcsc_procure.analysis import analyse
    from pcsc_procure.document.reader import read_document
    from pcsc_procure.errors import UserError

    try:
        analysis = analyse(read_document(path, display_path=shown), kinds=wanted)
    except UserError as exc:
        return {"error": exc.problem}
    return {"path": shown, "kind": analysis.doc_type, "clauses": clause_entries(analysis)}


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False), required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-k", "--kind", "kinds", multiple=True, help="Only these clause kinds (repeatable).")
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per CPU).")
def clauses(paths, fmt, kinds, output, jobs):
    """List the clauses detected in drafts, with their kind and location."""
    from pcsc_procure.discover import discover
    from pcsc_procure.parallel import default_jobs, run_parallel

    wanted = set(kinds) or None
    found = [(path, display_path(path), problem) for path, problem in discover(list(paths))]
    todo = [(path, shown) for path, shown, problem in found if not problem]
    if todo:
        from pcsc_procure.detect.engine import get_detector

        get_detector()  # compiled once, before any worker forks
    answers = dict(zip(todo, run_parallel(lambda item: _read_one(*item, wanted), todo, jobs or default_jobs())))
    docs = []
    failed = False
    for path, shown, problem in found:
        problem = problem or answers[(path, shown)].get("error")
        if problem:
            error_line(f"{shown}: {problem}")
            failed = True
        else:
            docs.append(answers[(path, shown)])
    if fmt == "json":
        payload = {"version": 1, "documents": [{"path": d["path"], "kind": d["kind"], "clauses": [{k: c[k] for k in ("kind", "start", "end", "page", "line", "text")} | {"attributes": {k: c[k] for k in ("negated", "modality", "party", "role")}} for c in d["clauses"]]} for d in docs]}
        text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    else:
        lines = []
        for d in docs:
            lines.append(f"{d['path']} ({d['kind']}): {len(d['clauses'])} clause{'s' if len(d['clauses']) != 1 else ''}")
            for c in d["clauses"]:
                where = f"{c['page']}:{c['line']}" if c["page"] is not None else f"{c['line']}"
                snippet = " ".join(c["text"].split())
                snippet = snippet if len(snippet) <= 110 else snippet[:109] + "…"
                flags = []
                if c["negated"]:
                    flags.append("negated")
                if c["modality"]:
                    flags.append(c["modality"])
                if c["role"]:
                    flags.append(c["role"])
                lines.append(f"  {where:>8}  {c['kind']:<30} {snippet}" + (f"  [{', '.join(flags)}]" if flags else ""))
        text = "\n".join(lines) + "\n"
    emit(text, output, list(paths))
    return EXIT_ERROR if failed else EXIT_OK
