"""The repository's lists, filters and pagination on each catalog engine (SQLite, PostgreSQL)."""

from __future__ import annotations

import pytest

from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.search import SearchFilters

pytestmark = pytest.mark.both_engines

SESSION = "iom-idm-2017-04-18-panels-2-3"


@pytest.fixture
def repo(loaded_catalog, tmp_path) -> CatalogRepository:  # noqa: ANN001
    from tests.reliability.catalogs import generated_catalog, write_catalog

    import_catalog_file(loaded_catalog, write_catalog(tmp_path / "gen.json", generated_catalog(60)))
    return CatalogRepository(loaded_catalog)


def test_filters_years_events_languages(repo: CatalogRepository) -> None:
    years = repo.years()
    assert years == list(range(2024, 1999, -1))  # the generated sessions' 2000-2024 (and 2017's sessions)
    event_uid = next(uid for uid, _title in repo.events() if uid == "ev-3")
    assert repo.years(event_uid) == sorted({2000 + i % 25 for i in range(60) if i % 20 == 3}, reverse=True)
    assert {uid for uid, _ in repo.events(year=2003)} == {f"ev-{i % 20}" for i in range(60) if i % 25 == 3}
    assert {"en", "fr", "es"} <= set(repo.languages())
    in_2017 = repo.sessions(limit=100, filters=SearchFilters(year=2017)).items
    assert SESSION in {s.session_uid for s in in_2017} and all(s.date is None or s.date.year == 2017 for s in in_2017)
    by_event = repo.recent_recordings(limit=100, filters=SearchFilters(event_uid="ev-3")).items
    assert by_event and all(r.session_uid.startswith("gen-") for r in by_event)
    es = repo.sessions(limit=200, filters=SearchFilters(lang="es")).items
    assert SESSION in {s.session_uid for s in es}


def test_keyset_pages_walk_everything_once(repo: CatalogRepository) -> None:
    seen, cursor = [], None
    while True:
        page = repo.recent_recordings(limit=7, cursor=cursor)
        seen += [r.recording_uid for r in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == repo.counts()["recordings"]
    sessions, cursor = [], None
    while True:
        page = repo.sessions(limit=9, cursor=cursor)
        sessions += [s.session_uid for s in page.items]
        if (cursor := page.next_cursor) is None:
            break
    assert len(sessions) == len(set(sessions)) == repo.counts()["sessions"]


def test_detail_play_item_and_caption_moments(repo: CatalogRepository) -> None:
    sid = repo.session_id_for_uid(SESSION)
    detail = repo.session_detail(sid, ("fr",))
    assert detail is not None and detail.uid == SESSION and len(detail.panels) == 2
    item = repo.play_item(detail.recordings[0].recording_id)
    assert item is not None and item.session_uid == SESSION and item.recording.chapters
    moments = repo.cue_moments(sid, "government")
    assert moments and all(start >= 0 and "<b>" in snip for _rid, start, _lang, snip in moments)
