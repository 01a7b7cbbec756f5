"""Headings: bold, larger, plain text (catalog text is never read as markup), wrapped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget


def plain_label(parent: QWidget, text: str = "") -> QLabel:
    """A wrapped label that shows text as typed: a query, a file or catalog name is never markup."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def heading(parent: QWidget, scale: float, name: str = "", text: str = "") -> QLabel:
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * scale)
    f.setBold(True)
    label.setFont(f)
    return label


def fit_to_rows(view: QAbstractItemView, max_rows: int) -> None:
    """Make a short list as tall as its rows (up to ``max_rows``, then it scrolls).

    A fixed maximum height left one recording alone in a box made for five.
    """
    model = view.model()
    rows = model.rowCount() if model is not None else 0
    shown = max(1, min(rows, max_rows))
    row_h = view.sizeHintForRow(0) if rows else view.fontMetrics().height() + 8
    if row_h <= 0:
        row_h = view.fontMetrics().height() + 8
    height = shown * row_h + 2 * view.frameWidth()
    if rows > max_rows:
        height += view.horizontalScrollBar().sizeHint().height() // 4  # a hint that it scrolls
    view.setFixedHeight(height)
