"""The main window: toolbar with search, pages (browse, session, player), menus, navigation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from vod_app.catalog.search import SearchFilters
from vod_app.domain.records import Page, PlayItem, RecordingSummary, SearchHit, SessionDetail
from vod_app.playback.controller import PlayerController
from vod_app.tasks import CancelToken, TaskRunner
from vod_app.ui.actions import Actions
from vod_app.ui.browse_page import BrowsePage
from vod_app.ui.folder_dialogs import ImportSummaryDialog
from vod_app.ui.formatting import plural_fallback
from vod_app.ui.labels import plain_label
from vod_app.ui.models import RecordingListModel, SearchResultsModel
from vod_app.ui.player_page import PlayerPage
from vod_app.ui.preferences import Preferences
from vod_app.ui.session_editing import SessionEditing
from vod_app.ui.session_page import SessionPage
from vod_app.ui.thumbnails import ThumbnailCache

SEARCH_DEBOUNCE_MS = 150


@dataclass(frozen=True)
class Place:
    """One entry of the back/forward history."""

    page: str  # browse | session | player
    session_id: int | None = None
    recording_id: int | None = None
    query: str = ""


class Services:
    """What the window needs from the rest of the app (built by app.py, the composition root)."""

    def __init__(self, repo: Any, users: Any, search: Any, import_file: Callable[..., Any], import_folder: Callable[..., Any] | None) -> None:
        self.repo, self.users, self.search = repo, users, search
        self.import_file, self.import_folder = import_file, import_folder


class MainWindow(QMainWindow):
    search_finished = Signal(str, int)  # query, number of hits (tests wait on it)
    page_shown = Signal(str)

    def __init__(self, services: Services, controller: PlayerController, runner: TaskRunner, prefs: Preferences,
                 thumbnails: ThumbnailCache | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.controller, self.runner, self.prefs = services, controller, runner, prefs
        # The platform appends the application display name ("vod-app") to every window title.
        self.setWindowTitle(self.tr("Video on demand"))
        self.resize(1280, 800)
        self.actions_ = Actions(self)
        self._history: list[Place] = []
        self._future: list[Place] = []
        self._search_seq = 0
        self._last_query = ""

        self.recent_model = RecordingListModel(self._recent_page, self)
        self.continue_model = RecordingListModel(lambda _c, _n: Page((), None), self)
        self.results_model = SearchResultsModel(self)
        self.browse = BrowsePage(self.recent_model, self.continue_model, self.results_model, thumbnails, self)
        self.session_page = SessionPage(self)
        self.player = PlayerPage(controller, prefs, self._save_position, self._relocate, self)
        self.stack = QStackedWidget(self)
        for w in (self.browse, self.session_page, self.player):
            self.stack.addWidget(w)
        self.setCentralWidget(self.stack)

        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search titles, descriptions and captions (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(self.tr("Search"))
        self.search_field.setMaxLength(1000)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search_field.textChanged.connect(lambda _t: self._debounce.start())
        self.search_field.returnPressed.connect(self._search_now_and_focus)
        self.search_field.installEventFilter(self)

        self._build_toolbar_and_menus()
        self._connect()
        self._setup_session_editing()
        self.actions_.leave_fullscreen.setEnabled(False)  # Esc belongs to fields and dialogs otherwise
        self.statusBar()
        self.refresh_lists()
        self._show(Place("browse"), record=False)

    # --- set-up ---

    def _build_toolbar_and_menus(self) -> None:
        a = self.actions_
        tb = QToolBar(self.tr("Navigation"), self)
        tb.setObjectName("navigationToolbar")
        tb.setMovable(False)
        tb.addAction(a.back)
        tb.addAction(a.forward)
        tb.addAction(a.home)
        tb.addWidget(self.search_field)
        self.addToolBar(tb)
        self.toolbar = tb

        mb = self.menuBar()
        m = mb.addMenu(self.tr("&File"))
        m.addAction(a.import_catalog)
        m.addAction(a.add_folder)
        m.addSeparator()
        m.addAction(a.quit)
        m = mb.addMenu(self.tr("&View"))
        for act in (a.home, a.back, a.forward, a.find):
            m.addAction(act)
        m.addSeparator()
        m.addAction(a.fullscreen)
        m = mb.addMenu(self.tr("&Playback"))
        for act in (a.play_pause, a.stop, None, a.seek_back, a.seek_forward, a.seek_back_long, a.seek_forward_long, None,
                    a.previous_chapter, a.next_chapter, None, a.slower, a.normal_speed, a.faster, None, a.volume_up,
                    a.volume_down, a.mute):
            if act is None:
                m.addSeparator()
            else:
                m.addAction(act)
        self.audio_menu = m.addMenu(self.tr("&Audio language"))
        self.audio_menu.aboutToShow.connect(self._fill_audio_menu)
        self.captions_menu = m.addMenu(self.tr("&Captions"))
        self.captions_menu.aboutToShow.connect(self._fill_captions_menu)
        self.description_menu = m.addMenu(self.tr("&Description language"))
        self.description_menu.aboutToShow.connect(self._fill_description_menu)
        m = mb.addMenu(self.tr("&Help"))
        m.addAction(a.shortcuts)
        m.addAction(a.about)
        for act in a.all():
            self.addAction(act)  # shortcuts work in fullscreen too, with the menu bar hidden
        p = self.player
        p.play_button.setDefaultAction(a.play_pause)
        p.prev_chapter_button.setDefaultAction(a.previous_chapter)
        p.next_chapter_button.setDefaultAction(a.next_chapter)
        p.mute_button.setDefaultAction(a.mute)
        p.fullscreen_button.setDefaultAction(a.fullscreen)
        p.back_button.hide()  # one Back button: the toolbar's (Alt+Left), not one per page

    def _connect(self) -> None:
        a, p = self.actions_, self.player
        a.quit.triggered.connect(self.close)
        a.back.triggered.connect(self.go_back)
        a.forward.triggered.connect(self.go_forward)
        a.home.triggered.connect(self.go_home)
        a.find.triggered.connect(self.focus_search)
        a.import_catalog.triggered.connect(self.import_catalog_dialog)
        a.add_folder.triggered.connect(self.add_folder_dialog)
        a.play_pause.triggered.connect(p.toggle_play)
        a.stop.triggered.connect(p.stop)
        a.seek_back.triggered.connect(lambda: p.seek_relative(-10_000))
        a.seek_forward.triggered.connect(lambda: p.seek_relative(10_000))
        a.seek_back_long.triggered.connect(lambda: p.seek_relative(-60_000))
        a.seek_forward_long.triggered.connect(lambda: p.seek_relative(60_000))
        a.next_chapter.triggered.connect(p.next_chapter)
        a.previous_chapter.triggered.connect(p.previous_chapter)
        a.volume_up.triggered.connect(lambda: p.change_volume(5))
        a.volume_down.triggered.connect(lambda: p.change_volume(-5))
        a.mute.triggered.connect(p.toggle_mute)
        a.slower.triggered.connect(lambda: p.change_speed(-1))
        a.faster.triggered.connect(lambda: p.change_speed(1))
        a.normal_speed.triggered.connect(lambda: p.set_rate(1.0))
        a.fullscreen.triggered.connect(self.toggle_fullscreen)
        a.leave_fullscreen.triggered.connect(self.leave_fullscreen)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        self.browse.session_requested.connect(lambda sid: self._show(Place("session", session_id=sid)))
        self.browse.play_requested.connect(self.play_recording)
        self.browse.hit_activated.connect(self.open_hit)
        self.browse.filters_changed.connect(self.refresh_lists)
        self.browse.search_everything_requested.connect(self.browse.clear_filters)  # the query stays
        self.session_page.play_requested.connect(self.play_recording)
        self.session_page.language_changed.connect(self._set_description_language)
        self.player.back_requested.connect(self.go_back)

    def _setup_session_editing(self) -> None:
        """Edit → Undo/Redo, and the session page's Edit…/Remove from catalog (folder sessions)."""
        a = self.actions_
        self.session_editing = SessionEditing(self.services.repo.catalog, lambda: self.services.repo.events(self._prefs_langs()), self.runner, self)
        menu = QMenu(self.tr("&Edit"), self)
        menu.addAction(a.undo)
        menu.addAction(a.redo)
        self.menuBar().insertMenu(self.menuBar().actions()[1], menu)
        ed = self.session_editing
        ed.bind_actions(a.undo, a.redo)
        ed.changed.connect(self._session_changed)
        for button in (self.session_page.edit_button, self.session_page.remove_button):
            ed.busy_changed.connect(button.setDisabled)  # one change at a time
        ed.failed.connect(self.report_error)
        self.session_page.edit_requested.connect(ed.edit)
        self.session_page.remove_requested.connect(ed.remove)

    def _session_changed(self, kind: str, session_id: int, direction: str, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        place = self._current_place()
        showing = place is not None and place.page == "session" and place.session_id == session_id
        if kind == "remove" and direction != "undo":
            self._history = [p for p in self._history if p.session_id != session_id or p.page != "session"]
            self._future = [p for p in self._future if p.session_id != session_id or p.page != "session"]
            if showing:
                self._show(Place("browse"), record=False)
        elif showing:
            self._show(place, record=False)
        self.refresh_lists()

    # --- data ---

    def _prefs_langs(self) -> tuple[str, ...]:
        return (self.prefs.description_language,)

    def _filters(self) -> SearchFilters:
        event, year, lang = self.browse.filters()
        return SearchFilters(lang=lang, event_uid=event, year=year)

    def _recent_page(self, cursor: str | None, n: int) -> Page[RecordingSummary]:
        try:
            return self.services.repo.recent_recordings(limit=n, cursor=cursor, filters=self._filters(), prefs=self._prefs_langs())
        except Exception as exc:  # noqa: BLE001 - a message in the window, never a traceback
            self.report_error(self.tr("The catalog could not be read: {error}").format(error=exc))
            return Page((), None)

    def refresh_lists(self) -> None:
        self.recent_model.reset_with()
        try:
            self.continue_model.set_items(self.services.repo.continue_watching(prefs=self._prefs_langs()))
            event, year, _lang = self.browse.filters()
            repo = self.services.repo
            # Each filter offers only what the other allows: no Year that the chosen Event never had.
            self.browse.set_filter_options(repo.events(self._prefs_langs(), year=year), repo.years(event_uid=event), repo.languages())
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
        self._debounce.stop()
        self._run_search()
        self.browse.focus_list()

    def _run_search(self) -> None:
        query = self.search_field.text()
        self._search_seq += 1
        seq = self._search_seq
        if self.stack.currentWidget() is not self.browse:
            self._show(Place("browse", query=query))
        if not query.strip():
            self.results_model.set_hits([])
            self.browse.show_home()
            self.search_finished.emit(query, 0)
            return
        filters = self._filters()
        ui_lang = self.prefs.description_language

        def work() -> list[SearchHit]:
            return self.services.search.search(query, filters, limit=100, ui_lang=ui_lang)

        def done(hits: list[SearchHit]) -> None:
            if seq != self._search_seq:
                return  # an earlier query finished late: its results are dropped
            self._last_query = query
            self.results_model.set_hits(hits)
            self.browse.show_results(query)
            self.statusBar().showMessage(plural_fallback(self.tr("%n result(s)", "", len(hits)), len(hits)), 3000)
            self.search_finished.emit(query, len(hits))

        def failed(exc: BaseException) -> None:
            if seq == self._search_seq:
                self.report_error(self.tr("Search failed: {error}").format(error=exc))
                self.search_finished.emit(query, 0)

        self.runner.submit_latest("search", work, on_done=done, on_error=failed, interrupt=getattr(self.services.search, "interrupt", None))

    def open_hit(self, hit: SearchHit) -> None:
        if hit.kind == "cue" and hit.recording_id is not None:
            self.play_recording(hit.recording_id, hit.start_ms or 0, captions_language=hit.lang or None)
        else:
            self._show(Place("session", session_id=hit.session_id, query=self._last_query))

    # --- navigation ---

    def go_home(self) -> None:
        """The start page, whatever was searched: Home clears the search and drops a pending one."""
        if self.isFullScreen():
            self.leave_fullscreen()
        self.search_field.clear()  # not with signals blocked: the field's clear button follows them
        self._debounce.stop()
        self._search_seq += 1  # a search still running must not bring its results back
        self.results_model.set_hits([])
        self._show(Place("browse"))

    def _refresh_continue(self) -> None:
        """Continue watching from the catalog, when the start page shows it (after a position write)."""
        if self.stack.currentWidget() is not self.browse or self.browse.showing_results():
            return
        try:
            self.continue_model.set_items(self.services.repo.continue_watching(prefs=self._prefs_langs()))
        except Exception as exc:  # noqa: BLE001
            self.report_error(self.tr("The catalog could not be read: {error}").format(error=exc))
            return
        self.browse.show_home()

    def _current_place(self) -> Place | None:
        return self._history[-1] if self._history else None

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
            if place.query:
                self.session_page.show_moments(self.services.repo.cue_moments(detail.session_id, place.query))
            self.stack.setCurrentWidget(self.session_page)
            self.session_page.recordings.setFocus()
        elif place.page == "player":
            self.stack.setCurrentWidget(self.player)
        else:
            self.stack.setCurrentWidget(self.browse)
            if self.search_field.text().strip():
                self.browse.show_results(self.search_field.text())
            else:
                self.continue_model.set_items(self.services.repo.continue_watching(prefs=self._prefs_langs()))
                self.browse.show_home()
        self.actions_.set_player_active(place.page == "player")
        if record and place != current:
            self._history.append(place)
            self._future.clear()
        elif not self._history:
            self._history.append(place)
        self._update_nav()
        self.page_shown.emit(place.page)

    def _update_nav(self) -> None:
        self.actions_.back.setEnabled(len(self._history) > 1)
        self.actions_.forward.setEnabled(bool(self._future))

    def go_back(self) -> None:
        if self.isFullScreen():
            self.leave_fullscreen()
        if len(self._history) < 2:
            return
        current = self._history.pop()
        self._future.append(current)
        self._replay(self._history[-1], current)

    def go_forward(self) -> None:
        if not self._future:
            return
        place = self._future.pop()
        current = self._current_place()
        self._history.append(place)
        self._replay(place, current)

    def _replay(self, place: Place, leaving: Place | None) -> None:
        if place.page == "player" and place.recording_id is not None:
            item = self._play_item(place.recording_id)
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
            return self.services.repo.session_detail(session_id, self._prefs_langs())
        except Exception as exc:  # noqa: BLE001
            self.report_error(self.tr("The session could not be loaded: {error}").format(error=exc))
            return None

    def _set_description_language(self, lang: str) -> None:
        if not lang:
            return
        self.prefs.description_language = lang
        self.prefs.save("description_language", lang)
        place = self._current_place()
        if place is not None and place.page == "session":
            self._show(place, record=False)

    # --- playback ---

    def _play_item(self, recording_id: int) -> PlayItem | None:
        try:
            return self.services.repo.play_item(recording_id, self._prefs_langs())
        except Exception as exc:  # noqa: BLE001
            self.report_error(self.tr("The recording could not be loaded: {error}").format(error=exc))
            return None

    def play_recording(self, recording_id: int, start_ms: int | None = None, captions_language: str | None = None) -> None:
        item = self._play_item(recording_id)
        if item is None:
            return
        self._show(Place("player", recording_id=recording_id))
        self.player.play(item, start_ms=start_ms, captions_language=captions_language)
        self.player.setFocus()

    def _save_position(self, uid: str, ms: int, length: int | None) -> None:
        self.runner.submit(
            self.services.users.save_position,
            # The start page read Continue watching before this write landed: read it again.
            on_done=lambda _r: self._refresh_continue(),
            on_error=lambda exc: self.statusBar().showMessage(self.tr("Could not save the position: {error}").format(error=exc), 5000),
            recording_uid=uid,
            position_ms=ms,
            duration_ms=length,
        )

    def _relocate(self, uid: str, path: str) -> PlayItem | None:
        try:
            self.services.users.relocate(uid, path)
        except Exception as exc:  # noqa: BLE001
            self.report_error(self.tr("The new location could not be saved: {error}").format(error=exc))
            return None
        place = self._current_place()
        return self._play_item(place.recording_id) if place and place.recording_id is not None else None

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.leave_fullscreen()
        elif self.stack.currentWidget() is self.player:
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

    # --- menus filled on demand ---

    def _fill_audio_menu(self) -> None:
        self._fill_combo_menu(self.audio_menu, self.player.audio, self.player._on_audio_chosen)

    def _fill_captions_menu(self) -> None:
        self._fill_combo_menu(self.captions_menu, self.player.captions, self.player._on_captions_chosen)

    def _fill_description_menu(self) -> None:
        self._fill_combo_menu(self.description_menu, self.player.description_language, self.player._on_description_language)

    def _fill_combo_menu(self, menu: Any, combo: Any, chosen: Callable[[int], None]) -> None:
        menu.clear()
        if combo.count() == 0:
            menu.addAction(self.tr("(nothing playing)")).setEnabled(False)
        for i in range(combo.count()):
            act = menu.addAction(combo.itemText(i))
            act.setCheckable(True)
            act.setChecked(i == combo.currentIndex())
            act.triggered.connect(lambda _c=False, i=i: (combo.setCurrentIndex(i), chosen(i)))

    # --- imports ---

    def import_catalog_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import catalog"), str(Path.home()), self.tr("Catalog files (*.json);;All files (*)"))
        if path:
            self.import_path(Path(path))

    def add_folder_dialog(self) -> None:
        """Opens where the last folder was added (a preference), else in the home folder."""
        last = Path(self.prefs.last_folder) if self.prefs.last_folder else None
        start = last if last is not None and last.is_dir() else (last.parent if last is not None and last.parent.is_dir() else Path.home())
        path = QFileDialog.getExistingDirectory(self, self.tr("Add folder"), str(start))
        if path:
            self.prefs.last_folder = path
            self.prefs.save("last_folder", path)
            self.import_path(Path(path))

    def _import_message(self, report: Any) -> str:
        """The status-bar line after an import: translated, with the viewer's plural forms."""
        if hasattr(report, "unchanged_files"):  # a folder
            counts = [
                (self.tr("%n recording(s) added", "", report.recordings_added), report.recordings_added),
                (self.tr("%n session(s) updated", "", report.sessions_updated), report.sessions_updated),
                (self.tr("%n file(s) skipped", "", len(report.skipped)), len(report.skipped)),
            ]
        else:
            counts = [
                (self.tr("%n session(s) added", "", report.sessions_added), report.sessions_added),
                (self.tr("%n session(s) updated", "", report.sessions_updated), report.sessions_updated),
                (self.tr("%n session(s) unchanged", "", report.sessions_unchanged), report.sessions_unchanged),
            ]
        text = ", ".join(plural_fallback(t, n) for t, n in counts)
        return self.tr("{name}: {counts}").format(name=Path(report.source).name, counts=text)

    def import_path(self, path: Path) -> None:
        """Import a catalog file or a folder off the GUI thread, with progress and cancel."""
        token = CancelToken()
        dialog = QProgressDialog(self.tr("Importing {name}…").format(name=path.name), self.tr("Cancel"), 0, 0, self)
        dialog.setLabel(plain_label(dialog, dialog.labelText()))  # the file name as typed, never markup
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(token.cancel)

        def progress(done: int, total: int, label: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(label)

        report_progress = self.runner.progress_callback(progress)
        if path.is_dir():
            if self.services.import_folder is None:
                dialog.close()
                self.report_error(self.tr("Adding folders is not available in this version."))
                return
            work = lambda: self.services.import_folder(path, progress=report_progress, cancel=token)  # noqa: E731
        else:
            work = lambda: self.services.import_file(path)  # noqa: E731

        def done(report: Any) -> None:
            dialog.close()
            text = self._import_message(report)
            warnings = getattr(report, "warnings", [])
            self.statusBar().showMessage(text, 8000)
            if hasattr(report, "unchanged_files"):  # a folder scan: always say what was added and what not
                self.folder_summary = ImportSummaryDialog(report, self)
                self.folder_summary.include_again_requested.connect(include_again)
                self.folder_summary.open()
            elif warnings:
                box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"), text, parent=self)
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.setDetailedText("\n".join(warnings))
                box.open()
            self.refresh_lists()

        def include_again(sources: list[str], folder: str) -> None:
            """Lift the exclusion of files whose session was removed, then scan their folder again."""
            from vod_app.catalog.sessions_edit import include_again as lift

            self.runner.submit(
                lift,
                on_done=lambda _n: self.import_path(Path(folder)),
                on_error=lambda exc: self.report_error(self.tr("The removed files could not be added again: {error}").format(error=exc)),
                catalog=self.services.repo.catalog,
                sources=sources,
            )

        def failed(exc: BaseException) -> None:
            dialog.close()
            detail = exc.report() if hasattr(exc, "report") else ""
            self.report_error(self.tr("Nothing was imported. {error}").format(error=exc), detail)

        self.runner.submit(work, on_done=done, on_error=failed)

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

    def show_shortcuts(self) -> None:
        rows = []
        for act in self.actions_.all():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts())
            if keys:
                rows.append(f"{act.text().replace('&', '')}: {keys}")
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "\n".join(rows))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About vod-app"), self.tr("vod-app: a video-on-demand browser for recorded dialogue sessions."))

    # --- events ---

    def eventFilter(self, obj: Any, ev: QEvent) -> bool:  # noqa: N802
        if obj is self.search_field and ev.type() == QEvent.Type.KeyPress and ev.key() == Qt.Key.Key_Down:
            self.browse.focus_list()
            return True
        if obj is self.search_field and ev.type() == QEvent.Type.KeyPress and ev.key() == Qt.Key.Key_Escape:
            self.search_field.clear()
            return True
        return super().eventFilter(obj, ev)

    def closeEvent(self, ev: QCloseEvent) -> None:  # noqa: N802
        self.player.save_position()
        self.prefs.flush()
        self.controller.stop()
        self.runner.wait(5000)
        # libvlc goes before the interpreter tears down what its callbacks reference.
        self.controller.release()
        super().closeEvent(ev)
