"""The built-in catalog: loaded once into an empty database so a fresh install shows real content."""

from __future__ import annotations

from sqlalchemy import func, select

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog
from vod_app.catalog.importer import ImportReport, import_catalog_file
from vod_app.paths import builtin_catalog_path

SEEDED_KEY = "builtin_catalog_seeded"


def ensure_builtin_catalog(catalog: Catalog) -> ImportReport | None:
    """Import the built-in catalog the first time a database is opened empty.

    Remembered in the preferences, so a user who removes everything does not get it back unasked:
    a flag of the catalog, not of a person, kept with the catalog's first person (the one person of
    a SQLite catalog, which had it before people existed).
    """
    with catalog.read() as s:
        seeded = s.execute(select(m.Preference.value).where(m.Preference.key == SEEDED_KEY).limit(1)).scalar()
        # Any session at all (not a count: that scans every session of a large catalog at start-up).
        has_sessions = s.execute(select(m.Session.id).limit(1)).scalar() is not None
    if seeded is not None or has_sessions:
        return None
    report = import_catalog_file(catalog, builtin_catalog_path())
    with catalog.write() as s:
        first = s.execute(select(func.min(m.Person.id))).scalar_one()
        s.merge(m.Preference(person_id=first, key=SEEDED_KEY, value="1"))
    return report
