"""The window's write queue (ui/writes.py): in order, one at a time, a failure kept and retried in
place, coalesced saves, and what quitting leaves written first on the next start."""

from __future__ import annotations

import threading
from pathlib import Path

from vod_app.catalog.pending import PendingWrites
from vod_app.tasks import TaskRunner
from vod_app.ui import writes as writes_mod
from vod_app.ui.writes import WriteQueue


class FakeUsers:
    """Records the calls, in order; ``fail`` makes the next calls raise; ``gate`` holds them."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.fail = 0
        self.gate = threading.Event()
        self.gate.set()
        self.running = threading.Event()

    def _call(self, op: str, **args: object) -> None:
        self.running.set()
        assert self.gate.wait(10)
        if self.fail:
            self.fail -= 1
            raise OSError("database is locked")
        self.calls.append((op, args))

    def save_position(self, **a: object) -> None:
        self._call("save_position", **a)

    def set_preference(self, **a: object) -> None:
        self._call("set_preference", **a)

    def relocate(self, **a: object) -> None:
        self._call("relocate", **a)


def test_in_order_one_at_a_time_and_a_failure_is_retried_in_place(qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(writes_mod, "RETRY_MS", 50)
    users, runner = FakeUsers(), TaskRunner()
    q = WriteQueue(users, runner)
    failures: list[str] = []
    q.failed.connect(failures.append)
    users.fail = 2
    q.state("relocate", recording_uid="r", path="/a")
    q.state("set_preference", key="volume", value="50")
    q.state("save_position", recording_uid="r", position_ms=1, duration_ms=None)
    assert q.pending == 3
    qtbot.waitUntil(lambda: q.is_idle, timeout=5000)
    assert [c[0] for c in users.calls] == ["relocate", "set_preference", "save_position"], "kept in order after two failures"
    assert len(failures) == 2 and "database is locked" in failures[0]


def test_queued_saves_of_the_same_thing_are_coalesced(qtbot) -> None:  # noqa: ANN001
    users, runner = FakeUsers(), TaskRunner()
    q = WriteQueue(users, runner)
    users.gate.clear()
    q.state("relocate", recording_uid="r", path="/a")  # runs, held at the gate
    assert users.running.wait(5)
    for ms in (1, 2, 3):
        q.state("save_position", recording_uid="r", position_ms=ms, duration_ms=None)
    q.state("save_position", recording_uid="other", position_ms=9, duration_ms=None)
    q.preference("volume", "10")
    q.preference("volume", "20")
    assert q.pending == 4
    users.gate.set()
    qtbot.waitUntil(lambda: q.is_idle, timeout=5000)
    assert users.calls[1:] == [
        ("save_position", {"recording_uid": "r", "position_ms": 3, "duration_ms": None}),
        ("save_position", {"recording_uid": "other", "position_ms": 9, "duration_ms": None}),
        ("set_preference", {"key": "volume", "value": "20"}),
    ]


def test_quit_keeps_what_did_not_land_and_the_next_start_writes_it_first(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    saved = PendingWrites(tmp_path / "pending.sqlite3", "left-at-quit test", "ana")
    users, runner = FakeUsers(), TaskRunner()
    q = WriteQueue(users, runner, saved)
    qtbot.waitUntil(lambda: q.is_idle, timeout=5000)  # the (empty) replay
    users.gate.clear()
    q.state("relocate", recording_uid="r", path="/a")
    assert users.running.wait(5)
    q.state("save_position", recording_uid="r", position_ms=61_000, duration_ms=90_000)
    assert q.close(200) == 2, "both kept: the running one and the queued one"
    assert [op for _i, op, _a in saved.items()] == ["relocate", "save_position"]
    assert q.close(200) == 0  # a second close does nothing
    users.gate.set()  # the old lane's write ends later (a duplicate, harmless: every write is an upsert)
    again = FakeUsers()
    q2 = WriteQueue(again, TaskRunner(), saved)
    qtbot.waitUntil(lambda: q2.is_idle, timeout=5000)
    assert again.calls == [("relocate", {"recording_uid": "r", "path": "/a"}),
                           ("save_position", {"recording_uid": "r", "position_ms": 61_000, "duration_ms": 90_000})]
    assert saved.items() == []
