"""Options and value handling shared by `fix` and `pack`."""

from __future__ import annotations

from pathlib import Path

import click


def variable_options(f):
    f = click.option("--vars", "vars_file", type=click.Path(dir_okay=False), help="YAML file of template variable values.")(f)
    f = click.option("--var", "var_pairs", multiple=True, metavar="NAME=VALUE", help="Set a template variable (repeatable).")(f)
    return f


def load_templates_and_values(cfg, vars_file, var_pairs, inferred: dict | None = None):
    """(templates, shared declarations, supplied values): defaults < draft < config < file < --var."""
    from pcsc_procure.generate.plan import check_supplied
    from pcsc_procure.generate.templates import load_templates, template_folders
    from pcsc_procure.generate.variables import load_vars_file, parse_assignments

    templates, shared = load_templates(template_folders())
    explicit = {**cfg.vars}
    if vars_file:
        explicit.update(load_vars_file(vars_file))
    explicit.update(parse_assignments(list(var_pairs)))
    check_supplied(explicit, templates, shared)
    supplied = {**(inferred or {}), **explicit}
    return templates, shared, supplied


def list_variables(templates, shared) -> str:
    lines = []
    for name, var in sorted(shared.items()):
        lines.append(f"{name:<26} {var.type:<6} default {var.default!s:<12} {var.description}")
    for t in sorted(templates.values(), key=lambda t: t.id):
        for name, var in sorted(t.variables.items()):
            rng = ""
            if var.min is not None or var.max is not None:
                rng = f" [{'' if var.min is None else f'{var.min:g}'}..{'' if var.max is None else f'{var.max:g}'}]"
            lines.append(f"{name:<26} {var.type:<6} default {var.default!s:<12} {var.description}{rng} ({t.id})")
    return "\n".join(lines) + "\n"


def config_for(config_path, isolated):
    from pcsc_procure.config import load_config

    return load_config(config_path, isolated=isolated)


_ = Path
