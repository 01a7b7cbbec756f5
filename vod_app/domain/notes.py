"""Notes (bookmarks with a text) as people cite them: the record, citations and the export formats.

Stdlib only, so the window, the CLI and tests share one writer per format. Exports carry each
note's uid (a CSV column, a WebVTT cue identifier) so that importing a file back merges without
duplicates (catalog/notes.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from vod_app.domain.durations import format_duration
from vod_app.domain.links import MomentLink

CSV_FIELDS = ("uid", "recording_uid", "session_id", "recording_id", "time", "position_ms", "session", "event",
              "date", "panel", "speaker", "note", "link", "created_at")


@dataclass(frozen=True, slots=True)
class Note:
    """One bookmark with where it is: what the notes page, the exports and the CLI show."""

    uid: str
    recording_uid: str
    position_ms: int
    text: str
    created_at: dt.datetime
    recording_id: int | None = None  # None: the recording is no longer in the catalog (kept anyway)
    session_id: int | None = None
    session_uid: str = ""
    session_title: str = ""
    event_title: str = ""
    event_uid: str = ""
    date: dt.date | None = None
    panel: str = ""
    speaker: str = ""
    updated_at: dt.datetime | None = None

    @property
    def time(self) -> str:
        return format_duration(self.position_ms)

    def link(self, lang: str | None = None) -> str:
        """A vod:// link to this moment (by recording: a session may hold several)."""
        if self.recording_id is None:
            return ""
        return MomentLink("recording", self.recording_id, self.position_ms, lang).url()


def citation(note: Note) -> str:
    """Plain text: title, event, date, panel, speaker, time, link."""
    parts = [f"\u201c{note.session_title}\u201d" if note.session_title else note.recording_uid]
    parts += [p for p in (note.event_title, note.date.isoformat() if note.date else "", note.panel, note.speaker) if p]
    parts.append(f"at {note.time}")
    link = note.link()
    return ", ".join(parts) + (f". {link}" if link else ".")


def citation_markdown(note: Note) -> str:
    """One Markdown line: the title linked to the moment, then event, date, panel, speaker, time."""
    title = _md(note.session_title or note.recording_uid)
    link = note.link()
    head = f"[{title}]({link})" if link else title
    rest = [_md(p) for p in (note.event_title, note.date.isoformat() if note.date else "", note.panel, note.speaker) if p]
    return ", ".join([f"*{head}*", *rest, f"at {note.time}"])


def _md(text: str) -> str:
    """Markdown punctuation that would change the line's meaning, escaped."""
    return "".join("\\" + c if c in "\\`*_[]<>|" else c for c in text.replace("\n", " "))


def to_markdown(notes: list[Note]) -> str:
    """Grouped by session, in time order: a heading per session, one item per note with its link."""
    out: list[str] = ["# Notes", ""]
    by_session: dict[str, list[Note]] = {}
    for n in notes:
        by_session.setdefault(n.session_title or n.recording_uid, []).append(n)
    for title, group in by_session.items():
        first = group[0]
        meta = ", ".join(p for p in (first.event_title, first.date.isoformat() if first.date else "") if p)
        out += [f"## {_md(title)}" + (f" ({_md(meta)})" if meta else ""), ""]
        for n in sorted(group, key=lambda x: (x.recording_uid, x.position_ms)):
            where = " \u2014 ".join(_md(p) for p in (n.panel, n.speaker) if p)
            stamp = f"[{n.time}]({n.link()})" if n.link() else n.time
            body = "  \n  ".join(_md(line) for line in n.text.splitlines()) if n.text else ""
            out.append(f"- **{stamp}**" + (f" {where}" if where else "") + (f": {body}" if body else ""))
        out.append("")
    return "\n".join(out)


def to_csv(notes: list[Note]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for n in notes:
        w.writerow({
            "uid": n.uid, "recording_uid": n.recording_uid, "session_id": n.session_id or "", "recording_id": n.recording_id or "",
            "time": n.time, "position_ms": n.position_ms, "session": n.session_title, "event": n.event_title,
            "date": n.date.isoformat() if n.date else "", "panel": n.panel, "speaker": n.speaker, "note": n.text,
            "link": n.link(), "created_at": n.created_at.isoformat(),
        })
    return buf.getvalue()


def _vtt_time(ms: int) -> str:
    s, milli = divmod(max(0, ms), 1000)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}.{milli:03d}"


