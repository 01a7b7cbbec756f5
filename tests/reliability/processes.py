"""Running vod-app and helper scripts in subprocesses, as people and other programs do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "VOD_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra}
    env.pop("VOD_APP_DB", None)
    return env


def vod_app(*args: str, home: Path, timeout: float = 120, preexec_fn: Callable[[], None] | None = None, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``vod-app ARGS``; never a traceback on stderr, whatever happens."""
    cmd = [sys.executable, "-m", "vod_app", *args]
    if unprivileged:
        cmd = without_file_privileges(cmd)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env_for(home), timeout=timeout, cwd=ROOT, preexec_fn=preexec_fn)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    """The CLI's promise for a user error: exit 1 and exactly one line on stderr."""
    assert proc.returncode == 1, (proc.returncode, proc.stdout[-500:], proc.stderr)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("vod-app: ")
    return lines[0]


def without_file_privileges(cmd: Sequence[str]) -> list[str]:
    """Root ignores file permissions: drop the capabilities that let it (so 0444 means read-only).

    ``setpriv`` (util-linux) removes CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding
    set; the process keeps uid 0 and can still run the interpreter under /root.
    """
    if os.geteuid() != 0:
        return list(cmd)
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to test permissions as root"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *cmd]


_HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA busy_timeout = 10000")
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
conn.close()
print("released", flush=True)
"""


def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the catalog's write lock (``BEGIN IMMEDIATE``, as an import does) for
    ``seconds``; returns once it holds it."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc
