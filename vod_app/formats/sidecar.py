"""Shared rules for metadata read from files other tools wrote (yt-dlp, Kodi, podcast feeds).

Those files are untrusted: every reader caps the size before parsing, checks each field's type, and
reports a problem as one ``SidecarError`` naming the file, the field and the value, so an import can
skip exactly that item with a clear reason and change nothing else.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# A yt-dlp info.json with every format listed is 1-5 MB; a feed of a few hundred episodes about as
# much. Anything far bigger is not metadata for one recording and is refused before it is parsed.
MAX_SIDECAR_BYTES = 16 * 1024 * 1024
MAX_TITLE = 2000
MAX_DESCRIPTION = 200_000
_TAGS = re.compile(r"<[^>]{0,2000}>")
_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6])\s*/?\s*>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class SidecarError(ValueError):
    """A metadata file or one of its fields cannot be used: ``file: field: message``."""

    def __init__(self, file: str, field: str, message: str) -> None:
        self.file, self.field, self.message = file, field, message
        super().__init__(f"{file}: {field}: {message}" if field else f"{file}: {message}")


def clip(value: Any, n: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= n else text[: n - 1] + "…"


def read_capped(path: Path, max_bytes: int = MAX_SIDECAR_BYTES) -> bytes:
    """The bytes of ``path``, refused (without reading it all) when larger than ``max_bytes``."""
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise SidecarError(str(path), "", exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise SidecarError(str(path), "", f"larger than {max_bytes // (1024 * 1024)} MB; not read")
    return data


def web_url(value: Any, file: str, field: str) -> str:
    """An http(s) URL with a host; ``javascript:``, ``file:``, ``data:`` and the rest are refused."""
    if not isinstance(value, str):
        raise SidecarError(file, field, f"expected a URL, got {clip(value)}")
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _CONTROL.search(value):
        raise SidecarError(file, field, f"{clip(value)} is not an http/https URL")
    return value


def text_field(value: Any, file: str, field: str, limit: int = MAX_TITLE) -> str | None:
    """A trimmed string, None when empty; wrong types are refused, over-long text is cut."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise SidecarError(file, field, f"expected text, got {clip(value)}")
    value = _CONTROL.sub("", value).strip()
    return value[:limit] or None


def plain_text(markup: str) -> str:
    """Feed and nfo descriptions are often HTML: keep the words and the paragraph breaks only."""
    text = _BREAKS.sub("\n", markup)
    text = html.unescape(_TAGS.sub("", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out = "\n".join(line for line in lines if line)
    return _CONTROL.sub("", out)


def real_date(value: Any, file: str, field: str) -> dt.date | None:
    """``YYYYMMDD`` (yt-dlp), ``YYYY-MM-DD`` or an ISO date-time prefix; a non-date is refused."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SidecarError(file, field, f"expected a date, got {clip(value)}")
    s = value.strip()
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s) or re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", s)
    if m is None:
        raise SidecarError(file, field, f"{clip(value)} is not a date")
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise SidecarError(file, field, f"{clip(value)} is not a real date") from None
    if not 1900 <= day.year <= 2100:
        raise SidecarError(file, field, f"{clip(value)} is outside 1900-2100")
    return day


def seconds_ms(value: Any, file: str, field: str, *, limit_ms: int | None = None) -> int | None:
    """Seconds (a number) as milliseconds: negative, non-finite or wrong types are refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SidecarError(file, field, f"expected a number of seconds, got {clip(value)}")
    if value != value or value in (float("inf"), float("-inf")):
        raise SidecarError(file, field, f"{clip(value)} is not a number of seconds")
    if value < 0:
        raise SidecarError(file, field, f"{clip(value)} is negative")
    ms = int(round(value * 1000))
    if ms > 7 * 24 * 3600 * 1000:
        raise SidecarError(file, field, f"{clip(value)} seconds is longer than a week")
    if limit_ms is not None and ms > limit_ms:
        raise SidecarError(file, field, f"{value} s is past the end of the recording ({limit_ms / 1000:g} s)")
    return ms


def lang_tag(value: Any, file: str, field: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value.strip()):
        raise SidecarError(file, field, f"{clip(value)} is not a language tag")
    return value.strip()


def parse_xml(data: bytes, file: str) -> Any:
    """The root element of untrusted XML: no entity declarations, no external entities or DTDs
    fetched (defusedxml), so billion-laughs and XXE files are refused instead of expanded."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SidecarError(file, "", f"refused: the XML declares entities or external references ({type(exc).__name__})") from None
    except ParseError as exc:
        raise SidecarError(file, "", f"not well-formed XML ({exc})") from None


def clock_ms(value: str, file: str, field: str) -> int:
    """``HH:MM:SS(.mmm)``, ``MM:SS`` or plain seconds (Podlove, Kodi) as milliseconds."""
    s = value.strip()
    if s.startswith("-"):
        raise SidecarError(file, field, f"{clip(value)} is negative")
    m = re.fullmatch(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?", s)
    if m:
        h, mi, se, frac = m.groups()
        if (h is not None and int(mi) > 59) or int(se) > 59:  # "90:00" alone is 90 minutes
            raise SidecarError(file, field, f"{clip(value)} is not a time")
        ms = ((int(h or 0) * 60 + int(mi)) * 60 + int(se)) * 1000 + int((frac or "0").ljust(3, "0"))
        return ms
    try:
        seconds = float(s)
    except ValueError:
        raise SidecarError(file, field, f"{clip(value)} is not a time") from None
    result = seconds_ms(seconds, file, field)
    assert result is not None
    return result
