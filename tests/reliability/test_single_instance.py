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
