"""The composition root: arguments, QApplication, services, main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="vod-app")
    p.add_argument("--db", metavar="URL", help="catalog database (SQLAlchemy URL)")
    p.add_argument("--headless-playback", action="store_true", help="play with dummy audio/video outputs")
    args, _qt_args = p.parse_known_args(list(argv))
    return args


def _prepare_platform() -> None:
    if sys.platform.startswith("linux") and not os.environ.get("XDG_RUNTIME_DIR"):
        import tempfile

        # libvlc and Qt complain without one; a private folder (0700) is what they expect.
        os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="vod-app-runtime-")
    # libvlc 3 cannot embed into Wayland surfaces: use XWayland (xcb) before QApplication exists.
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM") and os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def build_window(db_url: str | None = None, *, headless_playback: bool | None = None, thumbnails: bool = True):  # noqa: ANN201
    """Open the catalog and build the main window (used by main() and by the UI tests)."""
    from PySide6.QtGui import QGuiApplication

    from vod_app.catalog.builtin import ensure_builtin_catalog
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository, UserStateRepository
    from vod_app.catalog.search import SqliteSearch
    from vod_app.paths import app_paths
    from vod_app.playback.controller import PlayerController
    from vod_app.tasks import TaskRunner
    from vod_app.ui.main_window import MainWindow, Services
    from vod_app.ui.preferences import Preferences
    from vod_app.ui.thumbnails import ThumbnailCache

    paths = app_paths()
    catalog = open_catalog(db_url or paths.database_url(), backups_dir=paths.backups_dir)
    seed_error = None
    try:
        ensure_builtin_catalog(catalog)
    except Exception as exc:  # noqa: BLE001 - the window opens anyway and says so
        seed_error = str(exc)
    repo = CatalogRepository(catalog)
    users = UserStateRepository(catalog)
    runner = TaskRunner()
    from vod_app.catalog import models as m

    with catalog.read() as s:
        stored = {k: v for k, v in s.query(m.Preference.key, m.Preference.value)}
    prefs = Preferences.from_store(stored, writer=lambda k, v: runner.submit(users.set_preference, key=k, value=v))
    if headless_playback is None:
        headless_playback = QGuiApplication.platformName() not in ("xcb", "windows", "cocoa")
    controller = PlayerController(headless=headless_playback)
    folder_import = _folder_importer(catalog)
    services = Services(repo, users, SqliteSearch(catalog), lambda p: import_catalog_file(catalog, p), folder_import)
    thumbs = ThumbnailCache(paths.thumbnails_dir, runner, enabled=thumbnails)
    window = MainWindow(services, controller, runner, prefs, thumbs)
    window.catalog = catalog
    if seed_error:
        window.report_error(window.tr("The built-in catalog could not be loaded: {error}").format(error=seed_error))
    return window


def _folder_importer(catalog):  # noqa: ANN001, ANN202
    from vod_app.catalog.folder import import_folder
    from vod_app.playback.probe import probe_media

    return lambda path, progress=None, cancel=None: import_folder(catalog, path, probe=probe_media, progress=progress, cancel=cancel)


def main(argv: Sequence[str] = ()) -> int:
    args = _parse(argv)
    _prepare_platform()
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "vod-app"])
    app.setApplicationName("vod-app")
    app.setOrganizationName("vod-app")
    app.setApplicationDisplayName("vod-app")
    app.setDesktopFileName("vod-app")
    translators = []
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), ("vod_app", _translations_dir())):
        t = QTranslator(app)
        if t.load(QLocale(), name, "_", folder):
            app.installTranslator(t)
            translators.append(t)

    from vod_app.catalog.database import CatalogError

    try:
        window = build_window(args.db, headless_playback=True if args.headless_playback else None)
    except CatalogError as exc:
        QMessageBox.critical(None, "vod-app", app.translate("app", "The catalog could not be opened:\n{error}").format(error=exc))
        return 1
    from vod_app.single_instance import SingleInstance

    guard = SingleInstance("vod-app-" + str(os.getuid() if hasattr(os, "getuid") else "user"))
    if not guard.acquire():
        return 0  # the running window was asked to come forward
    guard.activated.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
    _install_excepthook(window)
    window.show()
    return app.exec()


def _install_excepthook(window) -> None:  # noqa: ANN001
    """An unexpected error becomes a message in the window (and a line on stderr), never a crash."""
    import contextlib
    import traceback

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))
        with contextlib.suppress(Exception):  # never raise from the hook itself
            window.report_error(window.tr("Something went wrong: {error}").format(error=exc))

    sys.excepthook = hook


def _translations_dir() -> str:
    from vod_app.paths import package_root

    return str(package_root() / "build" / "translations")
