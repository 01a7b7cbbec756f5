"""Catalog commands: import, search, recent, show."""

from __future__ import annotations

import argparse
import html
from pathlib import Path
from typing import Any

from vod_app.cli.common import known_lang, open_catalog, snapshot_user_state
from vod_app.cli.output import Handler, UsageError, UserError, emit, terminal_progress
from vod_app.domain.durations import format_duration


def register(sub: Any) -> dict[str, Handler]:
    """Add this group's subcommands to sub; return their handlers by name."""
    s = sub.add_parser("import", help="import a catalog file (JSON), a folder of recordings or a feed (file or URL)")
    s.add_argument("path")  # text, not Path: a feed URL's "//" must survive
    s.add_argument("--json", action="store_true", help="print the report as JSON")

    s = sub.add_parser("search", help="search titles, descriptions and captions")
    s.add_argument("query", help="the text to look for; several words and words starting with '-' are fine")
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
    return {"import": cmd_import, "search": cmd_search, "recent": cmd_recent, "show": cmd_show}


def cmd_import(args: argparse.Namespace) -> int:
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.cli import feed_commands

    if feed_commands.is_feed_location(args.path):
        return feed_commands.cmd_import_feed(args)
    path = Path(args.path)
    catalog = open_catalog(args)
    if path.is_dir():
        from vod_app.catalog.folder import import_folder
        from vod_app.playback.probe import probe_media

        report = import_folder(catalog, path, probe=probe_media, progress=terminal_progress())
    else:
        report = import_catalog_file(catalog, path)
    snapshot_user_state(catalog, "import")
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
    emit(args, data, [report.summary(), *(f"warning: {w}" for w in report.warnings)])
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from vod_app.catalog.search import search_backend
    from vod_app.domain.search_filters import SearchFilters

    if args.limit < 1:
        raise UserError(f"--limit must be at least 1 (got {args.limit})")
    if not args.query.strip():
        raise UsageError('needs some text to look for, e.g. vod-app search "global compact"')
    catalog = open_catalog(args)
    lang = known_lang(catalog, args.lang)
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
        if h.kind in ("cue", "speaker") and h.recording_uid is not None:
            item["recording_id"] = h.recording_uid
            item["start_ms"] = h.start_ms
        data.append(item)
        at = f" @{format_duration(h.start_ms)}" if h.start_ms is not None and h.kind in ("cue", "speaker") else ""
        plain = html.unescape(h.snippet.replace("<b>", "").replace("</b>", ""))
        lines.append(f"[{h.kind}] {h.session_uid}{at}  {h.title}\n    {plain}")
    if not hits:
        lines.append("no results")
    emit(args, data, lines)
    return 0


def cmd_recent(args: argparse.Namespace) -> int:
    from vod_app.catalog.repository import CatalogRepository
    from vod_app.domain.search_filters import SearchFilters

    if args.n < 1:
        raise UserError(f"-n must be at least 1 (got {args.n})")
    catalog = open_catalog(args)
    lang = known_lang(catalog, args.lang)
    prefs = (lang,) if lang else ("en",)
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
        f"{r.date.isoformat() if r.date else '----------'}  {format_duration(r.duration_ms):>7}  {r.title}"
        + (f"  [{', '.join(r.languages)}]" if r.languages else "")
        + ("  (sample)" if r.is_sample else "")
        for r in page.items
    ]
    emit(args, data, lines)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from vod_app.catalog.repository import CatalogRepository
    from vod_app.cli.media_roots import resolution_fields

    catalog = open_catalog(args)
    repo = CatalogRepository(catalog)
    sid = repo.session_id_for_uid(args.id)
    if sid is None and args.id.isdigit():
        sid = int(args.id)
    lang = known_lang(catalog, args.lang)
    prefs = (lang,) if lang else ("en",)
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
                "source": r.catalog_source,
                **resolution_fields(catalog, r.catalog_source, r.source),
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
        lines += ["", f"Recording {r.uid} ({format_duration(r.duration_ms)}): {r.catalog_source}"]
        if r.source != r.catalog_source:
            via = next(x["resolved_by"] for x in data["recordings"] if x["id"] == r.uid)
            lines.append(f"  plays from {r.source} ({via})")
        lines += [f"  {format_duration(c.start_ms)}  {c.title}" for c in r.chapters]
    emit(args, data, lines)
    return 0
