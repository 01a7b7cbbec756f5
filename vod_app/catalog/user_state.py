"""``UserStateRepository``: what a person made in the catalog, kept apart from what imports write
(docs/user-state.md)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update

from vod_app.catalog import models as m
from vod_app.catalog.database import UNREACHABLE, Catalog
from vod_app.catalog.dialects import upsert_insert
from vod_app.domain.records import BookmarkRecord

TOMBSTONE_DAYS = 30


class UserStateRepository:
    """One person's positions, history, bookmarks and preferences, and this device's relocations.

    Bound to the person once (``person``, else ``--user``/``VOD_APP_USER``/the login name): every
    query on these tables has the person (or the device) in its WHERE, and no caller passes ids
    around. Never touched by an import.

    On a catalog server, a write that cannot reach it is kept in a local queue (catalog/pending.py)
    and sent, in order, by the next write or :meth:`flush_pending` once the server answers;
    ``on_status`` hears "catalog server unreachable, retrying" and when it is back.
    """

    def __init__(
        self, catalog: Catalog, person: str | None = None, device: str | None = None, *, pending_file: Path | None = None
    ) -> None:
        from vod_app.paths import app_paths, current_device, current_person

        self.catalog = catalog
        self.person = person or current_person()
        self.device = device or current_device()
        self._insert = upsert_insert(catalog.engine.dialect.name)  # the dialect's INSERT … ON CONFLICT, chosen once
        self._pid: int | None = None
        self.on_status: Callable[[str], None] | None = None
        self._pending = None
        if not catalog.is_sqlite:
            from vod_app.catalog.pending import PendingWrites

            key = catalog.engine.url.render_as_string(hide_password=True)
            self._pending = PendingWrites(pending_file or app_paths().data_dir / "pending-writes.sqlite3", key, self.person)
        self._queued = bool(self._pending is not None and self._pending.items())

    @property
    def person_id(self) -> int:
        if self._pid is None:
            from vod_app.catalog.people import person_id

            self._pid = person_id(self.catalog, self.person)
        return self._pid

    # --- writes: one (operation, arguments) each, so a write can wait in the queue ---

    def _write(self, op: str, args: dict[str, Any]) -> None:
        if self._pending is None:
            self._apply(op, args)
            return
        from vod_app.catalog.database import ServerUnreachableError

        if not self._queued:
            try:
                self._apply(op, args)
                return
            except ServerUnreachableError:
                self._queued = True
                self._status(UNREACHABLE)
        self._pending.add(op, args)  # behind the ones already waiting: order is kept
        self.flush_pending()

    def flush_pending(self) -> bool:
        """Send the queued writes in order; True when none is left (the server answered)."""
        if self._pending is None or not self._queued:
            return True
        from vod_app.catalog.database import ServerUnreachableError

        sent = 0
        for item_id, op, args in self._pending.items():
            try:
                self._apply(op, args)
            except ServerUnreachableError:
                return False
            self._pending.done(item_id)
            sent += 1
        self._queued = False
        self._status(f"catalog server reachable again; {sent} pending writes sent")
        return True

    @property
    def has_pending(self) -> bool:
        """Writes wait for the server (no disk read: cheap enough for a GUI timer)."""
        return self._queued

    @property
    def pending(self) -> int:
        return 0 if self._pending is None else len(self._pending)

    def _status(self, message: str) -> None:
        if self.on_status is not None:
            self.on_status(message)

    def _apply(self, op: str, a: dict[str, Any]) -> None:
        pid = self.person_id  # before the write: resolving may write itself (catalog/people.py)
        b = m.Bookmark
        if op == "position" and not self.catalog.is_sqlite:
            # The hot write (every 5 s per viewer): one statement, one round trip to the server.
            with self.catalog.autocommit() as conn:
                conn.execute(self._position_upsert(pid, a))
            return
        with self.catalog.write() as s:
            if op == "position":
                s.execute(self._position_upsert(pid, a))
            elif op == "bookmark":
                now = dt.datetime.fromisoformat(a["at"])
                stmt = self._insert(b).values(
                    uid=a["uid"], person_id=pid, recording_uid=a["recording_uid"], position_ms=a["position_ms"], note=a["note"],
                    panel_uid=a["panel_uid"], speaker=a["speaker"], updated_at=now,
                    created_at=dt.datetime.fromisoformat(a["created_at"]) if a.get("created_at") else now,
                )
                s.execute(stmt.on_conflict_do_nothing(index_elements=["uid"]))
            elif op == "edit_bookmark":
                s.execute(update(b).where(b.person_id == pid, b.uid == a["uid"]).values(note=a["note"], updated_at=dt.datetime.fromisoformat(a["at"])))
            elif op == "delete_bookmark":
                now = dt.datetime.fromisoformat(a["at"])
                s.execute(update(b).where(b.person_id == pid, b.uid == a["uid"], b.deleted_at.is_(None)).values(deleted_at=now, updated_at=now))
                s.execute(delete(b).where(b.person_id == pid, b.deleted_at < now - dt.timedelta(days=TOMBSTONE_DAYS)))
            elif op == "restore_bookmark":
                s.execute(update(b).where(b.person_id == pid, b.uid == a["uid"]).values(deleted_at=None, updated_at=dt.datetime.fromisoformat(a["at"])))
            elif op == "preference":
                stmt = self._insert(m.Preference).values(person_id=pid, key=a["key"], value=a["value"])
                s.execute(stmt.on_conflict_do_update(index_elements=["person_id", "key"], set_={"value": a["value"]}))
            elif op == "relocate":
                stmt = self._insert(m.Relocation).values(device=self.device, recording_uid=a["recording_uid"], path=a["path"])
                s.execute(stmt.on_conflict_do_update(index_elements=["device", "recording_uid"], set_={"path": a["path"]}))
            else:  # a queue written by a newer version: kept, not guessed at
                raise ValueError(f"unknown pending write {op!r}")

    def _position_upsert(self, pid: int, a: dict[str, Any]) -> Any:
        values = {
            "person_id": pid, "recording_uid": a["recording_uid"], "position_ms": a["position_ms"],
            "duration_ms": a["duration_ms"], "completed": a["completed"], "last_watched_at": dt.datetime.fromisoformat(a["at"]),
        }
        stmt = self._insert(m.WatchState).values(**values)
        return stmt.on_conflict_do_update(
            index_elements=["person_id", "recording_uid"],
            set_={k: stmt.excluded[k] for k in values if k not in ("person_id", "recording_uid")},
            # a replayed older save never moves a newer position back
            where=m.WatchState.last_watched_at <= stmt.excluded.last_watched_at,
        )

    @staticmethod
    def _now() -> str:
        return dt.datetime.now(dt.UTC).isoformat()

    def save_position(self, recording_uid: str, position_ms: int, duration_ms: int | None) -> None:
        completed = bool(duration_ms) and position_ms >= (duration_ms or 0) - 15_000 and position_ms >= (duration_ms or 0) * 0.95
        self._write("position", {
            "recording_uid": recording_uid, "position_ms": max(0, int(position_ms)), "duration_ms": duration_ms,
            "completed": completed, "at": self._now(),
        })

    def add_bookmark(
        self, recording_uid: str, position_ms: int, note: str = "", *, panel_uid: str | None = None, speaker: str | None = None,
        uid: str | None = None, created_at: dt.datetime | None = None,
    ) -> str:
        """A new bookmark; returns its uid (a UUIDv4: unique across catalogs, for merges).

        ``uid``/``created_at`` come from a notes file being merged: a uid already here is left alone.
        """
        uid = uid or str(uuid.uuid4())
        self._write("bookmark", {
            "uid": uid, "recording_uid": recording_uid, "position_ms": position_ms, "note": note,
            "panel_uid": panel_uid, "speaker": speaker, "at": self._now(),
            "created_at": created_at.isoformat() if created_at else None,
        })
        return uid

    def edit_bookmark(self, bookmark_uid: str, note: str) -> None:
        """A note's new text (the newest edit wins in merges: ``updated_at``)."""
        self._write("edit_bookmark", {"uid": bookmark_uid, "note": note, "at": self._now()})

    def delete_bookmark(self, bookmark_uid: str) -> None:
        """A tombstone (Undo and merges see it); tombstones older than 30 days are purged here."""
        self._write("delete_bookmark", {"uid": bookmark_uid, "at": self._now()})

    def restore_bookmark(self, bookmark_uid: str) -> None:
        """Undo of a delete: the same uid comes back."""
        self._write("restore_bookmark", {"uid": bookmark_uid, "at": self._now()})

    def set_preference(self, key: str, value: str) -> None:
        self._write("preference", {"key": key, "value": value})

    def relocate(self, recording_uid: str, path: str) -> None:
        self._write("relocate", {"recording_uid": recording_uid, "path": path})

    # --- reads ---

    def position(self, recording_uid: str) -> int:
        w, pid = m.WatchState, self.person_id
        with self.catalog.read() as s:
            row = s.execute(select(w.position_ms, w.completed).where(w.person_id == pid, w.recording_uid == recording_uid)).first()
        return 0 if row is None or row[1] else row[0]

    def bookmarks(self, recording_uid: str | None = None, limit: int = 200) -> list[BookmarkRecord]:
        b = m.Bookmark
        q = select(b).where(b.person_id == self.person_id, b.deleted_at.is_(None)).order_by(b.created_at.desc()).limit(limit)
        if recording_uid is not None:
            q = q.where(b.recording_uid == recording_uid)
        with self.catalog.read() as s:
            return [
                BookmarkRecord(r.uid, r.recording_uid, r.position_ms, r.note, r.created_at, r.panel_uid, r.speaker, r.updated_at)
                for r in s.execute(q).scalars()
            ]

    def bookmarks_all_uids(self) -> set[str]:
        """Every uid this catalog holds, tombstones included (a merge never brings a deleted note back)."""
        with self.catalog.read() as s:
            return set(s.execute(select(m.Bookmark.uid)).scalars())

    def preference(self, key: str, default: str | None = None) -> str | None:
        p, pid = m.Preference, self.person_id
        with self.catalog.read() as s:
            v = s.execute(select(p.value).where(p.person_id == pid, p.key == key)).scalar()
        return default if v is None else v

    def preferences(self) -> dict[str, str]:
        """All of this person's preferences (the window reads them once at start)."""
        p, pid = m.Preference, self.person_id
        with self.catalog.read() as s:
            return dict(s.execute(select(p.key, p.value).where(p.person_id == pid)).all())
