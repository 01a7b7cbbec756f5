"""The composition root: arguments, QApplication, services, main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from vod_app.backups import backups_dir, snapshot_user_state


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="vod-app")
    p.add_argument("--db", metavar="URL", help="catalog database (SQLAlchemy URL)")
    p.add_argument("--user", metavar="NAME", help="whose positions, bookmarks and preferences (default: VOD_APP_USER or the login name)")
    p.add_argument("--headless-playback", action="store_true", help="play with dummy audio/video outputs")
    p.add_argument("--open", metavar="SESSION", help="open this session (its id, as 'vod-app recent --json' shows), or a vod:// link")
    p.add_argument("link", nargs="?", help="a vod:// link to a moment (docs/links.md); the same as --open LINK")
    args, _qt_args = p.parse_known_args(list(argv))
    args.open = args.open or args.link
    return args


def _prepare_platform() -> None:
    if sys.platform.startswith("linux") and not os.environ.get("XDG_RUNTIME_DIR"):
        import tempfile

        # libvlc and Qt complain without one; a private folder (0700) is what they expect.
        os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="vod-app-runtime-")
    # libvlc 3 cannot embed into Wayland surfaces: use XWayland (xcb) before QApplication exists.
    if (
        os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
        and os.environ.get("DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
        and sys.platform.startswith("linux")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _located(services, recording_id: int) -> str | None:  # noqa: ANN001
    """Where a list row's recording plays from (the thumbnails' worker; waits for the ORM's load there)."""
    from vod_app.catalog.media_source import repository_media_source

    found = repository_media_source(services.repo, recording_id)
    return None if found is None else found[1]


def build_window(
    db_url: str | None = None, *, headless_playback: bool | None = None, thumbnails: bool = True, player=None
):  # noqa: ANN001, ANN201
    """Open the catalog and build the main window (used by main() and by the UI tests).

    player: a `Player` to use instead of libvlc's (UI tests where video is irrelevant pass a
    FakePlayer); None: the window makes the real PlayerController when the player page is first
    needed (ui/pages.py), not before the first paint.
    """
    from PySide6.QtGui import QGuiApplication

    from vod_app import interpreter, startup
    from vod_app.paths import app_paths
    from vod_app.playback.player_maker import PlayerMaker
    from vod_app.tasks import TaskRunner
    from vod_app.ui.main_window import MainWindow, Services
    from vod_app.ui.thumbnails import ThumbnailCache

    interpreter.tune()  # the GUI thread's reads beside busy workers (interpreter.py)
    paths = app_paths()
    url = db_url or paths.database_url()
    runner = TaskRunner()
    # A catalog at head is shown from plain sqlite3; the ORM loads after the first paint (startup.py).
    fast = startup.first_page_services(url, paths.data_dir, paths.cache_dir)
    if fast is not None:
        services, stored, pending = fast
        catalog, seed_error = None, None
    else:
        loaded = startup.LoadedServices(url, paths.data_dir)
        catalog, seed_error, stored, pending = loaded.catalog, loaded.seed_error, loaded.stored, None
        services = Services(loaded.repo, loaded.users, loaded.search, startup._catalog_importer(catalog),
                            startup._folder_importer(catalog), loaded.feeds)
    from vod_app.ui.preferences import Preferences

    prefs = Preferences.from_store(stored, writer=None)  # the window writes them through its WriteQueue
    if headless_playback is None:
        headless_playback = QGuiApplication.platformName() not in ("xcb", "windows", "cocoa")

    make_controller = PlayerMaker(headless_playback)  # libvlc's, on the player page's first use
    thumbs = ThumbnailCache(paths.thumbnails_dir, runner, enabled=thumbnails)
    thumbs.locate = lambda recording_id: _located(services, recording_id)
    window = MainWindow(services, player, runner, prefs, thumbs, make_controller=make_controller)
    if player is None:
        window.pages.prepare = make_controller.prepare  # libvlc's Instance on a worker, before the warm-up
    if pending is not None:
        startup.attach(window, pending, runner)
    else:
        window.catalog = catalog
        # The session and player pages in idle time once the window has painted (ui/pages.py).
        window.warm_up_filter = startup.AfterFirstPaint(window, window.pages.warm_up)
    window.thumbnails = thumbs  # MPRIS's artUrl (ui/mpris.py)
    if catalog is not None and not catalog.is_sqlite:
        from vod_app.ui.server_status import ServerStatus

        window.server_status = ServerStatus(window, services.users, runner)
    if seed_error:
        window.report_error(
            QCoreApplication.translate(
                "MainWindow", "The built-in catalog could not be loaded: {error}"
            ).format(error=seed_error)
        )
    return window


