"""Importing a folder of recordings: media files, their sidecars, chapters and captions.

Two phases: scan and probe every new or changed file (slow, no database lock held), then write
everything in one transaction. Unchanged files (same size and mtime, same sidecars) are not probed
again; files that disappeared are reported and kept, with their user state, until the user removes
them. Unreadable, corrupt and empty files are skipped and listed with the reason.

Probing media is the playback layer's job: the caller hands in a ``probe`` function (the catalog
layer never imports libvlc).

This module runs the import and writes it; its parts: catalog/folder_files.py (media files and
their sidecars), catalog/folder_sessions.py (which files make one session) and
catalog/folder_records.py (each recording and session in the catalog format).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog
from vod_app.catalog.dialects import serialise_content_writes
from vod_app.catalog.folder_files import Sidecars, file_stamp, find_sidecars, scan
from vod_app.catalog.folder_records import ProbeLike, recording_for, session_for
from vod_app.catalog.folder_sessions import plan_sessions
from vod_app.catalog.importer import CatalogWriter, ImportReport
from vod_app.catalog.sessions_edit import (
    delete_session_rows,
    excluded_sources,
    overrides,
    put_back_recordings,
    recording_rows,
)
from vod_app.catalog.sidecars import write_extras
from vod_app.catalog.validation import CatalogFileError, Problem
from vod_app.domain.texts import plural

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

    readable: dict[Path, tuple[os.stat_result, Sidecars, str]] = {}
    listings: dict[Path, list[Path]] = {}
    for media in media_files:
        st = _readable(media, report, known.excluded)
        if st is None:
            continue
        if media.parent not in listings:
            listings[media.parent] = list(media.parent.iterdir())
        side = find_sidecars(media, listings[media.parent])
        readable[media] = (st, side, file_stamp(media, st, side))
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
                recordings.append((media, *recording_for(media, side, result, stamp)))
            except CatalogFileError as exc:
                report.skipped.append((str(media), "; ".join(str(p) for p in exc.problems[:3])))
        if recordings:
            try:
                sessions.append(session_for(group, recordings, readable))
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
        serialise_content_writes(conn)
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
