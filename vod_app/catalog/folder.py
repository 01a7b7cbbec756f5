"""Importing a folder of recordings: media files, their sidecars, chapters and captions.

Two phases: scan and probe every new or changed file (slow, no database lock held), then write
everything in one transaction. Unchanged files (same size and mtime, same sidecars) are not probed
again; files that disappeared are reported and kept, with their user state, until the user removes
them. Unreadable, corrupt and empty files are skipped and listed with the reason.

Probing media is the playback layer's job: the caller hands in a ``probe`` function (the catalog
layer never imports libvlc).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select, update

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog
from vod_app.catalog.importer import CatalogWriter, ImportReport
from vod_app.catalog.validation import (
    CatalogFileError,
    Problem,
    normalize_lang,
    parse_catalog_bytes,
    validate_session,
)
from vod_app.formats.mediafile import MEDIA_SUFFIXES

CAPTION_SUFFIXES = (".vtt", ".srt")
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})?$")


class ProbeLike(Protocol):
    duration_ms: int | None
    chapters: list[Any]
    audio_tracks: list[Any]
    error: str | None


Probe = Callable[[str], ProbeLike]
Progress = Callable[[int, int, str], None]


class ImportCancelled(Exception):
    """The user cancelled: nothing was written."""


@dataclass
class FolderReport(ImportReport):
    unchanged_files: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    missing: list[str] = field(default_factory=list)

    def summary(self) -> str:
        s = (
            f"{self.source}: {self.sessions_added} recordings added, {self.sessions_updated} updated, "
            f"{self.unchanged_files} unchanged, {len(self.skipped)} skipped, {len(self.missing)} missing; "
            f"{self.cues} caption cues"
        )
        return s


@dataclass
class _Sidecars:
    captions: list[tuple[Path, str | None]] = field(default_factory=list)  # (file, language)
    chapters_file: Path | None = None
    metadata: Path | None = None

    def files(self) -> list[Path]:
        out = [p for p, _ in self.captions]
        out += [p for p in (self.chapters_file, self.metadata) if p is not None]
        return out


def find_sidecars(media: Path, siblings: list[Path]) -> _Sidecars:
    """NAME.vtt, NAME.en.vtt, NAME.chapters.vtt, NAME.srt, NAME.fr.srt, NAME.json beside NAME.ext."""
    stem = media.stem
    out = _Sidecars()
    for p in siblings:
        name = p.name
        if not name.startswith(stem + ".") or p == media:
            continue
        middle = name[len(stem) + 1 :]
        lower = middle.lower()
        if lower == "json":
            out.metadata = p
        elif lower == "chapters.vtt":
            out.chapters_file = p
        elif lower.endswith(CAPTION_SUFFIXES):
            tag = middle[: -4]
            if tag == "":
                out.captions.append((p, None))
            elif _LANG_TAG.match(tag):
                out.captions.append((p, normalize_lang(tag)))
    out.captions.sort(key=lambda c: (c[1] or "", c[0].name))
    return out


def _stamp(media: Path, st: os.stat_result, side: _Sidecars) -> str:
    h = hashlib.sha1(f"{st.st_size}:{st.st_mtime_ns}".encode())
    for p in side.files():
        try:
            s = p.stat()
            h.update(f"|{p.name}:{s.st_size}:{s.st_mtime_ns}".encode())
        except OSError:
            h.update(f"|{p.name}:gone".encode())
    return h.hexdigest()


def _uid(kind: str, path: Path) -> str:
    return f"{kind}-{hashlib.sha1(str(path).encode()).hexdigest()[:20]}"


def scan(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Media files below ``folder`` (sorted), and what could not be read while walking."""
    media: list[Path] = []
    problems: list[tuple[str, str]] = []

    def onerror(exc: OSError) -> None:
        problems.append((str(exc.filename), exc.strerror or str(exc)))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root) / name
            if p.suffix.lower() in MEDIA_SUFFIXES and not name.startswith("."):
                media.append(p)
        for d in list(dirs):
            if Path(root, d).suffix.lower() in MEDIA_SUFFIXES:
                problems.append((str(Path(root, d)), "is a directory, not a media file"))
    return media, problems


