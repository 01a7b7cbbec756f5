"""`vod-app db check` on PostgreSQL: what only the migrations create (search vectors and their GIN
indexes, 0001/0010; speakers' name terms, 0008; media roots, 0009; text_terms, 0011), damaged or gone, is reported
with what it breaks and how to repair it (vod_app/catalog/pg_derived.py, docs/deployment.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from vod_app.catalog.database import Catalog, open_catalog
from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.pg_admin import check_postgres

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def catalog(pg_url: str) -> Iterator[Catalog]:
    """The sample catalog (texts, captions, speakers) on a fresh server database."""
    cat = open_catalog(pg_url)
    import_catalog_file(cat, ROOT / "data" / "catalog.json")
    yield cat
    cat.dispose()


def damage(cat: Catalog, *statements: str) -> None:
    with cat.engine.begin() as conn:
        for sql in statements:
            conn.execute(text(sql))


def one(problems: list[str], *words: str) -> str:
    """The one problem that has all ``words``."""
    found = [p for p in problems if all(w in p for w in words)]
    assert len(found) == 1, problems
    return found[0]


def test_a_sound_catalog_has_no_problem(catalog: Catalog) -> None:
    with catalog.engine.connect() as conn:  # the check compares real rows, not an empty catalog
        assert conn.execute(text("SELECT count(*) FROM texts")).scalar() > 0
        assert conn.execute(text("SELECT count(*) FROM cues")).scalar() > 0
        assert conn.execute(text("SELECT count(*) FROM speaker_terms")).scalar() > 0
    assert check_postgres(catalog) == []


def test_title_vectors_dropped_or_made_plain(catalog: Catalog) -> None:
    damage(catalog, "ALTER TABLE texts DROP COLUMN title_tsv")
    problems = check_postgres(catalog)
    assert "column texts.title_tsv is missing (migration 0010)" in one(problems, "texts.title_tsv")
    assert "title tier of search" in one(problems, "texts.title_tsv")
    one(problems, "index ix_texts_title_tsv on texts is missing")
    assert len(problems) == 2, problems
    # put back by hand as a plain column: filled once, never kept in step with new titles
    damage(
        catalog,
        "ALTER TABLE texts ADD COLUMN title_tsv tsvector",
        "UPDATE texts SET title_tsv = to_tsvector('vod_simple', title)",
        "CREATE INDEX ix_texts_title_tsv ON texts USING gin (title_tsv)",
    )
    problems = check_postgres(catalog)
    assert problems == [
        one(problems, "texts.title_tsv is not the stored generated tsvector", "not generated")
    ]


def test_title_vectors_missing_rows_and_index(catalog: Catalog) -> None:
    damage(
        catalog,
        "ALTER TABLE texts DROP COLUMN title_tsv",
        "ALTER TABLE texts ADD COLUMN title_tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector(vod_ts_config(lang), title) || to_tsvector('vod_simple', title)) STORED",
    )
    problems = check_postgres(catalog)
    assert problems == [one(problems, "index ix_texts_title_tsv on texts is missing", "migration 0010")]
    damage(catalog, "CREATE INDEX ix_texts_title_tsv ON texts (id)")  # the name, not the index search reads
    problems = check_postgres(catalog)
    assert problems == [
        one(problems, "index ix_texts_title_tsv is not the one migration 0010 made", "USING gin (title_tsv)")
    ]


def test_vectors_out_of_step_with_the_configurations_and_the_repair(catalog: Catalog) -> None:
    # A configuration changed after the rows were stored: the stored vectors no longer match.
    damage(catalog, "ALTER TEXT SEARCH CONFIGURATION vod_simple DROP MAPPING FOR asciiword")
    problems = check_postgres(catalog)
    title = one(problems, "rows of texts have a title_tsv that differs from its definition")
    assert "UPDATE texts SET title = title computes them again" in title
    one(problems, "rows of texts have a tsv that differs")
    one(problems, "rows of cues have a tsv that differs", "UPDATE cues SET text = text")
    damage(catalog, "UPDATE texts SET title = title", "UPDATE cues SET text = text")  # the repair it names
    assert check_postgres(catalog) == []


def test_speaker_terms_lost_or_in_the_wrong_order(catalog: Catalog) -> None:
    with catalog.engine.connect() as conn:
        sid, name = conn.execute(text("SELECT id, name FROM speakers ORDER BY id LIMIT 1")).one()
    damage(catalog, f"DELETE FROM speaker_terms WHERE speaker_id = {sid}")
    problems = check_postgres(catalog)
    assert problems == [
        one(problems, "1 speakers have no name terms", repr(name), "import their catalogs again")
    ]
    damage(catalog, 'ALTER TABLE speaker_terms ALTER COLUMN term TYPE varchar(200) COLLATE "default"')
    problems = check_postgres(catalog)
    one(problems, "speaker_terms.term is not in byte order", 'made it "C"')


def test_media_roots_refused_or_gone(catalog: Catalog) -> None:
    damage(
        catalog,
        "INSERT INTO media_roots (prefix, url, catalog) VALUES "
        "('/srv/archive', 'file:///home', 'team.json'), ('/srv/ok', 'https://media.example.org/ok', 'team.json')",
    )
    problems = check_postgres(catalog)
    refused = one(problems, "media root '/srv/archive' -> 'file:///home' (from team.json) is refused")
    assert "'file' is not allowed" in refused and "stored location" in refused
    assert len(problems) == 1, problems
    damage(catalog, "DROP TABLE media_roots")
    problems = check_postgres(catalog)
    assert problems == [one(problems, "table media_roots is missing")]


def test_the_command_lists_them_and_says_what_to_do(catalog: Catalog, tmp_path: Path) -> None:
    damage(catalog, "DROP INDEX ix_texts_title_tsv")
    env = {**os.environ, "VOD_APP_HOME": str(tmp_path)}
    url = str(catalog.engine.url.render_as_string(hide_password=False))
    out = subprocess.run(
        [sys.executable, "-m", "vod_app", "--db", url, "db", "check", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=ROOT,
    )
    assert out.returncode == 1 and "Traceback" not in out.stderr
    problems = json.loads(out.stdout)["problems"]
    assert problems == [one(problems, "index ix_texts_title_tsv on texts is missing")]
    assert out.stderr.count("\n") == 1 and "ix_texts_title_tsv" in out.stderr
    # db recover is for SQLite files only: a server is repaired as docs/deployment.md says
    assert "db recover" not in out.stderr
    assert "docs/deployment.md" in out.stderr


def test_text_terms_kept_by_the_trigger_lost_and_repaired(catalog: Catalog) -> None:
    """0011: text_terms follows every insert, change and delete of texts; a lost trigger or rows are reported."""
    with catalog.engine.connect() as conn:
        tid = conn.execute(text("SELECT id FROM texts WHERE description <> '' ORDER BY id DESC LIMIT 1")).scalar_one()
    damage(catalog, f"UPDATE texts SET description = 'Glaciers and zebras' WHERE id = {tid}")
    with catalog.engine.connect() as conn:
        assert conn.execute(text(f"SELECT terms::text FROM text_terms WHERE id = {tid}")).scalar_one().count("zebra") == 1
        assert conn.execute(text("SELECT count(*) FROM texts t LEFT JOIN text_terms x ON x.id = t.id "
                                 "WHERE x.terms IS DISTINCT FROM strip(t.tsv)")).scalar_one() == 0
    assert check_postgres(catalog) == []
    damage(catalog, "ALTER TABLE texts DISABLE TRIGGER tr_texts_terms", f"DELETE FROM text_terms WHERE id = {tid}")
    problems = check_postgres(catalog)
    assert "migration 0011" in one(problems, "trigger tr_texts_terms on texts is missing or disabled")
    assert "UPDATE texts SET title = title" in one(problems, "1 of the newest 1000 texts have no text_terms row")
    assert len(problems) == 2, problems
    damage(catalog, "ALTER TABLE texts ENABLE TRIGGER tr_texts_terms", "UPDATE texts SET title = title")  # the repairs
    assert check_postgres(catalog) == []
    damage(catalog, f"DELETE FROM texts WHERE id = {tid}")  # a deleted text's terms go with it
    with catalog.engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM text_terms WHERE id = {tid}")).scalar_one() == 0
