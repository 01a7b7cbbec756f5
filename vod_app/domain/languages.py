"""The one language normaliser of the app: catalog import, playback tracks, filters and display.

Codes arrive in every spelling: ISO 639-2/T and /B as containers store them ('fra', 'fre'),
BCP 47 tags in any case ('fr-fr', 'pt_BR'), VLC's English names ('French'). ``langcodes`` (with
the CLDR data of ``language_data``) turns each into one BCP 47 tag ('fr', 'fr-FR', 'pt-BR'), and
gives a language's name in the viewer's language. A language filter or preference matches on the
primary language ('fr' finds 'fr-FR' and a track once stored as 'fra').
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import suppress
from functools import lru_cache
from types import ModuleType


def _langcodes() -> ModuleType:
    """langcodes, imported on first use (~30 ms that start-up does not need to pay)."""
    import langcodes

    return langcodes

# The languages most catalogs and media files carry: primary code -> (ISO 639-2/T, 639-2/B, the
# English name VLC prints). Their codes and names are read here without langcodes (~3.6 MiB, 30-140
# ms to import; a name lookup loads its name tries, ~4 MiB and 20-60 ms, on the GUI thread when a
# recording's tracks are listed); tests/unit/test_languages.py checks each against langcodes.
_COMMON: dict[str, tuple[str, str, str]] = {
    "ar": ("ara", "ara", "Arabic"), "ca": ("cat", "cat", "Catalan"), "cs": ("ces", "cze", "Czech"),
    "da": ("dan", "dan", "Danish"), "de": ("deu", "ger", "German"), "el": ("ell", "gre", "Greek"),
    "en": ("eng", "eng", "English"), "es": ("spa", "spa", "Spanish"), "fa": ("fas", "per", "Persian"),
    "fi": ("fin", "fin", "Finnish"), "fr": ("fra", "fre", "French"), "he": ("heb", "heb", "Hebrew"),
    "hi": ("hin", "hin", "Hindi"), "hu": ("hun", "hun", "Hungarian"), "it": ("ita", "ita", "Italian"),
    "ja": ("jpn", "jpn", "Japanese"), "ko": ("kor", "kor", "Korean"), "nl": ("nld", "dut", "Dutch"),
    "no": ("nor", "nor", "Norwegian"), "pl": ("pol", "pol", "Polish"), "pt": ("por", "por", "Portuguese"),
    "ro": ("ron", "rum", "Romanian"), "ru": ("rus", "rus", "Russian"), "sv": ("swe", "swe", "Swedish"),
    "tr": ("tur", "tur", "Turkish"), "uk": ("ukr", "ukr", "Ukrainian"), "zh": ("zho", "chi", "Chinese"),
}
_COMMON_CODES = {spelling: code for code, (t, b, _n) in _COMMON.items() for spelling in (code, t, b)}
_COMMON_NAMES = {name.casefold(): code for code, (_t, _b, name) in _COMMON.items()}

_UNDETERMINED = frozenset({"", "und", "zxx", "mis", "mul", "qaa", "unknown", "n/a", "none"})
_TAG_RE = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")


@lru_cache(maxsize=4096)
def _standardize(code: str) -> str | None:
    tag = code.replace("_", "-")
    try:
        # langcodes sorts variant subtags, and a sorted list can sort differently once
        # normalised: repeat to a fixed point so that normalising a tag again never changes it.
        for _ in range(4):
            again = _langcodes().standardize_tag(tag)
            if again == tag:
                break
            tag = again
    except (ValueError, LookupError):  # langcodes' LanguageTagError is a ValueError
        return None
    return None if tag.split("-")[0].casefold() in _UNDETERMINED else tag


def normalise_language(code: str | bytes | None) -> str | None:
    """'eng' -> 'en', 'fre'/'fra' -> 'fr', 'pt-br' -> 'pt-BR', 'und'/'' -> None.

    Unknown but well-formed codes are kept ('gsw'); malformed ones give None.
    """
    if code is None:
        return None
    if isinstance(code, bytes):
        code = code.decode("utf-8", "replace")
    code = code.strip()
    common = _COMMON_CODES.get(code.casefold())
    if common is not None:
        return common
    if code.casefold() in _UNDETERMINED or not _TAG_RE.match(code):
        return None
    return _standardize(code)


def primary_language(code: str | bytes | None) -> str | None:
    """The language without region or script: 'fr-FR' -> 'fr', 'fra' -> 'fr'."""
    tag = normalise_language(code)
    return tag.split("-")[0] if tag else None


def without_region(code: str | bytes | None) -> str | None:
    """The language as a list of languages names it: 'fr-FR' -> 'fr', 'fra' -> 'fr'; a script
    stays, since it decides who can read the text ('zh-Hant-TW' -> 'zh-Hant')."""
    tag = normalise_language(code)
    if tag is None:
        return None
    parts = tag.split("-")
    return "-".join(parts[:2]) if len(parts) > 1 and len(parts[1]) == 4 and parts[1].isalpha() else parts[0]


def same_language(a: str | bytes | None, b: str | bytes | None) -> bool:
    """True when two codes share their primary language ('fr' ~ 'fr-CA' ~ 'fre')."""
    pa = primary_language(a)
    return pa is not None and pa == primary_language(b)


_ALIASES: dict[str, tuple[str, ...]] = {}


def stored_spellings(code: str) -> tuple[str, ...]:
    """Every spelling of a primary language a catalog may hold ('fr' -> 'fr', 'fra', 'fre').

    For queries over data stored before codes were normalised on import.
    """
    primary = primary_language(code)
    if primary is None:
        return ()
    if primary in _COMMON:
        return tuple(sorted({primary, *_COMMON[primary][:2]}))
    if primary not in _ALIASES:
        spellings = {primary}
        lang = _langcodes().Language.get(primary)
        for variant in ("T", "B"):
            with suppress(LookupError):  # a code with no three-letter form ('gsw' is its own)
                spellings.add(lang.to_alpha3(variant=variant))
        _ALIASES[primary] = tuple(sorted(spellings))
    return _ALIASES[primary]


@lru_cache(maxsize=1024)
def language_from_name(name: str | None) -> str | None:
    """A language's name as VLC prints it ('French', 'Greek, Modern') -> 'fr', 'el'."""
    if not name or not name.strip():
        return None
    name = name.strip()
    if name.casefold() in _COMMON_NAMES:
        return _COMMON_NAMES[name.casefold()]
    for candidate in (name, name.split(" (")[0], name.split(",")[0]):
        try:
            return normalise_language(str(_langcodes().find(candidate)))
        except LookupError:
            continue
    return None


