"""The player page's audio and caption choices: what the Audio and Captions boxes offer and do.

Captions: "Off", the catalog's caption files, then the media file's own text tracks. A choice is
("file", path, lang) or ("track", libvlc id, lang); None is Off. A feature that works with the
captions shown (a transcript tab) reads `captions_language()` / the Player's tracks from here.
Strings keep the "PlayerPage" translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Slot

from vod_app.domain.languages import (
    automatic_captions_language,
    language_from_name,
    normalise_language,
    same_language,
)
from vod_app.ui.formatting import language_name, sorted_languages


def _names_language(label: str, language: str) -> bool:
    """Whether a track's title only names its language ('Français', 'French'): Qt's own names of it
    first (langcodes' name search, for any other title, costs ~100 ms and ~7 MiB on first use)."""
    locale = QLocale(language)
    if locale.language() != QLocale.Language.C:
        title = label.casefold()
        # Qt's native name may name the region too ('español de España' for 'es').
        native, english = locale.nativeLanguageName().casefold(), QLocale.languageToString(locale.language()).casefold()
        if title in (native, english) or native.startswith(title + " "):
            return True
    return same_language(language_from_name(label), language)


class TrackChoices:
    """Mixed into PlayerPage (a QWidget with `audio` and `captions` combo boxes, `controller`,
    `prefs` and `item`): the audio and caption boxes' content and the choices made in them."""

    audio: Any
    captions: Any
    controller: Any
    prefs: Any
    item: Any

    def _init_track_choices(self) -> None:
        self._updating_tracks = False
        self._caption_choice: tuple[str, object, str | None] | None = None
        self._caption_language_wanted: str | None = None

    @Slot()
    def _refresh_tracks(self) -> None:
        self._updating_tracks = True
        self.audio.clear()
        current = self.controller.current_audio_track()
        for t in sorted(self.controller.audio_tracks(), key=lambda t: (language_name(t.language).casefold() if t.language else "\uffff", t.id)):
            label = language_name(t.language) if t.language else (t.label or QCoreApplication.translate("PlayerPage", "Track {n}").format(n=t.id))
            # A track title that only names its language ('Français') adds nothing to the name.
            if t.label and t.language and t.label.casefold() != label.casefold() and not _names_language(t.label, t.language):
                label = f"{label} — {t.label}"
            self.audio.addItem(label, t.id)
            self.audio.setItemData(self.audio.count() - 1, t.language, Qt.ItemDataRole.UserRole + 1)
        i = self.audio.findData(current)
        if i >= 0:
            self.audio.setCurrentIndex(i)
        self.audio.setEnabled(self.audio.count() > 1)
        self._updating_tracks = False

    def choose_audio(self, index: int) -> None:
        track = self.audio.itemData(index)
        lang = self.audio.itemData(index, Qt.ItemDataRole.UserRole + 1)
        if track is None:
            return
        self.controller.set_audio_track(int(track))
        if lang:
            # Remembered and applied to the next recording once libvlc reports Playing.
            self.prefs.audio_language = lang
            self.prefs.save("audio_language", lang)

    def choose_audio_language(self, lang: str) -> bool:
        for i in range(self.audio.count()):
            if self.audio.itemData(i, Qt.ItemDataRole.UserRole + 1) == lang:
                self.audio.setCurrentIndex(i)
                self.choose_audio(i)
                return True
        return False

    # Captions: "Off", the catalog's caption files, then the media file's own text tracks. A choice
    # is ("file", path, lang) or ("track", libvlc id, lang); None is Off.

    def _fill_captions(self, language: str | None = None) -> None:
        """At open: the caption files, and the language asked for (a caption hit) or preferred."""
        self._caption_choice = None
        if not language and self.prefs.captions_automatic and self.item is not None:
            audio = [a.language for a in self.item.recording.audio_tracks]
            language = automatic_captions_language(self.prefs.ui_language, audio)
        self._caption_language_wanted = language or self.prefs.captions_language or None
        if self.item is not None and self._caption_language_wanted:
            for cap in self.item.recording.captions:
                if same_language(cap.language, self._caption_language_wanted):
                    self._caption_choice = ("file", cap.source, cap.language)
                    self.controller.add_subtitle_file(cap.source)
                    self._caption_language_wanted = None
                    break
        # The file's own tracks are not known while libvlc opens it (tracks_changed brings them),
        # and asking then waits on libvlc's input lock: the open path's time.
        self._rebuild_captions(probe=self.controller.state() != "opening")

    def _caption_entries(self, probe: bool = True) -> list[tuple[str, tuple[str, object, str | None]]]:
        entries: list[tuple[str, tuple[str, object, str | None]]] = []
        files = self.item.recording.captions if self.item is not None else ()
        by_name = sorted_languages  # the one order of languages; unlabelled tracks last
        order = {lang: i for i, lang in enumerate(by_name({c.language for c in files if c.language}))}
        files = sorted(files, key=lambda c: (order.get(c.language, len(order)) if c.language else len(order), c.track_id))
        for cap in files:
            label = language_name(cap.language) if cap.language else (cap.label or Path(cap.source).name)
            entries.append((label, ("file", cap.source, cap.language)))
        file_langs = {normalise_language(c.language) for c in files if c.language}
        embedded = self.controller.embedded_subtitle_tracks() if probe else []
        order = {lang: i for i, lang in enumerate(by_name({t.language for t in embedded if t.language}))}
        for t in sorted(embedded, key=lambda t: (order.get(t.language, len(order)) if t.language else len(order), t.id)):
            name = language_name(t.language) if t.language else (t.label or QCoreApplication.translate("PlayerPage", "Track {n}").format(n=t.id))
            if t.language in file_langs or not t.language:
                name = QCoreApplication.translate("PlayerPage", "{language} (in the video file)").format(language=name)
            entries.append((name, ("track", t.id, t.language)))
        return entries

    def _rebuild_captions(self, probe: bool = True) -> None:
        entries = self._caption_entries(probe)
        if self._caption_choice is None and self._caption_language_wanted:
            for _label, choice in entries:  # no caption file in that language: the file's own track
                if choice[0] == "track" and same_language(choice[2], self._caption_language_wanted):
                    self._caption_language_wanted = None
                    self._apply_caption_choice(choice)
                    break
        self._updating_tracks = True
        self.captions.clear()
        self.captions.addItem(QCoreApplication.translate("PlayerPage", "Off"), None)
        for label, choice in entries:
            self.captions.addItem(label, choice)
        keys = [None, *(choice for _label, choice in entries)]
        self.captions.setCurrentIndex(keys.index(self._caption_choice) if self._caption_choice in keys else 0)
        self.captions.setEnabled(self.captions.count() > 1)
        self._updating_tracks = False

    def _apply_caption_choice(self, choice: tuple[str, object, str | None] | None) -> None:
        self._caption_choice = choice
        if choice is None:
            self.controller.set_subtitle_track(-1)
        elif choice[0] == "file":
            self.controller.add_subtitle_file(str(choice[1]))
        else:
            self.controller.set_subtitle_track(int(choice[1]))  # type: ignore[arg-type]

    def choose_captions(self, index: int) -> None:
        choice = self.captions.itemData(index)
        self._caption_language_wanted = None
        self.prefs.captions_automatic = False  # the viewer chose: from now on their choice counts
        self._apply_caption_choice(choice)
        lang = choice[2] if choice is not None else ""
        if choice is None or lang:
            self.prefs.captions_language = lang or ""
            self.prefs.save("captions_language", lang or "")

    def captions_language(self) -> str | None:
        """The language of the captions shown (None when they are off)."""
        return self._caption_choice[2] if self._caption_choice is not None else None
