"""Qt item models over the repository: lazy (canFetchMore/fetchMore), one page per fetch."""

from __future__ import annotations

import time
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
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


#: A page read aside for longer than this is read on the GUI thread when the view asks for it.
AHEAD_WAIT_S = 1.0

PageLoader = Callable[[str | None, int], Page[RecordingSummary]]
#: Reads the page after ``cursor`` aside (on a worker) and hands it (None: failed) to the callback on the GUI thread.
ReadAhead = Callable[[str | None, int, Callable[[Page[RecordingSummary] | None], None]], None]


@dataclass
class _Slot:
    """One loaded page: the cursor that loads it again, its row count, its rows while kept."""

    cursor: str | None
    count: int
    items: list[RecordingSummary] | None


class RecordingListModel(QAbstractListModel):
    """Recordings, loaded a page at a time as the view scrolls (keyset cursor, no OFFSET).

    Windowed: only the MAX_PAGES pages used most recently keep their rows; the others keep the cursor
    that loaded them and are read again (one indexed page query, ~0.5 ms of SQL) when a row of theirs is
    shown. Scrolling through 100,000 sessions held every summary before (~65 MB).

    Read ahead: with ``read_ahead`` set, the page after the last one loaded is read on a worker
    meanwhile; the next ``fetchMore`` takes it, or, while it is still being read, inserts it when it
    arrives (a read that fails or takes over AHEAD_WAIT_S is read on the GUI thread). Read there, a
    page waited for the disk (a catalog of 3.5 GB is not all in the page cache) and for the GIL
    behind other workers: the bench's "GUI stall" while scrolling.
    """

    PAGE_SIZE = 100
    MAX_PAGES = 30

    def __init__(self, loader: PageLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._slots: list[_Slot] = []
        self._starts: list[int] = []  # first row of each slot
        self._count = 0
        self._kept: OrderedDict[int, None] = OrderedDict()  # slots holding rows, used last at the end
        self._fixed = False  # set_items: one list, never evicted
        self._cursor: str | None = None
        self._exhausted = False
        self.read_ahead: ReadAhead | None = None
        self._generation = 0  # a reset's: pages read ahead for an earlier list are dropped
        # (generation, cursor, the page once read, when asked); _wanted: fetchMore came before it
        self._ahead: tuple[int, str | None, Page[RecordingSummary] | None, float] | None = None
        self._wanted = False

    def _clear(self) -> None:
        self._slots, self._starts, self._count, self._kept = [], [], 0, OrderedDict()
        self._cursor, self._exhausted, self._fixed = None, False, False
        self._generation, self._ahead, self._wanted = self._generation + 1, None, False

    def reset_with(self, loader: PageLoader | None = None) -> None:
        self.beginResetModel()
        if loader is not None:
            self._loader = loader
        self._clear()
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def set_items(self, items: list[RecordingSummary]) -> None:
        """A fixed list (e.g. continue watching)."""
        self.beginResetModel()
        self._clear()
        self._fixed, self._exhausted = True, True
        if items:
            self._add_slot(_Slot(None, len(items), list(items)))
        self.endResetModel()

    def _add_slot(self, slot: _Slot) -> None:
        self._starts.append(self._count)
        self._slots.append(slot)
        self._count += slot.count
        self._touch(len(self._slots) - 1)

    def _touch(self, i: int) -> None:
        self._kept[i] = None
        self._kept.move_to_end(i)
        while not self._fixed and len(self._kept) > self.MAX_PAGES:
            old, _ = self._kept.popitem(last=False)
            self._slots[old].items = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted:
            return
        cursor = self._cursor
        ahead = self._ahead
        if ahead is not None and ahead[:2] == (self._generation, cursor) and ahead[2] is None \
                and time.monotonic() - ahead[3] < AHEAD_WAIT_S:
            self._wanted = True  # being read aside: inserted when it arrives (see _read_next_ahead)
            return
        page = self._take_ahead(cursor)
        if page is None:
            page = self._loader(cursor, self.PAGE_SIZE)
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        if page.items:
            first = self._count
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self._add_slot(_Slot(cursor, len(page.items), list(page.items)))
            self.endInsertRows()
        self._read_next_ahead()

    def _take_ahead(self, cursor: str | None) -> Page[RecordingSummary] | None:
        ahead, self._ahead, self._wanted = self._ahead, None, False
        if ahead is not None and ahead[0] == self._generation and ahead[1] == cursor:
            return ahead[2]  # None when its read failed or is late: read here
        return None

    def _read_next_ahead(self) -> None:
        if self.read_ahead is None or self._exhausted or self._fixed:
            return
        key = (self._generation, self._cursor)
        self._ahead = (*key, None, time.monotonic())

        def read(page: Page[RecordingSummary] | None) -> None:  # None: the read failed
            if self._ahead is None or self._ahead[:2] != key:
                return
            self._ahead = (*key, page, self._ahead[3]) if page is not None else None
            if self._wanted:
                self.fetchMore()  # the view asked meanwhile (a failed read is read here: it says why)

        self.read_ahead(self._cursor, self.PAGE_SIZE, read)

    def record(self, row: int) -> RecordingSummary | None:
        if not 0 <= row < self._count:
            return None
        i = bisect_right(self._starts, row) - 1
        slot = self._slots[i]
        if slot.items is None:
            # Evicted: read the page again from its cursor. Should the catalog have changed meanwhile,
            # rows past what the page now holds show empty until the list is reloaded.
            slot.items = list(self._loader(slot.cursor, slot.count).items)
        self._touch(i)
        offset = row - self._starts[i]
        return slot.items[offset] if offset < len(slot.items) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.record(index.row()) if index.isValid() else None
        if r is None:
            return None
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


SnippetMaker = Callable[[list[SearchHit]], list[SearchHit]]  # the hits with their snippets made (worker thread)
# Runs the work off the GUI thread and calls back on it, unless a newer query started meanwhile (SearchBox.run_aside).
Run = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class SearchResultsModel(QAbstractListModel):
    """Search hits. The search makes the snippets of the first screen's hits only; the others are
    asked for when their row is painted (:meth:`want_snippet`, called by the delegate), in one batch
    per paint with a few rows ahead, off the GUI thread through ``run``."""

    AHEAD = 10  # rows past the last one painted, asked in the same batch (scrolling on)

    def __init__(self, parent: Any = None, run: Run | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self.run = run
        self._maker: SnippetMaker | None = None
        self._generation = 0  # set_hits: snippets made for the hits before arrive too late
        self._asked: set[int] = set()
        self._painted: set[int] = set()
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(0)  # after the paint event: every row it painted in one request
        self._batch.timeout.connect(self._ask)

    def set_hits(self, hits: list[SearchHit], snippets: SnippetMaker | None = None) -> None:
        """``snippets``: makes the snippets still to be made (``SearchHit.snippet_of``) of the hits given."""
        self.beginResetModel()
        self._hits = list(hits)
        self._maker, self._generation = snippets, self._generation + 1
        self._asked, self._painted = set(), set()
        self.endResetModel()

    def want_snippet(self, row: int) -> None:
        """Row ``row`` is painted: its snippet, if still to be made, is asked for after this paint."""
        h = self.hit(row)
        if h is not None and h.snippet_of is not None and row not in self._asked and self._maker is not None:
            self._painted.add(row)
            self._batch.start()

    def _ask(self) -> None:
        last = min(len(self._hits), max(self._painted, default=-1) + 1 + self.AHEAD)
        rows = [r for r in sorted(self._painted | set(range(min(self._painted, default=last), last)))
                if r < len(self._hits) and r not in self._asked and self._hits[r].snippet_of is not None]
        self._painted.clear()
        if not rows or self._maker is None:
            return
        self._asked.update(rows)
        generation, maker, pending = self._generation, self._maker, [self._hits[r] for r in rows]

        def made(hits: list[SearchHit]) -> None:
            if generation == self._generation:
                for r, h in zip(rows, hits, strict=True):
                    self._hits[r] = h
                # One signal; QListView lays the rows out again (a snippet may take another line: tested).
                self.dataChanged.emit(self.index(rows[0]), self.index(rows[-1]))

        if self.run is None:
            made(maker(pending))
        else:
            self.run(lambda: maker(pending), made)

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
            return h.snippet if h.snippet_of is None else "…"  # one line kept for it until it is made
        if role == Roles.Subtitle:
            kind = {"session": self.tr("Session"), "panel": self.tr("Panel"), "cue": self.tr("Caption"), "note": self.tr("My note"),
                    "speaker": self.tr("Speaker")}.get(h.kind, h.kind)
            parts = [kind, format_date(h.date)]
            if h.kind in ("cue", "note", "speaker") and h.start_ms is not None:
                parts.append(self.tr("at {time}").format(time=format_duration(h.start_ms)))
            if h.lang:
                parts.append(language_name(h.lang))  # named like every other list
            return " · ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            plain = h.snippet.replace("<b>", "").replace("</b>", "")
            return f"{h.title}. {plain}"
        return None
