"""SQLAlchemy 2 typed declarative models of the catalog and of the user's state.

Catalog rows carry a stable ``uid`` from the catalog file so that a re-import updates in place.
User state (positions, bookmarks, preferences, relocations) is keyed by recording *uid*, not by a
foreign key: nothing a re-import deletes can cascade into what the user made.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes, stored naive-UTC (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# --- catalog --------------------------------------------------------------------------------------


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(200), unique=True)
    organiser: Mapped[str | None] = mapped_column(String(500))
    year: Mapped[int | None] = mapped_column(Integer)


class Session(Base):
    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(200), unique=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    date: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(500))
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    # Denormalised for the filters and the recent list: "en fr es", kept by the importer.
    languages: Mapped[str] = mapped_column(String(200), default="")
    # sha256 of the session as last imported (catalog entry + sidecar file stamps): a re-import of an
    # unchanged session writes nothing, so importing the same file twice leaves the catalog identical.
    content_hash: Mapped[str | None] = mapped_column(String(64))
    # Where each shown field came from (field -> catalog | info.json | nfo | feed | container | file
    # name), for the session page's "Sources" line; docs/sources.md. Migration 0005.
    provenance: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)

    panels: Mapped[list[Panel]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Panel.position"
    )
    recordings: Mapped[list[Recording]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Recording.position"
    )

    __table_args__ = (
        # Keyset pagination of the recent list: newest first, undated last.
        Index("ix_sessions_recent", text("coalesce(date, '0001-01-01')"), "id"),
        Index("ix_sessions_sample_recent", "is_sample", text("coalesce(date, '0001-01-01')"), "id"),  # migration 0003
        Index("ix_sessions_event", "event_id"),
    )


class SessionLanguage(Base):
    """Languages a session is available in (descriptions, audio, captions): the language filter."""

    __tablename__ = "session_languages"
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(35), primary_key=True)
    __table_args__ = (Index("ix_session_languages_lang", "lang", "session_id"),)


class Panel(Base):
    __tablename__ = "panels"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(200), unique=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)
    speakers: Mapped[list[str]] = mapped_column(JSON, default=list)

    session: Mapped[Session] = relationship(back_populates="panels")


class Recording(Base):
    __tablename__ = "recordings"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(200), unique=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # An absolute local path or an http(s) URL; anything else is refused at import.
    source: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    # 64-bit on PostgreSQL (migration 0001); SQLite's INTEGER is 64-bit already.
    size: Mapped[int | None] = mapped_column(Integer().with_variant(BigInteger(), "postgresql"))
    mtime_ns: Mapped[int | None] = mapped_column(Integer().with_variant(BigInteger(), "postgresql"))
    missing: Mapped[bool] = mapped_column(Boolean, default=False)
    # Folder import: size/mtime of the media file and its sidecars when last read (incremental rescans).
    stamp: Mapped[str | None] = mapped_column(String(200))
    # A picture shipped with the recording (yt-dlp's NAME.jpg/.png/.webp): shown instead of a snapshot.
    thumbnail: Mapped[str | None] = mapped_column(Text, nullable=True)

    session: Mapped[Session] = relationship(back_populates="recordings")
    __table_args__ = (Index("ix_recordings_source", "source"),)


class RecordingPanel(Base):
    """The time range a panel occupies in a recording (a recording may hold several panels)."""

    __tablename__ = "recording_panels"
    id: Mapped[int] = mapped_column(primary_key=True)
    recording_id: Mapped[int] = mapped_column(ForeignKey("recordings.id", ondelete="CASCADE"), index=True)
    panel_id: Mapped[int] = mapped_column(ForeignKey("panels.id", ondelete="CASCADE"), index=True)
    start_ms: Mapped[int] = mapped_column(Integer)
    end_ms: Mapped[int | None] = mapped_column(Integer)


class Chapter(Base):
    __tablename__ = "chapters"
    id: Mapped[int] = mapped_column(primary_key=True)
    recording_id: Mapped[int] = mapped_column(ForeignKey("recordings.id", ondelete="CASCADE"), index=True)
    start_ms: Mapped[int] = mapped_column(Integer)
    end_ms: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    # Localised titles {"fr": "..."}; ``title`` is the default.
    titles: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    panel_id: Mapped[int | None] = mapped_column(ForeignKey("panels.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(20))  # catalog | chapters_file | container | description


class AudioTrack(Base):
    __tablename__ = "audio_tracks"
    id: Mapped[int] = mapped_column(primary_key=True)
    recording_id: Mapped[int] = mapped_column(ForeignKey("recordings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    language: Mapped[str | None] = mapped_column(String(35))
    label: Mapped[str | None] = mapped_column(Text)


class CaptionTrack(Base):
    __tablename__ = "caption_tracks"
    id: Mapped[int] = mapped_column(primary_key=True)
    recording_id: Mapped[int] = mapped_column(ForeignKey("recordings.id", ondelete="CASCADE"), index=True)
    language: Mapped[str | None] = mapped_column(String(35))
    label: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)  # sidecar file path


class Cue(Base):
    __tablename__ = "cues"
    id: Mapped[int] = mapped_column(primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("caption_tracks.id", ondelete="CASCADE"), index=True)
    recording_id: Mapped[int] = mapped_column(Integer, index=True)
    language: Mapped[str | None] = mapped_column(String(35))
    start_ms: Mapped[int] = mapped_column(Integer)
    end_ms: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # plain text (tags stripped): what is indexed and shown


class Speaker(Base):
    """Someone who speaks in a session (the catalog's ``speakers``): migration 0008."""

    __tablename__ = "speakers"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    uid: Mapped[str] = mapped_column(String(200))  # the catalog's id, unique within its session
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    affiliation: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)


