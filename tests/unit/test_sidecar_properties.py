"""Property tests for the imported-metadata parsers (issue 15): whatever the bytes or JSON values,
each parser returns its record or raises SidecarError (one message naming file and field), never
another exception; what it returns is within bounds."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from vod_app.formats.feeds import parse_feed
from vod_app.formats.nfo import read_nfo
from vod_app.formats.podcast_chapters import json_chapters
from vod_app.formats.sidecar import SidecarError
from vod_app.formats.transcripts import html_transcript, json_transcript
from vod_app.formats.ytdlp import info_from_dict

FAST = settings(max_examples=300, deadline=None)

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**12) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
_INFO_KEYS = ["title", "description", "upload_date", "release_date", "duration", "chapters", "language", "uploader", "channel",
              "tags", "webpage_url", "playlist_title", "playlist", "playlist_id", "playlist_index", "subtitles", "automatic_captions"]
_chapter = st.fixed_dictionaries({}, optional={"start_time": _json | st.floats(-10, 200), "end_time": _json, "title": _json})


@FAST
@given(st.dictionaries(st.sampled_from(_INFO_KEYS), _json | st.lists(_chapter, max_size=3), max_size=8))
def test_info_json_is_a_record_or_a_named_problem(raw: dict) -> None:
    try:
        info = info_from_dict(raw, "x.info.json")
    except SidecarError as exc:
        assert str(exc).startswith("x.info.json: ")
        return
    assert info.duration_ms is None or info.duration_ms >= 0
    assert all(c.start_ms >= 0 and (info.duration_ms is None or c.start_ms <= info.duration_ms) for c in info.chapters)


_XML_BITS = ["<rss>", "</rss>", "<channel>", "</channel>", "<item>", "</item>", "<title>T</title>", "<guid>g</guid>",
             '<enclosure url="a.mkv"/>', '<enclosure url="javascript:x"/>', "<pubDate>Tue, 18 Apr 2017 14:00:00 GMT</pubDate>",
             "<pubDate>20171399</pubDate>", "<itunes:duration>-1</itunes:duration>", "<itunes:duration>1:02:03</itunes:duration>",
             '<psc:chapters><psc:chapter start="00:00:01" title="c"/></psc:chapters>', '<psc:chapter start="x"/>',
             '<podcast:transcript url="t.vtt" type="text/vtt" language="e n"/>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             "</feed>", "<entry>", "</entry>", "&amp;", "&lt;", "<![CDATA[<b>x</b>]]>", "<!DOCTYPE x>", "\x00", "é"]
_NS = ('<rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:psc="http://podlove.org/simple-chapters" '
       'xmlns:podcast="https://podcastindex.org/namespace/1.0">')


@FAST
@given(st.lists(st.sampled_from(_XML_BITS) | st.text(max_size=5), max_size=25), st.booleans())
def test_any_feed_bytes_are_a_feed_or_a_named_problem(parts: list[str], namespaced: bool) -> None:
    text = "".join(parts)
    if namespaced:
        text = text.replace("<rss>", _NS)
    try:
        feed = parse_feed(text.encode("utf-8", "surrogatepass"), "f.xml")
    except SidecarError as exc:
        assert str(exc).startswith("f.xml: ")
        return
    for item in feed.items:
        assert item.error is not None or item.duration_ms is None or item.duration_ms >= 0


@FAST
@given(st.binary(max_size=300) | st.lists(st.sampled_from(["<movie>", "</movie>", "<title>x</title>", "<aired>2019-05-10</aired>",
       "<aired>x</aired>", "<chapters><chapter><start>1:00</start></chapter></chapters>", "<language>fr</language>", "<tag>t</tag>"]),
       max_size=10).map(lambda p: "".join(p).encode()))
def test_any_nfo_bytes_are_a_record_or_a_named_problem(tmp_path_factory, data: bytes) -> None:  # noqa: ANN001
    path = tmp_path_factory.mktemp("nfo") / "x.nfo"
    path.write_bytes(data)
    try:
        read_nfo(path)
    except SidecarError as exc:
        assert str(exc).startswith(str(path))


@FAST
@given(_json)
def test_json_chapters_and_transcripts_are_records_or_named_problems(value: object) -> None:
    for wrap in ({"chapters": value}, {"segments": value}, value):
        data = json.dumps(wrap).encode()
        for parse in (json_chapters, json_transcript):
            try:
                parse(data, "c.json")
            except SidecarError as exc:
                assert str(exc).startswith("c.json")


@FAST
@given(st.text(max_size=200) | st.lists(st.sampled_from(["<time>0:01</time>", "<time>99:99</time>", "<p>x</p>", "<cite>A:</cite>", "<time>-1</time>"]), max_size=8).map("".join))
def test_html_transcripts_are_cues_or_a_named_problem(text: str) -> None:
    try:
        cues = html_transcript(text.encode("utf-8", "surrogatepass"), "t.html")
    except SidecarError as exc:
        assert str(exc).startswith("t.html")
        return
    assert all(0 <= s < e for s, e, _ in cues)
