"""A person's user-state writes that could not reach the catalog server, kept until it is back.

docs/user-state.md: a client that loses the server keeps pending writes in a small SQLite file in
the user data folder and replays them, in order, when the server answers again. Every write is an
idempotent upsert (positions keep the newest ``last_watched_at``, bookmarks carry their uid), so a
replay that is cut short and replayed again never duplicates or moves anything back.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class PendingWrites:
    """A FIFO of (operation, arguments) per catalog and person, in one SQLite file."""

    def __init__(self, path: Path, catalog_key: str, person: str) -> None:
        self.path, self.catalog_key, self.person = Path(path), catalog_key, person

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS pending (id INTEGER PRIMARY KEY AUTOINCREMENT, catalog TEXT NOT NULL, "
                "person TEXT NOT NULL, op TEXT NOT NULL, args TEXT NOT NULL)"
            )
            yield conn
        finally:
            conn.close()

    def add(self, op: str, args: dict[str, Any]) -> None:
        with self._db() as conn:
            conn.execute(
                "INSERT INTO pending (catalog, person, op, args) VALUES (?, ?, ?, ?)",
                (self.catalog_key, self.person, op, json.dumps(args, default=str)),
            )

    def items(self) -> list[tuple[int, str, dict[str, Any]]]:
        if not self.path.exists():
            return []
        with self._db() as conn:
            rows = conn.execute(
                "SELECT id, op, args FROM pending WHERE catalog = ? AND person = ? ORDER BY id", (self.catalog_key, self.person)
            ).fetchall()
        return [(i, op, json.loads(args)) for i, op, args in rows]

    def done(self, item_id: int) -> None:
        with self._db() as conn:
            conn.execute("DELETE FROM pending WHERE id = ?", (item_id,))

    def __len__(self) -> int:
        return len(self.items())
