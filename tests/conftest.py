"""Shared fixtures: paths to the repository, the CUAD dev corpus, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import tempfile
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# One results cache for the whole session, outside the repository and the
# tests' own folders (tests of the cache itself point it elsewhere).
SESSION_CACHE = tempfile.mkdtemp(prefix="pcsc-procure-test-cache-")
CUAD = Path(os.environ.get("PCSC_CUAD_DIR", REPO.parent / "shared" / "corpus" / "cuad-dev"))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def cuad() -> Path:
    if not (CUAD / "labels.jsonl").exists():
        pytest.skip(f"CUAD dev corpus not found at {CUAD}")
    return CUAD


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real command line (`python -m pcsc_procure`) in a subprocess."""
    full_env = dict(os.environ)
    full_env.pop("PCSC_PROCURE_CONFIG", None)
    full_env["NO_COLOR"] = "1"
    full_env.setdefault("PCSC_PROCURE_CACHE_DIR", SESSION_CACHE)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "pcsc_procure", *args], cwd=cwd, input=stdin, capture_output=True, env=full_env, timeout=300)


@pytest.fixture
def cli():
    return run_cli
