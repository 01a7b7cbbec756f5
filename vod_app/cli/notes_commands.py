"""``vod-app notes list|add|export|import``: a person's notes from the terminal (issue 11).

``--user`` (or VOD_APP_USER) says whose notes; they are never another person's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vod_app.cli.common import open_catalog
from vod_app.cli.output import Handler, UserError, emit, printable

FORMATS = ("md", "csv", "vtt")


def register(sub: Any) -> dict[str, Handler]:
    s = sub.add_parser("notes", help="your notes and bookmarks: list, add, export, import")
    acts = s.add_subparsers(dest="notes_action", metavar="ACTION", required=True)
    ls = acts.add_parser("list", help="your notes, newest first")
    ls.add_argument("--session", metavar="ID", help="only this session's (id or uid)")
    ls.add_argument("--json", action="store_true", help="print JSON")
    add = acts.add_parser("add", help="a note at a moment of a recording or session")
    add.add_argument("target", metavar="RECORDING_OR_SESSION", help="a recording or session id or uid (a session: its first recording)")
    add.add_argument("--at", required=True, metavar="TIME", help="0:54, 1:02:03 or seconds")
    add.add_argument("--text", default="", help="the note")
    add.add_argument("--json", action="store_true", help="print the new note as JSON")
    ex = acts.add_parser("export", help="notes as Markdown, CSV or WebVTT")
    ex.add_argument("--session", metavar="ID", help="only this session's (id or uid)")
    ex.add_argument("--format", choices=FORMATS, required=True)
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    im = acts.add_parser("import", help="merge a notes file (.csv or .vtt from 'notes export') without duplicates")
    im.add_argument("file", type=Path)
    im.add_argument("--json", action="store_true", help="print the counts as JSON")
    return {"notes": cmd_notes}


def _session_id(catalog: Any, ident: str | None) -> int | None:
    if ident is None:
        return None
    from vod_app.catalog.repository import CatalogRepository

    repo = CatalogRepository(catalog)
    sid = int(ident) if ident.isdigit() else repo.session_id_for_uid(ident)
    if sid is None or (ident.isdigit() and repo.session_detail(sid) is None):
        raise UserError(f"--session {ident!r}: no such session in this catalog")
    return sid


def _data(n: Any) -> dict[str, Any]:
    return {
        "uid": n.uid, "recording_uid": n.recording_uid, "recording_id": n.recording_id, "session_id": n.session_id,
        "session": n.session_title, "event": n.event_title, "date": n.date.isoformat() if n.date else None,
        "panel": n.panel or None, "speaker": n.speaker or None, "time": n.time, "position_ms": n.position_ms,
        "note": n.text, "link": n.link() or None, "created_at": n.created_at.isoformat(),
    }


def cmd_notes(args: argparse.Namespace) -> int:
    from vod_app.catalog.notes import list_notes
    from vod_app.catalog.user_state import UserStateRepository

    catalog = open_catalog(args)
    user = UserStateRepository(catalog)
    action = args.notes_action
    if action == "import":
        from vod_app.catalog.notes import merge_notes, read_notes_file

        added, known = merge_notes(user, read_notes_file(args.file))
        emit(args, {"added": added, "already_here": known}, [f"{args.file.name}: {added} notes added, {known} already here"])
        return 0
    if action == "add":
        return _add(args, catalog, user)
    notes = list_notes(catalog, user, session_id=_session_id(catalog, args.session))
    if action == "list":
        emit(args, [_data(n) for n in notes], [
            f"{n.time}  {n.session_title or n.recording_uid}  {n.text.splitlines()[0] if n.text else ''}  {n.link()}" for n in notes
        ])
        return 0
    from vod_app.domain import notes as fmt

    writer = {"md": fmt.to_markdown, "csv": fmt.to_csv, "vtt": fmt.to_vtt}[args.format]
    text = writer(notes)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        sys.stderr.write(f"{printable(args.output)}: {len(notes)} notes\n")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _add(args: argparse.Namespace, catalog: Any, user: Any) -> int:
    from vod_app.catalog.notes import list_notes, panel_uid_at, resolve_target
    from vod_app.domain.durations import format_duration
    from vod_app.domain.links import parse_time

    at = parse_time(args.at)
    rid, ruid, duration = resolve_target(catalog, "any", args.target)
    if duration and at > duration:
        raise UserError(f"--at {args.at}: past the end of the recording ({format_duration(duration)})")
    uid = user.add_bookmark(ruid, at, args.text, panel_uid=panel_uid_at(catalog, rid, at))
    note = next(n for n in list_notes(catalog, user, recording_uid=ruid) if n.uid == uid)
    emit(args, _data(note), [f"note {uid} at {note.time}: {note.link()}"])
    return 0
