"""Opening a recording in the window: libvlc first, then the page (issue 14, "open to first frame").

``play`` reads only where the recording plays from (catalog/media_source.py, one small read),
starts libvlc on it, and only then reads the whole play item and fills the player page, switches
the page and records the place, while libvlc opens the file on its own threads. Relocations made
in the window and not yet written (ui/writes.py) apply to what is played meanwhile.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from vod_app.domain.records import PlayItem


class Playing:
    """The window's side of playing: which item, from where, and the Locate… write."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.relocating: dict[str, str] = {}  # recording uid -> new path, until the write lands

    def item(self, recording_id: int) -> PlayItem | None:
        w = self.window
        try:
            item = w.services.repo.play_item(recording_id, w.prefs_langs())
        except Exception as exc:  # noqa: BLE001 - a message in the window, never a traceback
            w.report_error(QCoreApplication.translate("MainWindow", "The recording could not be loaded: {error}").format(error=exc))
            return None
        path = None if item is None else self.relocating.get(item.recording.uid)
        return item if path is None else replace(item, recording=replace(item.recording, source=path))

    def _source(self, recording_id: int) -> str | None:
        from vod_app.catalog.media_source import repository_media_source

        try:
            found = repository_media_source(self.window.services.repo, recording_id)
        except Exception:  # noqa: BLE001 - the play item's read says what is wrong
            return None
        return None if found is None else self.relocating.get(found[0], found[1])

    def play(self, recording_id: int, start_ms: int | None = None, captions_language: str | None = None) -> None:
        from vod_app.ui.navigation import Place

        w = self.window
        before = w.stack.currentWidget()
        source = self._source(recording_id)
        if source is not None:
            w.stack.setCurrentWidget(w.player)  # the video surface is on screen when libvlc starts
            w.player.start(source, start_ms)
        item = self.item(recording_id)
        if item is None:
            if source is not None:
                w.player.abandon_start()
                w.stack.setCurrentWidget(before)
            return
        w.stack.setCurrentWidget(w.player)
        w.player.play(item, start_ms=start_ms, captions_language=captions_language)
        w._show(Place("player", recording_id=recording_id))
        w.player.setFocus()

    def relocate(self, uid: str, path: str) -> PlayItem | None:
        """Remember the file's new place (written on the writes lane) and play from it now."""
        w = self.window
        self.relocating[uid] = path

        def landed(_result: object) -> None:
            if self.relocating.get(uid) == path:
                del self.relocating[uid]

        w.writes.state("relocate", on_done=landed, recording_uid=uid, path=path)
        place = w._current_place()
        return self.item(place.recording_id) if place and place.recording_id is not None else None
