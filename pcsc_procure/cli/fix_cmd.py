"""`pcsc-procure fix DRAFT -o OUT`: a copy of the draft with its missing clauses added."""

from __future__ import annotations

from pathlib import Path

import click

from pcsc_procure.cli.common import EXIT_OK, display_path
from pcsc_procure.cli.generate_common import config_for, load_templates_and_values, variable_options


@click.command()
@click.argument("draft", type=click.Path())
@click.option("-o", "--output", type=click.Path(), help="Where to write the fixed copy (same format as the draft; never the draft itself).")
@click.option("--dry-run", is_flag=True, help="List the clauses that would be added, write nothing.")
@variable_options
@click.option("--select", multiple=True, help="Only fix findings of these rules (ids, prefixes, pillars).")
@click.option("--ignore", multiple=True, help="Do not fix findings of these rules.")
@click.option("--doc-type", type=click.Choice(["contract", "rfp"]), help="Treat the draft as this document type.")
@click.option("--domain", "domains", multiple=True, help="Treat the draft as in these domains.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--isolated", is_flag=True, help="Ignore config files.")
def fix(draft, output, dry_run, vars_file, var_pairs, select, ignore, doc_type, domains, config_path, isolated):
    """Add the clauses a draft is missing, as a numbered annex, to a new file.

    Party names come from the draft's own defined terms (e.g. (the "City")),
    unless --var public_body=... / --var vendor=... say otherwise.
    """
    from pcsc_procure.cli.lint_cmd import build_options
    from pcsc_procure.errors import UserError
    from pcsc_procure.generate.fix import build_fixed, output_format
    from pcsc_procure.generate.plan import close_over, for_findings
    from pcsc_procure.generate.variables import parties_from_document
    from pcsc_procure.linter import lint_document, read
    from pcsc_procure.outputs import write_atomic
    from pcsc_procure.ruleset import load_ruleset

    if not dry_run and not output:
        raise click.UsageError("give -o/--output for the fixed copy (or --dry-run)")
    shown = display_path(draft)
    if output:
        if Path(output).resolve() == Path(draft).resolve() or (Path(output).exists() and Path(draft).exists() and Path(output).samefile(draft)):
            raise UserError(output, "refusing to write over the draft itself; choose another output path")
        output_format(draft, output)
    cfg = config_for(config_path, isolated)
    rules = load_ruleset(list(cfg.extend), list(select) or cfg.select, list(ignore) or cfg.ignore)
    options = build_options(cfg, rules, doc_type, domains)
    doc = read(draft, options, shown)
    result = lint_document(doc, options)
    templates, shared, supplied = load_templates_and_values(cfg, vars_file, var_pairs, parties_from_document(doc.text))
    selection = for_findings(result.findings, templates)

    def findings_with(clauses):
        """The draft as `fix` will write it (text plus annex), linted as the draft was."""
        from pcsc_procure.document.reader import read_bytes

        annex = "\n\n".join(p for c in clauses for p in (c.title, *c.paragraphs))
        combined = read_bytes(f"{doc.text}\n\n{annex}\n".encode("utf-8"), shown + ".txt", ".txt")
        return lint_document(combined, options).findings

    clauses = close_over(selection, templates, shared, supplied, findings_with)
    by_hand = [f for f in result.findings if f.scope == "passage"]

    verb = "Would add" if dry_run else "Added"
    if not clauses:
        click.echo(f"{shown}: no missing clauses to add.")
    else:
        target = "" if dry_run else f" to {display_path(output)}"
        click.echo(f"{verb} {len(clauses)} clause{'s' if len(clauses) != 1 else ''}{target} (Annex A: Standard clauses):")
        for i, c in enumerate(clauses, 1):
            click.echo(f"  A.{i} {c.title}  [{', '.join(selection.resolves[c.template])}]")
    if selection.without_template:
        click.echo(f"No template yet for: {', '.join(selection.without_template)}")
    if by_hand:
        click.echo(f"Still to fix by hand ({len(by_hand)} flagged passage{'s' if len(by_hand) != 1 else ''}; see `pcsc-procure lint {shown}`):")
        for f in by_hand:
            where = f"{f.page}:{f.line}" if f.page is not None else f"{f.line}"
            click.echo(f"  {shown}:{where} {f.rule} {f.message}")
    if dry_run or not clauses:
        return EXIT_OK
    data = Path(draft).read_bytes()
    write_atomic(output, build_fixed(draft, data, output, clauses), [draft])
    return EXIT_OK

