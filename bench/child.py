"""Measurements that need a fresh process (Qt, libvlc): ``python -m bench.child MODE [ARGS]``.

Each mode prints one JSON object on its last stdout line. Modes:

  start-app DB          process start -> main window shown with the recent list filled
  settle-app DB         the window until the ORM has loaded (a returning user's caches), then quit
  start-floor           process start -> a bare PySide6 window shown + a libvlc instance and player
  browse-app DB         the whole recent list scrolled in the view (time of every fetchMore page),
                        then a recording played for 2 s: peak RSS
  play-app DB N R       open a recording N times (play -> first frame); R rounds of the 4 panel-boundary
                        crossings (chapter sync)
  play-floor N R        the same with bare python-vlc (--vout=dummy --aout=dummy)
  memory-floor          peak RSS of a bare Qt window + libvlc playing the same file for 2 s
  stall-app DB [S]      longest GUI-thread stall (5 ms heartbeat) per phase while another process holds
                        the write lock for S s (10): scrolling, typing a search, playing, relocating
                        (all four while the lock is held)
  stall-floor           the same heartbeat in a bare Qt window doing nothing
  hold-lock DB S        hold the catalog's write lock for S seconds (used by stall-app)

The start modes take ``time.monotonic()`` (system-wide on Linux) when the window is shown; the parent
took it just before spawning the process.
"""

from __future__ import annotations

import json
import os
import sys
import time

T_ENTER = time.monotonic()

MEDIA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "media", "idm2017-panel-2-3.mkv")
VLC_ARGS = ["--quiet", "--no-video-title-show", "--no-snapshot-preview", "--no-sub-autodetect-file", "--vout=dummy", "--aout=dummy"]
# Where generated recordings switch panel (bench.generator.PANEL_BOUNDARIES_MS), kept here so the
# floor processes import nothing from the app or the bench package.
BOUNDARIES_MS = (10_000, 35_000, 60_000, 80_000)
BEFORE_MS = 700  # seek this far before a boundary, then let playback cross it


def _out(obj: dict) -> None:
    sys.stdout.write("\n" + json.dumps(obj) + "\n")
    sys.stdout.flush()


def _peak_rss_kib() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# --- app side -------------------------------------------------------------------------------------


def _app_window(db: str):  # noqa: ANN202
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["vod-app-bench"])
    from vod_app.app import build_window

    window = build_window(f"sqlite:///{db}", headless_playback=True, thumbnails=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return app, window


def _wait(app, predicate, timeout_s: float = 10.0) -> bool:  # noqa: ANN001
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > end:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.0005)
    return True


def start_app(db: str) -> None:
    app, window = _app_window(db)
    rows = window.recent_model.rowCount()
    t = time.monotonic()
    _out({"t_shown": t, "t_enter": T_ENTER, "rows": rows})
    os._exit(0 if rows > 0 else 3)


def settle_app(db: str) -> None:
    """A returning user's home: the window opened once until the catalog's ORM has loaded, so what a
    run keeps for the next start (the language names of the first page) is there, then quit."""
    app, window = _app_window(db)
    pending = getattr(window.services.repo, "_pending", None)
    ok = _wait(app, lambda: pending is None or pending.ready or pending.error is not None, 60)
    _wait(app, lambda: False, 0.3)
    _out({"settled": ok})
    os._exit(0 if ok else 3)


def browse_app(db: str) -> None:
    """Scroll the whole recent list (time every fetchMore page), then play a recording: peak RSS."""
    from PySide6.QtCore import QModelIndex

    app, window = _app_window(db)
    model = window.recent_model
    view = window.browse.recent_view
    statements: list[list[tuple[str, tuple]]] = []
    recording = {"on": False}

    from sqlalchemy import event

    @event.listens_for(window.catalog.engine, "before_cursor_execute")
    def _capture(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        if recording["on"] and statement.lstrip().upper().startswith("SELECT"):
            statements[-1].append((statement, tuple(parameters)))

    # The page read on the GUI thread, as before read-ahead (ui/list_reads.py): what a page costs when
    # the view asks for it before it was read aside, and every page's SQL for the floor.
    model.read_ahead = None
    loader = model._loader
    pages: list[float] = []
    started: list[float] = []

    def timed_loader(cursor, n):  # noqa: ANN001, ANN202
        statements.append([])
        recording["on"] = True
        started.append(time.perf_counter())
        try:
            return loader(cursor, n)
        finally:
            recording["on"] = False

    model._loader = timed_loader

    def inserted(_parent, _first, _last) -> None:  # noqa: ANN001
        pages.append(time.perf_counter() - started[-1])  # after the view's own rowsInserted handling

    model.rowsInserted.connect(inserted)
    steps: list[float] = []
    bar = view.verticalScrollBar()
    t_all = time.perf_counter()
    while model.canFetchMore(QModelIndex()):
        t0 = time.perf_counter()
        before = model.rowCount()
        bar.setValue(bar.maximum())  # the user drags to the bottom: the view asks for more
        app.processEvents()
        if model.rowCount() == before and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())  # the view did not ask (e.g. not laid out yet)
            app.processEvents()
        steps.append(time.perf_counter() - t0)
    total = time.perf_counter() - t_all
    model.rowsInserted.disconnect(inserted)
    model._loader = loader
    event.remove(window.catalog.engine, "before_cursor_execute", _capture)
    rows = model.rowCount()
    # then play a recording for 2 s (the memory figure: peak RSS of browsing + playing)
    got = {"frame": False}
    window.controller.first_frame.connect(lambda: got.__setitem__("frame", True))
    window.play_recording(_chapter_recording(window), 20_000)
    _wait(app, lambda: got["frame"])
    _wait(app, lambda: False, 2.0)
    _out({"pages": pages, "steps": steps, "rows": rows, "total_s": total, "statements": statements[1:],
          "page_size": model.PAGE_SIZE, "peak_rss_kib": _peak_rss_kib(), "frame": got["frame"]})
    os._exit(0)


