"""One window per user: a second launch brings the running window forward and exits."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from vod_app.single_instance import SingleInstance

from .processes import ROOT, env_for

_PROBE = """
import sys, time
from PySide6.QtCore import QCoreApplication
from vod_app.single_instance import SingleInstance
app = QCoreApplication([])
start = float(sys.argv[2])
while time.time() < start:  # every process asks at the same moment
    time.sleep(0.001)
guard = SingleInstance(sys.argv[1])
first = guard.acquire()
print("first" if first else "second", flush=True)
if first:
    deadline = time.time() + float(sys.argv[3])
    while time.time() < deadline:
        app.processEvents()
        time.sleep(0.005)
"""


@pytest.fixture
def name() -> str:
    return f"vod-app-test-{uuid.uuid4().hex[:12]}"


def test_second_object_activates_the_first(qtbot, name: str) -> None:
    first, second = SingleInstance(name), SingleInstance(name)
    assert first.acquire()
    with qtbot.waitSignal(first.activated, timeout=5_000):
        assert not second.acquire()
    assert second.server is None


def test_stale_socket_of_a_killed_instance_is_taken_over(qtbot, name: str, tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _PROBE, name, "0", "60"], stdout=subprocess.PIPE, text=True, env=env_for(tmp_path), cwd=ROOT
    )
    try:
        assert proc.stdout.readline().strip() == "first"
    finally:
        proc.kill()  # SIGKILL: the socket file stays behind
        proc.wait(10)
    guard = SingleInstance(name)
    assert guard.acquire(), "a dead instance must not keep the next launch out"
    other = SingleInstance(name)
    with qtbot.waitSignal(guard.activated, timeout=5_000):
        assert not other.acquire()


def test_simultaneous_launches_start_exactly_one(tmp_path: Path, name: str) -> None:
    import time

    for attempt in range(2):
        start = time.time() + 1.5
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _PROBE, f"{name}-{attempt}", repr(start), "2"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env_for(tmp_path),
                cwd=ROOT,
            )
            for _ in range(4)
        ]
        results = [p.communicate(timeout=60)[0].strip() for p in procs]
        assert sorted(results) == ["first", "second", "second", "second"], results


def test_second_launch_of_the_app_exits_before_touching_its_catalog(tmp_path: Path) -> None:
    """The whole app, twice: the second launch finds the first and leaves at once (before, it opened
    and seeded its catalog first; on a damaged one it would have stopped at an error dialog)."""
    import os
    import time

    private_tmp = tmp_path / "tmp"  # where the lock file and the socket go (QDir.tempPath)
    private_tmp.mkdir()
    first_home, second_home = tmp_path / "first", tmp_path / "second"
    damaged = second_home / "data" / "catalog.sqlite3"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"not a database" * 100)
    socket = private_tmp / f"vod-app-{os.getuid()}"
    first = subprocess.Popen(
        [sys.executable, "-m", "vod_app", "--headless-playback"], env={**env_for(first_home), "TMPDIR": str(private_tmp)}, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not socket.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert socket.exists(), first.stderr.read() if first.poll() is not None else "the first instance never listened"
        t0 = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "vod_app", "--headless-playback"], env={**env_for(second_home), "TMPDIR": str(private_tmp)}, cwd=ROOT,
            capture_output=True, text=True, timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - t0 < 20
        assert damaged.read_bytes() == b"not a database" * 100 and list(damaged.parent.iterdir()) == [damaged]
        assert first.poll() is None  # the first one is still running
    finally:
        first.kill()
        first.wait(10)
