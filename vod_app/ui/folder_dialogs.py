"""Dialogs of Add folder: the summary after a scan, and editing a session that came from a folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ImportSummaryDialog(QDialog):
    """What a scan did: sessions added and updated, files unchanged, skipped (with why) and missing."""

    include_again_requested = Signal(list, str)  # files removed earlier, the folder to scan again

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderSummary")
        self.setWindowTitle(self.tr("Folder added"))
        self.resize(720, 420)
        self.counts = QLabel(self)
        self.counts.setObjectName("folderSummaryCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        lines = [self.tr("%n session(s) added", "", report.sessions_added)]
        for n, text in (
            (report.sessions_updated, self.tr("%n session(s) updated", "", report.sessions_updated)),
            (report.unchanged_files, self.tr("%n file(s) unchanged", "", report.unchanged_files)),
            (len(report.skipped), self.tr("%n file(s) skipped", "", len(report.skipped))),
            (len(report.missing), self.tr("%n file(s) missing (kept in the catalog)", "", len(report.missing))),
        ):
            if n:
                lines.append(text)
        self.counts.setText(self.tr("{folder}:").format(folder=report.source) + "\n" + "\n".join(lines))
        self.files = QTreeWidget(self)
        self.files.setObjectName("folderSummaryFiles")
        self.files.setAccessibleName(self.tr("Files not added"))
        self.files.setHeaderLabels([self.tr("File"), self.tr("Why")])
        self.files.setRootIsDecorated(False)
        self.files.setWordWrap(True)
        self.files.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.files.header().setStretchLastSection(True)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._paths: list[str] = []
        gone = self.tr("missing: the file is gone; kept in the catalog with its position")
        for path, reason in [*report.skipped, *((p, gone) for p in report.missing)]:
            item = QTreeWidgetItem([_relative(path, report.source), reason])
            item.setToolTip(0, path)
            item.setToolTip(1, reason)
            self._paths.append(path)
            self.files.addTopLevelItem(item)
        self.files.setColumnWidth(0, 260)
        self.files.setVisible(self.files.topLevelItemCount() > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        excluded = list(getattr(report, "excluded", []))
        self.include_again = buttons.addButton(self.tr("Add removed files again"), QDialogButtonBox.ButtonRole.ActionRole)
        self.include_again.setObjectName("includeAgain")
        self.include_again.setToolTip(self.tr("Files whose session you removed are skipped; add them back on a new scan"))
        self.include_again.setVisible(bool(excluded))
        self.include_again.clicked.connect(lambda: (self.include_again_requested.emit(excluded, report.source), self.accept()))
        lay = QVBoxLayout(self)
        lay.addWidget(self.counts)
        lay.addWidget(self.files, 1)
        lay.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        """(full path, reason) of every file listed."""
        return [(self._paths[i], self.files.topLevelItem(i).text(1)) for i in range(self.files.topLevelItemCount())]


def _relative(path: str, folder: str) -> str:
    """Paths inside the added folder are shown from it: the folder is already named above."""
    try:
        return str(Path(path).relative_to(folder))
    except ValueError:
        return path


@dataclass(frozen=True)
class SessionEditValues:
    title: str
    date: dt.date | None
    event_uid: str | None
    new_event_title: str | None  # a name typed that is not an event yet: it is created


class SessionEditDialog(QDialog):
    """Title, date and event of a folder session. A rescan keeps what is set here (docs/folders.md)."""

    def __init__(self, title: str, date: dt.date | None, event_uid: str | None, events: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionEditDialog")
        self.setWindowTitle(self.tr("Edit session"))
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setMaxLength(2000)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        # Short formats often write two-digit years ("M/d/yy"): recordings from the 1990s need four.
        self.date_edit.setDisplayFormat(fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy"))
        self.date_edit.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))
        self.date_edit.setDate(QDate(date.year, date.month, date.day) if date else QDate.currentDate())
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.event_box = QComboBox(self)
        self.event_box.setEditable(True)
        self.event_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.event_box.setAccessibleName(self.tr("Event"))
        self.event_box.lineEdit().setPlaceholderText(self.tr("No event (type a name to create one)"))
        self.event_box.addItem("", None)
        for uid, name in events:
            self.event_box.addItem(name, uid)
        self.event_box.setCurrentIndex(max(self.event_box.findData(event_uid), 0) if event_uid else 0)
        self.hint = QLabel(self.tr("Your changes are kept when the folder is scanned again."), self)
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&Event:"), self.event_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._validate)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.hint)
        lay.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self._validate()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.title_edit.text().strip()))

    def values(self) -> SessionEditValues:
        d = self.date_edit.date()
        text = " ".join(self.event_box.currentText().split())
        i = self.event_box.findText(text, Qt.MatchFlag.MatchFixedString)
        if not text:
            event_uid, new_event = None, None
        elif i > 0:
            event_uid, new_event = self.event_box.itemData(i), None
        else:
            event_uid, new_event = None, text
        return SessionEditValues(self.title_edit.text().strip(), dt.date(d.year(), d.month(), d.day()), event_uid, new_event)
