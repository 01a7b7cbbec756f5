"""Helpers the command groups share: opening the catalog named by --db, languages, snapshots."""

from __future__ import annotations

import argparse
from typing import Any

from vod_app import backups
from vod_app.cli.output import UserError, warn


def open_catalog(args: argparse.Namespace, *, seed: bool = True):  # -> Catalog
    from vod_app.catalog.builtin import ensure_builtin_catalog
    from vod_app.catalog.database import open_catalog
    from vod_app.paths import app_paths

    url = args.db or app_paths().database_url()
    catalog = open_catalog(url, backups_dir=backups.backups_dir(url))
    if seed:
        from vod_app.catalog.validation import CatalogFileError

        try:
            ensure_builtin_catalog(catalog)
        except CatalogFileError as exc:  # the user's own command still runs
            warn(f"the built-in catalog was not loaded: {exc}")
    return catalog


def snapshot_user_state(catalog: Any, label: str) -> None:
    """A few-KB copy of positions, bookmarks and settings for 'db recover' (best effort)."""
    backups.snapshot_user_state(catalog, label, warn)


def known_lang(catalog, lang: str | None) -> str | None:  # noqa: ANN001
    """``--lang`` lower-cased, or a UserError that lists the languages the catalog has."""
    if lang is None:
        return None
    from vod_app.catalog.repository import CatalogRepository

    lang = lang.strip().lower()
    known = CatalogRepository(catalog).languages()
    if any(k == lang or k.startswith(lang + "-") for k in known):
        return lang
    have = ", ".join(known) if known else "none yet"
    raise UserError(f"--lang {lang!r}: the catalog has no text in that language (languages: {have})")
