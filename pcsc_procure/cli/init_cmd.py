"""`pcsc-procure init`: write a commented `.pcsc-procure.yaml` and show the pre-commit hook."""

from __future__ import annotations

import click

from pcsc_procure import __version__
from pcsc_procure.cli.common import EXIT_OK

# key -> (comment, YAML value lines or None when the key has no default and is shown commented out)
_KEYS: list[tuple[str, str, str | None]] = [
    ("select", "Rules to run: ids, id prefixes (PCSC-DATA) or pillars (privacy). Empty: all rules.", "[]"),
    ("ignore", "Rules to skip, same forms as select.", "[]"),
    ("fail-on", "Lowest severity that makes the exit code 1: error, warning, info or never.", "error"),
    ("format", "Report format: text, json, sarif, junit, github, markdown or html.", "text"),
    ("extend", "Extra folders of rule files, relative to this file.", "[]"),
    ("params", "Thresholds used by rules.", None),
    ("doc-type", "Treat every document as this type (contract or rfp) instead of inferring it.", "# doc-type: contract"),
    ("domains", "Treat every document as in these domains instead of inferring them.", "# domains: [iot, mobility]"),
    ("profile", "Kind of purchase whose domains decide which rules apply (see `pcsc-procure pack --list-profiles`).", "# profile: iot-sensors"),
    ("exclude", "Glob patterns of files to skip when walking folders.", "[]"),
    ("per-file-ignores", 'Rules to skip for some files: {"legacy/*.pdf": [PCSC-GREEN]}.', "{}"),
    ("max-file-mb", "Larger inputs are refused (exit 2).", "50"),
    ("max-pages", "PDFs with more pages are refused.", "3000"),
    ("pdf-engine", "pdfium (fast) or plumber (pdfplumber layout analysis, for odd layouts).", "pdfium"),
    ("max-unpacked-mb", "A .docx that would decompress to more than this is refused (zip bombs).", "200"),
    ("time-budget", "Seconds one file may take before it is abandoned with an error (0: no limit).", "60"),
    ("jobs", "Worker processes for many files (default: one per CPU).", "# jobs: 2"),
    ("vars", "Default template variables for `fix` and `pack` (e.g. the public body's name).", "{}"),
]


def config_text() -> str:
    from pcsc_procure.config import DEFAULT_PARAMS

    lines = [
        f"# pcsc-procure configuration (written by `pcsc-procure init`, version {__version__}).",
        "# Every key is shown with its default; command-line options win over this file.",
        "# Keys may be kebab-case or snake_case. Docs: README, section Configuration.",
        "",
    ]
    for key, comment, value in _KEYS:
        lines.append(f"# {comment}")
        if key == "params":
            lines.append("params:")
            lines += [f"  {k}: {v}" for k, v in DEFAULT_PARAMS.items()]
        elif value is not None and value.startswith("#"):
            lines.append(value)
        else:
            lines.append(f"{key}: {value}")
        lines.append("")
    return "\n".join(lines)


PRE_COMMIT_SNIPPET = f"""\
# .pre-commit-config.yaml: lint drafts before every commit
repos:
  - repo: <git URL of the pcsc-procure repository>
    rev: v{__version__}
    hooks:
      - id: pcsc-procure
        # args: [--fail-on, warning]
"""


@click.command()
@click.option("-o", "--output", default=".pcsc-procure.yaml", show_default=True, type=click.Path(dir_okay=False), help="Where to write the configuration.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(output, force):
    """Write a commented configuration file with every key and its default,
    and print a pre-commit hook snippet."""
    import os

    from pcsc_procure.outputs import write_atomic

    if os.path.exists(output) and not force:
        raise click.UsageError(f"{output} already exists; use --force to overwrite it")
    write_atomic(output, config_text())
    click.echo(f"Wrote {output}. To lint drafts on every commit, add to .pre-commit-config.yaml:\n")
    click.echo(PRE_COMMIT_SNIPPET, nl=False)
    return EXIT_OK
