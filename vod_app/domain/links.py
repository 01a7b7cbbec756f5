"""``vod://`` links to a moment (docs/links.md): ``vod://session/12?t=754&lang=fr``, ``vod://recording/7?t=754``.

Stdlib only: the CLI, the window and the single-instance hand-over all parse the same way, and a
malformed link is a one-line ``ValueError`` that names what is wrong, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

SCHEME = "vod"
KINDS = ("session", "recording")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True, slots=True)
class MomentLink:
    """Where a link points: a session or a recording by its catalog id, a time, maybe a language."""

    kind: str  # session | recording
    target_id: int
    time_ms: int = 0
    lang: str | None = None

    def url(self) -> str:
        query: dict[str, str] = {}
        if self.time_ms:
            query["t"] = str(self.time_ms // 1000)
        if self.lang:
            query["lang"] = self.lang
        tail = f"?{urlencode(query)}" if query else ""
        return f"{SCHEME}://{self.kind}/{self.target_id}{tail}"


def is_link(text: str) -> bool:
    """True for anything that claims to be a vod:// link (then parse it for a message if malformed)."""
    return text.strip().lower().startswith(f"{SCHEME}:")


def parse_time(text: str) -> int:
    """``754``, ``754s``, ``12:34``, ``1:02:03`` or ``1h2m3s`` -> milliseconds; ValueError otherwise."""
    t = text.strip()
    if re.fullmatch(r"\d+(\.\d+)?s?", t):
        return int(float(t.rstrip("s")) * 1000)
    if re.fullmatch(r"\d+(:[0-5]?\d){1,2}(\.\d+)?", t):
        total = 0.0
        for part in t.split(":"):
            total = total * 60 + float(part)
        return int(total * 1000)
    m = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", t)
    if t and m and any(m.groups()):
        h, mi, s = (int(g or 0) for g in m.groups())
        return (h * 3600 + mi * 60 + s) * 1000
    raise ValueError(f"time {text!r}: expected seconds (754), m:ss (12:34) or h:mm:ss")


def parse_link(text: str) -> MomentLink:
    """A ``vod://`` link -> :class:`MomentLink`; ``ValueError`` with a one-line reason otherwise."""
    parts = urlsplit(text.strip())
    if parts.scheme.lower() != SCHEME:
        raise ValueError(f"{text!r}: not a vod:// link")
    kind = parts.netloc.lower()
    if kind not in KINDS:
        raise ValueError(f"{text!r}: expected vod://session/ID or vod://recording/ID")
    ident = parts.path.strip("/")
    if not ident.isdigit() or not ident.isascii():
        raise ValueError(f"{text!r}: {kind} id {ident!r} is not a number")
    query = parse_qs(parts.query, keep_blank_values=True)
    time_ms = parse_time(query["t"][-1]) if "t" in query else 0
    lang = query["lang"][-1].strip() if "lang" in query else None
    if lang is not None and not _LANG.match(lang):
        raise ValueError(f"{text!r}: lang {lang!r} is not a language code")
    return MomentLink(kind, int(ident), time_ms, lang.lower() if lang else None)
