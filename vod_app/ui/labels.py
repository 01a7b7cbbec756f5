"""Headings: bold, larger, plain text (catalog text is never read as markup), wrapped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


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
