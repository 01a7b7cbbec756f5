"""A seek bar with chapter ticks: hover shows the chapter and time, a click seeks there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QToolTip, QWidget

from vod_app.domain.records import ChapterRecord
from vod_app.ui.formatting import format_duration

BOOKMARK_COLOUR = QColor(150, 50, 200)


class SeekBar(QSlider):
    seek_requested = Signal(int)  # ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(0, 0)
        self.setMouseTracking(True)
        self.setSingleStep(5_000)
        self.setPageStep(60_000)
        self.setMinimumHeight(26)
        self._chapters: tuple[ChapterRecord, ...] = ()
        self._titles: dict[ChapterRecord, str] = {}
        self._dragging = False
        self._bookmarks: tuple[int, ...] = ()
        self._shaded: tuple[tuple[int, int], ...] = ()  # one speaker's interventions (start, end ms)
        self.sliderPressed.connect(self._on_pressed)
        self.sliderReleased.connect(self._on_released)
        self.actionTriggered.connect(self._on_action)
        self.setAccessibleName(self.tr("Seek bar"))

    # --- chapters ---

    def set_chapters(self, chapters: Sequence[ChapterRecord], titles: Sequence[str] = ()) -> None:
        """Chapter ticks; titles: what to call each one (the viewer's language), else its title."""
        self._chapters = tuple(chapters)
        self._titles = dict(zip(self._chapters, titles, strict=False)) if titles else {}
        self.update()

    def set_bookmarks(self, times_ms: Sequence[int]) -> None:
        """The viewer's bookmarks: blue marks across the groove's middle, apart from the chapter ticks."""
        self._bookmarks = tuple(sorted(times_ms))
        self.update()

    def bookmarks(self) -> tuple[int, ...]:
        return self._bookmarks

    def chapter_title(self, chapter: ChapterRecord) -> str:
        return self._titles.get(chapter) or chapter.title

    def chapters(self) -> tuple[ChapterRecord, ...]:
        return self._chapters

    def tick_x(self, ms: int) -> int:
        """Pixel x of a time on the groove (also used by tests to click a marker)."""
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        offset = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), ms, span) if self.maximum() > 0 else 0
        return groove.left() + handle.width() // 2 + offset

    def value_at_x(self, x: int) -> int:
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), x - groove.left() - handle.width() // 2, span)

    def chapter_at_x(self, x: int, tolerance: int = 4) -> ChapterRecord | None:
        for c in self._chapters:
            if abs(self.tick_x(c.start_ms) - x) <= tolerance:
                return c
        return None

    # --- position ---

    def set_position(self, ms: int) -> None:
        if not self._dragging:
            self.blockSignals(True)
            self.setValue(ms)
            self.blockSignals(False)

    def set_length(self, ms: int) -> None:
        self.setRange(0, max(0, ms))
        self.update()

    def _on_pressed(self) -> None:
        self._dragging = True

    def _on_released(self) -> None:
        self._dragging = False
        self.seek_requested.emit(self.value())

    def _on_action(self, action: int) -> None:
        if action in (QSlider.SliderAction.SliderSingleStepAdd, QSlider.SliderAction.SliderSingleStepSub,
                      QSlider.SliderAction.SliderPageStepAdd, QSlider.SliderAction.SliderPageStepSub,
                      QSlider.SliderAction.SliderToMinimum, QSlider.SliderAction.SliderToMaximum):
            self.seek_requested.emit(self.sliderPosition())

    # --- mouse ---

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton and self.maximum() > 0:
            x = int(ev.position().x())
            chapter = self.chapter_at_x(x)
            target = chapter.start_ms if chapter is not None else self.value_at_x(x)
            self.setValue(target)  # jump where clicked (not a page step), then allow dragging
            self.seek_requested.emit(target)
        super().mousePressEvent(ev)

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(ev)
        if self.maximum() <= 0:
            return
        x = int(ev.position().x())
        ms = self.value_at_x(x)
        chapter = self.chapter_at_x(x) or self._chapter_containing(ms)
        tip = format_duration(ms)
        if chapter is not None:
            tip = self.tr("{title} — {time}").format(title=self.chapter_title(chapter), time=format_duration(ms))
            if self.chapter_at_x(x) is not None:
                tip = self.tr("{title} — starts at {time}").format(title=self.chapter_title(chapter), time=format_duration(chapter.start_ms))
                tip += "\n" + self.tr("Source: {source}").format(source=chapter.source)
        QToolTip.showText(self.mapToGlobal(QPoint(x, 0)), tip, self)

    def _chapter_containing(self, ms: int) -> ChapterRecord | None:
        current = None
        for c in self._chapters:
            if c.start_ms <= ms:
                current = c
        return current

    def set_shaded(self, ranges: Sequence[tuple[int, int]]) -> None:
        """Shade these time ranges (one speaker's interventions); () clears."""
        self._shaded = tuple(ranges)
        self.update()

    def shaded(self) -> tuple[tuple[int, int], ...]:
        return self._shaded

    # --- painting ---

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(ev)
        if self.maximum() > 0 and self._shaded:
            p = QPainter(self)
            h = self.height()
            for start, end in self._shaded:
                x0, x1 = self.tick_x(min(start, self.maximum())), self.tick_x(min(end, self.maximum()))
                p.fillRect(x0, h // 2 - 5, max(2, x1 - x0), 10, QColor(90, 170, 255, 110))
            p.end()
        if self.maximum() <= 0 or not (self._chapters or self._bookmarks):
            return
        p = QPainter(self)
        self._paint_bookmarks(p)
        pen = QPen(QColor(230, 160, 30))
        pen.setWidth(3)
        p.setPen(pen)
        h = self.height()
        for c in self._chapters:
            if 0 < c.start_ms <= self.maximum():
                x = self.tick_x(c.start_ms)
                p.drawLine(x, 1, x, 6)
                p.drawLine(x, h - 6, x, h - 1)
        p.end()

    def _paint_bookmarks(self, p: QPainter) -> None:
        """A purple diamond, white-edged, per bookmark on the groove's middle line (chapter ticks
        mark its edges; the white edge keeps it visible over the played part)."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(255, 255, 255), 1))
        p.setBrush(BOOKMARK_COLOUR)
        mid = self.height() // 2
        for ms in self._bookmarks:
            if 0 <= ms <= self.maximum():
                x = self.tick_x(ms)
                p.drawPolygon([QPoint(x, mid - 6), QPoint(x + 5, mid), QPoint(x, mid + 6), QPoint(x - 5, mid)])
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
