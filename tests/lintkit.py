"""Helpers for the report, suppression and baseline tests: run `lint` in-process.

In-process runs share one loaded detector, so these tests stay quick; the
CLI's own behaviour in a subprocess is covered by test_cli_lint.py.
"""

from __future__ import annotations

from pathlib import Path

from test_cli_lint import DRAFT  # the same sample draft as the CLI tests

RENEWAL = "1.1 Thereafter, this Agreement shall automatically renew"
VENDOR_DATA = "2.1 The Vendor shall retain all right, title and interest"
BREACH = "2.2 The Vendor shall notify the City of any security breach"


def lint(monkeypatch, capsys, cwd: Path, *args: str) -> tuple[int, str, str]:
    """Run `pcsc-procure lint ARGS` in `cwd`, in this process: (exit code, stdout, stderr)."""
    from pcsc_procure.cli import cli
    from pcsc_procure.cli.common import run_guarded

    monkeypatch.chdir(cwd)
    monkeypatch.setenv("NO_COLOR", "1")
    capsys.readouterr()
    code = run_guarded(cli, ["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(folder: Path, name: str, content: str | bytes) -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return p


def draft_docx(path: Path, comment_on_breach: str | None = None) -> Path:
    """The DRAFT as a Word file (with a table), optionally with a comment on clause 2.2."""
    import docx

    d = docx.Document()
    d.add_heading("Smart Parking Sensor Services Agreement", 1)
    d.add_paragraph('This Agreement is entered into by and between the City of Riverton (the "City") and ParkSense Ltd. (the "Vendor").')
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Contract value"
    table.cell(0, 1).text = "EUR 400,000"
    d.add_heading("1. Term", 2)
    d.add_paragraph(RENEWAL + " for successive one-year terms unless either party gives notice of non-renewal.")
    d.add_heading("2. Data", 2)
    d.add_paragraph(VENDOR_DATA + " in the data collected by the Sensors.")
    breach = d.add_paragraph(BREACH + " within thirty (30) days.")
    if comment_on_breach:
        d.add_comment(breach.runs, text=comment_on_breach, author="City Legal", initials="CL")
    d.save(str(path))
    return path
