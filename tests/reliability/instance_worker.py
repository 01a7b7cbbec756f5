"""One app instance for the concurrency test: imports catalogs and saves playback positions at once.

Run as ``python instance_worker.py DB_URL TAG SECONDS LONG_IMPORT_SECONDS CATALOG...``; prints a JSON
report on stdout. Both activities go through the app's own code (import_stream, import_catalog_file,
UserStateRepository), on two threads, as the GUI does (imports and position saves run on its task
runner). With LONG_IMPORT_SECONDS > 0 the first import is a stream of sessions that arrive slowly
(a folder being probed, a big generated catalog): its one transaction holds the write lock for
longer than SQLite's busy timeout.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file, import_stream
    from vod_app.catalog.user_state import UserStateRepository

    url, tag, seconds, long_import_s, *catalogs = argv
    catalog = open_catalog(url)
    users = UserStateRepository(catalog)
    deadline = time.monotonic() + float(seconds)
    report: dict[str, object] = {"saved": 0, "save_errors": [], "read_mismatches": 0, "imports": 0, "import_errors": [], "slowest_save_s": 0.0}

    def slow_sessions(n: int, total_s: float):  # noqa: ANN202
        for i in range(n):
            time.sleep(total_s / n)
            yield {"id": f"{tag}-long-{i}", "title": f"Long import {i}", "date": "2020-01-01"}

    def importer() -> None:
        if float(long_import_s) > 0:
            t0 = time.monotonic()
            try:
                import_stream(catalog, [], slow_sessions(200, float(long_import_s)), Path(catalogs[0]).parent, source="slow stream")
                report["imports"] += 1  # type: ignore[operator]
            except Exception as exc:  # noqa: BLE001
                report["import_errors"].append(f"{type(exc).__name__}: {exc}")  # type: ignore[union-attr]
            report["long_import_s"] = time.monotonic() - t0
        i = 0
        while time.monotonic() < deadline:
            try:
                import_catalog_file(catalog, Path(catalogs[i % len(catalogs)]))
                report["imports"] += 1  # type: ignore[operator]
            except Exception as exc:  # noqa: BLE001 - counted: what a user would have seen
                report["import_errors"].append(f"{type(exc).__name__}: {exc}")  # type: ignore[union-attr]
            i += 1

    def positions() -> None:
        i = 0
        while time.monotonic() < deadline:
            uid, ms = f"{tag}-{i}", 1000 * i + 7
            t0 = time.monotonic()
            try:
                users.save_position(uid, ms, 3_600_000)
            except Exception as exc:  # noqa: BLE001
                report["save_errors"].append(f"{type(exc).__name__}: {exc}")  # type: ignore[union-attr]
            else:
                report["saved"] += 1  # type: ignore[operator]
                if users.position(uid) != ms:
                    report["read_mismatches"] += 1  # type: ignore[operator]
            report["slowest_save_s"] = max(report["slowest_save_s"], time.monotonic() - t0)  # type: ignore[call-overload]
            i += 1
            time.sleep(0.01)  # a player saves every few seconds; ten writers' worth here

    threads = [threading.Thread(target=importer), threading.Thread(target=positions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    catalog.dispose()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
