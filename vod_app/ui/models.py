"""Qt item models over the repository: lazy (canFetchMore/fetchMore), one page per fetch."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import Qt as QtGui  # convertFromPlainText lives in QtGui's Qt namespace

from vod_app.domain.records import Page, RecordingSummary, SearchHit
from vod_app.ui.formatting import format_date, format_duration, language_name, sorted_languages

Index = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    Record = Qt.ItemDataRole.UserRole + 1
    Title = Qt.ItemDataRole.UserRole + 2
    Subtitle = Qt.ItemDataRole.UserRole + 3
    Duration = Qt.ItemDataRole.UserRole + 4
    Languages = Qt.ItemDataRole.UserRole + 5
    Snippet = Qt.ItemDataRole.UserRole + 6
    Progress = Qt.ItemDataRole.UserRole + 7
    ThumbnailKey = Qt.ItemDataRole.UserRole + 8


PageLoader = Callable[[str | None, int], Page[RecordingSummary]]


class RecordingListModel(QAbstractListModel):
    """Recordings, loaded a page at a time as the view scrolls (keyset cursor, no OFFSET)."""

    PAGE_SIZE = 100

    def __init__(self, loader: PageLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._items: list[RecordingSummary] = []
        self._cursor: str | None = None
        self._exhausted = False

    def reset_with(self, loader: PageLoader | None = None) -> None:
        self.beginResetModel()
        if loader is not None:
            self._loader = loader
        self._items, self._cursor, self._exhausted = [], None, False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def set_items(self, items: list[RecordingSummary]) -> None:
        """A fixed list (e.g. continue watching)."""
        self.beginResetModel()
        self._items, self._cursor, self._exhausted = list(items), None, True
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted:
            return
        page = self._loader(self._cursor, self.PAGE_SIZE)
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        if page.items:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self._items.extend(page.items)
            self.endInsertRows()

    def record(self, row: int) -> RecordingSummary | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        r = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Roles.Title):
            return r.title
        if role == Roles.Record:
            return r
        if role == Roles.Subtitle:
            parts = [format_date(r.date), r.event_title]
            if r.is_sample:
                parts.append(self.tr("Sample content"))
            if r.is_new:
                parts.append(self.tr("New"))  # a feed item not opened yet (also a badge on the thumbnail)
            return " · ".join(p for p in parts if p)
        if role == Roles.Duration:
            return format_duration(r.duration_ms)
        if role == Roles.Languages:
            return " · ".join(language_name(lang) for lang in sorted_languages(r.languages))  # one way everywhere
        if role == Roles.Progress:
            return (r.position_ms / r.duration_ms) if r.duration_ms and r.position_ms else 0.0
        if role == Roles.ThumbnailKey:
            return r.recording_uid
        if role == Qt.ItemDataRole.ToolTipRole:
            # A tooltip is rich text when it looks like markup: a title is shown as typed, never read.
            return QtGui.convertFromPlainText(r.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{title}, {date}, {duration}").format(
                title=r.title, date=format_date(r.date), duration=format_duration(r.duration_ms)
            )
        return None


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        h = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Roles.Title):
            return h.title
        if role == Roles.Record:
            return h
        if role == Roles.Snippet:
            return h.snippet
        if role == Roles.Subtitle:
            kind = {"session": self.tr("Session"), "panel": self.tr("Panel"), "cue": self.tr("Caption"), "note": self.tr("My note")}.get(h.kind, h.kind)
            parts = [kind, format_date(h.date)]
            if h.kind in ("cue", "note") and h.start_ms is not None:
                parts.append(self.tr("at {time}").format(time=format_duration(h.start_ms)))
            if h.lang:
                parts.append(language_name(h.lang))  # named like every other list
            return " · ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            plain = h.snippet.replace("<b>", "").replace("</b>", "")
            return f"{h.title}. {plain}"
        return None
