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

from sqlalchemy import func, select, update

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog
from vod_app.catalog.importer import CatalogWriter, ImportReport
from vod_app.catalog.sessions_edit import (
    delete_session_rows,
    excluded_sources,
    overrides,
    put_back_recordings,
    recording_rows,
)
from vod_app.catalog.sidecars import (
    CONTAINER,
    FILE_NAME,
    FILE_TIME,
    INFO_JSON,
    Gathered,
    gather,
    write_extras,
)
from vod_app.catalog.validation import (
    CatalogFileError,
    Problem,
    normalize_lang,
    validate_session,
)
from vod_app.domain.texts import plural
from vod_app.formats.mediafile import MEDIA_SUFFIXES
from vod_app.formats.names import find_date, find_part, tidy_title

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
    recordings_added: int = 0  # files new to the catalog (a session may group several)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    missing: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # skipped because a person removed their session

    def summary(self) -> str:
        return (
            f"{self.source}: {plural(self.recordings_added, 'recording')} added "
            f"({plural(self.sessions_added, 'session')} added, {self.sessions_updated} updated), "
            f"{self.unchanged_files} unchanged, {len(self.skipped)} skipped, {len(self.missing)} missing; "
            f"{plural(self.cues, 'caption cue')}"
        )


THUMBNAIL_SUFFIXES = ("jpg", "jpeg", "png", "webp")


@dataclass
class _Sidecars:
    captions: list[tuple[Path, str | None]] = field(default_factory=list)  # (file, language)
    chapters_file: Path | None = None
    metadata: Path | None = None
    info_json: Path | None = None  # yt-dlp
    nfo: Path | None = None  # Kodi NAME.nfo
    show_nfo: Path | None = None  # Kodi tvshow.nfo of the folder (or the one above a season folder)
    thumbnail: Path | None = None
    original_captions: set[Path] = field(default_factory=set)  # yt-dlp's NAME.LANG-orig.vtt

    def files(self) -> list[Path]:
        out = [p for p, _ in self.captions]
        out += [p for p in (self.chapters_file, self.metadata, self.info_json, self.nfo, self.show_nfo, self.thumbnail) if p is not None]
        return out


def find_sidecars(media: Path, siblings: list[Path]) -> _Sidecars:
    """NAME.vtt, NAME.en.vtt, NAME.chapters.vtt, NAME.srt, NAME.fr.srt, NAME.json beside NAME.ext;
    yt-dlp's NAME.info.json, NAME.en-orig.vtt and NAME.jpg/.png/.webp; Kodi's NAME.nfo and tvshow.nfo."""
    stem = media.stem
    out = _Sidecars()
    for p in siblings:
        name = p.name
        if name.lower() == "tvshow.nfo":
            out.show_nfo = p
        if not name.startswith(stem + ".") or p == media:
            continue
        middle = name[len(stem) + 1 :]
        lower = middle.lower()
        if lower == "json":
            out.metadata = p
        elif lower == "info.json":
            out.info_json = p
        elif lower == "nfo":
            out.nfo = p
        elif lower in THUMBNAIL_SUFFIXES:
            if out.thumbnail is None or THUMBNAIL_SUFFIXES.index(lower) < THUMBNAIL_SUFFIXES.index(out.thumbnail.suffix[1:].lower()):
                out.thumbnail = p
        elif lower == "chapters.vtt":
            out.chapters_file = p
        elif lower.endswith(CAPTION_SUFFIXES):
            tag = middle[: -4]
            if tag.lower().endswith("-orig"):  # yt-dlp: the track in the language spoken
                tag = tag[: -len("-orig")]
                out.original_captions.add(p)
            if tag == "":
                out.captions.append((p, None))
            elif _LANG_TAG.match(tag):
                out.captions.append((p, normalize_lang(tag)))
    if out.nfo is None and sum(1 for p in siblings if p.suffix.lower() in MEDIA_SUFFIXES) == 1:
        # Kodi's movie.nfo describes the one film of its folder.
        out.nfo = next((p for p in siblings if p.name.lower() == "movie.nfo"), None)
    if out.show_nfo is None:
        above = media.parent.parent / "tvshow.nfo"  # Kodi: Show/tvshow.nfo, Show/Season 1/episode.mkv
        if above.is_file():
            out.show_nfo = above
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


