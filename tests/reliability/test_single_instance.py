"""One window per catalog: a second launch on the same catalog hands its arguments to the running
window and exits with one line; a launch on another catalog opens its own window beside it."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from vod_app.single_instance import SingleInstance, catalog_identity, instance_name

from .processes import ROOT, env_for

_PROBE = """
import json, sys, time
from PySide6.QtCore import QCoreApplication
from vod_app.single_instance import SingleInstance
app = QCoreApplication([])
start = float(sys.argv[2])
while time.time() < start:  # every process asks at the same moment
    time.sleep(0.001)
guard = SingleInstance(sys.argv[1])
guard.activated.connect(lambda argv: print("got " + json.dumps(argv), flush=True))
first = guard.acquire(sys.argv[4:])
print("first" if first else ("second answered" if guard.answered else "second unanswered"), flush=True)
if first:
    deadline = time.time() + float(sys.argv[3])
    while time.time() < deadline:
        app.processEvents()
        time.sleep(0.005)
"""


@pytest.fixture
def name() -> str:
    return f"vod-app-test-{uuid.uuid4().hex[:12]}"


def _probe(name: str, *argv: str, start: float = 0, listen_s: float = 0, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _PROBE, name, repr(start), repr(listen_s), *argv],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(home), cwd=ROOT,
    )


def test_second_launch_hands_its_arguments_to_the_first(qtbot, name: str, tmp_path: Path) -> None:  # noqa: ANN001
    first = SingleInstance(name)
    assert first.acquire()
    with qtbot.waitSignal(first.activated, timeout=10_000) as blocker:
        second = _probe(name, "--open", "iom-idm-2017-04-18-panels-2-3", home=tmp_path)
    assert blocker.args == [["--open", "iom-idm-2017-04-18-panels-2-3"]]
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=10_000)
    assert second.stdout.read().strip() == "second answered", second.stderr.read()  # type: ignore[union-attr]
    first.release()


def test_stale_socket_of_a_killed_instance_is_taken_over(qtbot, name: str, tmp_path: Path) -> None:  # noqa: ANN001
    proc = _probe(name, listen_s=60, home=tmp_path)
    try:
        assert proc.stdout.readline().strip() == "first"  # type: ignore[union-attr]
    finally:
        proc.kill()  # SIGKILL: the socket file stays behind
        proc.wait(10)
    guard = SingleInstance(name)
    assert guard.acquire(), "a dead instance must not keep the next launch out"
    with qtbot.waitSignal(guard.activated, timeout=10_000):
        other = _probe(name, home=tmp_path)
    qtbot.waitUntil(lambda: other.poll() is not None, timeout=10_000)
    assert other.stdout.read().strip() == "second answered"  # type: ignore[union-attr]
    guard.release()


def test_simultaneous_launches_start_exactly_one(tmp_path: Path, name: str) -> None:
    for attempt in range(2):
        start = time.time() + 1.5
        procs = [_probe(f"{name}-{attempt}", start=start, listen_s=3, home=tmp_path) for _ in range(4)]
        results = sorted(line for p in procs for line in p.communicate(timeout=60)[0].splitlines() if not line.startswith("got "))
        assert results == ["first", "second answered", "second answered", "second answered"], results


def test_one_name_per_catalog_whatever_the_spelling(tmp_path: Path) -> None:
    a = tmp_path / "a" / "catalog.sqlite3"
    a.parent.mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "a")
    same = [f"sqlite:///{a}", f"sqlite:///{tmp_path}/a/../a/catalog.sqlite3", f"sqlite:///{tmp_path}/link/catalog.sqlite3"]
    assert len({instance_name(u) for u in same}) == 1
    assert instance_name(f"sqlite:///{tmp_path / 'b' / 'catalog.sqlite3'}") != instance_name(same[0])
    assert instance_name("garbage") != instance_name(same[0])  # never raises, even for a bad URL
    assert "secret" not in catalog_identity("postgresql://me:secret@db.example/vod")


def _launch(home: Path, private_tmp: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vod_app", "--headless-playback", *args], env={**env_for(home), "TMPDIR": str(private_tmp)}, cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for(proc: subprocess.Popen[str], path: Path) -> None:
    deadline = time.monotonic() + 60
    while not path.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert path.exists(), proc.communicate()[1] if proc.poll() is not None else f"never made {path}"


def test_two_catalogs_side_by_side_and_a_second_launch_on_one_of_them(tmp_path: Path) -> None:
    """The whole app: a window on catalog A, another on catalog B at the same time; launching A again
    (spelled differently) prints one line, hands over its arguments and exits; both windows stay.
    Before, the launch on B exited silently (status 0) and catalog B was never opened."""
    private_tmp = tmp_path / "tmp"  # where the lock files and the sockets go (QDir.tempPath)
    private_tmp.mkdir()
    home_a, home_b = tmp_path / "a", tmp_path / "b"
    catalog_a, catalog_b = home_a / "data" / "catalog.sqlite3", home_b / "data" / "catalog.sqlite3"
    first = _launch(home_a, private_tmp)  # the default catalog of its VOD_APP_HOME
    beside = None
    try:
        _wait_for(first, private_tmp / instance_name(f"sqlite:///{catalog_a}"))
        beside = _launch(home_b, private_tmp)
        _wait_for(beside, private_tmp / instance_name(f"sqlite:///{catalog_b}"))
        _wait_for(beside, catalog_b)  # the window on catalog B opened it

        again = subprocess.run(
            [sys.executable, "-m", "vod_app", "--db", f"sqlite:///{home_a}/data/../data/catalog.sqlite3", "--open", "iom-idm-2017-04-18-panels-2-3"],
            env={**env_for(home_b), "TMPDIR": str(private_tmp)}, cwd=ROOT, capture_output=True, text=True, timeout=60,
        )
        assert again.returncode == 0, again.stderr
        assert again.stdout == ""
        assert again.stderr == f"vod-app: already running on {catalog_a.resolve()}; brought its window forward\n"
        assert first.poll() is None and beside.poll() is None  # both windows still open
    finally:
        for proc in (first, beside):
            if proc is not None:
                proc.kill()
                proc.wait(10)


def test_handed_over_open_shows_the_session(qtbot, db: Path) -> None:  # noqa: ANN001
    from vod_app.app import AppShell

    told: list[str] = []
    shell = AppShell(f"sqlite:///{db}", headless_playback=True, tell=lambda kind, text, parent=None: told.append(text))
    assert shell.open(), told
    window = shell.window
    qtbot.addWidget(window)
    try:
        shell.bring_forward(["--db", f"sqlite:///{db}", "--open", "iom-idm-2017-04-18-panels-2-3"])
        assert window.stack.currentWidget() is window.session_page
        assert "International Dialogue on Migration 2017" in window.session_page.title.text()
        errors: list[str] = []
        window.report_error = lambda text, detail="": errors.append(text)  # type: ignore[method-assign]
        shell.bring_forward(["--open", "no-such-session"])
        assert errors == ["There is no session with the id no-such-session in this catalog."]
        shell.bring_forward(["--open"])  # not what a vod-app launch sends: ignored, no exit
    finally:
        window.close()
        window.catalog.dispose()
        window.runner.wait(5000)
