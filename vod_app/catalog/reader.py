"""What every catalog query shares: the catalog, the person and device it reads for, and texts.

A text (title, description) is stored per language in one table for every kind of owner; readers
load them for a whole page of owners in one query and pick the language with domain/texts.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, literal, select

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog

# The lists' shared SQL pieces live in catalog/list_filters.py (also read before SQLAlchemy loads).
from vod_app.catalog.list_filters import NO_DATE, PERSON_SQL, RECENT_KEY, date_or_none  # noqa: F401 - re-exported
from vod_app.domain.media_locations import MediaRoot
from vod_app.domain.texts import TextMap


class CatalogReader:
    """The base of the repository's queries (catalog/repository.py): positions and relocations
    shown are ``person``'s and this device's (default: ``--user``/``VOD_APP_USER``/the login name,
    and the host name)."""

    def __init__(self, catalog: Catalog, person: str | None = None, device: str | None = None) -> None:
        from vod_app.paths import current_device, current_person

        self.catalog = catalog
        self.person = person or current_person()
        self.device = device or current_device()
        # One object per distinct value for what repeats across list rows (language tuples, event
        # titles, dates): the recent list can hold 100,000 summaries.
        self._shared: dict[object, Any] = {}

    @property
    def machine_roots(self) -> list[MediaRoot]:
        """This machine's media roots (media-roots.txt, VOD_APP_MEDIA_ROOTS, --media-root;
        docs/deployment.md), read at each use: a change saved in the window applies at the next play."""
        from vod_app.paths import this_machine_roots

        return this_machine_roots()[0]

    def _share(self, key: object, make: Any = None) -> Any:
        value = self._shared.get(key)
        if value is None:
            value = self._shared.setdefault(key, key if make is None else make(key))
        return value

    # --- texts ---

    @staticmethod
    def _texts(conn: Connection, kind: str, ids: Iterable[int], *, descriptions: bool = True) -> dict[int, TextMap]:
        """Texts of ``ids`` by language; lists pass ``descriptions=False`` (titles only, '' instead:
        a description can be 200,000 characters and a page of 100 rows shows none of them)."""
        ids = list(set(ids))
        out: dict[int, TextMap] = {}
        if not ids:
            return out
        t = m.LocalizedText
        desc_col = "description" if descriptions else "''"
        for chunk in (ids[i : i + 900] for i in range(0, len(ids), 900)):
            if conn.dialect.paramstyle == "qmark":  # SQLite: plain SQL, a third of the time of select()
                rows = conn.exec_driver_sql(
                    f"SELECT owner_id, lang, title, {desc_col} FROM texts "
                    f"WHERE owner_kind = ? AND owner_id IN ({', '.join('?' * len(chunk))})",
                    (kind, *chunk),
                ).all()
            else:
                desc = t.description if descriptions else literal("")
                rows = conn.execute(select(t.owner_id, t.lang, t.title, desc).where(t.owner_kind == kind, t.owner_id.in_(chunk))).all()
            for oid, lang, title, d in rows:
                out.setdefault(oid, {})[lang] = (title, d)
        return out
