"""``vod-app db check`` and ``db backup`` for a catalog on a PostgreSQL server.

SQLite's integrity check has no PostgreSQL twin; what can go wrong on a server is different: the
schema behind or ahead of this client, the ``unaccent`` extension or the search configurations
dropped, an index left invalid by an interrupted ``CREATE INDEX CONCURRENTLY``, and what only the
migrations create (search vectors, their indexes, speakers' name terms, media roots: pg_derived.py)
gone or out of step. The backup is ``pg_dump`` (custom format, restorable with ``pg_restore``): the
server's own tool, consistent while people keep working.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from vod_app.catalog.database import Catalog, CatalogError, head_revision
from vod_app.catalog.pg_derived import derived_problems

SEARCH_CONFIGS = ("vod_simple", "vod_english", "vod_french", "vod_spanish")


def check_postgres(catalog: Catalog) -> list[str]:
    """What is wrong with a PostgreSQL catalog ([] when it is sound), one line each."""
    problems: list[str] = []
    with catalog.read() as s:
        rev = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if rev != head_revision():
            problems.append(f"schema {rev}, this version of vod-app needs {head_revision()}")
        if s.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")).scalar() is None:
            problems.append("the unaccent extension is missing (CREATE EXTENSION unaccent)")
        have = set(s.execute(text("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'vod_%'")).scalars())
        problems += [f"the text-search configuration {c} is missing" for c in SEARCH_CONFIGS if c not in have]
        invalid = s.execute(
            text(
                "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)"
            )
        ).scalars().all()
        problems += [f"index {name} is invalid (REINDEX INDEX {name})" for name in invalid]
        problems += derived_problems(s)
    return problems


def backup_postgres(url: str, dest_dir: Path, label: str = "manual") -> Path:
    """A ``pg_dump`` of the catalog into ``dest_dir`` (custom format); CatalogError without pg_dump."""
    pg_dump = shutil.which("pg_dump")
    u = make_url(url)
    where = u.render_as_string(hide_password=True)
    if pg_dump is None:
        raise CatalogError(
            f"{where}: pg_dump is not installed, so no backup was taken "
            "(apt-get install postgresql-client, or ask the server's administrator)"
        )
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = dest_dir / f"{u.database or 'catalog'}-{stamp}-{label}.pgdump"
    part = dest.with_name(dest.name + ".part")
    env = {**os.environ}
    if u.password:
        env["PGPASSWORD"] = str(u.password)  # never on the command line (ps shows it)
    args = [pg_dump, "--format=custom", "--no-owner", f"--file={part}", "--dbname", u.database or "postgres"]
    if u.host:
        args += ["--host", u.host]
    if u.port:
        args += ["--port", str(u.port)]
    if u.username:
        args += ["--username", u.username]
    try:
        proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        part.unlink(missing_ok=True)
        raise CatalogError(f"{where}: pg_dump failed ({exc})") from exc
    if proc.returncode != 0:
        part.unlink(missing_ok=True)
        first = (proc.stderr.strip().splitlines() or ["no message"])[0]
        raise CatalogError(f"{where}: pg_dump failed: {first}")
    part.replace(dest)  # a dump cut short never looks like a complete one
    return dest
