"""Editing and removing sessions that came from Add folder, with what Undo needs to put them back.

Only folder-imported sessions are edited here: a catalog file is curated elsewhere and its next
import would silently undo an edit. An edit is written to the catalog rows (so lists and search show
it at once) *and* kept as an override keyed by session uid, which the folder importer applies on
every rescan (docs/folders.md). Removing a session deletes its catalog rows only; the media files and
everything keyed by recording uid (positions, bookmarks, relocations) stay, and its files are
remembered as excluded so a rescan does not bring it back. Undo re-inserts the very rows removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog, CatalogError
from vod_app.catalog.dialects import upsert_insert

TITLE_MAX = 2000


class SessionEditError(CatalogError):
    """An edit, removal or undo that cannot be done; the message names the session and the reason."""


@dataclass(frozen=True)
class SessionFields:
    """What a person may edit on a folder session, as it is now (and its stored override)."""

    session_uid: str
    title: str
    date: dt.date | None
    event_uid: str | None
    override: dict[str, Any] | None = None


@dataclass(frozen=True)
class RemovedSession:
    """Every catalog row of a removed session, to put back on Undo."""

    session_uid: str
    title: str
    sources: tuple[str, ...]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def is_folder_session(conn: Connection, session_id: int) -> bool:
    """Folder import stamps every recording it writes (size/mtime); catalog files cannot."""
    return conn.execute(
        select(m.Recording.id).where(m.Recording.session_id == session_id, m.Recording.stamp.is_not(None)).limit(1)
    ).first() is not None


def _session_row(conn: Connection, session_id: int) -> tuple[str, dt.date | None, int | None]:
    row = conn.execute(select(m.Session.uid, m.Session.date, m.Session.event_id).where(m.Session.id == session_id)).first()
    if row is None:
        raise SessionEditError(f"session {session_id}: no longer in the catalog")
    if not is_folder_session(conn, session_id):
        raise SessionEditError(f"session {row[0]}: comes from a catalog file; edit that file and import it again")
    return row[0], row[1], row[2]


def _title(conn: Connection, session_id: int) -> str:
    t = m.LocalizedText
    rows = dict(conn.execute(select(t.lang, t.title).where(t.owner_kind == "session", t.owner_id == session_id)).all())
    return rows.get("en") or next(iter(rows.values()), "")


def session_fields(catalog: Catalog, session_id: int) -> SessionFields:
    with catalog.read() as s:
        conn = s.connection()
        uid, date, event_id = _session_row(conn, session_id)
        event_uid = conn.execute(select(m.Event.uid).where(m.Event.id == event_id)).scalar() if event_id is not None else None
        override = conn.execute(select(m.SessionOverride.fields).where(m.SessionOverride.session_uid == uid)).scalar()
        return SessionFields(uid, _title(conn, session_id), date, event_uid, dict(override) if override is not None else None)


def _event_id(conn: Connection, event_uid: str | None, new_event_title: str | None) -> tuple[int | None, str | None]:
    if new_event_title:
        name = " ".join(new_event_title.split())[:TITLE_MAX]
        event_uid = "folder-event-" + hashlib.sha1(name.casefold().encode()).hexdigest()[:16]
        eid = conn.execute(select(m.Event.id).where(m.Event.uid == event_uid)).scalar()
        if eid is None:
            eid = conn.execute(insert(m.Event).values(uid=event_uid, organiser=None, year=None).returning(m.Event.id)).scalar_one()
            conn.execute(insert(m.LocalizedText).values(owner_kind="event", owner_id=eid, lang="en", title=name, description=""))
        return eid, event_uid
    if event_uid is None:
        return None, None
    eid = conn.execute(select(m.Event.id).where(m.Event.uid == event_uid)).scalar()
    if eid is None:
        raise SessionEditError(f"event {event_uid!r}: not in the catalog")
    return eid, event_uid


def _write(conn: Connection, session_id: int, title: str, date: dt.date | None, event_id: int | None) -> None:
    conn.execute(update(m.Session).where(m.Session.id == session_id).values(date=date, event_id=event_id))
    t = m.LocalizedText
    # Every language's title: a folder session's title is one name, not a translation.
    changed = conn.execute(update(t).where(t.owner_kind == "session", t.owner_id == session_id).values(title=title)).rowcount
    if not changed:
        conn.execute(insert(t).values(owner_kind="session", owner_id=session_id, lang="en", title=title, description=""))


def _set_override(conn: Connection, uid: str, fields: dict[str, Any] | None) -> None:
    if not fields:
        conn.execute(delete(m.SessionOverride).where(m.SessionOverride.session_uid == uid))
        return
    stmt = upsert_insert(conn.dialect.name)(m.SessionOverride).values(session_uid=uid, fields=fields, updated_at=m.utcnow())
    conn.execute(stmt.on_conflict_do_update(index_elements=["session_uid"], set_={"fields": fields, "updated_at": m.utcnow()}))


def edit_session(
    catalog: Catalog,
    session_id: int,
    *,
    title: str,
    date: dt.date | None,
    event_uid: str | None = None,
    new_event_title: str | None = None,
) -> SessionFields:
    """Set title, date and event of a folder session; returns the fields as they were (for Undo).

    ``new_event_title`` creates an event of that name (or reuses the one made earlier with it).
    """
    title = " ".join(title.split())
    if not title:
        raise SessionEditError("title: must not be empty")
    if len(title) > TITLE_MAX:
        raise SessionEditError(f"title: longer than {TITLE_MAX} characters")
    before = session_fields(catalog, session_id)
    with catalog.write() as s:
        conn = s.connection()
        uid, _date, _eid = _session_row(conn, session_id)
        eid, event_uid = _event_id(conn, event_uid, new_event_title)
        _write(conn, session_id, title, date, eid)
        override = dict(before.override or {})
        for key, old, new in (("title", before.title, title), ("date", before.date, date), ("event", before.event_uid, event_uid)):
            if old != new:
                override[key] = new.isoformat() if isinstance(new, dt.date) else new
        _set_override(conn, uid, override)
    return before


def restore_fields(catalog: Catalog, session_id: int, fields: SessionFields) -> None:
    """Put back fields returned by :func:`edit_session` (Undo), override included."""
    with catalog.write() as s:
        conn = s.connection()
        _session_row(conn, session_id)
        eid, _uid = _event_id(conn, fields.event_uid, None) if fields.event_uid else (None, None)
        _write(conn, session_id, fields.title, fields.date, eid)
        _set_override(conn, fields.session_uid, fields.override)


# Parents first, so foreign keys hold while rows are put back.
_TABLES = (
    m.Session,
    m.SessionLanguage,
    m.Speaker,
    m.SpeakerTerm,
    m.Panel,
    m.LocalizedText,
    m.Recording,
    m.RecordingPanel,
    m.Chapter,
    m.Intervention,
    m.AudioTrack,
    m.CaptionTrack,
    m.Cue,
)


def _rows(conn: Connection, session_id: int) -> dict[str, list[dict[str, Any]]]:
    rec_ids = select(m.Recording.id).where(m.Recording.session_id == session_id)
    panel_ids = select(m.Panel.id).where(m.Panel.session_id == session_id)
    speaker_ids = select(m.Speaker.id).where(m.Speaker.session_id == session_id)
    t = m.LocalizedText
    where = {
        m.Session: m.Session.id == session_id,
        m.SessionLanguage: m.SessionLanguage.session_id == session_id,
        m.Speaker: m.Speaker.session_id == session_id,
        m.SpeakerTerm: m.SpeakerTerm.speaker_id.in_(speaker_ids),
        m.Intervention: m.Intervention.speaker_id.in_(speaker_ids),
        m.Panel: m.Panel.session_id == session_id,
        m.LocalizedText: ((t.owner_kind == "session") & (t.owner_id == session_id)) | ((t.owner_kind == "panel") & t.owner_id.in_(panel_ids)),
        m.Recording: m.Recording.session_id == session_id,
        m.RecordingPanel: m.RecordingPanel.recording_id.in_(rec_ids),
        m.Chapter: m.Chapter.recording_id.in_(rec_ids),
        m.AudioTrack: m.AudioTrack.recording_id.in_(rec_ids),
        m.CaptionTrack: m.CaptionTrack.recording_id.in_(rec_ids),
        m.Cue: m.Cue.recording_id.in_(rec_ids),
    }
    out: dict[str, list[dict[str, Any]]] = {}
    for table in _TABLES:
        tbl = table.__table__
        out[tbl.name] = [dict(r) for r in conn.execute(select(tbl).where(where[table])).mappings()]
    return out


def delete_session_rows(conn: Connection, session_id: int) -> None:
    """Delete a session's catalog rows (never user state, never files)."""
    rec_ids = select(m.Recording.id).where(m.Recording.session_id == session_id)
    panel_ids = select(m.Panel.id).where(m.Panel.session_id == session_id)
    t = m.LocalizedText
    # Cues and texts have no foreign key to their owner (search indexes): delete them explicitly.
    conn.execute(delete(m.Cue).where(m.Cue.recording_id.in_(rec_ids)))
    conn.execute(delete(t).where(t.owner_kind == "panel", t.owner_id.in_(panel_ids)))
    conn.execute(delete(t).where(t.owner_kind == "session", t.owner_id == session_id))
    conn.execute(delete(m.Session).where(m.Session.id == session_id))  # cascades to the rest


