"""The start page on plain sqlite3 (catalog/first_page.py) answers exactly as the ORM repository does,
only for catalogs that are ours and at head, and the first paint happens before SQLAlchemy is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vod_app.catalog.first_page import FirstPageReader, plain_sqlite_path
from vod_app.domain.search_filters import SearchFilters

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def mixed_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated sessions over several years and events, the built-in samples, two people's positions."""
    from bench.generator import Catalog as Generated
    from bench.importing import app_import
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository
    from vod_app.catalog.user_state import UserStateRepository
    from vod_app.paths import builtin_catalog_path

    db = tmp_path_factory.mktemp("first-page") / "catalog.sqlite3"
    app_import(Generated(60, 7), db, validate=False)
    catalog = open_catalog(f"sqlite:///{db}")
    try:
        import_catalog_file(catalog, builtin_catalog_path())  # the sample content
        page = CatalogRepository(catalog).recent_recordings(limit=200)
        for person, picks in (("ana", (0, 3, 61)), ("ben", (5,))):
            users = UserStateRepository(catalog, person=person)
            for i in picks:
                r = page.items[i % len(page.items)]
                users.save_position(r.recording_uid, 10_000 + i, r.duration_ms or 90_000)
            users.set_preference("description_language", "fr" if person == "ana" else "es")
    finally:
        catalog.dispose()
    return db


def _walk(source, limit: int, filters: SearchFilters, prefs) -> list:  # noqa: ANN001
    pages, cursor = [], None
    while True:
        page = source.recent_recordings(limit=limit, cursor=cursor, filters=filters, prefs=prefs)
        pages.append(page)
        cursor = page.next_cursor
        if cursor is None:
            return pages


@pytest.mark.parametrize("person", ["ana", "ben", "nobody"])
def test_first_page_reads_equal_the_repository(mixed_catalog: Path, person: str) -> None:
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.repository import CatalogRepository
    from vod_app.catalog.user_state import UserStateRepository

    url = f"sqlite:///{mixed_catalog}"
    catalog = open_catalog(url)
    reader = FirstPageReader.open(url, person=person)
    assert reader is not None
    try:
        repo = CatalogRepository(catalog, person=person)
        some = repo.recent_recordings(limit=1000).items
        assert some[-1].is_sample and not some[0].is_sample  # sample content comes last
        event = next(r for r in some if r.event_title)
        event_uid = next(uid for uid, title in repo.events() if title == event.event_title)
        year = next(r.date.year for r in some if r.date is not None)
        for filters in (SearchFilters(), SearchFilters(year=year), SearchFilters(lang="fr"), SearchFilters(event_uid=event_uid)):
            for prefs in (("en",), ("fr",)):
                assert _walk(reader, 7, filters, prefs) == _walk(repo, 7, filters, prefs)
        assert reader.continue_watching(prefs=("fr",)) == repo.continue_watching(prefs=("fr",))
        assert reader.events(("es",)) == repo.events(("es",)) and reader.events(year=year) == repo.events(year=year)
        assert reader.years() == repo.years() and reader.years(event_uid) == repo.years(event_uid)
        assert reader.languages() == repo.languages()
        if person != "nobody":  # the unnamed person 1 is claimed by the first person who writes
            assert reader.preferences() == UserStateRepository(catalog, person=person).preferences()
    finally:
        reader.close()
        catalog.dispose()


def test_only_our_catalogs_at_head_take_the_first_page_path(tmp_path: Path, mixed_catalog: Path) -> None:
    import shutil
    import sqlite3

    assert plain_sqlite_path("postgresql+psycopg://u@h/db") is None
    assert plain_sqlite_path("sqlite:///:memory:") is None and plain_sqlite_path("sqlite:///a.db?mode=ro") is None
    assert FirstPageReader.open(f"sqlite:///{tmp_path / 'new.sqlite3'}") is None  # built-in catalog to load
    (tmp_path / "empty.sqlite3").touch()
    assert FirstPageReader.open(f"sqlite:///{tmp_path / 'empty.sqlite3'}") is None
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (x)")
    assert FirstPageReader.open(f"sqlite:///{foreign}") is None
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all" * 100)
    assert FirstPageReader.open(f"sqlite:///{tmp_path / 'junk.sqlite3'}") is None
    older = tmp_path / "older.sqlite3"
    shutil.copy(ROOT / "tests" / "fixtures" / "db" / "schema-0004.sqlite3", older)
    assert FirstPageReader.open(f"sqlite:///{older}") is None  # needs a migration (with a backup first)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert before == sorted(["empty.sqlite3", "foreign.sqlite3", "junk.sqlite3", "older.sqlite3"])  # no side files


FIRST_PAINT = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["vod-app-test"])
from vod_app.app import build_window
window = build_window(sys.argv[1], headless_playback=True, thumbnails=False)
seen = {}
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.record)  # once the whole window has painted (the list too)
        return False
    def record(self):
        seen.update(rows=window.recent_model.rowCount(),
                    imported=sorted(m for m in ("sqlalchemy", "alembic", "vod_app.catalog.models", "language_data.name_data")
                                    if m in sys.modules),
                    pages=sorted(m for m in PAGES if m in sys.modules),
                    built=[n for n in ("player_page", "session") if getattr(window.pages, n) is not None],
                    controller=window.pages.controller_built is not None)
PAGES = ("vlc", "vod_app.playback.controller", "vod_app.ui.player_page", "vod_app.ui.session_page",
         "vod_app.ui.notes_page", "vod_app.ui.bookmarks_view", "http.client")
spy = FirstPaint()
spy.painted = False
window.installEventFilter(spy)
window.show()
end = time.monotonic() + 20
while time.monotonic() < end and not (seen and type(window.catalog).__name__ == "Catalog" and window.pages.player_page
                                      and window.browse.language_filter.count() > 1):  # the filters: read on a worker
    app.processEvents()
    time.sleep(0.005)
seen["loaded"] = type(window.catalog).__name__
seen["warmed"] = [n for n in ("player_page", "session") if getattr(window.pages, n) is not None]
seen["libvlc"] = window.pages.controller_built is not None
app.processEvents()
seen["languages"] = window.browse.language_filter.count()
seen["events"], seen["years"] = window.browse.event_filter.count(), window.browse.year_filter.count()
seen["search"] = len(window.services.search.search("migration", limit=5))
print(json.dumps(seen))
"""


def test_the_first_paint_shows_the_list_before_sqlalchemy_is_imported(mixed_catalog: Path, tmp_path: Path) -> None:
    """... and before the player page, libvlc and the session page exist (ui/pages.py): those are
    built in idle time once the ORM has loaded."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), VOD_APP_HOME=str(tmp_path / "home"))
    for run in ("first", "second"):  # the second with the language names the first one kept
        out = subprocess.run([sys.executable, "-c", FIRST_PAINT, f"sqlite:///{mixed_catalog}"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120, check=False)
        assert out.returncode == 0, out.stderr[-3000:]
        seen = json.loads(out.stdout.strip().splitlines()[-1])
        assert seen["rows"] > 0
        assert seen["imported"] == ([] if run == "second" else ["language_data.name_data"])
        assert seen["loaded"] == "Catalog" and seen["search"] > 0  # and the ORM took over after it
        assert seen["languages"] > 1 and seen["events"] > 1 and seen["years"] > 1  # the filters, filled once the ORM had loaded
        assert seen["pages"] == [] and seen["built"] == [] and seen["controller"] is False
        assert seen["warmed"] == ["player_page", "session"] and seen["libvlc"] is True  # then in idle time
