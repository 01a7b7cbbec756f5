"""Database maintenance: db upgrade|check|backup|recover."""

from __future__ import annotations

import argparse
from typing import Any

from vod_app import backups
from vod_app.cli.output import Handler, UserError, emit, error


def register(sub: Any) -> dict[str, Handler]:
    """Add this group's subcommands to sub; return their handlers by name."""
    s = sub.add_parser("db", help="database maintenance")
    s.add_argument(
        "action",
        choices=("upgrade", "check", "backup", "recover"),
        help="recover: keep a damaged catalog aside, rebuild it and restore your positions, bookmarks and settings",
    )
    s.add_argument("--json", action="store_true")
    return {"db": cmd_db}


def cmd_db(args: argparse.Namespace) -> int:
    from vod_app.catalog.database import (
        RECOVER_HINT,
        backup_sqlite,
        head_revision,
        integrity_problems,
        open_catalog,
        recognise,
        sqlite_file_of,
    )
    from vod_app.catalog.diagnosis import diagnose
    from vod_app.catalog.recovery import recover_catalog
    from vod_app.paths import app_paths

    url = args.db or app_paths().database_url()
    backups_dir = backups.backups_dir(url)
    db_file = sqlite_file_of(url)
    if args.action == "upgrade":
        catalog = open_catalog(url, backups_dir=backups_dir, upgrade=True)
        emit(args, {"revision": head_revision()}, [f"catalog at schema {head_revision()}"])
        catalog.dispose()
        return 0
    if args.action == "check":
        if db_file is not None:
            diagnosis = diagnose(db_file)
            if not diagnosis.ok:
                hint = f"; {RECOVER_HINT}" if diagnosis.recoverable else ""
                data = {"ok": False, "problems": diagnosis.problems, "recoverable": diagnosis.recoverable, "counts": {}}
                emit(args, data, diagnosis.problems)
                error(f"{diagnosis.summary()}{hint}")
                return 1
        catalog = open_catalog(url, backups_dir=backups_dir, upgrade=False)
        # a SQLite file was checked by diagnose() above; PostgreSQL has a check of its own
        problems = integrity_problems(catalog.engine) if catalog.is_sqlite and db_file is None else []
        if catalog.engine.dialect.name == "postgresql":
            from vod_app.catalog.pg_admin import check_postgres

            problems = check_postgres(catalog)
        from vod_app.catalog.repository import CatalogRepository

        counts = CatalogRepository(catalog).counts()
        catalog.dispose()
        emit(args, {"ok": not problems, "problems": problems, "counts": counts}, [*(problems or ["integrity ok"]), *(f"{k}: {v}" for k, v in counts.items())])
        if problems and catalog.is_sqlite:
            error(f"{db_file or url}: integrity check failed: {problems[0]}; {RECOVER_HINT}")
        elif problems:  # db recover is for SQLite files; the URL is shown without its password
            from vod_app.catalog.pg_derived import REPAIR

            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            error(f"{catalog.where}: check failed: {problems[0]}{more}" + ("" if REPAIR in problems[0] else f" ({REPAIR})"))
        return 0 if not problems else 1
    if db_file is None and args.action == "backup" and url.startswith("postgresql"):
        from vod_app.catalog.pg_admin import backup_postgres

        dest = backup_postgres(url, app_paths().backups_dir)
        emit(args, {"backup": str(dest)}, [f"backup written to {dest}"])
        return 0
    if db_file is None:
        raise UserError(f"'db {args.action}' works on SQLite catalogs only; use the database server's own tools")
    if args.action == "recover":
        report = recover_catalog(db_file, backups_dir)
        data = {
            "recovered": not report.nothing_to_do,
            "problems": report.problems,
            "kept_aside": [str(p) for p in report.kept_aside],
            "catalog_from": report.catalog_from,
            "backup_used": str(report.backup_used) if report.backup_used else None,
            "snapshots_used": [str(p) for p in report.snapshots_used],
            "salvaged": report.salvaged,
            "user_state": report.user_state,
            "notes": report.notes,
        }
        emit(args, data, report.lines())
        return 0
    if recognise(db_file).kind != "catalog":  # read-only: a file that is not ours is refused untouched
        raise UserError(f"{db_file}: no catalog to back up")
    dest = backup_sqlite(db_file, backups_dir, "manual")
    emit(args, {"backup": str(dest)}, [f"backup written to {dest}"])
    return 0
