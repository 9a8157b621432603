"""Errors a user can cause. Each carries the one line the CLI prints.

Anything raised that is *not* one of these is a bug in the tool, and the CLI
shows it as such (with a traceback only under --debug).
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix: bad input file, bad rule, bad option."""

    def __init__(self, path: str | None, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


class InputError(UserError):
    """A document that cannot be read (corrupt, encrypted, wrong format...)."""


class RuleError(UserError):
    """A rule or detector file that is malformed (`file:line: problem`)."""

    def __init__(self, path: str | None, problem: str, line: int | None = None):
        self.line = line
        where = f"{path}:{line}" if path and line else path
        UserError.__init__(self, where, problem)


class ConfigError(UserError):
    """A configuration file or option that is malformed."""


class TemplateError(UserError):
    """A clause template that cannot be rendered (missing or invalid variable)."""


class TimeBudgetExceeded(BaseException):
    """Raised (from a timer signal) when one file takes longer than its budget.

    A BaseException, like KeyboardInterrupt, so that a reader's broad
    `except Exception` cannot mistake it for a corrupt file and carry on.
    """
