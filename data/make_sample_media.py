#!/usr/bin/env python3
"""Regenerate the built-in sample recording from data/idm2017_texts.json.

Outputs (in data/media/):
  idm2017-panel-2-3.mkv           90 s, H.264 video, 3 Opus audio tracks (eng/fra/spa),
                                  3 chapters, 3 embedded subtitle tracks
  idm2017-panel-2-3.{en,fr,es}.vtt  sidecar WebVTT captions (the spoken text, cue by cue)

Needs only the Python standard library, ffmpeg and espeak-ng. Speech is synthesised sentence by
sentence (long sentences clause by clause), so every cue's times are the exact times of its audio;
chunks are packed into their chapter's segment until the next sentence would overflow it.
Everything is built in a temporary directory and moved into place at the end.

Usage: python3 data/make_sample_media.py [--out DIR] [--keep-temp]
       python3 data/make_sample_media.py --hls DIR   (an HLS rendition of the sample, for tests)
"""

from __future__ import annotations

import argparse
import array
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "idm2017_texts.json"
STEM = "idm2017-panel-2-3"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "regular": FONT_DIR / "DejaVuSans.ttf",
    "bold": FONT_DIR / "DejaVuSans-Bold.ttf",
    "mono": FONT_DIR / "DejaVuSansMono.ttf",
}
APT = "sudo apt-get install -y --no-install-recommends ffmpeg espeak-ng fonts-dejavu-core"

DURATION = 90.0
WIDTH, HEIGHT, FPS = 426, 240, 12
RATE = 22050  # espeak-ng's native sample rate; ffmpeg resamples to 48 kHz for Opus
LEAD_IN = 0.4  # silence at the start of each segment
TAIL = 0.4  # minimum silence before the next segment starts
GAP_CLAUSE = 0.2  # between chunks of one sentence
GAP_SENTENCE = 0.45  # between sentences


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str  # container chapter title (English)
    start: float
    end: float
    colour: str


CHAPTERS = (
    Chapter("opening", "Opening", 0.0, 10.0, "0x2b3440"),
    Chapter("panel2", "Panel 2", 10.0, 50.0, "0x1d4e89"),
    Chapter("panel3", "Panel 3", 50.0, 90.0, "0x1f6b50"),
)


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47, used in file names
    iso639_2: str  # Matroska track language
    name: str  # track title
    voice: str  # espeak-ng voice
    speed: int  # espeak-ng words per minute
    opening: str  # spoken during the Opening chapter


