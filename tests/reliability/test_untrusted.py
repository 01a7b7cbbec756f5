"""Untrusted catalogs, sidecars and media: nothing from them becomes a libvlc option, and text is text.

The catalog below puts option strings (``:sout=#file{dst=...}``, which would make libvlc write a
file) and markup (``<img src=file:///etc/passwd>``) in every field it can: media and caption file
names, titles, descriptions, chapter titles, audio labels, caption cues. The app plays it in the
real window with real libvlc while every call that could carry an option is recorded.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from .processes import ROOT

SOUT = ":sout=#file{dst=pwned.ts}"
MARKUP = '<img src=file:///etc/passwd> <a href="file:///">root</a> <script>alert(1)</script>'
REC_ID = "hostile-rec"
# The options the app itself builds, from numbers and constants only.
OWN_OPTIONS = re.compile(r"^:(start-time=\d+\.\d{3}|start-paused|no-start-paused|no-audio|no-video|no-sub-autodetect-file|no-spu)$")


@pytest.fixture
def hostile_catalog(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    media = folder / f"{SOUT}.mkv"
    shutil.copyfile(ROOT / "data" / "media" / "idm2017-panel-2-3.mkv", media)
    vtt = (ROOT / "data" / "media" / "idm2017-panel-2-3.en.vtt").read_text("utf-8")
    vtt += f"\n\n00:00:01.000 --> 00:00:30.000\n{SOUT} {MARKUP}\n"
    (folder / f"{SOUT}.vtt").write_text(vtt, "utf-8")
    doc = {
        "format": "vod-app-catalog",
        "version": 1,
        "events": [{"id": "hostile-event", "title": f"{SOUT} {MARKUP}", "organiser": SOUT}],
        "sessions": [
            {
                "id": "hostile-session",
                "event": "hostile-event",
                "date": "2030-01-01",
                "place": f"{MARKUP} {SOUT}",
                "title": f"Hostile {SOUT} <b>bold</b>",
                "description": {"en": f"{MARKUP}\n{SOUT}\n--sout=#file{{dst=pwned2.ts}}", "fr": MARKUP},
                "panels": [{"id": "hostile-panel", "title": f"Panel <i>{SOUT}</i>", "description": f"{MARKUP} {SOUT}", "speakers": [SOUT, MARKUP]}],
                "recordings": [
                    {
                        "id": REC_ID,
                        "media": f"{SOUT}.mkv",
                        "title": SOUT,
                        "duration_ms": 90_000,
                        "panels": [{"panel": "hostile-panel", "start_ms": 0}],
                        "chapters": [{"start_ms": 0, "title": SOUT}, {"start_ms": 10_000, "title": f"--sout=#file{{dst=pwned3.ts}} {MARKUP}"}],
                        "audio_tracks": [{"language": "en", "label": SOUT}, {"language": "fr", "label": MARKUP}],
                        "captions": [{"language": "en", "label": SOUT, "file": f"{SOUT}.vtt"}],
                    }
                ],
            }
        ],
    }
    path = folder / "catalog.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    from vod_app.app import build_window

    w = build_window(f"sqlite:///{tmp_path / 'ui.sqlite3'}", headless_playback=True, thumbnails=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    yield w
    w.close()
    w.catalog.dispose()


@pytest.fixture
def libvlc_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...]]]:
    """Every libvlc call through which an option or a location can reach libvlc, recorded."""
    import vlc

    calls: list[tuple[str, tuple[Any, ...]]] = []
    targets = {
        vlc.Media: ("add_option", "add_option_flag", "add_options"),
        vlc.Instance: ("media_new", "media_new_path", "media_new_location", "media_new_fd", "media_new_callbacks", "media_list_new", "set_user_agent"),
        vlc.MediaPlayer: ("add_slave", "video_set_subtitle_file", "set_mrl"),
    }
    for cls, names in targets.items():
        for name in names:
            original = getattr(cls, name, None)
            if original is None:
                continue

            def record(self, *args, _name=name, _original=original, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
                calls.append((_name, args))
                return _original(self, *args, **kwargs)

            monkeypatch.setattr(cls, name, record)
    return calls


def test_nothing_from_a_catalog_becomes_a_libvlc_option(qtbot, window, hostile_catalog: Path, libvlc_calls, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository

    monkeypatch.chdir(tmp_path)  # where a relative dst= would land
    import_catalog_file(window.catalog, hostile_catalog)
    repo = CatalogRepository(window.catalog)
    rec = next(r for r in repo.recent_recordings(limit=50).items if r.recording_uid == REC_ID)
    window.play_recording(rec.recording_id, 2_000)
    qtbot.waitUntil(lambda: window.controller.state() == "playing" and window.controller.time_ms() >= 2_000, timeout=15_000)
    player = window.player
    assert player.captions.itemData(1)[0] == "file"  # Off, the catalog's caption file, then the video's own tracks
    player.captions.setCurrentIndex(1)
    player.captions.activated.emit(1)  # the user picks the captions
    qtbot.waitUntil(lambda: any(name == "add_slave" for name, _ in libvlc_calls), timeout=5_000)
    qtbot.wait(1_500)  # libvlc reads the subtitle file and shows a cue or two
    window.player.stop()

    media_file = str(hostile_catalog.parent / f"{SOUT}.mkv")
    assert ("media_new_path", (media_file,)) in libvlc_calls  # the whole name, as a path
    assert not [c for c in libvlc_calls if c[0] in ("media_new", "media_new_location", "set_mrl", "add_options", "video_set_subtitle_file")]
    options = [args[0] for name, args in libvlc_calls if name in ("add_option", "add_option_flag")]
    assert options and all(OWN_OPTIONS.match(o) for o in options), options
    slaves = [args for name, args in libvlc_calls if name == "add_slave"]
    assert all(a[1] == (hostile_catalog.parent / f"{SOUT}.vtt").as_uri() for a in slaves)  # a file URI, percent-encoded
    assert not list(tmp_path.rglob("pwned*")) and not list(ROOT.glob("pwned*"))


@pytest.mark.parametrize(
    ("source", "call"),
    [
        ("/media/a.mkv", "media_new_path"),
        (f"/media/{SOUT}.mkv", "media_new_path"),
        ("Session 1: Opening.mkv", "media_new_path"),
        ("file:///media/a%20b.mkv", "media_new_path"),
        ("http://media.example.org/a.mp4", "media_new"),
        ("https://media.example.org/a.mp4", "media_new"),
    ],
)
def test_files_open_as_paths_and_only_http_as_urls(source: str, call: str) -> None:
    from vod_app.playback.vlc_runtime import media_from_source

    class Instance:
        def __getattr__(self, name: str):  # noqa: ANN204
            return lambda *args: (name, args)

    name, args = media_from_source(Instance(), source)
    assert name == call
    if call == "media_new_path":
        assert args == (source if not source.startswith("file:") else "/media/a b.mkv",)


@pytest.mark.parametrize("source", ["screen://", "v4l2:///dev/video0", "dshow://", "vlc://quit", "smb://host/share/a.mkv", "rtsp://h/x", "ftp://h/x", "file://otherhost/a.mkv", "cdda:///dev/sr0"])
def test_other_schemes_never_reach_libvlc(source: str) -> None:
    from vod_app.playback.vlc_runtime import UnsupportedSource, media_from_source

    class Instance:
        def __getattr__(self, name: str):  # noqa: ANN204
            raise AssertionError(f"libvlc was called: {name}")

    with pytest.raises(UnsupportedSource):
        media_from_source(Instance(), source)


def test_descriptions_titles_and_captions_show_as_plain_text(qtbot, window, hostile_catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem, QTextBrowser

    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository
    from vod_app.ui.main_window import Place

    loaded: list[str] = []
    original = QTextBrowser.loadResource

    def load_resource(self, kind, url):  # noqa: ANN001, ANN202
        loaded.append(url.toString())
        return original(self, kind, url)

    monkeypatch.setattr(QTextBrowser, "loadResource", load_resource)
    import_catalog_file(window.catalog, hostile_catalog)
    repo = CatalogRepository(window.catalog)
    sid = repo.session_id_for_uid("hostile-session")
    window._show(Place("session", session_id=sid))
    page = window.session_page
    body = page.body.document()
    assert MARKUP in page.body.toPlainText() and "<img" not in body.toHtml().replace("&lt;img", "")
    # The only links are the page's own "Play from" links (play:RECORDING:MS), none from the catalog.
    assert all(h.startswith("play:") for h in re.findall(r'href="([^"]*)"', body.toHtml())), body.toHtml()
    assert page.title.text() == f"Hostile {SOUT} <b>bold</b>"  # a plain-text label: shown literally

    # the description pane beside the video
    rec = next(r for r in repo.recent_recordings(limit=50).items if r.recording_uid == REC_ID)
    window.play_recording(rec.recording_id, 1_000)
    qtbot.waitUntil(lambda: window.controller.state() == "playing", timeout=15_000)
    pane = window.player.description
    qtbot.waitUntil(lambda: MARKUP in pane.body_text(), timeout=5_000)
    assert "<img" not in pane.body.document().toHtml().replace("&lt;img", "")
    assert pane.title_text() == f"Panel <i>{SOUT}</i>"
    window.player.stop()

    # a search hit (rich text for the bold matches): the title is escaped
    with qtbot.waitSignal(window.search_finished, timeout=10_000, check_params_cb=lambda q, n: q == "Hostile"):
        window.search_field.setText("Hostile")
    model = window.results_model
    row = next(i for i in range(model.rowCount()) if model.hit(i).session_uid == "hostile-session")
    view = window.browse.results_view
    doc = view.itemDelegate()._doc(QStyleOptionViewItem(), model.index(row, 0, QModelIndex()), 600)
    assert "<b>bold</b>" in doc.toPlainText() and "<b>bold</b>" not in doc.toHtml()

    # caption cues: a search hit (escaped snippet) and the session page's matching moments (plain)
    # (the cue's tags were dropped at import: captions are indexed and shown as their plain text)
    with qtbot.waitSignal(window.search_finished, timeout=10_000, check_params_cb=lambda q, n: q == "pwned"):
        window.search_field.setText("pwned")
    cue_rows = [i for i in range(model.rowCount()) if model.hit(i).kind == "cue"]
    assert cue_rows
    doc = view.itemDelegate()._doc(QStyleOptionViewItem(), model.index(cue_rows[0], 0, QModelIndex()), 600)
    assert SOUT in doc.toPlainText() and "<img" not in doc.toHtml().replace("&lt;img", "")
    window._show(Place("session", session_id=sid, query="pwned"))
    moments = [page.moments.item(i).text() for i in range(page.moments.count())]
    assert moments and all(SOUT in m and "&lt;" not in m for m in moments)  # text, not re-escaped
    assert not [u for u in loaded if u.startswith("file:") or "passwd" in u], loaded
