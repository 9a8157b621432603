"""The pre-commit hook for real: `pre-commit try-repo` against a repository of drafts.

The hook repository is a fresh git commit of this working tree (tracked and
untracked, not ignored, files), so uncommitted changes are what gets tested.
pre-commit builds its own virtualenv and installs the package into it from
PyPI (try-repo uses a fresh store each time), which takes a minute or two
per run: marked slow, but in the default run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lintkit import DRAFT

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git not installed"),
    pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit not installed (pip install '.[test]')"),
]

CLEAN = """# Parking Sensors Agreement

1. The City shall own all data collected by the Sensors.

2. The Vendor shall notify the City of any security breach within 24 hours.
"""


def git(cwd: Path, *args: str, env: dict | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


def snapshot(dest: Path, env: dict) -> Path:
    """A one-commit git repository holding this working tree as it is now."""
    listed = git(REPO, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for rel in filter(None, listed):
        src = REPO / rel
        if not src.is_file():
            continue  # deleted in the working tree
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    git(dest, "init", "-q", env=env)
    git(dest, "add", "-A", env=env)
    git(dest, "commit", "-q", "-m", "snapshot of the working tree", env=env)
    return dest


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    env = dict(os.environ)
    env.update({
        "PRE_COMMIT_HOME": str(base / "cache"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": str(base / "gitconfig"), "NO_COLOR": "1",
    })
    (base / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
    hook_repo = snapshot(base / "hook", env)
    drafts = base / "drafts"
    drafts.mkdir()
    git(drafts, "init", "-q", env=env)
    # only the passage rules: the clean draft below is clean for them
    (drafts / ".pcsc-procure.yaml").write_text("select: [PCSC-DATA-002, PCSC-PRIV-003]\n")
    (drafts / "bad.md").write_text(DRAFT)
    (drafts / "Clean.MD").write_text(CLEAN)
    (drafts / "helper.py").write_text("print('not a draft: the hook must not lint it')\n")
    git(drafts, "add", "-A", env=env)
    return hook_repo, drafts, env


def try_repo(setup, *files: str) -> subprocess.CompletedProcess:
    hook_repo, drafts, env = setup
    return subprocess.run([PRE_COMMIT, "try-repo", str(hook_repo), "pcsc-procure", "--files", *files], cwd=drafts, env=env, capture_output=True, text=True, timeout=1500)


def test_hook_fails_on_a_draft_with_findings(setup):
    r = try_repo(setup, "bad.md")
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "Failed" in out
    assert "bad.md:11: error   PCSC-DATA-002" in out and "bad.md:13: error   PCSC-PRIV-003" in out


def test_hook_passes_on_a_clean_draft_and_skips_other_files(setup):
    r = try_repo(setup, "Clean.MD", "helper.py")  # upper-case extension still matches; .py is never passed
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    # had helper.py been passed, lint would have refused it (exit 2) and the hook failed
    assert "Passed" in out and "Skipped" not in out


def test_hook_manifest_fields(repo):
    import yaml

    [hook] = yaml.safe_load((repo / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "pcsc-procure" and hook["entry"] == "pcsc-procure lint" and hook["language"] == "python"
    assert hook["types"] == ["file"] and hook["files"].startswith("(?i)")