def ask_rebuild(error: str, parent=None) -> bool:  # noqa: ANN001
    """The damaged-catalog dialog: Rebuild (keeps the damaged file aside) or Quit."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "vod-app",
        QCoreApplication.translate("app", "The catalog file is damaged."),
        parent=parent,
    )
    box.setObjectName("damagedCatalogDialog")
    box.setInformativeText(
        QCoreApplication.translate(
            "app",
            "{error}\n\nvod-app can keep the damaged file aside (nothing is deleted), rebuild the catalog from "
            "the last good backup or the built-in catalog, and bring back your positions, bookmarks and "
            "settings from the backups.",
        ).format(error=error)
    )
    rebuild = box.addButton(QCoreApplication.translate("app", "Rebuild"), QMessageBox.ButtonRole.AcceptRole)
    rebuild.setObjectName("rebuildButton")
    box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole).setObjectName(
        "quitButton"
    )
    box.setDefaultButton(rebuild)
    box.exec()
    return box.clickedButton() is rebuild


def tell(kind: str, text: str, parent=None) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    (QMessageBox.critical if kind == "critical" else QMessageBox.information)(parent, "vod-app", text)


class AppShell:
    """Holds the main window; on a damaged catalog offers Rebuild and opens a new window.

    Damage is found when the catalog is opened (not a database, cut short, damaged schema), by any
    query that reaches a damaged page, or by a quick integrity check run in the background shortly
    after start-up (which would otherwise cost start-up time on large catalogs).
    """

    def __init__(
        self, db_url: str | None, *, headless_playback: bool | None = None, ask=ask_rebuild, tell=tell
    ) -> None:  # noqa: ANN001
        from vod_app.paths import app_paths

        self.url = db_url or app_paths().database_url()
        self.headless_playback = headless_playback
        self.ask, self.tell = ask, tell
        self.window = None
        self.last_recovery = None
        self.mpris = None  # set by main(): outlives a window replaced by rebuild()

    def open(self) -> bool:
        """Build the window (rebuilding a damaged catalog if the user agrees). False: quit."""
        from vod_app.catalog.database import CatalogError, CorruptDatabaseError

        try:
            self.window = build_window(self.url, headless_playback=self.headless_playback)
            return True
        except CorruptDatabaseError as exc:
            return self.rebuild(str(exc))
        except CatalogError as exc:
            self._cannot_open(exc)
        except Exception as exc:  # noqa: BLE001 - a message, never a traceback in the face of the user
            import traceback

            traceback.print_exc()
            self.tell(
                "critical",
                QCoreApplication.translate("app", "vod-app could not start: {error}").format(error=exc),
            )
        return False

    def _cannot_open(self, error: object) -> None:
        text = QCoreApplication.translate("app", "The catalog could not be opened:\n{error}")
        self.tell("critical", text.format(error=error))

    def rebuild(self, error: str) -> bool:
        """Offer Rebuild; on yes keep the damaged file aside, recover, and open a new window."""
        from vod_app.catalog.database import CatalogError, sqlite_file_of
        from vod_app.catalog.recovery import recover_catalog

        db_file = sqlite_file_of(self.url)
        if db_file is None:
            self._cannot_open(error)
            return False
        if not self.ask(error, self.window):
            return False
        old, self.window = self.window, None
        if old is not None:
            old.close()
            if getattr(old, "load_error", None) is None:  # else it never had an engine to let go of
                old.catalog.dispose()
        try:
            self.last_recovery = recover_catalog(db_file, backups_dir(self.url), force=True)
        except (CatalogError, OSError) as exc:
            text = QCoreApplication.translate("app", "The catalog could not be rebuilt:\n{error}")
            self.tell("critical", text.format(error=exc))
            return False
        self.tell("information", "\n".join(self.last_recovery.lines()))
        try:
            self.window = build_window(self.url, headless_playback=self.headless_playback)
        except CatalogError as exc:
            self._cannot_open(exc)
            return False
        if self.mpris is not None:  # the media keys follow the new window (ui/mpris.py)
            self.mpris.attach(self.window)
        return True

    def check_later(self, delay_ms: int = 3000) -> None:
        """A quick integrity check off the GUI thread, once start-up is done."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(delay_ms, self.check_now)

    def check_now(self) -> None:
        """SQLite's quick check through the window's own catalog connections.

        Never a separate ``open()`` of the file: on POSIX its ``close()`` would drop the window's
        locks, and another vod-app could then delete the WAL the window still writes to.
        """
        from vod_app.catalog.database import sqlite_file_of
        from vod_app.catalog.diagnosis import check_open_catalog

        if self.window is None or sqlite_file_of(self.url) is None:
            return
        failed = getattr(self.window, "load_error", None)  # the ORM's load after the first page (startup.py)
        if failed is not None:
            from vod_app.catalog.database import CorruptDatabaseError

            if isinstance(failed, CorruptDatabaseError) and self.rebuild(str(failed)):
                self.show()
            return
        self.window.runner.submit(check_open_catalog, on_done=self._checked, catalog=self.window.catalog)

    def _checked(self, diagnosis) -> None:  # noqa: ANN001
        if diagnosis.ok or not diagnosis.recoverable or self.window is None:
            return
        if self.rebuild(diagnosis.summary()):
            self.show()
        elif self.window is None:
            from PySide6.QtWidgets import QApplication

            QApplication.quit()

    def show(self) -> None:
        if self.window is not None:
            self.window.show()

    def bring_forward(self, argv: Sequence[str] = ()) -> None:
        """A later launch on this catalog: come forward and do what it asked (``--open SESSION``).

        ``--db`` names this very catalog; ``--headless-playback`` is fixed at start.
        """
        if self.window is None:
            return
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        try:
            session = _parse(argv).open if argv else None
        except SystemExit:  # not from a vod-app launch (that parsed its own arguments first)
            session = None
        if session:
            self.open_session(session)

    def open_session(self, uid: str) -> bool:
        """Show the session page of ``uid``; a message in the window when there is no such session."""
        if self.window is None or uid.lower().startswith("vod:"):  # a link: notes_wiring plays the moment
            return self.window is not None and self.window.notes.open_link(uid)
        sid = self.window.services.repo.session_id_for_uid(uid)
        if sid is None:
            self.window.report_error(
                QCoreApplication.translate("app", "There is no session with the id {id} in this catalog.").format(id=uid)
            )
            return False
        self.window.browse.session_requested.emit(sid)
        return True

    def close(self) -> None:
        """After the event loop: a user-state snapshot for recovery, then let go of the file."""
        if self.window is not None:
            from vod_app.paths import app_paths
            from vod_app.startup import keep_language_names

            keep_language_names(app_paths().cache_dir)  # names met since (scrolling, other pages)
            snapshot_user_state(self.window.catalog, "exit")
            self.window.catalog.dispose()
        # The media relay, if anything was played from a server (not imported just to stop it):
        # its open connections are cut, so players still stopping on worker threads end sooner.
        relay = sys.modules.get("vod_app.playback.http_relay")
        if relay is not None:
            relay.stop_relay()