# Names remembered from an earlier run ({(code, in_language): name}, see remembered_names): the
# first paint shows the list's languages without loading CLDR's names (~60 ms, ~10 MB: language_data).
_REMEMBERED: dict[tuple[str, str], str] = {}
_NAMED: dict[tuple[str, str], str] = {}  # what this run named (through langcodes or remembered)


def remember_names(names: dict[tuple[str, str], str]) -> None:
    """Use these names (from :func:`named`, kept by the app between runs) before asking langcodes."""
    _REMEMBERED.update(names)
    display_name.cache_clear()


def named() -> dict[tuple[str, str], str]:
    """Every (code, in_language) named so far, when some were not remembered (else {})."""
    seen = dict(_NAMED)  # one copy (the GUI thread names more meanwhile)
    return {} if seen.keys() <= _REMEMBERED.keys() else {**_REMEMBERED, **seen}


@lru_cache(maxsize=4096)
def display_name(code: str, in_language: str) -> str:
    """'es' in 'fr' -> 'Espagnol': a language's name in the viewer's language, capitalised as a
    list entry; the code itself when unknown."""
    name = _REMEMBERED.get((code, in_language))
    if name is None:
        name = _display_name(code, in_language)
    _NAMED[(code, in_language)] = name
    return name


def _display_name(code: str, in_language: str) -> str:
    tag = normalise_language(code)
    if tag is None:
        return code
    try:
        name = _langcodes().Language.get(tag).display_name(normalise_language(in_language) or "en")
    except (ValueError, LookupError):
        return code
    if not name or name.casefold().startswith("unknown language"):
        return code
    return name[:1].upper() + name[1:]


def sorted_by_name(codes: Iterable[str], in_language: str) -> list[str]:
    """Languages in the one order every list uses: by name in the viewer's language."""
    return sorted(codes, key=lambda c: (display_name(c, in_language).casefold(), c))


def automatic_captions_language(interface: str, audio_languages: Iterable[str | None]) -> str | None:
    """Captions a viewer who chose none yet gets: in the interface language, when the recording
    is known to have no audio in it (an English viewer of a French-only recording); else none."""
    audio = [a for a in audio_languages if a]
    if not audio or any(same_language(a, interface) for a in audio):
        return None
    return primary_language(interface)


_TRACK_NAME_RE = re.compile(r"^(?P<label>.*?)\s*-\s*\[(?P<lang>[^\]]+)\]$")
_GENERIC_TRACK_RE = re.compile(r"^Track \d+$")


def split_track_name(name: str | None) -> tuple[str | None, str | None]:
    """VLC track description -> (label, language code).

    'Français - [French]' -> ('Français', 'fr'); 'Track 1 - [English]' -> (None, 'en');
    'Track 2' -> (None, None): VLC's generic names carry no information.
    """
    if not name:
        return None, None
    name = name.strip()
    label: str | None = name
    lang = None
    m = _TRACK_NAME_RE.match(name)
    if m:
        label = m.group("label").strip()
        lang = language_from_name(m.group("lang"))
    if not label or _GENERIC_TRACK_RE.match(label) or label == "Disable":
        label = None
    return label, lang