class SpeakerTerm(Base):
    """The folded words of a speaker's name (accents and case removed): search reads a name by an
    index range (``term >= 'dia' AND term < 'dib'``), the same SQL on SQLite and PostgreSQL."""

    __tablename__ = "speaker_terms"
    # Byte order on PostgreSQL, as SQLite's BINARY: a prefix is then one index range.
    term: Mapped[str] = mapped_column(String(200).with_variant(String(200, collation="C"), "postgresql"), primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True, index=True)


class Intervention(Base):
    """When a speaker speaks in a recording (the catalog's ``interventions``)."""

    __tablename__ = "interventions"
    id: Mapped[int] = mapped_column(primary_key=True)
    recording_id: Mapped[int] = mapped_column(ForeignKey("recordings.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)
    start_ms: Mapped[int] = mapped_column(Integer)
    end_ms: Mapped[int] = mapped_column(Integer)
    language: Mapped[str | None] = mapped_column(String(35))


class LocalizedText(Base):
    """Title and description of an event, session or panel in one language."""

    __tablename__ = "texts"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(10))  # event | session | panel
    owner_id: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str] = mapped_column(String(35))
    title: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (UniqueConstraint("owner_kind", "owner_id", "lang", name="uq_texts_owner_lang"),)


# --- user state: never deleted by an import ------------------------------------------------------


class Person(Base):
    """Someone whose positions, bookmarks and preferences these are (docs/user-state.md).

    An identity, not an authentication: the name is the login name, ``--user`` or ``VOD_APP_USER``.
    A SQLite catalog has one person (id 1, unnamed until the first run claims it).
    """

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class WatchState(Base):
    """A person's resume position and last-watched time of one recording."""

    __tablename__ = "watch_state"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    recording_uid: Mapped[str] = mapped_column(String(200), primary_key=True)
    position_ms: Mapped[int] = mapped_column(Integer, default=0)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)
    last_watched_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    __table_args__ = (Index("ix_watch_state_last", "person_id", "last_watched_at"),)


class Bookmark(Base):
    """A person's bookmark. A text uid (UUID) so that merges (recovery, notes files, a personal
    catalog joining a shared one) never duplicate; ``deleted_at`` is a tombstone Undo and merges read."""

    __tablename__ = "bookmarks"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    recording_uid: Mapped[str] = mapped_column(String(200))
    position_ms: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    panel_uid: Mapped[str | None] = mapped_column(String(200))
    speaker: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (Index("ix_bookmarks_person_recording", "person_id", "recording_uid"),)


class Preference(Base):
    __tablename__ = "preferences"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Relocation(Base):
    """Where a recording's missing file was found ("Locate…") on one device: a local path means
    nothing on another machine. ``device`` '' is a relocation from before devices (any machine)."""

    __tablename__ = "relocations"
    device: Mapped[str] = mapped_column(String(200), primary_key=True)
    recording_uid: Mapped[str] = mapped_column(String(200), primary_key=True)
    path: Mapped[str] = mapped_column(Text)


class SessionOverride(Base):
    """A person's edit of a folder-imported session (title, date, event): a rescan applies it
    instead of what the file names say (docs/folders.md). Keyed by session uid, like user state."""

    __tablename__ = "session_overrides"
    session_uid: Mapped[str] = mapped_column(String(200), primary_key=True)
    # Only the edited fields: {"title": "...", "date": "2019-05-10" | null, "event": "uid" | null}.
    fields: Mapped[dict[str, str | None]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ExcludedFile(Base):
    """A media file whose session the person removed from the catalog: rescans skip it (and say so)."""

    __tablename__ = "excluded_files"
    source: Mapped[str] = mapped_column(Text, primary_key=True)
    session_uid: Mapped[str] = mapped_column(String(200))
    excluded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Feed(Base):
    """A subscribed podcast / media RSS / Atom feed. ``etag`` and ``last_modified`` make a refresh a
    conditional request; the items already seen are in ``feed_items`` (docs/sources.md)."""

    __tablename__ = "feeds"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    event_uid: Mapped[str] = mapped_column(String(200))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    refreshed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class FeedItem(Base):
    """One item of a feed by its guid: a refresh never adds its session twice. ``is_new`` marks it on
    the start page until its session is opened."""

    __tablename__ = "feed_items"
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True)
    guid: Mapped[str] = mapped_column(String(500), primary_key=True)
    session_uid: Mapped[str] = mapped_column(String(200), index=True)
    is_new: Mapped[bool] = mapped_column(Boolean, default=True)
    first_seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class MediaRoot(Base):
    """A catalog's media root: locations under ``prefix`` are opened at ``url`` (docs/catalog-format.md).
    Applied when playing; the stored locations never change. ``catalog`` is the file that declared it:
    its next import replaces the roots it declared."""

    __tablename__ = "media_roots"
    prefix: Mapped[str] = mapped_column(String(4096), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    catalog: Mapped[str] = mapped_column(Text, index=True)
