"""Where the bundled data lives.

In a wheel the top-level `rules/` and `clause_templates/` folders are copied to
`pcsc_procure/_data/`; in a source checkout (or editable install) they sit
beside the package. Both layouts resolve here and nowhere else.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the bundled data folder `name` ("rules" or "clause_templates")."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled data folder {name!r} is missing from the installation")


def detector_dir() -> Path:
    """Clause-kind detector patterns (package data, not user-extensible yet)."""
    return _PACKAGE / "detect" / "kinds"
