"""Podcast / media RSS / Atom feeds into the catalog: one event per feed, one session per item.

``import_feed`` reads a feed file or an http(s) URL once; ``add_feed`` subscribes to it and
``refresh_feeds`` re-reads every subscription incrementally (ETag / Last-Modified, then the item
guids already imported are not read again), so a refresh never duplicates a session. Network is used
only for the feed URL a person names and, on the same host, its chapters and transcripts; a feed
file on disk uses the files beside it and never the network. docs/sources.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from sqlalchemy import delete, insert, select, update

from vod_app.catalog import models as m
from vod_app.catalog.caption_cues import CAPTION_MAX_BYTES, load_caption_cues
from vod_app.catalog.database import Catalog
from vod_app.catalog.fetch import Fetched, FetchError, fetch
from vod_app.catalog.import_report import ImportReport
from vod_app.catalog.importer import CatalogWriter
from vod_app.catalog.sidecars import FEED, write_extras
from vod_app.catalog.validation import validate_session
from vod_app.formats.feeds import Feed, FeedEntry, Transcript, parse_feed
from vod_app.formats.podcast_chapters import json_chapters
from vod_app.formats.sidecar import SidecarError, read_capped, web_url
from vod_app.formats.transcripts import html_transcript, json_transcript, to_webvtt

Fetcher = Callable[..., Fetched]
Progress = Callable[[int, int, str], None]


class FeedError(Exception):
    """A feed that cannot be read at all: one line naming the feed (and the field); nothing changed."""


@dataclass
class FeedReport(ImportReport):
    items_added: int = 0
    items_known: int = 0  # guids already imported earlier (not read again)
    not_modified: bool = False  # the server answered 304
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)

    def summary(self) -> str:
        if self.not_modified:
            return f"{self.source}: not modified since the last refresh"
        return (
            f"{self.source}: {self.items_added} new items ({self.sessions_added} sessions added, "
            f"{self.sessions_updated} updated), {self.items_known} already imported, {len(self.skipped)} skipped; "
            f"{self.cues} caption cues"
        )


def is_url(location: str) -> bool:
    return "://" in location[:12] or location.lower().startswith(("javascript:", "data:", "file:"))


def _key(location: str) -> str:
    return hashlib.sha1(location.encode()).hexdigest()[:20]


class _Resources:
    """Where a feed's chapters, transcripts and media are read from: same-host URLs for a feed URL,
    files beside the feed (by name) for a feed file."""

    def __init__(self, location: str, fetcher: Fetcher) -> None:
        self.location = location
        self.fetcher = fetcher
        self.remote = is_url(location)
        self.folder = None if self.remote else Path(location).resolve().parent

    def local(self, ref: str) -> Path | None:
        assert self.folder is not None
        name = PurePosixPath(unquote(urlsplit(ref).path)).name if is_url(ref) else ref
        path = (self.folder / name).resolve()
        return path if path.parent == self.folder or self.folder in path.parents else None

    def media(self, ref: str) -> str:
        if self.remote:
            return web_url(urljoin(self.location, ref), self.location, "enclosure")
        path = self.local(ref)
        if path is not None and (path.exists() or not is_url(ref)):
            return str(path)
        return ref  # an http(s) URL (checked by the parser), played under the URL allow-list

    def read(self, ref: str, what: str) -> bytes | None:
        """The bytes of a chapters or transcript reference, or None when it is not ours to fetch."""
        if self.remote:
            url = web_url(urljoin(self.location, ref), self.location, what)
            if urlsplit(url).netloc != urlsplit(self.location).netloc:
                return None  # another host: not a URL the person named
            try:
                return self.fetcher(url).data
            except FetchError as exc:
                raise SidecarError(self.location, what, str(exc)) from None
        path = self.local(ref)
        if path is None or not path.is_file():
            return None
        return read_capped(path)


def _chapters(entry: FeedEntry, res: _Resources) -> tuple[list[Any], str | None]:
    if entry.chapters:
        return entry.chapters, None
    if entry.chapters_url:
        data = res.read(entry.chapters_url, "podcast:chapters@url")
        if data is not None:
            return json_chapters(data, entry.chapters_url, entry.duration_ms), None
        return [], f"chapters {entry.chapters_url} not read (not on the feed's host or beside the feed file)"
    return [], None


def _transcripts(entry: FeedEntry, res: _Resources, store: Path) -> list[dict[str, Any]]:
    out = []
    for i, tr in enumerate(entry.transcripts):
        what = f"podcast:transcript[{i + 1}]"
        data = res.read(tr.url, f"{what}@url")
        if data is None:
            continue
        text = _transcript_text(tr, data, what)
        if text is None:
            continue
        store.mkdir(parents=True, exist_ok=True)
        suffix = ".srt" if "srt" in tr.type or "subrip" in tr.type else ".vtt"
        path = store / f"{hashlib.sha1(f'{res.location}|{tr.url}'.encode()).hexdigest()[:24]}{suffix}"
        path.write_bytes(text)
        try:
            load_caption_cues(path)  # refused here, with the field named, not later in the writer
        except (OSError, ValueError) as exc:
            path.unlink(missing_ok=True)
            raise SidecarError(tr.url, what, str(exc)) from None
        cap: dict[str, Any] = {"file": str(path), "label": "captions" if tr.captions else "transcript"}
        if tr.language:
            cap["language"] = tr.language
        out.append(cap)
    return out


def _transcript_text(tr: Transcript, data: bytes, what: str) -> bytes | None:
    if len(data) > CAPTION_MAX_BYTES:
        raise SidecarError(tr.url, what, f"larger than {CAPTION_MAX_BYTES // (1024 * 1024)} MB; not read")
    if tr.type in ("text/vtt", "application/x-subrip", "application/srt", "text/srt"):
        return data
    if tr.type == "application/json":
        return to_webvtt(json_transcript(data, tr.url)).encode()
    if tr.type == "text/html":
        return to_webvtt(html_transcript(data, tr.url)).encode()
    return None  # text/plain and others carry no times: nothing to search by moment


def _session(entry: FeedEntry, uid: str, event_uid: str, res: _Resources, store: Path, report: FeedReport) -> dict[str, Any]:
    if entry.media_url is None:
        raise SidecarError(res.location, "enclosure", "the item has no enclosure or media:content")
    chapters, note = _chapters(entry, res)
    if note:
        report.warnings.append(f"{entry.title or entry.guid}: {note}")
    rec: dict[str, Any] = {"id": f"{uid}-rec", "media": res.media(entry.media_url)}
    if entry.duration_ms:
        rec["duration_ms"] = entry.duration_ms
    if chapters:
        rec["chapters"] = [
            {"start_ms": c.start_ms, "title": c.title[:2000], "source": "feed", **({"end_ms": c.end_ms} if c.end_ms else {})} for c in chapters
        ]
    captions = _transcripts(entry, res, store)
    if captions:
        rec["captions"] = captions
    sess: dict[str, Any] = {"id": uid, "event": event_uid, "title": entry.title or entry.guid[:200], "recordings": [rec]}
    if entry.description:
        sess["description"] = entry.description
    if entry.date:
        sess["date"] = entry.date.isoformat()
    return sess


def _read(location: str, fetcher: Fetcher, etag: str | None, modified: str | None) -> Fetched:
    if is_url(location):
        try:
            url = web_url(location, location, "feed URL")
        except SidecarError as exc:
            raise FeedError(str(exc)) from None
        try:
            return fetcher(url, etag=etag, last_modified=modified)
        except FetchError as exc:
            raise FeedError(str(exc)) from None
    try:
        return Fetched(200, read_capped(Path(location)), None, None)
    except SidecarError as exc:
        raise FeedError(str(exc)) from None


def import_feed(
    catalog: Catalog,
    location: str,
    *,
    store: Path,
    subscribe: bool = False,
    fetcher: Fetcher = fetch,
    cancel: Any = None,
) -> FeedReport:
    """Read one feed and write its new items in one transaction. ``store`` holds transcripts
    converted to WebVTT. Raises FeedError for a feed that cannot be read (nothing changed)."""
    if not is_url(location):
        location = str(Path(location).resolve())
    report = FeedReport(location)
    with catalog.read() as s:
        row = s.execute(select(m.Feed.id, m.Feed.etag, m.Feed.last_modified).where(m.Feed.url == location)).first()
        known = set(s.execute(select(m.FeedItem.guid).where(m.FeedItem.feed_id == row[0])).scalars()) if row else set()
    fetched = _read(location, fetcher, row[1] if row else None, row[2] if row else None)
    if fetched.status == 304:
        report.not_modified = True
        if row is not None:
            with catalog.write() as s:
                s.execute(update(m.Feed).where(m.Feed.id == row[0]).values(refreshed_at=dt.datetime.now(dt.UTC), last_error=None))
        return report
    try:
        feed = parse_feed(fetched.data, location)
    except SidecarError as exc:
        raise FeedError(str(exc)) from None
    event_uid = f"feed-{_key(location)}"
    res = _Resources(location, fetcher)
    sessions: list[tuple[str, dict[str, Any]]] = []
    base = res.folder or store
    for entry in feed.items:
        if cancel is not None and getattr(cancel, "cancelled", False):
            raise FeedError(f"{location}: refresh cancelled; nothing was changed")
        name = entry.title or entry.guid
        if entry.error:
            report.skipped.append((name, f"{location}: {entry.error}"))
            continue
        if entry.guid in known:
            report.items_known += 1
            continue
        uid = f"feed-{_key(location + '|' + entry.guid)}"
        try:
            sess = _session(entry, uid, event_uid, res, store / "transcripts", report)
        except SidecarError as exc:
            report.skipped.append((name, str(exc)))
            continue
        problems = validate_session(sess, base, ("item", entry.guid))
        if problems:
            report.skipped.append((name, f"{location}: {problems[0]}"))
            continue
        sessions.append((entry.guid, sess))
    _write(catalog, location, feed, event_uid, sessions, report, fetched, subscribe, first=row is None)
    report.items_added = len(sessions)
    report.warnings.extend(f"skipped {name}: {reason}" for name, reason in report.skipped)
    return report


def _write(
    catalog: Catalog, location: str, feed: Feed, event_uid: str, sessions: list[tuple[str, dict[str, Any]]],
    report: FeedReport, fetched: Fetched, subscribe: bool, *, first: bool,
) -> None:
    base = Path(location).parent if not is_url(location) else Path("/")
    now = dt.datetime.now(dt.UTC)
    with catalog.write() as s:
        conn = s.connection()
        writer = CatalogWriter(conn, base, default_lang=feed.language or "en", source=location)
        writer.report = report
        event: dict[str, Any] = {"id": event_uid, "title": feed.title[:2000]}
        if feed.description:
            event["description"] = feed.description
        writer.add_event(event)
        for _guid, sess in sessions:
            writer.add_session(sess, ("item", _guid))
        writer.finish()
        write_extras(conn, {sess["id"]: {"provenance": _provenance(sess, feed)} for _g, sess in sessions})
        if subscribe or not first:
            fid = conn.execute(select(m.Feed.id).where(m.Feed.url == location)).scalar()
            values = {"title": feed.title[:2000], "etag": fetched.etag, "last_modified": fetched.last_modified, "refreshed_at": now, "last_error": None}
            if fid is None:
                fid = conn.execute(insert(m.Feed).values(url=location, event_uid=event_uid, added_at=now, **values).returning(m.Feed.id)).scalar_one()
            else:
                conn.execute(update(m.Feed).where(m.Feed.id == fid).values(**values))
            if sessions:
                # Items of a new subscription are its back catalogue; later ones are new.
                conn.execute(
                    insert(m.FeedItem),
                    [{"feed_id": fid, "guid": g, "session_uid": sess["id"], "is_new": not first, "first_seen_at": now} for g, sess in sessions],
                )


def _provenance(sess: dict[str, Any], feed: Feed) -> dict[str, Any]:
    """Every field a feed item gives comes from the feed (only those it gave)."""
    rec = sess["recordings"][0]
    present = {"title": True, "description": "description" in sess, "date": "date" in sess, "event": True,
               "duration": "duration_ms" in rec, "chapters": "chapters" in rec}
    out: dict[str, Any] = {"sources": {k: FEED for k, there in present.items() if there}}
    if feed.link:
        out["url"] = feed.link
    return out


def add_feed(catalog: Catalog, location: str, *, store: Path, fetcher: Fetcher = fetch, cancel: Any = None) -> FeedReport:
    """Subscribe to a feed (URL or file) and import what it holds now."""
    return import_feed(catalog, location, store=store, subscribe=True, fetcher=fetcher, cancel=cancel)


def list_feeds(catalog: Catalog) -> list[dict[str, Any]]:
    with catalog.read() as s:
        rows = s.execute(select(m.Feed.url, m.Feed.title, m.Feed.refreshed_at, m.Feed.last_error).order_by(m.Feed.id)).all()
    return [{"url": u, "title": t, "refreshed_at": r.isoformat() if r else None, "last_error": e} for u, t, r, e in rows]


def refresh_feeds(
    catalog: Catalog, *, store: Path, fetcher: Fetcher = fetch, progress: Progress | None = None, cancel: Any = None
) -> list[FeedReport | FeedError]:
    """Re-read every subscription; a feed that fails is reported (and remembered) and the others go on."""
    urls = [f["url"] for f in list_feeds(catalog)]
    out: list[FeedReport | FeedError] = []
    for i, url in enumerate(urls):
        if cancel is not None and getattr(cancel, "cancelled", False):
            break
        if progress is not None:
            progress(i, len(urls), url)
        try:
            out.append(import_feed(catalog, url, store=store, subscribe=True, fetcher=fetcher, cancel=cancel))
        except FeedError as exc:
            out.append(exc)
            with catalog.write() as s:
                s.execute(update(m.Feed).where(m.Feed.url == url).values(last_error=str(exc)[:2000]))
    if progress is not None:
        progress(len(urls), len(urls), "")
    return out


def remove_feed(catalog: Catalog, location: str) -> bool:
    """Stop following a feed; its sessions stay in the catalog."""
    with catalog.write() as s:
        return bool(s.execute(delete(m.Feed).where(m.Feed.url == location)).rowcount)


def mark_seen(catalog: Catalog, session_uid: str) -> bool:
    """The person opened the session: it is no longer marked new. True if it was."""
    with catalog.write() as s:
        result = s.execute(update(m.FeedItem).where(m.FeedItem.session_uid == session_uid, m.FeedItem.is_new).values(is_new=False))
        return bool(result.rowcount)


class FeedService:
    """What the window needs for feeds, bound to one catalog and store (built by app.py)."""

    def __init__(self, catalog: Catalog, store: Path, fetcher: Fetcher = fetch) -> None:
        self.catalog, self.store, self.fetcher = catalog, store, fetcher

    def subscribe(self, location: str, cancel: Any = None) -> FeedReport:
        return add_feed(self.catalog, location, store=self.store, fetcher=self.fetcher, cancel=cancel)

    def refresh(self, progress: Progress | None = None, cancel: Any = None) -> list[FeedReport | FeedError]:
        return refresh_feeds(self.catalog, store=self.store, fetcher=self.fetcher, progress=progress, cancel=cancel)

    def mark_seen(self, session_uid: str) -> bool:
        return mark_seen(self.catalog, session_uid)
