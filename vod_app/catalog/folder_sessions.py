"""Which files of a folder make one session, as their names and folders say (docs/folders.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vod_app.formats.names import find_date, find_part, tidy_title


def path_uid(kind: str, path: Path) -> str:
    """A uid that depends on the path only: a rescan of the same files gives the same uids."""
    return f"{kind}-{hashlib.sha1(str(path).encode()).hexdigest()[:20]}"


@dataclass
class SessionGroup:
    """The recordings of one session, as the names say (docs/folders.md)."""

    uid: str
    title: str  # from the name; a person's edit (override) wins
    date: dt.date | None  # from the name, else None (then the first recording's file time)
    members: list[Path] = field(default_factory=list)
    grouped: bool = False  # several recordings may share the session: each gets its own title


def _dated_ancestor(media: Path) -> dt.date | None:
    """The date in the nearest folder name above the file. All the way up, not only up to the added
    folder: a file gets the same date whichever of its folders was added."""
    for parent in media.parents:
        found = find_date(parent.name)
        if found is not None:
            return found.date
    return None


def _natural(name: str) -> tuple[Any, ...]:
    return tuple(int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", name))


def plan_sessions(media_files: list[Path]) -> list[SessionGroup]:
    """Which files make one session. A file's session uid depends on its path only, so a rescan of
    the same files gives the same sessions, whatever else is in the folder:

    * every media file directly in a folder whose name holds a date ("2019-05-10 Council") is one
      session named after the folder;
    * else files of one folder whose names differ only by a part number ("Plenary part 1",
      "Plenary (2)", "Plenary_pt3") are one session, recordings in part order;
    * else a file is a session of its own (uid as before grouping existed).
    """
    groups: dict[str, SessionGroup] = {}
    order: dict[Path, tuple[Any, ...]] = {}
    for media in media_files:
        parent = media.parent
        named = find_date(media.stem)
        # The part number is read with the date left out: "Plenary part 1 2019-05-10" is part 1.
        bare = media.stem if named is None else f"{media.stem[: named.start]} {media.stem[named.end :]}".strip(" _-.")
        part = find_part(bare)
        folder_date = find_date(parent.name)
        if folder_date is not None:
            key = f"dir:{parent}"
            uid = path_uid("folder", Path(key))
            group = groups.setdefault(uid, SessionGroup(uid, tidy_title(parent.name), folder_date.date, grouped=True))
            order[media] = _natural(media.name)
        elif part is not None:
            # Parts of one name recorded on different days are different sessions.
            key = f"parts:{parent}{os.sep}{part.key}" + (f"@{named.date.isoformat()}" if named else "")
            uid = path_uid("folder", Path(key))
            date = named.date if named else _dated_ancestor(media)
            group = groups.setdefault(uid, SessionGroup(uid, tidy_title(part.base), date, grouped=True))
            order[media] = (part.number, _natural(media.name))
        else:
            uid = path_uid("folder", media)
            group = groups.setdefault(uid, SessionGroup(uid, tidy_title(media.stem), named.date if named else _dated_ancestor(media)))
            order[media] = ()
        group.members.append(media)
    for group in groups.values():
        group.members.sort(key=lambda p: order[p])
        if len(group.members) == 1 and group.grouped and find_date(group.members[0].parent.name) is None:
            group.title = tidy_title(group.members[0].stem)  # one part alone keeps its whole name
    return list(groups.values())
