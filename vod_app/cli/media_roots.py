"""``--media-root FROM=TO`` and ``VOD_APP_MEDIA_ROOTS`` for the commands, and what ``show`` says."""

from __future__ import annotations

import os

from vod_app.cli.output import UserError, warn
from vod_app.domain.media_locations import MACHINE_ROOTS_ENV, machine_roots
from vod_app.paths import machine_root_problems


def use_media_root_args(specs: list[str] | None) -> None:
    """Check this machine's roots (a bad one is one line on stderr, exit 1) and pass the flags on
    through the environment, which the repository reads (as ``--user`` does with VOD_APP_USER).
    A bad item already in VOD_APP_MEDIA_ROOTS or media-roots.txt is a warning: it is left out, the
    rest applies."""
    for problem in machine_root_problems():
        warn(problem)
    _roots, problems = machine_roots(specs, environ={})
    if problems:
        raise UserError(problems[0])
    if specs:
        os.environ[MACHINE_ROOTS_ENV] = ";".join([os.environ.get(MACHINE_ROOTS_ENV, ""), *specs]).strip(";")


def resolution_fields(catalog, location: str, opened: str) -> dict[str, str | None]:  # noqa: ANN001
    """How a stored location becomes what the player opens: a relocation, a media root, or as is."""
    from vod_app.catalog.media_roots import media_roots

    if opened == location:
        return {"resolves_to": opened, "resolved_by": None}
    with catalog.read() as s:
        found = media_roots(s.connection()).resolve(location)
    if found.root is not None and found.location == opened:
        return {"resolves_to": opened, "resolved_by": f"{found.root.origin} media root {found.root}"}
    return {"resolves_to": opened, "resolved_by": "relocated on this machine (Locate…)"}
