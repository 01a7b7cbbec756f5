"""Media locations: the http(s) allow-list and media roots (prefix substitution), examples and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vod_app.domain.media_locations import MediaRoots, machine_roots, make_root, parse_root_spec, url_problem


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("rtsp://cam.example.org/live", "scheme 'rtsp'"),
        ("smb://nas/share/a.mkv", "scheme 'smb'"),
        ("file://nas/share/a.mkv", "scheme 'file'"),
        ("screen://", "scheme 'screen'"),
        ("javascript:alert(1)", "scheme 'javascript'"),
        ("data:video/mp4;base64,AAAA", "scheme 'data'"),
        ("https://ana:secret@media.example.org/a.mkv", "user name or password"),
        ("https://media.example.org/a.mkv#!/etc/passwd", "fragment"),
        ("https://media.example.org/a.mkv :sout=#file{dst=/tmp/x}", "a space"),
        ("https://media.example.org/a\n:sout=x", "character"),
        ("http:///a.mkv", "no host"),
        ("http:media.example.org/a.mkv", "no host"),
        ("https://media.example.org:0/a.mkv", "port"),
        ("https://media.example.org:99999/a.mkv", "host or port"),
        ("--sout=file/ts:/tmp/x", "not a URL"),
    ],
)
def test_refused_urls_say_why(url: str, reason: str) -> None:
    problem = url_problem(url)
    assert problem is not None and reason in problem, problem


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/a.mkv", "https://media.example.org/archive/S%201.mkv?t=1", "HTTPS://[::1]/x.m3u8"])
def test_allowed_urls(url: str) -> None:
    assert url_problem(url) is None


def test_catalog_root_to_url_segment_boundaries_and_longest_prefix() -> None:
    roots = MediaRoots(catalog=[make_root("/srv/archive/", "https://media.example.org/archive/"), make_root("/srv/archive/2019", "https://old.example.org/")])
    assert roots.resolve("/srv/archive/2020/Session 1: Opening.mkv").location == "https://media.example.org/archive/2020/Session%201%3A%20Opening.mkv"
    assert roots.resolve("/srv/archive/2019/a.mkv").location == "https://old.example.org/a.mkv"
    assert roots.resolve("/srv/archive2/a.mkv").root is None  # not a segment boundary
    assert roots.resolve("/srv/archive/../secret/a.mkv").root is None  # never climbs out of the target
    assert roots.resolve("relative/a.mkv").root is None


def test_machine_root_wins_and_is_applied_once() -> None:
    machine = [parse_root_spec("/srv/archive/=/mnt/archive/")]
    catalog = [make_root("/srv/archive/2019/", "https://media.example.org/2019/"), make_root("/mnt/archive/", "https://never.example.org/")]
    found = MediaRoots(machine, catalog).resolve("/srv/archive/2019/a.mkv")
    assert found.location == "/mnt/archive/2019/a.mkv" and found.root is not None and found.root.origin == "machine"


def test_url_to_local_mount_decodes_and_refuses_encoded_dot_dot() -> None:
    roots = MediaRoots([parse_root_spec("https://Media.Example.org/archive/=/mnt/archive")])
    assert roots.resolve("https://media.example.org/archive/a%20b.mkv").location == "/mnt/archive/a b.mkv"
    assert roots.resolve("https://media.example.org/archive/%2e%2e/etc/passwd").root is None
    assert roots.resolve("https://media.example.org/archived/a.mkv").root is None


@pytest.mark.parametrize(
    "spec",
    ["/srv/archive", "relative/=/mnt/a", "/=/mnt/a", "/srv/a=rtsp://cam/", "/srv/a=https://u:p@h/", "/srv/../a=/mnt/a", "/srv/a=https://h/?x=1"],
)
def test_bad_machine_roots_are_reported(spec: str) -> None:
    roots, problems = machine_roots([spec], environ={})
    assert roots == [] and len(problems) == 1 and problems[0].startswith("--media-root: ")
    env_roots, env_problems = machine_roots(environ={"VOD_APP_MEDIA_ROOTS": f"/ok/=/mnt/ok;{spec}"})
    assert [str(r) for r in env_roots] == ["/ok=/mnt/ok"] and env_problems[0].startswith("VOD_APP_MEDIA_ROOTS: ")


def test_machine_roots_from_the_environment_and_flags() -> None:
    roots, problems = machine_roots(["/b/=/mnt/b2"], environ={"VOD_APP_MEDIA_ROOTS": "/a/=/mnt/a;/b/=/mnt/b\n"})
    assert problems == [] and {str(r) for r in roots} == {"/a=/mnt/a", "/b=/mnt/b2"}  # the flag given later wins


segment = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\"), min_size=1, max_size=12).filter(lambda s: s not in (".", ".."))


@given(st.lists(segment, min_size=1, max_size=5))
def test_path_to_url_to_path_round_trips(parts: list[str]) -> None:
    rest = "/".join(parts)
    to_url = MediaRoots(catalog=[make_root("/srv/archive", "https://media.example.org/a/")])
    url = to_url.resolve(f"/srv/archive/{rest}").location
    assert url.startswith("https://media.example.org/a/") and url_problem(url) is None
    back = MediaRoots([make_root("https://media.example.org/a", "/mnt/a", "machine")]).resolve(url)
    assert back.location == f"/mnt/a/{rest}"


@given(st.text(max_size=60))
def test_resolve_never_raises_and_only_substitutes_under_the_prefix(location: str) -> None:
    found = MediaRoots(catalog=[make_root("/srv/archive", "https://media.example.org/a")]).resolve(location)
    if found.root is None:
        assert found.location == location
    else:
        assert location == "/srv/archive" or location.startswith("/srv/archive/")
        assert url_problem(found.location) is None


def _catalog(tmp_path: Path, roots: list[dict[str, str]], media: str = "/srv/archive/2020/a.mkv") -> Path:
    doc = {"format": "vod-app-catalog", "version": 1, "media_roots": roots,
           "sessions": [{"id": "s", "title": "T", "recordings": [{"id": "r", "media": media}]}]}
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


@pytest.mark.both_engines
def test_import_stores_roots_and_the_player_gets_the_substituted_location(catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository
    from vod_app.catalog.user_state import UserStateRepository

    monkeypatch.delenv("VOD_APP_MEDIA_ROOTS", raising=False)
    import_catalog_file(catalog, _catalog(tmp_path, [{"path": "/srv/archive/", "url": "https://media.example.org/archive/"}]))
    repo = CatalogRepository(catalog)
    rid = repo.recent_recordings().items[0].recording_id
    rec = repo.play_item(rid).recording
    assert rec.catalog_source == "/srv/archive/2020/a.mkv"  # stored unchanged
    assert rec.source == "https://media.example.org/archive/2020/a.mkv"
    monkeypatch.setenv("VOD_APP_MEDIA_ROOTS", "/srv/archive/=/mnt/archive/")
    assert CatalogRepository(catalog).play_item(rid).recording.source == "/mnt/archive/2020/a.mkv"
    monkeypatch.delenv("VOD_APP_MEDIA_ROOTS")
    UserStateRepository(catalog).relocate("r", "/elsewhere/a.mkv")
    assert CatalogRepository(catalog).play_item(rid).recording.source == "/elsewhere/a.mkv"  # Locate… wins
    UserStateRepository(catalog).relocate("r", "")
    import_catalog_file(catalog, _catalog(tmp_path, []))  # the catalog dropped its root
    assert CatalogRepository(catalog).play_item(rid).recording.source == "/srv/archive/2020/a.mkv"


@pytest.mark.parametrize(
    ("roots", "media", "where"),
    [
        ([{"path": "/srv/a", "url": "rtsp://cam/"}], "/x.mkv", "$.media_roots[0].url"),
        ([{"path": "srv/a", "url": "https://h/"}], "/x.mkv", "$.media_roots[0]"),
        ([{"path": "/srv/a", "url": "https://h/"}, {"path": "/srv/a/", "url": "https://g/"}], "/x.mkv", "$.media_roots[1].path"),
        ([], "https://ana:pw@h/x.mkv", "$.sessions[0].recordings[0].media"),
        ([], "smb://nas/x.mkv", "$.sessions[0].recordings[0].media"),
    ],
)
def test_import_refuses_bad_roots_and_locations_naming_where(tmp_path: Path, roots: list[dict[str, str]], media: str, where: str) -> None:
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.validation import CatalogFileError

    catalog = open_catalog(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    try:
        with pytest.raises(CatalogFileError) as err:
            import_catalog_file(catalog, _catalog(tmp_path, roots, media))
        assert any(p.path == where for p in err.value.problems), err.value.report()
        assert media[:6] in err.value.report() or roots
    finally:
        catalog.dispose()


@pytest.mark.parametrize("source", ["https://ana:pw@media.example.org/a.mkv", "https://media.example.org/a.mkv#!/etc/passwd", "http://h/a :sout=x"])
def test_refused_urls_never_reach_libvlc(source: str) -> None:
    from vod_app.playback.vlc_runtime import UnsupportedSource, media_from_source

    class Instance:
        def __getattr__(self, name: str):  # noqa: ANN204
            raise AssertionError(f"libvlc was called: {name}")

    with pytest.raises(UnsupportedSource, match="Cannot play"):
        media_from_source(Instance(), source)


def test_show_says_what_a_location_resolves_to(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "VOD_APP_HOME": str(tmp_path / "home")}
    env.pop("VOD_APP_DB", None)
    env.pop("VOD_APP_MEDIA_ROOTS", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([sys.executable, "-m", "vod_app", *args], capture_output=True, text=True, env=env, cwd=root, timeout=120)
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc

    cat = _catalog(tmp_path, [{"path": "/srv/archive/", "url": "https://media.example.org/archive/"}])
    assert run("import", str(cat)).returncode == 0
    rec = json.loads(run("show", "s", "--json").stdout)["recordings"][0]
    assert rec["source"] == "/srv/archive/2020/a.mkv"
    assert rec["resolves_to"] == "https://media.example.org/archive/2020/a.mkv"
    assert rec["resolved_by"] == "catalog media root /srv/archive=https://media.example.org/archive"
    proc = run("--media-root", "/srv/archive/=/mnt/archive/", "show", "s")
    assert "plays from /mnt/archive/2020/a.mkv (machine media root /srv/archive=/mnt/archive)" in proc.stdout
    bad = run("--media-root", "/srv/archive/=rtsp://cam/", "show", "s")
    assert bad.returncode == 1 and len(bad.stderr.splitlines()) == 1 and "rtsp" in bad.stderr


def test_the_windows_media_root_option_goes_to_the_environment(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from vod_app.__main__ import _first_positional, _media_roots_to_environ

    monkeypatch.setenv("VOD_APP_MEDIA_ROOTS", "/a/=/mnt/a")
    argv = ["--media-root", "/srv/archive/=/mnt/archive/", "--media-root=/x/=https://h/x/", "--db", "sqlite:///c.db"]
    assert _first_positional(argv) is None  # the window, not a command named "/srv/archive/=…"
    assert _media_roots_to_environ(argv) == ["--db", "sqlite:///c.db"]
    roots, problems = machine_roots()
    assert problems == [] and {str(r) for r in roots} == {"/a=/mnt/a", "/srv/archive=/mnt/archive", "/x=https://h/x"}
    assert _media_roots_to_environ(["--media-root", "/srv/a=smb://nas/a"]) is None
    assert "smb" in capsys.readouterr().err
    assert _media_roots_to_environ(["--media-root"]) is None  # no value: an error, not a window without roots
    assert "needs FROM=TO" in capsys.readouterr().err


def test_url_to_url_keeps_the_remainder_as_written() -> None:
    roots = MediaRoots([parse_root_spec("https://media.example.org/archive/=https://mirror.example.net/a/")])
    found = roots.resolve("https://media.example.org/archive/x%2Fy+z.mkv?sig=1%2B2")
    assert found.location == "https://mirror.example.net/a/x%2Fy+z.mkv?sig=1%2B2"


def test_an_option_lookalike_in_a_query_is_only_part_of_the_url() -> None:
    from vod_app.playback.vlc_runtime import media_from_source

    calls: list[tuple[str, tuple[object, ...]]] = []

    class Instance:
        def __getattr__(self, name: str):  # noqa: ANN204
            return lambda *args: calls.append((name, args))

    url = "http://127.0.0.1:8080/a.mkv?:sout=file/ts:/tmp/x&:input-slave=screen://"
    media_from_source(Instance(), url)
    # One MRL (the relay's, playback/http_relay.py, carrying the query as is), no option: libvlc
    # reads none from a URL's text.
    assert [name for name, _args in calls] == ["media_new"] and len(calls[0][1]) == 1
    mrl = str(calls[0][1][0])
    assert mrl.startswith("http://127.0.0.1:") and mrl.endswith("/http/127.0.0.1:8080/a.mkv?:sout=file/ts:/tmp/x&:input-slave=screen://")
