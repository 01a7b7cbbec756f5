"""One client of a shared PostgreSQL catalog, as a separate process (load and restart tests).

    python pg_client.py URL ROLE PERSON SECONDS OUT [CATALOG_A CATALOG_B]

ROLE ``viewer``: a person watching (a position save every PERIOD seconds, a search every fourth
save, a bookmark every tenth), the way the window does it, through UserStateRepository and the
search backend. ROLE ``importer``: imports CATALOG_A and CATALOG_B in turn (one transaction each).
What the person would see goes to stderr ("vod-app: catalog server unreachable, retrying"); one
line per event goes to stdout for the test to follow ("saved N", "status: ..."); the results are
written as JSON to OUT at the end: latencies, the last position saved per recording, bookmark uids,
errors (anything a person would have seen as a failure).
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path

PERIOD = 0.5  # a save every 5 s per viewer in the app; 10x faster here
IMPORT_PAUSE = 2.0
WORDS = ["migration", "governance", "dialogue", "compact", "mobility", "labour", "glob", "diaspora", "Séance 1", "whole of government"]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def viewer(url: str, person: str, seconds: float, out: Path) -> dict[str, object]:
    from vod_app.catalog.database import ServerUnreachableError, open_catalog
    from vod_app.catalog.search import search_backend
    from vod_app.catalog.user_state import UserStateRepository

    catalog = open_catalog(url)
    users = UserStateRepository(catalog, person, pending_file=out.with_suffix(".pending.sqlite3"))

    def status(message: str) -> None:
        sys.stderr.write(f"vod-app: {message}\n")
        say(f"status: {message}")

    users.on_status = status
    search = search_backend(catalog)
    # Warm up (imports, the first connection, the person's row), then wait for the test's "go": the
    # figures are about saves while everyone works, not about 20 interpreters starting at once.
    users.save_position("warm-up", 0, None)
    search.search("warm", limit=1)
    say("ready")
    sys.stdin.readline()
    latencies: list[float] = []
    expected: dict[str, int] = {}
    marks: list[str] = []
    errors: list[str] = []
    searches = 0
    n = 0
    deadline = time.monotonic() + seconds
    next_at = time.monotonic()
    while time.monotonic() < deadline:
        rec = f"gen-{sum(map(ord, person)) % 50 + n % 5:06d}-rec"
        pos = (n + 1) * 1000
        try:
            t0 = time.perf_counter()
            users.save_position(rec, pos, 3_600_000)
            latencies.append(time.perf_counter() - t0)
            expected[rec] = pos
            if n % 10 == 0:
                marks.append(users.add_bookmark(rec, pos, f"{person} {n}"))
        except Exception:  # noqa: BLE001 - any failure is what the test counts
            errors.append(traceback.format_exc(limit=3))
        n += 1
        say(f"saved {n}")
        if n % 4 == 0:  # a search now and then (someone typing in the search box)
            try:
                search.search(WORDS[n % len(WORDS)], limit=20)
                searches += 1
            except ServerUnreachableError:
                pass  # said by the save above; the search is simply tried again later
            except Exception:  # noqa: BLE001
                errors.append(traceback.format_exc(limit=3))
        next_at += PERIOD
        time.sleep(max(0.0, next_at - time.monotonic()))  # a person's pace, not a wait for a condition
    flush_deadline = time.monotonic() + 90
    while not users.flush_pending() and time.monotonic() < flush_deadline:
        time.sleep(0.2)
    catalog.dispose()
    expected["warm-up"] = 0
    return {"latencies": latencies, "expected": expected, "marks": marks, "errors": errors, "searches": searches,
            "pending": users.pending}


def importer(url: str, seconds: float, files: list[str]) -> dict[str, object]:
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file

    catalog = open_catalog(url)
    say("ready")
    sys.stdin.readline()
    imports, errors = 0, []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            import_catalog_file(catalog, Path(files[imports % len(files)]))
            imports += 1
            say(f"imported {imports}")
            time.sleep(IMPORT_PAUSE)  # an archivist's imports come now and then, not back to back
        except Exception:  # noqa: BLE001
            errors.append(traceback.format_exc(limit=3))
            break
    catalog.dispose()
    return {"imports": imports, "errors": errors}


def main(argv: list[str]) -> int:
    url, role, person, seconds, out = argv[0], argv[1], argv[2], float(argv[3]), Path(argv[4])
    result = importer(url, seconds, argv[5:]) if role == "importer" else viewer(url, person, seconds, out)
    out.write_text(json.dumps(result), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
