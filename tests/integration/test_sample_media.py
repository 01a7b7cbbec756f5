"""The built-in sample recording (data/media) as libvlc really sees it, and its caption files.

Regenerate the media with `python3 data/make_sample_media.py`; these tests describe what it must produce.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
import vlc

DATA = Path(__file__).resolve().parents[2] / "data"
MEDIA = DATA / "media"
MKV = MEDIA / "idm2017-panel-2-3.mkv"
LANGUAGES = ("en", "fr", "es")
VTT = {lang: MEDIA / f"idm2017-panel-2-3.{lang}.vtt" for lang in LANGUAGES}
# (title, start ms, end ms) as written by make_sample_media.py
CHAPTERS = [("Opening", 0, 10_000), ("Panel 2", 10_000, 50_000), ("Panel 3", 50_000, 90_000)]
DURATION_MS = 90_000

T = TypeVar("T")


def wait_for(probe: Callable[[], T], timeout: float = 5.0, what: str = "condition") -> T:
    """Poll until probe() is truthy; libvlc works on its own threads and has no blocking call for this."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.005)


@pytest.fixture(scope="module")
def instance() -> Iterator[vlc.Instance]:
    inst = vlc.Instance("--vout=dummy", "--aout=dummy", "--no-video-title-show")
    assert inst is not None, "libvlc could not start (libvlc5 + vlc-plugin-base installed?)"
    yield inst
    inst.release()


@pytest.fixture
def player(instance: vlc.Instance) -> Iterator[vlc.MediaPlayer]:
    mp = instance.media_player_new()
    yield mp
    mp.stop()
    mp.release()


def play(instance: vlc.Instance, player: vlc.MediaPlayer, *options: str) -> None:
    media = instance.media_new_path(str(MKV))
    # libvlc would otherwise load the sidecar .vtt files beside the MKV as extra subtitle tracks and
    # select one; with a subtitle selected, stop() in the first ~0.25 s of playback blocks ~6 s.
    for option in (":no-sub-autodetect-file", *options):
        media.add_option(option)
    player.set_media(media)
    media.release()
    assert player.play() == 0


def until_playing(player: vlc.MediaPlayer) -> None:
    def playing() -> bool:
        state = player.get_state()
        assert state not in (vlc.State.Error, vlc.State.Ended), f"playback stopped: {state}"
        return state == vlc.State.Playing

    wait_for(playing, what="the Playing state")


def track_names(descriptions: list[tuple[int, bytes]]) -> list[str]:
    return [name.decode("utf-8") for track_id, name in descriptions if track_id != -1]


# --- the container -------------------------------------------------------------------------------


def test_media_files_exist_and_fit_in_3_mb() -> None:
    for path in (MKV, *VTT.values()):
        assert path.is_file(), f"{path} missing: run python3 data/make_sample_media.py"
    total = sum(p.stat().st_size for p in MEDIA.rglob("*") if p.is_file())
    assert total < 3 * 1024 * 1024, f"data/media is {total:,} bytes"


def test_plays_headless_for_90_seconds(instance: vlc.Instance, player: vlc.MediaPlayer) -> None:
    play(instance, player)
    until_playing(player)
    wait_for(lambda: player.get_time() > 0, what="playback time to advance")
    assert abs(player.get_length() - DURATION_MS) <= 100, player.get_length()


def test_three_chapters_with_titles_and_times(instance: vlc.Instance, player: vlc.MediaPlayer) -> None:
    play(instance, player, ":start-paused", ":no-audio", ":no-video")
    wait_for(lambda: player.get_chapter_count() > 0, what="chapters")
    chapters = player.get_full_chapter_descriptions(-1)
    # libvlc prefixes Matroska chapter names with a depth marker (" Opening"): strip it
    seen = [(c.name.decode("utf-8").strip(), c.time_offset, c.time_offset + c.duration) for c in chapters]
    assert seen == CHAPTERS


def test_three_audio_languages_first_is_default(instance: vlc.Instance, player: vlc.MediaPlayer) -> None:
    play(instance, player)
    until_playing(player)
    names = wait_for(lambda: track_names(player.audio_get_track_description()), what="audio tracks")
    assert names == ["English - [English]", "Français - [French]", "Español - [Spanish]"]
    first_id = next(i for i, _ in player.audio_get_track_description() if i != -1)
    assert player.audio_get_track() == first_id


def test_captions_embedded_as_subtitle_tracks(instance: vlc.Instance, player: vlc.MediaPlayer) -> None:
    play(instance, player)
    until_playing(player)
    names = wait_for(lambda: track_names(player.video_get_spu_description() or []), what="subtitle tracks")
    assert names == ["English - [English]", "Français - [French]", "Español - [Spanish]"]
    assert player.video_get_spu() == -1, "no subtitle track should be shown by default"


# --- the sidecar captions ------------------------------------------------------------------------

CUE_TIMING = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$")


