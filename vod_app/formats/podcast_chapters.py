"""Podcast chapters: Podcasting 2.0 JSON chapters (``podcast:chapters``) and Podlove Simple
Chapters (``psc:chapters`` inside a feed item), both as ChapterMarks.

Specs: github.com/Podcastindex-org/podcast-namespace (chapters/jsonChapters.md) and
podlove.org/simple-chapters. Chapters with ``toc: false`` are hidden by the spec and skipped here.
"""

from __future__ import annotations

import json
from typing import Any

from vod_app.formats.model import ChapterMark
from vod_app.formats.sidecar import SidecarError, clip, clock_ms, seconds_ms, text_field

PSC_NS = "http://podlove.org/simple-chapters"
MAX_CHAPTERS = 10_000


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def json_chapters(data: bytes, file: str, duration_ms: int | None = None) -> list[ChapterMark]:
    """Parse a JSON chapters file; raises SidecarError naming the field (``chapters[3].startTime``)."""
    try:
        raw = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise SidecarError(file, "", f"not valid JSON chapters ({exc})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("chapters"), list):
        raise SidecarError(file, "chapters", "expected an object with a list of chapters")
    out: list[ChapterMark] = []
    for i, ch in enumerate(raw["chapters"][:MAX_CHAPTERS]):
        where = f"chapters[{i}]"
        if not isinstance(ch, dict):
            raise SidecarError(file, where, f"expected an object, got {clip(ch)}")
        if ch.get("toc") is False:
            continue
        start = seconds_ms(ch.get("startTime"), file, f"{where}.startTime", limit_ms=duration_ms)
        if start is None:
            raise SidecarError(file, f"{where}.startTime", "missing")
        end = seconds_ms(ch.get("endTime"), file, f"{where}.endTime")
        title = text_field(ch.get("title"), file, f"{where}.title") or f"Chapter {len(out) + 1}"
        out.append(ChapterMark(start, end if end is not None and end > start else None, title))
    return sorted(out, key=lambda c: c.start_ms)


def podlove_chapters(element: Any, file: str, duration_ms: int | None = None, prefix: str = "") -> list[ChapterMark]:
    """``<psc:chapters><psc:chapter start="00:01:02.500" title="…"/>…`` (an ElementTree element);
    ``prefix`` names the item in messages (``item[2]/``)."""
    out: list[ChapterMark] = []
    for i, ch in enumerate(element.findall(f"{{{PSC_NS}}}chapter")[:MAX_CHAPTERS]):
        where = f"{prefix}psc:chapter[{i + 1}]@start"
        raw = ch.get("start")
        if not raw:
            raise SidecarError(file, where, "missing")
        start = clock_ms(raw, file, where)
        if duration_ms is not None and start > duration_ms:
            raise SidecarError(file, where, f"{raw} is past the end of the recording ({duration_ms / 1000:g} s)")
        title = text_field(ch.get("title"), file, f"{prefix}psc:chapter[{i + 1}]@title") or f"Chapter {i + 1}"
        out.append(ChapterMark(start, None, title))
    return sorted(out, key=lambda c: c.start_ms)
