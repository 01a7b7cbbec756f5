"""Headless commands: ``vod-app import|search|recent|show|db|captions|chapters|probe``.

Exit status: 0 ok, 1 a user error (one clear line on stderr), 2 a usage error. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

COMMANDS = ("import", "search", "recent", "show", "db", "captions", "chapters", "probe")


class UserError(Exception):
    """Shown as one line on stderr; exit status 1."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vod-app", description="Video-on-demand browser for recorded dialogue sessions.")
    p.add_argument("--db", metavar="URL", help="catalog database as a SQLAlchemy URL (default: VOD_APP_DB or the user data folder)")
    p.add_argument("--user", metavar="NAME", help="whose positions, bookmarks and preferences (default: VOD_APP_USER or the login name)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("import", help="import a catalog file (JSON) or a folder of recordings")
    s.add_argument("path", type=Path)
    s.add_argument("--json", action="store_true", help="print the report as JSON")

    s = sub.add_parser("search", help="search titles, descriptions and captions")
    s.add_argument("query")
    s.add_argument("--lang", help="only text or captions in this language (e.g. es)")
    s.add_argument("--event", help="only sessions of this event id")
    s.add_argument("--year", type=int, help="only sessions of this year")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("recent", help="recent recordings, newest first")
    s.add_argument("-n", type=int, default=20, dest="n")
    s.add_argument("--lang")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("show", help="show a session (by id)")
    s.add_argument("id")
    s.add_argument("--lang", help="description language")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("db", help="database maintenance")
    s.add_argument(
        "action",
        choices=("upgrade", "check", "backup", "recover"),
        help="recover: keep a damaged catalog aside, rebuild it and restore your positions, bookmarks and settings",
    )
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("captions", help="parse a WebVTT or SRT file")
    s.add_argument("file", type=Path)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("chapters", help="chapters of a media file, a WebVTT chapters file or a description")
    s.add_argument("file", type=Path)
    s.add_argument("--duration", type=float, metavar="SECONDS")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("probe", help="duration, chapters and tracks of a media file")
    s.add_argument("media")
    s.add_argument("--json", action="store_true")
    return p


def _emit(args: argparse.Namespace, data: Any, text_lines: Sequence[str]) -> None:
    out = sys.stdout
    if getattr(args, "json", False):
        out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        for line in text_lines:
            out.write(line + "\n")


def _fmt_ms(ms: int | None) -> str:
    if ms is None:
        return "--:--"
    s = ms // 1000
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def _backups_dir(url: str) -> Path:
    from vod_app.catalog.database import sqlite_file_of
    from vod_app.catalog.recovery import backups_dir_for
    from vod_app.paths import app_paths

    db_file = sqlite_file_of(url)
    return backups_dir_for(db_file) if db_file is not None else app_paths().backups_dir


def _open(args: argparse.Namespace, *, seed: bool = True):  # -> Catalog
    from vod_app.catalog.builtin import ensure_builtin_catalog
    from vod_app.catalog.database import open_catalog
    from vod_app.paths import app_paths

    url = args.db or app_paths().database_url()
    catalog = open_catalog(url, backups_dir=_backups_dir(url))
    if seed:
        from vod_app.catalog.validation import CatalogFileError

        try:
            ensure_builtin_catalog(catalog)
        except CatalogFileError as exc:  # the user's own command still runs
            sys.stderr.write(f"vod-app: warning: the built-in catalog was not loaded: {exc}\n")
    return catalog


def cmd_import(args: argparse.Namespace) -> int:
    from vod_app.catalog.importer import import_catalog_file

    path: Path = args.path
    catalog = _open(args)
    if path.is_dir():
        from vod_app.catalog.folder import import_folder
        from vod_app.playback.probe import probe_media

        report = import_folder(catalog, path, probe=probe_media, progress=_terminal_progress())
    else:
        report = import_catalog_file(catalog, path)
    _snapshot_user_state(catalog, "import")
    data = {
        "source": report.source,
        "events_added": report.events_added,
        "events_updated": report.events_updated,
        "sessions_added": report.sessions_added,
        "sessions_updated": report.sessions_updated,
        "sessions_unchanged": report.sessions_unchanged,
        "cues": report.cues,
        "warnings": report.warnings,
    }
    _emit(args, data, [report.summary(), *(f"warning: {w}" for w in report.warnings)])
    return 0


def _snapshot_user_state(catalog, label: str) -> None:  # noqa: ANN001
    """A few-KB copy of positions, bookmarks and settings for 'db recover' (best effort)."""
    import sqlite3

    from vod_app.catalog.database import CatalogError, sqlite_file_of
    from vod_app.catalog.recovery import snapshot_user_state

    db_file = sqlite_file_of(catalog.url)
    if db_file is None:
        return
    try:
        snapshot_user_state(catalog, _backups_dir(catalog.url), label)
    except (OSError, CatalogError, sqlite3.Error) as exc:
        sys.stderr.write(f"vod-app: warning: no user-state snapshot was taken: {exc}\n")


def _terminal_progress():  # -> callable(done, total, label) | None
    if not sys.stderr.isatty():
        return None

    def progress(done: int, total: int, label: str) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[-40:]:<40}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return progress