def read_cues(path: Path) -> list[tuple[int, int, str]]:
    """(start ms, end ms, text) for the simple WebVTT this project writes: id, timing, one text line."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # strict: raises on anything that is not UTF-8
    assert text.startswith("WEBVTT\n"), f"{path.name} must start with the WEBVTT signature and no BOM"
    cues = []
    for block in text.split("\n\n")[1:]:
        lines = block.strip("\n").split("\n")
        if not lines[0]:
            continue
        match = CUE_TIMING.match(lines[1])
        assert match, f"{path.name}: bad cue {block!r}"
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, match.groups())
        start = ((h1 * 60 + m1) * 60 + s1) * 1000 + ms1
        end = ((h2 * 60 + m2) * 60 + s2) * 1000 + ms2
        cues.append((start, end, " ".join(lines[2:])))
    return cues


def strip_voice(cues: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spoken text without its leading voice span (``<v Moderator>``)."""
    return [(s, e, re.sub(r"^<v [^>]+>", "", t)) for s, e, t in cues]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sidecar_cue_names_its_sample_speaker(lang: str) -> None:
    voices = {}
    for start, end, text in read_cues(VTT[lang]):
        match = re.match(r"<v ([^>]+)>", text)
        assert match, (lang, text)
        voices.setdefault(chapter_of(start, end), set()).add(match.group(1))
    assert voices == {"Opening": {"Moderator"}, "Panel 2": {"Moderator", "Panelist A"}, "Panel 3": {"Moderator", "Panelist B"}}


def chapter_of(start: int, end: int) -> str:
    inside = [title for title, c_start, c_end in CHAPTERS if c_start <= start and end <= c_end]
    assert inside, f"cue {start}-{end} ms crosses a chapter boundary"
    return inside[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_captions_are_utf8_webvtt_with_cues_in_every_chapter(lang: str) -> None:
    cues = strip_voice(read_cues(VTT[lang]))
    previous_end = 0
    for start, end, text in cues:
        assert previous_end <= start < end <= DURATION_MS, (start, end, text)
        assert text.strip()
        previous_end = end
    assert {chapter_of(start, end) for start, end, _ in cues} == {title for title, _, _ in CHAPTERS}


def test_caption_words_the_search_relies_on() -> None:
    english_panel_3 = " ".join(t for s, e, t in strip_voice(read_cues(VTT["en"])) if chapter_of(s, e) == "Panel 3")
    assert "whole-of-government" in english_panel_3
    assert "migración" in " ".join(t for _, _, t in strip_voice(read_cues(VTT["es"])))
    assert "migrations" in " ".join(t for _, _, t in strip_voice(read_cues(VTT["fr"])))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_panel_captions_quote_the_panel_texts(lang: str) -> None:
    texts = json.loads((DATA / "idm2017_texts.json").read_text(encoding="utf-8"))
    panels = {f"Panel {p['number']}": p for p in texts["panels"]}
    for start, end, text in strip_voice(read_cues(VTT[lang])):
        chapter = chapter_of(start, end)
        if chapter not in panels:
            continue
        panel = panels[chapter]
        spoken_from = " ".join([panel["title"][lang] + ".", panel["description"][lang].replace("\n", " ")])
        assert text.removeprefix(chapter + ". ") in spoken_from, (lang, chapter, text)


# --- the texts the captions come from ------------------------------------------------------------


def test_texts_json_has_every_field_in_three_languages() -> None:
    texts = json.loads((DATA / "idm2017_texts.json").read_bytes().decode("utf-8"))
    localised = [texts["session"]["title"], texts["event"]["title"], texts["event"]["description"]]
    for panel in texts["panels"]:
        localised += [panel["title"], panel["description"]]
    for field in localised:
        assert set(field) >= set(LANGUAGES)
        assert all(field[lang].strip() for lang in LANGUAGES)
    assert [p["number"] for p in texts["panels"]] == [2, 3]
    assert texts["session"]["title"]["en"] == "(Panel 2 & 3) International Dialogue on Migration 2017"
    assert texts["panels"][1]["title"]["en"] == (
        "Reaching a-whole-of-government approach to migration: national and local perspectives"
    )
    assert "Pacto Mundial sobre Migración" in texts["panels"][0]["title"]["es"]
    assert "Pacte mondial sur les migrations" in texts["panels"][0]["title"]["fr"]


def test_builtin_catalog_is_what_make_catalog_writes_and_its_speakers_are_the_voice_tags() -> None:
    """data/catalog.json is regenerated, not edited; the sample recording's speaker index (issue 10)
    names the captions' voices at their times and says they are sample speakers."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_catalog", DATA / "make_catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build()
    assert json.loads((DATA / "catalog.json").read_text("utf-8")) == built
    real, *samples = built["sessions"]
    assert {sp["name"] for sp in real["speakers"]} == {"Moderator", "Panelist A", "Panelist B"}
    assert all(sp["sample"] for sp in real["speakers"])
    runs: list[tuple[str, int, int]] = []
    for start, end, text in read_cues(VTT["en"]):
        voice = re.match(r"<v ([^>]+)>", text).group(1)  # type: ignore[union-attr]
        if runs and runs[-1][0] == voice:
            runs[-1] = (voice, runs[-1][1], end)
        else:
            runs.append((voice, start, end))
    names = {sp["id"]: sp["name"] for sp in real["speakers"]}
    [rec] = real["recordings"]
    assert [(names[i["speaker"]], i["start_ms"], i["end_ms"]) for i in rec["interventions"]] == runs
    # Only the sample recording: the real panels keep their speakers as names, with no made-up times.
    assert not any("speakers" in s or any("interventions" in r for r in s["recordings"]) for s in samples)
