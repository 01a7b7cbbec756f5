"""Caption sidecars read during an import: their cues as (start_ms, end_ms, plain text)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

CaptionLoader = Callable[[Path], list[tuple[int, int, str]]]


# Captions of a whole day of sessions are ~2 MB. A sidecar this big is not captions (or not for one
# recording); it is refused before it is parsed, because sidecars are read inside the import's write
# transaction and 100 MB of cues would hold the catalog's write lock for minutes.
CAPTION_MAX_BYTES = 20 * 1024 * 1024


def load_caption_cues(path: Path) -> list[tuple[int, int, str]]:
    """(start_ms, end_ms, plain text) of a WebVTT or SRT file; raises ValueError with a clear message."""
    from vod_app.formats.captions import cue_plain_text, load_caption_file

    doc = load_caption_file(path, max_bytes=CAPTION_MAX_BYTES)
    return [(c.start_ms, c.end_ms, cue_plain_text(c.text)) for c in doc.cues]
