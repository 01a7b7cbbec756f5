"""The libvlc side of the player: its handles, the event bridge and the stop workers.

Threading: libvlc calls its event callbacks on its own threads (and some, such as Stopped inside
`stop()`, synchronously on the caller's thread). The callbacks only emit signals of an
`EventBridge` QObject, connected with QueuedConnection to slots of the controller, so every
state change reaches the controller on the GUI thread, after the libvlc call that caused it has
returned. No libvlc function is called from a callback.

Stopping: libvlc 3.0.24's `libvlc_media_player_stop()` can block for ~6 s (a subtitle decoder
waits for a video output that the stop already destroyed), and `set_media()` / `release()` of a
started player stop it the same way. The GUI thread therefore never calls them on a player that
has been started: it retires the player (`Handles.retire_player`), which stops and releases it on
a worker thread.

Chapters: `libvlc_media_player_get_full_chapter_descriptions` waits for the input's lock (up to
~60 ms measured on the GUI thread while the input opens). It runs on a worker (`read_chapters_aside`),
answered into the Handles (no Qt object on the worker), and a retired player is stopped and
released only once such a read has returned.
"""

from __future__ import annotations

import atexit
import ctypes
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

from vod_app.playback.native import read_chapters

#: At interpreter exit, how long in total to wait for players still stopping on worker threads.
EXIT_JOIN_S = 2.0


def _vout_count(event: Any) -> int:
    # libvlc's field is a C int; python-vlc's union reads it as 64 bits with garbage above.
    return ctypes.c_int32(event.u.new_count & 0xFFFFFFFF).value


class EventBridge(QObject):
    """Carries libvlc events from libvlc's threads to the GUI thread.

    Every signal carries the media generation current when libvlc emitted it, so events of a
    media that has since been replaced are recognised and dropped.
    """

    opening = Signal(int)
    buffering = Signal(int, float)
    playing = Signal(int)
    paused = Signal(int)
    stopped = Signal(int)
    end_reached = Signal(int)
    error = Signal(int)
    length = Signal(int, "qint64")
    vout = Signal(int, int)
    es_changed = Signal(int, int)  # generation, 1 when a stream was added
    title_changed = Signal(int)


_stopping_lock = threading.Lock()
_stopping: set[threading.Thread] = set()  # every worker still stopping a player, all controllers


def _stop_and_release(player: Any, readers: list[threading.Thread] = ()) -> None:  # type: ignore[assignment]
    """Worker thread: the libvlc calls that may block for seconds. Never run on the GUI thread.
    ``readers``: chapter reads still using the player, waited for first."""
    try:
        for reader in readers:
            reader.join()
        player.stop()
        player.release()
    except Exception:  # noqa: BLE001, S110 - nobody to report to; the thread must end quietly
        pass
    finally:
        with _stopping_lock:
            _stopping.discard(threading.current_thread())


def join_stopping_players(timeout_s: float = EXIT_JOIN_S) -> bool:
    """Wait (at most timeout_s in total) for players being stopped off-thread; True if none is left.

    Runs at interpreter exit, when no window is left to freeze. A stop still blocked after that is
    cut short by the process exit: its callbacks are detached, it runs no Python code.
    """
    deadline = time.monotonic() + timeout_s
    with _stopping_lock:
        workers = list(_stopping)
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
    with _stopping_lock:
        return not _stopping


atexit.register(join_stopping_players)


