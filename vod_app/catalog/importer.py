"""Importing catalogs: one write transaction, upsert by stable ids, user state untouched.

Sessions are validated and mapped to rows one at a time; BulkRows (bulk_rows.py) writes the rows in
batches, so a generated catalog of 100,000 sessions imports in constant memory.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from vod_app.catalog import models as m
from vod_app.catalog.bulk_rows import BulkRows
from vod_app.catalog.caption_cues import CaptionLoader, load_caption_cues
from vod_app.catalog.database import Catalog
from vod_app.catalog.import_report import ImportReport
from vod_app.catalog.media_roots import store_media_roots
from vod_app.catalog.speaker_rows import buffer_interventions, buffer_speakers, delete_speakers
from vod_app.catalog.validation import (
    CatalogFileError,
    Problem,
    json_path,
    normalize_lang,
    read_catalog_file,
    resolve_media,
    validate_document,
    validate_session,
)
from vod_app.domain.languages import without_region


def localized(value: Any, default_lang: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {default_lang: value}
    return {normalize_lang(k): v for k, v in value.items()}


class CatalogWriter(BulkRows):
    """Maps catalog JSON (events, sessions) to rows inside one open write transaction; the rows are
    written in bulk by BulkRows (catalog/bulk_rows.py). Call finish() before committing."""

    def __init__(
        self,
        conn: Connection,
        base_dir: Path,
        *,
        default_lang: str = "en",
        caption_loader: CaptionLoader = load_caption_cues,
        source: str = "catalog",
    ) -> None:
        super().__init__(conn)
        self.base_dir = base_dir
        self.default_lang = normalize_lang(default_lang)
        self.caption_loader = caption_loader
        self.report = ImportReport(source)
        self.problems: list[Problem] = []
        self._events = {uid: eid for uid, eid in conn.execute(select(m.Event.uid, m.Event.id))}
        self._sessions = {uid: (sid, h) for uid, sid, h in conn.execute(select(m.Session.uid, m.Session.id, m.Session.content_hash))}
        self._panel_owner = dict(conn.execute(select(m.Panel.uid, m.Panel.session_id)).all())
        self._recording_owner = dict(conn.execute(select(m.Recording.uid, m.Recording.session_id)).all())
        self._seen_sessions: set[str] = set()

    # --- events ---

    def add_event(self, ev: dict[str, Any]) -> int:
        uid = ev["id"]
        values = {"organiser": ev.get("organiser"), "year": ev.get("year")}
        titles = localized(ev.get("title"), self.default_lang)
        descriptions = localized(ev.get("description"), self.default_lang)
        eid = self._events.get(uid)
        if eid is None:
            eid = self._new_id(m.Event)
            self.conn.execute(insert(m.Event), [{"id": eid, "uid": uid, **values}])
            self._events[uid] = eid
            self.report.events_added += 1
        else:
            row = self.conn.execute(select(m.Event.organiser, m.Event.year).where(m.Event.id == eid)).one()
            t = m.LocalizedText
            have = {
                lang: (title, desc)
                for lang, title, desc in self.conn.execute(
                    select(t.lang, t.title, t.description).where(t.owner_kind == "event", t.owner_id == eid)
                )
            }
            want = {lang: (titles.get(lang, ""), descriptions.get(lang, "")) for lang in set(titles) | set(descriptions)}
            if tuple(row) == (values["organiser"], values["year"]) and have == want:
                return eid  # unchanged: write nothing, so a re-import leaves the catalog identical
            self.conn.execute(update(m.Event).where(m.Event.id == eid).values(**values))
            self.report.events_updated += 1
        self._replace_texts("event", [eid], {eid: (titles, descriptions)})
        return eid

    def _replace_texts(self, kind: str, owner_ids: list[int], texts: dict[int, tuple[dict[str, str], dict[str, str]]]) -> None:
        if owner_ids:
            self.conn.execute(delete(m.LocalizedText).where(m.LocalizedText.owner_kind == kind, m.LocalizedText.owner_id.in_(owner_ids)))
        for owner_id, (titles, descriptions) in texts.items():
            self._buffer_texts(kind, owner_id, titles, descriptions)

    def _buffer_texts(self, kind: str, owner_id: int, titles: dict[str, str], descriptions: dict[str, str]) -> list[str]:
        langs = sorted(set(titles) | set(descriptions))
        for lang in langs:
            self._buffer(
                m.LocalizedText,
                {
                    "id": self._new_id(m.LocalizedText),
                    "owner_kind": kind,
                    "owner_id": owner_id,
                    "lang": lang,
                    "title": titles.get(lang, ""),
                    "description": descriptions.get(lang, ""),
                },
            )
        return langs

    # --- sessions ---

    def add_session(self, sess: dict[str, Any], path: tuple[Any, ...] = ("session",), *, validate: bool = False) -> None:
        """Add or update one session. With ``validate`` the session is schema-checked first (streams)."""
        if validate:
            problems = validate_session(sess, self.base_dir, path)
            if problems:
                self.problems.extend(problems)
                return
        uid = sess["id"]
        if uid in self._seen_sessions:
            self.problems.append(Problem(json_path(path + ("id",)), f"duplicate session id {uid!r}"))
            return
        self._seen_sessions.add(uid)
        event_uid = sess.get("event")
        event_id = None
        if event_uid is not None:
            event_id = self._events.get(event_uid)
            if event_id is None:
                self.problems.append(Problem(json_path(path + ("event",)), f"unknown event {event_uid!r}"))
                return

        captions = self._read_captions(sess, path)
        if captions is None:
            return
        digest = self._digest(sess, captions)
        existing = self._sessions.get(uid)
        if existing is not None and existing[1] == digest:
            self.report.sessions_unchanged += 1
            return
        if not self._ids_free(sess, path, existing[0] if existing else None):
            return

        titles = localized(sess.get("title"), self.default_lang)
        descriptions = localized(sess.get("description"), self.default_lang)
        languages = self._languages(sess, titles, descriptions)
        row = {
            "event_id": event_id,
            "date": _date(sess.get("date")),
            "place": sess.get("place"),
            "is_sample": bool(sess.get("sample", False)),
            "content_hash": digest,
            "languages": " ".join(languages),
        }
        if existing is None:
            sid = self._new_id(m.Session)
            self._buffer(m.Session, {"id": sid, "uid": uid, **row})
            self.report.sessions_added += 1
        else:
            sid = existing[0]
            self.flush()
            self._delete_children(sid)
            self.conn.execute(update(m.Session).where(m.Session.id == sid).values(**row))
            self.report.sessions_updated += 1
        self._sessions[uid] = (sid, digest)
        for lang in languages:
            self._buffer(m.SessionLanguage, {"session_id": sid, "lang": lang})
        self._buffer_texts("session", sid, titles, descriptions)

        panel_ids: dict[str, int] = {}
        for pos, panel in enumerate(sess.get("panels", [])):
            pid = self._new_id(m.Panel)
            panel_ids[panel["id"]] = pid
            self._panel_owner[panel["id"]] = sid
            self._buffer(
                m.Panel,
                {"id": pid, "uid": panel["id"], "session_id": sid, "position": pos, "number": panel.get("number"), "speakers": panel.get("speakers", [])},
            )
            self._buffer_texts("panel", pid, localized(panel.get("title"), self.default_lang), localized(panel.get("description"), self.default_lang))

        speaker_ids = buffer_speakers(self, sid, sess.get("speakers", []))
        for pos, rec in enumerate(sess.get("recordings", [])):
            rid = self._add_recording(sid, pos, rec, panel_ids, captions.get(pos, []))
            buffer_interventions(self, rid, rec.get("interventions", []), speaker_ids)

    def _languages(self, sess: dict[str, Any], titles: dict[str, str], descriptions: dict[str, str]) -> list[str]:
        """A session's available languages: its texts, its panels' texts, audio and caption tracks."""
        langs = set(titles) | set(descriptions)
        for panel in sess.get("panels", []):
            langs |= set(localized(panel.get("title"), self.default_lang))
            langs |= set(localized(panel.get("description"), self.default_lang))
        for rec in sess.get("recordings", []):
            for item in rec.get("audio_tracks", []) + rec.get("captions", []):
                if item.get("language"):
                    langs.add(normalize_lang(item["language"]))
        # The filters and the session page list languages, not regional variants: 'fr-CA' is 'fr'.
        return sorted({without_region(lang) or lang for lang in langs})

    def _ids_free(self, sess: dict[str, Any], path: tuple[Any, ...], sid: int | None) -> bool:
        ok = True
        for key, owners in (("panels", self._panel_owner), ("recordings", self._recording_owner)):
            for i, item in enumerate(sess.get(key, [])):
                owner = owners.get(item["id"])
                if owner is not None and owner != sid:
                    self.problems.append(
                        Problem(json_path(path + (key, i, "id")), f"id {item['id']!r} already belongs to another session")
                    )
                    ok = False
        return ok

    def _add_recording(
        self, sid: int, pos: int, rec: dict[str, Any], panel_ids: dict[str, int], tracks: list[tuple[dict[str, Any], list[tuple[int, int, str]]]]
    ) -> int:
        rid = self._new_id(m.Recording)
        self._recording_owner[rec["id"]] = sid
        source = resolve_media(rec["media"], self.base_dir)
        size = mtime = None
        missing = False
        if not source.startswith(("http://", "https://")):
            try:
                st = os.stat(source)
                size, mtime = st.st_size, st.st_mtime_ns
            except OSError:
                missing = True
        self._buffer(
            m.Recording,
            {
                "id": rid,
                "uid": rec["id"],
                "session_id": sid,
                "position": pos,
                "source": source,
                "title": rec.get("title"),
                "duration_ms": rec.get("duration_ms"),
                "size": size,
                "mtime_ns": mtime,
                "missing": missing,
                "stamp": rec.get("stamp"),
            },
        )
        for rp in rec.get("panels", []):
            self._buffer(
                m.RecordingPanel,
                {"id": self._new_id(m.RecordingPanel), "recording_id": rid, "panel_id": panel_ids[rp["panel"]], "start_ms": rp["start_ms"], "end_ms": rp.get("end_ms")},
            )
        chapters = sorted(rec.get("chapters", []), key=lambda c: c["start_ms"])
        for i, ch in enumerate(chapters):
            titles = localized(ch["title"], self.default_lang)
            default = titles.get(self.default_lang) or next(iter(titles.values()))
            end = ch.get("end_ms")
            if end is None:
                end = chapters[i + 1]["start_ms"] if i + 1 < len(chapters) else rec.get("duration_ms")
            self._buffer(
                m.Chapter,
                {
                    "id": self._new_id(m.Chapter),
                    "recording_id": rid,
                    "start_ms": ch["start_ms"],
                    "end_ms": end,
                    "title": default,
                    "titles": titles,
                    "panel_id": panel_ids.get(ch["panel"]) if ch.get("panel") else None,
                    "source": ch.get("source", "catalog"),
                },
            )
        for i, tr in enumerate(rec.get("audio_tracks", [])):
            lang = normalize_lang(tr["language"]) if tr.get("language") else None
            self._buffer(m.AudioTrack, {"id": self._new_id(m.AudioTrack), "recording_id": rid, "position": i, "language": lang, "label": tr.get("label")})
        for cap, cues in tracks:
            lang = normalize_lang(cap["language"]) if cap.get("language") else None
            tid = self._new_id(m.CaptionTrack)
            self._buffer(
                m.CaptionTrack,
                {"id": tid, "recording_id": rid, "language": lang, "label": cap.get("label"), "source": resolve_media(cap["file"], self.base_dir)},
            )
            for start, end, text in cues:
                self._buffer(
                    m.Cue,
                    {"id": self._new_id(m.Cue), "track_id": tid, "recording_id": rid, "language": lang, "start_ms": start, "end_ms": end, "text": text},
                )
            self.report.cues += len(cues)
        return rid

    def _read_captions(self, sess: dict[str, Any], path: tuple[Any, ...]) -> dict[int, list[tuple[dict[str, Any], list[tuple[int, int, str]]]]] | None:
        out: dict[int, list[tuple[dict[str, Any], list[tuple[int, int, str]]]]] = {}
        ok = True
        for i, rec in enumerate(sess.get("recordings", [])):
            for j, cap in enumerate(rec.get("captions", [])):
                file = Path(resolve_media(cap["file"], self.base_dir))
                try:
                    cues = self.caption_loader(file)
                except (OSError, ValueError) as exc:
                    where = json_path(path + ("recordings", i, "captions", j, "file"))
                    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                    self.problems.append(Problem(where, f"{file}: {reason}"))
                    ok = False
                    continue
                out.setdefault(i, []).append((cap, cues))
        return out if ok else None

    def _digest(self, sess: dict[str, Any], captions: dict[int, list[tuple[dict[str, Any], list[tuple[int, int, str]]]]]) -> str:
        h = hashlib.sha256()
        h.update(json.dumps(sess, sort_keys=True, ensure_ascii=False).encode())
        h.update(str(self.base_dir).encode())
        h.update(self.default_lang.encode())
        for tracks in captions.values():
            for _cap, cues in tracks:
                h.update(json.dumps(cues, ensure_ascii=False).encode())
        return h.hexdigest()

    def _delete_children(self, sid: int) -> None:
        c = self.conn
        old_panels = list(c.execute(select(m.Panel.id).where(m.Panel.session_id == sid)).scalars())
        c.execute(delete(m.LocalizedText).where(m.LocalizedText.owner_kind == "session", m.LocalizedText.owner_id == sid))
        if old_panels:
            c.execute(delete(m.LocalizedText).where(m.LocalizedText.owner_kind == "panel", m.LocalizedText.owner_id.in_(old_panels)))
        rec_ids = select(m.Recording.id).where(m.Recording.session_id == sid)
        # Cues carry no foreign key to recordings (denormalised for search); delete them explicitly.
        c.execute(delete(m.Cue).where(m.Cue.recording_id.in_(rec_ids)))
        delete_speakers(c, sid)
        c.execute(delete(m.Recording).where(m.Recording.session_id == sid))
        c.execute(delete(m.Panel).where(m.Panel.session_id == sid))
        c.execute(delete(m.SessionLanguage).where(m.SessionLanguage.session_id == sid))
        for uid in [u for u, owner in self._panel_owner.items() if owner == sid]:
            del self._panel_owner[uid]
        for uid in [u for u, owner in self._recording_owner.items() if owner == sid]:
            del self._recording_owner[uid]

    def finish(self) -> ImportReport:
        if self.problems:
            raise CatalogFileError(self.report.source, self.problems[:200])
        self.finish_rows()
        return self.report


def _date(value: str | None) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None


def import_document(catalog: Catalog, doc: dict[str, Any], source: str, base_dir: Path) -> ImportReport:
    """Validate a parsed catalog and import it in one transaction; nothing changes on any problem."""
    validate_document(doc, source, base_dir)
    with catalog.write() as s:
        writer = CatalogWriter(s.connection(), base_dir, default_lang=doc.get("language", "en"), source=source)
        store_media_roots(s.connection(), source, doc.get("media_roots", []))
        for ev in doc.get("events", []):
            writer.add_event(ev)
        for i, sess in enumerate(doc.get("sessions", [])):
            writer.add_session(sess, ("sessions", i))
        return writer.finish()


def import_catalog_file(catalog: Catalog, path: Path) -> ImportReport:
    path = Path(path)
    doc = read_catalog_file(path)
    return import_document(catalog, doc, str(path), path.resolve().parent)


def import_stream(
    catalog: Catalog,
    events: Iterable[dict[str, Any]],
    sessions: Iterable[dict[str, Any]],
    base_dir: Path,
    *,
    source: str = "stream",
    validate: bool = True,
    caption_loader: CaptionLoader = load_caption_cues,
) -> ImportReport:
    """Import generated events and sessions in one transaction, in constant memory.

    ``caption_loader`` reads the cues of each caption file (generators can supply cues without files).
    """
    with catalog.write() as s:
        writer = CatalogWriter(s.connection(), base_dir, source=source, caption_loader=caption_loader)
        for ev in events:
            writer.add_event(ev)
        for i, sess in enumerate(sessions):
            writer.add_session(sess, ("sessions", i), validate=validate)
        return writer.finish()