def cmd_search(args: argparse.Namespace) -> int:
    from vod_app.catalog.search import SearchFilters, search_backend

    if args.limit < 1:
        raise UserError(f"--limit must be at least 1 (got {args.limit})")
    catalog = _open(args)
    lang = args.lang.lower() if args.lang else None
    hits = search_backend(catalog).search(
        args.query, SearchFilters(lang=lang, event_uid=args.event, year=args.year), limit=args.limit, ui_lang=lang or "en", prefix=True
    )
    data = []
    lines = []
    for h in hits:
        item: dict[str, Any] = {
            "kind": h.kind,
            "session_id": h.session_uid,
            "title": h.title,
            "snippet": h.snippet,
            "lang": h.lang,
            "date": h.date.isoformat() if h.date else None,
        }
        if h.kind == "panel":
            item["panel_id"] = h.panel_uid
        if h.kind == "cue":
            item["recording_id"] = h.recording_uid
            item["start_ms"] = h.start_ms
        data.append(item)
        at = f" @{_fmt_ms(h.start_ms)}" if h.kind == "cue" else ""
        plain = h.snippet.replace("<b>", "").replace("</b>", "")
        lines.append(f"[{h.kind}] {h.session_uid}{at}  {h.title}\n    {plain}")
    if not hits:
        lines.append("no results")
    _emit(args, data, lines)
    return 0


