"""Command-line interface.

Only click is imported at start-up; spaCy, python-docx and pdfplumber load
when a command needs them, so `--version` and `--help` stay fast.
"""

from __future__ import annotations

import click

from pcsc_procure import __version__
from pcsc_procure.cli.common import fast_exit, run_guarded


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="pcsc-procure")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Lint smart-city procurement drafts against UN-Habitat's People-Centred
    Smart Cities guidelines, and generate the clauses they miss."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


from pcsc_procure.cli import clauses_cmd, fix_cmd, lint_cmd, pack_cmd, rules_cmd  # noqa: E402

cli.add_command(lint_cmd.lint)
cli.add_command(clauses_cmd.clauses)
cli.add_command(rules_cmd.rules)
cli.add_command(fix_cmd.fix)
cli.add_command(pack_cmd.pack)
cli.add_command(__import__("pcsc_procure.cli.init_cmd", fromlist=["init"]).init)


def main(argv: list[str] | None = None) -> None:
    fast_exit(run_guarded(cli, argv))
