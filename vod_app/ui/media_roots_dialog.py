"""File → Media folders on this computer…: this machine's media roots, edited in the window.

A catalog names its recordings where they live for the team (``/srv/archive/…`` or
``https://media.example.org/…``); on this computer they may sit elsewhere (a mounted share, a
copy). Each row says "what the catalog names" → "where it is here", the same rule as
``VOD_APP_MEDIA_ROOTS`` and ``--media-root`` (docs/deployment.md), kept in the config folder's
``media-roots.txt`` (one ``FROM=TO`` a line, editable by hand or deployed by an administrator).
The variable and the flag still apply over the file. Saved rows apply at the next play and to the
start page's thumbnails; nothing is written until every row is valid.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vod_app.domain.media_locations import make_root

HEADER = "# vod-app: this computer's media roots, one FROM=TO a line (File → Media folders on this computer…)\n"


def read_rows(path: Path) -> list[tuple[str, str]]:
    """The (catalog's prefix, this computer's) pairs of ``path``; comments and blank lines left out.
    Raises OSError or UnicodeDecodeError when the file is there but cannot be read."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return []
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            prefix, _sep, target = line.partition("=")
            rows.append((prefix.strip(), target.strip()))
    return rows


def write_rows(path: Path, rows: list[tuple[str, str]], keep_old: bool = False) -> None:
    """Replace ``path`` with ``rows`` (written aside, then renamed: never half a file); ``keep_old``:
    the file there (unreadable) is kept as ``<name>.bak`` first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if keep_old and path.exists():
        path.replace(path.with_name(path.name + ".bak"))
    part = path.with_name(path.name + ".part")
    part.write_text(HEADER + "".join(f"{a}={b}\n" for a, b in rows), "utf-8")
    part.replace(path)


class MediaRootsDialog(QDialog):
    """The rows of ``media-roots.txt``; Save checks every row and names the ones that are wrong."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Media folders on this computer"))
        intro = QLabel(self.tr(
            "When a catalog names folders or a media server that are somewhere else on this computer, "
            "say where they are here. Each row replaces the start of a recording's location. "
            "These rows apply to this computer only."
        ))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("In the catalog"), self.tr("On this computer")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.table.setAccessibleName(self.tr("Media folders on this computer"))
        add = QPushButton(self.tr("&Add"), self)
        add.clicked.connect(lambda: self.add_row())
        self.remove = QPushButton(self.tr("&Remove"), self)
        self.remove.clicked.connect(self.remove_rows)
        self.table.installEventFilter(self)  # Delete removes the selected rows (not while a cell is edited)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setObjectName("problems")
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.unreadable = False
        try:
            for prefix, target in read_rows(path):
                self.add_row(prefix, target)
        except (OSError, UnicodeDecodeError) as exc:
            self.unreadable = True  # nothing of it is lost: Save keeps it as .bak
            self.problems.setText(self.tr("{file} could not be read ({error}); Save keeps it as {backup}.").format(
                file=str(path), error=getattr(exc, "strerror", None) or exc, backup=path.name + ".bak"))
            self.problems.show()
        self.resize(640, 360)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Delete):
            self.remove_rows()
            return True
        return super().eventFilter(obj, event)

    def add_row(self, prefix: str = "", target: str = "") -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        self.table.setItem(n, 0, QTableWidgetItem(prefix))
        self.table.setItem(n, 1, QTableWidgetItem(target))
        if not prefix:
            self.table.setCurrentCell(n, 0)
            self.table.editItem(self.table.item(n, 0))

    def remove_rows(self) -> None:
        for n in sorted({i.row() for i in self.table.selectedIndexes()} or {self.table.currentRow()}, reverse=True):
            if n >= 0:
                self.table.removeRow(n)

    def rows(self) -> list[tuple[str, str]]:
        """The table's rows (a row left empty is left out)."""
        out = []
        for n in range(self.table.rowCount()):
            cells = [(self.table.item(n, c).text() if self.table.item(n, c) else "").strip() for c in (0, 1)]
            if any(cells):
                out.append((cells[0], cells[1]))
        return out

    def _reason(self, exc: ValueError) -> str:
        """The check's reason in the viewer's language (domain/media_locations.RootProblem)."""
        reasons = {
            "unusable": self.tr("empty, too long or with control characters"),
            "not-absolute": self.tr("neither an absolute path nor an http(s) address"),
            "refused-url": self.tr("only http and https addresses with a host name, without a user name or password"),
            "query": self.tr("an address with a query (“?…”) is not a folder"),
            "dots": self.tr("“.” or “..” in the path"),
            "whole-file-system": self.tr("a whole file system: name a folder"),
        }
        return reasons.get(getattr(exc, "reason", ""), str(exc))

    def save(self) -> None:
        problems = []
        columns = (self.tr("In the catalog"), self.tr("On this computer"))
        for n, (prefix, target) in enumerate(self.rows(), 1):
            try:
                make_root(prefix, target)
            except ValueError as exc:
                try:  # which column: the catalog's side checked alone, with a valid replacement
                    make_root(prefix, "/x")
                    column, value = columns[1], target
                except ValueError:
                    column, value = columns[0], prefix
                problems.append(self.tr(
                    "Row {row}, {column}: “{value}” is not an absolute folder or an http(s) address that can be used ({detail})"
                ).format(row=n, column=column, value=value, detail=self._reason(exc)))
        if not problems:
            try:
                write_rows(self.path, self.rows(), keep_old=self.unreadable)
            except OSError as exc:
                problems.append(self.tr("{file} could not be written: {error}").format(file=str(self.path), error=exc.strerror or exc))
        if problems:
            self.problems.setText("\n".join(problems))
            self.problems.show()
            return
        self.accept()


def open_media_roots(window: Any) -> MediaRootsDialog:
    """Open the dialog for ``window``; after Save, thumbnails that failed are tried again."""
    from vod_app.paths import app_paths

    dialog = MediaRootsDialog(app_paths().media_roots_file, window)
    thumbnails = getattr(window, "thumbnails", None)
    if thumbnails is not None:
        dialog.accepted.connect(thumbnails.retry_failed)
    saved = QCoreApplication.translate("MediaRootsDialog", "Media folders saved")
    dialog.accepted.connect(lambda: window.statusBar().showMessage(saved, 5000))
    with contextlib.suppress(AttributeError):
        window.media_roots_dialog = dialog  # tests find it
    dialog.open()
    return dialog
