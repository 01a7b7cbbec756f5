"""Media and caption files on their own (no catalog): captions, chapters, probe."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vod_app.cli.output import Handler, UserError, emit, error, warn
from vod_app.domain.durations import format_duration


def register(sub: Any) -> dict[str, Handler]:
    """Add this group's subcommands to sub; return their handlers by name."""
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
    return {"captions": cmd_captions, "chapters": cmd_chapters, "probe": cmd_probe}


def refuse_media(path: Path, expected: str) -> None:
    """A media file given where text is expected: say so instead of echoing its binary header."""
    from vod_app.formats.mediafile import media_kind

    with path.open("rb") as stream:
        kind = media_kind(stream.read(1024))
    if kind is not None:
        raise UserError(f"{path}: this is a media file ({kind}), not {expected} (try 'vod-app probe {path}')")


def cmd_captions(args: argparse.Namespace) -> int:
    from vod_app.formats.captions import load_caption_file

    path: Path = args.file
    refuse_media(path, "a caption file")
    doc = load_caption_file(path)
    for warning in doc.warnings:
        warn(f"{path}: {warning}")
    data = [{"id": cue.id, "start_ms": cue.start_ms, "end_ms": cue.end_ms, "text": cue.text} for cue in doc.cues]
    lines = []
    for cue in data:
        text = cue["text"].replace("\n", "\n" + " " * 17)  # continuation lines under the first
        lines.append(f"{format_duration(cue['start_ms']):>7} --> {format_duration(cue['end_ms']):>7}  {text}")
    emit(args, data, lines)
    return 0


def cmd_chapters(args: argparse.Namespace) -> int:
    from vod_app.formats.mediafile import is_media_name, media_kind

    path: Path = args.file
    if args.duration is not None and args.duration < 0:
        raise UserError(f"--duration must not be negative (got {args.duration})")
    duration_ms = int(args.duration * 1000) if args.duration is not None else None
    with path.open("rb") as stream:
        is_media = is_media_name(path.name) or media_kind(stream.read(1024)) is not None
    if is_media:
        from vod_app.playback.probe import probe_media

        result = probe_media(str(path))
        if result.error:
            raise UserError(result.error)
        data = [{"start_ms": c.start_ms, "end_ms": c.end_ms, "title": c.title} for c in result.chapters]
        why_none = "the media file has no chapters in its container"
    else:
        from vod_app.formats.chapter_files import read_chapters_file

        found = read_chapters_file(path, duration_ms)
        for warning in found.warnings:
            warn(f"{path}: {warning}")
        data = [{"start_ms": c.start_ms, "end_ms": c.end_ms, "title": c.title} for c in found.chapters]
        why_none = found.why_none
    if not data:
        error(f"{path}: no chapters: {why_none}")
    emit(args, data, [f"{format_duration(c['start_ms']):>7}  {c['title'] or '(untitled lead-in)'}" for c in data])
    return 0


def cmd_probe(args: argparse.Namespace) -> int:
    from vod_app.playback.probe import probe_json

    data = probe_json(args.media)
    if data.get("error"):
        raise UserError(data["error"])
    lines = [f"duration: {format_duration(data.get('duration_ms'))}"]
    lines += [f"chapter {format_duration(c['start_ms'])}  {c['title']}" for c in data.get("chapters", [])]
    lines += [f"audio {a.get('id')}: {a.get('language') or '?'} {a.get('label') or ''}" for a in data.get("audio_tracks", [])]
    lines += [f"subtitles {a.get('id')}: {a.get('language') or '?'} {a.get('label') or ''}" for a in data.get("subtitle_tracks", [])]
    emit(args, data, lines)
    return 0