def to_vtt(notes: list[Note], cue_ms: int = 5000) -> str:
    """Notes as cues (5 s each, or until the next note): any player shows them beside the video.

    The recording's uid is in a NOTE block per recording and each cue's identifier is the note's uid,
    so the file imports back without duplicates.
    """
    out = ["WEBVTT", ""]
    by_rec: dict[str, list[Note]] = {}
    for n in notes:
        by_rec.setdefault(n.recording_uid, []).append(n)
    for rec_uid, group in by_rec.items():
        out += [f"NOTE recording {rec_uid}", ""]
        group = sorted(group, key=lambda x: x.position_ms)
        for i, n in enumerate(group):
            end = n.position_ms + cue_ms
            if i + 1 < len(group):
                end = min(end, max(group[i + 1].position_ms, n.position_ms + 1))
            where = " \u2014 ".join(p for p in (n.panel, n.speaker) if p)
            # "-->" and blank lines would end the cue early: a note's text never breaks the file
            lines = [ln.replace("-->", "\u2192") for ln in (n.text or where or n.time).splitlines() if ln.strip()]
            out += [n.uid, f"{_vtt_time(n.position_ms)} --> {_vtt_time(end)}", *(lines or [n.time]), ""]
    return "\n".join(out)


@dataclass(frozen=True, slots=True)
class ImportedNote:
    """A note read from a file: what a merge needs (uid may be empty for hand-written files)."""

    uid: str
    recording_uid: str
    position_ms: int
    text: str
    created_at: dt.datetime | None = None


def read_csv(text: str, name: str) -> list[ImportedNote]:
    rows = list(csv.DictReader(io.StringIO(text)))
    out: list[ImportedNote] = []
    for i, r in enumerate(rows, start=2):
        rec = (r.get("recording_uid") or "").strip()
        if not rec:
            raise ValueError(f"{name}: line {i}: recording_uid is empty")
        raw = (r.get("position_ms") or "").strip()
        if not raw.isdigit():
            raise ValueError(f"{name}: line {i}: position_ms {raw!r} is not a number of milliseconds")
        created = None
        if (r.get("created_at") or "").strip():
            try:
                created = dt.datetime.fromisoformat(r["created_at"].strip())
            except ValueError:
                raise ValueError(f"{name}: line {i}: created_at {r['created_at']!r} is not an ISO date and time") from None
        out.append(ImportedNote((r.get("uid") or "").strip(), rec, int(raw), r.get("note") or "", created))
    return out


def read_vtt(text: str, name: str) -> list[ImportedNote]:
    """Our own WebVTT exports: ``NOTE recording UID`` blocks, cues with the note's uid as identifier."""
    out: list[ImportedNote] = []
    rec = ""
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    if not blocks or not blocks[0].startswith("WEBVTT"):
        raise ValueError(f"{name}: not a WebVTT file (no WEBVTT header)")
    for block in blocks[1:]:
        lines = block.split("\n")
        if not block.strip():
            continue
        if lines[0].startswith("NOTE recording "):
            rec = lines[0].removeprefix("NOTE recording ").strip()
            continue
        if lines[0].startswith("NOTE"):
            continue
        ident = ""
        if "-->" not in lines[0]:
            ident, lines = lines[0].strip(), lines[1:]
        if not lines or "-->" not in lines[0]:
            raise ValueError(f"{name}: cue {ident or block[:30]!r} has no timing line")
        if not rec:
            raise ValueError(f"{name}: cue {ident!r} comes before any 'NOTE recording UID' line: which recording?")
        start = _parse_vtt_time(lines[0].split("-->")[0].strip(), name)
        out.append(ImportedNote(ident, rec, start, "\n".join(lines[1:])))
    return out


def _parse_vtt_time(text: str, name: str) -> int:
    parts = text.split(":")
    try:
        secs = 0.0
        for p in parts:
            secs = secs * 60 + float(p)
    except ValueError:
        raise ValueError(f"{name}: timestamp {text!r} is not hh:mm:ss.mmm") from None
    return int(round(secs * 1000))
