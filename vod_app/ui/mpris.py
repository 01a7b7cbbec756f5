"""MPRIS2 on the session bus (``org.mpris.MediaPlayer2.vod_app``): media keys and desktop media controls.

Desktops (GNOME, KDE, and ``playerctl``) drive players through this interface; it is what makes the
keyboard's media keys and the shell's media controls reach vod-app. Built on QtDBus (shipped in
PySide6-Essentials), so calls arrive on the GUI thread like any other Qt event: the adaptors call the
player page's public methods directly, the same ones the window's actions use.

Times on MPRIS are microseconds; the `Player` protocol's are milliseconds.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import ClassInfo, Property, QObject, QUrl, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection, QDBusMessage, QDBusObjectPath

SERVICE = "org.mpris.MediaPlayer2.vod_app"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT_IFACE = "org.mpris.MediaPlayer2"
PLAYER_IFACE = "org.mpris.MediaPlayer2.Player"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
_STATUS = {"playing": "Playing", "buffering": "Playing", "opening": "Playing", "paused": "Paused"}


@ClassInfo({"D-Bus Interface": ROOT_IFACE})
class RootAdaptor(QDBusAbstractAdaptor):
    """org.mpris.MediaPlayer2: who we are, Raise and Quit."""

    def __init__(self, parent: MprisService) -> None:
        super().__init__(parent)
        self.service = parent

    @Slot()
    def Raise(self) -> None:  # noqa: N802 - D-Bus names
        w = self.service.window
        w.showNormal()
        w.raise_()
        w.activateWindow()

    @Slot()
    def Quit(self) -> None:  # noqa: N802
        self.service.window.close()

    CanQuit = Property(bool, lambda _s: True)
    CanRaise = Property(bool, lambda _s: True)
    HasTrackList = Property(bool, lambda _s: False)
    Identity = Property(str, lambda _s: "vod-app")
    DesktopEntry = Property(str, lambda _s: "vod-app")
    SupportedUriSchemes = Property("QStringList", lambda _s: ["file"])
    SupportedMimeTypes = Property("QStringList", lambda _s: [])


@ClassInfo({"D-Bus Interface": PLAYER_IFACE})
class PlayerAdaptor(QDBusAbstractAdaptor):
    """org.mpris.MediaPlayer2.Player: transport, chapters as Next/Previous, position, volume, metadata."""

    def __init__(self, parent: MprisService) -> None:
        super().__init__(parent)
        self.service = parent

    @property
    def page(self) -> Any:
        """The player page with a recording, or None (nothing plays before the page is built)."""
        page = self.service.page()
        return page if page is not None and page.item is not None else None

    @Slot()
    def PlayPause(self) -> None:  # noqa: N802
        if self.page is not None:
            self.page.toggle_play()

    @Slot()
    def Play(self) -> None:  # noqa: N802
        if self.page is not None:
            self.page.controller.play()

    @Slot()
    def Pause(self) -> None:  # noqa: N802
        if self.service.page() is not None:
            self.service.page().controller.pause()

    @Slot()
    def Stop(self) -> None:  # noqa: N802
        if self.service.page() is not None:
            self.service.page().stop()

    @Slot()
    def Next(self) -> None:  # noqa: N802
        if self.page is not None:
            self.page.next_chapter()

    @Slot()
    def Previous(self) -> None:  # noqa: N802
        if self.page is not None:
            self.page.previous_chapter()

    @Slot("qlonglong")
    def Seek(self, offset_us: int) -> None:  # noqa: N802
        if self.page is not None:
            self.page.seek(max(0, self.page.controller.time_ms() + offset_us // 1000))

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, track: QDBusObjectPath, position_us: int) -> None:  # noqa: N802
        # The spec: ignore a stale track id (the desktop asked about what was playing before).
        if self.page is not None and track.path() == self.service.track_id() and position_us >= 0:
            self.page.seek(position_us // 1000)

    def _volume(self) -> float:
        page = self.service.page()
        return (page.volume.value() if page is not None else self.service.window.prefs.volume) / 100.0

    def _set_volume(self, value: float) -> None:
        # Through the slider, so the preference and the controls follow as with the keyboard.
        self.service.window.player.volume.setValue(round(min(max(value, 0.0), 1.0) * 100))

    def _controller(self) -> Any:
        page = self.service.page()
        return None if page is None else page.controller

    PlaybackStatus = Property(str, lambda s: s.service.status())
    Position = Property("qlonglong", lambda s: max(0, s._controller().time_ms()) * 1000 if s._controller() else 0)
    Volume = Property(float, _volume, _set_volume)
    Metadata = Property("QVariantMap", lambda s: s.service.metadata())
    Rate = Property(float, lambda s: float(s._controller().rate()) if s._controller() else 1.0)
    MinimumRate = Property(float, lambda _s: 0.25)
    MaximumRate = Property(float, lambda _s: 4.0)
    CanGoNext = Property(bool, lambda s: s.page is not None)
    CanGoPrevious = Property(bool, lambda s: s.page is not None)
    CanPlay = Property(bool, lambda s: s.page is not None)
    CanPause = Property(bool, lambda s: s.page is not None)
    CanSeek = Property(bool, lambda s: s.page is not None)
    CanControl = Property(bool, lambda _s: True)


class MprisService(QObject):
    """The exported object; sends PropertiesChanged when the state, track, panel or volume change.

    Owned by the application, not by a window: when the catalog is rebuilt the app opens a new main
    window (with its own controller and player page) and calls ``attach``, so the media keys and the
    desktop's controls follow it; the bus name and object stay registered throughout.

    The window builds its player page (and libvlc) on first use (ui/pages.py): until then nothing
    plays, the service reports Stopped and builds nothing, and it follows the page once built.
    """

    def __init__(self, window: Any, controller: Any, bus: QDBusConnection, thumbnails: Any = None) -> None:
        """``controller``: unused, kept for callers; the player page's own is followed once built."""
        super().__init__()
        self.bus = bus
        self.root = RootAdaptor(self)
        self.player = PlayerAdaptor(self)
        self._sent: dict[str, Any] = {}
        self.window = None
        self._wired: Any = None  # the player page whose signals are connected
        self._attach(window, thumbnails)

    @property
    def controller(self) -> Any:
        page = self.page()
        return None if page is None else page.controller

    def page(self) -> Any:
        """The window's player page, or None before it is built (this never builds it)."""
        return self.window.pages.player_page if self.window is not None else None

    def attach(self, window: Any) -> None:
        """Follow ``window`` (a new main window after a rebuild) and tell the desktop what changed."""
        self._attach(window, getattr(window, "thumbnails", None))
        self._changed()

    def _attach(self, window: Any, thumbnails: Any) -> None:
        if self.window is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.window.pages.player_built.disconnect(self._follow)
            self._wire(self._wired, connect=False)
        self.window, self.thumbnails, self._wired = window, thumbnails, None
        self._event_cache = None
        self._last_ms = 0
        if window.pages.player_page is not None:
            self._follow(window.pages.player_page)
        else:
            window.pages.player_built.connect(self._follow)

    @Slot(object)
    def _follow(self, page: Any) -> None:
        """The window's player page exists (built now or before): its state reaches the desktop."""
        if self._wired is not page:
            self._wire(self._wired, connect=False)
            self._wired = page
            self._wire(page, connect=True)

    def _wire(self, page: Any, *, connect: bool) -> None:
        if page is None:
            return
        controller = page.controller
        pairs = (
            (controller.state_changed, self._changed),
            (controller.length_changed, self._changed),
            (page.panel_changed, self._changed),
            (page.volume.valueChanged, self._changed),
            (controller.position_changed, self._position),
        )
        for signal, slot in pairs:
            if connect:
                signal.connect(slot)
            else:
                # The old window may already be gone (its C++ side deleted): nothing left to disconnect.
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)

    def register(self) -> bool:
        """Export the object and take the well-known name; False when the bus refuses either."""
        if not self.bus.registerObject(OBJECT_PATH, self):
            return False
        if not self.bus.registerService(SERVICE):
            self.bus.unregisterObject(OBJECT_PATH)
            return False
        self._sent = self._snapshot()
        return True

    def unregister(self) -> None:
        self.bus.unregisterService(SERVICE)
        self.bus.unregisterObject(OBJECT_PATH)

    # --- what the adaptors report ---

    def status(self) -> str:
        page = self.page()
        if page is None or page.item is None:
            return "Stopped"
        return _STATUS.get(page.controller.state(), "Stopped")

    def track_id(self) -> str:
        page = self.page()
        item = None if page is None else page.item
        return f"/org/vod_app/recording/{item.recording.recording_id}" if item is not None else NO_TRACK

    def metadata(self) -> dict[str, Any]:
        """xesam/mpris keys, plus the panel and event in vod-app's own namespace (the spec allows it)."""
        page = self.page()
        item = None if page is None else page.item
        if item is None:
            return {"mpris:trackid": QDBusObjectPath(NO_TRACK)}
        rec = item.recording
        title = item.session_title + (f" — {rec.title}" if rec.title else "")
        meta: dict[str, Any] = {
            "mpris:trackid": QDBusObjectPath(self.track_id()),
            "xesam:title": title,
            "xesam:album": self._event_title(item.session_uid) or item.session_title,
            "vod-app:event": self._event_title(item.session_uid),
            "vod-app:panel": self._panel_shown(page),
        }
        length_ms = self.controller.length_ms() or rec.duration_ms or 0
        if length_ms > 0:
            meta["mpris:length"] = int(length_ms) * 1000
        art = self._art_url(rec.source)
        if art:
            meta["mpris:artUrl"] = art
        if not rec.source.startswith(("http://", "https://")):
            meta["xesam:url"] = QUrl.fromLocalFile(rec.source).toString()
        return meta

    @staticmethod
    def _panel_shown(page: Any) -> str:
        """The panel the description pane shows (it follows playback and sends panel_changed)."""
        pane = page.description
        return pane.title_text() if pane.current_panel_id() is not None else ""

    def _event_title(self, session_uid: str) -> str:
        cached = getattr(self, "_event_cache", None)
        if cached and cached[0] == session_uid:
            return cached[1]
        title = ""
        try:  # a small lookup on the GUI thread, once per session played
            repo = self.window.services.repo
            sid = repo.session_id_for_uid(session_uid)
            if sid is not None:
                title = repo.session_detail(sid, self.window.prefs_langs()).event_title or ""
        except Exception:  # noqa: BLE001 - metadata is best effort; playback goes on
            title = ""
        self._event_cache = (session_uid, title)
        return title

    def _art_url(self, source: str) -> str:
        # ThumbnailCache names its files from the file played; a thumbnail not made yet is left out.
        file_for = getattr(self.thumbnails, "file_for", None)
        if file_for is None:
            return ""
        path = file_for(source)
        return QUrl.fromLocalFile(str(path)).toString() if path.exists() else ""

    # --- change notification ---

    def _snapshot(self) -> dict[str, Any]:
        return {
            "PlaybackStatus": self.status(),
            "Metadata": self.metadata(),
            "Volume": self.player._volume(),
            "CanGoNext": self.player.page is not None,
        }

    @Slot()
    def _changed(self, *_args: object) -> None:
        now = self._snapshot()
        changed = {k: v for k, v in now.items() if _comparable(self._sent.get(k)) != _comparable(v)}
        if "CanGoNext" in changed:
            for k in ("CanGoPrevious", "CanPlay", "CanPause", "CanSeek"):
                changed[k] = now["CanGoNext"]
        self._sent = now
        if changed:
            msg = QDBusMessage.createSignal(OBJECT_PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged")
            msg.setArguments([PLAYER_IFACE, changed, []])
            self.bus.send(msg)

    @Slot("qint64")
    def _position(self, ms: int) -> None:
        """Seeked when the position jumps (not on the steady 50 ms poll), as the spec asks."""
        ms = int(ms)
        if abs(ms - self._last_ms) > 1500:
            msg = QDBusMessage.createSignal(OBJECT_PATH, PLAYER_IFACE, "Seeked")
            msg.setArguments([ms * 1000])
            self.bus.send(msg)
        self._last_ms = ms


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, QDBusObjectPath):
        return value.path()
    return value


def install(window: Any) -> MprisService | None:
    """Export MPRIS for ``window`` when a session bus exists (None: no bus, or the name is taken
    by a window on another catalog, which keeps the media keys). The caller keeps the service (it
    outlives the window) and calls ``attach`` with the next window."""
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    service = MprisService(window, None, bus, getattr(window, "thumbnails", None))
    if not service.register():
        service.deleteLater()
        return None
    return service
