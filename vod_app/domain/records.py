"""Immutable records the UI and CLI receive from the repository (never ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RecordingSummary:
    """One row of "Recent videos" / "Continue watching"."""

    recording_id: int
    recording_uid: str
    session_id: int
    session_uid: str
    date: dt.date | None
    event_title: str
    title: str
    duration_ms: int | None
    languages: tuple[str, ...]
    source: str
    is_sample: bool = False
    position_ms: int = 0  # resume position (0 when never watched)
    thumbnail: str | None = None  # a picture that came with the recording (yt-dlp), else a snapshot
    is_new: bool = False  # a feed item not opened yet (marked "New" on the start page)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    session_id: int
    session_uid: str
    date: dt.date | None
    event_title: str
    title: str
    languages: tuple[str, ...]
    is_sample: bool = False


@dataclass(frozen=True, slots=True)
class PanelRecord:
    panel_id: int
    uid: str
    number: int | None
    title: str
    description: str
    lang: str  # the language title/description are in
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChapterRecord:
    start_ms: int
    end_ms: int | None
    title: str
    source: str  # catalog | chapters_file | container | description
    panel_id: int | None = None
    titles: dict[str, str] = field(default_factory=dict, compare=False)  # lang -> title, when localised


@dataclass(frozen=True, slots=True)
class PanelRange:
    panel_id: int
    start_ms: int
    end_ms: int | None


@dataclass(frozen=True, slots=True)
class AudioTrackRecord:
    position: int
    language: str | None
    label: str | None


@dataclass(frozen=True, slots=True)
class CaptionTrackRecord:
    track_id: int
    language: str | None
    label: str | None
    source: str


@dataclass(frozen=True, slots=True)
class RecordingRecord:
    recording_id: int
    uid: str
    session_id: int
    title: str
    source: str  # what to play: this machine's relocation, else the stored location through the media roots
    catalog_source: str
    duration_ms: int | None
    chapters: tuple[ChapterRecord, ...] = ()
    panel_ranges: tuple[PanelRange, ...] = ()
    audio_tracks: tuple[AudioTrackRecord, ...] = ()
    captions: tuple[CaptionTrackRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionDetail:
    session_id: int
    uid: str
    date: dt.date | None
    place: str | None
    event_title: str
    title: str
    description: str
    lang: str
    text_languages: tuple[str, ...]  # languages the descriptions exist in
    languages: tuple[str, ...]  # all available languages (texts, audio, captions)
    panels: tuple[PanelRecord, ...]
    recordings: tuple[RecordingRecord, ...]
    is_sample: bool = False
    # Where each field came from (field, source) for the "Sources" line; docs/sources.md.
    sources: tuple[tuple[str, str], ...] = ()
    tags: tuple[str, ...] = ()
    web_url: str | None = None  # the page the recording was published on (never opened at import)


@dataclass(frozen=True, slots=True)
class LocalizedPanel:
    """A panel's texts in every language, for the player's description pane."""

    panel_id: int
    number: int | None
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang -> (title, description)


@dataclass(frozen=True, slots=True)
class PlayItem:
    """Everything the player needs for one recording."""

    recording: RecordingRecord
    session_title: str
    session_uid: str
    panels: tuple[LocalizedPanel, ...]
    position_ms: int = 0
    session_texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang -> (title, description)


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # session | panel | cue | speaker (catalog/speaker_search.py) | note
    session_id: int
    session_uid: str
    title: str
    snippet: str  # HTML-escaped text with <b>…</b> around matches
    lang: str
    date: dt.date | None = None
    panel_id: int | None = None
    panel_uid: str | None = None
    recording_id: int | None = None
    recording_uid: str | None = None
    start_ms: int | None = None
    tier: int = 0  # 0 title, 1 description, 2 caption
    score: float = 0.0
    # Set while ``snippet`` is still to be made (empty until then): the row it is made from, a texts
    # id (a cues id for a caption hit on PostgreSQL). SearchBackend.snippets makes it, for the rows
    # shown: making all of a keystroke's snippets cost a third of the search (issue 14).
    snippet_of: int | None = None


@dataclass(frozen=True, slots=True)
class BookmarkRecord:
    bookmark_uid: str
    recording_uid: str
    position_ms: int
    note: str
    created_at: dt.datetime
    panel_uid: str | None = None
    speaker: str | None = None
    updated_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    next_cursor: str | None  # opaque keyset cursor; None at the end
