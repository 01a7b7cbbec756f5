"""The queries the app needs, each returning immutable domain records.

Every list is keyset-paginated (an opaque cursor, no OFFSET) and loads its texts for the whole page
in one query: no N+1, whatever the catalog's size.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, literal, select, text

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog
from vod_app.catalog.search import SearchFilters
from vod_app.domain.languages import stored_spellings, without_region
from vod_app.domain.records import (
    AudioTrackRecord,
    CaptionTrackRecord,
    ChapterRecord,
    LocalizedPanel,
    Page,
    PanelRange,
    PanelRecord,
    PlayItem,
    RecordingRecord,
    RecordingSummary,
    SessionDetail,
    SessionSummary,
)
from vod_app.domain.texts import TextMap, pick_text

_NO_DATE = "0001-01-01"
# The sort key of "recent" lists, written exactly as the expression index ix_sessions_recent
# (migration 0001) so SQLite walks that index instead of sorting every row: with a bound parameter in
# place of the literal the index does not match, and each page scanned and sorted the whole catalog.
_RECENT_KEY = f"coalesce(s.date, '{_NO_DATE}')"


def _encode_cursor(values: Iterable[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode()


def _decode_cursor(cursor: str | None, n: int) -> list[Any] | None:
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError):
        return None
    return values if isinstance(values, list) and len(values) == n else None


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


def _date(value: Any) -> dt.date | None:
    if value is None or value == _NO_DATE:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# The person whose positions the lists show, by name and without a write (a read-only catalog lists
# too): their row, else the unnamed person 1 that their first write will claim (catalog/people.py).
_PERSON_SQL = "coalesce((SELECT id FROM people WHERE name = :person), (SELECT id FROM people WHERE name = '' AND id = 1))"


class CatalogRepository:
    """The catalog as lists and details; positions and relocations shown are ``person``'s and this
    device's (default: ``--user``/``VOD_APP_USER``/the login name, and the host name)."""

    def __init__(self, catalog: Catalog, person: str | None = None, device: str | None = None) -> None:
        from vod_app.paths import current_device, current_person

        self.catalog = catalog
        self.person = person or current_person()
        self.device = device or current_device()
        # One object per distinct value for what repeats across list rows (language tuples, event
        # titles, dates): the recent list can hold 100,000 summaries.
        self._shared: dict[object, Any] = {}

    def _share(self, key: object, make: Any = None) -> Any:
        value = self._shared.get(key)
        if value is None:
            value = self._shared.setdefault(key, key if make is None else make(key))
        return value

    # --- texts ---

    @staticmethod
    def _texts(conn: Connection, kind: str, ids: Iterable[int], *, descriptions: bool = True) -> dict[int, TextMap]:
        """Texts of ``ids`` by language; lists pass ``descriptions=False`` (titles only, '' instead:
        a description can be 200,000 characters and a page of 100 rows shows none of them)."""
        ids = list(set(ids))
        out: dict[int, TextMap] = {}
        if not ids:
            return out
        t = m.LocalizedText
        desc_col = "description" if descriptions else "''"
        for chunk in (ids[i : i + 900] for i in range(0, len(ids), 900)):
            if conn.dialect.paramstyle == "qmark":  # SQLite: plain SQL, a third of the time of select()
                rows = conn.exec_driver_sql(
                    f"SELECT owner_id, lang, title, {desc_col} FROM texts "
                    f"WHERE owner_kind = ? AND owner_id IN ({', '.join('?' * len(chunk))})",
                    (kind, *chunk),
                ).all()
            else:
                desc = t.description if descriptions else literal("")
                rows = conn.execute(select(t.owner_id, t.lang, t.title, desc).where(t.owner_kind == kind, t.owner_id.in_(chunk))).all()
            for oid, lang, title, d in rows:
                out.setdefault(oid, {})[lang] = (title, d)
        return out

    # --- lists ---

    def _filter_sql(self, filters: SearchFilters, params: dict[str, Any]) -> str:
        sql = ""
        if filters.event_uid is not None:
            sql += " AND s.event_id = (SELECT id FROM events WHERE uid = :event_uid)"
            params["event_uid"] = filters.event_uid
        if filters.year is not None:
            sql += " AND s.date >= :y0 AND s.date < :y1"
            params["y0"], params["y1"] = f"{filters.year:04d}-01-01", f"{filters.year + 1:04d}-01-01"
        if filters.lang:
            # Every spelling of the language ('fr', 'fra', 'fre', 'fr-FR'): catalogs imported before
            # codes were normalised on import hold the container's three-letter codes.
            spellings = stored_spellings(filters.lang) or (filters.lang,)
            names = [f":lang{i}" for i in range(len(spellings))]
            sql += f" AND s.id IN (SELECT session_id FROM session_languages WHERE lang IN ({', '.join(names)}) OR lang LIKE :lang_sub)"
            params.update({n[1:]: v for n, v in zip(names, spellings, strict=True)})
            params["lang_sub"] = f"{spellings[0]}-%"
        return sql

    def recent_recordings(
        self,
        limit: int = 50,
        cursor: str | None = None,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen
        prefs: Sequence[str] = ("en",),
    ) -> Page[RecordingSummary]:
        """Recordings, newest session date first ("Recent videos"), sample content after real sessions.

        Two keyset walks, real sessions then samples (index ix_sessions_sample_recent): a page that
        reaches the end of the first walk is filled from the second. The cursor is
        (sample, date, session id, -position).
        """
        after = _decode_cursor(cursor, 4)
        start_sample = int(bool(after[0])) if after is not None else 0
        with self.catalog.read() as s:
            conn = s.connection()
            rows: list[Any] = []
            for sample in (0, 1):
                if sample < start_sample or len(rows) > limit:
                    continue
                rows += self._recent_rows(conn, sample, after[1:] if after is not None and sample == start_sample else None,
                                          limit + 1 - len(rows), filters)
            more = len(rows) > limit
            rows = rows[:limit]
            stexts = self._texts(conn, "session", (r[2] for r in rows), descriptions=False)
            etexts = self._texts(conn, "event", (r[9] for r in rows if r[9] is not None), descriptions=False)
        items = []
        share = self._share
        for rid, ruid, sid, suid, d, dur, langs, source, sample, eid, _pos, rtitle, wpos, thumb, is_new in rows:
            title = pick_text(stexts.get(sid, {}), prefs)[1]
            items.append(
                RecordingSummary(
                    recording_id=rid,
                    recording_uid=ruid,
                    session_id=sid,
                    session_uid=suid,
                    date=share(("date", d), lambda k: _date(k[1])),
                    event_title=share(pick_text(etexts.get(eid, {}), prefs)[1]) if eid is not None else "",
                    title=title if not rtitle else f"{title} — {rtitle}",
                    duration_ms=dur,
                    languages=share(("langs", langs), lambda k: tuple(k[1].split())),
                    source=source,
                    is_sample=bool(sample),
                    position_ms=wpos or 0,
                    thumbnail=thumb,
                    is_new=bool(is_new),
                )
            )
        next_cursor = None
        if more and rows:
            last = rows[-1]
            next_cursor = _encode_cursor([int(bool(last[8])), str(last[4]), last[2], -last[10]])
        return Page(tuple(items), next_cursor)

    def _recent_rows(self, conn: Connection, sample: int, after: list[Any] | None, limit: int, filters: SearchFilters) -> list[Any]:
        """One walk of the recent list: sessions with ``is_sample = sample``, newest first."""
        params: dict[str, Any] = {"limit": limit, "sample": bool(sample), "person": self.person}
        where = self._filter_sql(filters, params)
        if after is not None:
            # The first term gives SQLite an index range to start from; the row value orders ties.
            where += f" AND {_RECENT_KEY} <= :cd AND ({_RECENT_KEY}, s.id, -r.position) < (:cd, :cs, :cp)"
            params.update(cd=after[0], cs=after[1], cp=after[2])
        sql = f"""
            SELECT r.id, r.uid, s.id, s.uid, {_RECENT_KEY} AS d, r.duration_ms, s.languages,
                   r.source, s.is_sample, s.event_id, r.position, r.title, w.position_ms, r.thumbnail,
                   EXISTS(SELECT 1 FROM feed_items AS fi WHERE fi.session_uid = s.uid AND fi.is_new) AS is_new
            FROM sessions AS s
            JOIN recordings AS r ON r.session_id = s.id
            LEFT JOIN watch_state AS w ON w.recording_uid = r.uid AND w.person_id = {_PERSON_SQL}
            WHERE s.is_sample = :sample {where}
            ORDER BY {_RECENT_KEY} DESC, s.id DESC, -r.position DESC
            LIMIT :limit"""
        return list(conn.execute(text(sql), params).all())

    def sessions(
        self,
        limit: int = 50,
        cursor: str | None = None,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen
        prefs: Sequence[str] = ("en",),
    ) -> Page[SessionSummary]:
        params: dict[str, Any] = {"limit": limit + 1}
        where = self._filter_sql(filters, params)
        after = _decode_cursor(cursor, 2)
        if after is not None:
            where += f" AND {_RECENT_KEY} <= :cd AND ({_RECENT_KEY}, s.id) < (:cd, :cs)"
            params.update(cd=after[0], cs=after[1])
        sql = f"""
            SELECT s.id, s.uid, {_RECENT_KEY}, s.languages, s.is_sample, s.event_id
            FROM sessions AS s WHERE 1 = 1 {where}
            ORDER BY {_RECENT_KEY} DESC, s.id DESC LIMIT :limit"""
        with self.catalog.read() as s:
            conn = s.connection()
            rows = conn.execute(text(sql), params).all()
            more = len(rows) > limit
            rows = rows[:limit]
            stexts = self._texts(conn, "session", (r[0] for r in rows), descriptions=False)
            etexts = self._texts(conn, "event", (r[5] for r in rows if r[5] is not None), descriptions=False)
        items = tuple(
            SessionSummary(
                session_id=sid,
                session_uid=suid,
                date=_date(d),
                event_title=pick_text(etexts.get(eid, {}), prefs)[1] if eid is not None else "",
                title=pick_text(stexts.get(sid, {}), prefs)[1],
                languages=tuple(langs.split()),
                is_sample=bool(sample),
            )
            for sid, suid, d, langs, sample, eid in rows
        )
        next_cursor = _encode_cursor([str(rows[-1][2]), rows[-1][0]]) if more and rows else None
        return Page(items, next_cursor)

    def continue_watching(self, limit: int = 20, prefs: Sequence[str] = ("en",)) -> list[RecordingSummary]:
        """Partly watched recordings, most recently watched first."""
        sql = f"""
            SELECT r.id, r.uid, s.id, s.uid, s.date, r.duration_ms, s.languages, r.source, s.is_sample,
                   s.event_id, w.position_ms, r.title
            FROM watch_state AS w
            JOIN recordings AS r ON r.uid = w.recording_uid
            JOIN sessions AS s ON s.id = r.session_id
            WHERE w.person_id = {_PERSON_SQL} AND w.position_ms > 0 AND NOT w.completed
            ORDER BY w.last_watched_at DESC LIMIT :limit"""
        with self.catalog.read() as s:
            conn = s.connection()
            rows = conn.execute(text(sql), {"limit": limit, "person": self.person}).all()
            stexts = self._texts(conn, "session", (r[2] for r in rows), descriptions=False)
            etexts = self._texts(conn, "event", (r[9] for r in rows if r[9] is not None), descriptions=False)
        return [
            RecordingSummary(
                recording_id=rid,
                recording_uid=ruid,
                session_id=sid,
                session_uid=suid,
                date=_date(d),
                event_title=pick_text(etexts.get(eid, {}), prefs)[1] if eid is not None else "",
                title=pick_text(stexts.get(sid, {}), prefs)[1] + (f" — {rtitle}" if rtitle else ""),
                duration_ms=dur,
                languages=tuple(langs.split()),
                source=source,
                is_sample=bool(sample),
                position_ms=pos,
            )
            for rid, ruid, sid, suid, d, dur, langs, source, sample, eid, pos, rtitle in rows
        ]

    # --- detail ---

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
            date=_date(date),
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
                source=relocated.get(uid, source),
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
                text(f"SELECT position_ms, completed FROM watch_state WHERE person_id = {_PERSON_SQL} AND recording_uid = :u"),
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

    # --- filter options ---

    def events(self, prefs: Sequence[str] = ("en",), year: int | None = None) -> list[tuple[str, str]]:
        """(uid, title) of every event, or of those with a session in ``year``."""
        sql, params = "SELECT id, uid FROM events", {}
        if year is not None:
            # The sort key as written in ix_sessions_recent: a range seek, not a scan of every session.
            sql += f""" WHERE id IN (SELECT s.event_id FROM sessions AS s
                        WHERE {_RECENT_KEY} >= :y0 AND {_RECENT_KEY} < :y1)"""
            params = {"y0": f"{year:04d}-01-01", "y1": f"{year + 1:04d}-01-01"}
        with self.catalog.read() as s:
            conn = s.connection()
            rows = conn.execute(text(sql), params).all()
            texts = self._texts(conn, "event", (r[0] for r in rows))
        return sorted(((uid, pick_text(texts.get(eid, {}), prefs)[1] or uid) for eid, uid in rows), key=lambda e: e[1].casefold())

    def years(self, event_uid: str | None = None) -> list[int]:
        """Years with a dated session, newest first; only the event's when ``event_uid`` is given."""
        if event_uid is not None:
            # An event's sessions are few (ix_sessions_event): read their dates directly.
            sql = f"""
                SELECT DISTINCT {self._year_of('s.date')} FROM sessions AS s
                WHERE s.event_id = (SELECT id FROM events WHERE uid = :event_uid) AND s.date IS NOT NULL"""
            with self.catalog.read() as s:
                rows = s.execute(text(sql), {"event_uid": event_uid}).scalars()
                return sorted({int(y) for y in rows if y and y.isdigit()}, reverse=True)
        # One index seek per year (ix_sessions_recent), not a scan of every session: the start page
        # asks for this, and its cost must not grow with the catalog.
        sql = f"""
            WITH RECURSIVE y(d) AS (
              SELECT max({_RECENT_KEY}) FROM sessions AS s
              UNION ALL
              SELECT (SELECT max({_RECENT_KEY}) FROM sessions AS s WHERE {_RECENT_KEY} < {self._year_start('y.d')})
              FROM y WHERE y.d > '{_NO_DATE}'
            )
            SELECT {self._year_of('d')} FROM y WHERE d > '{_NO_DATE}'"""
        with self.catalog.read() as s:
            rows = s.execute(text(sql)).scalars()
            return sorted({int(y) for y in rows if y and y.isdigit()}, reverse=True)

    def _year_of(self, expr: str) -> str:
        """The year of a date column as 'YYYY' text (SQLite stores dates as ISO text)."""
        return f"to_char({expr}, 'YYYY')" if self.catalog.engine.dialect.name == "postgresql" else f"substr({expr}, 1, 4)"

    def _year_start(self, expr: str) -> str:
        """What sorts just before every date of ``expr``'s year (SQLite: its 'YYYY' prefix)."""
        return f"date_trunc('year', {expr})::date" if self.catalog.engine.dialect.name == "postgresql" else f"substr({expr}, 1, 4)"

    def languages(self) -> list[str]:
        # One index seek per language (ix_session_languages_lang), not a scan of every row.
        sql = """
            WITH RECURSIVE l(lang) AS (
              SELECT min(lang) FROM session_languages
              UNION ALL
              SELECT (SELECT min(lang) FROM session_languages WHERE lang > l.lang) FROM l WHERE l.lang IS NOT NULL
            )
            SELECT lang FROM l WHERE lang IS NOT NULL"""
        with self.catalog.read() as s:
            stored = list(s.execute(text(sql)).scalars())
        # One entry per language, also for catalogs stored before codes were normalised ('fra').
        return sorted({without_region(lang) or lang for lang in stored})

    def counts(self) -> dict[str, int]:
        with self.catalog.read() as s:
            return {
                name: s.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
                for name in ("events", "sessions", "panels", "recordings", "chapters", "cues")
            }

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
