"""Notes in the window (issue 11): the player's bookmarks panel, B, Copy link/citation, and
opening ``vod://`` links (docs/links.md). Installed by MainWindow in one line, as session editing is.

Undo: bookmark commands go on the session-editing stack, so Edit → Undo (Ctrl+Z) undoes the last
change of either kind, in the order they were made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from vod_app.catalog.notes import list_notes, panel_uid_at
from vod_app.domain.durations import format_duration
from vod_app.domain.links import MomentLink, is_link, parse_link
from vod_app.domain.notes import Note, citation, citation_markdown
from vod_app.ui.bookmarks_view import BookmarksPanel

#: (recording id, ms) -> the speaker at that moment, or None. Issue 10's data plugs in here.
SpeakerAt = Callable[[int, int], str | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Notes", text)


class NotesInWindow(QObject):
    """Holds the panel and knows the recording on screen; the store the panel writes through."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.users = window.services.users
        self.catalog = window.services.repo.catalog
        self.speaker_at: SpeakerAt | None = None
        self.panel = BookmarksPanel(self, window.session_editing.stack, window.player)
        self.recording: tuple[int, str] | None = None  # (id, uid) on the player page

    # --- the store BookmarksPanel writes through ---

    def add(self, ms: int) -> str:
        rid, ruid = self.recording or (None, None)
        if rid is None:
            raise RuntimeError("no recording on screen")
        speaker = self.speaker_at(rid, ms) if self.speaker_at is not None else None
        return self.users.add_bookmark(ruid, ms, "", panel_uid=panel_uid_at(self.catalog, rid, ms), speaker=speaker)

    def edit(self, uid: str, text: str) -> None:
        self.users.edit_bookmark(uid, text)

    def delete(self, uid: str) -> None:
        self.users.delete_bookmark(uid)

    def restore(self, uid: str) -> None:
        self.users.restore_bookmark(uid)

    def notes(self) -> list[Note]:
        if self.recording is None:
            return []
        return list_notes(self.catalog, self.users, recording_uid=self.recording[1], prefs=self.window.prefs_langs())

    # --- the window ---

    def on_page(self, name: str) -> None:
        """The player page shows a recording: its bookmarks. (Emitted before the player has the
        item, so the recording comes from the place shown.)"""
        if name != "player":
            return
        place = self.window._current_place()
        rid = place.recording_id if place is not None else None
        if rid is None or (self.recording and self.recording[0] == rid):
            return
        from vod_app.catalog.notes import resolve_target

        try:
            self.recording = (rid, resolve_target(self.catalog, "recording", str(rid))[1])
        except ValueError:
            self.recording = None
        self.panel.refresh()

    def show_marks(self) -> None:
        self.window.player.seek_bar.set_bookmarks([n.position_ms for n in self.panel.notes()])

    def add_here(self) -> str | None:
        if self.recording is None or self.window.stack.currentWidget() is not self.window.player:
            return None
        return self.panel.add_at(max(0, self.window.controller.time_ms()))

    def current_moment(self) -> Note | None:
        """The selected bookmark, else the moment on screen, as a Note (for links and citations)."""
        chosen = self.panel.current_note()
        if chosen is not None or self.recording is None:
            return chosen
        item = self.window.player.item
        ms = max(0, self.window.controller.time_ms())
        return Note(uid="", recording_uid=item.recording.uid, position_ms=ms, text="", created_at=_now(),
                    recording_id=item.recording.recording_id, session_id=item.recording.session_id,
                    session_title=item.session_title, panel=self.window.player._panel_title_at(ms))

    def copy_link(self) -> str:
        """The moment on screen (not the selected bookmark: that one has its own citation)."""
        if self.recording is None:
            return ""
        ms = max(0, self.window.controller.time_ms())
        link = MomentLink("recording", self.recording[0], ms).url()
        QGuiApplication.clipboard().setText(link)
        self.window.statusBar().showMessage(_tr("Copied {link}").format(link=link), 4000)
        return link

    def copy_citation(self, markdown: bool = False) -> str:
        note = self.current_moment()
        if note is None:
            return ""
        if not note.event_title and note.session_id is not None:  # the moment on screen: fill in the session
            d = self.window.services.repo.session_detail(note.session_id, self.window.prefs_langs())
            if d is not None:
                from dataclasses import replace

                note = replace(note, event_title=d.event_title, date=d.date)
        plain, md = citation(note), citation_markdown(note)
        data = QMimeData()
        data.setText(md if markdown else plain)
        data.setData("text/markdown", md.encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(data)
        self.window.statusBar().showMessage(_tr("Citation copied"), 4000)
        return md if markdown else plain

    # --- vod:// links ---

    def open_link(self, text: str) -> bool:
        """Play the moment a ``vod://`` link names; a message in the window when it cannot."""
        w = self.window
        try:
            link = parse_link(text)
        except ValueError as exc:
            w.report_error(_tr("This link cannot be opened: {reason}").format(reason=exc))
            return False
        repo = w.services.repo
        if link.kind == "session":
            detail = repo.session_detail(link.target_id, w.prefs_langs())
            if detail is None or not detail.recordings:
                w.report_error(_tr("There is no session {id} in this catalog.").format(id=link.target_id))
                return False
            rec = detail.recordings[0]
        else:
            item = repo.play_item(link.target_id, w.prefs_langs())
            if item is None:
                w.report_error(_tr("There is no recording {id} in this catalog.").format(id=link.target_id))
                return False
            rec = item.recording
        start = link.time_ms
        if rec.duration_ms and start > rec.duration_ms:
            w.report_error(_tr("The link's time {time} is past the end of this recording ({length}); it opens at the start.").format(
                time=format_duration(start), length=format_duration(rec.duration_ms)))
            start = 0
        if link.lang:
            w.set_description_language(link.lang)
        w.play_recording(rec.recording_id, start_ms=start)
        return True


def _now():  # noqa: ANN202
    import datetime as dt

    return dt.datetime.now(dt.UTC)


def links_in(argv: list[str]) -> list[str]:
    """The vod:// links among a launch's arguments (``vod-app vod://…`` or ``--open vod://…``)."""
    return [a for a in argv if is_link(a)]


def install_notes(window: Any) -> NotesInWindow:
    """The bookmarks panel beside the player, B / Add bookmark, Copy link / citation."""
    n = NotesInWindow(window)
    side = window.player.side.layout()
    side.addWidget(n.panel, 2)
    n.panel.seek_requested.connect(window.player.seek)
    n.panel.add_button.clicked.connect(n.add_here)
    n.panel.changed.connect(n.show_marks)
    window.page_shown.connect(n.on_page)
    add = QAction(_tr("Add &bookmark"), window)
    add.setShortcut(QKeySequence("B"))
    add.triggered.connect(n.add_here)
    window.player.addAction(add)  # B while the player page has the focus; typing in a field is left alone
    n.add_action = add
    copy_link = QAction(_tr("Copy link to this moment"), window)
    copy_link.triggered.connect(n.copy_link)
    cite = QAction(_tr("Copy citation"), window)
    cite.triggered.connect(lambda: n.copy_citation(False))
    cite_md = QAction(_tr("Copy citation as Markdown"), window)
    cite_md.triggered.connect(lambda: n.copy_citation(True))
    for a in (copy_link, cite, cite_md):
        n.panel.copy_button.addAction(a)
    return n
