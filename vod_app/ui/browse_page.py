"""Start page: "Continue watching", "Recent videos" with filters, and search results."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vod_app.ui.delegates import RecordingDelegate, SearchHitDelegate
from vod_app.ui.formatting import language_name, plural_fallback, sorted_languages
from vod_app.ui.labels import fit_to_rows, heading, plain_label
from vod_app.ui.models import RecordingListModel, SearchResultsModel
from vod_app.ui.thumbnails import ThumbnailCache


class BrowsePage(QWidget):
    session_requested = Signal(int)  # session id
    play_requested = Signal(int, object)  # recording id, start ms or None (resume offer)
    hit_activated = Signal(object)  # SearchHit
    filters_changed = Signal()
    search_everything_requested = Signal()  # drop the filters, keep the query

    MAX_CONTINUE_ROWS = 3

    def __init__(self, recent: RecordingListModel, continuing: RecordingListModel, results: SearchResultsModel,
                 thumbnails: ThumbnailCache | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recent_model, self.continue_model, self.results_model = recent, continuing, results

        self.event_filter = QComboBox(self)
        self.event_filter.setAccessibleName(self.tr("Event filter"))
        self.year_filter = QComboBox(self)
        self.year_filter.setAccessibleName(self.tr("Year filter"))
        self.language_filter = QComboBox(self)
        self.language_filter.setAccessibleName(self.tr("Language filter"))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Event:"), self))
        filters.addWidget(self.event_filter, 2)
        filters.addWidget(QLabel(self.tr("Year:"), self))
        filters.addWidget(self.year_filter)
        filters.addWidget(QLabel(self.tr("Language:"), self))
        filters.addWidget(self.language_filter)
        for combo in (self.event_filter, self.year_filter, self.language_filter):
            combo.activated.connect(lambda _i: self.filters_changed.emit())

        self.continue_heading = heading(self, 1.3, text=self.tr("Continue watching"))
        self.continue_view = self._list(continuing, RecordingDelegate(thumbnails, self))
        self.continue_view.setAccessibleName(self.tr("Continue watching"))
        self.recent_heading = heading(self, 1.3, text=self.tr("Recent videos"))
        self.recent_view = self._list(recent, RecordingDelegate(thumbnails, self))
        self.recent_view.setAccessibleName(self.tr("Recent videos"))
        self.empty_label = plain_label(self)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_filters_button.setObjectName("clearFilters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.empty_label, 1)
        empty_row.addWidget(self.clear_filters_button)
        self.empty_label.hide()
        self.clear_filters_button.hide()

        home = QWidget(self)
        hv = QVBoxLayout(home)
        hv.setContentsMargins(0, 0, 0, 0)
        hv.addWidget(self.continue_heading)
        hv.addWidget(self.continue_view)
        hv.addWidget(self.recent_heading)
        hv.addLayout(empty_row)
        hv.addWidget(self.recent_view, 1)

        self.results_heading = heading(self, 1.3, text=self.tr("Search results"))
        self.results_view = self._list(results, SearchHitDelegate(self), uniform=False)
        self.results_view.setAccessibleName(self.tr("Search results"))
        self.no_results = plain_label(self)  # shows the query as typed: never markup
        self.search_everything_button = QPushButton(self.tr("Search everything"), self)
        self.search_everything_button.setObjectName("searchEverything")
        self.search_everything_button.clicked.connect(self.search_everything_requested)
        no_results_row = QHBoxLayout()
        no_results_row.addWidget(self.no_results, 1)
        no_results_row.addWidget(self.search_everything_button)
        self.no_results.hide()
        self.search_everything_button.hide()
        search = QWidget(self)
        sv = QVBoxLayout(search)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.results_heading)
        sv.addLayout(no_results_row)
        sv.addWidget(self.results_view, 1)
        sv.addStretch(0)  # takes the room when there is no list to show

        self.stack = QStackedWidget(self)
        self.stack.addWidget(home)
        self.stack.addWidget(search)
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(self.stack, 1)

        self.recent_view.activated.connect(lambda ix: self._open_recording(self.recent_model, ix))
        self.continue_view.activated.connect(self._continue_recording)
        self.results_view.activated.connect(self._open_hit)
        thumbs_ready = thumbnails.ready if thumbnails is not None else None
        if thumbs_ready is not None:
            thumbs_ready.connect(lambda _s: (self.recent_view.viewport().update(), self.continue_view.viewport().update()))

    def _list(self, model, delegate, uniform: bool = True) -> QAbstractItemView:  # noqa: ANN001
        if uniform:
            # Rows of one height, possibly 100,000 of them: a one-column table. QListView lays out
            # every row again on each fetchMore (two model calls per row, into Python): O(N) per
            # page on the GUI thread. A table's rows are fixed-size header sections: no per-row calls.
            view: QAbstractItemView = QTableView(self)
            view.setShowGrid(False)
            view.setCornerButtonEnabled(False)
            view.setTabKeyNavigation(False)  # Tab leaves the list, as in a list view
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.horizontalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            rows = view.verticalHeader()
            rows.hide()
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(delegate.sizeHint(QStyleOptionViewItem(), QModelIndex()).height())
        else:
            view = QListView(self)
        view.setModel(model)
        view.setItemDelegate(delegate)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        return view

    # --- filters ---

    def set_filter_options(self, events: list[tuple[str, str]], years: list[int], languages: list[str]) -> None:
        def fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)
            i = combo.findData(current)
            combo.setCurrentIndex(max(i, 0))

        fill(self.event_filter, [(self.tr("All events"), None), *((title, uid) for uid, title in events)])
        fill(self.year_filter, [(self.tr("All years"), None), *((str(y), y) for y in years)])
        fill(self.language_filter, [(self.tr("All languages"), None), *((language_name(lang), lang) for lang in sorted_languages(languages))])

    def filters(self) -> tuple[str | None, int | None, str | None]:
        return self.event_filter.currentData(), self.year_filter.currentData(), self.language_filter.currentData()

    def active_filters_text(self) -> str:
        """"Event: X, Year: 2016": the filters that are set, for messages about an empty list."""
        parts = []
        for name, combo in ((self.tr("Event"), self.event_filter), (self.tr("Year"), self.year_filter),
                            (self.tr("Language"), self.language_filter)):
            if combo.currentData() is not None:
                parts.append(self.tr("{filter}: {value}").format(filter=name, value=combo.currentText()))
        return ", ".join(parts)

    def clear_filters(self) -> None:
        for combo in (self.event_filter, self.year_filter, self.language_filter):
            combo.setCurrentIndex(0)
        self.filters_changed.emit()

    # --- content ---

    def show_home(self) -> None:
        self.stack.setCurrentIndex(0)
        has_continue = self.continue_model.rowCount() > 0
        self.continue_heading.setVisible(has_continue)
        self.continue_view.setVisible(has_continue)
        if has_continue:
            fit_to_rows(self.continue_view, self.MAX_CONTINUE_ROWS)
        empty = self.recent_model.rowCount() == 0
        active = self.active_filters_text()
        if active:
            self.empty_label.setText(self.tr("No videos with {filters}.").format(filters=active))
        else:
            self.empty_label.setText(self.tr("The catalog has no videos yet: File ▸ Import catalog or Add folder."))
        self.empty_label.setVisible(empty)
        self.clear_filters_button.setVisible(empty and bool(active))

    def show_results(self, query: str) -> None:
        self.stack.setCurrentIndex(1)
        n = self.results_model.rowCount()
        shown = query.strip()[:200]
        active = self.active_filters_text()
        if n:
            self.results_heading.setText(plural_fallback(self.tr("Search results: %n result(s)", "", n), n))
        else:
            self.results_heading.setText(self.tr("Search results"))
        if active:
            self.no_results.setText(self.tr("No results for “{query}” with {filters}.").format(query=shown, filters=active))
        else:
            self.no_results.setText(self.tr("Nothing found for “{query}”.").format(query=shown))
        self.no_results.setVisible(n == 0)
        self.results_view.setVisible(n > 0)
        self.search_everything_button.setVisible(n == 0 and bool(active))
        if n and not self.results_view.currentIndex().isValid():
            self.results_view.setCurrentIndex(self.results_model.index(0))

    def showing_results(self) -> bool:
        return self.stack.currentIndex() == 1

    def focus_list(self) -> None:
        view = self.results_view if self.showing_results() else self.recent_view
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not view.currentIndex().isValid() and view.model().rowCount() > 0:
            view.setCurrentIndex(view.model().index(0, 0))

    def _open_recording(self, model: RecordingListModel, index: QModelIndex) -> None:
        rec = model.record(index.row())
        if rec is not None:
            self.session_requested.emit(rec.session_id)

    def _continue_recording(self, index: QModelIndex) -> None:
        """Continue watching continues: at the saved position, without the resume offer."""
        rec = self.continue_model.record(index.row())
        if rec is not None:
            self.play_requested.emit(rec.recording_id, rec.position_ms)

    def _open_hit(self, index: QModelIndex) -> None:
        hit = self.results_model.hit(index.row())
        if hit is not None:
            self.hit_activated.emit(hit)

    def current_recording(self):  # noqa: ANN201 - RecordingSummary | None
        for view, model in ((self.recent_view, self.recent_model), (self.continue_view, self.continue_model)):
            if view.hasFocus() and view.currentIndex().isValid():
                return model.record(view.currentIndex().row())
        return None

