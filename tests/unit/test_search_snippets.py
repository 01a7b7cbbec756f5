"""Description snippets: the folded-text fast path marks exactly what the word-by-word reference marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vod_app.catalog import search_snippets
from vod_app.catalog.search import build_match
from vod_app.catalog.search_snippets import _mark, _query_words

_WORDS = ["migración", "Migration", "migrant", "pacto", "mundial", "Öffnung", "œuvre", "straße", "İstanbul",
          "the", "and", "de", "la", "e-mail", "c++", "10:30", "naïve", "ÉTAT", "état", "ĳssel", "x_y", "Ωμέγα", "ά"]
_SEPS = [" ", " ", " ", ", ", ". ", " — ", "¿", "«", "»", "\n", "_", "-", "'"]


def _reference(desc: str, match: str) -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search_snippets, "_phrase_hits_folded", lambda *a: None)
        return _mark(desc, _query_words(match))


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=140),
    seps=st.lists(st.sampled_from(_SEPS), min_size=140, max_size=140),
    query=st.lists(st.sampled_from([*_WORDS, "migr", "mun", "pac", "stra", "et"]), min_size=1, max_size=3),
    typing=st.booleans(),
)
def test_fast_snippet_marks_as_the_reference(words: list[str], seps: list[str], query: list[str], typing: bool) -> None:
    desc = "".join(w + s for w, s in zip(words, seps, strict=False))
    match = build_match(" ".join(query) + ("" if typing else " "))
    if match is None:
        return
    assert _mark(desc, _query_words(match)) == _reference(desc, match)


def test_fast_path_is_taken_for_latin_text() -> None:
    desc = "Un pacto mundial para la migración segura, ordenada y regular: el Pacto Mundial de 2018."
    calls = []
    real = search_snippets._phrase_hits_folded

    def spy(*args):  # noqa: ANN002, ANN202
        calls.append(got := real(*args))
        return got

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search_snippets, "_phrase_hits_folded", spy)
        marked = _mark(desc, _query_words(build_match("pacto mundi")))
    assert calls and calls[0] is not None
    assert marked.startswith("Un \x02pacto\x03 \x02mundial\x03 para") and "\x02Pacto\x03 \x02Mundial\x03" in marked
