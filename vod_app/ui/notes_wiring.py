"""Notes in the window (issue 11): the player's bookmarks panel, B, Copy link/citation, and
opening ``vod://`` links (docs/links.md). Installed by MainWindow in one line, as session editing is.

Undo: bookmark commands go on the session-editing stack, so Edit → Undo (Ctrl+Z) undoes the last
change of either kind, in the order they were made.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu

from vod_app.domain.durations import format_duration
from vod_app.domain.links import MomentLink, is_link, parse_link
from vod_app.domain.notes import Note, citation, citation_markdown
from vod_app.ui.formatting import plural_fallback

#: (recording id, ms) -> the speaker at that moment, or None. Issue 10's data plugs in here.
SpeakerAt = Callable[[int, int], str | None]


def _notes():  # noqa: ANN202 - catalog/notes.py (SQLAlchemy) on first use, not before the first paint
    from vod_app.catalog import notes

    return notes


class NotesInWindow(QObject):
    """Holds the panel and knows the recording on screen; the store the panel writes through."""

    finished = Signal(str)  # an export or import ended (its message): tests wait on it

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.users = window.services.users
        self.catalog = window.services.repo.catalog
        self.speaker_at: SpeakerAt | None = None
        self.panel: Any = None  # BookmarksPanel, with the player page (attach_player)
        self.recording: tuple[int, str] | None = None  # (id, uid) on the player page
        self._pending: list[tuple[str, str, Any]] = []  # (kind, bookmark uid, value) not yet in the catalog
        self._known: dict[str, Note] = {}  # the notes seen, for a restore not yet written
        self._page: Any = None  # NotesPage, built on first use (page)

    @property
    def page(self) -> Any:
        if self._page is None:
            from vod_app.ui.notes_page import NotesPage

            self._page = page = NotesPage(self.all_notes, self.window)
            self.window.stack.addWidget(page)
            page.play_requested.connect(lambda rid, ms: self.window.play_recording(rid, start_ms=ms))
            page.export_button.clicked.connect(self.export_action.trigger)
            page.import_button.clicked.connect(self.import_action.trigger)
        return self._page

    # --- the store BookmarksPanel writes through ---
    # Writes go through the window's WriteQueue (off the GUI thread, in order); until one lands, the
    # change is kept here and laid over what the catalog returns, so every list shows it at once.

    def add(self, ms: int) -> str:
        rid, ruid = self.recording or (None, None)
        if rid is None:
            raise RuntimeError("no recording on screen")
        speaker = self.speaker_at(rid, ms) if self.speaker_at is not None else None
        uid = str(uuid.uuid4())  # made here, so the panel can select it before the write lands
        item = self.window.player.item
        shown = Note(uid=uid, recording_uid=ruid, position_ms=ms, text="", created_at=_now(), recording_id=rid,
                     session_id=item.recording.session_id if item else None, session_title=item.session_title if item else "",
                     panel=self.window.player._panel_title_at(ms), speaker=speaker or "")
        self._known[uid] = shown
        self._write(("add", uid, shown), "add_bookmark", recording_uid=ruid, position_ms=ms, note="",
                    panel_uid=_notes().panel_uid_at(self.catalog, rid, ms), speaker=speaker, uid=uid)
        return uid

    def edit(self, uid: str, text: str) -> None:
        self._write(("edit", uid, text), "edit_bookmark", bookmark_uid=uid, note=text)

    def delete(self, uid: str) -> None:
        self._write(("delete", uid, None), "delete_bookmark", bookmark_uid=uid)

    def restore(self, uid: str) -> None:
        self._write(("restore", uid, None), "restore_bookmark", bookmark_uid=uid)

    def notes(self) -> list[Note]:
        if self.recording is None:
            return []
        ruid = self.recording[1]
        stored = _notes().list_notes(self.catalog, self.users, recording_uid=ruid, prefs=self.window.prefs_langs())
        return self._with_pending(stored, lambda n: n.recording_uid == ruid)

    def _write(self, change: tuple[str, str, Any], op: str, **args: Any) -> None:
        self._pending.append(change)

        def landed(_result: object) -> None:
            self._pending.remove(change)
            if self._page is not None and self.window.stack.currentWidget() is self._page:
                self.reload_page()

        self.window.writes.state(op, on_done=landed, **args)

    def _with_pending(self, stored: list[Note], keep: Callable[[Note], bool] = lambda _n: True,
                      also: Sequence[tuple[str, str, Any]] = ()) -> list[Note]:
        """``stored`` (newest first) with the changes not yet in the catalog; new ones first. ``also``:
        changes pending when ``stored`` was read (laying one over the catalog again is harmless)."""
        self._known.update((n.uid, n) for n in stored)
        by_uid = {n.uid: n for n in stored}
        seen = {id(c) for c in also}
        for kind, uid, value in [*also, *(c for c in self._pending if id(c) not in seen)]:
            if kind == "add" and keep(value):
                by_uid.setdefault(uid, value)
            elif kind == "edit" and uid in by_uid:
                by_uid[uid] = _with_text(by_uid[uid], value)
                self._known[uid] = by_uid[uid]
            elif kind == "delete":
                by_uid.pop(uid, None)
            elif kind == "restore" and uid in self._known and keep(self._known[uid]):
                by_uid.setdefault(uid, self._known[uid])
        old = {n.uid for n in stored}
        fresh = [n for n in by_uid.values() if n.uid not in old]
        return fresh[::-1] + [by_uid[n.uid] for n in stored if n.uid in by_uid]

    # --- the window ---

    def on_page(self, name: str) -> None:
        """The player page shows a recording: its bookmarks. The recording is the place shown (the
        player's item when it is that one: no catalog read)."""
        self.add_action.setEnabled(name == "player")
        if name == "notes":
            self.reload_page()
        if name == "session":
            self._fill_session_notes()
        if name != "player":
            return
        place = self.window._current_place()
        rid = place.recording_id if place is not None else None
        if rid is None or (self.recording and self.recording[0] == rid):
            return
        item = self.window.player.item
        if item is not None and item.recording.recording_id == rid:
            self.recording = (rid, item.recording.uid)
        else:
            from vod_app.catalog.notes import resolve_target

            try:
                self.recording = (rid, resolve_target(self.catalog, "recording", str(rid))[1])
            except ValueError:
                self.recording = None
        self.panel.clear_list()
        # The bookmarks are a catalog read: after the first frame, off the open path.
        self.window.player.after_first_frame(self.panel.refresh)

    def show_marks(self) -> None:
        self.window.player.seek_bar.set_bookmarks([n.position_ms for n in self.panel.notes()])

    def add_here(self) -> str | None:
        if self.recording is None or not self.window._showing_player():
            return None
        return self.panel.add_at(max(0, self.window.controller.time_ms()))

    def current_moment(self) -> Note | None:
        """The selected bookmark, else the moment on screen, as a Note (for links and citations)."""
        chosen = self.panel.current_note() if self.panel is not None else None
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
        self.window.statusBar().showMessage(self.tr("Copied {link}").format(link=link), 4000)
        return link

    def copy_citation(self, markdown: bool = False) -> str:
        note = self.current_moment()
        if note is None:
            return ""
        if not note.event_title and note.session_id is not None:  # the moment on screen: fill in the session
            d = self.window.services.repo.session_detail(note.session_id, self.window.prefs_langs())
            if d is not None:
                note = replace(note, event_title=d.event_title, date=d.date)
        plain, md = citation(note), citation_markdown(note)
        data = QMimeData()
        data.setText(md if markdown else plain)
        data.setData("text/markdown", md.encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(data)
        self.window.statusBar().showMessage(self.tr("Citation copied"), 4000)
        return md if markdown else plain

    def _fill_session_notes(self) -> None:
        """The session page's own list of this person's notes in it (hidden when there are none)."""
        place = self.window._current_place()
        sid = None if place is None else place.session_id
        notes = [] if sid is None else self._with_pending(
            _notes().list_notes(self.catalog, self.users, session_id=sid, prefs=self.window.prefs_langs()), lambda n: n.session_id == sid)
        box = self.session_list
        box.clear()
        for n in sorted(notes, key=lambda x: (x.recording_uid, x.position_ms)):
            first = n.text.splitlines()[0] if n.text.strip() else n.panel
            it = QListWidgetItem(f"{n.time}  {first}".rstrip(), box)
            it.setData(Qt.ItemDataRole.UserRole, (n.recording_id, n.position_ms))
            it.setToolTip(n.text)
        box.setVisible(bool(notes))
        self.session_label.setVisible(bool(notes))

    # --- My notes, search, export and import ---

    def all_notes(self) -> list[Note]:
        return _notes().list_notes(self.catalog, self.users, prefs=self.window.prefs_langs())

    def reload_page(self) -> None:
        """All notes, read on the task runner: with thousands of notes the window stays responsive."""
        before = list(self._pending)  # one landing while the read runs may be missing from what it read
        self.window.runner.submit(self.all_notes, on_error=self._failed,
                                  on_done=lambda notes: self.page.set_notes(self._with_pending(notes, also=before)))

    def show_page(self) -> None:
        from vod_app.ui.navigation import Place

        self.window._show(Place("notes"))

    def search_hits(self, query: str) -> list[Any]:
        """Notes matching the main search, as their own kind of hit (runs on the search worker)."""
        import html

        from vod_app.domain.records import SearchHit

        hits = []
        for n in _notes().list_notes(self.catalog, self.users, query=query, prefs=self.window.prefs_langs())[:50]:
            if n.session_id is None or n.recording_id is None:
                continue
            text = n.text or n.panel or n.time
            at = text.casefold().find(query.strip().casefold())
            snippet = html.escape(text) if at < 0 else (
                html.escape(text[:at]) + "<b>" + html.escape(text[at:at + len(query.strip())]) + "</b>" + html.escape(text[at + len(query.strip()):]))
            hits.append(SearchHit(kind="note", session_id=n.session_id, session_uid=n.session_uid, title=n.session_title,
                                  snippet=snippet, lang="", date=n.date, recording_id=n.recording_id,
                                  recording_uid=n.recording_uid, start_ms=n.position_ms))
        return hits

    def export_to(self, path: Path, session_id: int | None = None) -> None:
        """Notes (all, or a session's) to ``path``; the format from its suffix (.md, .csv, .vtt)."""
        from vod_app.domain import notes as fmt

        writer = {".md": fmt.to_markdown, ".csv": fmt.to_csv, ".vtt": fmt.to_vtt}.get(path.suffix.lower(), fmt.to_markdown)

        def work() -> int:
            notes = _notes().list_notes(self.catalog, self.users, session_id=session_id, prefs=self.window.prefs_langs())
            path.write_text(writer(notes), encoding="utf-8")
            return len(notes)

        # Behind the person's writes still queued: the file has every note the window shows.
        self.window.writes.call(work, on_done=lambda n: self._done(plural_fallback(self.tr("%n note(s) exported to {file}", "", n), n).format(file=path.name)),
                                on_error=self._failed)

    def import_from(self, path: Path) -> None:
        from vod_app.catalog.notes import merge_notes, read_notes_file

        def done(counts: tuple[int, int]) -> None:
            if self.panel is not None:
                self.panel.refresh()
            self.reload_page()
            self._done(plural_fallback(self.tr("{file}: %n note(s) added, {known} already here", "", counts[0]), counts[0]).format(
                file=path.name, known=counts[1]))

        self.window.writes.call(lambda: merge_notes(self.users, read_notes_file(path)), on_done=done, on_error=self._failed)

    def _done(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)
        self.finished.emit(text)

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, (ValueError, OSError)) else f"{type(exc).__name__}: {exc}"
        self.window.report_error(self.tr("Notes: {error}").format(error=message))
        self.finished.emit(message)

    # --- vod:// links ---

    def open_link(self, text: str) -> bool:
        """Play the moment a ``vod://`` link names; a message in the window when it cannot."""
        w = self.window
        try:
            link = parse_link(text)
        except ValueError as exc:
            w.report_error(self.tr("This link cannot be opened: {reason}").format(reason=exc))
            return False
        repo = w.services.repo
        if link.kind == "session":
            detail = repo.session_detail(link.target_id, w.prefs_langs())
            if detail is None or not detail.recordings:
                w.report_error(self.tr("There is no session {id} in this catalog.").format(id=link.target_id))
                return False
            rec = detail.recordings[0]
        else:
            item = repo.play_item(link.target_id, w.prefs_langs())
            if item is None:
                w.report_error(self.tr("There is no recording {id} in this catalog.").format(id=link.target_id))
                return False
            rec = item.recording
        start = link.time_ms
        if rec.duration_ms and start > rec.duration_ms:
            w.report_error(self.tr("The link's time {time} is past the end of this recording ({length}); it opens at the start.").format(
                time=format_duration(start), length=format_duration(rec.duration_ms)))
            start = 0
        if link.lang:
            w.set_description_language(link.lang)
        w.play_recording(rec.recording_id, start_ms=start)
        return True


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _with_text(note: Note, text: str) -> Note:
    return replace(note, text=text)


def links_in(argv: list[str]) -> list[str]:
    """The vod:// links among a launch's arguments (``vod-app vod://…`` or ``--open vod://…``)."""
    return [a for a in argv if is_link(a)]


def install_notes(window: Any) -> NotesInWindow:
    """The Notes menu: B / Add bookmark, Copy link / citation, My notes, Export/Import. The bookmarks
    panel joins the player page and the notes list the session page when those are built (ui/pages.py)."""
    n = NotesInWindow(window)
    window.page_shown.connect(n.on_page)
    add = QAction(QCoreApplication.translate("NotesInWindow", "Add &bookmark"), window)
    add.setShortcut(QKeySequence("B"))
    add.triggered.connect(n.add_here)
    n.add_action = add
    copy_link = QAction(QCoreApplication.translate("NotesInWindow", "Copy link to this moment"), window)
    copy_link.triggered.connect(n.copy_link)
    cite = QAction(QCoreApplication.translate("NotesInWindow", "Copy citation"), window)
    cite.triggered.connect(lambda: n.copy_citation(False))
    cite_md = QAction(QCoreApplication.translate("NotesInWindow", "Copy citation as Markdown"), window)
    cite_md.triggered.connect(lambda: n.copy_citation(True))
    n.copy_actions = (copy_link, cite, cite_md)
    my_notes = QAction(QCoreApplication.translate("NotesInWindow", "&My notes"), window)
    my_notes.setShortcut(QKeySequence("Ctrl+Shift+B"))
    my_notes.triggered.connect(n.show_page)
    export = QAction(QCoreApplication.translate("NotesInWindow", "&Export notes…"), window)
    # from the notes page: the session chosen in its filter (else all); from the menu elsewhere: all
    export.triggered.connect(lambda: (p := n.page.ask_export_path()) and n.export_to(
        p, n.page.session.currentData() if window.stack.currentWidget() is n.page else None))
    imp = QAction(QCoreApplication.translate("NotesInWindow", "&Import notes…"), window)
    imp.triggered.connect(lambda: (p := n.page.ask_import_path()) and n.import_from(p))
    n.export_action, n.import_action = export, imp
    menu = QMenu(QCoreApplication.translate("NotesInWindow", "&Notes"), window)
    for a in (my_notes, add, None, copy_link, cite, cite_md, None, export, imp):
        menu.addSeparator() if a is None else menu.addAction(a)
    window.menuBar().insertMenu(window.menuBar().actions()[-1], menu)  # before Help
    n.my_notes_action = my_notes
    return n


def attach_player(n: NotesInWindow, player: Any) -> None:
    """The bookmarks panel beside Description, Transcript and Speakers; B while the player has the focus."""
    from vod_app.ui.bookmarks_view import BookmarksPanel

    n.panel = BookmarksPanel(n, n.window.session_editing.stack, player)
    player.side.addTab(n.panel, QCoreApplication.translate("NotesInWindow", "Notes"))
    n.panel.seek_requested.connect(player.seek)
    n.panel.add_button.clicked.connect(n.add_here)
    n.panel.changed.connect(n.show_marks)
    player.addAction(n.add_action)  # typing in a field is left alone
    for a in n.copy_actions:
        n.panel.copy_button.addAction(a)


def attach_session_page(n: NotesInWindow, page: Any) -> None:
    """This person's notes in the session, above its body (hidden when there are none)."""
    lay = page.layout()
    n.session_label = QLabel(QCoreApplication.translate("NotesInWindow", "My notes in this session"), page)
    n.session_list = QListWidget(page)
    n.session_list.setAccessibleName(QCoreApplication.translate("NotesInWindow", "My notes in this session"))
    n.session_list.setMaximumHeight(110)
    at = lay.indexOf(page.body)
    lay.insertWidget(at, n.session_label)
    lay.insertWidget(at + 1, n.session_list)
    n.session_label.hide()
    n.session_list.hide()
    n.session_list.itemActivated.connect(lambda it: n.window.play_recording(*it.data(Qt.ItemDataRole.UserRole)))
