"""Choosing the language a text is shown in."""

from __future__ import annotations

from collections.abc import Sequence

TextMap = dict[str, tuple[str, str]]  # lang -> (title, description)


def pick_text(texts: TextMap, prefs: Sequence[str]) -> tuple[str, str, str]:
    """(lang, title, description) in the first preferred language present, else English, else any."""
    for lang in (*prefs, "en"):
        if lang in texts:
            return (lang, *texts[lang])
        for have in texts:  # "fr" asked, "fr-CA" present
            if have.split("-")[0] == lang.split("-")[0]:
                return (have, *texts[have])
    if texts:
        lang = sorted(texts)[0]
        return (lang, *texts[lang])
    return ("", "", "")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 session"``, ``"2 sessions"``: the count with the right English form (command line, logs;
    the window translates its own counts with Qt's %n forms)."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"
