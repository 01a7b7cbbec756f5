"""Transcripts (issue 10): cues with speakers and panel headings, voice spans, find, the CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vod_app.domain.records import PanelRange
from vod_app.domain.transcript import (
    Intervention,
    TranscriptLine,
    build_transcript,
    find_rows,
    fold,
    voice_interventions,
)
from vod_app.formats.cuetext import cue_plain_text, cue_voice

ROOT = Path(__file__).resolve().parents[2]
SESSION = "iom-idm-2017-04-18-panels-2-3"


def test_cue_voice_reads_the_voice_span_annotation() -> None:
    assert cue_voice("<v Roger Bingham>We are in New York City") == "Roger Bingham"
    assert cue_voice("<v.loud  Mary &amp; Jo >Hi</v>") == "Mary & Jo"
    assert cue_voice("no voice <b>here</b>") == ""
    assert cue_plain_text("<v Roger>Hello") == "Hello"  # the indexed text has no speaker in it


def test_headings_sit_where_each_panel_starts() -> None:
    cues = [(12_000, 13_000, "b", ""), (1_000, 2_000, "a", "Ann"), (50_000, 51_000, "c", "")]
    ranges = [PanelRange(2, 50_000, None), PanelRange(1, 10_000, 50_000)]
    lines = build_transcript(cues, ranges, {1: "Panel one", 2: "Panel two"}.get)
    assert [(x.heading or x.text) for x in lines] == ["a", "Panel one", "b", "Panel two", "c"]
    assert lines[1].start_ms == 10_000 and lines[3].start_ms == 50_000
    assert lines[0].speaker == "Ann"


def test_find_ignores_accents_and_case_and_looks_at_speakers() -> None:
    lines = [TranscriptLine(0, 1, "La migración ordenada", ""), TranscriptLine(1, 2, "otra cosa", "José"),
             TranscriptLine(2, 3, "", "", "MIGRACION heading")]
    assert find_rows(lines, "migracion") == [0, 2]
    assert find_rows(lines, "jose") == [1]
    assert find_rows(lines, "   ") == []


@given(st.text(max_size=30))
def test_fold_finds_any_text_in_itself(text: str) -> None:
    assert fold(text) in fold("x" + text + "y")


def test_consecutive_cues_of_one_voice_are_one_intervention() -> None:
    lines = [TranscriptLine(0, 1_000, "a", "Ann"), TranscriptLine(1_200, 2_000, "b", "Ann"),
             TranscriptLine(2_000, 2_000, "", "", "Panel"),  # a heading does not split a speaker
             TranscriptLine(2_100, 3_000, "c", "Ann"), TranscriptLine(3_000, 4_000, "d", "Bob"),
             TranscriptLine(4_000, 5_000, "e", ""), TranscriptLine(5_000, 6_000, "f", "Bob")]
    assert voice_interventions(lines) == [Intervention("Ann", 0, 3_000), Intervention("Bob", 3_000, 4_000),
                                          Intervention("Bob", 5_000, 6_000)]


@pytest.mark.both_engines
def test_speakers_come_from_the_caption_files_voice_spans(catalog, builtin_copy: Path) -> None:  # noqa: ANN001
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.transcripts import recordings_for, transcript_cues, transcript_languages

    vtt = builtin_copy.parent / "media" / "idm2017-panel-2-3.fr.vtt"
    text = vtt.read_text(encoding="utf-8")
    text = re.sub(r"(-->[^\n]*\n)(?:<v [^>]*>)?", r"\1<v Amy Pope>", text, count=3)
    vtt.write_text(text, encoding="utf-8")
    import_catalog_file(catalog, builtin_copy)
    [(rid, _uid)] = recordings_for(catalog, SESSION)
    # The built-in catalog has a speaker index for this recording: it wins over the voice tags.
    assert [c[3] for c in transcript_cues(catalog, rid, "fr")[:3]] == ["Moderator"] * 3
    doc = json.loads(builtin_copy.read_text("utf-8"))
    for rec in doc["sessions"][0]["recordings"]:
        rec.pop("interventions")
    builtin_copy.write_text(json.dumps(doc), "utf-8")
    import_catalog_file(catalog, builtin_copy)  # re-imported without it: the voice tags are used again
    [(rid, _uid)] = recordings_for(catalog, SESSION)
    assert recordings_for(catalog, SESSION + "-rec") == [(rid, SESSION + "-rec")]
    assert recordings_for(catalog, "nothing") == []
    assert transcript_languages(catalog, rid) == ["en", "fr", "es"]
    cues = transcript_cues(catalog, rid, "fr")
    assert [c[3] for c in cues[:3]] == ["Amy Pope", "Amy Pope", "Amy Pope"]
    assert cues[3][3] in ("Moderator", "Panelist A")  # the sample's own voice tags
    assert "<v" not in cues[0][2] and cues[0][2].startswith("Bienvenue")
    # The file gone: the transcript stays, only the speakers are lost.
    vtt.unlink()
    assert [c[2] for c in transcript_cues(catalog, rid, "fr")] == [c[2] for c in cues]
    assert all(c[3] == "" for c in transcript_cues(catalog, rid, "fr"))


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VOD_APP_HOME": str(home)}
    env.pop("VOD_APP_DB", None)
    proc = subprocess.run([sys.executable, "-m", "vod_app", *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_cli_transcript_in_every_format(tmp_path: Path) -> None:
    out = run("transcript", SESSION, "--lang", "es", "--format", "json", home=tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data[0]) == {"start_ms", "end_ms", "speaker", "text"}
    assert data[0]["text"].startswith("Bienvenidos") and data[0]["start_ms"] == 400
    assert [d["start_ms"] for d in data] == sorted(d["start_ms"] for d in data)
    txt = run("transcript", SESSION + "-rec", home=tmp_path).stdout.splitlines()
    assert txt[0].split()[0] == "0:00" and "Welcome" in txt[0] and len(txt) == len(data) or len(txt) > 10
    vtt = run("transcript", SESSION, "--format", "vtt", home=tmp_path).stdout
    assert vtt.startswith("WEBVTT") and "00:00:00.400 --> " in vtt
    srt = run("transcript", SESSION, "--format", "srt", home=tmp_path).stdout
    assert srt.startswith("1\n00:00:00,400 --> ")


def test_cli_transcript_errors_are_one_line(tmp_path: Path) -> None:
    bad = run("transcript", "no-such-session", home=tmp_path)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "no-such-session" in bad.stderr
    lang = run("transcript", SESSION, "--lang", "de", home=tmp_path)
    assert lang.returncode == 1 and "'de'" in lang.stderr and "en, es, fr" in lang.stderr
    assert run("transcript", SESSION, "--format", "doc", home=tmp_path).returncode == 2


def test_cli_speakers_of_the_sample_from_its_speaker_index(tmp_path: Path) -> None:
    out = run("speakers", SESSION, "--json", home=tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [s["name"] for s in data] == ["Moderator", "Panelist A", "Panelist B"]
    # The specified shape, plus where the speakers come from (the catalog wins over the voice tags).
    assert {"name", "role", "affiliation", "interventions", "source"} <= set(data[0])
    assert {s["source"] for s in data} == {"catalog"} and data[1]["role"] == "Panelist, Panel 2"
    assert {"recording_id", "start_ms", "end_ms"} <= set(data[0]["interventions"][0])
    moderator = data[0]["interventions"]
    assert len(moderator) == 2 and moderator[0]["start_ms"] == 400  # the opening and panel 2's title are one
    assert {i["recording_id"] for i in moderator} == {SESSION + "-rec"}
    text = run("speakers", SESSION, home=tmp_path).stdout
    assert "Panelist A" in text and "0:" in text
    assert run("speakers", "nope", home=tmp_path).returncode == 1
