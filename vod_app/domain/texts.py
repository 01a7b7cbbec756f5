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
