"""Kodi ``.nfo`` files: ``NAME.nfo`` beside a recording (movie, episodedetails, musicvideo) and
``tvshow.nfo`` for a folder (the event its recordings belong to).

Parsed with defusedxml (no entity expansion, nothing external fetched); only the fields vod-app uses
are read. Kodi allows a bare URL instead of XML: such a file gives nothing and is ignored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vod_app.formats.model import ChapterMark
from vod_app.formats.sidecar import (
    MAX_DESCRIPTION,
    SidecarError,
    clock_ms,
    lang_tag,
    parse_xml,
    plain_text,
    read_capped,
    real_date,
    text_field,
)

ITEM_KINDS = ("movie", "episodedetails", "musicvideo")
MAX_NFO_BYTES = 2 * 1024 * 1024  # a rich nfo with cast and artwork links is tens of kB


@dataclass(frozen=True)
class NfoInfo:
    kind: str
    title: str | None = None
    plot: str | None = None
    date: dt.date | None = None
    studio: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    chapters: list[ChapterMark] = field(default_factory=list)


def read_nfo(path: Path, *, kinds: tuple[str, ...] = ITEM_KINDS) -> NfoInfo | None:
    """Parse ``path``; None for a URL-only nfo. Raises SidecarError naming the field."""
    file = str(path)
    data = read_capped(path, MAX_NFO_BYTES)
    if not data.lstrip().startswith(b"<"):
        return None  # Kodi's "URL only" nfo: a scraper link, which is never followed
    root = parse_xml(data, file)
    if root.tag not in kinds:
        raise SidecarError(file, root.tag, f"a <{root.tag}> nfo is not one of {', '.join('<' + k + '>' for k in kinds)}")

    def text(name: str, limit: int = 2000) -> str | None:
        el = root.find(name)
        return text_field(el.text if el is not None else None, file, name, limit)

    date = None
    for name in ("aired", "premiered", "releasedate"):
        date = real_date(text(name), file, name)
        if date:
            break
    plot = text("plot", MAX_DESCRIPTION) or text("outline", MAX_DESCRIPTION)
    tags = [t.text.strip()[:200] for t in root.findall("tag") if t.text and t.text.strip()][:100]
    language = None
    # Only <language>: the audio stream's language (fileinfo/streamdetails) says nothing about the
    # language the title and plot are written in.
    lang_el = root.find("language")
    if lang_el is not None and lang_el.text:
        language = lang_tag(lang_el.text.strip().split(",")[0].strip(), file, lang_el.tag)
    return NfoInfo(
        kind=root.tag,
        title=text("title"),
        plot=plain_text(plot) if plot else None,
        date=date,
        studio=text("studio"),
        tags=tags,
        language=language,
        chapters=_chapters(root, file),
    )


def read_tvshow_nfo(path: Path) -> NfoInfo | None:
    return read_nfo(path, kinds=("tvshow",))


def _chapters(root: Any, file: str) -> list[ChapterMark]:
    """``<chapters><chapter><start>00:01:30</start><name>…</name></chapter>…`` (as written by
    tinyMediaManager-style tools; Kodi itself reads chapters from the container)."""
    out: list[ChapterMark] = []
    for i, ch in enumerate(root.findall("chapters/chapter")[:10_000]):
        where = f"chapters/chapter[{i + 1}]"
        start_el = ch.find("start")
        raw = start_el.text if start_el is not None else ch.get("start")
        if not raw:
            raise SidecarError(file, f"{where}/start", "missing")
        start = clock_ms(raw, file, f"{where}/start")
        name_el = ch.find("name") if ch.find("name") is not None else ch.find("title")
        title = text_field(name_el.text if name_el is not None else None, file, f"{where}/name") or f"Chapter {i + 1}"
        out.append(ChapterMark(start, None, title))
    return out
