"""Who a catalog's user state belongs to: a person's row in ``people``, found or created by name.

docs/user-state.md: a SQLite catalog has one person, created unnamed by migration 0005; the first
name that opens it claims that person, so a personal catalog's state is never orphaned by a rename
of the login. Every other name gets a row of its own.
"""

from __future__ import annotations

from sqlalchemy import text

from vod_app.catalog.database import Catalog, CatalogError

MAX_NAME = 200


def check_name(name: str) -> str:
    """The name as stored, or a CatalogError that says what is wrong with it."""
    clean = name.strip()
    if not clean or len(clean) > MAX_NAME or any(ord(ch) < 32 for ch in clean):
        raise CatalogError(f"{name!r} is not a usable person name (1-{MAX_NAME} printable characters; --user or VOD_APP_USER)")
    return clean


def person_id(catalog: Catalog, name: str) -> int:
    """The id of ``name`` in ``catalog``: found, claimed (unnamed person 1) or created. Cached per catalog."""
    name = check_name(name)
    cache: dict[str, int] = catalog.__dict__.setdefault("_person_ids", {})
    if name in cache:
        return cache[name]
    with catalog.read() as s:  # the usual case needs no write lock (another process may hold it: an import)
        found = s.execute(text("SELECT id FROM people WHERE name = :n"), {"n": name}).scalar()
    if found is not None:
        cache[name] = int(found)
        return cache[name]
    with catalog.write() as s:
        found = s.execute(text("SELECT id FROM people WHERE name = :n"), {"n": name}).scalar()
        if found is None:
            claimed = s.execute(text("UPDATE people SET name = :n WHERE name = '' AND id = (SELECT min(id) FROM people)"), {"n": name})
            if claimed.rowcount:
                found = s.execute(text("SELECT id FROM people WHERE name = :n"), {"n": name}).scalar()
        if found is None:
            # Another client may create the same name at the same moment: ON CONFLICT keeps one row.
            s.execute(
                text("INSERT INTO people (name, created_at) VALUES (:n, CURRENT_TIMESTAMP) ON CONFLICT (name) DO NOTHING"),
                {"n": name},
            )
            found = s.execute(text("SELECT id FROM people WHERE name = :n"), {"n": name}).scalar_one()
    cache[name] = int(found)
    return cache[name]
