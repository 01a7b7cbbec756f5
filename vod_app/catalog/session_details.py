"""One session's page and one recording's play item, with everything they show.

Chapters, panel ranges, audio and caption tracks are read per table for all the recordings at
once; a recording's source is this device's relocation of it when there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select, text

from vod_app.catalog import models as m
from vod_app.catalog.media_roots import media_roots
from vod_app.catalog.reader import PERSON_SQL, CatalogReader, date_or_none
from vod_app.domain.records import (
    AudioTrackRecord,
    CaptionTrackRecord,
    ChapterRecord,
    LocalizedPanel,
    PanelRange,
    PanelRecord,
    PlayItem,
    RecordingRecord,
    SessionDetail,
)
from vod_app.domain.texts import pick_text


def _provenance_fields(value: Any, edited: Any = None) -> dict[str, Any]:
    """SessionDetail's sources, tags and web page from the ``provenance`` column (catalog/sidecars.py),
    with the fields a person edited marked ``edit``; anything malformed is ignored (it only decorates
    the page)."""
    if not isinstance(value, dict):
        return {}
    sources = value.get("sources")
    if isinstance(sources, dict) and isinstance(edited, dict):
        sources = {**sources, **{k: "edit" for k in edited if k in ("title", "date", "event")}}
    tags = value.get("tags")
    url = value.get("url")
    return {
        "sources": tuple((str(k), str(v)) for k, v in sources.items()) if isinstance(sources, dict) else (),
        "tags": tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        "web_url": url if isinstance(url, str) else None,
    }


class SessionDetails(CatalogReader):
    """A session's detail page (and the caption moments it finds) and the player's item."""

    def session_id_for_uid(self, uid: str) -> int | None:
        with self.catalog.read() as s:
            return s.execute(select(m.Session.id).where(m.Session.uid == uid)).scalar()

    def session_detail(self, session_id: int, prefs: Sequence[str] = ("en",)) -> SessionDetail | None:
        with self.catalog.read() as s:
            conn = s.connection()
            row = conn.execute(
                select(
                    m.Session.uid, m.Session.date, m.Session.place, m.Session.languages, m.Session.is_sample, m.Session.event_id, m.Session.provenance
                ).where(m.Session.id == session_id)
            ).first()
            if row is None:
                return None
            uid, date, place, langs, sample, eid, provenance = row
            # A person's edit (docs/folders.md) is the source of the fields it set, whatever was imported.
            edited = s.execute(select(m.SessionOverride.fields).where(m.SessionOverride.session_uid == uid)).scalar()
            stexts = self._texts(conn, "session", [session_id]).get(session_id, {})
            etexts = self._texts(conn, "event", [eid]).get(eid, {}) if eid is not None else {}
            panels = conn.execute(
                select(m.Panel.id, m.Panel.uid, m.Panel.number, m.Panel.speakers).where(m.Panel.session_id == session_id).order_by(m.Panel.position)
            ).all()
            ptexts = self._texts(conn, "panel", (p[0] for p in panels))
            rec_ids = list(conn.execute(select(m.Recording.id).where(m.Recording.session_id == session_id).order_by(m.Recording.position)).scalars())
            recordings = self._recordings(conn, rec_ids)
        lang, title, desc = pick_text(stexts, prefs)
        text_langs = set(stexts)
        panel_records = []
        for pid, puid, number, speakers in panels:
            plang, ptitle, pdesc = pick_text(ptexts.get(pid, {}), prefs)
            text_langs |= set(ptexts.get(pid, {}))
            panel_records.append(PanelRecord(pid, puid, number, ptitle, pdesc, plang, tuple(speakers or ())))
        return SessionDetail(
            session_id=session_id,
            uid=uid,
            date=date_or_none(date),
            place=place,
            event_title=pick_text(etexts, prefs)[1],
            title=title,
            description=desc,
            lang=lang,
            text_languages=tuple(sorted(text_langs)),
            languages=tuple(langs.split()),
            panels=tuple(panel_records),
            recordings=tuple(recordings[r] for r in rec_ids),
            is_sample=bool(sample),
            **_provenance_fields(provenance, edited),
        )

    def _recordings(self, conn: Connection, rec_ids: list[int]) -> dict[int, RecordingRecord]:
        if not rec_ids:
            return {}
        rows = conn.execute(
            select(m.Recording.id, m.Recording.uid, m.Recording.session_id, m.Recording.title, m.Recording.source, m.Recording.duration_ms).where(
                m.Recording.id.in_(rec_ids)
            )
        ).all()
        chapters: dict[int, list[ChapterRecord]] = {}
        c = m.Chapter
        for rid, start, end, title, source, pid, titles in conn.execute(
            select(c.recording_id, c.start_ms, c.end_ms, c.title, c.source, c.panel_id, c.titles).where(c.recording_id.in_(rec_ids)).order_by(c.start_ms)
        ):
            chapters.setdefault(rid, []).append(ChapterRecord(start, end, title, source, pid, dict(titles or {})))
        ranges: dict[int, list[PanelRange]] = {}
        rp = m.RecordingPanel
        for rid, pid, start, end in conn.execute(
            select(rp.recording_id, rp.panel_id, rp.start_ms, rp.end_ms).where(rp.recording_id.in_(rec_ids)).order_by(rp.start_ms)
        ):
            ranges.setdefault(rid, []).append(PanelRange(pid, start, end))
        audio: dict[int, list[AudioTrackRecord]] = {}
        a = m.AudioTrack
        for rid, pos, lang, label in conn.execute(
            select(a.recording_id, a.position, a.language, a.label).where(a.recording_id.in_(rec_ids)).order_by(a.position)
        ):
            audio.setdefault(rid, []).append(AudioTrackRecord(pos, lang, label))
        caps: dict[int, list[CaptionTrackRecord]] = {}
        ct = m.CaptionTrack
        for rid, tid, lang, label, source in conn.execute(
            select(ct.recording_id, ct.id, ct.language, ct.label, ct.source).where(ct.recording_id.in_(rec_ids)).order_by(ct.id)
        ):
            caps.setdefault(rid, []).append(CaptionTrackRecord(tid, lang, label, source))
        roots = media_roots(conn, self.machine_roots)  # applied here; the stored location stays as it is
        rl = m.Relocation
        relocated: dict[str, str] = {}
        # This device's relocation wins over one from before devices ('').
        for uid, path, _device in sorted(
            conn.execute(select(rl.recording_uid, rl.path, rl.device).where(rl.device.in_(("", self.device)), rl.recording_uid.in_([r[1] for r in rows]))).all(),
            key=lambda row: row[2] != "",
        ):
            relocated[uid] = path
        return {
            rid: RecordingRecord(
                recording_id=rid,
                uid=uid,
                session_id=sid,
                title=title or "",
                source=relocated.get(uid) or roots.resolve(source).location,
                catalog_source=source,
                duration_ms=dur,
                chapters=tuple(chapters.get(rid, ())),
                panel_ranges=tuple(ranges.get(rid, ())),
                audio_tracks=tuple(audio.get(rid, ())),
                captions=tuple(caps.get(rid, ())),
            )
            for rid, uid, sid, title, source, dur in rows
        }

    def play_item(self, recording_id: int, prefs: Sequence[str] = ("en",)) -> PlayItem | None:
        """Everything the player needs: the recording, its panels' texts in every language, resume."""
        with self.catalog.read() as s:
            conn = s.connection()
            recs = self._recordings(conn, [recording_id])
            rec = recs.get(recording_id)
            if rec is None:
                return None
            suid = conn.execute(select(m.Session.uid).where(m.Session.id == rec.session_id)).scalar_one()
            stexts = self._texts(conn, "session", [rec.session_id]).get(rec.session_id, {})
            panels = conn.execute(select(m.Panel.id, m.Panel.number).where(m.Panel.session_id == rec.session_id).order_by(m.Panel.position)).all()
            ptexts = self._texts(conn, "panel", (p[0] for p in panels))
            pos = conn.execute(
                text(f"SELECT position_ms, completed FROM watch_state WHERE person_id = {PERSON_SQL} AND recording_uid = :u"),
                {"person": self.person, "u": rec.uid},
            ).first()
        return PlayItem(
            recording=rec,
            session_title=pick_text(stexts, prefs)[1],
            session_uid=suid,
            panels=tuple(LocalizedPanel(pid, number, ptexts.get(pid, {})) for pid, number in panels),
            position_ms=0 if pos is None or pos[1] else pos[0],
            session_texts=stexts,
        )

    def cue_moments(self, session_id: int, query: str, limit: int = 50) -> list[tuple[int, int, str, str]]:
        """(recording_id, start_ms, language, snippet html) of caption moments matching ``query``."""
        if self.catalog.engine.dialect.name == "postgresql":
            from vod_app.catalog.search_pg import PostgresSearch

            return PostgresSearch(self.catalog).cue_moments(session_id, query, limit)
        from vod_app.catalog.search import build_match, snippet_html

        match = build_match(query)
        if match is None:
            return []
        sql = """
            SELECT c.recording_id, c.start_ms, c.language, snippet(cues_fts, 0, char(2), char(3), '…', 14)
            FROM cues_fts JOIN cues AS c ON c.id = cues_fts.rowid
            JOIN recordings AS r ON r.id = c.recording_id
            WHERE cues_fts MATCH :match AND r.session_id = :sid
            ORDER BY c.recording_id, c.start_ms LIMIT :limit"""
        with self.catalog.read() as s:
            rows = s.execute(text(sql), {"match": match, "sid": session_id, "limit": limit}).all()
        return [(rid, start, lang or "", snippet_html(snip)) for rid, start, lang, snip in rows]
