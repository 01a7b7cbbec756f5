"""The player page's chapter list and description language (a mixin of PlayerPage)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from vod_app.domain.texts import pick_text
from vod_app.domain.timeline import chapter_title
from vod_app.ui.formatting import format_duration, language_name, sorted_languages


class PlayerChapters:
    """Chapters titled in the description language, and that language's choice (PlayerPage's)."""

    # PlayerPage's (player_view.py, player_page.py)
    chapter_list: Any
    description: Any
    description_language: Any
    seek_bar: Any
    prefs: Any
    timeline: Any
    _panels: dict[int, Any]
    _chapter_index: int
    _last_ms: int
    _update_for_time: Any
    seek: Any

    def _chapter_titles(self) -> list[str]:
        """Each chapter's title in the description language: its own, else its panel's, else the
        default one."""
        lang = self.prefs.description_language
        titles = []
        for ch in self.timeline.chapters:
            title = chapter_title(ch, lang)
            if title is None and ch.panel_id is not None and ch.panel_id in self._panels:
                title = pick_text(self._panels[ch.panel_id].texts, (lang,))[1]
            titles.append(title or ch.title)
        return titles

    def _fill_chapters(self) -> None:
        self.chapter_list.clear()
        titles = self._chapter_titles()
        for ch, title in zip(self.timeline.chapters, titles, strict=True):
            item = QListWidgetItem(f"{format_duration(ch.start_ms)}  {title}")
            item.setData(Qt.ItemDataRole.UserRole, ch.start_ms)
            item.setToolTip(self.tr("Source: {source}").format(source=ch.source))
            self.chapter_list.addItem(item)
        self.seek_bar.set_chapters(self.timeline.chapters, titles)

    def _on_chapter_activated(self, item: QListWidgetItem) -> None:
        self.seek(int(item.data(Qt.ItemDataRole.UserRole)))

    def _fill_description_languages(self) -> None:
        langs: set[str] = set()
        for p in self._panels.values():
            langs |= set(p.texts)
        self.description_language.clear()
        for lang in sorted_languages(langs):
            self.description_language.addItem(language_name(lang), lang)
        self.description_language.setEnabled(len(langs) > 1)
        want = self.prefs.description_language
        i = self.description_language.findData(want)
        if i < 0:
            i = self.description_language.findData(want.split("-")[0])
        if i >= 0:
            self.description_language.setCurrentIndex(i)
        self.description.set_language(self.description_language.currentData() or want)

    def choose_description_language(self, index: int) -> None:
        lang = self.description_language.itemData(index)
        if lang:
            self.set_description_language(lang)

    def set_description_language(self, lang: str) -> None:
        self.prefs.description_language = lang
        self.prefs.save("description_language", lang)
        i = self.description_language.findData(lang)
        if i >= 0:
            self.description_language.setCurrentIndex(i)
        self.description.set_language(lang)
        self._fill_chapters()
        self._chapter_index = -2
        self._update_for_time(self._last_ms)
