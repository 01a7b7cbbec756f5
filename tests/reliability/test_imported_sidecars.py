"""Hostile sidecars and feeds (issue 15): each is one clear message naming the file and the field,
and the catalog is left as it was (docs/reliability.md, "Imported sidecars and feeds")."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vod_app.catalog import models as m
from vod_app.catalog.feeds import FeedError, import_feed
from vod_app.catalog.folder import import_folder
from vod_app.playback.probe import probe_media

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"
INFO = json.loads((ROOT / "tests" / "fixtures" / "imports" / "ytdlp" / "idm2017-panels.info.json").read_text("utf-8"))
FEED = (ROOT / "tests" / "fixtures" / "imports" / "feeds" / "podcast.xml").read_text("utf-8")
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<{root}><title>&lol9;</title></{root}>"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<{root}><title>&xxe;</title></{root}>"""


def _counts(catalog) -> tuple[int, int, int]:  # noqa: ANN001
    with catalog.read() as s:
        return tuple(s.execute(select(func.count()).select_from(t)).scalar_one() for t in (m.Session, m.Event, m.Feed))  # type: ignore[return-value]


def _folder_with(tmp_path: Path, sidecar: str, content: bytes | str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "talk.mkv")
    data = content.encode() if isinstance(content, str) else content
    (folder / f"talk.{sidecar}").write_bytes(data)
    return folder


def _info(**changes: object) -> str:
    return json.dumps({**INFO, **changes})


@pytest.mark.parametrize(
    ("sidecar", "content", "expected"),
    [
        ("info.json", _info(title=42), "talk.info.json: title: expected text, got 42"),
        ("info.json", _info(upload_date="20171399"), "talk.info.json: upload_date: '20171399' is not a real date"),
        ("info.json", _info(duration=-5), "talk.info.json: duration: -5 is negative"),
        ("info.json", _info(tags="migration"), "talk.info.json: tags: expected a list of text"),
        ("info.json", _info(chapters=[{"start_time": 0, "title": "a"}, {"start_time": 500, "title": "b"}]),
         "talk.info.json: chapters[1].start_time: 500 s is past the end of the recording (90 s)"),
        ("info.json", _info(webpage_url="javascript:alert(1)"), "talk.info.json: webpage_url: 'javascript:alert(1)' is not an http/https URL"),
        ("info.json", _info(webpage_url="file:///etc/passwd"), "talk.info.json: webpage_url: 'file:///etc/passwd' is not an http/https URL"),
        ("info.json", "[1, 2", "talk.info.json: not valid JSON"),
        ("info.json", '{"duration": NaN}', "talk.info.json: not valid JSON (NaN is not allowed)"),
        ("nfo", LAUGHS.format(root="movie"), "talk.nfo: refused: the XML declares entities"),
        ("nfo", XXE.format(root="movie"), "talk.nfo: refused: the XML declares entities"),
        ("nfo", "<movie><title>x</title><aired>2017-02-30</aired></movie>", "talk.nfo: aired: '2017-02-30' is not a real date"),
        ("nfo", "<movie><title>x</title><chapters><chapter><start>-00:10</start></chapter></chapters></movie>",
         "talk.nfo: chapters/chapter[1]/start: '-00:10' is negative"),
        ("nfo", "<movie><title>unclosed</movie>", "talk.nfo: not well-formed XML"),
        ("nfo", "<rss><title>x</title></rss>", "talk.nfo: rss: a <rss> nfo is not one of"),
    ],
    ids=["wrong-type", "date-20171399", "negative-duration", "tags-not-list", "chapters-past-end", "javascript-url", "file-url",
         "broken-json", "nan", "nfo-billion-laughs", "nfo-xxe", "nfo-bad-date", "nfo-negative-chapter", "nfo-broken", "nfo-wrong-kind"],
)
def test_bad_sidecar_skips_its_file_with_file_and_field_named(catalog, tmp_path: Path, sidecar: str, content: str, expected: str) -> None:
    folder = _folder_with(tmp_path, sidecar, content)
    before = _counts(catalog)
    report = import_folder(catalog, folder, probe=probe_media)
    assert [Path(p).name for p, _ in report.skipped] == ["talk.mkv"]
    reason = report.skipped[0][1]
    assert str(folder / f"talk.{sidecar}") in reason and expected.split(": ", 1)[1] in reason, reason
    assert "\n" not in reason and len(reason) < 400
    assert _counts(catalog) == before


