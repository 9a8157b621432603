"""Bits every command shares: exit codes, error lines, colour, output."""

from __future__ import annotations

import errno
import os
import sys
import traceback
from typing import NoReturn

import click

from pcsc_procure.errors import UserError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def error_line(message: str) -> None:
    click.echo(f"pcsc-procure: error: {message}", err=True)


def use_color(choice: str, stream=None) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def read_stdin(name: str, max_file_mb: float) -> tuple[bytes | None, str | None]:
    """The bytes of `-` within max-file-mb, or the one-line problem (lint and clauses alike)."""
    from pcsc_procure.document.reader import load_stream_bytes
    from pcsc_procure.errors import InputError

    try:
        return load_stream_bytes(click.get_binary_stream("stdin"), name, int(max_file_mb * 1048576)), None
    except InputError as exc:
        return None, exc.problem


def emit(text: str, output: str | None, inputs: list[str]) -> None:
    if output and output != "-":
        from pcsc_procure.outputs import write_atomic

        write_atomic(output, text, inputs)
    else:
        click.echo(text, nl=False)


def display_path(path: str) -> str:
    """Show paths relative to the working directory when they are inside it."""
    try:
        absolute = os.path.abspath(path)
        rel = os.path.relpath(absolute)
        return rel if not rel.startswith("..") and not os.path.isabs(path) else path
    except ValueError:
        return path


def fast_exit(code: int) -> NoReturn:
    """Flush the output and end the process without tearing the interpreter down.

    Freeing the detectors' objects one by one at exit took 0.28 s of a 1.85 s lint of
    a one-page draft (15%); the operating system takes the memory back at once. Nothing
    is left to close by then: reports and cache entries are written atomically before
    this, and worker pools are shut. (mypy leaves the same way.) Under a profiler or a
    tracer (cProfile, coverage), which report at interpreter exit, it exits normally.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            pass  # the reader has gone (`| head`): nothing more to say to it
        except (OSError, ValueError) as exc:  # a full disk under `> report.txt`: the report is incomplete
            try:
                _write_failure(exc)
            except (OSError, ValueError):
                pass
            code = EXIT_ERROR
    if sys.gettrace() is not None or sys.getprofile() is not None:
        sys.exit(code)
    os._exit(code)


def run_guarded(cli, argv) -> int:
    """Run click; map user errors to one line + exit 2, bugs to a short report."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        rv = cli.main(args=argv, prog_name="pcsc-procure", standalone_mode=False)
        return rv if isinstance(rv, int) else EXIT_OK
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        error_line("aborted")
        return EXIT_ERROR
    except UserError as exc:
        error_line(str(exc))
        if debug:
            traceback.print_exc()
        return EXIT_ERROR
    except BrokenPipeError:
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return EXIT_ERROR
    except KeyboardInterrupt:
        error_line("interrupted")
        return 130
    except OSError as exc:
        if exc.errno in _WRITE_FAILURES:  # the output's own writing failed (`> report.txt` on a full disk): no bug
            _write_failure(exc)
            return EXIT_ERROR
        return _internal_error(exc, debug)
    except Exception as exc:  # a bug in the tool
        return _internal_error(exc, debug)


# What only writing can fail with: a disk or a quota full, a file grown too large.
_WRITE_FAILURES = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _write_failure(exc: Exception) -> None:
    """The one line for output that could not be written, whether click's write or the last flush failed."""
    error_line(f"could not write the output: {getattr(exc, 'strerror', None) or exc}")


def _internal_error(exc: BaseException, debug: bool) -> int:
    if debug:
        traceback.print_exception(exc)
    error_line(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback, and please report it)")
    return EXIT_ERROR
