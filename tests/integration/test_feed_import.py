"""Feeds (issue 15): a podcast RSS feed with both chapter formats and transcripts, an Atom feed,
read from a file beside its media and from a URL served on 127.0.0.1; subscriptions refresh
incrementally (Last-Modified, guids) and never duplicate a session."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vod_app.catalog import models as m
from vod_app.catalog.feeds import add_feed, import_feed, list_feeds, mark_seen, refresh_feeds
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.search import SqliteSearch

ROOT = Path(__file__).resolve().parents[2]
FEEDS = ROOT / "tests" / "fixtures" / "imports" / "feeds"
SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


@pytest.fixture
def feed_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "podcast"
    shutil.copytree(FEEDS, folder)
    shutil.copy(SAMPLE, folder / "idm2017.mkv")
    return folder


class _Quiet(http.server.SimpleHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).requests.append(self.path)
        super().do_GET()


@pytest.fixture
def served(feed_dir: Path) -> Iterator[str]:
    """The feed folder on http://127.0.0.1:PORT/ (SimpleHTTPRequestHandler answers If-Modified-Since)."""
    _Quiet.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(feed_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def _by_title(catalog) -> dict:  # noqa: ANN001
    return {r.title: r for r in CatalogRepository(catalog).recent_recordings().items}


def test_feed_file_beside_its_media_gives_event_sessions_chapters_and_transcripts(catalog, feed_dir: Path, tmp_path: Path) -> None:
    report = import_feed(catalog, str(feed_dir / "podcast.xml"), store=tmp_path / "store")
    assert report.skipped == [] and report.items_added == 2
    recs = _by_title(catalog)
    assert set(recs) == {"Panel 2: governance", "Panel 3: partnerships"}
    p2, p3 = recs["Panel 2: governance"], recs["Panel 3: partnerships"]
    assert p2.event_title == p3.event_title == "IDM Podcast"
    assert (p2.date, p3.date) == (dt.date(2017, 4, 18), dt.date(2017, 4, 19))
    assert p2.source == p3.source == str(feed_dir / "idm2017.mkv")  # the local file, not the network
    repo = CatalogRepository(catalog)
    d2 = repo.session_detail(p2.session_id)
    assert d2 is not None and d2.description == "Panel 2 & the Global Compact.\nSecond paragraph."
    assert dict(d2.sources)["title"] == "feed"
    rec2 = d2.recordings[0]
    assert rec2.duration_ms == 90_000
    # JSON chapters (toc: false hidden) and Podlove chapters
    assert [(c.start_ms, c.title, c.source) for c in rec2.chapters] == [(0, "Welcome", "feed"), (10_000, "Panel 2 begins", "feed"), (50_500, "Panel 3 preview", "feed")]
    d3 = repo.session_detail(p3.session_id)
    assert d3 is not None
    assert [(c.start_ms, c.title) for c in d3.recordings[0].chapters] == [(0, "Opening of panel 3"), (45_500, "Questions from the floor")]
    assert {(c.language, c.label) for c in rec2.captions} == {("en", "transcript"), ("fr", "captions")}
    # JSON and HTML transcripts are searchable like captions, with their moments
    search = SqliteSearch(catalog)
    assert [(h.kind, h.start_ms) for h in search.search("labour mobility")] == [("cue", 400)]
    assert [(h.kind, h.start_ms) for h in search.search("remittances")] == [("cue", 45_000)]
    assert any(h.kind == "cue" and h.lang == "fr" for h in search.search("migracion"))
    again = import_feed(catalog, str(feed_dir / "podcast.xml"), store=tmp_path / "store")
    assert again.sessions_added == 0 and again.sessions_unchanged == 2


def test_atom_feed_with_media_content(catalog, feed_dir: Path, tmp_path: Path) -> None:
    import_feed(catalog, str(feed_dir / "atom.xml"), store=tmp_path / "store")
    rec = _by_title(catalog)["Budget hearing"]
    assert rec.event_title == "Council video feed" and rec.date == dt.date(2019, 5, 10)
    assert rec.source == str(feed_dir / "idm2017.mkv")
    detail = CatalogRepository(catalog).session_detail(rec.session_id)
    assert detail is not None and detail.description == "The budget hearing."
    assert [c.title for c in detail.recordings[0].chapters] == ["Call to order", "Public comment"]


def test_subscription_refreshes_incrementally_and_marks_new_items(catalog, feed_dir: Path, served: str, tmp_path: Path) -> None:
    url = f"{served}/podcast.xml"
    first = add_feed(catalog, url, store=tmp_path / "store")
    assert first.items_added == 2 and first.skipped == []
    recs = _by_title(catalog)
    assert recs["Panel 2: governance"].source == "https://media.example.org/idm/idm2017.mkv"  # played from its URL
    assert recs["Panel 3: partnerships"].source == f"{served}/idm2017.mkv"
    assert not any(r.is_new for r in recs.values())  # a new subscription's back catalogue
    assert "/chapters.json" in _Quiet.requests and "/transcript.html" in _Quiet.requests
    _Quiet.requests.clear()
    # Unchanged: the server answers 304 to If-Modified-Since; nothing is read again.
    (result,) = refresh_feeds(catalog, store=tmp_path / "store")
    assert not isinstance(result, Exception) and result.not_modified
    assert _Quiet.requests == ["/podcast.xml"]
    # A new item appears (the file's time moves on, as on a real server).
    feed = feed_dir / "podcast.xml"
    item = """<item><guid>idm-2017-closing</guid><title>Closing remarks</title>
      <pubDate>Thu, 20 Apr 2017 17:00:00 GMT</pubDate><enclosure url="idm2017.mkv" type="video/x-matroska"/></item>
  </channel>"""
    feed.write_text(feed.read_text("utf-8").replace("</channel>", item), "utf-8")
    later = feed.stat().st_mtime + 60
    os.utime(feed, (later, later))
    (result,) = refresh_feeds(catalog, store=tmp_path / "store")
    assert not isinstance(result, Exception)
    assert (result.items_added, result.items_known) == (1, 2)
    assert "/chapters.json" not in _Quiet.requests  # known items are not read again
    recs = _by_title(catalog)
    assert len(recs) == 3 and recs["Closing remarks"].is_new
    assert not recs["Panel 2: governance"].is_new
    with catalog.read() as s:
        assert s.execute(select(func.count()).select_from(m.Session)).scalar_one() == 3
    mark_seen(catalog, recs["Closing remarks"].session_uid)
    assert not _by_title(catalog)["Closing remarks"].is_new
    assert [f["url"] for f in list_feeds(catalog)] == [url]


def test_cli_feeds_add_list_refresh_and_import_url(feed_dir: Path, served: str, tmp_path: Path) -> None:
    env = {**os.environ, "VOD_APP_HOME": str(tmp_path / "home")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "vod_app", *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)

    added = cli("feeds", "add", f"{served}/podcast.xml", "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["items_added"] == 2
    listed = cli("feeds", "list", "--json")
    assert [f["title"] for f in json.loads(listed.stdout)] == ["IDM Podcast"]
    refreshed = cli("feeds", "refresh", "--json")
    assert refreshed.returncode == 0 and json.loads(refreshed.stdout)["feeds"][0]["not_modified"] is True
    once = cli("import", f"{served}/atom.xml", "--json")
    assert once.returncode == 0, once.stderr
    assert json.loads(once.stdout)["sessions_added"] == 1
