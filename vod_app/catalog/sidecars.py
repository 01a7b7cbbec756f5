"""What the metadata files beside a recording say, merged by precedence (docs/sources.md).

For each session field the first source that gives it wins: vod-app's own ``NAME.json`` (catalog),
then yt-dlp's ``NAME.info.json``, then Kodi's ``NAME.nfo`` (and ``tvshow.nfo`` for the event), then
the container (probe), then the file name. ``provenance`` records the winner of each field so the
session page can say where a title or a date came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vod_app.catalog.validation import CatalogFileError, Problem, parse_catalog_bytes
from vod_app.formats.model import ChapterMark
from vod_app.formats.sidecar import SidecarError

if TYPE_CHECKING:
    from vod_app.catalog.folder_files import Sidecars

CATALOG, INFO_JSON, NFO, FEED, CONTAINER, FILE_NAME, FILE_TIME = (
    "catalog", "info.json", "nfo", "feed", "container", "file name", "file time",
)


@dataclass
class Gathered:
    meta: dict[str, Any] = field(default_factory=dict)  # session fields in the catalog format
    provenance: dict[str, str] = field(default_factory=dict)
    chapters: list[ChapterMark] = field(default_factory=list)
    chapters_source: str | None = None
    duration_ms: int | None = None
    event: dict[str, Any] | None = None  # an event in the catalog format, added before the session
    caption_labels: dict[str, str] = field(default_factory=dict)  # caption file -> label
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    playlist_index: int | None = None  # kept with the provenance (position in the yt-dlp playlist)


def event_uid(kind: str, key: str) -> str:
    return f"{kind}-{hashlib.sha1(key.encode()).hexdigest()[:20]}"


def _in(lang: str | None, text: str | None) -> Any:
    """Text in the language the file names (title and description together, so a page never
    shows a title of one language over an empty description of another)."""
    return {lang: text} if lang and text else text


def _own_json(path: Path) -> dict[str, Any]:
    raw = parse_catalog_bytes(path.read_bytes(), str(path))
    if not isinstance(raw, dict):
        raise CatalogFileError(str(path), [Problem("$", "expected a JSON object with session fields")])
    return {k: v for k, v in raw.items() if k in ("title", "description", "date", "place", "panels", "sample")}


def gather(side: Sidecars) -> Gathered:
    """Read every sidecar of one recording; a bad one raises CatalogFileError naming file and field."""
    from vod_app.formats.nfo import read_nfo, read_tvshow_nfo
    from vod_app.formats.ytdlp import read_info_json

    out = Gathered()

    def give(key: str, value: Any, source: str) -> None:
        if value not in (None, "", [], {}) and key not in out.meta:
            out.meta[key] = value
            out.provenance[key] = source

    try:
        if side.metadata is not None:
            for key, value in _own_json(side.metadata).items():
                give(key, value, CATALOG)
        if side.info_json is not None:
            info = read_info_json(side.info_json)
            give("title", _in(info.language, info.title), INFO_JSON)
            give("description", _in(info.language, info.description), INFO_JSON)
            give("date", info.date.isoformat() if info.date else None, INFO_JSON)
            if info.chapters:
                out.chapters, out.chapters_source = info.chapters, INFO_JSON
            out.duration_ms = info.duration_ms
            if info.playlist_title:
                key = info.playlist_id or info.playlist_title
                out.event = {"id": event_uid("ytdlp-playlist", key), "title": info.playlist_title, "organiser": info.uploader}
            elif info.uploader:
                out.event = {"id": event_uid("ytdlp-channel", info.uploader), "title": info.uploader, "organiser": info.uploader}
            if out.event is not None:
                out.provenance["event"] = INFO_JSON
            out.playlist_index = info.playlist_index
            out.tags, out.url = list(info.tags), info.webpage_url
            if info.language:
                out.provenance["language"] = INFO_JSON
            auto = info.auto_caption_langs - info.manual_caption_langs
            for path, lang in side.captions:
                if path in side.original_captions:
                    out.caption_labels[str(path)] = "original"
                elif lang and lang.lower() in auto:
                    out.caption_labels[str(path)] = "auto-generated"
        if side.nfo is not None:
            nfo = read_nfo(side.nfo)
            if nfo is not None:
                give("title", _in(nfo.language, nfo.title), NFO)
                give("description", _in(nfo.language, nfo.plot), NFO)
                give("date", nfo.date.isoformat() if nfo.date else None, NFO)
                if nfo.chapters and not out.chapters:
                    out.chapters, out.chapters_source = nfo.chapters, NFO
                if nfo.studio and out.event is None:
                    out.event = {"id": event_uid("nfo-studio", nfo.studio), "title": nfo.studio, "organiser": nfo.studio}
                    out.provenance["event"] = NFO
                out.tags = out.tags or list(nfo.tags)
        if side.show_nfo is not None:
            show = read_tvshow_nfo(side.show_nfo)
            if show is not None and show.title and (out.event is None or out.provenance.get("event") != INFO_JSON):
                out.event = {"id": event_uid("nfo-show", str(side.show_nfo)), "title": show.title, "organiser": show.studio}
                if show.plot:
                    out.event["description"] = show.plot
                out.provenance["event"] = NFO
    except SidecarError as exc:
        raise CatalogFileError(exc.file, [Problem(exc.file, f"{exc.field}: {exc.message}" if exc.field else exc.message)]) from None
    return out


def write_extras(conn: Any, extras: dict[str, dict[str, Any]]) -> None:
    """Provenance and shipped thumbnails of the sessions just written (inside the same transaction).
    Kept out of the catalog format (and its content hash): they describe where data came from."""
    from sqlalchemy import update

    from vod_app.catalog import models as m

    for uid, extra in extras.items():
        if extra.get("provenance") is not None:
            conn.execute(update(m.Session).where(m.Session.uid == uid).values(provenance=extra["provenance"]))
        for rec_uid, thumb in (extra.get("thumbnails") or {}).items():
            conn.execute(update(m.Recording).where(m.Recording.uid == rec_uid).values(thumbnail=thumb))
