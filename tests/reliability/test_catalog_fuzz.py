"""Fuzzing catalog reading and validation: any bytes, any JSON-ish value, any catalog-shaped document.

The promise: ``parse_catalog_bytes`` and ``validate_document`` raise CatalogFileError or nothing,
and a document they accept imports without error. The fast variants run in every test run; the
``slow`` ones (10,000 examples each) in CI. Search queries and the caption/chapter parsers have
their own fuzz tests: tests/unit/test_search.py, tests/unit/test_formats_properties.py.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vod_app.catalog.validation import CatalogFileError, parse_catalog_bytes, validate_document

BASE = Path("/nonexistent/catalogs")
HOSTILE_TEXT = [
    "", " ", "\x00", "a\x00b", "\x1b[31m", "\x7f", "\u202e", "\u200b", "\ufeff", "\ud800", "x\udfffy", "\U0001f600",
    ":sout=#file{dst=x}", "--sout=x", "screen://", "SCREEN://", "v4l2:///dev/video0", "dshow://", "vlc://quit",
    "smb://h/s", "file:", "file:relative", "file:///etc/passwd", "file://host/x", "http://", "https://h/x.mp4",
    "http://[::1", "javascript:alert(1)", "../x", "..\\x", "a/../../b", "/abs/x.mkv", "C:\\x.mkv", "//server/share",
    "~/x", "$HOME/x", "%2e%2e/x", "x" * 5000, "<img src=file:///etc/passwd>", "2017-02-30", "2017-13-01",
    "0000-01-01", "9999-12-31", "20170418", "2017-W01-1", "en", "EN_us", "pt-BR", "zh-Hant-TW", "english", "x-klingon",
    "1", "NaN", "Infinity", "-0", "1e400", "vod-app-catalog",
]
text = st.text(max_size=30) | st.sampled_from(HOSTILE_TEXT)
number = st.integers(min_value=-(2**70), max_value=2**70) | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0, 1, -1, 8_640_000_000, 8_640_000_001, 2**63, 1.0, 1.5])
scalar = st.none() | st.booleans() | number | text
json_ish = st.recursive(scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4), max_leaves=25)

ident = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._:/-]{0,12}\Z") | st.sampled_from(["a", "p1", "r1", "s1", "e1"]) | text
lang = st.from_regex(r"\A[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}\Z") | st.sampled_from(["en", "fr", "es", "pt-BR"]) | text
localized = text | st.dictionaries(lang, text, max_size=3) | json_ish
ms = st.integers(min_value=-5, max_value=100_000) | number | json_ish


def maybe(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """An object with any subset of these fields (and, sometimes, an unknown one)."""
    extra = st.dictionaries(st.sampled_from(["unknown", "Title", "id "]), json_ish, max_size=1)
    return st.builds(lambda base, more: {**base, **more}, st.fixed_dictionaries({}, optional=fields), extra)


chapter = maybe(start_ms=ms, end_ms=ms, title=localized, panel=ident)
recording = maybe(
    id=ident,
    media=text,
    title=text,
    duration_ms=ms,
    panels=st.lists(maybe(panel=ident, start_ms=ms, end_ms=ms), max_size=3),
    chapters=st.lists(chapter, max_size=4),
    audio_tracks=st.lists(maybe(language=lang, label=text), max_size=3),
    captions=st.lists(maybe(language=lang, label=text, file=text), max_size=2),
)
panel = maybe(id=ident, number=ms, title=localized, description=localized, speakers=st.lists(text, max_size=3) | json_ish)
session = maybe(
    id=ident,
    event=ident,
    date=text | st.dates().map(str),
    place=text,
    sample=st.booleans() | json_ish,
    title=localized,
    description=localized,
    panels=st.lists(panel, max_size=3),
    recordings=st.lists(recording, max_size=3),
)
event = maybe(id=ident, title=localized, description=localized, organiser=text, year=ms)
catalog_doc = st.fixed_dictionaries(
    {"format": st.just("vod-app-catalog") | text, "version": st.just(1) | number},
    optional={"language": lang, "events": st.lists(event, max_size=3), "sessions": st.lists(session, max_size=4)},
)
documents = catalog_doc | json_ish
raw_bytes = (
    st.binary(max_size=300)
    | documents.map(lambda d: json.dumps(d, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass"))
    | documents.map(lambda d: json.dumps(d).encode("utf-16"))
    | st.builds(lambda d, cut: json.dumps(d).encode()[:cut], catalog_doc, st.integers(0, 200))
)


def check_bytes(data: bytes) -> None:
    try:
        doc = parse_catalog_bytes(data, "fuzz.json")
    except CatalogFileError as exc:
        assert str(exc).startswith("fuzz.json") and len(str(exc)) < 2000
        return
    check_document(doc)


def check_document(doc: Any) -> bool:
    """True when the document is accepted."""
    try:
        validate_document(doc, "fuzz.json", BASE)
    except CatalogFileError as exc:
        assert exc.problems and len(str(exc)) < 2000
        return False
    return True


# --- mutation fuzzing (the 10,000-example runs) --------------------------------------------------
# Generating deep structures with Hypothesis costs ~6 ms an example; mutating a valid catalog costs a
# fraction of that and reaches the semantic checks (references, dates, media, duplicates) far more
# often than random structures, which the schema stops at the first level.

VALID: dict[str, Any] = {
    "format": "vod-app-catalog",
    "version": 1,
    "language": "en",
    "events": [{"id": "e1", "title": {"en": "Event", "fr": "Événement"}, "organiser": "Org", "year": 2017}],
    "sessions": [
        {
            "id": "s1",
            "event": "e1",
            "date": "2017-04-18",
            "place": "New York",
            "sample": False,
            "title": {"en": "Session", "fr": "Séance"},
            "description": "A description\n\n00:00 Opening\n01:00 Panel",
            "panels": [{"id": "p1", "number": 2, "title": "Panel 2", "description": {"en": "d"}, "speakers": ["A", "B"]}],
            "recordings": [
                {
                    "id": "r1",
                    "media": "media/a.mkv",
                    "title": "Morning",
                    "duration_ms": 90_000,
                    "panels": [{"panel": "p1", "start_ms": 10_000, "end_ms": 50_000}],
                    "chapters": [{"start_ms": 0, "end_ms": 10_000, "title": {"en": "Opening"}}, {"start_ms": 10_000, "title": "Panel 2", "panel": "p1"}],
                    "audio_tracks": [{"language": "en", "label": "Floor"}, {"language": "fr"}],
                    "captions": [{"language": "en", "file": "media/a.en.vtt"}],
                }
            ],
        },
        {"id": "s2", "title": "Second", "recordings": [{"id": "r2", "media": "https://media.example.org/b.mp4"}]},
    ],
}
VALID_BYTES = json.dumps(VALID).encode()
TOKENS = [b'"', b"{", b"}", b"[", b"]", b",", b":", b"\\", b"\\u", b"\\ud800", b"NaN", b"-Infinity", b"1e999", b"\x00",
          b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\xe2\x80\xae", b"null", b"true", b'"id"', b'"s1"', b'"format"', b"  "]


def _nodes(doc: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every value in the document."""
    out: list[tuple[Any, Any]] = []
    stack = [doc]
    while stack:
        cur = stack.pop()
        items = cur.items() if isinstance(cur, dict) else enumerate(cur) if isinstance(cur, list) else ()
        for k, v in items:
            out.append((cur, k))
            if isinstance(v, dict | list):
                stack.append(v)
    return out


