"""A deterministic synthetic catalog, generated as a stream (constant memory).

``Catalog(seed, sessions)`` yields events and session dicts in the catalog format
(docs/catalog-format.md) for ``vod_app.catalog.importer.import_stream``. Per session: titles in en/fr/es,
3 panels with ~120-word descriptions in en/fr/es, one recording (the sample file
``data/media/idm2017-panel-2-3.mkv``, 90 s) with panel ranges, 5 chapters, 3 audio tracks and one caption
file whose 10 cues come from :meth:`Catalog.caption_cues` (a fake file name: nothing is written).

Texts are drawn from per-language Zipf-distributed vocabularies (real function and topic words first,
then a deterministic pseudo-word long tail), through a pool of sentences, so generation stays cheap next
to the import it feeds. Everything derives from ``seed``: the same seed gives the same catalog.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
MEDIA = "media/idm2017-panel-2-3.mkv"  # relative to DATA_DIR, the import's base_dir
DURATION_MS = 90_000
LANGS = ("en", "fr", "es")
PANELS_PER_SESSION = 3
CUES_PER_SESSION = 10
DESCRIPTION_WORDS = 120
EVENTS = 240
CAPTION_PREFIX = "bench-captions/"

# Chapter layout of every generated recording: (start_ms, kind) with panels 1..3 in between.
CHAPTERS = ((0, "opening"), (10_000, 1), (35_000, 2), (60_000, 3), (80_000, "closing"))
PANEL_RANGES = ((1, 10_000, 35_000), (2, 35_000, 60_000), (3, 60_000, 80_000))
#: Playback times where the description pane must switch panel (chapter-sync figure).
PANEL_BOUNDARIES_MS = (10_000, 35_000, 60_000, 80_000)


def _w(text: str) -> list[str]:
    return text.split()


_FUNCTION = {
    "en": _w(
        "the of and to in a is that for on as with by at from are this be or an it which their all its has have"
        " will not but more also these between how was were can into other such than both well among about"
    ),
    "fr": _w(
        "de la le les et des en à du un une pour est que dans sur par au aux qui se plus ne pas ses ces"
        " leur leurs avec comme ainsi entre être ont sont mais aussi cette tous toutes dont où elle"
    ),
    "es": _w(
        "de la el los las y en a que del un una para por con se su sus es como más sobre entre al lo"
        " también no o este esta estos estas todos todas ser han son pero así cómo donde"
    ),
}
_TOPIC = {
    "en": _w(
        "migration migrants governance global compact international dialogue policy human rights climate change"
        " labour mobility remittances diaspora refugees integration return reintegration smuggling trafficking youth"
        " partnerships development cooperation regional national local government whole-of-government approach"
        " displacement humanitarian health data evidence borders management protection women children cities"
        " communities economic social inclusion resilience crisis sustainable goals agenda states stakeholders"
        " framework capacity coordination security employment skills recruitment investment education urban rural"
        " environment disaster risk reduction panel session discussion perspectives challenges opportunities"
        " implementation member organization conference declaration commitments responsibility solidarity"
    ),
    "fr": _w(
        "migration migrations migrants gouvernance pacte mondial international dialogue politique droits"
        " humains climat changement mobilité main-d'œuvre envois fonds diaspora réfugiés intégration retour"
        " réintégration trafic traite jeunes partenariats développement coopération régionale nationale locale"
        " gouvernement approche déplacement humanitaire santé données frontières gestion protection femmes enfants"
        " villes communautés économique sociale inclusion résilience crise durable objectifs programme États"
        " parties prenantes cadre capacités coordination sécurité emploi compétences recrutement investissement"
        " éducation urbain rural environnement catastrophes risques réduction panel session débat perspectives"
        " défis possibilités mise œuvre membres organisation conférence déclaration engagements solidarité"
    ),
    "es": _w(
        "migración migrantes gobernanza pacto mundial internacional diálogo política derechos humanos clima"
        " cambio movilidad laboral remesas diáspora refugiados integración retorno reintegración tráfico trata"
        " jóvenes alianzas desarrollo cooperación regional nacional local gobierno enfoque pangubernamental"
        " desplazamiento humanitaria salud datos fronteras gestión protección mujeres niños ciudades comunidades"
        " económica social inclusión resiliencia crisis sostenible objetivos agenda Estados partes interesadas"
        " marco capacidad coordinación seguridad empleo competencias contratación inversión educación urbano"
        " rural medio ambiente desastres riesgo reducción panel sesión debate perspectivas desafíos oportunidades"
        " aplicación miembros organización conferencia declaración compromisos responsabilidad solidaridad"
    ),
}
_SYLLABLES = {
    "en": _w(
        "ba be bi bo ca co da de di do fa fe ga ge la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro"
        " sa se si so ta te ti to va ve vi tion ment ness ing er ly al ic"
    ),
    "fr": _w(
        "ba be bi bo ca co da de di do fa fe ga ge la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro"
        " sa se si so ta te ti to va ve vi tion ment eur ique elle ité é è"
    ),
    "es": _w(
        "ba be bi bo ca co da de di do fa fe ga ge la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro"
        " sa se si so ta te ti to va ve vi ción mente dad ista ero ía á ó"
    ),
}
_WORD = re.compile(r"\w[\w'’-]*")

# Twenty queries a person might type in this catalog (typed one character at a time by the bench).
QUERIES = (
    "migration",
    "global compact",
    "human rights",
    "climate change",
    "labour mobility",
    "remittances",
    "diaspora",
    "refugees",
    "whole-of-government",
    "return and reintegration",
    "smuggling",
    "youth employment",
    "migracion",
    "pacto mundial",
    "gobernanza",
    "droits humains",
    "pacte mondial",
    "disaster risk reduction",
    "data",
    "panel 2",
)


def _real_words(lang: str) -> list[str]:
    """Words of the built-in catalog's texts in ``lang`` (data/idm2017_texts.json), most frequent first."""
    import json
    from collections import Counter

    counts: Counter[str] = Counter()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == lang and isinstance(v, str):
                    counts.update(w for w in _WORD.findall(v) if not w.isdigit())
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    try:
        walk(json.loads((DATA_DIR / "idm2017_texts.json").read_text("utf-8")))
    except OSError:
        return []
    return [w for w, _n in counts.most_common()]


