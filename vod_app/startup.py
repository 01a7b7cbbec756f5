"""The window's services in two steps: the start page on plain sqlite3, then the ORM after the first paint.

A catalog file that is ours and at the head schema is shown from :class:`FirstPageReader`
(catalog/first_page.py) while SQLAlchemy, the models and Alembic's check are loaded on the task
runner's ``startup`` lane once the window has painted (``import sqlalchemy`` alone is ~270 ms).
Until then the services the window holds are stand-ins: the start page's reads go to the reader,
anything else waits for the loaded service (on a worker, or briefly on the GUI thread). Everything
else — a new, empty, foreign, damaged or older file, a server URL — is opened before the window, as
it always was (:func:`load_services`), so every refusal and recovery offer is unchanged.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

from vod_app.backups import backups_dir, snapshot_user_state

#: What the start page reads before the ORM has loaded (FirstPageReader has the same methods).
FIRST_PAGE_READS = ("recent_recordings", "continue_watching", "events", "years", "languages")


class LoadedServices:
    """The catalog and the services built on it (the normal path's objects)."""

    def __init__(self, url: str, data_dir: Path) -> None:
        from vod_app.catalog.builtin import ensure_builtin_catalog
        from vod_app.catalog.database import CorruptDatabaseError, open_catalog
        from vod_app.catalog.feeds import FeedService
        from vod_app.catalog.repository import CatalogRepository
        from vod_app.catalog.search import search_backend
        from vod_app.catalog.user_state import UserStateRepository

        self.catalog = catalog = open_catalog(url, backups_dir=backups_dir(url))
        self.seed_error: str | None = None
        try:
            ensure_builtin_catalog(catalog)
        except CorruptDatabaseError:
            catalog.dispose()
            raise  # the caller offers to rebuild; a window on a damaged file would fail everywhere
        except Exception as exc:  # noqa: BLE001 - the window opens anyway and says so
            self.seed_error = str(exc)
        self.repo = CatalogRepository(catalog)
        self.users = UserStateRepository(catalog)
        self.stored = self.users.preferences()  # this person's (claims the catalog's unnamed person on first use)
        self.search = search_backend(catalog)
        self.feeds = FeedService(catalog, data_dir / "feeds")
        # What the window will use soon, loaded here rather than on the GUI thread.
        from vod_app.catalog import notes, sessions_edit, transcripts  # noqa: F401

    def compile_statements(self) -> None:
        """Read one session page and one play item here: SQLAlchemy compiles each ORM statement on its
        first use (~10 ms each; the first "play" spent ~120 ms compiling on the GUI thread), then
        reuses it (the engine's statement cache, shared by every thread)."""
        with contextlib.suppress(Exception):  # only a warm-up: the window's own reads say what is wrong
            first = self.repo.recent_recordings(limit=1).items
            if first:
                self.repo.session_detail(first[0].session_id)
                self.repo.play_item(first[0].recording_id)


LANGUAGE_NAMES = "language-names.json"


def _names_key() -> list[object]:
    """Which langcodes and language-data named them (their folders and times): another version
    may name a language differently, and its names are then asked again."""
    from importlib.util import find_spec

    key: list[object] = []
    for package in ("langcodes", "language_data"):
        spec = find_spec(package)
        # Resolved: a venv reached through a symlink (a git worktree's) names the same packages.
        folder = Path(spec.origin).resolve().parent if spec is not None and spec.origin else None
        key += [str(folder), folder.stat().st_mtime_ns if folder is not None else None]
    return key


def remember_language_names(cache_dir: Path) -> None:
    """Language names of the last run, so the first paint needs no CLDR data (domain/languages.py)."""
    from vod_app.domain.languages import remember_names

    try:
        kept = json.loads((cache_dir / LANGUAGE_NAMES).read_text("utf-8"))
        if kept["key"] == _names_key():
            remember_names({(c, lang): n for c, lang, n in kept["names"] if all(isinstance(x, str) for x in (c, lang, n))})
    except (OSError, ValueError, TypeError, KeyError):
        pass  # none yet, unreadable, or from another langcodes: langcodes names them


def keep_language_names(cache_dir: Path) -> None:
    """Keep the names this run used for the next start (written only when some were new)."""
    from vod_app.domain.languages import named

    names = named()
    if not names:
        return
    kept = {"key": _names_key(), "names": sorted([c, lang, n] for (c, lang), n in names.items())}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        part = cache_dir / (LANGUAGE_NAMES + ".part")
        part.write_text(json.dumps(kept, ensure_ascii=False), "utf-8")
        part.replace(cache_dir / LANGUAGE_NAMES)
    except OSError:
        pass  # a cache: the next start names them again


class PendingServices:
    """:class:`LoadedServices` being made on the ``startup`` lane; :meth:`get` waits for them.

    ``get`` on the GUI thread before anything started the load (a window not shown yet) loads there;
    a worker waits a moment for the window's load to start (a preference written while the window is
    built must not start it early, competing with the first paint) and then loads it itself.
    """

    WORKER_GRACE_S = 2.0

    def __init__(self, url: str, data_dir: Path, cache_dir: Path | None = None) -> None:
        self.url, self.data_dir, self.cache_dir = url, data_dir, cache_dir
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._begun = threading.Event()
        self._started = False
        self.value: LoadedServices | None = None
        self.error: BaseException | None = None
        self.on_ready: list[Callable[[LoadedServices], None]] = []
        self.on_failed: list[Callable[[BaseException], None]] = []
        self._relay = _Relay(self._deliver)

    @property
    def ready(self) -> bool:
        return self.value is not None

    def _claim(self) -> bool:
        with self._lock:
            first, self._started = not self._started, True
        self._begun.set()
        return first

    def start(self, runner: Any) -> None:
        if self._claim():
            runner.submit(self._load_quietly, lane="startup")

    def _load_quietly(self) -> None:
        with contextlib.suppress(Exception):  # kept in self.error, reported through on_failed
            self._load()

    def _load(self) -> LoadedServices:
        try:
            value = LoadedServices(self.url, self.data_dir)
            if self.cache_dir is not None:
                keep_language_names(self.cache_dir)
            if threading.current_thread() is not threading.main_thread():
                from vod_app.ui.pages import import_page_modules

                with contextlib.suppress(Exception):  # the pages import them again and say what is wrong
                    import_page_modules()  # the pages' modules and libvlc's binding: off the GUI thread
                value.compile_statements()
            self.value = value
            return value
        except BaseException as exc:
            self.error = exc
            raise
        finally:
            self._done.set()
            self._relay.finished.emit()  # on_ready/on_failed run on the GUI thread, whoever loaded

    def _deliver(self) -> None:
        if self.value is not None:
            for cb in self.on_ready:
                cb(self.value)
        elif self.error is not None:
            for cb in self.on_failed:
                cb(self.error)

    def get(self) -> LoadedServices:
        if threading.current_thread() is not threading.main_thread():
            self._begun.wait(self.WORKER_GRACE_S)
        if self._claim():
            with contextlib.suppress(Exception):  # raised below, for every caller alike
                self._load()
        self._done.wait()
        if self.value is None:
            raise self.error or RuntimeError("the catalog's services did not load")
        return self.value


class _Relay(QObject):
    """Lives on the GUI thread: a load finished on any thread is delivered there (queued)."""

    finished = Signal()

    def __init__(self, deliver: Callable[[], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self.finished.connect(self._on_finished)

    @Slot()
    def _on_finished(self) -> None:
        self._deliver()


class Later:
    """Stands for ``pending``'s service ``name`` until it has loaded; each use waits for it."""

    def __init__(self, pending: PendingServices, name: str) -> None:
        self._pending, self._name = pending, name

    def __getattr__(self, attr: str) -> Any:
        return getattr(getattr(self._pending.get(), self._name), attr)

    def interrupt(self) -> None:
        """Search's interrupt (the search box asks for it on the GUI thread): before the load there is
        no query in SQL to interrupt, and waiting here for the load would freeze the window."""
        if self._pending.ready:
            getattr(self._pending.get(), self._name).interrupt()


class FirstPageRepository:
    """``CatalogRepository`` for the window: the start page's reads from ``reader`` until the ORM has
    loaded (or when the reader fails: the loaded repository then says what is wrong), the rest and
    everything afterwards from the loaded repository."""

    def __init__(self, reader: Any, pending: PendingServices) -> None:
        self._reader, self._pending = reader, pending
        self.catalog = Later(pending, "catalog")
        self.filters_pending = False
        pending.on_ready.append(self._close_reader)
        pending.on_failed.append(self._close_reader)  # a damaged file may be moved aside next

    def _close_reader(self, _outcome: object) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()

    def __getattr__(self, name: str) -> Any:
        if name in ("events", "years", "languages") and not self._pending.ready and self._reader is not None:
            return self._filters_later
        if name in FIRST_PAGE_READS and not self._pending.ready and self._reader is not None:
            return self._first_page(name)
        return getattr(self._pending.get().repo, name)

    def _filters_later(self, *_args: Any, **_kwargs: Any) -> list[Any]:
        """None yet: naming languages loads langcodes' tag data (~20 ms), events and years are two
        more reads (~5-10 ms) that the first paint does not show; :func:`attach` fills the filters
        once the ORM has loaded (the closed filters paint the same: "All events", "All years"...)."""
        self.filters_pending = True
        return []

    def _first_page(self, name: str) -> Callable[..., Any]:
        import sqlite3

        def read(*args: Any, **kwargs: Any) -> Any:
            reader = self._reader
            if reader is not None and not self._pending.ready:
                try:
                    return getattr(reader, name)(*args, **kwargs)
                except sqlite3.Error:
                    pass
            return getattr(self._pending.get().repo, name)(*args, **kwargs)

        return read


class AfterFirstPaint(QObject):
    """Runs ``start`` once the window has painted (an event filter on the window)."""

    def __init__(self, window: Any, start: Callable[[], None]) -> None:
        super().__init__(window)
        self._start = start
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._start)  # after this paint has reached the screen
        return False


def first_page_services(url: str, data_dir: Path, cache_dir: Path | None = None) -> tuple[Any, dict[str, str], PendingServices] | None:
    """(services, this person's preferences, the pending ORM services) on a first-page reader, or
    None: open ``url`` the normal way."""
    from vod_app.catalog.first_page import FirstPageReader
    from vod_app.ui.main_window import Services

    reader = FirstPageReader.open(url)
    if reader is None:
        return None
    pending = PendingServices(url, data_dir, cache_dir)
    if cache_dir is not None:
        remember_language_names(cache_dir)
    stored = reader.preferences()
    repo = FirstPageRepository(reader, pending)
    services = Services(repo, Later(pending, "users"), Later(pending, "search"), _catalog_importer(Later(pending, "catalog")),
                        _folder_importer(Later(pending, "catalog")), Later(pending, "feeds"))
    return services, stored, pending


def attach(window: Any, pending: PendingServices, runner: Any) -> None:
    """Load the ORM after ``window``'s first paint; the window then holds the real catalog."""

    def ready(loaded: LoadedServices) -> None:
        window.catalog = loaded.catalog
        # The session and player pages next, in idle time (their modules loaded with the ORM).
        window.pages.warm_up()
        if getattr(window.services.repo, "filters_pending", False):
            window.services.repo.filters_pending = False
            event, year, _lang = window.browse.filters()
            repo, prefs = loaded.repo, window.prefs_langs()

            def read() -> tuple[Any, Any, Any]:  # on a worker: three reads (~5-10 ms), the GUI thread scrolls meanwhile
                return repo.events(prefs, year=year), repo.years(event_uid=event), repo.languages()

            def failed(exc: BaseException) -> None:  # as MainWindow.refresh_lists: a message, not a traceback
                window.report_error(QCoreApplication.translate("MainWindow", "The catalog could not be read: {error}").format(error=exc))

            runner.submit(read, on_done=lambda options: window.browse.set_filter_options(*options), on_error=failed)

    def failed(exc: BaseException) -> None:
        window.load_error = exc  # AppShell.check_now offers to rebuild a damaged file
        window.report_error(QCoreApplication.translate("MainWindow", "The catalog could not be read: {error}").format(error=exc))  # MainWindow's string

    pending.on_ready.append(ready)
    pending.on_failed.append(failed)
    # Loaded already when something needed it while the window was built (then delivered before now).
    window.catalog = pending.value.catalog if pending.value is not None else Later(pending, "catalog")
    window.startup_filter = AfterFirstPaint(window, lambda: pending.start(runner))


def _catalog_importer(catalog):  # noqa: ANN001, ANN202
    def run(path):  # noqa: ANN001, ANN202
        from vod_app.catalog.importer import import_catalog_file

        report = import_catalog_file(_real(catalog), path)
        snapshot_user_state(_real(catalog), "import")
        return report

    return run


def _folder_importer(catalog):  # noqa: ANN001, ANN202
    def run(path, progress=None, cancel=None):  # noqa: ANN001, ANN202
        from vod_app.catalog.folder import import_folder
        from vod_app.playback.probe import probe_media

        report = import_folder(_real(catalog), path, probe=probe_media, progress=progress, cancel=cancel)
        snapshot_user_state(_real(catalog), "import")
        return report

    return run


def _real(catalog: Any) -> Any:
    """The catalog behind a stand-in (importers pass it on to code that checks its type)."""
    return catalog._pending.get().catalog if isinstance(catalog, Later) else catalog
