"""The main window: toolbar with search, pages (browse, session, player), menus, navigation."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from vod_app.domain.records import Page, PlayItem, RecordingSummary, SearchHit, SessionDetail
from vod_app.domain.search_filters import SearchFilters
from vod_app.tasks import TaskRunner
from vod_app.ui.actions import Actions
from vod_app.ui.browse_page import BrowsePage
from vod_app.ui.formatting import plural_fallback
from vod_app.ui.list_reads import ContinueWatching, recent_read_ahead
from vod_app.ui.menus import build_menus, connect_actions
from vod_app.ui.models import RecordingListModel, SearchResultsModel
from vod_app.ui.navigation import NavigationHistory, Place
from vod_app.ui.notes_wiring import install_notes
from vod_app.ui.pages import Pages
from vod_app.ui.playing import Playing
from vod_app.ui.preferences import Preferences
from vod_app.ui.search_box import SNIPPETS_FIRST, SearchBox
from vod_app.ui.session_editing import install_session_editing
from vod_app.ui.thumbnails import ThumbnailCache
from vod_app.ui.writes import WriteQueue, WriteStatus, saved_writes

if TYPE_CHECKING:  # not needed for the first paint: the protocol's module, the import and feed dialogs
    from vod_app.playback.player import Player
    from vod_app.ui.feed_dialogs import FeedFlow
    from vod_app.ui.folder_dialogs import ImportSummaryDialog
    from vod_app.ui.import_flow import ImportFlow


class Services:
    """What the window needs from the rest of the app (built by app.py, the composition root)."""

    def __init__(self, repo: Any, users: Any, search: Any, import_file: Callable[..., Any], import_folder: Callable[..., Any] | None,
                 feeds: Any = None) -> None:
        self.repo, self.users, self.search = repo, users, search
        self.import_file, self.import_folder = import_file, import_folder
        self.feeds = feeds  # catalog/feeds.py FeedService, or None (no feed actions)


class MainWindow(QMainWindow):
    search_finished = Signal(str, int)  # query, number of hits (tests wait on it)
    page_shown = Signal(str)

    def __init__(self, services: Services, controller: Player | None, runner: TaskRunner, prefs: Preferences,
                 thumbnails: ThumbnailCache | None, parent: QWidget | None = None,
                 make_controller: Callable[[], Player] | None = None) -> None:
        """``controller``: the player, or None: ``make_controller`` makes it on first use (ui/pages.py)."""
        super().__init__(parent)
        self.services, self.runner, self.prefs = services, runner, prefs
        self.pages = Pages(self, controller, make_controller)  # session, player, notes: on first use
        # The platform appends the application display name ("vod-app") to every window title.
        self.setWindowTitle(self.tr("Video on demand"))
        self.resize(1280, 800)
        self.actions_ = Actions(self)
        # Every write of the window goes through here: off the GUI thread, in order (ui/writes.py).
        self.writes = WriteQueue(services.users, runner, saved_writes(services.users), self)
        self.write_status = WriteStatus(self.writes, self.statusBar())
        prefs.writer = self.writes.preference
        self.history = NavigationHistory()
        self._last_query = ""

        self.recent_model = RecordingListModel(self._recent_page, self)
        self.continue_model = RecordingListModel(lambda _c, _n: Page((), None), self)
        self.continue_list = ContinueWatching(self, self.continue_model)
        self.results_model = SearchResultsModel(self)
        self.browse = BrowsePage(self.recent_model, self.continue_model, self.results_model, thumbnails, self)
        self.playing = Playing(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.browse)
        self.setCentralWidget(self.stack)

        self.search_box = SearchBox(runner, self._run_search, self)
        self.search_field = self.search_box.field
        self._debounce = self.search_box.debounce  # tests check that Home drops a typed query
        self.search_field.returnPressed.connect(self._search_now_and_focus)
        self.search_box.down_pressed.connect(self.browse.focus_list)
        self.results_model.run = self.search_box.run_aside  # snippets of the rows scrolled to, on the search lane

        build_menus(self)
        connect_actions(self)
        self.session_editing = install_session_editing(self)
        self.notes = install_notes(self)
        self.notes.speaker_at = lambda _rid, _ms: getattr(self.player, "speaker_now", "") or None  # the transcript's
        self.actions_.leave_fullscreen.setEnabled(False)  # Esc belongs to fields and dialogs otherwise
        self.statusBar()
        self.refresh_lists()
        self.recent_model.read_ahead = recent_read_ahead(self)  # after the first page (ui/list_reads.py)
        self._show(Place("browse"), record=False)

    # --- pages built on first use (ui/pages.py) ---

    @property
    def controller(self) -> Player:
        return self.pages.controller()

    @property
    def player(self) -> Any:  # PlayerPage
        return self.pages.player()

    @property
    def session_page(self) -> Any:  # SessionPage
        return self.pages.session_page()

    def _showing_player(self) -> bool:
        page = self.pages.player_page
        return page is not None and self.stack.currentWidget() is page

    # --- set-up ---

    def session_changed(self, kind: str, session_id: int, direction: str, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        place = self._current_place()
        showing = place is not None and place.page == "session" and place.session_id == session_id
        if kind == "remove" and direction != "undo":
            self.history.forget(lambda p: p.page == "session" and p.session_id == session_id)
            if showing:
                self._show(Place("browse"), record=False)
        elif showing:
            self._show(place, record=False)
        self.refresh_lists()

    # --- data ---

    def prefs_langs(self) -> tuple[str, ...]:
        return (self.prefs.description_language,)

    def _filters(self) -> SearchFilters:
        event, year, lang = self.browse.filters()
        return SearchFilters(lang=lang, event_uid=event, year=year)

    def _recent_page(self, cursor: str | None, n: int) -> Page[RecordingSummary]:
        try:
            return self.services.repo.recent_recordings(limit=n, cursor=cursor, filters=self._filters(), prefs=self.prefs_langs())
        except Exception as exc:  # noqa: BLE001 - a message in the window, never a traceback
            self.report_error(self.tr("The catalog could not be read: {error}").format(error=exc))
            return Page((), None)

    def refresh_lists(self) -> None:
        self.recent_model.reset_with()
        try:
            self.continue_list.read_now()
            event, year, _lang = self.browse.filters()
            repo = self.services.repo
            # Each filter offers only what the other allows: no Year that the chosen Event never had.
            self.browse.set_filter_options(repo.events(self.prefs_langs(), year=year), repo.years(event_uid=event), repo.languages())
        except Exception as exc:  # noqa: BLE001
            self.report_error(self.tr("The catalog could not be read: {error}").format(error=exc))
        if self.search_field.text().strip():
            self._run_search()
        elif self.stack.currentWidget() is self.browse:
            self.browse.show_home()

    # --- search ---

    def focus_search(self) -> None:
        if self.isFullScreen():
            self.leave_fullscreen()
        if self.stack.currentWidget() is not self.browse:
            self._show(Place("browse", query=self.search_field.text()))
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _search_now_and_focus(self) -> None:
        self.search_box.debounce.stop()
        self._run_search()
        self.browse.focus_list()

    def _run_search(self) -> None:
        query = self.search_field.text()
        if self.stack.currentWidget() is not self.browse:
            self._show(Place("browse", query=query))
        if not query.strip():
            self.search_box.supersede()
            self.results_model.set_hits([])
            self.browse.show_home()
            self.search_finished.emit(query, 0)
            return
        filters, ui_lang, backend = self._filters(), self.prefs.description_language, self.services.search

        def work() -> list[SearchHit]:  # on the search lane (a stand-in backend waits there for the ORM)
            return self.notes.search_hits(query) + backend.search(query, filters, limit=100, ui_lang=ui_lang, snippets=SNIPPETS_FIRST)

        def done(hits: list[SearchHit]) -> None:  # only the newest query's results arrive here
            self._last_query = query
            self.results_model.set_hits(hits, snippets=lambda shown: self.services.search.snippets(query, shown))
            self.browse.show_results(query)
            self.statusBar().showMessage(plural_fallback(self.tr("%n result(s)", "", len(hits)), len(hits)), 3000)
            self.search_finished.emit(query, len(hits))

        def failed(exc: BaseException) -> None:
            self.report_error(self.tr("Search failed: {error}").format(error=exc))
            self.search_finished.emit(query, 0)

        # The search lane runs the newest query only; a running one is stopped inside SQLite.
        self.search_box.submit(work, on_done=done, on_error=failed, interrupt=getattr(self.services.search, "interrupt", None))

    def open_session(self, session_id: int) -> None:
        """Show a session's page (recorded in the history)."""
        self._show(Place("session", session_id=session_id))

    def open_hit(self, hit: SearchHit) -> None:
        if hit.kind in ("cue", "note", "speaker") and hit.recording_id is not None:
            lang = hit.lang if hit.kind != "speaker" else ""  # a speaker's language is not a reason to show captions
            self.play_recording(hit.recording_id, hit.start_ms or 0, captions_language=lang or None)
        else:
            self._show(Place("session", session_id=hit.session_id, query=self._last_query))

    # --- navigation ---

    def go_home(self) -> None:
        """The start page, whatever was searched: Home clears the search and drops a pending one."""
        if self.isFullScreen():
            self.leave_fullscreen()
        self.search_field.clear()  # not with signals blocked: the field's clear button follows them
        self.search_box.cancel()  # a search still running must not bring its results back
        self.results_model.set_hits([])
        self._show(Place("browse"))

    def _refresh_continue(self) -> None:
        """Continue watching read again (on a worker), when the start page shows it (after a position write)."""
        if self.stack.currentWidget() is self.browse and not self.browse.showing_results():
            self.continue_list.read_later()

    def _current_place(self) -> Place | None:
        return self.history.current()

    def _show(self, place: Place, record: bool = True) -> None:
        current = self._current_place()
        if current is not None and current.page == "player" and place.page != "player":
            self.player.stop()
        if place.page == "session":
            detail = self._load_session(place.session_id)
            if detail is None:
                return
            positions = {r.uid: self.services.users.position(r.uid) for r in detail.recordings}
            self.session_page.show_detail(detail, positions)
            if detail.uid.startswith("feed-") and self.feed_flow is not None:
                self.feed_flow.session_opened(detail.uid)
            if place.query:
                self.session_page.show_moments(self.services.repo.cue_moments(detail.session_id, place.query))
            self.stack.setCurrentWidget(self.session_page)
            self.session_page.recordings.setFocus()
        elif place.page in ("player", "notes"):
            self.stack.setCurrentWidget(self.player if place.page == "player" else self.notes.page)
        else:
            self.stack.setCurrentWidget(self.browse)
            if self.search_field.text().strip():
                self.browse.show_results(self.search_field.text())
            else:
                if current is not None:  # (the window's first page has just read it)
                    self.continue_list.read_later()  # shown when read (ui/list_reads.py)
                self.browse.show_home()
        self.actions_.set_player_active(place.page == "player")
        self.history.visit(place, record)
        self._update_nav()
        self.page_shown.emit(place.page)

    def _update_nav(self) -> None:
        self.actions_.back.setEnabled(self.history.can_go_back())
        self.actions_.forward.setEnabled(self.history.can_go_forward())

    def go_back(self) -> None:
        if self.isFullScreen():
            self.leave_fullscreen()
        step = self.history.back()
        if step is not None:
            self._replay(*step)

    def go_forward(self) -> None:
        step = self.history.forward()
        if step is not None:
            self._replay(*step)

    def _replay(self, place: Place, leaving: Place | None) -> None:
        if place.page == "player" and place.recording_id is not None:
            item = self.playing.item(place.recording_id)
            if item is not None:
                if leaving is None or leaving.page != "player":
                    self.stack.setCurrentWidget(self.player)
                self.player.play(item)
            self.actions_.set_player_active(True)
            self._update_nav()
            self.page_shown.emit("player")
            return
        if leaving is not None and leaving.page == "player":
            self.player.stop()
        self._show(place, record=False)

    def _load_session(self, session_id: int | None) -> SessionDetail | None:
        if session_id is None:
            return None
        try:
            return self.services.repo.session_detail(session_id, self.prefs_langs())
        except Exception as exc:  # noqa: BLE001
            self.report_error(self.tr("The session could not be loaded: {error}").format(error=exc))
            return None

    def set_description_language(self, lang: str) -> None:
        if not lang:
            return
        self.prefs.description_language = lang
        self.prefs.save("description_language", lang)
        place = self._current_place()
        if place is not None and place.page == "session":
            self._show(place, record=False)

    # --- playback ---

    def play_recording(self, recording_id: int, start_ms: int | None = None, captions_language: str | None = None) -> None:
        """Play a recording: libvlc starts first, the page fills meanwhile (ui/playing.py)."""
        self.playing.play(recording_id, start_ms, captions_language)

    def _save_position(self, uid: str, ms: int, length: int | None) -> None:
        # The start page read Continue watching before this write landed: read it again then.
        self.writes.state("save_position", on_done=lambda _r: self._refresh_continue(), recording_uid=uid, position_ms=ms, duration_ms=length)

    def _relocate(self, uid: str, path: str) -> PlayItem | None:
        return self.playing.relocate(uid, path)  # PlayerPage's Locate…

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.leave_fullscreen()
        elif self._showing_player():
            for w in (self.menuBar(), self.toolbar, self.statusBar(), self.player.header, self.player.side):
                w.hide()
            self.showFullScreen()
            self.actions_.fullscreen.setChecked(True)
            self.actions_.leave_fullscreen.setEnabled(True)

    def leave_fullscreen(self) -> None:
        if not self.isFullScreen():
            return
        for w in (self.menuBar(), self.toolbar, self.statusBar(), self.player.header, self.player.side):
            w.show()
        self.showNormal()
        self.actions_.fullscreen.setChecked(False)
        self.actions_.leave_fullscreen.setEnabled(False)

    # --- imports and feeds: their dialogs' modules on first use ---

    @cached_property
    def imports(self) -> ImportFlow:
        from vod_app.ui.import_flow import ImportFlow
        return ImportFlow(self, self.services, self.runner, self.prefs)

    @cached_property
    def feed_flow(self) -> FeedFlow | None:
        from vod_app.ui.feed_dialogs import FeedFlow
        return FeedFlow(self, self.services.feeds, self.runner) if self.services.feeds is not None else None

    def import_path(self, path: Path) -> None:
        """Import a catalog file or a folder off the GUI thread (ui/import_flow.py)."""
        self.imports.import_path(path)

    @property
    def folder_summary(self) -> ImportSummaryDialog | None:
        return self.imports.folder_summary

    # --- messages ---

    def report_error(self, text: str, detail: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("vod-app"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # errors quote file names and catalog text
        if detail:
            box.setDetailedText(detail)
        box.setObjectName("errorBox")
        box.open()  # not exec(): nothing blocks, tests can read it
        self.statusBar().showMessage(text, 10_000)
        self.last_error = text

    def closeEvent(self, ev: QCloseEvent) -> None:  # noqa: N802
        page, controller = self.pages.player_page, self.pages.controller_built  # none made here
        if page is not None:
            page.save_position()
        self.prefs.flush()
        if controller is not None:
            controller.stop()
        self.writes.close()  # bounded; what is left waits in the pending-writes file (ui/writes.py)
        self.runner.wait(5000, skip=("writes",))
        # libvlc goes before the interpreter tears down what its callbacks reference.
        if controller is not None:
            controller.release()
        super().closeEvent(ev)
