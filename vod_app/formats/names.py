"""What a file or folder name says about a recording: its date, and its part number.

People name recordings "2019-05-10 Plenary part 2.mp4" or "IDM 10 May 2019". A few documented
patterns are read with regexes (docs/folders.md); a general fuzzy date parser (dateutil's
``fuzzy=True``) was tried and rejected: it reads "Panel 3" as the 3rd of this month and "2019" as
today's day in 2019, i.e. it invents dates, where this module must rather find none.

Pure functions, no I/O: the folder importer decides what to do with the answers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

YEAR_MIN, YEAR_MAX = 1900, 2100

# Month names in the app's interface languages (English, French, Spanish), full and abbreviated,
# with and without accents. Longest first so "sept" is not read as "sep" + "t".
_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan janvier janv enero ene",
        "february feb février fevrier févr fevr fév fev febrero",
        "march mar mars marzo",
        "april apr avril avr abril abr",
        "may mai mayo",
        "june jun juin junio",
        "july jul juillet juil julio",
        "august aug août aout agosto ago",
        "september sept sep septembre septiembre setiembre set",
        "october oct octobre octubre",
        "november nov novembre noviembre",
        "december dec décembre decembre déc diciembre dic",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))

_SEP = r"[-_.]"
# Each pattern: (regex, order of the groups). Digits are never part of a longer number.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # 2019-05-10, 2019_05_10, 2019.05.10
    (re.compile(rf"(?<!\d)(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})(?!\d)"), "ymd"),
    # 20190510 (only when it is a real date between 1900 and 2100)
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), "ymd"),
    # 10 May 2019, 10-mai-2019, 10th May 2019, 10 de mayo de 2019, 1er avril 2019
    (
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?[\s_.-]*(?:de[\s_]+)?({_MONTH_RE})\.?[\s_.,-]*(?:de[\s_]+)?(\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
        "dmy",
    ),
    # May 10, 2019 / May_10_2019
    (re.compile(rf"(?<![^\W_])({_MONTH_RE})\.?[\s_.-]*(\d{{1,2}})(?:st|nd|rd|th)?[\s_.,-]+(\d{{4}})(?!\d)", re.IGNORECASE), "mdy"),
    # 10-05-2019, 10.05.2019: day first (the international order); 05-31-2019 (day > 12) reads as US
    (re.compile(rf"(?<!\d)(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})(?!\d)"), "dmy?"),
)


@dataclass(frozen=True)
class DateInName:
    date: dt.date
    start: int  # where the date is written in the name (so a title can leave it out)
    end: int


def _make_date(y: int, mo: int, d: int) -> dt.date | None:
    if not YEAR_MIN <= y <= YEAR_MAX:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _month(token: str) -> int:
    return _MONTHS.get(token.lower(), 0)


def _read(match: re.Match[str], order: str) -> dt.date | None:
    a, b, c = match.groups()
    if order == "ymd":
        return _make_date(int(a), int(b), int(c))
    if order == "dmy":
        return _make_date(int(c), _month(b), int(a))
    if order == "mdy":
        return _make_date(int(c), _month(a), int(b))
    first, second, year = int(a), int(b), int(c)
    if first <= 12 < second:  # 05-31-2019 can only be month-day-year
        return _make_date(year, first, second)
    return _make_date(year, second, first)


def find_date(name: str) -> DateInName | None:
    """The leftmost date written in ``name`` in one of the documented patterns, or None.

    Numbers that are not a real calendar date between 1900 and 2100 (``20191399``, ``2019-02-30``)
    are not dates: None, and the caller falls back to the file's time.
    """
    best: DateInName | None = None
    for pattern, order in _PATTERNS:
        for match in pattern.finditer(name):
            date = _read(match, order)
            if date is None:
                continue
            if best is None or match.start() < best.start:
                best = DateInName(date, match.start(), match.end())
            break  # later matches of the same pattern are further right
    return best


def date_from_name(name: str) -> dt.date | None:
    found = find_date(name)
    return found.date if found else None


_TRIM = " \t-_.,·–—"


def tidy_title(stem: str, *, drop_date: bool = True) -> str:
    """A readable title from a file or folder name: underscores to spaces, the date left out
    (it is shown as the date), surrounding separators trimmed. Never empty for a non-empty name."""
    text = stem
    if drop_date:
        found = find_date(text)
        if found is not None:
            text = text[: found.start] + " " + text[found.end :]
            text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)  # "Council (10 May 2019)"
    text = re.sub(r"\s+", " ", text.replace("_", " ")).strip(_TRIM)
    if not text:
        text = re.sub(r"\s+", " ", stem.replace("_", " ")).strip() or stem
    return text


@dataclass(frozen=True)
class PartInName:
    base: str  # the name without its part number, tidied ("Plenary")
    key: str  # what parts of one recording share ("plenary")
    number: int


_PART_PATTERNS = (
    # "Plenary part 2", "Plenary - Part 2", "Plenary_pt2", "Plenary pt. 2 of 3", "Plénière partie 2"
    re.compile(r"^(?P<base>.*?\S)[\s_.-]*(?<![^\W_])(?:part|pt|partie|parte)\.?[\s_.-]*(?P<n>\d{1,3})(?:\s*(?:of|sur|de|/)\s*\d{1,3})?$", re.IGNORECASE),
    # "Plenary (2)"
    re.compile(r"^(?P<base>.*?\S)[\s_]*\((?P<n>\d{1,3})\)$"),
    # "Plenary 1of3", "Plenary 1 of 3"
    re.compile(r"^(?P<base>.*?\S)[\s_.-]+(?P<n>\d{1,3})\s*of\s*\d{1,3}$", re.IGNORECASE),
)


def find_part(stem: str) -> PartInName | None:
    """The part number at the end of a file name's stem, or None.

    A bare trailing number ("Panel 2") is *not* a part: panels and days are numbered too, and two
    different sessions must not be merged.
    """
    for pattern in _PART_PATTERNS:
        match = pattern.match(stem.strip())
        if match is None:
            continue
        base = tidy_title(match["base"], drop_date=False)
        key = re.sub(r"[\W_]+", " ", base.casefold()).strip()
        if key:
            return PartInName(base=base, key=key, number=int(match["n"]))
    return None
