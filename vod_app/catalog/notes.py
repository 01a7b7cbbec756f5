"""Notes: a person's bookmarks with where they are (session, event, panel), and notes files merged in.

The bookmarks themselves are user state (UserStateRepository: person-keyed, tombstoned, never
touched by imports); this module only reads the catalog around them and merges files by uid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.user_state import UserStateRepository
from vod_app.domain.notes import ImportedNote, Note, read_csv, read_vtt
from vod_app.domain.timeline import Timeline

ALL = 100_000  # a person's notes: thousands at most; the pages filter in memory


def list_notes(
    catalog: Catalog, user: UserStateRepository, *, session_id: int | None = None, event_uid: str | None = None,
    query: str = "", recording_uid: str | None = None, prefs: Sequence[str] = ("en",),
) -> list[Note]:
    """This person's notes, newest first, with their session's title, event, date and panel."""
    marks = user.bookmarks(recording_uid, limit=ALL)
    uids = sorted({b.recording_uid for b in marks})
    with catalog.read() as s:
        rows = s.execute(
            select(m.Recording.uid, m.Recording.id, m.Recording.session_id, m.Event.uid)
            .join(m.Session, m.Session.id == m.Recording.session_id)
            .outerjoin(m.Event, m.Event.id == m.Session.event_id)
            .where(m.Recording.uid.in_(uids))
        ).all() if uids else []
    where = {r[0]: (r[1], r[2], r[3] or "") for r in rows}
    repo = CatalogRepository(catalog, user.person)
    details: dict[int, object] = {}
    notes: list[Note] = []
    needle = query.strip().casefold()
    for b in marks:
        rid, sid, euid = where.get(b.recording_uid, (None, None, ""))
        if session_id is not None and sid != session_id:
            continue
        if event_uid and euid != event_uid:
            continue
        d = None
        if sid is not None:
            if sid not in details:
                details[sid] = repo.session_detail(sid, prefs)
            d = details[sid]
        panel = ""
        if d is not None and b.panel_uid:
            panel = next((p.title or (f"Panel {p.number}" if p.number else "") for p in d.panels if p.uid == b.panel_uid), "")
        note = Note(
            uid=b.bookmark_uid, recording_uid=b.recording_uid, position_ms=b.position_ms, text=b.note,
            created_at=b.created_at, recording_id=rid, session_id=sid, session_uid=d.uid if d else "",
            session_title=d.title if d else "", event_title=d.event_title if d else "", event_uid=euid,
            date=d.date if d else None, panel=panel, speaker=b.speaker or "", updated_at=b.updated_at,
        )
        if needle and not any(needle in f.casefold() for f in (note.text, note.session_title, note.event_title, note.panel, note.speaker)):
            continue
        notes.append(note)
    return notes


def panel_uid_at(catalog: Catalog, recording_id: int, position_ms: int) -> str | None:
    """The uid of the panel on screen at ``position_ms`` (from the catalog's panel ranges), if any."""
    repo = CatalogRepository(catalog)
    with catalog.read() as s:
        rec = repo._recordings(s.connection(), [recording_id]).get(recording_id)
        if rec is None:
            return None
        pid = Timeline.build(rec.chapters, rec.panel_ranges).panel_at(position_ms)
        if pid is None:
            return None
        return s.execute(select(m.Panel.uid).where(m.Panel.id == pid)).scalar()


def resolve_target(catalog: Catalog, kind: str, ident: str) -> tuple[int, str, int | None]:
    """A recording or session named by id or uid -> (recording id, recording uid, duration ms).

    A session means its first recording. ValueError names what was not found.
    """
    with catalog.read() as s:
        q = select(m.Recording.id, m.Recording.uid, m.Recording.duration_ms)
        if kind in ("recording", "any"):
            cond = m.Recording.uid == ident if not ident.isdigit() else m.Recording.id == int(ident)
            row = s.execute(q.where(cond)).first()
            if row is not None or kind == "recording":
                if row is None:
                    raise ValueError(f"no recording {ident!r} in this catalog")
                return row[0], row[1], row[2]
        sid = int(ident) if ident.isdigit() else s.execute(select(m.Session.id).where(m.Session.uid == ident)).scalar()
        row = s.execute(q.where(m.Recording.session_id == sid).order_by(m.Recording.position, m.Recording.id)).first() if sid else None
        if row is None:
            raise ValueError(f"no session or recording {ident!r} in this catalog" if kind == "any" else f"no session {ident!r} in this catalog")
        return row[0], row[1], row[2]


def read_notes_file(path: Path) -> list[ImportedNote]:
    """A notes file exported by this app (.csv or .vtt); ValueError names the file and the problem."""
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8-sig")
    if suffix == ".csv":
        return read_csv(text, path.name)
    if suffix == ".vtt":
        return read_vtt(text, path.name)
    raise ValueError(f"{path.name}: notes files are .csv or .vtt (exported by 'vod-app notes export')")


def merge_notes(user: UserStateRepository, incoming: Sequence[ImportedNote]) -> tuple[int, int]:
    """Adds the notes not already here -> (added, already here).

    Same uid (an export of ours) = the same note, even if deleted here since (the tombstone wins);
    notes without a uid match on (recording, time, text).
    """
    have = user.bookmarks_all_uids()
    same = {(b.recording_uid, b.position_ms, b.note) for b in user.bookmarks(limit=ALL)}
    added = known = 0
    for n in incoming:
        if (n.uid and n.uid in have) or (n.recording_uid, n.position_ms, n.text) in same:
            known += 1
            continue
        uid = user.add_bookmark(n.recording_uid, n.position_ms, n.text, uid=n.uid or None,
                                created_at=n.created_at or dt.datetime.now(dt.UTC))
        have.add(uid)
        same.add((n.recording_uid, n.position_ms, n.text))
        added += 1
    return added, known