def mutate(seed: int) -> Any:
    """A valid catalog with 1-4 random changes: a hostile value, a deletion, a duplicate, a new key."""
    import copy
    import random

    rng = random.Random(seed)
    doc = copy.deepcopy(VALID)
    for _ in range(rng.randint(1, 4)):
        nodes = _nodes(doc)
        parent, key = rng.choice(nodes)
        op = rng.random()
        if op < 0.45:
            parent[key] = rng.choice([*HOSTILE_TEXT, None, True, False, 0, -1, 1.5, 2**63, float("nan"), [], {}, [None], {"en": "x"}, {"": ""}])
        elif op < 0.6 and isinstance(parent, dict):
            del parent[key]
        elif op < 0.75 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))  # a duplicate id, chapter, session...
        elif op < 0.85 and isinstance(parent, dict):
            parent[rng.choice(HOSTILE_TEXT)] = copy.deepcopy(parent[key])
        elif op < 0.95:
            value = parent[key]
            for _ in range(rng.randint(1, 50)):
                value = [value] if rng.random() < 0.5 else {"en": value}
            parent[key] = value
        else:
            other_parent, other_key = rng.choice(nodes)
            parent[key] = copy.deepcopy(other_parent[other_key])  # a value in the wrong place
    return doc


def mutate_bytes(seed: int) -> bytes:
    import random

    rng = random.Random(seed)
    data = bytearray(VALID_BYTES if rng.random() < 0.7 else json.dumps(mutate(seed), allow_nan=True).encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(data) + 1)
        op = rng.random()
        if op < 0.3:
            data[at:at] = rng.choice(TOKENS)
        elif op < 0.5:
            del data[at : at + rng.randint(1, 20)]
        elif op < 0.7 and at < len(data):
            data[at] = rng.randrange(256)
        elif op < 0.8:
            data = data[:at]  # cut short
        elif op < 0.9:
            depth = rng.choice([10, 900, 5_000, 100_000])
            data[at:at] = b"[" * depth + b"]" * depth
        else:
            data = bytearray(rng.choice([b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b""])) + data
    return bytes(data)


FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
SLOW = settings(max_examples=10_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
seeds = st.integers(min_value=0, max_value=2**32)


def test_the_unmutated_catalog_is_valid() -> None:
    assert check_document(parse_catalog_bytes(VALID_BYTES, "fuzz.json"))


@FAST
@given(raw_bytes)
def test_any_bytes_are_a_catalog_or_a_catalog_error(data: bytes) -> None:
    check_bytes(data)


@FAST
@given(documents)
def test_any_document_is_valid_or_a_catalog_error(doc: Any) -> None:
    check_document(doc)


@FAST
@given(seeds)
def test_mutated_catalogs_are_valid_or_a_catalog_error(seed: int) -> None:
    check_document(mutate(seed))
    check_bytes(mutate_bytes(seed))


@pytest.mark.slow
@SLOW
@given(seeds)
def test_mutated_catalog_bytes_slow(seed: int) -> None:
    check_bytes(mutate_bytes(seed))


@pytest.mark.slow
@SLOW
@given(seeds)
def test_mutated_catalog_documents_slow(seed: int) -> None:
    check_document(mutate(seed))


@pytest.mark.slow
@settings(SLOW, max_examples=2_000)  # ~4 ms an example to generate; the mutations above are the bulk
@given(json_ish)
def test_any_json_value_slow(doc: Any) -> None:
    check_document(doc)


# A document the validator accepts must import: nothing it let through may fail in the database.
plausible_session = st.fixed_dictionaries(
    {"id": st.from_regex(r"\A[a-z][a-z0-9]{0,6}\Z"), "title": localized},
    optional={
        "date": st.dates().map(str) | text,
        "place": text,
        "description": localized,
        "panels": st.lists(panel, max_size=2),
        "recordings": st.lists(maybe(id=ident, media=text, duration_ms=ms, chapters=st.lists(chapter, max_size=3), audio_tracks=st.lists(maybe(language=lang, label=text), max_size=2)), max_size=2),
    },
)
importable = st.fixed_dictionaries({"format": st.just("vod-app-catalog"), "version": st.just(1)}, optional={"language": lang, "sessions": st.lists(plausible_session, max_size=3)})


@pytest.fixture(scope="module")
def fuzz_catalog(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from vod_app.catalog.database import open_catalog

    folder = tmp_path_factory.mktemp("fuzz-import")
    catalog = open_catalog(f"sqlite:///{folder / 'fuzz.sqlite3'}", backups_dir=folder / "backups")
    yield catalog
    catalog.dispose()


def _import_accepted(catalog: Any, doc: dict[str, Any]) -> None:
    from vod_app.catalog.importer import import_document

    if check_document(doc):
        # cross-file problems only the importer finds (an id owned by another session) are fine
        with contextlib.suppress(CatalogFileError):
            import_document(catalog, doc, "fuzz.json", BASE)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(importable)
def test_what_validation_accepts_imports(fuzz_catalog: Any, doc: dict[str, Any]) -> None:
    _import_accepted(fuzz_catalog, doc)


@pytest.mark.slow
@settings(max_examples=3_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(seeds)
def test_what_validation_accepts_imports_slow(fuzz_catalog: Any, seed: int) -> None:
    doc = mutate(seed)
    if isinstance(doc, dict) and isinstance(doc.get("sessions"), list):
        for i, sess in enumerate(doc["sessions"]):  # fresh ids: each example adds, none collides
            if isinstance(sess, dict) and isinstance(sess.get("id"), str):
                sess["id"] = f"{sess['id']}-{seed}-{i}"[:200]
    _import_accepted(fuzz_catalog, doc)
