"""A catalog the window holds open keeps its locks: other vod-app commands never take its WAL away.

On POSIX, closing any descriptor of a file drops every lock the process holds on it. The app's
background check used to read the catalog's header with ``open()``: from then on another ``vod-app``
command, on its way out, found no other user, checkpointed and deleted the window's ``-wal`` and
``-shm``. The window's later writes went to deleted files: no other process saw them, and the
user-state snapshot at quit failed with "disk I/O error".
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from .processes import HERE, ROOT, env_for, vod_app


def _posix_locks_of(pid: int, path: Path) -> list[str]:
    """The POSIX locks process ``pid`` holds on ``path`` (from /proc/locks).

    Matched by inode number only: on overlay file systems the device /proc/locks shows is not the
    one stat() reports.
    """
    ino = str(path.stat().st_ino)
    held = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields:  # a waiter, not a holder
            continue
        if len(fields) >= 6 and fields[1] == "POSIX" and fields[4] == str(pid) and fields[5].rsplit(":", 1)[-1] == ino:
            held.append(line)
    return held


def _ask(proc: subprocess.Popen[str], command: str) -> dict:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(command + "\n")
    proc.stdin.flush()
    line = proc.stdout.readline()
    assert line, proc.stderr.read() if proc.stderr else "no answer"
    return json.loads(line)


def test_the_window_keeps_its_locks_and_its_writes_reach_other_processes(home: Path, db: Path) -> None:
    wal = Path(f"{db}-wal")
    holder = subprocess.Popen(
        [sys.executable, str(HERE / "app_holder.py"), f"sqlite:///{db}"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(home), cwd=ROOT,
    )
    try:
        started = json.loads(holder.stdout.readline() or "{}")  # type: ignore[union-attr]
        assert started.get("opened"), (started, holder.stderr.read() if holder.poll() is not None else "")  # type: ignore[union-attr]
        assert _posix_locks_of(holder.pid, db), "the window holds no lock on its catalog"
        checked = _ask(holder, "check")  # the background check the app runs after start-up
        assert checked["ok"], checked
        assert _posix_locks_of(holder.pid, db), "the check dropped the window's locks on its catalog"

        recent = vod_app("recent", "-n", "1", home=home)  # another vod-app, as people run them
        assert recent.returncode == 0, recent.stderr
        assert wal.exists(), "another command deleted the window's -wal"

        written = _ask(holder, "write live-uid 123456")
        assert written == {"written": 123456, "read_back": 123456}
        reader = subprocess.run(
            [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
             "print(c.execute(\"SELECT position_ms FROM watch_state WHERE recording_uid = 'live-uid'\").fetchone())", str(db)],
            capture_output=True, text=True, timeout=60,
        )
        assert reader.stdout.strip() == "(123456,)", (reader.stdout, reader.stderr)
        assert wal.exists()
        assert _posix_locks_of(holder.pid, db), "the window lost its locks"

        closed = _ask(holder, "quit")
        assert closed == {"closed": True}
        _, err = holder.communicate(timeout=60)
        assert holder.returncode == 0, err
        assert "no user-state snapshot" not in err, err
        backups = home / "data" / "backups"
        assert list(backups.glob("*.part")) == [], list(backups.iterdir())
        assert list(backups.glob("catalog.user-state-*-exit.sqlite3")), "no snapshot taken at quit"
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(10)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT position_ms FROM watch_state WHERE recording_uid = 'live-uid'").fetchone() == (123456,)
    conn.close()
