"""`pcsc-procure lint`: check drafts against the guideline rules."""

from __future__ import annotations

import os
from pathlib import Path

import click

from pcsc_procure.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, display_path, emit, error_line, read_stdin, use_color

FAIL_ON = ("error", "warning", "info", "never")
DOC_TYPES = ("contract", "rfp")


def exit_code(results, fail_on: str) -> int:
    from pcsc_procure.rules.model import SEVERITY_RANK

    if any(r.error for r in results):
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def build_options(cfg, rules, doc_type, domains):
    from pcsc_procure.linter import LintOptions

    return LintOptions(
        rules=rules, params=cfg.params, doc_type=doc_type or cfg.doc_type, domains=list(domains) if domains else cfg.domains,
        per_file_ignores=cfg.per_file_ignores, max_file_mb=cfg.max_file_mb, max_pages=cfg.max_pages, pdf_engine=cfg.pdf_engine, time_budget=cfg.time_budget,
        max_unpacked_mb=cfg.max_unpacked_mb,
    )


FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")  # = report.FORMATS (not imported: keeps --help fast)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None, help="Output format (default: text, or `format` in config).")
@click.option("-o", "--output", type=click.Path(), help="Write the report to this file (atomically) instead of stdout.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None, help="Lowest severity that makes the exit code 1 (default: error).")
@click.option("--select", multiple=True, help="Only these rules: ids, id prefixes (PCSC-DATA) or pillars; comma-separated or repeated.")
@click.option("--ignore", multiple=True, help="Skip these rules: ids, id prefixes or pillars.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra folder of rule files (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: nearest .pcsc-procure.yaml or pyproject.toml).")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--doc-type", type=click.Choice(DOC_TYPES), help="Treat every document as this type instead of inferring it.")
@click.option("--domain", "domains", multiple=True, help="Treat documents as in these domains (iot, ai, cloud, mobility, surveillance, energy, data-sharing).")
@click.option("-p", "--profile", help="Kind of purchase (see `pack --list-profiles`): its domains decide which rules apply, instead of inferring them.")
@click.option("--stdin-filename", help="Name (and so format) of the document read from `-`.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="JSON file of accepted findings: only findings not in it are reported.")
@click.option("--update-baseline", is_flag=True, help="Write every current finding to the --baseline file (files not linted now keep their entries).")
@click.option("--annotate", "annotate_path", type=click.Path(dir_okay=False), help="Write a copy of the (single) .docx input with a Word comment on each flagged paragraph.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule produced instead of the findings (text or json).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: `jobs` in config, else one per CPU).")
@click.option("--no-cache", is_flag=True, help="Lint every file afresh: neither read nor write the results cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Results cache folder (default: .pcsc-procure-cache beside the config file, or here; env PCSC_PROCURE_CACHE_DIR).")
@click.option("-q", "--quiet", is_flag=True, help="Only print findings and errors (no notes, excerpts or progress bar).")
@click.pass_context
def lint(ctx, paths, fmt, output, fail_on, select, ignore, rule_dirs, config_path, isolated, doc_type, domains, profile, stdin_filename, baseline_path, update_baseline, annotate_path, statistics, color, jobs, no_cache, cache_dir, quiet):
    """Lint drafts (files or folders of .docx, .pdf, .md, .txt; `-` for stdin).

    Exit codes: 0 no findings at or above --fail-on; 1 findings at or above it;
    2 usage error or an input that could not be read (the others are still linted).
    """
    from pcsc_procure.cli.progress import Progress
    from pcsc_procure.config import load_config
    from pcsc_procure.discover import discover
    from pcsc_procure.linter import FileResult, apply_baseline, lint_path
    from pcsc_procure.parallel import default_jobs, lint_files
    from pcsc_procure.report import NEEDS_DOCUMENT, render
    from pcsc_procure.ruleset import load_ruleset
    from pcsc_procure.selection import select_rules
    from pcsc_procure.suppress import META_RULE

    if not paths:
        raise click.UsageError("give at least one file or folder to lint (or `-` for stdin)")
    cfg = load_config(config_path, isolated=isolated)
    fmt = fmt or cfg.format
    if fmt not in FORMATS:
        raise click.UsageError(f"unknown format {fmt!r} in config (known: {', '.join(FORMATS)})")
    if statistics and fmt not in ("text", "json"):
        raise click.UsageError("--statistics prints text or json; drop --format " + fmt)
    if update_baseline and not baseline_path:
        raise click.UsageError("--update-baseline needs --baseline FILE")
    if annotate_path and (len(paths) != 1 or paths[0] == "-" or not paths[0].lower().endswith(".docx")):
        raise click.UsageError("--annotate works on exactly one .docx input file")
    fail_on = fail_on or cfg.fail_on
    extra = [*cfg.extend, *(Path(d) for d in rule_dirs)]
    known = [*load_ruleset(extra), META_RULE]
    rules = select_rules(known, list(select) or cfg.select, list(ignore) or cfg.ignore)
    profile = profile or cfg.profile
    if profile:
        from pcsc_procure.generate.profiles import get_profile, lint_domains

        domains = lint_domains(get_profile(profile), domains)
    options = build_options(cfg, rules, doc_type, domains)
    options.known_rules = known
    options.keep_document = fmt in NEEDS_DOCUMENT or bool(annotate_path)
    baseline = None
    if baseline_path:
        from pcsc_procure.baseline import Baseline

        baseline = Baseline.load(baseline_path, missing_ok=update_baseline)
    if not no_cache:
        from pcsc_procure.cache import ResultCache, default_cache_dir, run_key

        folder = Path(cache_dir) if cache_dir else default_cache_dir(cfg.source)
        options.cache = ResultCache(folder, run_key(rules, options.params, options.cache_options()))

    results = []
    file_paths = [p for p in paths if p != "-"]
    if "-" in paths:
        name = stdin_filename or "stdin.txt"
        data, problem = read_stdin(name, options.max_file_mb)
        results.append(FileResult(path=name, error=problem) if problem else lint_path(name, options, display=name, data=data))
    found = discover(file_paths, cfg.exclude)
    tasks, slots = [], []
    for path, problem in found:
        shown = display_path(path)
        if problem:
            results.append(FileResult(path=shown, error=problem))
        else:
            slots.append(len(results))
            results.append(None)
            tasks.append((path, shown))
    progress = Progress(len(tasks), enabled=False if quiet else None)
    finished = [0]

    def done(_i, result):
        finished[0] += 1
        progress.update(finished[0], result.path)

    for slot, result in zip(slots, lint_files(tasks, options, jobs or cfg.jobs or default_jobs(), done)):
        results[slot] = result
    if baseline is not None and not update_baseline:
        results = [apply_baseline(r, baseline) for r in results]
    progress.close()

    debug = ctx.obj.get("debug") if ctx.obj else False
    for r in results:
        if r.internal and debug:
            click.echo(r.internal, err=True)
        if r.error:
            error_line(f"{r.path}: {r.error}")
    if update_baseline:
        _write_baseline(baseline, results, quiet)
    elif baseline is not None and not quiet and baseline.unmatched(results):
        n = baseline.unmatched(results)
        click.echo(f"pcsc-procure: note: {n} baseline entr{'y' if n == 1 else 'ies'} matched no finding (fixed?); --update-baseline drops them", err=True)
    if annotate_path:
        _annotate(paths[0], results[0], annotate_path, quiet)
    if statistics:
        from pcsc_procure.report.statistics import render_statistics

        text = render_statistics(results, rules, fmt)
    else:
        text = render(fmt, results, rules, color=use_color(color) if not output else False, quiet=quiet, fail_on=fail_on, root=os.getcwd())
    emit(text, output, file_paths)
    return exit_code(results, fail_on)


def _write_baseline(baseline, results, quiet: bool) -> None:
    """Accept every current finding: write them all, then report none of them."""
    from pcsc_procure.baseline import render_baseline, updated_entries
    from pcsc_procure.outputs import write_atomic

    entries = updated_entries(baseline, results)
    write_atomic(baseline.path, render_baseline(entries))
    for r in results:
        r.baselined += len(r.findings)
        r.findings, r.fingerprints = [], []
    if not quiet:
        click.echo(f"pcsc-procure: wrote {len(entries)} finding{'s' if len(entries) != 1 else ''} to baseline {baseline.path}", err=True)


def _annotate(source: str, result, target: str, quiet: bool) -> None:
    if result.error:
        return  # already reported; nothing to annotate
    from pcsc_procure.report.docx_annotate import annotate_docx

    n = annotate_docx(source, result, target)
    if not quiet:
        click.echo(f"pcsc-procure: wrote {target} with {n} comment{'s' if n != 1 else ''}", err=True)
