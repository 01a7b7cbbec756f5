"""RSS 2.0 (with media RSS, iTunes and Podcasting 2.0 namespaces) and Atom feeds, parsed safely.

One ``Feed`` with its ``FeedEntry`` items. The XML goes through defusedxml (no entity expansion, no
external entities). A problem with the feed as a whole raises SidecarError; a problem with one item
(a ``javascript:`` enclosure, a date like ``20171399``, a negative duration, chapters past the end)
makes that item an ``error`` naming the field, so the importer skips it with the reason. Nothing here
touches the network: chapters and transcripts are URLs the importer decides about.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
from dataclasses import dataclass, field
from typing import Any

from vod_app.formats.model import ChapterMark
from vod_app.formats.podcast_chapters import PSC_NS, podlove_chapters
from vod_app.formats.sidecar import (
    MAX_DESCRIPTION,
    SidecarError,
    clip,
    clock_ms,
    lang_tag,
    parse_xml,
    plain_text,
    real_date,
    seconds_ms,
    text_field,
    web_url,
)

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "media": "http://search.yahoo.com/mrss/",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "psc": PSC_NS,
}
MEDIA_TYPES = ("video/", "audio/")
MAX_ITEMS = 5000


@dataclass(frozen=True)
class Transcript:
    url: str
    type: str  # text/vtt, application/x-subrip (application/srt), application/json, text/html
    language: str | None
    captions: bool  # rel="captions": timed for display


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    title: str | None = None
    description: str | None = None
    date: dt.date | None = None
    duration_ms: int | None = None
    media_url: str | None = None  # an http(s) URL, or a relative name for a feed file beside its media
    chapters: list[ChapterMark] = field(default_factory=list)  # Podlove, inline
    chapters_url: str | None = None  # Podcasting 2.0 JSON chapters
    transcripts: list[Transcript] = field(default_factory=list)
    error: str | None = None  # "field: message": the item is skipped with this reason


@dataclass(frozen=True)
class Feed:
    title: str
    description: str | None
    language: str | None
    link: str | None
    items: list[FeedEntry]


def parse_feed(data: bytes, file: str) -> Feed:
    """Parse an RSS 2.0 or Atom document; raises SidecarError for a feed that cannot be read at all."""
    root = parse_xml(data, file)
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise SidecarError(file, "rss/channel", "missing")
        return _rss(channel, file)
    if root.tag == f"{{{NS['atom']}}}feed":
        return _atom(root, file)
    raise SidecarError(file, root.tag, "not an RSS 2.0 or Atom feed")


def _first(el: Any, *paths: str) -> Any:
    """The first element found (not ``a or b``: an Element without children is falsy)."""
    for path in paths:
        found = el.find(path, NS)
        if found is not None:
            return found
    return None


def _text(el: Any, path: str) -> str | None:
    found = el.find(path, NS)
    return found.text if found is not None and found.text else None


def _rfc822_date(value: str | None, file: str, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return real_date(value, file, name)  # some feeds write ISO dates in pubDate
    if not 1900 <= parsed.year <= 2100:
        raise SidecarError(file, name, f"{clip(value)} is outside 1900-2100")
    return parsed.date()


def _duration(value: str | None, file: str, name: str) -> int | None:
    if value is None or not value.strip():
        return None
    s = value.strip()
    if s.startswith("-"):
        raise SidecarError(file, name, f"{clip(value)} is negative")
    if ":" in s:
        return clock_ms(s, file, name)
    try:
        return seconds_ms(float(s), file, name)
    except ValueError:
        raise SidecarError(file, name, f"{clip(value)} is not a duration") from None


def _guid(*parts: str | None) -> str:
    return hashlib.sha1("|".join(p or "" for p in parts).encode()).hexdigest()


def _media_url(value: str | None, file: str, name: str) -> str | None:
    """http(s) URLs; a bare relative name (a feed file beside its media) is kept as a name."""
    if value is None:
        return None
    v = value.strip()
    if ":" not in v.split("/")[0] and not v.startswith(("/", "\\")) and ".." not in v.replace("\\", "/").split("/") and v:
        return v
    return web_url(v, file, name)


def _podcast_extras(item: Any, file: str, duration: int | None, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    chapters = item.find("podcast:chapters", NS)
    if chapters is not None and chapters.get("url"):
        out["chapters_url"] = _media_url(chapters.get("url"), file, f"{where}/podcast:chapters@url")
    psc = item.find("psc:chapters", NS)
    if psc is not None:
        out["chapters"] = podlove_chapters(psc, file, duration, f"{where}/")
    transcripts = []
    for i, tr in enumerate(item.findall("podcast:transcript", NS)[:20]):
        url = _media_url(tr.get("url"), file, f"{where}/podcast:transcript[{i + 1}]@url")
        if url is None:
            continue
        lang = lang_tag(tr.get("language"), file, f"{where}/podcast:transcript[{i + 1}]@language")
        transcripts.append(Transcript(url, (tr.get("type") or "").strip().lower(), lang, tr.get("rel") == "captions"))
    out["transcripts"] = transcripts
    return out


def _entry(guid: str, title: str | None, build: Any) -> FeedEntry:
    """The item, or (with its title kept, to name it in the report) the first problem in it."""
    try:
        return FeedEntry(guid=guid, **build())
    except SidecarError as exc:
        name = " ".join(title.split())[:200] if title else None
        return FeedEntry(guid=guid, title=name, error=f"{exc.field}: {exc.message}" if exc.field else exc.message)


def _rss(channel: Any, file: str) -> Feed:
    items = []
    for i, item in enumerate(channel.findall("item")[:MAX_ITEMS]):
        enclosure = item.find("enclosure")
        content = _first(item, "media:content", "media:group/media:content")
        guid = _text(item, "guid") or _guid(_text(item, "link"), _text(item, "title"), enclosure.get("url") if enclosure is not None else None)
        where = f"item[{i + 1}]"

        def build(item: Any = item, enclosure: Any = enclosure, content: Any = content, where: str = where) -> dict[str, Any]:
            url = None
            if enclosure is not None and enclosure.get("url"):
                url = _media_url(enclosure.get("url"), file, f"{where}/enclosure@url")
            elif content is not None and content.get("url"):
                url = _media_url(content.get("url"), file, f"{where}/media:content@url")
            duration = _duration(_text(item, "itunes:duration"), file, f"{where}/itunes:duration")
            if duration is None and content is not None:
                duration = _duration(content.get("duration"), file, f"{where}/media:content@duration")
            description = _text(item, "content:encoded") or _text(item, "description") or _text(item, "itunes:summary")
            return {
                "title": text_field(_text(item, "title"), file, f"{where}/title"),
                "description": plain_text(description)[:MAX_DESCRIPTION] if description else None,
                "date": _rfc822_date(_text(item, "pubDate"), file, f"{where}/pubDate"),
                "duration_ms": duration,
                "media_url": url,
                **_podcast_extras(item, file, duration, where),
            }

        items.append(_entry(guid.strip()[:500], _text(item, "title"), build))
    description = _text(channel, "description")
    link = _text(channel, "link")
    return Feed(
        title=text_field(_text(channel, "title"), file, "channel/title") or file,
        description=plain_text(description)[:MAX_DESCRIPTION] if description else None,
        language=_lang_or_none(_text(channel, "language")),
        link=link.strip() if link and link.strip().lower().startswith(("http://", "https://")) else None,
        items=items,
    )


def _lang_or_none(value: str | None) -> str | None:
    try:
        return lang_tag(value, "", "language")
    except SidecarError:
        return None  # a channel language is only a hint


def _atom(root: Any, file: str) -> Feed:
    items = []
    for i, entry in enumerate(root.findall("atom:entry", NS)[:MAX_ITEMS]):
        where = f"entry[{i + 1}]"
        enclosure = next((ln for ln in entry.findall("atom:link", NS) if ln.get("rel") == "enclosure"), None)
        content = _first(entry, "media:content", "media:group/media:content")
        guid = _text(entry, "atom:id") or _guid(_text(entry, "atom:title"), enclosure.get("href") if enclosure is not None else None)

        def build(entry: Any = entry, enclosure: Any = enclosure, content: Any = content, where: str = where) -> dict[str, Any]:
            url = None
            if enclosure is not None and enclosure.get("href"):
                url = _media_url(enclosure.get("href"), file, f"{where}/link[@rel=enclosure]@href")
            elif content is not None and content.get("url"):
                url = _media_url(content.get("url"), file, f"{where}/media:content@url")
            duration = _duration(content.get("duration") if content is not None else None, file, f"{where}/media:content@duration")
            description = _text(entry, "atom:content") or _text(entry, "atom:summary") or _text(entry, "media:group/media:description")
            date_text = _text(entry, "atom:published") or _text(entry, "atom:updated")
            return {
                "title": text_field(_text(entry, "atom:title"), file, f"{where}/title"),
                "description": plain_text(description)[:MAX_DESCRIPTION] if description else None,
                "date": real_date(date_text.strip() if date_text else None, file, f"{where}/published"),
                "duration_ms": duration,
                "media_url": url,
                **_podcast_extras(entry, file, duration, where),
            }

        items.append(_entry(guid.strip()[:500], _text(entry, "atom:title"), build))
    link = next((ln.get("href") for ln in root.findall("atom:link", NS) if ln.get("rel") in (None, "alternate")), None)
    subtitle = _text(root, "atom:subtitle")
    return Feed(
        title=text_field(_text(root, "atom:title"), file, "feed/title") or file,
        description=plain_text(subtitle) if subtitle else None,
        language=_lang_or_none(root.get("{http://www.w3.org/XML/1998/namespace}lang")),
        link=link if link and link.lower().startswith(("http://", "https://")) else None,
        items=items,
    )