def _chapter_recording(window) -> int:  # noqa: ANN001
    """A generated recording (5 chapters, panels switching at BOUNDARIES_MS) from the recent list."""
    for row in range(window.recent_model.rowCount()):
        r = window.recent_model.record(row)
        if r.session_uid.startswith("bench-s"):
            return r.recording_id
    raise SystemExit("no generated recording in the recent list")


def play_app(db: str, n: str, rounds: str = "3") -> None:
    app, window = _app_window(db)
    c = window.controller
    rid = _chapter_recording(window)
    got = {"frame": 0.0}
    c.first_frame.connect(lambda: got.__setitem__("frame", time.perf_counter()))
    opens: list[float] = []
    for i in range(int(n) + 1):
        got["frame"] = 0
        t0 = time.perf_counter()
        window.play_recording(rid, 0)
        if not _wait(app, lambda: got["frame"] > 0):
            raise SystemExit("no first frame within 10 s")
        if i > 0:  # the first open warms libvlc's plugins up, as in the floor
            opens.append(got["frame"] - t0)
        _wait(app, lambda: False, 0.15)
        window.go_back()
        _wait(app, lambda: c.state() in ("stopped", "idle"), 5)
    # chapter sync: playback crossing each panel boundary -> description pane showing the new panel
    lags: list[float] = []
    switched: list[int] = []
    window.player.panel_changed.connect(lambda _pid: switched.append(c.time_ms()))
    window.play_recording(rid, 0)
    _wait(app, lambda: c.state() == "playing" and c.time_ms() > 0)
    for _round in range(int(rounds)):
        for b in BOUNDARIES_MS:
            window.player.seek(b - BEFORE_MS)
            switched.clear()
            if not _wait(app, lambda b=b: any(t >= b - 50 for t in switched), 5):
                continue
            lags.append(float(next(t for t in switched if t >= b - 50) - b))
    window.player.stop()
    _out({"opens_s": opens, "chapter_lags_ms": lags})
    os._exit(0)


