"""`pcsc-procure clauses`: list every detected clause with kind and place.

JSON (stable): {"version": 1, "documents": [{"path", "kind", "clauses":
[{"kind", "start", "end", "page", "line", "text"}]}]}; start/end index the
extracted text (for .txt, the decoded file content exactly).
"""

from __future__ import annotations

import json

import click

from pcsc_procure.cli.common import EXIT_ERROR, EXIT_OK, display_path, emit, error_line, read_stdin


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


def _read_one(path: str, shown: str, wanted: set[str] | None, options, data: bytes | None = None) -> dict:
    """One document's clauses (or its one-line problem), as plain data a worker can send back.

    Read as `lint` reads: the config's size, page and unpacked limits, PDF engine and time budget.
    """
    from pcsc_procure.analysis import analyse
    from pcsc_procure.deadline import time_budget
    from pcsc_procure.errors import TimeBudgetExceeded, UserError
    from pcsc_procure.linter import read

    try:
        with time_budget(options.time_budget):
            analysis = analyse(read(path, options, shown, data), kinds=wanted)
    except UserError as exc:
        return {"error": exc.problem}
    except TimeBudgetExceeded:
        return {"error": f"took longer than the {options.time_budget:g} s per-file time budget (time-budget); split the file or raise the limit"}
    return {"path": shown, "kind": analysis.doc_type, "clauses": clause_entries(analysis)}


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-k", "--kind", "kinds", multiple=True, help="Only these clause kinds (repeatable).")
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: `jobs` in config, else one per CPU).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: nearest .pcsc-procure.yaml or pyproject.toml).")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--stdin-filename", help="Name (and so format) of the document read from `-`.")
@click.option("--list-kinds", is_flag=True, help="Print every clause kind (name, title, CUAD category), one per line, and exit.")
def clauses(paths, fmt, kinds, output, jobs, config_path, isolated, stdin_filename, list_kinds):
    """List the clauses detected in drafts (files or folders; `-` for stdin), with their kind and location.

    Files are read as `lint` reads them: the config's `exclude`, size, page and
    time limits and PDF engine apply. Exit code 2 when an input could not be
    read (the others are still listed).
    """
    from pcsc_procure.cli.lint_cmd import build_options
    from pcsc_procure.config import load_config
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.discover import discover
    from pcsc_procure.parallel import default_jobs, run_parallel

    if list_kinds:
        specs = sorted(get_detector().kinds.values(), key=lambda k: k.kind)
        click.echo("".join(f"{k.kind:32s} {k.title}" + (f"  [CUAD: {k.cuad}]" if k.cuad else "") + "\n" for k in specs), nl=False)
        return EXIT_OK
    if not paths:
        raise click.UsageError("give at least one file or folder (or `-` for stdin), or --list-kinds")
    cfg = load_config(config_path, isolated=isolated)
    options = build_options(cfg, [], None, None)
    wanted = set(kinds) or None
    if wanted:
        import difflib

        known = sorted(get_detector().kinds)  # compiled once, before any worker forks
        for k in sorted(wanted - set(known)):
            close = difflib.get_close_matches(k, known, n=3)
            hint = f"did you mean {', '.join(close)}?" if close else "`pcsc-procure clauses --list-kinds` lists them"
            raise click.BadParameter(f"unknown clause kind {k!r}; {hint}", param_hint="--kind")
    answers: dict = {}
    found = []
    if "-" in paths:
        name = stdin_filename or "stdin.txt"
        found.append(("-", name, None))
        data, problem = read_stdin(name, options.max_file_mb)
        answers[("-", name)] = {"error": problem} if problem else _read_one(name, name, wanted, options, data=data)
    found += [(path, display_path(path), problem) for path, problem in discover([p for p in paths if p != "-"], cfg.exclude)]
    todo = [(path, shown) for path, shown, problem in found if not problem and path != "-"]
    detector = get_detector() if todo else None  # compiled once, before any worker forks
    answers.update(zip(todo, run_parallel(lambda item: _read_one(*item, wanted, options), todo, jobs or cfg.jobs or default_jobs(),
                                          before_fork=lambda: detector.prepare(wanted))))
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
                if c["role"] or c["party"]:
                    flags.append(c["role"] or c["party"])  # a named party without a public/vendor role: its name
                lines.append(f"  {where:>8}  {c['kind']:<30} {snippet}" + (f"  [{', '.join(flags)}]" if flags else ""))
        text = "\n".join(lines) + "\n"
    emit(text, output, list(paths))
    return EXIT_ERROR if failed else EXIT_OK
