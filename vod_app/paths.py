"""Where vod-app keeps its files: platformdirs, with VOD_APP_* overrides.

Nothing here touches the disk at import time; callers create directories when they write.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "vod-app"
APP_AUTHOR = "vod-app"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "catalog.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def thumbnails_dir(self) -> Path:
        return self.cache_dir / "thumbnails"

    @property
    def media_roots_file(self) -> Path:
        """This machine's media roots (File → Media folders on this computer…, docs/deployment.md)."""
        from vod_app.domain.media_locations import SAVED_ROOTS_FILE

        return self.config_dir / SAVED_ROOTS_FILE

    def database_url(self) -> str:
        """The SQLAlchemy URL of the catalog: VOD_APP_DB wins over the default file."""
        env = os.environ.get("VOD_APP_DB")
        if env:
            return env
        return sqlite_url(self.database)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def app_paths() -> AppPaths:
    """Paths from platformdirs; VOD_APP_HOME puts everything under one folder (tests, portable use)."""
    home = os.environ.get("VOD_APP_HOME")
    if home:
        base = Path(home)
        return AppPaths(base / "data", base / "config", base / "cache")
    dirs = PlatformDirs(APP_NAME, APP_AUTHOR)
    return AppPaths(Path(dirs.user_data_dir), Path(dirs.user_config_dir), Path(dirs.user_cache_dir))


def package_root() -> Path:
    """The repository / install root that holds data/ and resources/."""
    return Path(__file__).resolve().parent.parent


def builtin_catalog_path() -> Path:
    return package_root() / "data" / "catalog.json"


def current_person() -> str:
    """Whose positions, bookmarks and preferences: VOD_APP_USER (set by ``--user``), else the login
    name. An identity, not an authentication (docs/user-state.md)."""
    name = (os.environ.get("VOD_APP_USER") or "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers) and no LOGNAME/USER
        return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "user"


def current_device() -> str:
    """This machine, for what only makes sense on it (relocated files): VOD_APP_DEVICE or the host name."""
    named = (os.environ.get("VOD_APP_DEVICE") or "").strip()
    if named:
        return named
    import socket  # here: its import (selectors, ~3 ms) is not needed before the first paint otherwise

    return socket.gethostname()


def this_machine_roots() -> tuple[list, list[str]]:
    """(roots, problems) of this machine: ``media-roots.txt`` in the config folder, then
    ``VOD_APP_MEDIA_ROOTS`` / ``--media-root`` (domain/media_locations.py ``machine_roots``)."""
    from vod_app.domain.media_locations import SAVED_ROOTS_FILE, machine_roots

    problems = []
    try:
        saved = app_paths().media_roots_file.read_text("utf-8")
    except FileNotFoundError:
        saved = ""
    except (OSError, UnicodeDecodeError) as exc:
        saved = ""
        problems.append(f"{SAVED_ROOTS_FILE}: cannot be read ({getattr(exc, 'strerror', None) or exc})")
    roots, more = machine_roots(saved=saved)
    return roots, problems + more


def machine_root_problems() -> list[str]:
    """What is wrong in this machine's roots: those items are left out (the rest still applies), and
    the commands and the window say so once, on stderr."""
    return [f"{p}; left out" for p in this_machine_roots()[1]]