def main(argv: Sequence[str] = ()) -> int:
    args = _parse(argv)
    if args.user is not None:  # read by vod_app.paths.current_person(), as VOD_APP_USER is
        os.environ["VOD_APP_USER"] = args.user
    _prepare_platform()
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "vod-app"])
    app.setApplicationName("vod-app")
    app.setOrganizationName("vod-app")
    app.setApplicationDisplayName("vod-app")
    app.setDesktopFileName("vod-app")
    translators = []
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("vod_app", _translations_dir()),
    ):
        t = QTranslator(app)
        # English has a catalogue too (plural forms only: "1 result", "2 results"); it also serves the C locale.
        if t.load(QLocale(), name, "_", folder) or (name == "vod_app" and t.load("vod_app_en", folder)):
            app.installTranslator(t)
            translators.append(t)

    from vod_app.paths import app_paths
    from vod_app.single_instance import SingleInstance, catalog_identity, instance_name

    # Before the catalog is touched: a second launch on the same catalog hands its arguments to the
    # window already open on it; another catalog gets its own window.
    url = args.db or app_paths().database_url()
    guard = SingleInstance(instance_name(url))
    if not guard.acquire(list(argv)):
        where = catalog_identity(url).removeprefix("sqlite:")
        if guard.answered:
            sys.stderr.write(f"vod-app: already running on {where}; brought its window forward\n")
            return 0
        sys.stderr.write(f"vod-app: already running on {where}, but its window did not answer\n")
        return 1
    shell = AppShell(url, headless_playback=True if args.headless_playback else None)
    if not shell.open():
        return 1
    guard.activated.connect(shell.bring_forward)
    _install_excepthook(shell)
    from vod_app.ui.mpris import install as install_mpris  # media keys, desktop controls (session bus)

    shell.mpris = install_mpris(shell.window)
    from vod_app import smoke  # the installed package's CI check (VOD_APP_SMOKE_PLAY_S); else nothing

    if (smoke_s := smoke.seconds()) is not None:
        smoke.install(shell.window, smoke_s)
    shell.show()
    if args.open:
        shell.open_session(args.open)
    shell.check_later()
    status = app.exec()
    shell.close()
    return status


def _install_excepthook(shell: AppShell) -> None:
    """An unexpected error becomes a message in the window (and a line on stderr), never a crash."""
    import contextlib
    import traceback

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))
        with contextlib.suppress(Exception):  # never raise from the hook itself
            window = shell.window
            window.report_error(
                QCoreApplication.translate("MainWindow", "Something went wrong: {error}").format(error=exc)
            )

    sys.excepthook = hook


def _translations_dir() -> str:
    from vod_app.paths import package_root

    return str(package_root() / "build" / "translations")
