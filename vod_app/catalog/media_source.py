"""Where a recording plays from, in one small read: what the player needs before anything else.

The window asks for this first and hands it to libvlc, then reads the whole play item
(CatalogRepository.play_item) while libvlc opens the file (issue 14, "open to first frame").
The same rule as the repository's: this device's relocation, else one from before devices (''),
else the catalog's source through the media roots (this machine's, then the catalog's).
"""

from __future__ import annotations

from sqlalchemy import text

from vod_app.catalog.database import Catalog
from vod_app.catalog.media_roots import media_roots
from vod_app.domain.media_locations import MediaRoot

_SQL = text(
    "SELECT r.uid, (SELECT l.path FROM relocations AS l WHERE l.recording_uid = r.uid AND l.device IN ('', :device) "
    "ORDER BY l.device = '' LIMIT 1), r.source FROM recordings AS r WHERE r.id = :id"
)


def media_source(
    catalog: Catalog, recording_id: int, device: str, machine_roots: list[MediaRoot] | None = None
) -> tuple[str, str] | None:
    """(recording uid, file or URL to play) of ``recording_id``, or None when there is no such recording."""
    with catalog.read() as s:
        row = s.execute(_SQL, {"id": recording_id, "device": device}).first()
        if row is None:
            return None
        uid, relocated, source = row
        return uid, relocated or media_roots(s, machine_roots).resolve(source).location


def repository_media_source(repo: object, recording_id: int) -> tuple[str, str] | None:
    """:func:`media_source` with a repository's catalog, device and this machine's roots (the
    player's first read, the thumbnails' worker)."""
    return media_source(repo.catalog, recording_id, repo.device, repo.machine_roots)  # type: ignore[attr-defined]