@dataclass
class _Language:
    lang: str
    vocab: list[str]
    cum_weights: list[float]
    sentences: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)


def _vocabulary(lang: str, rng: random.Random, tail: int) -> _Language:
    """Function words, then topic words spread over the next ranks (every 4th word, so the later
    ones are rarer), then words of the built-in texts and a pseudo-word tail; Zipf weights (s = 1)."""
    seen: set[str] = set()

    def fresh(words: list[str]) -> list[str]:
        out = []
        for w in words:
            if w.lower() not in seen:
                seen.add(w.lower())
                out.append(w)
        return out

    function = fresh(_FUNCTION[lang])
    topic = fresh(_TOPIC[lang])
    real = fresh(_real_words(lang))
    syl = _SYLLABLES[lang]
    pseudo: list[str] = []
    while len(pseudo) < tail:
        w = "".join(rng.choice(syl) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            pseudo.append(w)
    filler = iter(real + pseudo)
    words = list(function)
    for t in topic:
        words.append(t)
        words.extend(itertools.islice(filler, 3))
    words.extend(filler)
    weights = [1.0 / (rank + 1.7) for rank in range(1, len(words) + 1)]
    return _Language(lang, words, list(itertools.accumulate(weights)))


class Catalog:
    """The synthetic catalog for ``sessions`` sessions, reproducible from ``seed``."""

    def __init__(self, sessions: int = 100_000, seed: int = 20170418, *, pool: int = 8000, tail: int = 40_000,
                 panels: int = PANELS_PER_SESSION) -> None:
        self.panels = max(1, min(panels, PANELS_PER_SESSION))  # fewer panels: a smaller catalog (bench/pg_large.py)
        self.sessions = sessions
        self.seed = seed
        rng = random.Random(seed)
        self.langs = {lang: _vocabulary(lang, rng, tail) for lang in LANGS}
        for L in self.langs.values():
            for _ in range(pool):
                n = rng.randint(8, 22)
                s = " ".join(rng.choices(L.vocab, cum_weights=L.cum_weights, k=n))
                L.sentences.append(s[0].upper() + s[1:] + ".")
            for _ in range(pool // 2):
                n = rng.randint(4, 9)
                s = " ".join(rng.choices(L.vocab, cum_weights=L.cum_weights, k=n))
                L.short.append(s[0].upper() + s[1:])
        self.events_list = [
            {
                "id": f"bench-event-{e:03d}",
                "organiser": f"Organiser {e % 40}",
                "year": 2000 + e % 25,
                "title": {lang: f"{rng.choice(self.langs[lang].short)} {2000 + e % 25}" for lang in LANGS},
                "description": {lang: " ".join(rng.choices(self.langs[lang].sentences, k=4)) for lang in LANGS},
            }
            for e in range(EVENTS)
        ]

    # --- texts ---

    def _description(self, rng: random.Random, lang: str) -> str:
        """About DESCRIPTION_WORDS words: pooled sentences, then a session-specific sentence."""
        L = self.langs[lang]
        out: list[str] = []
        words = 0
        while words < DESCRIPTION_WORDS - 10:
            s = L.sentences[rng.randrange(len(L.sentences))]
            out.append(s)
            words += s.count(" ") + 1
        tail = rng.choices(L.vocab, cum_weights=L.cum_weights, k=max(3, DESCRIPTION_WORDS - words))
        out.append(" ".join(tail) + ".")
        return " ".join(out)

    def _title(self, rng: random.Random, lang: str) -> str:
        L = self.langs[lang]
        return L.short[rng.randrange(len(L.short))]

    # --- the stream ---

    def events(self) -> Iterator[dict[str, Any]]:
        yield from self.events_list

    def session(self, i: int) -> dict[str, Any]:
        """Session number ``i`` (0-based), independent of the others (its own RNG)."""
        rng = random.Random(self.seed * 1_000_003 + i)
        sid = f"bench-s{i:06d}"
        ev = self.events_list[i % EVENTS]
        year = ev["year"]
        date = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        panels = []
        for n in range(1, self.panels + 1):
            panels.append(
                {
                    "id": f"{sid}-p{n}",
                    "number": n,
                    "title": {lang: f"Panel {n} – {self._title(rng, lang)}" for lang in LANGS},
                    "description": {lang: self._description(rng, lang) for lang in LANGS},
                    "speakers": [f"Speaker {rng.randrange(5000)}", f"Speaker {rng.randrange(5000)}"],
                }
            )
        opening = {"en": "Opening", "fr": "Ouverture", "es": "Apertura"}
        closing = {"en": "Questions and closing", "fr": "Questions et clôture", "es": "Preguntas y clausura"}
        debate = {"en": "Discussion", "fr": "Débat", "es": "Debate"}
        chapters = []
        for k, (start, kind) in enumerate(CHAPTERS):
            end = CHAPTERS[k + 1][0] if k + 1 < len(CHAPTERS) else DURATION_MS
            if kind == "opening":
                chapters.append({"start_ms": start, "end_ms": end, "title": opening})
            elif kind == "closing":
                chapters.append({"start_ms": start, "end_ms": end, "title": closing})
            elif kind > len(panels):
                chapters.append({"start_ms": start, "end_ms": end, "title": debate})
            else:
                p = panels[kind - 1]
                chapters.append({"start_ms": start, "end_ms": end, "title": p["title"], "panel": p["id"]})
        cap_lang = LANGS[i % 3]
        return {
            "id": sid,
            "event": ev["id"],
            "date": date,
            "place": f"Room {rng.randrange(1, 40)}, Geneva",
            "title": {lang: f"{self._title(rng, lang)} ({ev['title'][lang]})" for lang in LANGS},
            "panels": panels,
            "recordings": [
                {
                    "id": f"{sid}-rec",
                    "media": MEDIA,
                    "duration_ms": DURATION_MS,
                    "panels": [{"panel": panels[n - 1]["id"], "start_ms": a, "end_ms": b} for n, a, b in PANEL_RANGES if n <= len(panels)],
                    "chapters": chapters,
                    "audio_tracks": [
                        {"language": "en", "label": "English"},
                        {"language": "fr", "label": "Français"},
                        {"language": "es", "label": "Español"},
                    ],
                    "captions": [{"language": cap_lang, "file": f"{CAPTION_PREFIX}{i}.{cap_lang}.vtt"}],
                }
            ],
        }

    def iter_sessions(self) -> Iterator[dict[str, Any]]:
        for i in range(self.sessions):
            yield self.session(i)

    # --- captions (no files: the importer's caption_loader) ---

    def caption_cues(self, path: Path | str) -> list[tuple[int, int, str]]:
        """The 10 cues of the fake caption file ``.../bench-captions/<i>.<lang>.vtt``."""
        name = Path(path).name
        index_s, lang, _ext = name.split(".")
        i = int(index_s)
        rng = random.Random(self.seed * 7_919 + i)
        L = self.langs[lang]
        step = DURATION_MS // CUES_PER_SESSION
        cues = []
        for k in range(CUES_PER_SESSION):
            text = L.sentences[rng.randrange(len(L.sentences))]
            cues.append((k * step, k * step + step - 200, text))
        return cues
