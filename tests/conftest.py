"""Shared fixtures: every test runs against real SQLite files in a temporary folder."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Other projects' conformance suites (WebVTT, SRT, media with chapters), beside a checkout of this
# repository in the project's layout; VOD_APP_TESTDATA names another copy.
SHARED_TESTDATA = Path(os.environ.get("VOD_APP_TESTDATA") or SHARED / "testdata")
_SHARED_MARK = "shared_testdata"


def _have_shared_testdata() -> bool:
    return SHARED_TESTDATA.is_dir() and any(SHARED_TESTDATA.iterdir())


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


# --- the catalog engines -------------------------------------------------------------------------
# Tests about catalog behaviour (import, search, repository, user state) are marked ``both_engines``
# and run on SQLite and on PostgreSQL (a throwaway cluster, tests/pg_cluster.py); tests about SQLite
# files themselves (damage, WAL, locks, foreign files, recovery) stay SQLite-only (docs/deployment.md).
_BOTH_MARK = "both_engines"
_SQLITE_MARK = "sqlite_only"  # in a both_engines module: a test about files or one engine's limits
_NO_PG = pytest.StashKey[str]()


def _postgresql_missing() -> str | None:
    """Why PostgreSQL cannot run here (None when it can): the server binaries and the driver, or
    VOD_APP_TEST_ENGINES=sqlite (a quick run while developing)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pg_cluster import server_bin

    if os.environ.get("VOD_APP_TEST_ENGINES", "").strip().lower() == "sqlite":
        return "VOD_APP_TEST_ENGINES=sqlite"

    if server_bin() is None:
        return "the PostgreSQL server is not installed (packaging/system-deps.sh test installs it)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the psycopg driver is not installed (make setup-test)"
    return None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_url" not in metafunc.fixturenames or metafunc.definition.get_closest_marker(_BOTH_MARK) is None:
        return
    if metafunc.definition.get_closest_marker(_SQLITE_MARK) is not None:
        return
    engines = ["sqlite"] if metafunc.config.stash.get(_NO_PG, None) else ["sqlite", "postgresql"]
    metafunc.parametrize("engine", engines)


@pytest.fixture
def engine() -> str:
    """The catalog engine of a test not marked ``both_engines``."""
    return "sqlite"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """One PostgreSQL cluster for the session, and a template database at the schema's head.

    In a folder of its own under /tmp (pytest's are private to the test user; the server may run as
    another one), removed afterwards."""
    from pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        from vod_app.catalog.database import open_catalog

        cluster.sql('CREATE DATABASE "vod_template"')
        open_catalog(cluster.url("vod_template")).dispose()
        yield cluster
    finally:
        cluster.stop("immediate")
        shutil.rmtree(cluster.base.parent, ignore_errors=True)