def cmd_recent(args: argparse.Namespace) -> int:
    from vod_app.catalog.repository import CatalogRepository
    from vod_app.catalog.search import SearchFilters

    if args.n < 1:
        raise UserError(f"-n must be at least 1 (got {args.n})")
    catalog = _open(args)
    prefs = (args.lang,) if args.lang else ("en",)
    page = CatalogRepository(catalog).recent_recordings(limit=args.n, filters=SearchFilters(), prefs=prefs)
    data = [
        {
            "recording_id": r.recording_uid,
            "session_id": r.session_uid,
            "date": r.date.isoformat() if r.date else None,
            "event": r.event_title,
            "title": r.title,
            "duration_ms": r.duration_ms,
            "languages": list(r.languages),
            "sample": r.is_sample,
        }
        for r in page.items
    ]
    lines = [
        f"{r.date.isoformat() if r.date else '----------'}  {_fmt_ms(r.duration_ms):>7}  {r.title}"
        + (f"  [{', '.join(r.languages)}]" if r.languages else "")
        + ("  (sample)" if r.is_sample else "")
        for r in page.items
    ]
    _emit(args, data, lines)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from vod_app.catalog.repository import CatalogRepository

    catalog = _open(args)
    repo = CatalogRepository(catalog)
    sid = repo.session_id_for_uid(args.id)
    if sid is None and args.id.isdigit():
        sid = int(args.id)
    prefs = (args.lang.lower(),) if args.lang else ("en",)
    detail = repo.session_detail(sid, prefs) if sid is not None else None
    if detail is None:
        raise UserError(f"no session with id {args.id!r} (see 'vod-app recent' or 'vod-app search')")
    data = {
        "id": detail.uid,
        "title": detail.title,
        "date": detail.date.isoformat() if detail.date else None,
        "place": detail.place,
        "event": detail.event_title,
        "description": detail.description,
        "lang": detail.lang,
        "available_languages": list(detail.languages),
        "sample": detail.is_sample,
        "panels": [{"id": p.uid, "number": p.number, "title": p.title, "description": p.description, "lang": p.lang} for p in detail.panels],
        "recordings": [
            {
                "id": r.uid,
                "source": r.source,
                "duration_ms": r.duration_ms,
                "chapters": [{"start_ms": c.start_ms, "end_ms": c.end_ms, "title": c.title, "source": c.source} for c in r.chapters],
                "audio_tracks": [{"language": a.language, "label": a.label} for a in r.audio_tracks],
                "captions": [{"language": c.language, "label": c.label} for c in r.captions],
            }
            for r in detail.recordings
        ],
    }
    lines = [detail.title, f"{detail.date or ''}  {detail.event_title}".strip()]
    if detail.languages:
        lines.append("Available languages: " + ", ".join(detail.languages))
    if detail.description:
        lines += ["", detail.description]
    for p in detail.panels:
        lines += ["", p.title, p.description]
    for r in detail.recordings:
        lines += ["", f"Recording {r.uid} ({_fmt_ms(r.duration_ms)}): {r.source}"]
        lines += [f"  {_fmt_ms(c.start_ms)}  {c.title}" for c in r.chapters]
    _emit(args, data, lines)
    return 0


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
    from vod_app.catalog.recovery import diagnose, recover_catalog
    from vod_app.paths import app_paths

    url = args.db or app_paths().database_url()
    backups_dir = _backups_dir(url)
    db_file = sqlite_file_of(url)
    if args.action == "upgrade":
        catalog = open_catalog(url, backups_dir=backups_dir, upgrade=True)
        _emit(args, {"revision": head_revision()}, [f"catalog at schema {head_revision()}"])
        catalog.dispose()
        return 0
    if args.action == "check":
        if db_file is not None:
            diagnosis = diagnose(db_file)
            if not diagnosis.ok:
                hint = f"; {RECOVER_HINT}" if diagnosis.recoverable else ""
                data = {"ok": False, "problems": diagnosis.problems, "recoverable": diagnosis.recoverable, "counts": {}}
                _emit(args, data, diagnosis.problems)
                sys.stderr.write(f"vod-app: {diagnosis.summary()}{hint}\n")
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
        _emit(args, {"ok": not problems, "problems": problems, "counts": counts}, [*(problems or ["integrity ok"]), *(f"{k}: {v}" for k, v in counts.items())])
        if problems:
            sys.stderr.write(f"vod-app: {db_file or url}: integrity check failed: {problems[0]}; {RECOVER_HINT}\n")
        return 0 if not problems else 1
    if db_file is None and args.action == "backup" and url.startswith("postgresql"):
        from vod_app.catalog.pg_admin import backup_postgres

        dest = backup_postgres(url, app_paths().backups_dir)
        _emit(args, {"backup": str(dest)}, [f"backup written to {dest}"])
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
        _emit(args, data, report.lines())
        return 0
    if recognise(db_file).kind != "catalog":  # read-only: a file that is not ours is refused untouched
        raise UserError(f"{db_file}: no catalog to back up")
    dest = backup_sqlite(db_file, backups_dir, "manual")
    _emit(args, {"backup": str(dest)}, [f"backup written to {dest}"])
    return 0


