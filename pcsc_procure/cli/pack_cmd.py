"""`pcsc-procure pack --profile P -o pack.docx`: a standard clause pack."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import click

from pcsc_procure.cli.common import EXIT_OK, display_path
from pcsc_procure.cli.generate_common import config_for, list_variables, load_templates_and_values, variable_options

FORMATS = {".docx": "docx", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt"}


def _today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


@click.command()
@click.option("-p", "--profile", help="Kind of purchase (see --list-profiles).")
@click.option("-o", "--output", type=click.Path(), help="Output file: .docx, .md, .html or .txt.")
@click.option("--list-profiles", is_flag=True, help="Print the profiles, one per line, and exit.")
@click.option("--list-variables", is_flag=True, help="Print every template variable with its default and range, and exit.")
@variable_options
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--isolated", is_flag=True, help="Ignore config files.")
def pack(profile, output, list_profiles, list_variables, vars_file, var_pairs, config_path, isolated):
    """Write a standard clause pack for a kind of purchase."""
    from pcsc_procure.generate import writers
    from pcsc_procure.generate.plan import for_profile, render_all
    from pcsc_procure.generate.profiles import get_profile, load_profiles
    from pcsc_procure.outputs import write_atomic
    from pcsc_procure.resources import data_dir
    from pcsc_procure.ruleset import load_ruleset

    if list_profiles:
        for p in load_profiles(data_dir("clause_templates")).values():
            click.echo(f"{p.name:<14} {p.description}")
        return EXIT_OK
    cfg = config_for(config_path, isolated)
    templates, shared, supplied = load_templates_and_values(cfg, vars_file, var_pairs)
    if list_variables:
        click.echo(list_variables(templates, shared), nl=False)
        return EXIT_OK
    if not profile or not output:
        raise click.UsageError("give --profile and -o/--output (or --list-profiles)")
    fmt = FORMATS.get(Path(output).suffix.lower())
    if fmt is None:
        raise click.UsageError(f"unsupported pack format {Path(output).suffix or '(none)'}; use .docx, .md, .html or .txt")
    prof = get_profile(profile)
    rules = load_ruleset(list(cfg.extend))
    selection = for_profile(rules, templates, prof.domains)
    clauses = render_all(selection, shared, supplied)
    values = {}
    for c in clauses:
        values.update(c.values)
    pk = writers.Pack(profile=prof.name, description=prof.description, date=_today(), values=values, clauses=clauses)
    data = {"docx": writers.pack_docx, "md": writers.pack_markdown, "html": writers.pack_html, "txt": writers.pack_text}[fmt](pk)
    write_atomic(output, data)
    covered = sorted({r for ids in selection.resolves.values() for r in ids})
    click.echo(f"Wrote {display_path(output)}: {len(clauses)} clauses for profile {prof.name}, covering {len(covered)} rules.")
    if selection.without_template:
        click.echo(f"No template yet for: {', '.join(selection.without_template)}")
    return EXIT_OK
