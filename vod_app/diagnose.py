"""``vod-app --version`` and ``vod-app --diagnose``: what a bug report needs, nothing private.

Shared by the CLI and the About dialog (which shows the same component versions). The catalog is
only ever read through SQLite, read-only (``database.read_only_uri``): diagnosing never upgrades,
locks or creates anything. Paths under the home folder are written with ``~`` and a server URL
loses its password and host, so the output can be pasted into a public bug report.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

APP = "vod-app"
FALLBACK_VERSION = "0.1.0"  # when no package metadata is installed (a source checkout run without pip)

# The components and their licences, for the About dialog and docs/packaging.md: what the Debian
# package's bundle carries (its Python distributions, Qt, Python itself, PyInstaller's loader), and
# libvlc, which is the system's. The other system libraries (GLib, GTK 3, cairo, X11/xcb, OpenSSL...)
# are not in the bundle either: they are Debian's packages, in the .deb's Depends and Recommends.
LICENCES: tuple[tuple[str, str, str], ...] = (
    ("Qt 6 / PySide6 / Shiboken6", "PySide6", "LGPL-3.0-only (or GPL-2.0/3.0)"),
    ("libvlc 3 (the system's libvlc5, not bundled)", "", "LGPL-2.1-or-later"),
    ("python-vlc", "python-vlc", "LGPL-2.1-or-later"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic, Mako", "alembic", "MIT"),
    ("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    ("Pygments", "Pygments", "BSD-2-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("jsonschema, referencing, rpds-py, attrs", "jsonschema", "MIT"),
    ("langcodes / language-data", "langcodes", "MIT"),
    ("marisa-trie", "marisa-trie", "MIT; its marisa library BSD-2-Clause or LGPL-2.1-or-later"),
    ("typing-extensions", "typing_extensions", "PSF-2.0"),
    ("Python", "", "PSF-2.0"),
    ("PyInstaller's loader", "", "GPL-2.0-or-later with the bootloader exception"),
)


def app_version() -> str:
    """The installed distribution's version (PyInstaller bundles carry its metadata too)."""
    try:
        return metadata.version(APP)
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def qt_version() -> str:
    try:
        from PySide6 import QtCore
    except ImportError as exc:  # pragma: no cover - PySide6 is a hard dependency
        return f"unavailable ({exc})"
    return f"{QtCore.qVersion()} (PySide6 {_dist_version('PySide6-Essentials')})"


def libvlc_version() -> str:
    """libvlc's own version string; a missing libvlc is a line of the report, not an error."""
    try:
        import vlc

        raw = vlc.libvlc_get_version()
    except (ImportError, OSError, AttributeError, NameError) as exc:
        return f"unavailable ({exc})"
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return f"{text} (python-vlc {_dist_version('python-vlc')})"


def versions() -> list[tuple[str, str]]:
    return [
        (APP, app_version()),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Qt", qt_version()),
        ("libvlc", libvlc_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("SQLAlchemy", _dist_version("SQLAlchemy")),
        ("Alembic", _dist_version("alembic")),
        ("platform", f"{platform.system()} {platform.machine()}"),
        ("bundled", "yes (PyInstaller)" if getattr(sys, "frozen", False) else "no"),
    ]


def private(path: object) -> str:
    """A path with the home folder written as ``~`` (the login name stays out of bug reports)."""
    text = str(path)
    home = str(Path.home())
    if home and home != "/" and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home) :]
    return text


def _catalog_lines(url: str) -> list[tuple[str, str]]:
    from vod_app.catalog.database import parse_url, read_only_uri, sqlite_file_of

    db_file = sqlite_file_of(url)
    if db_file is None:
        try:
            parsed = parse_url(url)
        except Exception as exc:  # noqa: BLE001 - a bad URL is one line of the report
            return [("catalog", f"unreadable URL ({type(exc).__name__})")]
        return [("catalog", f"{parsed.get_backend_name()} server (host and credentials not shown)")]
    lines = [("catalog", private(db_file))]
    if not db_file.exists():
        return [*lines, ("catalog state", "not created yet")]
    lines.append(("catalog file size", f"{db_file.stat().st_size} bytes"))
    try:
        conn = sqlite3.connect(read_only_uri(db_file), uri=True, timeout=2, isolation_level=None)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                lines.append(("catalog schema", row[0] if row else "none"))
            for table in ("sessions", "recordings", "cues"):
                if table in tables:
                    count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
                    lines.append((f"catalog {table}", str(count)))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        lines.append(("catalog state", f"unreadable ({exc})"))
    return lines


def report(db_url: str | None = None) -> str:
    """The whole ``--diagnose`` text: versions, folders, the catalog's size and schema."""
    from vod_app.catalog.database import head_revision
    from vod_app.paths import app_paths, package_root

    paths = app_paths()
    url = db_url or paths.database_url()
    rows = versions()
    rows.append(("schema this version writes", head_revision()))
    rows += [
        ("install folder", private(package_root())),
        ("data folder", private(paths.data_dir)),
        ("config folder", private(paths.config_dir)),
        ("cache folder", private(paths.cache_dir)),
        ("session bus", "yes" if os.environ.get("DBUS_SESSION_BUS_ADDRESS") else "no"),
        ("display", os.environ.get("QT_QPA_PLATFORM") or ("wayland" if os.environ.get("WAYLAND_DISPLAY") else "x11" if os.environ.get("DISPLAY") else "none")),
    ]
    rows += _catalog_lines(url)
    from vod_app.paths import this_machine_roots

    roots, problems = this_machine_roots()
    left_out = f"; {len(problems)} invalid, left out (any command names them)" if problems else ""
    rows.append(("media roots (this machine)", f"{len(roots)}{left_out}"))  # no paths or hosts: private
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows) + "\n"
