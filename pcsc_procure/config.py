"""Configuration: defaults < config file < command line.

The config file is the first of `.pcsc-procure.yaml` or a `pyproject.toml`
with a `[tool.pcsc-procure]` table found walking up from the current directory
(or given with `--config`). Keys may be written kebab-case or snake_case.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pcsc_procure.errors import ConfigError

FAIL_ON = ("error", "warning", "info", "never")
PDF_ENGINES = ("pdfium", "plumber")
DEFAULT_PARAMS = {
    "breach_notice_hours": 72,
    "max_initial_term_years": 5,
    "retention_days": 365,
    "max_experience_years": 5,
}
KEYS = {
    "select": list,
    "ignore": list,
    "fail_on": str,
    "format": str,
    "extend": list,  # extra rule folders, relative to the config file
    "params": dict,
    "doc_type": str,
    "domains": list,
    "profile": str,  # a kind of purchase: its domains, instead of inferring them
    "exclude": list,  # glob patterns of files to skip in directory walks
    "per_file_ignores": dict,
    "max_file_mb": (int, float),
    "max_pages": int,
    "pdf_engine": str,
    "time_budget": (int, float),
    "max_unpacked_mb": (int, float),
    "jobs": int,
    "vars": dict,  # template variable defaults for fix/pack
}


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    format: str = "text"
    extend: list[Path] = field(default_factory=list)
    params: dict = field(default_factory=lambda: dict(DEFAULT_PARAMS))
    doc_type: str | None = None
    domains: list[str] | None = None
    profile: str | None = None
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    max_file_mb: float = 50
    max_pages: int = 3000
    pdf_engine: str = "pdfium"
    time_budget: float = 60
    max_unpacked_mb: float = 200
    jobs: int | None = None
    vars: dict = field(default_factory=dict)
    source: Path | None = None  # the file this came from, if any


def _normalise(raw: dict, path: Path) -> dict:
    out = {}
    for key, value in raw.items():
        k = str(key).replace("-", "_")
        if k not in KEYS:
            raise ConfigError(str(path), f"unknown key {key!r} (known: {', '.join(sorted(k.replace('_', '-') for k in KEYS))})")
        want = KEYS[k]
        if want is list and isinstance(value, str):
            value = [value]
        if not isinstance(value, want) or isinstance(value, bool) and want is not bool:
            kind = want.__name__ if isinstance(want, type) else "number"
            raise ConfigError(str(path), f"{key!r} must be a {kind}")
        out[k] = value
    return out


def _read_yaml(path: Path) -> dict:
    from pcsc_procure.errors import RuleError
    from pcsc_procure.yamlio import load_yaml_file

    try:
        data = load_yaml_file(path)
    except RuleError as exc:
        raise ConfigError(exc.path, exc.problem) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(str(path), "must be a mapping of settings")
    return data


def _read_pyproject(path: Path) -> dict | None:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read: {exc}") from None
    table = data.get("tool", {}).get("pcsc-procure")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(str(path), "[tool.pcsc-procure] must be a table")
    return table


def find_config(start: Path) -> Path | None:
    """Nearest config file at or above `start`."""
    current = start.resolve()
    for folder in (current, *current.parents):
        candidate = folder / ".pcsc-procure.yaml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _read_pyproject(pyproject) is not None:
            return pyproject
    return None


def load_config(explicit: str | None = None, start: Path | None = None, isolated: bool = False) -> Config:
    cfg = Config()
    if isolated:
        return cfg
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(explicit, "config file not found")
    else:
        path = find_config(start or Path(os.getcwd()))
        if path is None:
            return cfg
    if path.name == "pyproject.toml":
        raw = _read_pyproject(path) or {}
    else:
        raw = _read_yaml(path)
    values = _normalise(raw, path)
    base = path.parent
    for key, value in values.items():
        if key == "extend":
            cfg.extend = [(base / v).resolve() for v in value]
        elif key == "params":
            cfg.params.update(value)
        elif key == "per_file_ignores":
            cfg.per_file_ignores = {str(k): ([v] if isinstance(v, str) else list(v)) for k, v in value.items()}
        else:
            setattr(cfg, key, value)
    if cfg.fail_on not in FAIL_ON:
        raise ConfigError(str(path), f"fail-on must be one of {', '.join(FAIL_ON)}")
    if cfg.pdf_engine not in PDF_ENGINES:
        raise ConfigError(str(path), f"pdf-engine must be one of {', '.join(PDF_ENGINES)}")
    if cfg.jobs is not None and cfg.jobs < 1:
        raise ConfigError(str(path), "jobs must be 1 or more")
    if cfg.max_pages < 1 or cfg.max_file_mb <= 0 or cfg.max_unpacked_mb <= 0 or cfg.time_budget < 0:
        raise ConfigError(str(path), "max-pages, max-file-mb and max-unpacked-mb must be positive, time-budget 0 (none) or more")
    cfg.source = path
    return cfg
