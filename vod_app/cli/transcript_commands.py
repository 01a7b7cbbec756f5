"""Transcripts and speakers of a catalogued session: ``vod-app transcript`` and ``vod-app speakers``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from vod_app.cli.common import open_catalog
from vod_app.cli.output import Handler, UserError, emit, printable
from vod_app.domain.durations import format_duration

FORMATS = ("txt", "vtt", "srt", "json")


def register(sub: Any) -> dict[str, Handler]:
    """Add this group's subcommands to sub; return their handlers by name."""
    s = sub.add_parser("transcript", help="a recording's (or a session's) captions as a transcript with times and speakers")
    s.add_argument("id", metavar="SESSION_OR_RECORDING", help="a session or recording id (see 'vod-app show')")
    s.add_argument("--lang", metavar="L", help="captions language (default: English if present, else the first)")
    s.add_argument("--format", choices=FORMATS, default="txt")

    s = sub.add_parser("speakers", help="who spoke in a session, with their interventions")
    s.add_argument("id", metavar="SESSION")
    s.add_argument("--json", action="store_true")
    return {"transcript": cmd_transcript, "speakers": cmd_speakers}


def _recordings(catalog: Any, ident: str) -> list[tuple[int, str]]:
    from vod_app.catalog.transcripts import recordings_for

    recs = recordings_for(catalog, ident)
    if not recs:
        raise UserError(f"no session or recording with id {ident!r} (see 'vod-app recent' or 'vod-app search')")
    return recs


def _cues(catalog: Any, recs: list[tuple[int, str]], lang: str | None) -> list[dict[str, Any]]:
    """Every cue of every recording, in the chosen language (``--lang`` refused when none has it)."""
    from vod_app.catalog.transcripts import choose_language, transcript_cues, transcript_languages

    out: list[dict[str, Any]] = []
    have: set[str] = set()
    for rid, uid in recs:
        langs = transcript_languages(catalog, rid)
        have |= set(langs)
        chosen = choose_language(langs, [lang] if lang else ["en"])
        if lang and chosen and chosen.split("-")[0] != lang.split("-")[0]:
            continue
        if chosen is None:
            continue
        for start, end, text, speaker in transcript_cues(catalog, rid, chosen):
            out.append({"recording_id": uid, "start_ms": start, "end_ms": end, "speaker": speaker or None, "text": text})
    if lang and not out and have:
        raise UserError(f"--lang {lang!r}: no captions in that language (captions: {', '.join(sorted(have))})")
    return out


def cmd_transcript(args: argparse.Namespace) -> int:
    catalog = open_catalog(args)
    cues = _cues(catalog, _recordings(catalog, args.id), args.lang.strip().lower() if args.lang else None)
    if not cues:
        raise UserError(f"{args.id}: no captions, so no transcript")
    out = sys.stdout
    if args.format == "json":
        data = [{k: c[k] for k in ("start_ms", "end_ms", "speaker", "text")} for c in cues]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format in ("vtt", "srt"):
        from vod_app.formats.model import Cue
        from vod_app.formats.srt import format_srt
        from vod_app.formats.webvtt import format_webvtt

        if args.format == "vtt":
            # Speakers as voice spans, the text escaped as WebVTT requires.
            def body(c: dict[str, Any]) -> str:
                text = c["text"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                return f"<v {c['speaker']}>{text}" if c["speaker"] else text

            out.write(format_webvtt(Cue(start_ms=c["start_ms"], end_ms=c["end_ms"], text=body(c)) for c in cues))
        else:
            out.write(format_srt(
                Cue(start_ms=c["start_ms"], end_ms=c["end_ms"], text=(f"{c['speaker']}: " if c["speaker"] else "") + c["text"], id=str(n))
                for n, c in enumerate(cues, 1)
            ))
    else:
        for c in cues:
            who = f"{c['speaker']}: " if c["speaker"] else ""
            text = c["text"].replace("\n", " ")
            out.write(printable(f"{format_duration(c['start_ms']):>7}  {who}{text}") + "\n")
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    """Speakers of each recording: the catalog's interventions where it has some, else the captions'
    voice spans (consecutive cues of one voice are one intervention). ``source`` says which."""
    from vod_app.catalog.speakers import recording_speakers
    from vod_app.domain.speakers import CATALOG
    from vod_app.domain.transcript import TranscriptLine, voice_interventions

    catalog = open_catalog(args)
    recs = _recordings(catalog, args.id)
    speakers: dict[tuple[str, str], dict[str, Any]] = {}

    def entry(name: str, source: str, **details: Any) -> dict[str, Any]:
        new = {"name": name, "role": None, "affiliation": None, "country": None, "source": source, "interventions": []}
        return speakers.setdefault((source, name), {**new, **details})

    for rid, uid in recs:
        catalogued = recording_speakers(catalog, rid)
        for sp in catalogued:
            e = entry(sp.name, CATALOG, role=sp.role, affiliation=sp.affiliation, country=sp.country, sample=sp.is_sample)
            e["interventions"] += [
                {"recording_id": uid, "start_ms": s.start_ms, "end_ms": s.end_ms, "language": s.language, "source": CATALOG} for s in sp.spans
            ]
        if catalogued:
            continue  # the catalog wins over voice tags, recording by recording
        lines = [TranscriptLine(c["start_ms"], c["end_ms"], c["text"], c["speaker"] or "") for c in _cues(catalog, [(rid, uid)], None)]
        for iv in voice_interventions(lines):
            entry(iv.speaker, iv.source)["interventions"].append(
                {"recording_id": uid, "start_ms": iv.start_ms, "end_ms": iv.end_ms, "source": iv.source}
            )
    data = list(speakers.values())
    lines_out = []
    for sp in data:
        total = sum(i["end_ms"] - i["start_ms"] for i in sp["interventions"])
        who = ", ".join(x for x in (sp["role"], sp["affiliation"], sp["country"]) if x)
        origin = "catalog" if sp["source"] == CATALOG else "caption voice tags"
        lines_out.append(printable(f"{sp['name']}" + (f" ({who})" if who else "") + f"  {format_duration(total)}  [from the {origin}]"))
        lines_out += [f"  {format_duration(i['start_ms']):>7} - {format_duration(i['end_ms'])}" for i in sp["interventions"]]
    if not data and not getattr(args, "json", False):
        lines_out.append(f"{args.id}: no speakers known (neither the catalog nor the captions' voice tags name any)")
    emit(args, data, lines_out)
    return 0
