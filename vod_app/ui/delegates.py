"""Painting list rows: recordings with thumbnails, search hits with highlighted snippets."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPixmap,
    QPixmapCache,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from vod_app.ui.models import Roles
from vod_app.ui.thumbnails import ThumbnailCache

Index = QModelIndex | QPersistentModelIndex
THUMB_W, THUMB_H = 128, 72


def sample_card(title: str, key: str, font: QFont) -> QPixmap:
    """A generated thumbnail for sample content: its title on a colour of its own.

    The sample sessions all replay the one sample recording, so frames from it would show the same
    picture (the real session's panel slide) under every sample's title.
    """
    pm = QPixmap(THUMB_W, THUMB_H)
    pm.fill(QColor.fromHsv(zlib.crc32(key.encode()) % 360, 120, 125))
    p = QPainter(pm)
    f = QFont(font)
    f.setPointSizeF(max(6.5, f.pointSizeF() * 0.8))
    f.setBold(True)
    p.setFont(f)
    p.setPen(QColor(255, 255, 255))
    p.drawText(QRect(6, 4, THUMB_W - 12, THUMB_H - 8), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, title)
    p.end()
    return pm


class RecordingDelegate(QStyledItemDelegate):
    def __init__(self, thumbnails: ThumbnailCache | None, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.thumbnails = thumbnails
        self._cards: dict[tuple[str, str], QPixmap] = {}

    def thumbnail(self, rec, font: QFont) -> QPixmap | None:  # noqa: ANN001 - RecordingSummary | None
        """A frame of the recording; for sample content a card of its own (see ``sample_card``)."""
        if rec is None:
            return None
        if rec.is_sample:
            key = (rec.recording_uid, rec.title)
            if key not in self._cards:
                self._cards[key] = sample_card(rec.title, rec.recording_uid, font)
            return self._cards[key]
        if getattr(rec, "thumbnail", None):
            # A picture that came with the recording (yt-dlp's NAME.webp): no snapshot needed.
            pm = QPixmap()
            if QPixmapCache.find(rec.thumbnail, pm) or (pm.load(rec.thumbnail) and QPixmapCache.insert(rec.thumbnail, pm)):
                return pm
        return self.thumbnails.pixmap(rec.source, rec.duration_ms, rec.recording_id) if self.thumbnails else None

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(option.rect.width() or 600, THUMB_H + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(fg)
        dim.setAlpha(170)
        r = option.rect.adjusted(6, 6, -6, -6)
        thumb = QRect(r.left(), r.top(), THUMB_W, THUMB_H)
        rec = index.data(Roles.Record)
        pm = self.thumbnail(rec, option.font)
        if pm is not None and not pm.isNull():
            painter.drawPixmap(thumb, pm.scaled(thumb.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation), QRect(0, 0, THUMB_W, THUMB_H))
        else:
            painter.fillRect(thumb, QColor(40, 48, 64))
            painter.setPen(QColor(200, 205, 215))
            painter.drawText(thumb, Qt.AlignmentFlag.AlignCenter, "▶")
        if rec is not None and getattr(rec, "is_new", False):
            self._new_badge(painter, thumb, option.font)
        progress = index.data(Roles.Progress) or 0.0
        if progress > 0:
            painter.fillRect(QRect(thumb.left(), thumb.bottom() - 3, int(THUMB_W * min(progress, 1.0)), 4), QColor(220, 60, 50))
        duration = index.data(Roles.Duration) or ""
        if duration:
            f = QFont(option.font)
            f.setPointSizeF(max(7.0, f.pointSizeF() * 0.85))
            painter.setFont(f)
            br = painter.fontMetrics().boundingRect(duration).adjusted(-4, -1, 4, 1)
            br.moveBottomRight(thumb.bottomRight() - QRect(0, 0, 4, 6).bottomRight())
            painter.fillRect(br, QColor(0, 0, 0, 190))
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(br, Qt.AlignmentFlag.AlignCenter, duration)

        text_left = thumb.right() + 12
        text_rect = QRect(text_left, r.top(), r.right() - text_left, r.height())
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(fg)
        fm = painter.fontMetrics()
        title = fm.elidedText(index.data(Roles.Title) or "", Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(), fm.height()), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(option.font)
        painter.setPen(dim)
        fm = painter.fontMetrics()
        y = text_rect.top() + fm.height() + 6
        for line in (index.data(Roles.Subtitle) or "", index.data(Roles.Languages) or ""):
            if line:
                painter.drawText(QRect(text_rect.left(), y, text_rect.width(), fm.height()), Qt.AlignmentFlag.AlignLeft, fm.elidedText(line, Qt.TextElideMode.ElideRight, text_rect.width()))
                y += fm.height() + 2
        painter.restore()


    def _new_badge(self, painter: QPainter, thumb: QRect, font: QFont) -> None:
        """A feed item not opened yet (docs/sources.md): "New" on the thumbnail's top-left corner."""
        f = QFont(font)
        f.setBold(True)
        f.setPointSizeF(max(7.0, f.pointSizeF() * 0.8))
        painter.setFont(f)
        label = self.tr("New")
        br = painter.fontMetrics().boundingRect(label).adjusted(-5, -2, 5, 2)
        br.moveTopLeft(thumb.topLeft() + QRect(0, 0, 4, 4).bottomRight())
        painter.fillRect(br, QColor(30, 110, 200))
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(br, Qt.AlignmentFlag.AlignCenter, label)


class SearchHitDelegate(QStyledItemDelegate):
    """Title plus a snippet whose matches are bold (the snippet is escaped HTML with <b> only)."""

    def _doc(self, option: QStyleOptionViewItem, index: Index, width: int, selected: bool = False) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setTextWidth(width)
        title = (index.data(Roles.Title) or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        sub = (index.data(Roles.Subtitle) or "").replace("&", "&amp;").replace("<", "&lt;")
        sub_style = "" if selected else " style='color:gray'"
        doc.setHtml(f"<div><b>{title}</b></div><div{sub_style}>{sub}</div><div>{index.data(Roles.Snippet) or ''}</div>")
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        width = (option.rect.width() or 600) - 16
        return QSize(width, int(self._doc(option, index, width).size().height()) + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        want = getattr(index.model(), "want_snippet", None)  # SearchResultsModel: snippets of rows shown only
        if want is not None:
            want(index.row())
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc = self._doc(option, index, option.rect.width() - 16, selected)
        painter.translate(option.rect.left() + 8, option.rect.top() + 6)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if option.state & QStyle.StateFlag.State_Selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