class _Heartbeat:
    """A 5 ms GUI-thread timer: the longest gap between two beats is the longest stall of the GUI thread."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self._beat)
        self.last = 0.0
        self.phase = ""
        self.worst: dict[str, float] = {}

    def start(self, phase: str) -> None:
        self.phase = phase
        self.worst.setdefault(phase, 0.0)
        self.last = time.perf_counter()
        if not self.timer.isActive():
            self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        stall = (now - self.last) * 1000 - self.INTERVAL_MS
        self.worst[self.phase] = max(self.worst[self.phase], stall)
        self.last = now


def _hold_lock(db: str, seconds: float):  # noqa: ANN202
    """Another process holding the catalog's write lock (as an import does) for ``seconds``."""
    import subprocess

    proc = subprocess.Popen([sys.executable, "-m", "bench.child", "hold-lock", db, str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    if "locked" not in proc.stdout.readline():
        raise SystemExit("the lock holder did not take the write lock")
    return proc


def hold_lock(db: str, seconds: str) -> None:
    import sqlite3

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(seconds))
    conn.execute("ROLLBACK")
    conn.close()


LOCK_S = 10.0
QUERY = "climate change"
KEY_GAP_S = 0.06  # a fast typist


def stall_app(db: str, lock_s: str = str(LOCK_S)) -> None:
    """The longest GUI-thread stall while another process holds the write lock for 10 s and the
    person scrolls the recent list, types a search, plays a recording 2 s (positions are saved), then
    relocates a recording (the Locate... dialog's write)."""
    from PySide6.QtCore import QModelIndex

    app, window = _app_window(db)
    hb = _Heartbeat()
    rid = _chapter_recording(window)
    holder = _hold_lock(db, float(lock_s))
    t_lock = time.monotonic()
    # scrolling: 30 pages
    model, bar = window.recent_model, window.browse.recent_view.verticalScrollBar()
    hb.start("scroll")
    for _ in range(30):
        if not model.canFetchMore(QModelIndex()):
            break
        bar.setValue(bar.maximum())
        _wait(app, lambda: False, 0.02)
    # searching: typed one key at a time
    hb.start("search")
    done = {"q": ""}
    window.search_finished.connect(lambda q, _n: done.__setitem__("q", q))
    for k in range(1, len(QUERY) + 1):
        window.search_field.setText(QUERY[:k])
        _wait(app, lambda: False, KEY_GAP_S)
    _wait(app, lambda: done["q"] == QUERY, 10)
    # playing: 2 s, then back (the position is saved)
    hb.start("play")
    got = {"frame": False}
    window.controller.first_frame.connect(lambda: got.__setitem__("frame", True))
    window.play_recording(rid, 20_000)
    _wait(app, lambda: got["frame"])
    _wait(app, lambda: False, 2.0)
    window.go_back()
    _wait(app, lambda: False, 0.3)
    # relocating: the Locate... dialog's write (queued on the writes lane), while the lock is still held
    relocate = getattr(window, "_relocate", None)  # what PlayerPage's Locate... calls back
    if relocate is not None:
        import sqlite3

        ro = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        uid = ro.execute("SELECT uid FROM recordings WHERE id = ?", (rid,)).fetchone()[0]
        ro.close()
        hb.start("relocate")
        relocate(uid, MEDIA)  # the same file: the catalog is unchanged in effect
        _wait(app, lambda: False, 0.5)
    locked_during = time.monotonic() - t_lock < float(lock_s)
    hb.timer.stop()
    holder.wait(float(lock_s) + 5)
    writes = getattr(window, "writes", None)  # ui/writes.py: they land once the lock is free
    landed = writes.wait(30_000) if writes is not None else None
    _out({"stalls_ms": hb.worst, "lock_held_throughout": locked_during, "search_done": done["q"] == QUERY,
          "frame": got["frame"], "writes_landed": landed})
    os._exit(0)


# --- floors ---------------------------------------------------------------------------------------


def _bare_window():  # noqa: ANN202
    from PySide6.QtWidgets import QApplication, QListView, QMainWindow

    app = QApplication(["vod-app-bench-floor"])
    w = QMainWindow()
    w.setCentralWidget(QListView(w))
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    return app, w


def _vlc():  # noqa: ANN202
    import vlc

    instance = vlc.Instance(VLC_ARGS)
    player = instance.media_player_new()
    return vlc, instance, player


def start_floor() -> None:
    app, _w = _bare_window()
    _vlc_mod, _instance, _player = _vlc()
    app.processEvents()
    t = time.monotonic()
    _out({"t_shown": t, "t_enter": T_ENTER})
    os._exit(0)


def _play_and_wait_vout(vlc, instance, player, start_ms: int = 0) -> float:  # noqa: ANN001
    import threading

    vout = threading.Event()
    em = player.event_manager()
    em.event_attach(vlc.EventType.MediaPlayerVout, lambda _ev: vout.set())
    t0 = time.perf_counter()
    media = instance.media_new_path(MEDIA)
    if start_ms:
        media.add_option(f":start-time={start_ms / 1000:.3f}")
    player.set_media(media)
    player.play()
    if not vout.wait(10):
        raise SystemExit("no Vout within 10 s")
    t = time.perf_counter() - t0
    em.event_detach(vlc.EventType.MediaPlayerVout)
    media.release()
    return t


def play_floor(n: str, rounds: str = "3") -> None:
    vlc, instance, player = _vlc()
    opens = []
    for i in range(int(n) + 1):
        t = _play_and_wait_vout(vlc, instance, player)
        if i > 0:
            opens.append(t)
        time.sleep(0.15)
        player.stop()
    # chapter floor: the same crossings, polling libvlc's time every millisecond
    _play_and_wait_vout(vlc, instance, player)
    while player.get_time() <= 0:
        time.sleep(0.001)
    lags = []
    for _round in range(int(rounds)):
        for b in BOUNDARIES_MS:
            player.set_time(b - BEFORE_MS)
            end = time.monotonic() + 5
            while time.monotonic() < end:
                t = player.get_time()
                if t >= b:
                    lags.append(float(t - b))
                    break
                time.sleep(0.001)
    player.stop()
    _out({"opens_s": opens, "chapter_lags_ms": lags})
    os._exit(0)


def stall_floor() -> None:
    """The same heartbeat in a bare Qt window doing nothing for as long: the machine's timer jitter."""
    app, _w = _bare_window()
    hb = _Heartbeat()
    for phase, seconds in (("scroll", 1.0), ("search", 1.5), ("play", 2.5), ("relocate", 0.5)):
        hb.start(phase)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.0005)
    _out({"stalls_ms": hb.worst})
    os._exit(0)


def memory_floor() -> None:
    app, _w = _bare_window()
    vlc, instance, player = _vlc()
    _play_and_wait_vout(vlc, instance, player, 20_000)
    end = time.monotonic() + 2.0
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
    _out({"peak_rss_kib": _peak_rss_kib()})
    os._exit(0)


MODES = {
    "start-app": start_app,
    "settle-app": settle_app,
    "start-floor": start_floor,
    "browse-app": browse_app,
    "play-app": play_app,
    "play-floor": play_floor,
    "memory-floor": memory_floor,
    "stall-app": stall_app,
    "stall-floor": stall_floor,
    "hold-lock": hold_lock,
}

if __name__ == "__main__":
    MODES[sys.argv[1]](*sys.argv[2:])
