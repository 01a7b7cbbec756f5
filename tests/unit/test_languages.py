"""The one language normaliser: catalog import, filters, playback tracks and display names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.search import SearchFilters
from vod_app.domain.languages import (
    automatic_captions_language,
    display_name,
    normalise_language,
    primary_language,
    same_language,
    sorted_by_name,
    stored_spellings,
)


@pytest.mark.parametrize(("code", "tag"), [("fra", "fr"), ("fre", "fr"), ("fr-FR", "fr-FR"), ("fr_fr", "fr-FR"), ("FR", "fr")])
def test_every_spelling_of_french_is_french(code: str, tag: str) -> None:
    assert normalise_language(code) == tag
    assert primary_language(code) == "fr"
    assert same_language(code, "fr")


TAG_LIKE = st.from_regex(r"\A[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,4}\Z")


@settings(max_examples=300, deadline=None)
@given(TAG_LIKE)
def test_any_tag_shaped_code_normalises_once_and_never_raises(code: str) -> None:
    tag = normalise_language(code)
    assert normalise_language(tag) == tag
    if tag is not None:
        assert display_name(tag, "fr") and primary_language(tag) in stored_spellings(tag)


def test_stored_spellings_cover_the_three_letter_codes() -> None:
    assert set(stored_spellings("fr")) == {"fr", "fra", "fre"}
    assert set(stored_spellings("de-AT")) == {"de", "deu", "ger"}
    assert stored_spellings("und") == ()


def test_names_in_the_interface_language_in_one_order() -> None:
    assert display_name("es", "fr") == "Espagnol"
    assert display_name("fra", "es") == "Francés"
    assert display_name("fr", "en") == "French"
    assert sorted_by_name(["fr", "es", "en"], "en") == ["en", "fr", "es"]  # English, French, Spanish
    assert sorted_by_name(["fr", "es", "en"], "fr") == ["en", "es", "fr"]  # Anglais, Espagnol, Français


def test_automatic_captions_only_when_no_audio_in_the_interface_language() -> None:
    assert automatic_captions_language("es", ["fra", "eng"]) == "es"
    assert automatic_captions_language("fr", ["fra", "eng"]) is None
    assert automatic_captions_language("fr", []) is None  # nothing known about the audio


def test_import_stores_one_spelling_and_the_french_filter_finds_fra(catalog, tmp_path: Path) -> None:
    media = tmp_path / "talk.mkv"
    media.write_bytes(b"\x1a\x45\xdf\xa3")
    doc = {"format": "vod-app-catalog", "version": 1, "sessions": [
        {"id": "s-fra", "title": {"en": "Talk"}, "date": "2020-01-02", "recordings": [
            {"id": "r-fra", "media": str(media), "audio_tracks": [{"language": "fra"}],
             "captions": []}]},
        {"id": "s-frfr", "title": {"fr-FR": "Exposé"}, "date": "2020-01-03", "recordings": [
            {"id": "r-frfr", "media": str(media), "audio_tracks": [{"language": "fre"}]}]},
    ]}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(doc), "utf-8")
    import_catalog_file(catalog, path)
    with catalog.read() as s:
        audio = set(s.execute(text("SELECT language FROM audio_tracks")).scalars())
        langs = set(s.execute(text("SELECT lang FROM session_languages")).scalars())
    assert audio == {"fr"}
    assert langs == {"en", "fr"}
    repo = CatalogRepository(catalog)
    assert "fr" in repo.languages() and "fra" not in repo.languages()
    found = {r.recording_uid for r in repo.recent_recordings(filters=SearchFilters(lang="fr")).items}
    assert found == {"r-fra", "r-frfr"}


def test_the_french_filter_finds_a_catalog_stored_before_normalisation(catalog, tmp_path: Path) -> None:
    media = tmp_path / "talk.mkv"
    media.write_bytes(b"\x1a\x45\xdf\xa3")
    doc = {"format": "vod-app-catalog", "version": 1, "sessions": [
        {"id": "old", "title": {"en": "Old talk"}, "date": "2019-01-02", "recordings": [{"id": "r-old", "media": str(media)}]}]}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(doc), "utf-8")
    import_catalog_file(catalog, path)
    with catalog.write() as s:  # as an older version stored a container's code
        s.execute(text("INSERT INTO session_languages (session_id, lang) SELECT id, 'fra' FROM sessions WHERE uid = 'old'"))
    repo = CatalogRepository(catalog)
    found = {r.recording_uid for r in repo.recent_recordings(filters=SearchFilters(lang="fr")).items}
    assert found == {"r-old"}
    assert repo.languages() == ["en", "fr"]  # one entry per language in the filter


def test_the_common_languages_table_agrees_with_langcodes() -> None:
    """domain/languages.py reads the common codes and VLC's English names without langcodes: the
    same answers as langcodes gives (the table is only a shortcut)."""
    import langcodes

    from vod_app.domain.languages import _COMMON, _standardize, language_from_name

    for code, (t, b, name) in _COMMON.items():
        for spelling in (code, t, b, code.upper(), t.upper()):
            assert normalise_language(spelling) == _standardize(spelling) == code, spelling
        assert language_from_name(name) == normalise_language(str(langcodes.find(name))) == code, name
        lang = langcodes.Language.get(code)
        assert set(stored_spellings(code)) == {code, lang.to_alpha3(variant="T"), lang.to_alpha3(variant="B")}
