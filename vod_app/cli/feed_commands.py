"""Command line for feeds (issue 15): ``import FEED.xml|URL`` and ``feeds add|refresh|list|remove``.

Kept apart from cli.py so the feed commands are a few lines there: cli.py calls
``is_feed_location``/``cmd_import_feed`` from its import command and ``add_parser``/``cmd_feeds``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vod_app.cli.common import open_catalog
from vod_app.cli.output import Handler

FEED_SUFFIXES = (".xml", ".rss", ".atom")


def is_feed_location(text: str) -> bool:
    """A URL (any scheme: refused later with a message if not http/https) or a feed file."""
    from vod_app.catalog.feeds import is_url

    return is_url(text) or (Path(text).suffix.lower() in FEED_SUFFIXES and not Path(text).is_dir())


def store_dir() -> Path:
    from vod_app.paths import app_paths

    return app_paths().data_dir / "feeds"


def register(sub: Any) -> dict[str, Handler]:
    s = sub.add_parser("feeds", help="podcast / media RSS / Atom feed subscriptions")
    s.add_argument("action", choices=["add", "refresh", "list", "remove"])
    s.add_argument("url", nargs="?", help="feed URL (or file) for add / remove")
    s.add_argument("--json", action="store_true", help="print the result as JSON")
    return {"feeds": cmd_feeds}


def _report_data(report: Any) -> dict[str, Any]:
    return {
        "source": report.source,
        "items_added": report.items_added,
        "items_known": report.items_known,
        "not_modified": report.not_modified,
        "sessions_added": report.sessions_added,
        "sessions_updated": report.sessions_updated,
        "cues": report.cues,
        "skipped": [{"item": item, "reason": reason} for item, reason in report.skipped],
        "warnings": report.warnings,
    }


def _print(args: argparse.Namespace, data: Any, lines: list[str]) -> None:
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write("".join(line + "\n" for line in lines))


def _lines(report: Any) -> list[str]:
    return [report.summary(), *(f"warning: {w}" for w in report.warnings)]


def cmd_import_feed(args: argparse.Namespace) -> int:
    from vod_app.catalog.feeds import FeedError, import_feed

    catalog = open_catalog(args)
    try:
        report = import_feed(catalog, str(args.path), store=store_dir())
    except FeedError as exc:
        sys.stderr.write(f"vod-app: {exc}\n")
        return 1
    _print(args, _report_data(report), _lines(report))
    return 0


def cmd_feeds(args: argparse.Namespace) -> int:
    from vod_app.catalog.feeds import FeedError, add_feed, list_feeds, refresh_feeds, remove_feed

    if args.action in ("add", "remove") and not args.url:
        sys.stderr.write(f"vod-app: feeds {args.action} needs a feed URL\n")
        return 2
    catalog = open_catalog(args)
    if args.action == "add":
        try:
            report = add_feed(catalog, args.url, store=store_dir())
        except FeedError as exc:
            sys.stderr.write(f"vod-app: {exc}\n")
            return 1
        _print(args, _report_data(report), _lines(report))
        return 0
    if args.action == "remove":
        if not remove_feed(catalog, args.url):
            sys.stderr.write(f"vod-app: {args.url}: not a subscribed feed\n")
            return 1
        return 0
    if args.action == "list":
        feeds = list_feeds(catalog)
        _print(args, feeds, [f"{f['url']}\t{f['title']}\t{f['refreshed_at'] or 'never'}{'  error: ' + f['last_error'] if f['last_error'] else ''}" for f in feeds])
        return 0
    results = refresh_feeds(catalog, store=store_dir())
    failed = [r for r in results if isinstance(r, FeedError)]
    reports = [r for r in results if not isinstance(r, FeedError)]
    _print(args, {"feeds": [_report_data(r) for r in reports], "errors": [str(e) for e in failed]},
           [line for r in reports for line in _lines(r)] + [f"error: {e}" for e in failed])
    for exc in failed:
        sys.stderr.write(f"vod-app: {exc}\n")
    return 1 if failed else 0
