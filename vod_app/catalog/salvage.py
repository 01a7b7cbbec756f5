"""User state read out of a database file, backup or snapshot, and merged into a catalog.

Keyed by (person name, uid/key), never by row ids, so the same state merged twice, or from several
sources, never duplicates a position or a note (docs/user-state.md).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import uuid
from pathlib import Path
from typing import Any

from vod_app.catalog.database import Catalog
from vod_app.catalog.diagnosis import connect_file
from vod_app.catalog.snapshots import LATER_USER_TABLES, USER_TABLES

UserRows = dict[str, list[dict[str, Any]]]


def read_user_state(path: Path) -> tuple[UserRows, list[str]]:
    """The user-state rows a database file (or snapshot) still yields, and what could not be read.

    Works on a copy (with its -wal), so a damaged original is neither recovered nor checkpointed.
    """
    rows: UserRows = {}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vod-app-salvage-") as tmp:
        copy = Path(tmp) / "db.sqlite3"
        try:
            shutil.copyfile(path, copy)
            for suffix in ("-wal",):
                side = Path(str(path) + suffix)
                if side.exists():
                    shutil.copyfile(side, Path(str(copy) + suffix))
        except OSError as exc:
            return rows, [f"cannot be read ({exc.strerror})"]
        try:
            with connect_file(copy) as conn:
                conn.row_factory = sqlite3.Row
                for table in USER_TABLES:
                    try:
                        rows[table] = [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]
                    except sqlite3.DatabaseError as exc:
                        if table in LATER_USER_TABLES and "no such table" in str(exc):
                            continue  # written before that table existed
                        problems.append(f"{table}: {exc}")
        except sqlite3.DatabaseError as exc:
            problems.append(str(exc))
    return rows, problems


# Bookmarks from before migration 0005 had integer ids: their uid is derived as the migration did
# (versions/0006_people.py, same namespace), so a merge from an old backup never duplicates one.
LEGACY_BOOKMARK_NS = uuid.UUID("7d1f3c5e-2b7a-4f0e-9a51-6c2f6a9b0d13")


def legacy_bookmark_uid(recording_uid: str, position_ms: int, note: str, created_at: object) -> str:
    return str(uuid.uuid5(LEGACY_BOOKMARK_NS, f"{recording_uid}\x1f{position_ms}\x1f{note}\x1f{created_at}"))


def _person_map(catalog: Catalog, rows: UserRows) -> tuple[dict[Any, int], int]:
    """Source person id -> this catalog's person id (by name), and the id for rows from before people.

    Unnamed and pre-people rows belong to the catalog's first person (a SQLite catalog's one person).
    """
    from sqlalchemy import text

    from vod_app.catalog.people import person_id

    with catalog.read() as s:
        first = s.execute(text("SELECT min(id) FROM people")).scalar_one()
    mapping: dict[Any, int] = {}
    for r in rows.get("people", []):
        name = r.get("name")
        if isinstance(name, str) and name.strip():
            mapping[r.get("id")] = person_id(catalog, name)
        else:
            mapping[r.get("id")] = first
    return mapping, first


def _newer(have: object, given: object) -> bool:
    return have is None or str(have or "") < str(given or "")


def merge_user_state(catalog: Catalog, rows: UserRows) -> dict[str, int]:
    """Merge rows into the catalog's user state; returns how many rows each table took.

    Keyed by (person name, key), never by row ids: positions, the most recently watched wins;
    bookmarks by uid, the most recently updated wins (tombstones included); preferences,
    relocations and excluded files: the rows given win (callers merge older sources first); a
    folder session's edits: the most recently edited wins. Rows from before people (schema < 0005)
    belong to the catalog's first person, relocations from before devices to device ''.
    """
    from sqlalchemy import text

    taken = dict.fromkeys(USER_TABLES, 0)
    people, first = _person_map(catalog, rows)
    taken["people"] = len(set(people.values()))

    def pid(r: dict[str, Any]) -> int | None:
        return first if "person_id" not in r else people.get(r["person_id"])

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
    with catalog.write() as s:
        for r in rows.get("watch_state", []):
            p = pid(r)
            if p is None or not isinstance(r.get("recording_uid"), str) or not isinstance(r.get("position_ms"), int):
                continue
            have = s.execute(
                text("SELECT last_watched_at FROM watch_state WHERE person_id = :p AND recording_uid = :u"), {"p": p, "u": r["recording_uid"]}
            ).first()
            if have is not None and not _newer(have[0], r.get("last_watched_at")):
                continue
            s.execute(
                text(
                    "INSERT INTO watch_state (person_id, recording_uid, position_ms, duration_ms, completed, last_watched_at) "
                    "VALUES (:p, :recording_uid, :position_ms, :duration_ms, :completed, :last_watched_at) "
                    "ON CONFLICT (person_id, recording_uid) DO UPDATE SET position_ms = excluded.position_ms, "
                    "duration_ms = excluded.duration_ms, completed = excluded.completed, last_watched_at = excluded.last_watched_at"
                ),
                {
                    "p": p,
                    "recording_uid": r["recording_uid"],
                    "position_ms": r["position_ms"],
                    "duration_ms": r.get("duration_ms"),
                    "completed": bool(r.get("completed")),
                    "last_watched_at": r.get("last_watched_at") or now,
                },
            )
            taken["watch_state"] += 1
        for r in rows.get("bookmarks", []):
            p = pid(r)
            if p is None or not isinstance(r.get("recording_uid"), str) or not isinstance(r.get("position_ms"), int):
                continue
            note = r.get("note") or ""
            created = r.get("created_at") or now
            uid = r.get("uid") if isinstance(r.get("uid"), str) else legacy_bookmark_uid(r["recording_uid"], r["position_ms"], note, r.get("created_at"))
            updated = r.get("updated_at") or created
            have = s.execute(text("SELECT updated_at FROM bookmarks WHERE uid = :uid"), {"uid": uid}).first()
            if have is not None and not _newer(have[0], updated):
                continue
            s.execute(
                text(
                    "INSERT INTO bookmarks (uid, person_id, recording_uid, position_ms, note, panel_uid, speaker, created_at, updated_at, deleted_at) "
                    "VALUES (:uid, :p, :u, :pos, :n, :panel, :speaker, :c, :up, :d) "
                    "ON CONFLICT (uid) DO UPDATE SET position_ms = excluded.position_ms, note = excluded.note, "
                    "panel_uid = excluded.panel_uid, speaker = excluded.speaker, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at"
                ),
                {
                    "uid": uid, "p": p, "u": r["recording_uid"], "pos": r["position_ms"], "n": note, "panel": r.get("panel_uid"),
                    "speaker": r.get("speaker"), "c": created, "up": updated, "d": r.get("deleted_at"),
                },
            )
            taken["bookmarks"] += 1
        for r in rows.get("preferences", []):
            p = pid(r)
            if p is None or not isinstance(r.get("key"), str) or not isinstance(r.get("value"), str):
                continue
            s.execute(
                text("INSERT INTO preferences (person_id, key, value) VALUES (:p, :k, :v) ON CONFLICT (person_id, key) DO UPDATE SET value = excluded.value"),
                {"p": p, "k": r["key"], "v": r["value"]},
            )
            taken["preferences"] += 1
        for r in rows.get("relocations", []):
            device = r.get("device", "")
            if not isinstance(device, str) or not isinstance(r.get("recording_uid"), str) or not isinstance(r.get("path"), str):
                continue
            s.execute(
                text(
                    "INSERT INTO relocations (device, recording_uid, path) VALUES (:d, :u, :v) "
                    "ON CONFLICT (device, recording_uid) DO UPDATE SET path = excluded.path"
                ),
                {"d": device, "u": r["recording_uid"], "v": r["path"]},
            )
            taken["relocations"] += 1
        for r in rows.get("session_overrides", []):
            if not isinstance(r.get("session_uid"), str) or not isinstance(r.get("fields"), str) or r.get("updated_at") is None:
                continue
            have = s.execute(text("SELECT updated_at FROM session_overrides WHERE session_uid = :u"), {"u": r["session_uid"]}).first()
            if have is not None and str(have[0] or "") >= str(r["updated_at"]):
                continue
            s.execute(
                text(
                    "INSERT INTO session_overrides (session_uid, fields, updated_at) VALUES (:u, :f, :t) "
                    "ON CONFLICT (session_uid) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at"
                ),
                {"u": r["session_uid"], "f": r["fields"], "t": r["updated_at"]},
            )
            taken["session_overrides"] += 1
        for r in rows.get("excluded_files", []):
            if not isinstance(r.get("source"), str) or not isinstance(r.get("session_uid"), str) or r.get("excluded_at") is None:
                continue
            s.execute(
                text(
                    "INSERT INTO excluded_files (source, session_uid, excluded_at) VALUES (:s, :u, :t) "
                    "ON CONFLICT (source) DO UPDATE SET session_uid = excluded.session_uid, excluded_at = excluded.excluded_at"
                ),
                {"s": r["source"], "u": r["session_uid"], "t": r["excluded_at"]},
            )
            taken["excluded_files"] += 1
    return taken
