"""Reading and validating catalog files: every problem found, each naming its JSON path.

A catalog file is data from elsewhere. Nothing in it is trusted: JSON is parsed strictly (duplicate
keys, NaN and Infinity refused), the JSON Schema in ``catalog.schema.json`` checks its shape, and the
semantic checks below check what a schema cannot (references, dates, media locations).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import unquote, urlsplit

from vod_app.catalog.media_roots import media_roots_problems
from vod_app.catalog.speaker_checks import speaker_problems
from vod_app.domain.languages import normalise_language
from vod_app.domain.media_locations import url_problem

FORMAT_NAME = "vod-app-catalog"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ERRORS = 200
ALLOWED_URL_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]+):")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# JSON's \ud800-style escapes can produce lone surrogates: not text, and SQLite (UTF-8) refuses them.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Problem:
    path: str  # JSON path, e.g. $.sessions[0].date
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class CatalogFileError(Exception):
    """A catalog that cannot be imported; lists every problem found."""

    source: str
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        if not self.problems:
            return f"{self.source}: invalid catalog"
        head = f"{self.source}: {self.problems[0]}"
        more = len(self.problems) - 1
        return head if more == 0 else f"{head} (and {more} more problem{'s' if more > 1 else ''})"

    def report(self) -> str:
        return "\n".join(f"{self.source}: {p}" for p in self.problems)


def json_path(parts: Iterator[Any] | list[Any] | tuple[Any, ...]) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(p)) else f"[{json.dumps(p)}]")
    return out


# --- strict JSON ----------------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON (numbers must be finite)")


def parse_catalog_bytes(data: bytes, source: str) -> Any:
    """Parse JSON strictly; a CatalogFileError names the line and column of a syntax error."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        raise CatalogFileError(source, [Problem("$", "the file is UTF-16/UTF-32; save it as UTF-8")])
    elif b"\x00" in data[:4]:  # JSON text never starts with NUL: UTF-16/32 without a byte-order mark
        raise CatalogFileError(source, [Problem("$", "the file looks like UTF-16/UTF-32 (NUL bytes); save it as UTF-8")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogFileError(
            source, [Problem("$", f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line})")]
        ) from None
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for k, v in items:
            if k in obj:
                where = f" (in the object with id {obj['id']!r})" if isinstance(obj.get("id"), str) else ""
                duplicates.append(f"duplicate key {_clip(k)}{where}")
            obj[k] = v
        return obj

    try:
        doc = json.loads(text, object_pairs_hook=pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise CatalogFileError(
            source, [Problem("$", f"not valid JSON: {exc.msg.removesuffix(' at')} at line {exc.lineno}, column {exc.colno}")]
        ) from None
    except ValueError as exc:
        msg = str(exc)
        if "integer string conversion" in msg:  # Python's guard against 4,300+ digit numbers
            msg = "a number has too many digits (more than 4,300)"
        raise CatalogFileError(source, [Problem("$", msg)]) from None
    except RecursionError:
        raise CatalogFileError(source, [Problem("$", "JSON nested too deeply")]) from None
    if duplicates:
        raise CatalogFileError(source, [Problem("$", d) for d in duplicates[:MAX_ERRORS]])
    return doc


def read_catalog_file(path: Path) -> Any:
    try:
        if path.is_dir():
            raise CatalogFileError(str(path), [Problem("$", "is a directory, not a catalog file")])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CatalogFileError(str(path), [Problem("$", f"file too large ({size} bytes)")])
        data = path.read_bytes()
    except FileNotFoundError:
        raise CatalogFileError(str(path), [Problem("$", "no such file")]) from None
    except PermissionError:
        raise CatalogFileError(str(path), [Problem("$", "permission denied")]) from None
    except OSError as exc:
        raise CatalogFileError(str(path), [Problem("$", f"cannot be read ({exc.strerror})")]) from None
    if not data.strip():
        raise CatalogFileError(str(path), [Problem("$", "the file is empty")])
    return parse_catalog_bytes(data, str(path))


# --- schema ---------------------------------------------------------------------------------------


@cache
def _schema() -> dict[str, Any]:
    return json.loads((Path(__file__).with_name("catalog.schema.json")).read_text("utf-8"))


@cache
def _validator(ref: str | None = None) -> Any:
    from jsonschema import Draft202012Validator

    schema = _schema()
    if ref is not None:
        schema = {"$ref": f"#/$defs/{ref}", "$defs": schema["$defs"]}
    return Draft202012Validator(schema)


def _schema_problems(doc: Any, ref: str | None, prefix: tuple[Any, ...]) -> list[Problem]:
    problems = []
    for err in _validator(ref).iter_errors(doc):
        # oneOf failures are clearer as the best-matching sub-error
        e = _most_relevant(err)
        where = json_path(prefix + tuple(e.absolute_path))
        problems.append(Problem(where, _short_message(e)))
        if len(problems) >= MAX_ERRORS:
            break
    return sorted(set(problems), key=lambda p: p.path)


_TYPE_NAMES = {"string": "text", "object": "an object", "array": "a list", "integer": "a whole number", "boolean": "true or false"}


def _most_relevant(err: Any) -> Any:
    """For oneOf/anyOf: the error of the branch whose type matched (the one the author meant)."""
    while err.context:
        matched = [e for e in err.context if e.validator != "type"]
        err = max(matched or err.context, key=lambda e: len(e.absolute_path))
    return err


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", dict: "an object", list: "a list", int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")


def _short_message(err: Any) -> str:
    """One readable sentence; never echoes a whole (possibly huge) value."""
    v, inst = err.validator, err.instance
    if v == "maxLength":
        return f"text too long ({len(inst)} characters; at most {err.validator_value})"
    if v == "minLength":
        return "must not be empty"
    if v == "maxItems":
        return f"too many items ({len(inst)}; at most {err.validator_value})"
    if v == "type":
        want = err.validator_value
        want = " or ".join(_TYPE_NAMES.get(w, w) for w in want) if isinstance(want, list) else _TYPE_NAMES.get(want, want)
        return f"expected {want}, got {_json_type(inst)}"
    if v == "required":
        return err.message.split(" is a required")[0] + " is required"
    if v == "additionalProperties":
        extra = sorted(set(inst) - set(err.schema.get("properties", {})))
        shown = ", ".join(map(_clip, extra[:5])) + (f" and {len(extra) - 5} more" if len(extra) > 5 else "")
        return f"unknown field{'s' if len(extra) > 1 else ''} {shown}"
    if v == "pattern" and ("propertyNames" in list(err.absolute_schema_path) or err.validator_value == _schema()["$defs"]["lang"]["pattern"]):
        return f"{_clip(inst)} is not a language tag (like en, fr, pt-BR)"
    if v == "pattern":
        return f"{_clip(inst)} does not have the expected form"
    if v == "propertyNames":
        return f"{_clip(err.instance)} has a key that is not a language tag (like en, fr, pt-BR)"
    if v in ("minimum", "maximum"):
        return f"{inst} is out of range ({v} {err.validator_value})"
    if v == "const":
        return f"expected {err.validator_value!r}"
    msg: str = err.message
    return msg if len(msg) <= 200 else msg[:200] + "…"


def _clip(value: Any) -> str:
    s = repr(value)
    return s if len(s) <= 80 else s[:77] + "…"


# --- semantics ------------------------------------------------------------------------------------


def resolve_media(value: str, base_dir: Path) -> str:
    """A local absolute path or an http(s) URL; raises ValueError naming what is refused."""
    if _CONTROL.search(value):
        raise ValueError("control characters are not allowed in a media location")
    m = _SCHEME.match(value)
    if m and not PureWindowsPath(value).drive:
        scheme = m.group(1).lower()
        if scheme in ALLOWED_URL_SCHEMES:
            problem = url_problem(value)  # the one allow-list, checked again before libvlc opens it
            if problem:
                raise ValueError(f"{_clip(value)} is refused: {problem}")
            return value
        if scheme == "file":
            parts = urlsplit(value)
            if parts.netloc not in ("", "localhost") or not value.lower().startswith("file:/"):
                raise ValueError(f"{_clip(value)} is not a local file URL")
            return str(Path(unquote(parts.path)))
        raise ValueError(f"{_clip(value)} is refused: URL scheme {scheme!r} is not allowed (only file paths and http/https URLs)")
    p = Path(value)
    if p.is_absolute():
        return str(p)
    if ".." in PurePosixPath(value.replace("\\", "/")).parts:
        raise ValueError(f"{_clip(value)} leaves the catalog's folder ('..' is not allowed in a relative path)")
    return str((base_dir / p).absolute())


def normalize_lang(tag: str) -> str:
    """One spelling per language in the catalog ('fra', 'fre' -> 'fr'; 'fr-fr' -> 'fr-FR'), by the
    app's one normaliser (vod_app.domain.languages); a tag it cannot read keeps its casing fix."""
    normal = normalise_language(tag.strip())
    if normal is not None:
        return normal
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for sub in parts[1:]:
        out.append(sub.upper() if len(sub) == 2 else (sub.title() if len(sub) == 4 else sub.lower()))
    return "-".join(out)


def _walk_strings(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    stack: list[tuple[Any, tuple[Any, ...]]] = [(node, path)]
    while stack:
        cur, p = stack.pop()
        if isinstance(cur, str):
            yield p, cur
        elif isinstance(cur, dict):
            for k, v in cur.items():
                if isinstance(k, str) and (_CONTROL.search(k) or _SURROGATE.search(k)):
                    yield p, k
                stack.append((v, p + (k,)))
        elif isinstance(cur, list):
            stack.extend((v, p + (i,)) for i, v in enumerate(cur))


def _char_problem(s: str) -> str | None:
    m = _CONTROL.search(s)
    if m:
        return f"control character U+{ord(m.group(0)):04X} is not allowed"
    m = _SURROGATE.search(s)
    if m:
        return f"lone surrogate \\u{ord(m.group(0)):04x} is not valid Unicode text"
    return None


def session_problems(
    session: dict[str, Any], path: tuple[Any, ...], base_dir: Path, event_ids: set[str] | None
) -> list[Problem]:
    """Checks a schema cannot make, for one (schema-valid) session."""
    problems: list[Problem] = []

    def add(p: tuple[Any, ...], msg: str) -> None:
        problems.append(Problem(json_path(p), msg))

    for p, s in _walk_strings(session, path):
        problem = _char_problem(s)
        if problem:
            add(p, problem)
    if "date" in session:
        try:
            dt.date.fromisoformat(session["date"])
        except ValueError:
            add(path + ("date",), f"{session['date']!r} is not a real date")
    if event_ids is not None and "event" in session and session["event"] not in event_ids:
        add(path + ("event",), f"unknown event {session['event']!r}")
    panel_ids = set()
    for i, panel in enumerate(session.get("panels", [])):
        if panel["id"] in panel_ids:
            add(path + ("panels", i, "id"), f"duplicate panel id {panel['id']!r}")
        panel_ids.add(panel["id"])
    rec_ids = set()
    for i, rec in enumerate(session.get("recordings", [])):
        rp = path + ("recordings", i)
        if rec["id"] in rec_ids:
            add(rp + ("id",), f"duplicate recording id {rec['id']!r}")
        rec_ids.add(rec["id"])
        try:
            resolve_media(rec["media"], base_dir)
        except ValueError as exc:
            add(rp + ("media",), str(exc))
        duration = rec.get("duration_ms")
        for key in ("panels", "chapters"):
            for j, item in enumerate(rec.get(key, [])):
                ip = rp + (key, j)
                ref = item.get("panel")
                if ref is not None and ref not in panel_ids:
                    add(ip + ("panel",), f"unknown panel {ref!r} (not a panel of this session)")
                end = item.get("end_ms")
                if end is not None and end <= item["start_ms"]:
                    add(ip + ("end_ms",), f"end {end} is not after start {item['start_ms']}")
                if duration is not None and item["start_ms"] > duration:
                    add(ip + ("start_ms",), f"start {item['start_ms']} is past the recording's duration {duration}")
        for j, cap in enumerate(rec.get("captions", [])):
            try:
                target = resolve_media(cap["file"], base_dir)
            except ValueError as exc:
                add(rp + ("captions", j, "file"), str(exc))
                continue
            if _SCHEME.match(target) and not PureWindowsPath(target).drive:
                add(rp + ("captions", j, "file"), "captions must be a local file")
    speaker_problems(session, path, add)
    return problems


def validate_document(doc: Any, source: str, base_dir: Path) -> None:
    """Raise CatalogFileError listing every problem of a whole catalog document."""
    if not isinstance(doc, dict):
        raise CatalogFileError(source, [Problem("$", "a catalog is a JSON object")])
    if doc.get("format") != FORMAT_NAME and "format" in doc:
        raise CatalogFileError(source, [Problem("$.format", f"expected {FORMAT_NAME!r}")])
    if isinstance(doc.get("version"), int) and doc["version"] > FORMAT_VERSION:
        raise CatalogFileError(
            source,
            [Problem("$.version", f"format version {doc['version']} is newer than this app reads ({FORMAT_VERSION})")],
        )
    problems = _schema_problems(doc, None, ())
    problems += [] if problems else media_roots_problems(doc.get("media_roots", []))
    if not problems:
        event_ids: set[str] = set()
        for i, ev in enumerate(doc.get("events", [])):
            if ev["id"] in event_ids:
                problems.append(Problem(json_path(("events", i, "id")), f"duplicate event id {ev['id']!r}"))
            event_ids.add(ev["id"])
            for p, s in _walk_strings(ev, ("events", i)):
                problem = _char_problem(s)
                if problem:
                    problems.append(Problem(json_path(p), problem))
        seen: dict[str, str] = {}
        for i, sess in enumerate(doc.get("sessions", [])):
            problems.extend(session_problems(sess, ("sessions", i), base_dir, event_ids))
            for kind, items in (("session", [sess]), ("panel", sess.get("panels", [])), ("recording", sess.get("recordings", []))):
                for item in items:
                    key = f"{kind}:{item['id']}"
                    if key in seen:
                        problems.append(
                            Problem(json_path(("sessions", i)), f"duplicate {kind} id {item['id']!r} (also at {seen[key]})")
                        )
                    else:
                        seen[key] = json_path(("sessions", i))
            if len(problems) >= MAX_ERRORS:
                break
    if problems:
        raise CatalogFileError(source, problems[:MAX_ERRORS])


def validate_session(session: Any, base_dir: Path, path: tuple[Any, ...] = ("session",)) -> list[Problem]:
    """Validate one streamed session (schema + semantics, no cross-session checks)."""
    problems = _schema_problems(session, "session", path)
    if problems:
        return problems
    return session_problems(session, path, base_dir, None)