def test_100_mb_sidecars_are_refused_before_they_are_read(catalog, tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "info.json", b"{")
    with open(folder / "talk.info.json", "r+b") as f:
        f.truncate(100 * 1024 * 1024)
    report = import_folder(catalog, folder, probe=probe_media)
    assert len(report.skipped) == 1 and "talk.info.json: larger than 16 MB; not read" in report.skipped[0][1]
    feed = tmp_path / "big.xml"
    with open(feed, "wb") as f:
        f.truncate(100 * 1024 * 1024)
    with pytest.raises(FeedError, match=r"big\.xml: larger than 16 MB; not read"):
        import_feed(catalog, str(feed), store=tmp_path / "store")
    assert _counts(catalog) == (0, 0, 0)


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (LAUGHS.format(root="rss"), "refused: the XML declares entities"),
        (XXE.format(root="rss"), "refused: the XML declares entities"),
        ("<rss><channel><title>x</title>", "not well-formed XML"),
        ("<html><body>not a feed</body></html>", "html: not an RSS 2.0 or Atom feed"),
    ],
    ids=["billion-laughs", "xxe", "truncated", "not-a-feed"],
)
def test_hostile_feed_is_refused_whole(catalog, tmp_path: Path, xml: str, expected: str) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(xml, "utf-8")
    with pytest.raises(FeedError) as err:
        import_feed(catalog, str(feed), store=tmp_path / "store")
    assert str(err.value).startswith(str(feed)) and expected in str(err.value)
    assert _counts(catalog) == (0, 0, 0)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('url="idm2017.mkv"', 'url="javascript:alert(1)"', "item[2]/enclosure@url: 'javascript:alert(1)' is not an http/https URL"),
        ('url="idm2017.mkv"', 'url="file:///etc/passwd"', "item[2]/enclosure@url: 'file:///etc/passwd' is not an http/https URL"),
        ('url="idm2017.mkv"', 'url="data:video/mp4;base64,AAAA"', "item[2]/enclosure@url: 'data:video/mp4;base64,AAAA' is not an http/https URL"),
        ("<itunes:duration>90</itunes:duration>", "<itunes:duration>-90</itunes:duration>", "item[2]/itunes:duration: '-90' is negative"),
        ("Wed, 19 Apr 2017 10:00:00 +0200", "20171399", "item[2]/pubDate: '20171399' is not a real date"),
        ('start="00:00:45.500"', 'start="00:05:00"', "item[2]/psc:chapter[2]@start: 00:05:00 is past the end of the recording (90 s)"),
        ('url="transcript.html"', 'url="../../etc/passwd"', "item[2]/podcast:transcript[1]@url: '../../etc/passwd' is not an http/https URL"),
    ],
    ids=["javascript-enclosure", "file-enclosure", "data-enclosure", "negative-duration", "date-20171399", "chapters-past-end", "transcript-dotdot"],
)
def test_bad_feed_item_is_skipped_with_the_field_named_and_the_others_import(catalog, tmp_path: Path, old: str, new: str, expected: str) -> None:
    folder = tmp_path / "feed"
    shutil.copytree(ROOT / "tests" / "fixtures" / "imports" / "feeds", folder)
    shutil.copy(SAMPLE, folder / "idm2017.mkv")
    assert old in FEED
    (folder / "podcast.xml").write_text(FEED.replace(old, new), "utf-8")
    report = import_feed(catalog, str(folder / "podcast.xml"), store=tmp_path / "store")
    assert [name for name, _ in report.skipped] == ["Panel 3: partnerships"]
    reason = report.skipped[0][1]
    assert reason.startswith(str(folder / "podcast.xml")) and expected in reason, reason
    with catalog.read() as s:
        titles = set(s.execute(select(m.LocalizedText.title).where(m.LocalizedText.owner_kind == "session")).scalars())
    assert titles == {"Panel 2: governance"}


def test_bad_json_chapters_skip_their_item(catalog, tmp_path: Path) -> None:
    folder = tmp_path / "feed"
    shutil.copytree(ROOT / "tests" / "fixtures" / "imports" / "feeds", folder)
    shutil.copy(SAMPLE, folder / "idm2017.mkv")
    (folder / "chapters.json").write_text('{"chapters": [{"startTime": "ten", "title": "x"}]}', "utf-8")
    report = import_feed(catalog, str(folder / "podcast.xml"), store=tmp_path / "store")
    assert [name for name, _ in report.skipped] == ["Panel 2: governance"]
    assert "chapters.json: chapters[0].startTime: expected a number of seconds, got 'ten'" in report.skipped[0][1]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/xml,<rss/>", "ftp://127.0.0.1/feed.xml"])
def test_cli_refuses_feed_urls_other_than_http(url: str, tmp_path: Path) -> None:
    env = {**os.environ, "VOD_APP_HOME": str(tmp_path / "home")}
    for args in (["import", url], ["feeds", "add", url]):
        proc = subprocess.run([sys.executable, "-m", "vod_app", *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
        assert proc.returncode == 1, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "is not an http/https URL" in lines[0] and "Traceback" not in proc.stderr