LANGUAGES = (
    Language(
        code="en", iso639_2="eng", name="English", voice="en", speed=165,
        opening="Welcome to the International Dialogue on Migration 2017: panels 2 and 3.",
    ),
    Language(
        code="fr", iso639_2="fra", name="Français", voice="fr", speed=165,
        opening="Bienvenue au Dialogue international sur la migration 2017 : panels 2 et 3.",
    ),
    Language(
        code="es", iso639_2="spa", name="Español", voice="es", speed=165,
        opening="Bienvenidos al Diálogo Internacional sobre la Migración 2017: paneles 2 y 3.",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    voice: str = ""  # who says it (a WebVTT voice span in the sidecar captions)


# Who speaks in each chapter of the sample. The speech is synthesised, so these are sample speakers,
# not the people who spoke on the day; the catalog's speaker index says so too.
VOICES = {"opening": "Moderator", "panel2": "Panelist A", "panel3": "Panelist B"}


def check_tools() -> None:
    missing = [tool for tool in ("ffmpeg", "espeak-ng") if shutil.which(tool) is None]
    missing += [str(path) for path in FONTS.values() if not path.is_file()]
    if missing:
        sys.exit(f"missing: {', '.join(missing)}\ninstall with:\n  {APT}")
    encoders = run(["ffmpeg", "-hide_banner", "-encoders"], capture=True)
    filters = run(["ffmpeg", "-hide_banner", "-filters"], capture=True)
    for name, listing in (("libx264", encoders), ("libopus", encoders), ("drawtext", filters)):
        if not re.search(rf"\s{name}\s", listing):
            sys.exit(f"this ffmpeg lacks {name}; install Debian's build with:\n  {APT}")


def run(cmd: list[str], capture: bool = False) -> str:
    result = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr[-2000:]}")
    return result.stdout if capture else ""


# --- speech -------------------------------------------------------------------------------------

# Words a long clause may be broken before when it has no punctuation to break at: a pause there
# sounds like a speaker's breath, not a cut.
BREAK_BEFORE = {
    "en": {"and", "as", "to", "among", "for", "including", "from", "with", "but", "which", "that"},
    "fr": {"et", "ainsi", "à", "pour", "entre", "dans", "afin", "avec", "qui", "mais", "en"},
    "es": {"y", "así", "a", "para", "entre", "en", "como", "con", "que", "sino"},
}
MAX_CUE_CHARS = 90
MIN_CUE_CHARS = 20  # a shorter clause ("At the same time,") is spoken with the next one


def split_long(piece: str, lang: str) -> list[str]:
    """Break a clause longer than MAX_CUE_CHARS before a conjunction/preposition near its middle."""
    if len(piece) <= MAX_CUE_CHARS:
        return [piece]
    words = piece.split(" ")
    best = None
    for i in range(1, len(words)):
        if words[i] not in BREAK_BEFORE[lang]:
            continue
        left = len(" ".join(words[:i]))
        if min(left, len(piece) - left) < 25:
            continue
        if best is None or abs(left - len(piece) / 2) < abs(best[1] - len(piece) / 2):
            best = (i, left)
    if best is None:
        return [piece]
    i = best[0]
    return split_long(" ".join(words[:i]), lang) + split_long(" ".join(words[i:]), lang)


def chunks_of(text: str, lang: str) -> list[list[str]]:
    """Split text into sentences, and long sentences into clause-sized chunks (caption-sized cues)."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ").strip()) if s]
    result = []
    for sentence in sentences:
        merged: list[str] = []
        for piece in re.split(r"(?<=[,;:])\s+", sentence):
            if merged and (
                len(merged[-1]) + 1 + len(piece) <= MAX_CUE_CHARS or len(merged[-1]) < MIN_CUE_CHARS
            ):
                merged[-1] += " " + piece
            else:
                merged.append(piece)
        result.append([chunk for piece in merged for chunk in split_long(piece, lang)])
    return result


def synthesise(text: str, lang: Language, workdir: Path, index: int) -> array.array:
    """Speech for one chunk as 16-bit samples, leading/trailing silence trimmed."""
    txt = workdir / f"{lang.code}-{index:03d}.txt"
    wav = workdir / f"{lang.code}-{index:03d}.wav"
    txt.write_text(text, encoding="utf-8")
    run(["espeak-ng", "-v", lang.voice, "-s", str(lang.speed), "-b", "1", "-f", str(txt), "-w", str(wav)])
    with wave.open(str(wav), "rb") as w:
        if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (1, 2, RATE):
            sys.exit(f"unexpected espeak-ng output format: {w.getparams()}")
        samples = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()

    def is_loud(i: int) -> bool:
        return abs(samples[i]) > 300

    first = next((i for i in range(len(samples)) if is_loud(i)), None)
    if first is None:
        return array.array("h")
    last = next(i for i in reversed(range(len(samples))) if is_loud(i))
    margin = int(0.03 * RATE)
    return samples[max(0, first - margin) : min(len(samples), last + margin)]


def segment_script(texts: dict, lang: Language, chapter: Chapter) -> list[list[str]]:
    """What is said in one chapter, as sentences of chunks, in speaking order (may be cut short)."""
    if chapter.key == "opening":
        return [[lang.opening]]
    number = int(chapter.key.removeprefix("panel"))
    panel = next(p for p in texts["panels"] if p["number"] == number)
    # "Panel n." and the title are spoken as one sentence, so the announcement is no separate flash cue.
    title = chunks_of(panel["title"][lang.code].rstrip(".") + ".", lang.code)[0]
    title[0] = f"Panel {number}. {title[0]}"
    return [title, *chunks_of(panel["description"][lang.code], lang.code)]


def build_track(texts: dict, lang: Language, workdir: Path) -> tuple[array.array, list[Cue]]:
    """The 90 s speech track and its cues for one language."""
    track = array.array("h", bytes(2 * int(DURATION * RATE)))
    cues: list[Cue] = []
    index = 0
    for chapter in CHAPTERS:
        cursor = chapter.start + LEAD_IN
        limit = chapter.end - TAIL
        for s_index, sentence in enumerate(segment_script(texts, lang, chapter)):
            rendered = []
            for chunk in sentence:
                index += 1
                rendered.append((chunk, synthesise(chunk, lang, workdir, index)))
            needed = sum(len(s) for _, s in rendered) / RATE + GAP_CLAUSE * (len(rendered) - 1)
            if cursor + needed > limit:
                break  # the rest of this panel's text does not fit: stop at a sentence boundary
            for i, (chunk, samples) in enumerate(rendered):
                first = round(cursor * RATE)
                track[first : first + len(samples)] = samples
                end = cursor + len(samples) / RATE
                # The moderator announces each panel (its title), then the panelist speaks.
                voice = VOICES["opening"] if s_index == 0 else VOICES[chapter.key]
                cues.append(Cue(cursor, end, chunk, voice))
                cursor = end + (GAP_CLAUSE if i < len(rendered) - 1 else GAP_SENTENCE)
        if not any(chapter.start <= c.start < chapter.end for c in cues):
            sys.exit(f"{lang.code}: nothing fits in chapter {chapter.title!r}; lower the speech rate")
    return track, cues


def write_wav(path: Path, samples: array.array) -> None:
    data = array.array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


# --- captions -----------------------------------------------------------------------------------


def timestamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def webvtt(cues: list[Cue], voices: bool = True) -> str:
    """The sidecar captions (with voice spans); ``voices=False``: the text embedded in the MKV,
    unchanged since before voice spans, so the video file stays byte-identical."""
    out = ["WEBVTT", ""]
    for n, cue in enumerate(cues, 1):
        text = cue.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if voices and cue.voice:
            text = f"<v {cue.voice}>{text}"
        out += [str(n), f"{timestamp(cue.start)} --> {timestamp(cue.end)}", text, ""]
    return "\n".join(out)


# --- video --------------------------------------------------------------------------------------


def drawtext(textfile: Path, font: str, size: int, x: str, y: str, extra: str = "") -> str:
    # Text goes through files so nothing in it needs filtergraph escaping.
    return (
        f"drawtext=fontfile={FONTS[font]}:textfile={textfile}:fontsize={size}:fontcolor=white"
        f":line_spacing=3:x={x}:y={y}{extra}"
    )


def video_filtergraph(texts: dict, workdir: Path) -> Path:
    def textfile(name: str, content: str) -> Path:
        path = workdir / f"{name}.txt"
        path.write_text(content, encoding="utf-8")
        return path

    chains = []
    for i, chapter in enumerate(CHAPTERS):
        if chapter.key == "opening":
            event = texts["event"]
            heading, body = "Opening", event["title"]["en"] + "\n" + event["organiser"]["en"]
        else:
            number = int(chapter.key.removeprefix("panel"))
            panel = next(p for p in texts["panels"] if p["number"] == number)
            heading, body = f"Panel {number}", panel["title"]["en"]
        head = textfile(f"head-{chapter.key}", heading)
        sub = textfile(f"body-{chapter.key}", "\n".join(textwrap.fill(line, 46) for line in body.split("\n")))
        chains.append(
            f"color=c={chapter.colour}:s={WIDTH}x{HEIGHT}:r={FPS}:d={chapter.end - chapter.start:g},"
            + drawtext(head, "bold", 26, "16", "62")
            + ","
            + drawtext(sub, "regular", 15, "16", "100")
            + f"[c{i}]"
        )
    session = textfile("session", textwrap.fill(texts["session"]["title"]["en"], 44))
    total = f"{int(DURATION) // 60:02d}:{int(DURATION) % 60:02d}"
    clock = textfile("clock", f"%{{eif:floor(t/60):d:2}}:%{{eif:mod(floor(t),60):d:2}} / {total}")
    chains.append(
        "".join(f"[c{i}]" for i in range(len(CHAPTERS)))
        + f"concat=n={len(CHAPTERS)}:v=1:a=0,"
        + "drawbox=x=0:y=0:w=iw:h=52:color=black@0.35:t=fill,"
        + drawtext(session, "bold", 15, "16", "9")
        + ","
        + drawtext(clock, "mono", 14, "w-tw-12", "h-th-10", ":box=1:boxcolor=black@0.45:boxborderw=4")
        + ",format=yuv420p[v]"
    )
    path = workdir / "video.filtergraph"
    path.write_text(";\n".join(chains) + "\n", encoding="utf-8")
    return path


def ffmetadata(texts: dict) -> str:
    def esc(value: str) -> str:
        return re.sub(r"([=;#\\\n])", r"\\\1", value)

    lines = [
        ";FFMETADATA1",
        f"title={esc(texts['session']['title']['en'])}",
        f"artist={esc(texts['event']['organiser']['en'])}",
        "date=2017",
    ]
    for chapter in CHAPTERS:
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={round(chapter.start * 1000)}",
            f"END={round(chapter.end * 1000)}",
            f"title={esc(chapter.title)}",
        ]
    return "\n".join(lines) + "\n"


# --- assembly -----------------------------------------------------------------------------------


def build(out_dir: Path, keep_temp: bool) -> None:
    check_tools()
    texts = json.loads(TEXTS.read_text(encoding="utf-8"))
    workdir = Path(tempfile.mkdtemp(prefix="vod-sample-"))
    try:
        cue_counts = {}
        for lang in LANGUAGES:
            track, cues = build_track(texts, lang, workdir)
            write_wav(workdir / f"speech.{lang.code}.wav", track)
            (workdir / f"{STEM}.{lang.code}.vtt").write_text(webvtt(cues), encoding="utf-8")
            (workdir / "plain").mkdir(exist_ok=True)
            (workdir / "plain" / f"{STEM}.{lang.code}.vtt").write_text(webvtt(cues, voices=False), encoding="utf-8")
            cue_counts[lang.code] = len(cues)
        (workdir / "chapters.ffmeta").write_text(ffmetadata(texts), encoding="utf-8")
        graph = video_filtergraph(texts, workdir)

        mkv = workdir / f"{STEM}.mkv"
        n = len(LANGUAGES)
        # inputs: speech 0..n-1, captions n..2n-1, chapters 2n; the video comes from the filtergraph
        cmd = ["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"]
        cmd += ["-filter_complex_script", str(graph)]
        # Opus' codec delay makes audio that lasts exactly DURATION end a few ms after it, and the
        # container's duration follows the longest track: the last 10 ms (silence) are left out.
        for lang in LANGUAGES:
            cmd += ["-t", f"{DURATION - 0.01:g}", "-i", str(workdir / f"speech.{lang.code}.wav")]
        for lang in LANGUAGES:
            cmd += ["-i", str(workdir / "plain" / f"{STEM}.{lang.code}.vtt")]
        cmd += ["-i", str(workdir / "chapters.ffmeta")]
        cmd += ["-map", "[v]"]
        cmd += [arg for i in range(n) for arg in ("-map", f"{i}:a")]
        cmd += [arg for i in range(n) for arg in ("-map", f"{n + i}:s")]
        cmd += ["-map_metadata", str(2 * n), "-map_chapters", str(2 * n)]
        # one encoder thread and the bitexact flags keep reruns byte-identical
        cmd += ["-c:v", "libx264", "-preset", "slow", "-tune", "stillimage", "-crf", "30", "-threads", "1"]
        cmd += ["-g", str(2 * FPS), "-force_key_frames", ",".join(f"{c.start:g}" for c in CHAPTERS)]
        cmd += ["-c:a", "libopus", "-b:a", "24k", "-application", "voip", "-ar", "48000", "-ac", "1"]
        cmd += ["-c:s", "srt"]
        # shifting every track by the Opus delay would start the video at 7 ms instead of 0
        cmd += ["-avoid_negative_ts", "disabled", "-fflags", "+bitexact", "-flags", "+bitexact"]
        cmd += ["-t", f"{DURATION:g}"]
        for i, lang in enumerate(LANGUAGES):
            for kind in ("a", "s"):
                cmd += [f"-metadata:s:{kind}:{i}", f"language={lang.iso639_2}"]
                cmd += [f"-metadata:s:{kind}:{i}", f"title={lang.name}"]
                cmd += [f"-disposition:{kind}:{i}", "default" if (kind, i) == ("a", 0) else "0"]
        run([*cmd, str(mkv)])

        out_dir.mkdir(parents=True, exist_ok=True)
        for path in [mkv] + [workdir / f"{STEM}.{lang.code}.vtt" for lang in LANGUAGES]:
            # copy beside the target, then rename: a reader never sees a half-written file
            partial = out_dir / f".{path.name}.partial"
            shutil.copyfile(path, partial)
            os.replace(partial, out_dir / path.name)
            print(f"{out_dir / path.name}  {path.stat().st_size:,} bytes")
        print("cues per language: " + ", ".join(f"{k} {v}" for k, v in cue_counts.items()))
    finally:
        if keep_temp:
            print(f"temporary files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


HLS_PLAYLIST = f"{STEM}.m3u8"
HLS_SEGMENT_S = 10  # keyframes every 2 s and at 10/50 s: nine 10 s segments


def build_hls(source: Path, out_dir: Path) -> Path:
    """An HLS rendition of the sample (``STEM.m3u8`` + ``STEM-NNN.ts`` in out_dir), for the tests
    that play media from a server: the H.264 video as it is, the first audio track (English) as
    AAC, nine 10 s MPEG-TS segments, a VOD playlist. Not committed: made from data/media in seconds,
    byte-identical on every run (bitexact flags, one thread). Returns the playlist's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = ["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", str(source)]
    cmd += ["-map", "0:v:0", "-map", "0:a:0", "-c:v", "copy", "-c:a", "aac", "-b:a", "32k", "-ac", "1", "-threads", "1"]
    cmd += ["-fflags", "+bitexact", "-flags", "+bitexact", "-muxdelay", "0", "-metadata:s:a:0", "language=eng"]
    cmd += ["-f", "hls", "-hls_time", str(HLS_SEGMENT_S), "-hls_playlist_type", "vod", "-hls_list_size", "0"]
    cmd += ["-hls_segment_filename", str(out_dir / f"{STEM}-%03d.ts"), str(out_dir / HLS_PLAYLIST)]
    run(cmd)
    return out_dir / HLS_PLAYLIST


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=HERE / "media", help="output directory (default data/media)"
    )
    parser.add_argument("--keep-temp", action="store_true", help="keep the working directory for inspection")
    parser.add_argument("--hls", type=Path, metavar="DIR", help="only write an HLS rendition of data/media's sample into DIR")
    args = parser.parse_args()
    if args.hls is not None:
        print(build_hls(HERE / "media" / f"{STEM}.mkv", args.hls))
        return
    build(args.out, args.keep_temp)


if __name__ == "__main__":
    main()