def import_folder(
    catalog: Catalog,
    folder: Path,
    *,
    probe: Probe,
    progress: Progress | None = None,
    cancel: Any = None,
) -> FolderReport:
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise CatalogFileError(str(folder), [Problem("$", "is not a folder")])
    report = FolderReport(str(folder))
    media_files, walk_problems = scan(folder)
    report.skipped.extend(walk_problems)

    with catalog.read() as s:
        known = {
            src: (uid, stamp)
            for src, uid, stamp in s.execute(
                select(m.Recording.source, m.Recording.uid, m.Recording.stamp).where(m.Recording.source.like(str(folder) + os.sep + "%"))
            )
        }

    sessions: list[dict[str, Any]] = []
    total = len(media_files)
    for i, media in enumerate(media_files):
        if cancel is not None and getattr(cancel, "cancelled", False):
            raise ImportCancelled(f"{folder}: import cancelled; nothing was changed")
        if progress is not None:
            progress(i, total, str(media.relative_to(folder)))
        try:
            st = media.stat()
        except OSError as exc:
            report.skipped.append((str(media), exc.strerror or "cannot be read"))
            continue
        if st.st_size == 0:
            report.skipped.append((str(media), "empty file (0 bytes)"))
            continue
        if not os.access(media, os.R_OK):
            report.skipped.append((str(media), "permission denied"))
            continue
        side = find_sidecars(media, list(media.parent.iterdir()))
        stamp = _stamp(media, st, side)
        if known.get(str(media), (None, None))[1] == stamp:
            report.unchanged_files += 1
            continue
        result = probe(str(media))
        if result.error:
            report.skipped.append((str(media), result.error))
            continue
        try:
            session = _session_for(media, st, side, result, stamp)
        except CatalogFileError as exc:
            report.skipped.append((str(media), "; ".join(str(p) for p in exc.problems[:3])))
            continue
        sessions.append(session)
    if progress is not None:
        progress(total, total, "")

    present = {str(p) for p in media_files}
    report.missing = sorted(src for src in known if src not in present and not os.path.exists(src))
    if cancel is not None and getattr(cancel, "cancelled", False):
        raise ImportCancelled(f"{folder}: import cancelled; nothing was changed")

    with catalog.write() as s:
        conn = s.connection()
        writer = CatalogWriter(conn, folder, source=str(folder))
        writer.report = report
        for sess in sessions:
            writer.add_session(sess, ("file", sess["recordings"][0]["media"]))
        if writer.problems:
            # A sidecar that fails to parse skips that recording only (reported), not the folder.
            report.skipped.extend((p.path, p.message) for p in writer.problems)
            writer.problems.clear()
        writer.finish()
        if report.missing:
            conn.execute(update(m.Recording).where(m.Recording.source.in_(report.missing)).values(missing=True))
    report.warnings.extend(f"skipped {path}: {reason}" for path, reason in report.skipped)
    report.warnings.extend(f"missing {path} (kept in the catalog)" for path in report.missing)
    return report


def _session_for(media: Path, st: os.stat_result, side: _Sidecars, result: ProbeLike, stamp: str) -> dict[str, Any]:
    """A session in the catalog format for one media file (NAME.json may add metadata)."""
    meta: dict[str, Any] = {}
    if side.metadata is not None:
        raw = parse_catalog_bytes(side.metadata.read_bytes(), str(side.metadata))
        if not isinstance(raw, dict):
            raise CatalogFileError(str(side.metadata), [Problem("$", "expected a JSON object with session fields")])
        meta = {k: v for k, v in raw.items() if k in ("title", "description", "date", "place", "panels", "sample")}
    title = meta.pop("title", None) or media.stem.replace("_", " ").strip()
    date = meta.pop("date", None) or dt.datetime.fromtimestamp(st.st_mtime, dt.UTC).date().isoformat()
    duration = result.duration_ms
    recording: dict[str, Any] = {"id": _uid("file", media), "media": str(media), "stamp": stamp}
    if duration:
        recording["duration_ms"] = int(duration)
    chapters = _chapters(side, result, meta, duration)
    if chapters:
        recording["chapters"] = chapters
    audio = [{k: v for k, v in (("language", _lang(t.language)), ("label", t.label)) if v} for t in result.audio_tracks]
    if audio:
        recording["audio_tracks"] = audio
    captions = [{"file": str(p), **({"language": lang} if lang else {})} for p, lang in side.captions]
    if captions:
        recording["captions"] = captions
    session = {"id": _uid("folder", media), "title": title, "date": date, **meta, "recordings": [recording]}
    problems = validate_session(session, media.parent, ("file",))
    if problems:
        raise CatalogFileError(str(side.metadata or media), problems)
    return session


def _lang(tag: str | None) -> str | None:
    if not tag or not _LANG_TAG.match(tag):
        return None
    return normalize_lang(tag)


def _chapters(side: _Sidecars, result: ProbeLike, meta: dict[str, Any], duration: int | None) -> list[dict[str, Any]]:
    """Precedence: chapters file > container chapters > description timestamps (docs/chapters.md)."""
    if side.chapters_file is not None:
        from vod_app.formats.captions import load_caption_file
        from vod_app.formats.webvtt import webvtt_chapters

        try:
            marks, _warnings = webvtt_chapters(load_caption_file(side.chapters_file))
        except (OSError, ValueError):
            marks = []
        if marks:
            return _as_chapters(marks, "chapters_file", duration)
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
