"""What the migrations derive from a PostgreSQL catalog's rows, and the check of each (``db check``).

Search on a server reads structures that nothing but the migrations creates: the stored ``tsvector``
columns (0001: ``texts.tsv``, ``cues.tsv``; 0010: ``texts.title_tsv``) with their GIN indexes,
``speaker_terms`` (0008: the folded words of each speaker's name, in byte order) and the
``media_roots`` table (0009), ``text_terms`` (0011: each text's lexemes without positions, kept by a
trigger). ``alembic_version`` says nothing about whether they are still there: a
column dropped by hand, an index lost in a partial restore, a configuration re-created since the
vectors were stored all leave the version at head and search quietly finding less. Each problem
says what is wrong, what it breaks and how to repair it (docs/deployment.md, "Backups and checks").
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from vod_app.catalog.speaker_rows import name_terms
from vod_app.domain.media_locations import is_url, make_root, url_problem


@dataclass(frozen=True, slots=True)
class Derived:
    """A stored generated column: ``table.column`` = ``expression``, kept by PostgreSQL itself."""

    table: str
    column: str
    expression: str  # the migration's generation expression (what a stored vector must equal)
    serves: str
    migration: str
    rebuild: str  # an UPDATE that makes PostgreSQL compute the column again


DERIVED_COLUMNS = (
    Derived(
        "texts",
        "tsv",
        "setweight(to_tsvector(vod_ts_config(lang), title), 'A') || setweight(to_tsvector('vod_simple', title), 'A') || "
        "setweight(to_tsvector(vod_ts_config(lang), description), 'B') || "
        "setweight(to_tsvector('vod_simple', description), 'B')",
        "search in titles and descriptions",
        "0001",
        "UPDATE texts SET title = title",
    ),
    Derived(
        "cues",
        "tsv",
        "to_tsvector(vod_ts_config(language), text) || to_tsvector('vod_simple', text)",
        "search in captions",
        "0001",
        "UPDATE cues SET text = text",
    ),
    Derived(
        "texts",
        "title_tsv",
        "to_tsvector(vod_ts_config(lang), title) || to_tsvector('vod_simple', title)",
        "the title tier of search (titles above descriptions)",
        "0010",
        "UPDATE texts SET title = title",
    ),
)

#: index name -> (table, what its definition must contain, what it serves, migration)
INDEXES = {
    "ix_cues_tsv": ("cues", "USING gin (tsv)", "search in captions", "0001"),
    "ix_texts_title_tsv": ("texts", "USING gin (title_tsv)", "the title tier of search", "0010"),
    "pk_speaker_terms": ("speaker_terms", "(term, speaker_id)", "search by speaker name", "0008"),
    "ix_speaker_terms_speaker_id": (
        "speaker_terms",
        "(speaker_id)",
        "re-importing a session's speakers",
        "0008",
    ),
    "pk_media_roots": ("media_roots", "(prefix)", "media roots", "0009"),
    "pk_text_terms": ("text_terms", "(id)", "search in descriptions, many matches (newest first)", "0011"),
    "ix_text_terms_terms": ("text_terms", "USING gin (terms)", "search in descriptions", "0011"),
    "ix_media_roots_catalog": ("media_roots", "(catalog)", "re-importing a catalog's media roots", "0009"),
}

TABLES = ("texts", "cues", "speakers", "speaker_terms", "media_roots", "text_terms")
SAMPLE_ROWS = 1000  # stored vectors compared with their definition: the newest rows of each table
REPAIR = "docs/deployment.md, 'Backups and checks'"


def derived_problems(s: Session) -> list[str]:
    """Problems of the derived columns, indexes and rows (one line each; [] when all is in place)."""
    problems: list[str] = []
    tables = {t for t in TABLES if s.execute(text("SELECT to_regclass(:t)"), {"t": t}).scalar() is not None}
    problems += [
        f"table {t} is missing (restore it from a backup: {REPAIR})" for t in TABLES if t not in tables
    ]
    if s.execute(text("SELECT to_regprocedure('vod_ts_config(text)')")).scalar() is None:
        problems.append(
            f"the function vod_ts_config(text) is missing: search vectors cannot be computed ({REPAIR})"
        )
    for d in DERIVED_COLUMNS:
        if d.table in tables:
            problems += _column_problems(s, d)
    for name, (table, shape, serves, migration) in INDEXES.items():
        if table not in tables:
            continue
        definition = s.execute(
            text(
                "SELECT pg_get_indexdef(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relname = :n AND c.relkind = 'i' AND n.nspname = current_schema()"
            ),
            {"n": name},
        ).scalar()
        if definition is None:
            problems.append(
                f"index {name} on {table} is missing (migration {migration}): {serves} reads "
                f"the whole table ({REPAIR})"
            )
        elif shape not in definition:
            problems.append(
                f"index {name} is not the one migration {migration} made ({definition}; "
                f"expected {shape}): drop it and create it again ({REPAIR})"
            )
    if {"speakers", "speaker_terms"} <= tables:
        problems += _speaker_term_problems(s)
    if "media_roots" in tables:
        problems += _media_root_problems(s)
    if {"texts", "text_terms"} <= tables:
        problems += _text_terms_problems(s)
    return problems


def _text_terms_problems(s: Session) -> list[str]:
    """text_terms (0011): kept by the trigger tr_texts_terms; each row strip(texts.tsv)."""
    problems = []
    trigger = s.execute(
        text("SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass('texts') AND tgname = 'tr_texts_terms' "
             "AND tgenabled <> 'D'")
    ).scalar_one()
    if not trigger:
        problems.append(
            "the trigger tr_texts_terms on texts is missing or disabled (migration 0011): new and changed texts are "
            f"not found among many matches; migration 0011's TRIGGER_FUNCTION and TRIGGER put it back ({REPAIR})"
        )
    try:
        with s.begin_nested():
            stale = s.execute(
                text(
                    f"SELECT count(*) FROM (SELECT id, tsv FROM texts ORDER BY id DESC LIMIT {SAMPLE_ROWS}) t "
                    "LEFT JOIN text_terms x ON x.id = t.id WHERE x.terms IS DISTINCT FROM strip(t.tsv)"
                )
            ).scalar_one()
    except DBAPIError:  # texts.tsv gone: reported by the column checks
        return problems
    if stale:
        problems.append(
            f"{stale} of the newest {SAMPLE_ROWS} texts have no text_terms row or a different one: search among many "
            f"matches misses them; UPDATE texts SET title = title computes them again ({REPAIR})"
        )
    return problems


def _column_problems(s: Session, d: Derived) -> list[str]:
    name = f"{d.table}.{d.column}"
    row = s.execute(
        text(
            "SELECT format_type(a.atttypid, a.atttypmod), a.attgenerated FROM pg_attribute a "
            "WHERE a.attrelid = to_regclass(:t) AND a.attname = :c AND a.attnum > 0 AND NOT a.attisdropped"
        ),
        {"t": d.table, "c": d.column},
    ).first()
    if row is None:
        return [
            f"column {name} is missing (migration {d.migration}): {d.serves} fails on this server ({REPAIR})"
        ]
    if row[0] != "tsvector" or row[1] != "s":
        return [
            f"column {name} is not the stored generated tsvector migration {d.migration} made "
            f"({row[0]}{', generated' if row[1] else ', not generated'}): new and changed rows are not indexed "
            f"for {d.serves} ({REPAIR})"
        ]
    problems = []
    empty = s.execute(text(f"SELECT count(*) FROM {d.table} WHERE {d.column} IS NULL")).scalar_one()
    if empty:
        problems.append(
            f"{empty} rows of {d.table} have no search vector in {d.column}: {d.serves} misses them ({REPAIR})"
        )
    try:
        with s.begin_nested():
            stale = s.execute(
                text(
                    f"SELECT count(*) FROM (SELECT {d.column} AS v, {d.expression} AS e FROM {d.table} "
                    f"ORDER BY id DESC LIMIT {SAMPLE_ROWS}) r WHERE r.v IS DISTINCT FROM r.e"
                )
            ).scalar_one()
    except DBAPIError:  # a function or configuration gone: reported by the other checks
        return problems
    if stale:
        problems.append(
            f"{stale} of the newest {SAMPLE_ROWS} rows of {d.table} have a {d.column} that differs from its definition "
            f"(the search configurations changed since they were stored): {d.serves} finds the wrong rows; "
            f"{d.rebuild} computes them again ({REPAIR})"
        )
    return problems


def _speaker_term_problems(s: Session) -> list[str]:
    problems = []
    collation = s.execute(
        text(
            "SELECT collation_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'speaker_terms' AND column_name = 'term'"
        )
    ).scalar()
    if collation != "C":
        problems.append(
            f"speaker_terms.term is not in byte order (collation {collation or 'the default'}, migration "
            f'0008 made it "C"): search by speaker name finds other speakers than on SQLite ({REPAIR})'
        )
    # A speaker whose name has words but no term is never found by name (a name of signs only has none).
    bare = s.execute(
        text(
            "SELECT s.id, s.name FROM speakers s WHERE NOT EXISTS (SELECT 1 FROM speaker_terms t WHERE t.speaker_id = s.id)"
        )
    ).all()
    lost = [name for _id, name in bare if name_terms(name)]
    if lost:
        problems.append(
            f"{len(lost)} speakers have no name terms (search by name does not find them, e.g. {lost[0][:80]!r}): "
            "import their catalogs again"
        )
    return problems


def _media_root_problems(s: Session) -> list[str]:
    problems = []
    for prefix, url, catalog in s.execute(
        text("SELECT prefix, url, catalog FROM media_roots ORDER BY prefix")
    ):
        reason = (url_problem(url) if is_url(url) else "it is not an http(s) URL") or _root_problem(
            prefix, url
        )
        if reason:
            problems.append(
                f"media root {prefix[:120]!r} -> {url[:120]!r} (from {catalog[:120]}) is refused: {reason}; recordings "
                "under it open at their stored location: import that catalog again"
            )
    return problems


def _root_problem(prefix: str, url: str) -> str | None:
    try:
        make_root(prefix, url)
    except ValueError as exc:
        return str(exc)
    return None
