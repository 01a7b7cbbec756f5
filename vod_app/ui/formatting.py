"""Dates, durations and language names through QLocale (the viewer's conventions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, QLocale

from vod_app.domain.durations import format_duration  # noqa: F401 - the ui's name for it
from vod_app.domain.languages import display_name, sorted_by_name


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


def interface_language() -> str:
    """The language the interface is shown in: the locale the translations were loaded for."""
    lang = QLocale().name().split("_")[0].lower()
    return "en" if lang in ("c", "") else lang


def language_name(tag: str | None) -> str:
    """A language's name in the interface language ('fr' -> 'French' in English, 'Francés' in
    Spanish): one way everywhere, from vod_app.domain.languages."""
    if not tag:
        return "?"
    return display_name(tag, interface_language())


def sorted_languages(tags: Iterable[str]) -> list[str]:
    """Languages in the one order of every list: by their name in the interface language."""
    return sorted_by_name(tags, interface_language())


def plural_fallback(text: str, n: int) -> str:
    """"1 result" / "2 results" from ``tr("%n result(s)", "", n)``.

    Without a catalogue for the viewer's language, Qt returns the source text ("1 result(s)"); Qt's
    cure is an English .qm with plural forms, which the build does not have. A translation with its
    own plural forms carries no "(s)" and passes through unchanged.
    """
    return text.replace("(s)", "" if n == 1 else "s")
