"""Progress bar, --quiet and `pcsc-procure init`."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys

from lintkit import DRAFT, write


def _run_with_tty_stderr(args, cwd) -> tuple[int, str, bytes]:
    """Run the CLI with stderr on a pseudo-terminal and stdout on a pipe."""
    master, slave = pty.openpty()
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    proc = subprocess.Popen([sys.executable, "-m", "pcsc_procure", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    tty = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            tty += chunk
        elif proc.poll() is not None:
            break
    out = proc.stdout.read().decode()
    proc.wait(timeout=300)
    os.close(master)
    return proc.returncode, out, tty


def test_progress_bar_only_on_a_terminal(tmp_path):
    for i in range(3):
        write(tmp_path, f"d{i}.md", DRAFT)
    code, out, tty = _run_with_tty_stderr(["lint", "."], tmp_path)
    assert code == 1
    assert b"] 1/3 d" in tty and b"] 3/3 d" in tty and tty.endswith(b"\r\x1b[2K")  # files counted as they finish, then cleared
    assert "\r" not in out and "Found" in out  # stdout (piped) is clean
    code, out, tty = _run_with_tty_stderr(["lint", "--quiet", "."], tmp_path)
    assert b"/3" not in tty  # --quiet: no bar
    code, out, tty = _run_with_tty_stderr(["lint", "d0.md"], tmp_path)
    assert b"1/1" not in tty and b"0/1" not in tty  # one file: no bar


def test_progress_silent_when_piped(tmp_path, cli):
    for i in range(2):
        write(tmp_path, f"d{i}.md", DRAFT)
    r = cli("lint", ".", cwd=tmp_path)
    assert r.returncode == 1 and r.stderr == b""


def test_progress_class_draws_and_clears():
    from pcsc_procure.cli.progress import Progress

    class TTY(io.StringIO):
        def isatty(self):
            return True

    s = TTY()
    p = Progress(4, stream=s)
    p.update(2, "drafts/a-very-long-name.docx")
    p.close()
    assert "[" in s.getvalue() and "2/4 drafts/a-very-long-name.docx" in s.getvalue() and s.getvalue().endswith("\r\x1b[2K")
    piped = io.StringIO()
    Progress(4, stream=piped).update(1, "x")
    assert piped.getvalue() == ""


def test_init_writes_every_key_and_refuses_to_overwrite(tmp_path, cli):
    from pcsc_procure.config import KEYS, Config, load_config

    r = cli("init", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "repos:" in out and "id: pcsc-procure" in out  # the pre-commit snippet
    text = (tmp_path / ".pcsc-procure.yaml").read_text()
    for key in KEYS:
        assert f"{key.replace('_', '-')}:" in text, key
    cfg = load_config(str(tmp_path / ".pcsc-procure.yaml"))
    cfg.source = None
    assert cfg == Config()  # exactly the defaults
    (tmp_path / ".pcsc-procure.yaml").write_text("fail-on: never\n")
    r = cli("init", cwd=tmp_path)
    assert r.returncode == 2 and b"already exists" in r.stderr
    assert (tmp_path / ".pcsc-procure.yaml").read_text() == "fail-on: never\n"
    r = cli("init", "--force", cwd=tmp_path)
    assert r.returncode == 0 and "pdf-engine: pdfium" in (tmp_path / ".pcsc-procure.yaml").read_text()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]  # atomic: no temp file left
