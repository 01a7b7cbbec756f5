#!/usr/bin/env python3
"""Build data/catalog.json (the built-in catalog) from data/idm2017_texts.json.

The IDM 2017 session of 18 Apr 2017 is real content (texts from IOM's page, English verbatim);
every other session here is marked ``"sample": true``: made-up content so that browsing, filters
and search have something to show. Run: python data/make_catalog.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEDIA = "media/idm2017-panel-2-3.mkv"
DURATION_MS = 90_000
# The sample recording's speech is synthesised (make_sample_media.py): its speakers are sample
# speakers, named as the voice spans of its captions, never the people who spoke on the day (the
# panels' real speakers are not given made-up times).
SAMPLE_SPEAKERS = [
    {"id": "sample-moderator", "name": "Moderator", "role": "Chair", "sample": True},
    {"id": "sample-panelist-a", "name": "Panelist A", "role": "Panelist, Panel 2", "sample": True},
    {"id": "sample-panelist-b", "name": "Panelist B", "role": "Panelist, Panel 3", "sample": True},
]
_CUE = re.compile(r"^(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})\s*\n<v ([^>]+)>", re.MULTILINE)


def sample_interventions(vtt: Path) -> list[dict]:
    """The speaker index of the sample recording: the English captions' voice runs (consecutive cues
    of one voice are one intervention, as the player reads voice spans), so catalog and voice tags agree."""
    ids = {sp["name"]: sp["id"] for sp in SAMPLE_SPEAKERS}
    out: list[dict] = []
    for m in _CUE.finditer(vtt.read_text("utf-8")):
        h0, m0, s0, ms0, h1, m1, s1, ms1 = (int(x) for x in m.groups()[:8])
        start = ((h0 * 60 + m0) * 60 + s0) * 1000 + ms0
        end = ((h1 * 60 + m1) * 60 + s1) * 1000 + ms1
        who = ids[m.group(9).strip()]
        if out and out[-1]["speaker"] == who:
            out[-1]["end_ms"] = end
        else:
            out.append({"speaker": who, "start_ms": start, "end_ms": end, "language": "en"})
    return out


def build() -> dict:
    """The built-in catalog, as main() writes it (a test checks that data/catalog.json is this)."""
    texts = json.loads((HERE / "idm2017_texts.json").read_text("utf-8"))
    p2, p3 = texts["panels"]
    prefix = {"en": "Panel {n} – ", "fr": "Panel {n} – ", "es": "Panel {n} – "}

    def panel_title(p: dict) -> dict:
        return {lang: prefix.get(lang, "Panel {n} – ").format(n=p["number"]) + t for lang, t in p["title"].items()}

    event = {
        "id": "iom-idm-2017",
        "organiser": "IOM – International Organization for Migration",
        "year": 2017,
        "title": texts["event"]["title"],
    }
    if texts["event"].get("description"):
        event["description"] = texts["event"]["description"]
    # What the player's description pane shows before the first panel (the opening): the session
    # itself, said from facts of this catalog (event, date, place, the panels' titles).
    t2, t3 = panel_title(p2), panel_title(p3)
    intro = {
        "en": "{event}, 18 April 2017, United Nations Headquarters, New York. This recording holds two panels:",
        "fr": "{event}, 18 avril 2017, Siège de l'Organisation des Nations Unies, New York. Cet enregistrement contient deux panels\u00a0:",
        "es": "{event}, 18 de abril de 2017, Sede de las Naciones Unidas, Nueva York. Esta grabación contiene dos paneles:",
    }
    session_description = {
        lang: text.format(event=texts["event"]["title"][lang]) + f"\n\n• {t2[lang]}\n• {t3[lang]}"
        for lang, text in intro.items()
    }
    session = {
        "id": "iom-idm-2017-04-18-panels-2-3",
        "event": "iom-idm-2017",
        "date": texts["session"].get("date", "2017-04-18"),
        "place": "United Nations Headquarters, New York",
        "title": texts["session"]["title"],
        "description": session_description,
        "speakers": SAMPLE_SPEAKERS,
        "panels": [
            {"id": "iom-idm-2017-panel-2", "number": 2, "title": panel_title(p2), "description": p2["description"]},
            {"id": "iom-idm-2017-panel-3", "number": 3, "title": panel_title(p3), "description": p3["description"]},
        ],
        "recordings": [
            {
                "id": "iom-idm-2017-04-18-panels-2-3-rec",
                "media": MEDIA,
                "duration_ms": DURATION_MS,
                "panels": [
                    {"panel": "iom-idm-2017-panel-2", "start_ms": 10_000, "end_ms": 50_000},
                    {"panel": "iom-idm-2017-panel-3", "start_ms": 50_000, "end_ms": 90_000},
                ],
                "chapters": [
                    {"start_ms": 0, "end_ms": 10_000, "title": {"en": "Opening", "fr": "Ouverture", "es": "Apertura"}},
                    {"start_ms": 10_000, "end_ms": 50_000, "title": panel_title(p2), "panel": "iom-idm-2017-panel-2"},
                    {"start_ms": 50_000, "end_ms": 90_000, "title": panel_title(p3), "panel": "iom-idm-2017-panel-3"},
                ],
                "audio_tracks": [
                    {"language": "en", "label": "English"},
                    {"language": "fr", "label": "Français"},
                    {"language": "es", "label": "Español"},
                ],
                "captions": [
                    {"language": lang, "label": label, "file": f"media/idm2017-panel-2-3.{lang}.vtt"}
                    for lang, label in (("en", "English"), ("fr", "Français"), ("es", "Español"))
                ],
                "interventions": sample_interventions(HERE / "media" / "idm2017-panel-2-3.en.vtt"),
            }
        ],
    }
    samples = []
    sample_topics = [
        ("2017-07-19", "Understanding migrant vulnerabilities", "Comprendre les vulnérabilités des migrants", "Comprender las vulnerabilidades de los migrantes"),
        ("2016-10-11", "Follow-up and review of migration in the SDGs", "Suivi et examen de la migration dans les ODD", "Seguimiento y examen de la migración en los ODS"),
        ("2016-02-29", "Migrants and cities", "Les migrants et les villes", "Los migrantes y las ciudades"),
        ("2015-10-07", "Human mobility and climate", "Mobilité humaine et climat", "Movilidad humana y clima"),
    ]
    for i, (date, en, fr, es) in enumerate(sample_topics, 1):
        samples.append(
            {
                "id": f"sample-session-{i}",
                "date": date,
                "sample": True,
                "title": {"en": f"Sample session: {en}", "fr": f"Session d'exemple : {fr}", "es": f"Sesión de ejemplo: {es}"},
                "description": {
                    "en": "Sample content for trying vod-app: not a real session. Its recording replays the built-in sample video.",
                    "fr": "Contenu d'exemple pour essayer vod-app : ce n'est pas une vraie session. Son enregistrement rejoue la vidéo d'exemple intégrée.",
                    "es": "Contenido de ejemplo para probar vod-app: no es una sesión real. Su grabación reproduce el vídeo de ejemplo integrado.",
                },
                "recordings": [{"id": f"sample-session-{i}-rec", "media": MEDIA, "duration_ms": DURATION_MS}],
            }
        )
    return french_spacing({"format": "vod-app-catalog", "version": 1, "language": "en", "events": [event], "sessions": [session, *samples]})


def french_spacing(node: object, french: bool = False) -> object:
    """French texts take a no-break space before : ; ! ? (the app's own strings do; tests/ui/
    test_translations.py checks those), also where the source texts have a plain one."""
    if isinstance(node, dict):
        return {k: french_spacing(v, french or k == "fr") for k, v in node.items()}
    if isinstance(node, list):
        return [french_spacing(v, french) for v in node]
    if isinstance(node, str) and french:
        return re.sub(r" ([:;!?])", "\u00a0\\1", node)
    return node


def main() -> None:
    out = HERE / "catalog.json"
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