@dataclass
class _Group:
    """The recordings of one session, as the names say (docs/folders.md)."""

    uid: str
    title: str  # from the name; a person's edit (override) wins
    date: dt.date | None  # from the name, else None (then the first recording's file time)
    members: list[Path] = field(default_factory=list)
    grouped: bool = False  # several recordings may share the session: each gets its own title


def _dated_ancestor(media: Path) -> dt.date | None:
    """The date in the nearest folder name above the file. All the way up, not only up to the added
    folder: a file gets the same date whichever of its folders was added."""
    for parent in media.parents:
        found = find_date(parent.name)
        if found is not None:
            return found.date
    return None


def _natural(name: str) -> tuple[Any, ...]:
    return tuple(int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", name))


def plan_sessions(media_files: list[Path]) -> list[_Group]:
    """Which files make one session. A file's session uid depends on its path only, so a rescan of
    the same files gives the same sessions, whatever else is in the folder:

    * every media file directly in a folder whose name holds a date ("2019-05-10 Council") is one
      session named after the folder;
    * else files of one folder whose names differ only by a part number ("Plenary part 1",
      "Plenary (2)", "Plenary_pt3") are one session, recordings in part order;
    * else a file is a session of its own (uid as before grouping existed).
    """
    groups: dict[str, _Group] = {}
    order: dict[Path, tuple[Any, ...]] = {}
    for media in media_files:
        parent = media.parent
        named = find_date(media.stem)
        # The part number is read with the date left out: "Plenary part 1 2019-05-10" is part 1.
        bare = media.stem if named is None else f"{media.stem[: named.start]} {media.stem[named.end :]}".strip(" _-.")
        part = find_part(bare)
        folder_date = find_date(parent.name)
        if folder_date is not None:
            key = f"dir:{parent}"
            uid = _uid("folder", Path(key))
            group = groups.setdefault(uid, _Group(uid, tidy_title(parent.name), folder_date.date, grouped=True))
            order[media] = _natural(media.name)
        elif part is not None:
            # Parts of one name recorded on different days are different sessions.
            key = f"parts:{parent}{os.sep}{part.key}" + (f"@{named.date.isoformat()}" if named else "")
            uid = _uid("folder", Path(key))
            date = named.date if named else _dated_ancestor(media)
            group = groups.setdefault(uid, _Group(uid, tidy_title(part.base), date, grouped=True))
            order[media] = (part.number, _natural(media.name))
        else:
            uid = _uid("folder", media)
            group = groups.setdefault(uid, _Group(uid, tidy_title(media.stem), named.date if named else _dated_ancestor(media)))
            order[media] = ()
        group.members.append(media)
    for group in groups.values():
        group.members.sort(key=lambda p: order[p])
        if len(group.members) == 1 and group.grouped and find_date(group.members[0].parent.name) is None:
            group.title = tidy_title(group.members[0].stem)  # one part alone keeps its whole name
    return list(groups.values())


@dataclass
class _Known:
    """What the catalog holds from earlier scans of this folder."""

    recordings: dict[str, tuple[str, str | None, str]]  # source -> (recording uid, stamp, session uid)
    sessions: dict[str, tuple[int, set[str]]]  # session uid -> (id, sources)
    excluded: set[str]


def _known(catalog: Catalog, folder: Path) -> _Known:
    prefix = str(folder) + os.sep
    with catalog.read() as s:
        conn = s.connection()
        rows = conn.execute(
            select(m.Recording.source, m.Recording.uid, m.Recording.stamp, m.Session.uid, m.Session.id)
            .join(m.Session, m.Session.id == m.Recording.session_id)
            # Only what folder import wrote (stamped): a catalog file's recordings are not ours to regroup.
            .where(m.Recording.source.like(prefix + "%"), m.Recording.stamp.is_not(None))
        ).all()
        recordings = {src: (ruid, stamp, suid) for src, ruid, stamp, suid, _sid in rows}
        sessions: dict[str, tuple[int, set[str]]] = {}
        for src, _ruid, _stamp, suid, sid in rows:
            sessions.setdefault(suid, (sid, set()))[1].add(src)
        excluded = excluded_sources(conn, prefix)
    return _Known(recordings, sessions, excluded)


def _readable(media: Path, report: FolderReport, excluded: set[str]) -> os.stat_result | None:
    if str(media) in excluded:
        report.skipped.append((str(media), "removed from the catalog earlier (its session was removed); not added again"))
        report.excluded.append(str(media))
        return None
    try:
        st = media.stat()
    except OSError as exc:
        report.skipped.append((str(media), exc.strerror or "cannot be read"))
        return None
    if st.st_size == 0:
        report.skipped.append((str(media), "empty file (0 bytes)"))
        return None
    if not os.access(media, os.R_OK):
        report.skipped.append((str(media), "permission denied"))
        return None
    return st


def import_folder(
    catalog: Catalog,
    folder: Path,
    *,
    probe: Probe,
    progress: Progress | None = None,
    cancel: Any = None,
) -> FolderReport:
    """Scan ``folder``, probe what is new or changed, write it all in one transaction."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise CatalogFileError(str(folder), [Problem("$", "is not a folder")])
    report = FolderReport(str(folder))
    media_files, walk_problems = scan(folder)
    report.skipped.extend(walk_problems)
    known = _known(catalog, folder)

    def check_cancel() -> None:
        if cancel is not None and getattr(cancel, "cancelled", False):
            raise ImportCancelled(f"{folder}: import cancelled; nothing was changed")

    readable: dict[Path, tuple[os.stat_result, _Sidecars, str]] = {}
    listings: dict[Path, list[Path]] = {}
    for media in media_files:
        st = _readable(media, report, known.excluded)
        if st is None:
            continue
        if media.parent not in listings:
            listings[media.parent] = list(media.parent.iterdir())
        side = find_sidecars(media, listings[media.parent])
        readable[media] = (st, side, _stamp(media, st, side))
    groups = plan_sessions(list(readable))
    planned = {g.uid for g in groups}

    sessions: list[dict[str, Any]] = []
    total, done = len(readable), 0
    for group in groups:
        check_cancel()
        old = known.sessions.get(group.uid)
        old_present = {src for src in old[1] if Path(src) in readable} if old else set()
        if old is not None and old_present == {str(p) for p in group.members} and all(
            known.recordings.get(str(p), (None, None, None))[1:] == (readable[p][2], group.uid) for p in group.members
        ):
            report.unchanged_files += len(group.members)
            done += len(group.members)
            continue
        recordings: list[tuple[Path, dict[str, Any], dict[str, Any]]] = []
        for media in group.members:
            if progress is not None:
                progress(done, total, str(media.relative_to(folder)))
            done += 1
            check_cancel()
            st, side, stamp = readable[media]
            result = probe(str(media))
            if result.error:
                report.skipped.append((str(media), result.error))
                continue
            try:
                recordings.append((media, *_recording_for(media, side, result, stamp)))
            except CatalogFileError as exc:
                report.skipped.append((str(media), "; ".join(str(p) for p in exc.problems[:3])))
        if recordings:
            try:
                sessions.append(_session_for(group, recordings, readable))
            except CatalogFileError as exc:
                reason = "; ".join(str(p) for p in exc.problems[:3])
                report.skipped.extend((str(p), reason) for p, _r, _m in recordings)
    if progress is not None:
        progress(total, total, "")

    present = {str(p) for p in media_files}
    report.missing = sorted(src for src in known.recordings if src not in present and not os.path.exists(src))
    # Sessions an earlier scan (or an earlier version's rules) made of files that now belong to
    # another session: their recordings move (same recording uid, so positions stay with them).
    stale = [sid for uid, (sid, srcs) in known.sessions.items() if uid not in planned and any(Path(s) in readable for s in srcs)]
    # A rewritten session keeps its recordings whose files disappeared (reported missing, as ever).
    gone = set(report.missing)
    keep: dict[str, list[str]] = {}
    for sess in sessions:
        old = known.sessions.get(sess["id"])
        if old is not None and old[1] & gone:
            keep[sess["id"]] = sorted(old[1] & gone)
    check_cancel()
    # A yt-dlp playlist's sessions are written last item first: lists show a day's sessions newest
    # (highest id) first, so videos of one upload day read in playlist order.
    sessions.sort(key=lambda sess: -(sess.get("_extra", {}).get("provenance", {}).get("playlist_index") or 0))

    with catalog.write() as s:
        conn = s.connection()
        for sid in stale:
            delete_session_rows(conn, sid)
        sessions = _apply_person_edits(conn, folder, sessions, report)
        kept = {uid: recording_rows(conn, srcs) for uid, srcs in keep.items()}
        writer = CatalogWriter(conn, folder, source=str(folder))
        writer.report = report
        extras = {sess["id"]: sess.pop("_extra", {}) for sess in sessions}
        events_added: set[str] = set()  # once per import: the writer buffers an event's texts
        for sess in sessions:
            event = extras[sess["id"]].get("event")
            if event and sess.get("event") == event["id"] and event["id"] not in events_added:  # not replaced by an edit
                writer.add_event({k: v for k, v in event.items() if v is not None})
                events_added.add(event["id"])
            writer.add_session(sess, ("file", sess["recordings"][0]["media"]))
        writer_problems = list(writer.problems)
        if writer.problems:
            # A sidecar that fails to parse skips that session only (reported), not the folder.
            report.skipped.extend((p.path, p.message) for p in writer.problems)
            writer.problems.clear()
        writer.finish()
        write_extras(conn, extras)
        for uid, rows in kept.items():
            ids = [r["id"] for r in rows["recordings"]]
            if not ids or conn.execute(select(m.Recording.id).where(m.Recording.id.in_(ids))).first() is not None:
                continue  # the session was not rewritten (refused, or removed meanwhile): its rows are there
            row = conn.execute(
                select(m.Session.id, func.count(m.Recording.id)).join(m.Recording, isouter=True).where(m.Session.uid == uid).group_by(m.Session.id)
            ).first()
            if row is not None:
                put_back_recordings(conn, rows, row[0], row[1])
        # A session the writer refused is named in its problems' paths ("$.file./a/b.mkv...").
        written = [sess for sess in sessions if not any(sess["recordings"][0]["media"] in p.path for p in writer_problems)]
        report.recordings_added = sum(1 for sess in written for rec in sess["recordings"] if rec["media"] not in known.recordings)
        if report.missing:
            conn.execute(update(m.Recording).where(m.Recording.source.in_(report.missing)).values(missing=True))
    report.warnings.extend(f"skipped {path}: {reason}" for path, reason in report.skipped)
    report.warnings.extend(f"missing {path} (kept in the catalog)" for path in report.missing)
    return report


def _apply_person_edits(conn: Any, folder: Path, sessions: list[dict[str, Any]], report: FolderReport) -> list[dict[str, Any]]:
    """Edits and removals read inside the write transaction: one made while this scan was probing
    (in the app, while the command line scans) is applied, not overwritten."""
    excluded = excluded_sources(conn, str(folder) + os.sep)
    edits = overrides(conn, [sess["id"] for sess in sessions])
    out = []
    for sess in sessions:
        removed = [r["media"] for r in sess["recordings"] if r["media"] in excluded]
        report.skipped.extend((src, "removed from the catalog meanwhile; not added again") for src in removed)
        sess["recordings"] = [r for r in sess["recordings"] if r["media"] not in excluded]
        if not sess["recordings"]:
            continue
        for key, value in edits.get(sess["id"], {}).items():
            if key in ("title", "date", "event"):
                if value is None:
                    sess.pop(key, None)
                else:
                    sess[key] = value
        out.append(sess)
    return out


def _recording_for(media: Path, side: _Sidecars, result: ProbeLike, stamp: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """One recording in the catalog format, and the session metadata its sidecars give
    (``_extra``: provenance, event, thumbnail, tags; see catalog/sidecars.py)."""
    got = gather(side)
    meta = got.meta
    duration = result.duration_ms or got.duration_ms
    sources = dict(got.provenance)
    recording: dict[str, Any] = {"id": _uid("file", media), "media": str(media), "stamp": stamp}
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


def _session_for(
    group: _Group,
    recordings: list[tuple[Path, dict[str, Any], dict[str, Any]]],
    readable: dict[Path, tuple[os.stat_result, _Sidecars, str]],
) -> dict[str, Any]:
    """A session in the catalog format. Date: sidecars (NAME.json > info.json > nfo) > the name > the
    first file's time. Title: sidecars (one file) > the name. (A person's edit wins over all:
    _apply_person_edits.) Provenance, event and thumbnails ride along in ``_extra`` (not validated,
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
    if not tag or not _LANG_TAG.match(tag):
        return None
    return normalize_lang(tag)


def _chapters(side: _Sidecars, result: ProbeLike, meta: dict[str, Any], duration: int | None, got: Gathered) -> list[dict[str, Any]]:
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