def remove_session(catalog: Catalog, session_id: int) -> RemovedSession:
    """Remove a folder session from the catalog (files untouched) and exclude its files from rescans."""
    with catalog.write() as s:
        conn = s.connection()
        uid, _date, _eid = _session_row(conn, session_id)
        title = _title(conn, session_id)
        rows = _rows(conn, session_id)
        sources = tuple(r["source"] for r in rows["recordings"])
        delete_session_rows(conn, session_id)
        for src in sources:
            stmt = upsert_insert(conn.dialect.name)(m.ExcludedFile).values(source=src, session_uid=uid, excluded_at=m.utcnow())
            conn.execute(stmt.on_conflict_do_update(index_elements=["source"], set_={"session_uid": uid}))
    return RemovedSession(uid, title, sources, rows)


def restore_session(catalog: Catalog, removed: RemovedSession) -> None:
    """Undo :func:`remove_session`: the same rows, ids and uids; the files are no longer excluded."""
    try:
        with catalog.write() as s:
            conn = s.connection()
            for table in _TABLES:
                rows = removed.rows.get(table.__tablename__, [])
                if rows:
                    conn.execute(insert(table.__table__), rows)
            conn.execute(delete(m.ExcludedFile).where(m.ExcludedFile.source.in_(removed.sources)))
    except IntegrityError as exc:
        raise SessionEditError(
            f"session {removed.title!r}: could not be put back, the catalog changed meanwhile ({exc.orig}); "
            "add its folder again instead"
        ) from exc


