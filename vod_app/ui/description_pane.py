"""The pane beside the video: the panel being played, in the viewer's description language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from vod_app.domain.records import LocalizedPanel
from vod_app.domain.texts import TextMap, pick_text
from vod_app.ui.labels import heading


class DescriptionPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("descriptionPane")
        self.heading = heading(self, 1.25, "panelHeading")
        self.body = QTextBrowser(self)
        self.body.setObjectName("panelDescription")
        self.body.setOpenLinks(False)  # nothing in a description navigates or loads anything
        self.body.setOpenExternalLinks(False)
        self.body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.heading)
        lay.addWidget(self.body, 1)
        self.setAccessibleName(self.tr("Panel description"))
        self._panel: LocalizedPanel | None = None
        self._intro: TextMap = {}
        self._intro_title = ""
        self._has_panel_texts = False
        self._lang = "en"
        self.shown_lang = ""

    def set_intro(self, texts: TextMap, title: str, has_panel_texts: bool = False) -> None:
        """What shows outside any panel (opening remarks): the session's own description.

        texts: the session's (title, description) by language; title: shown when it has none.
        has_panel_texts: whether the panels have descriptions (what the empty pane then says).
        """
        self._intro = dict(texts)
        self._intro_title = title
        self._has_panel_texts = has_panel_texts
        if self._panel is None:
            self._render(announce=False)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._render(announce=False)

    def show_panel(self, panel: LocalizedPanel | None, announce: bool = True) -> None:
        if panel is self._panel:
            return
        self._panel = panel
        self._render(announce)

    def current_panel_id(self) -> int | None:
        return self._panel.panel_id if self._panel else None

    def title_text(self) -> str:
        return self.heading.text()

    def body_text(self) -> str:
        return self.body.toPlainText()

    def _render(self, announce: bool) -> None:
        if self._panel is None:
            lang, title, text = pick_text(self._intro, (self._lang,))
            title = title or self._intro_title
            self.shown_lang = lang or self._lang
        else:
            lang, title, text = pick_text(self._panel.texts, (self._lang,))
            self.shown_lang = lang
        if not text.strip():  # never a blank pane: say there is nothing to show
            if self._panel is None and self._has_panel_texts:
                text = self.tr("No description for this part of the recording.")
            else:
                text = self.tr("This recording has no description.")
        self.heading.setText(title)
        self.body.setPlainText(text)  # plain text: no markup, no resource loading
        self.body.verticalScrollBar().setValue(0)
        self.setAccessibleDescription(title)
        if announce and title:
            ev = QAccessibleAnnouncementEvent(self, self.tr("Now: {title}").format(title=title))
            QAccessible.updateAccessibility(ev)