class Handles:
    """The libvlc objects, kept apart from the QObject so they can be released at exit safely."""

    def __init__(self) -> None:
        self.vlc: Any = None
        self.instance: Any = None
        self.player: Any = None
        self.events: Any = None
        self.media: Any = None
        self.event_types: list[Any] = []
        self.alive: list[bool] = [False]  # False once the player is retired: its events say -1
        self.started = False  # play() was called on self.player: stopping it may block
        self.generation = 0
        self.released = False
        self.stopping: list[threading.Thread] = []  # players being stopped + released off-thread
        self.readers: list[threading.Thread] = []  # chapter reads on self.player (read_chapters_aside)
        self.reads = 0  # chapter reads started: a later one's answer replaces an earlier one's
        self.chapter_answers: list[tuple[int, int, list[Any]]] = []  # (generation, read number, chapters)

    def release_media(self) -> None:
        if self.media is not None:
            self.media.release()
            self.media = None

    def detach_events(self) -> None:
        self.alive[0] = False
        if self.events is not None:
            # Returns once a callback running on a libvlc thread has finished (libvlc holds the
            # event manager lock while it calls listeners).
            for et in self.event_types:
                self.events.event_detach(et)
        self.events = None
        self.event_types = []

    def retire_player(self) -> None:
        """Take the player out of service without blocking: detach its events, then stop and
        release it on a worker thread (a player never started is released at once)."""
        player = self.player
        if player is None:
            return
        self.detach_events()
        self.player = None
        readers, self.readers = [t for t in self.readers if t.is_alive()], []
        if not self.started and not readers:
            player.release()  # no input thread: nothing to wait for
            return
        self.started = False
        # A daemon thread: exiting must not wait for libvlc's 6 s (join_stopping_players() gives
        # it a bounded time at exit). It holds the player until its release has returned.
        worker = threading.Thread(target=_stop_and_release, args=(player, readers), name="vlc-stop", daemon=True)
        self.stopping = [t for t in self.stopping if t.is_alive()]
        self.stopping.append(worker)
        with _stopping_lock:
            _stopping.add(worker)
        worker.start()

    def is_stopping(self) -> bool:
        self.stopping = [t for t in self.stopping if t.is_alive()]
        return bool(self.stopping)

    def release(self, wait: bool = True) -> None:
        """Free libvlc; the current player stops off-thread like the others.

        wait: then wait (at most EXIT_JOIN_S) for this controller's stopping players, as when run
        by the finalizer at interpreter exit. The instance is freed by whichever release is last
        (each player holds a reference to it).
        """
        if self.released:
            return
        self.released = True
        self.generation += 1
        self.retire_player()
        if wait:
            deadline = time.monotonic() + EXIT_JOIN_S
            for worker in self.stopping:
                worker.join(max(0.0, deadline - time.monotonic()))
        self.release_media()
        if self.instance is not None:
            self.instance.release()
            self.instance = None


def attach_events(h: Handles, bridge: EventBridge) -> None:
    """Attach libvlc's callbacks of h.player; each only emits a signal of bridge (no libvlc call).

    Callbacks run on libvlc threads: read the event, emit, nothing else. A retired player's
    events carry -1, which never matches the current generation.
    """
    vlc = h.vlc
    E = vlc.EventType
    alive = h.alive = [True]

    def gen() -> int:
        return h.generation if alive[0] else -1

    callbacks = {
        E.MediaPlayerOpening: lambda ev: bridge.opening.emit(gen()),
        E.MediaPlayerBuffering: lambda ev: bridge.buffering.emit(gen(), float(ev.u.new_cache)),
        E.MediaPlayerPlaying: lambda ev: bridge.playing.emit(gen()),
        E.MediaPlayerPaused: lambda ev: bridge.paused.emit(gen()),
        E.MediaPlayerStopped: lambda ev: bridge.stopped.emit(gen()),
        E.MediaPlayerEndReached: lambda ev: bridge.end_reached.emit(gen()),
        E.MediaPlayerEncounteredError: lambda ev: bridge.error.emit(gen()),
        E.MediaPlayerLengthChanged: lambda ev: bridge.length.emit(gen(), int(ev.u.new_length)),
        E.MediaPlayerVout: lambda ev: bridge.vout.emit(gen(), _vout_count(ev)),
        E.MediaPlayerESAdded: lambda ev: bridge.es_changed.emit(gen(), 1),
        E.MediaPlayerESDeleted: lambda ev: bridge.es_changed.emit(gen(), 0),
        E.MediaPlayerESSelected: lambda ev: bridge.es_changed.emit(gen(), 0),
        E.MediaPlayerTitleChanged: lambda ev: bridge.title_changed.emit(gen()),
    }
    h.events = h.player.event_manager()
    for et, callback in callbacks.items():
        if h.events.event_attach(et, callback) == 0:
            h.event_types.append(et)


def read_chapters_aside(h: Handles) -> None:
    """Read the current player's chapters on a worker thread into ``h.chapter_answers`` with the
    generation and read number; the GUI thread collects them (VlcPlayerCore's chapters timer). The
    worker holds no Qt object: a wrapper freed on a worker deadlocks against the GUI thread."""
    player, vlc = h.player, h.vlc
    if player is None or h.released:
        return
    h.reads += 1
    generation, number = h.generation, h.reads

    def read() -> None:
        try:
            raw = read_chapters(vlc, player)
        except Exception:  # noqa: BLE001 - as "no chapters": the catalog's chapters still show
            raw = []
        h.chapter_answers.append((generation, number, raw))

    worker = threading.Thread(target=read, name="vlc-chapters", daemon=True)
    h.readers = [t for t in h.readers if t.is_alive()] + [worker]
    worker.start()


def bind_window(player: Any, win_id: int, platform_name: str) -> None:
    """Give libvlc the native window to draw in (only platforms libvlc can embed into)."""
    if platform_name == "xcb":
        player.set_xwindow(win_id)
    elif platform_name == "windows":
        player.set_hwnd(win_id)
    elif platform_name == "cocoa":
        player.set_nsobject(win_id)