_RECORDING_TABLES = (m.Recording, m.Chapter, m.AudioTrack, m.CaptionTrack, m.Cue)


def recording_rows(conn: Connection, sources: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The catalog rows of folder recordings (by file), to carry them over a session's rewrite."""
    rec_ids = select(m.Recording.id).where(m.Recording.source.in_(sources), m.Recording.stamp.is_not(None))
    out: dict[str, list[dict[str, Any]]] = {}
    for table in _RECORDING_TABLES:
        tbl = table.__table__
        col = tbl.c.id if table is m.Recording else tbl.c.recording_id
        out[tbl.name] = [dict(r) for r in conn.execute(select(tbl).where(col.in_(rec_ids))).mappings()]
    return out


def put_back_recordings(conn: Connection, rows: dict[str, list[dict[str, Any]]], session_id: int, position: int) -> None:
    """Insert rows from :func:`recording_rows` under ``session_id``, after its other recordings."""
    for i, rec in enumerate(sorted(rows.get("recordings", []), key=lambda r: r["position"])):
        rec.update(session_id=session_id, position=position + i)
    for table in _RECORDING_TABLES:
        if rows.get(table.__tablename__):
            conn.execute(insert(table.__table__), rows[table.__tablename__])


def include_again(catalog: Catalog, sources: list[str]) -> int:
    """Lift the exclusion of files removed earlier (the next scan adds them); returns how many."""
    with catalog.write() as s:
        n = 0
        for chunk in (sources[i : i + 900] for i in range(0, len(sources), 900)):
            n += s.execute(delete(m.ExcludedFile).where(m.ExcludedFile.source.in_(chunk))).rowcount
        return n


def excluded_sources(conn: Connection, prefix: str) -> set[str]:
    """Files below ``prefix`` (a folder path ending in a separator) that a person removed."""
    return set(conn.execute(select(m.ExcludedFile.source).where(m.ExcludedFile.source.like(prefix + "%"))).scalars())


def overrides(conn: Connection, uids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for chunk in (uids[i : i + 900] for i in range(0, len(uids), 900)):
        q = select(m.SessionOverride.session_uid, m.SessionOverride.fields).where(m.SessionOverride.session_uid.in_(chunk))
        out.update({uid: dict(f) for uid, f in conn.execute(q)})
    return out