def cmd_captions(args: argparse.Namespace) -> int:
    from vod_app.formats.captions import captions_json

    data = captions_json(args.file)
    _emit(args, data, [f"{_fmt_ms(c['start_ms'])} --> {_fmt_ms(c['end_ms'])}  {c['text']}" for c in data])
    return 0


MEDIA_SUFFIXES = {".mkv", ".mp4", ".m4v", ".m4a", ".m4b", ".mov", ".webm", ".avi", ".mp3", ".ogg", ".ogv", ".opus", ".ts", ".mpg", ".mpeg", ".wmv", ".flv", ".wav", ".flac", ".mka"}


def cmd_chapters(args: argparse.Namespace) -> int:
    path: Path = args.file
    duration_ms = int(args.duration * 1000) if args.duration is not None else None
    if args.duration is not None and args.duration < 0:
        raise UserError(f"--duration must not be negative (got {args.duration})")
    if path.suffix.lower() in MEDIA_SUFFIXES:
        from vod_app.playback.probe import probe_media

        result = probe_media(str(path))
        if result.error:
            raise UserError(result.error)
        data = [{"start_ms": c.start_ms, "end_ms": c.end_ms, "title": c.title} for c in result.chapters]
    else:
        from vod_app.formats.timestamps import chapters_json_from_text_file

        data = chapters_json_from_text_file(path, duration_ms)
    _emit(args, data, [f"{_fmt_ms(c['start_ms'])}  {c['title']}" for c in data])
    return 0


def cmd_probe(args: argparse.Namespace) -> int:
    from vod_app.playback.probe import probe_json

    data = probe_json(args.media)
    if data.get("error"):
        raise UserError(data["error"])
    lines = [f"duration: {_fmt_ms(data.get('duration_ms'))}"]
    lines += [f"chapter {_fmt_ms(c['start_ms'])}  {c['title']}" for c in data.get("chapters", [])]
    lines += [f"audio {a.get('id')}: {a.get('language') or '?'} {a.get('label') or ''}" for a in data.get("audio_tracks", [])]
    lines += [f"subtitles {a.get('id')}: {a.get('language') or '?'} {a.get('label') or ''}" for a in data.get("subtitle_tracks", [])]
    _emit(args, data, lines)
    return 0


HANDLERS = {
    "import": cmd_import,
    "search": cmd_search,
    "recent": cmd_recent,
    "show": cmd_show,
    "db": cmd_db,
    "captions": cmd_captions,
    "chapters": cmd_chapters,
    "probe": cmd_probe,
}


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    if args.command is None:
        parser.print_usage(sys.stderr)
        return 2
    from vod_app.catalog.database import CatalogError
    from vod_app.catalog.validation import CatalogFileError

    try:
        if args.user is not None:  # read by vod_app.paths.current_person(), as VOD_APP_USER is
            from vod_app.catalog.people import check_name

            os.environ["VOD_APP_USER"] = check_name(args.user)
        return HANDLERS[args.command](args)
    except CatalogFileError as exc:
        # One line that names the file, the JSON path and what is wrong; the full list after it.
        sys.stderr.write(f"vod-app: {exc}\n")
        if len(exc.problems) > 1:
            sys.stderr.write(exc.report() + "\n")
        return 1
    except (UserError, CatalogError) as exc:
        sys.stderr.write(f"vod-app: {exc}\n")
        return 1
    except ValueError as exc:  # parsers' format errors (CaptionFormatError is a ValueError)
        sys.stderr.write(f"vod-app: {exc}\n")
        return 1
    except OSError as exc:
        name = exc.filename or ""
        sys.stderr.write(f"vod-app: {name}{': ' if name else ''}{exc.strerror or exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("vod-app: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the promise is "never a traceback"
        sys.stderr.write(f"vod-app: internal error: {type(exc).__name__}: {exc}\n")
        if os.environ.get("VOD_APP_DEBUG"):
            raise
        return 1
