"""PostgreSQL search as you type gives what a search from scratch gives, keystroke by keystroke,
while the previous keystroke's rows narrow the next one (catalog/search_pg_narrowing.py): ranked
sets, walks of the newest rows, phrases, rows added and removed between two keystrokes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, text

from vod_app.catalog import search_pg_sql, search_pg_tiers
from vod_app.catalog.database import open_catalog
from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.search_pg import PostgresSearch

DATA = Path(__file__).resolve().parents[2] / "data"
TYPED = ["global compact", "whole of government", "return integration", "labour mobility", "Session 12",
         "diaspora climate", "migración", "coordination"]


def _keys(hits: list) -> list[tuple]:  # noqa: ANN001
    return [(h.kind, h.session_uid, h.panel_uid, h.recording_uid, h.start_ms, h.tier, round(h.score, 5)) for h in hits]


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 100,000-session thresholds scaled to 400 sessions: sets are huge, walked, probed twice."""
    monkeypatch.setattr(search_pg_tiers, "PG_RANK_CAP", 60)
    monkeypatch.setattr(search_pg_tiers, "BITMAP_MAX_MATCHES", 150)
    monkeypatch.setitem(search_pg_sql._TIER_PROBE, 0, ("texts", "title_tsv", 40))
    monkeypatch.setitem(search_pg_sql._TIER_PROBE, 1, ("text_terms", "terms", 60))


def test_typing_gives_what_a_fresh_search_gives(pg_url: str, tmp_path: Path, small_limits: None) -> None:
    from tests.reliability.catalogs import generated_catalog, write_catalog

    catalog = open_catalog(pg_url)
    try:
        import_catalog_file(catalog, DATA / "catalog.json")
        import_catalog_file(catalog, write_catalog(tmp_path / "gen.json", generated_catalog(400)))
        typing = PostgresSearch(catalog)
        narrowed: list[str] = []
        event.listen(catalog.engine, "before_cursor_execute",
                     lambda c, cu, st, p, ctx, m: narrowed.append(st) if "unnest(CAST(" in st else None)
        for query in TYPED:
            for k in range(1, len(query) + 1):
                for limit in (100, 7):
                    fresh = PostgresSearch(catalog).search(query[:k], limit=limit)
                    assert _keys(typing.search(query[:k], limit=limit)) == _keys(fresh), (query[:k], limit)
        assert len(narrowed) > 50  # the narrowing did run (walks, ranked sets, probes)

        # Rows added between two keystrokes (ids above what the previous one knew) are found; rows
        # removed are not; a new title matching the narrowed words comes first when newest.
        typing.search("global compa", limit=100)
        with catalog.engine.begin() as conn:
            sid = conn.execute(text("SELECT owner_id FROM texts WHERE owner_kind = 'session' ORDER BY id DESC LIMIT 1")).scalar_one()
            conn.execute(text("INSERT INTO texts (id, owner_kind, owner_id, lang, title, description) "
                              "VALUES ((SELECT max(id) + 1 FROM texts), 'session', :s, 'de', 'Global compact, newly added', '')"), {"s": sid})
            gone = conn.execute(text("SELECT id FROM texts WHERE owner_kind = 'panel' AND title_tsv @@ to_tsquery('vod_simple', 'compact') "
                                     "ORDER BY id DESC LIMIT 1")).scalar()
            if gone is not None:
                conn.execute(text("DELETE FROM texts WHERE id = :i"), {"i": gone})
        for q in ("global compact", "global compact "):
            after = typing.search(q, limit=100)
            assert _keys(after) == _keys(PostgresSearch(catalog).search(q, limit=100)), q
            assert any(h.title == "Global compact, newly added" for h in after), q
    finally:
        catalog.dispose()
