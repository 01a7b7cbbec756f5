"""Search text as people (and cats on keyboards) type it: every FTS5 operator, control characters,
100 kB strings, and queries that overlap. tests/unit/test_search.py has the hostile list and the
fuzz tests; tests/ui/test_main_window.py the as-you-type test."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

import pytest

from vod_app.catalog.search import SqliteSearch, build_match

OPERATORS = [
    "AND", "OR", "NOT", "NEAR", "NEAR(", "NEAR(migration compact, 2)", "NEAR/2", "*", "^", "+", "-", "(", ")", '"', '""',
    ":", "{", "}", "title:", "{title description}:", "-title:", "^migration", "migr*", "*migr", "'", "\\", ",", "AND NOT",
    "col:*", "rank", "bm25(", "MATCH", "'; DROP TABLE texts; --", "%", "_", "[", "]",
]


@pytest.fixture(scope="module")
def search(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.paths import builtin_catalog_path

    folder = tmp_path_factory.mktemp("search")
    catalog = open_catalog(f"sqlite:///{folder / 'c.sqlite3'}", backups_dir=folder / "backups")
    import_catalog_file(catalog, builtin_catalog_path())
    yield SqliteSearch(catalog)
    catalog.dispose()


def test_every_fts5_operator_alone_and_in_pairs(search: SqliteSearch) -> None:
    for a, b in itertools.product(OPERATORS, repeat=2):
        for query in (a, f"{a} {b}", f"{a}{b}", f"migration {a} compact {b}"):
            assert isinstance(search.search(query, limit=5), list), query
    # operators are text: a quoted phrase search for the words around them still finds them
    assert search.search("global AND compact", limit=5)[0].panel_uid == "iom-idm-2017-panel-2"


@pytest.mark.parametrize("code", [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF, 0x200B, 0x202E])
def test_control_and_invisible_characters(search: SqliteSearch, code: int) -> None:
    ch = chr(code)
    for query in (ch, f"glo{ch}bal", f"global{ch}compact", f'"{ch}', ch * 1000):
        assert isinstance(search.search(query, limit=5), list)
    match = build_match(f"a{ch}b")
    assert match is None or "\x00" not in match


@pytest.mark.parametrize(
    "query",
    ['"' * 100_000, "(" * 100_000, "a " * 50_000, "x" * 100_000, "NEAR(" * 20_000, "migration " * 10_000 + '"', "é" * 100_000, "😀" * 25_000],
    ids=["quotes", "parens", "many-terms", "one-token", "near", "words-then-quote", "accents", "emoji"],
)
def test_100_kb_queries_are_fast_and_harmless(search: SqliteSearch, query: str) -> None:
    t0 = time.monotonic()
    assert isinstance(search.search(query, limit=20), list)
    assert time.monotonic() - t0 < 2


def test_overlapping_queries_show_only_the_last_ones_results(qtbot, tmp_path: Path) -> None:
    """Earlier (shorter) queries are made to finish last: their results must never win."""
    from vod_app.app import build_window

    window = build_window(f"sqlite:///{tmp_path / 'ui.sqlite3'}", headless_playback=True, thumbnails=False)
    qtbot.addWidget(window)
    window.show()
    try:
        real = window.services.search.search
        finished: list[str] = []
        lock = threading.Lock()

        def slow(query, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            time.sleep(max(0.0, 0.4 - 0.05 * len(query)))  # "g" takes longest, "global compact" least
            hits = real(query, *args, **kwargs)
            with lock:
                finished.append(query)
            return hits

        window.services.search.search = slow
        typed = ["g", "gl", "glo", "glob", "globa", "global", "global c", "global co", "global compact"]
        emitted: list[str] = []
        window.search_finished.connect(lambda q, n: emitted.append(q))
        for text in typed:
            window.search_field.setText(text)
            window._run_search()  # no debounce: every keystroke is a query, all in flight at once
        window._debounce.stop()  # (setText started it: the same query again would emit twice)
        qtbot.waitUntil(lambda: "global compact" in emitted, timeout=20_000)
        window.runner.wait(5_000)
        qtbot.wait(200)
        # Search has a lane of its own: each keystroke supersedes the one before, so the queries in
        # between never run, and one already running would be interrupted and dropped
        # (tasks.TaskRunner.submit_latest).
        assert finished[-1] == "global compact" and len(set(finished)) < len(typed)
        assert emitted == ["global compact"]
        assert window.results_model.hit(0).panel_uid == "iom-idm-2017-panel-2"
    finally:
        window.close()
        window.catalog.dispose()
