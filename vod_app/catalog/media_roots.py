"""A catalog's media roots: checked on import, stored in ``media_roots``, applied when playing.

The rules (segment boundaries, longest prefix, this machine's roots first, one substitution) are in
``vod_app.domain.media_locations``; this module only validates what a catalog declares and keeps it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select

from vod_app.catalog import models as m
from vod_app.domain.media_locations import (
    MediaRoot,
    MediaRoots,
    is_url,
    make_root,
    url_problem,
)

MAX_PREFIX = 1000  # a primary key: PostgreSQL's btree entries stop at ~2,700 bytes


def media_roots_problems(items: list[dict[str, Any]]) -> list[Any]:
    """Problems (JSON path, message) of a schema-valid ``media_roots`` list."""
    from vod_app.catalog.validation import Problem, json_path  # noqa: PLC0415 - validation imports us

    problems = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = json_path(("media_roots", i))
        problem = url_problem(item["url"]) if is_url(item["url"]) else "it is not an http(s) URL"
        if problem:
            problems.append(Problem(f"{where}.url", f"{item['url'][:80]!r} is refused: {problem}"))
            continue
        try:
            root = make_root(item["path"], item["url"])
        except ValueError as exc:
            problems.append(Problem(where, str(exc)))
            continue
        if len(root.prefix) > MAX_PREFIX:
            problems.append(Problem(f"{where}.path", f"too long ({len(root.prefix)} characters; at most {MAX_PREFIX})"))
        elif root.prefix in seen:
            problems.append(Problem(f"{where}.path", f"{root.prefix!r} is declared twice"))
        seen.add(root.prefix)
    return problems


def store_media_roots(conn: Connection, catalog: str, items: list[dict[str, Any]]) -> None:
    """Replace the roots ``catalog`` declared with ``items`` (already validated). A prefix another
    catalog declared is taken over: the last import wins."""
    roots = [make_root(item["path"], item["url"]) for item in items]
    conn.execute(delete(m.MediaRoot).where(m.MediaRoot.catalog == catalog))
    if roots:
        conn.execute(delete(m.MediaRoot).where(m.MediaRoot.prefix.in_([r.prefix for r in roots])))
        conn.execute(insert(m.MediaRoot), [{"prefix": r.prefix, "url": r.target, "catalog": catalog} for r in roots])


def catalog_roots(conn: Connection) -> list[MediaRoot]:
    """The stored roots; one that no longer passes the checks (an older app wrote it) is left out."""
    out = []
    for prefix, url in conn.execute(select(m.MediaRoot.prefix, m.MediaRoot.url)):
        try:
            out.append(make_root(prefix, url))
        except ValueError:
            continue
    return out


def media_roots(conn: Connection, machine: list[MediaRoot] | None = None) -> MediaRoots:
    """This machine's roots (``vod_app.paths.this_machine_roots`` unless given) and the catalog's."""
    if machine is None:
        from vod_app.paths import this_machine_roots

        machine = this_machine_roots()[0]
    return MediaRoots(machine, catalog_roots(conn))
