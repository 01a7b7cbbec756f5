"""No waiting on the GUI thread (issue 14): while another process holds the catalog's write lock,
the window's writes (relocate, a position, a note, a preference) queue off the GUI thread, which
keeps answering; they all reach the catalog once the lock is free, and a quit in the meantime keeps
them for the next start (ui/writes.py)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from .catalogs import REC_UID
from .processes import ROOT, hold_write_lock

LOCK_S = 10.0
#: Generous for shared CI machines; the bench's "GUI stall" figure reports the real number (< 50 ms).
STALL_BOUND_MS = 250


class Heartbeat:
    """A 5 ms GUI-thread timer: the longest gap between two beats is the GUI thread's longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.worst_ms = 0.0
        self.beats = 0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self.last) * 1000 - 5)
        self.last = now
        self.beats += 1

    def stop(self) -> float:
        self._beat()  # a stall that is still going counts too
        self.timer.stop()
        return self.worst_ms


def _window(qtbot, db: Path):  # noqa: ANN001, ANN202
    from vod_app.app import build_window
    from vod_app.playback.fake_player import FakePlayer

    w = build_window(f"sqlite:///{db}", headless_playback=True, thumbnails=False, player=FakePlayer(length_ms=90_000))
    qtbot.addWidget(w)
    w.show()
    assert w.writes.wait(10_000)
    return w


def _play(qtbot, w, ms: int) -> None:  # noqa: ANN001
    from vod_app.catalog.notes import resolve_target

    w.play_recording(resolve_target(w.catalog, "recording", REC_UID)[0], start_ms=ms)
    qtbot.waitUntil(lambda: w.controller.time_ms() == ms and w.notes.recording is not None, timeout=5000)


def _rows(db: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_writes_wait_off_the_gui_thread_while_another_process_holds_the_lock(qtbot, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    w = _window(qtbot, db)
    _play(qtbot, w, 20_000)
    moved = tmp_path / "moved.mkv"
    shutil.copy(ROOT / "data" / "media" / "idm2017-panel-2-3.mkv", moved)
    holder = hold_write_lock(db, LOCK_S)
    t_locked = time.monotonic()
    hb = Heartbeat()
    hb.start()
    try:
        w.player.relocate_to(str(moved))  # Locate…: the relocation
        qtbot.waitUntil(lambda: w.controller.time_ms() > 0, timeout=5000)
        w.player.seek(33_000)
        w.player.save_position()  # a position
        uid = w.notes.add_here()  # a bookmark, then its note
        qtbot.keyClicks(w.notes.panel.note, "said while locked")
        w.notes.panel.commit_note()
        w.player.toggle_mute()  # a preference
        w.player.set_description_language("fr")  # and another
        assert w.player.item.recording.source == str(moved), "the player plays from the new place at once"
        assert w.notes.panel.current_note().text == "said while locked", "the panel shows the note before it is written"
        assert w.writes.pending > 0, "the writes wait for the lock"
        qtbot.wait(500)
        assert w.writes.pending > 0 and holder.poll() is None
        assert time.monotonic() - t_locked < LOCK_S, "everything above happened while the lock was held"
        qtbot.waitUntil(lambda: holder.poll() is not None, timeout=int(LOCK_S * 1000) + 10_000)
        qtbot.waitUntil(lambda: w.writes.is_idle, timeout=15_000)
    finally:
        worst = hb.stop()
        if holder.poll() is None:
            holder.kill()
    assert hb.beats > 1000, "the GUI thread kept running its timer"
    assert worst < STALL_BOUND_MS, f"the GUI thread stalled {worst:.0f} ms"
    # Every write is in the catalog.
    assert _rows(db, "SELECT path FROM relocations WHERE recording_uid = ? AND path = ?", REC_UID, str(moved))
    pos = _rows(db, "SELECT w.position_ms FROM watch_state w JOIN people p ON p.id = w.person_id WHERE w.recording_uid = ? AND p.name = ?",
                REC_UID, w.services.users.person)
    assert pos and pos[0][0] >= 33_000
    assert _rows(db, "SELECT note FROM bookmarks WHERE uid = ?", uid) == [("said while locked",)]
    prefs = dict(_rows(db, "SELECT key, value FROM preferences p JOIN people q ON q.id = p.person_id WHERE q.name = ?", w.services.users.person))
    assert prefs.get("muted") == "1" and prefs.get("description_language") == "fr"
    w.close()
    w.catalog.dispose()


def test_quitting_while_a_write_waits_keeps_it_for_the_next_start(qtbot, db: Path) -> None:  # noqa: ANN001
    from vod_app.ui.writes import QUIT_WAIT_MS

    w = _window(qtbot, db)
    _play(qtbot, w, 47_000)
    holder = hold_write_lock(db, 6.0)
    try:
        w.player.seek(61_000)
        t0 = time.monotonic()
        w.close()  # saves the position on the way out
        took = time.monotonic() - t0
        w.catalog.dispose()
        assert took < QUIT_WAIT_MS / 1000 + 1.5, f"quitting waited {took:.1f} s"
        assert not _rows(db, "SELECT 1 FROM watch_state WHERE recording_uid = ? AND position_ms = 61000", REC_UID)
        qtbot.waitUntil(lambda: holder.poll() is not None, timeout=15_000)
    finally:
        if holder.poll() is None:
            holder.kill()
    again = _window(qtbot, db)  # the next start writes what the last quit kept, first of all
    assert again.services.users.position(REC_UID) == 61_000
    again.close()
    again.catalog.dispose()
