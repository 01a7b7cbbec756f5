"""A folder's recordings and sessions in the catalog format (docs/catalog-format.md), from the
probe's answer, the sidecars and the names; validated here, written by folder.py.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Protocol

from vod_app.catalog.folder_files import LANG_TAG, Sidecars
from vod_app.catalog.folder_sessions import SessionGroup, path_uid
from vod_app.catalog.sidecars import (
    CONTAINER,
    FILE_NAME,
    FILE_TIME,
    INFO_JSON,
    Gathered,
    gather,
)
from vod_app.catalog.validation import (
    CatalogFileError,
    normalize_lang,
    validate_session,
)
from vod_app.formats.names import tidy_title


class ProbeLike(Protocol):
    duration_ms: int | None
    chapters: list[Any]
    audio_tracks: list[Any]
    error: str | None


def recording_for(media: Path, side: Sidecars, result: ProbeLike, stamp: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """One recording in the catalog format, and the session metadata its sidecars give
    (``_extra``: provenance, event, thumbnail, tags; see catalog/sidecars.py)."""
    got = gather(side)
    meta = got.meta
    duration = result.duration_ms or got.duration_ms
    sources = dict(got.provenance)
    recording: dict[str, Any] = {"id": path_uid("file", media), "media": str(media), "stamp": stamp}
    if duration:
        recording["duration_ms"] = int(duration)
        sources["duration"] = CONTAINER if result.duration_ms else INFO_JSON
    chapters = _chapters(side, result, meta, duration, got)
    if chapters:
        recording["chapters"] = chapters
        sources["chapters"] = {"chapters_file": "chapters file", "description": "description"}.get(chapters[0]["source"], chapters[0]["source"])
    audio = [{k: v for k, v in (("language", _lang(t.language)), ("label", t.label)) if v} for t in result.audio_tracks]
    if audio:
        recording["audio_tracks"] = audio
    captions = [
        {"file": str(p), **({"language": lang} if lang else {}), **({"label": got.caption_labels[str(p)]} if str(p) in got.caption_labels else {})}
        for p, lang in side.captions
    ]
    if captions:
        recording["captions"] = captions
    extra: dict[str, Any] = {"provenance": sources, "event": got.event, "thumbnail": str(side.thumbnail) if side.thumbnail else None}
    if got.tags:
        extra["tags"] = got.tags
    if got.url:
        extra["url"] = got.url
    if got.playlist_index is not None:
        extra["playlist_index"] = got.playlist_index
    return recording, {**meta, "_extra": extra}


def _file_date(mtime: float) -> str:
    """A file's modification day in local time (when it was recorded or copied), never today."""
    return dt.datetime.fromtimestamp(mtime).date().isoformat()


def session_for(
    group: SessionGroup,
    recordings: list[tuple[Path, dict[str, Any], dict[str, Any]]],
    readable: dict[Path, tuple[os.stat_result, Sidecars, str]],
) -> dict[str, Any]:
    """A session in the catalog format. Date: sidecars (NAME.json > info.json > nfo) > the name > the
    first file's time. Title: sidecars (one file) > the name. (A person's edit wins over all:
    folder.py's _apply_person_edits.) Provenance, event and thumbnails ride along in ``_extra`` (not validated,
    not hashed: catalog/sidecars.py writes them)."""
    meta: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for _media, rec, rec_meta in recordings:
        rec_extra = rec_meta.pop("_extra", {})
        if group.grouped:
            title = rec_meta.pop("title", None)
            rec["title"] = _plain(title) or tidy_title(_media.stem)
        if rec_meta and not meta:
            meta = dict(rec_meta)  # the first file with metadata describes the session
            extra = dict(rec_extra)
        elif not extra:
            extra = dict(rec_extra)
        if rec_extra.get("thumbnail"):
            rec["_thumbnail"] = rec_extra["thumbnail"]
    sources: dict[str, str] = dict(extra.get("provenance") or {})
    title = meta.pop("title", None)
    if not title:
        title, sources["title"] = group.title, FILE_NAME
    first_time = min(readable[p][0].st_mtime for p, _r, _m in recordings)
    date = meta.pop("date", None)
    if not date:
        date = group.date.isoformat() if group.date else _file_date(first_time)
        sources["date"] = FILE_NAME if group.date else FILE_TIME
    session: dict[str, Any] = {"id": group.uid, "title": title, "date": date, **meta, "recordings": [r for _p, r, _m in recordings]}
    thumbs = {r["id"]: r.pop("_thumbnail") for _p, r, _m in recordings if "_thumbnail" in r}
    if extra.get("event"):
        session["event"] = extra["event"]["id"]
    problems = validate_session(session, recordings[0][0].parent, ("file",))
    if problems:
        side = readable[recordings[0][0]][1]
        raise CatalogFileError(str(side.metadata or side.info_json or side.nfo or recordings[0][0]), problems)
    session["_extra"] = {
        "event": extra.get("event"),
        "thumbnails": thumbs,
        "provenance": {"sources": sources, **{k: extra[k] for k in ("tags", "url", "playlist_index") if k in extra}},
    }
    return session


def _plain(title: Any) -> str | None:
    if isinstance(title, dict):
        return next(iter(title.values()), None)
    return title if isinstance(title, str) else None


def _lang(tag: str | None) -> str | None:
    if not tag or not LANG_TAG.match(tag):
        return None
    return normalize_lang(tag)


def _chapters(side: Sidecars, result: ProbeLike, meta: dict[str, Any], duration: int | None, got: Gathered) -> list[dict[str, Any]]:
    """Precedence: chapters file > info.json / nfo chapters > container chapters > description
    timestamps (docs/chapters.md, docs/sources.md)."""
    if side.chapters_file is not None:
        from vod_app.formats.captions import load_caption_file
        from vod_app.formats.webvtt import webvtt_chapters

        try:
            marks, _warnings = webvtt_chapters(load_caption_file(side.chapters_file))
        except (OSError, ValueError):
            marks = []
        if marks:
            return _as_chapters(marks, "chapters_file", duration)
    if got.chapters and got.chapters_source:
        return _as_chapters(got.chapters, got.chapters_source, duration)
    if result.chapters:
        return _as_chapters(result.chapters, "container", duration)
    description = meta.get("description")
    if isinstance(description, dict):
        description = description.get("en") or next(iter(description.values()), "")
    if isinstance(description, str) and description:
        from vod_app.formats.timestamps import parse_description_chapters

        marks = parse_description_chapters(description, duration)
        if marks:
            return _as_chapters(marks, "description", duration)
    return []


def _as_chapters(marks: list[Any], source: str, duration: int | None) -> list[dict[str, Any]]:
    out = []
    for mk in marks:
        start = max(0, int(mk.start_ms))
        if duration is not None and start > duration:
            continue
        end = mk.end_ms
        if end is not None and duration is not None:
            end = min(int(end), duration)
        ch: dict[str, Any] = {"start_ms": start, "title": (mk.title or "").strip()[:2000] or f"{start // 1000}s", "source": source}
        if end is not None and end > start:
            ch["end_ms"] = int(end)
        out.append(ch)
    return out
