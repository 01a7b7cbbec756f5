"""The viewer's preferences (languages, volume), read once and written off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QLocale, QTimer

Writer = Callable[[str, str], None]


def system_language() -> str:
    name = QLocale().name()  # e.g. fr_FR, or C
    lang = name.split("_")[0].lower()
    return "en" if lang in ("c", "") else lang


@dataclass
class Preferences:
    audio_language: str | None = None
    description_language: str = "en"
    captions_language: str = ""
    #: No caption choice saved yet (first run): captions follow the interface language, shown
    #: when a recording has no audio in that language (automatic_captions_language).
    captions_automatic: bool = False
    ui_language: str = "en"
    volume: int = 100
    muted: bool = False
    last_folder: str = ""  # where the Add folder dialog opens next time
    writer: Writer | None = field(default=None, repr=False)
    _later: dict[str, str] = field(default_factory=dict, repr=False)
    _timer: QTimer | None = field(default=None, repr=False)

    #: Every key from_store() reads: the composition root loads these through the repository.
    STORED_KEYS = (
        "ui_language", "volume", "audio_language", "description_language", "captions_language", "muted", "last_folder",
    )

    @classmethod
    def load(cls, read: Callable[[str], str | None], writer: Writer | None) -> Preferences:
        """From a per-key reader (UserStateRepository.preference); keys never stored stay absent."""
        return cls.from_store({k: v for k in cls.STORED_KEYS if (v := read(k)) is not None}, writer)

    @classmethod
    def from_store(cls, values: dict[str, str], writer: Writer | None) -> Preferences:
        sys_lang = system_language()
        ui_lang = values.get("ui_language") or sys_lang
        try:
            volume = min(max(int(values.get("volume", "100")), 0), 150)
        except ValueError:
            volume = 100
        return cls(
            # First run: the interface language picks the audio (and captions, see above).
            audio_language=values.get("audio_language") or ui_lang,
            description_language=values.get("description_language") or sys_lang,
            captions_language=values.get("captions_language", ""),
            captions_automatic="captions_language" not in values,
            ui_language=ui_lang,
            volume=volume,
            muted=values.get("muted") == "1",
            last_folder=values.get("last_folder", ""),
            writer=writer,
        )

    def save(self, key: str, value: str) -> None:
        if self.writer is not None:
            self.writer(key, value)

    def save_later(self, key: str, value: str) -> None:
        """Coalesce rapid changes (a volume slider dragged) into one write."""
        self._later[key] = value
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.setInterval(500)
            self._timer.timeout.connect(self.flush)
        self._timer.start()

    def flush(self) -> None:
        pending, self._later = self._later, {}
        for k, v in pending.items():
            self.save(k, v)