@pytest.fixture
def pg_url(pg_cluster) -> Iterator[str]:  # noqa: ANN001
    """A fresh PostgreSQL catalog at the schema's head (a copy of the template), dropped afterwards."""
    url = pg_cluster.new_database(template="vod_template")
    yield url
    pg_cluster.sql(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


@pytest.fixture
def own_cluster() -> Iterator[object]:
    """A cluster of the test's own, for tests that stop and start the server in the middle."""
    from pg_cluster import start_cluster

    cluster = start_cluster()
    yield cluster
    cluster.stop("immediate")
    shutil.rmtree(cluster.base.parent, ignore_errors=True)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{_BOTH_MARK}: runs on each catalog engine (SQLite, PostgreSQL)")
    config.addinivalue_line("markers", f"{_SQLITE_MARK}: in a both_engines module, runs on SQLite only")
    missing = _postgresql_missing()
    if missing:
        if _in_ci():
            raise pytest.UsageError(f"CI: PostgreSQL must run too, but {missing}")
        config.stash[_NO_PG] = missing
    config.addinivalue_line("markers", f"{_SHARED_MARK}: needs the shared conformance suites (../shared/testdata)")
    if _in_ci() and not _have_shared_testdata():
        raise pytest.UsageError(
            f"CI: the shared conformance suites are missing ({SHARED_TESTDATA}); CI must run them"
        )


def _names_shared_path(fn: object, seen: set[int], depth: int = 3) -> bool:
    """Does ``fn`` (or a helper of its module it calls) use a module-level path inside the suites?"""
    code = getattr(fn, "__code__", None)
    if code is None or id(code) in seen or depth < 0:
        return False
    seen.add(id(code))
    module_globals = getattr(fn, "__globals__", {})
    names: set[str] = set()
    stack = [code]
    while stack:  # nested functions and comprehensions have code objects of their own
        c = stack.pop()
        names.update(c.co_names)
        stack += [k for k in c.co_consts if hasattr(k, "co_names")]
    for name in names:
        value = module_globals.get(name)
        if isinstance(value, Path) and value.is_relative_to(SHARED_TESTDATA):
            return True
        own_helper = callable(value) and getattr(value, "__module__", None) == module_globals.get("__name__")
        if own_helper and _names_shared_path(value, seen, depth - 1):
            return True
    return False


def _needs_shared_testdata(item: pytest.Item) -> bool:
    if item.get_closest_marker(_SHARED_MARK) or "media_chapters" in getattr(item, "fixturenames", ()):
        return True
    skip = item.get_closest_marker("skip")
    if skip and "empty parameter set" in str(skip.kwargs.get("reason", "")):
        return True  # parametrized over the suites' files, and there are none
    return _names_shared_path(getattr(item, "function", None), set())


_NOT_RUN = pytest.StashKey[int]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without ../shared the tests that need the suites are left out (not skipped: a skip fails CI)
    and reported once at the end; everything else runs. Without PostgreSQL, the tests that need a
    server are left out the same way (and "only SQLite ran" is said once)."""
    if config.stash.get(_NO_PG, None):
        pg_only = [item for item in items if {"pg_cluster", "pg_url", "own_cluster"} & set(getattr(item, "fixturenames", ()))
                   and "engine" not in getattr(item, "fixturenames", ())]
        if pg_only:
            keep_pg = set(map(id, pg_only))
            items[:] = [item for item in items if id(item) not in keep_pg]
            config.hook.pytest_deselected(items=pg_only)
    if _have_shared_testdata():
        return
    left_out = [item for item in items if _needs_shared_testdata(item)]
    if left_out:
        keep = set(map(id, left_out))
        items[:] = [item for item in items if id(item) not in keep]
        config.hook.pytest_deselected(items=left_out)
        config.stash[_NOT_RUN] = len(left_out)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    no_pg = config.stash.get(_NO_PG, None)
    if no_pg:
        terminalreporter.write_line(f"only SQLite ran: {no_pg}", yellow=True)
    n = config.stash.get(_NOT_RUN, 0)
    if n:
        terminalreporter.write_line(
            f"shared conformance suites not run: {SHARED_TESTDATA} not found ({n} tests need it; "
            "clone this repository beside ../shared, or set VOD_APP_TESTDATA)",
            yellow=True,
        )


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("VOD_APP_HOME", str(home))
    monkeypatch.delenv("VOD_APP_DB", raising=False)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return home


@pytest.fixture
def db_url(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if engine == "postgresql":
        return request.getfixturevalue("pg_url")
    return f"sqlite:///{tmp_path / 'catalog.sqlite3'}"


@pytest.fixture
def catalog(db_url: str, tmp_path: Path) -> Iterator[object]:
    from vod_app.catalog.database import open_catalog

    cat = open_catalog(db_url, backups_dir=tmp_path / "backups")
    yield cat
    cat.dispose()


@pytest.fixture
def builtin_copy(tmp_path: Path) -> Path:
    """A copy of the built-in catalog with its media folder (tests may edit it)."""
    dest = tmp_path / "builtin"
    dest.mkdir()
    shutil.copy(DATA / "catalog.json", dest / "catalog.json")
    (dest / "media").mkdir()
    for f in (DATA / "media").glob("*.vtt"):
        shutil.copy(f, dest / "media" / f.name)
    mkv = DATA / "media" / "idm2017-panel-2-3.mkv"
    if mkv.exists():
        (dest / "media" / mkv.name).symlink_to(mkv)
    return dest / "catalog.json"


@pytest.fixture
def loaded_catalog(catalog: object) -> object:
    from vod_app.catalog.importer import import_catalog_file

    import_catalog_file(catalog, DATA / "catalog.json")  # type: ignore[arg-type]
    return catalog
