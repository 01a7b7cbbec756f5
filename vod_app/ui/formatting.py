"""Dates, durations and language names through QLocale (the viewer's conventions)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale


def format_duration(ms: int | None) -> str:
    if ms is None or ms < 0:
        return "--:--"
    s = ms // 1000
    h, m, sec = s // 3600, s % 3600 // 60, s % 60
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def format_date(d: dt.date | None, locale: QLocale | None = None) -> str:
    if d is None:
        return ""
    loc = locale or QLocale()
    return loc.toString(QDate(d.year, d.month, d.day), "d MMM yyyy")


def format_long_date(d: dt.date | None, locale: QLocale | None = None) -> str:
    if d is None:
        return ""
    loc = locale or QLocale()
    return loc.toString(QDate(d.year, d.month, d.day), QLocale.FormatType.LongFormat)


# A bare language tag names the language, not its most populous country's variety
# (QLocale("en").nativeLanguageName() is "American English").
_BARE_NAMES = {
    "en": "English", "es": "Español", "pt": "Português", "zh": "中文", "ar": "العربية", "fr": "Français",
    "de": "Deutsch", "nl": "Nederlands", "sw": "Kiswahili", "ms": "Bahasa Melayu", "sr": "Српски",
}


def language_name(tag: str | None, in_own_language: bool = True) -> str:
    """'fr' -> 'Français' (its own name), falling back to the tag itself."""
    if not tag:
        return "?"
    if in_own_language and tag.lower() in _BARE_NAMES:
        return _BARE_NAMES[tag.lower()]
    loc = QLocale(tag)
    if loc.language() == QLocale.Language.C:
        return tag
    name = loc.nativeLanguageName() if in_own_language else QLocale.languageToString(loc.language())
    return (name[:1].upper() + name[1:]) if name else tag


def plural_fallback(text: str, n: int) -> str:
    """"1 result" / "2 results" from ``tr("%n result(s)", "", n)``.

    Without a catalogue for the viewer's language, Qt returns the source text ("1 result(s)"); Qt's
    cure is an English .qm with plural forms, which the build does not have. A translation with its
    own plural forms carries no "(s)" and passes through unchanged.
    """
    return text.replace("(s)", "" if n == 1 else "s")
