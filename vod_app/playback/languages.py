"""Language codes for tracks: ISO 639-2 (as containers store them) to BCP 47 primary subtags.

The table is ISO 639-2 entries that have a two-letter ISO 639-1 code (from Debian's iso-codes);
three-letter codes without a two-letter equivalent are valid BCP 47 subtags and pass through.
"""

from __future__ import annotations

import re

# two-letter code: (ISO 639-2/T, ISO 639-2/B or "", English name(s) separated by "; ")
_ISO639: dict[str, tuple[str, str, str]] = {
    "aa": ("aar", "", "Afar"),
    "ab": ("abk", "", "Abkhazian"),
    "af": ("afr", "", "Afrikaans"),
    "ak": ("aka", "", "Akan"),
    "am": ("amh", "", "Amharic"),
    "ar": ("ara", "", "Arabic"),
    "an": ("arg", "", "Aragonese"),
    "as": ("asm", "", "Assamese"),
    "av": ("ava", "", "Avaric"),
    "ae": ("ave", "", "Avestan"),
    "ay": ("aym", "", "Aymara"),
    "az": ("aze", "", "Azerbaijani"),
    "ba": ("bak", "", "Bashkir"),
    "bm": ("bam", "", "Bambara"),
    "be": ("bel", "", "Belarusian"),
    "bn": ("ben", "", "Bengali"),
    "bh": ("bih", "", "Bihari languages"),
    "bi": ("bis", "", "Bislama"),
    "bo": ("bod", "tib", "Tibetan"),
    "bs": ("bos", "", "Bosnian"),
    "br": ("bre", "", "Breton"),
    "bg": ("bul", "", "Bulgarian"),
    "ca": ("cat", "", "Catalan; Valencian"),
    "cs": ("ces", "cze", "Czech"),
    "ch": ("cha", "", "Chamorro"),
    "ce": ("che", "", "Chechen"),
    "cu": ("chu", "", "Church Slavic; Old Slavonic; Church Slavonic; Old Bulgarian; Old Church Slavonic"),
    "cv": ("chv", "", "Chuvash"),
    "kw": ("cor", "", "Cornish"),
    "co": ("cos", "", "Corsican"),
    "cr": ("cre", "", "Cree"),
    "cy": ("cym", "wel", "Welsh"),
    "da": ("dan", "", "Danish"),
    "de": ("deu", "ger", "German"),
    "dv": ("div", "", "Divehi; Dhivehi; Maldivian"),
    "dz": ("dzo", "", "Dzongkha"),
    "el": ("ell", "gre", "Greek, Modern (1453-)"),
    "en": ("eng", "", "English"),
    "eo": ("epo", "", "Esperanto"),
    "et": ("est", "", "Estonian"),
    "eu": ("eus", "baq", "Basque"),
    "ee": ("ewe", "", "Ewe"),
    "fo": ("fao", "", "Faroese"),
    "fa": ("fas", "per", "Persian"),
    "fj": ("fij", "", "Fijian"),
    "fi": ("fin", "", "Finnish"),
    "fr": ("fra", "fre", "French"),
    "fy": ("fry", "", "Western Frisian"),
    "ff": ("ful", "", "Fulah"),
    "gd": ("gla", "", "Gaelic; Scottish Gaelic"),
    "ga": ("gle", "", "Irish"),
    "gl": ("glg", "", "Galician"),
    "gv": ("glv", "", "Manx"),
    "gn": ("grn", "", "Guarani"),
    "gu": ("guj", "", "Gujarati"),
    "ht": ("hat", "", "Haitian; Haitian Creole"),
    "ha": ("hau", "", "Hausa"),
    "he": ("heb", "", "Hebrew"),
    "hz": ("her", "", "Herero"),
    "hi": ("hin", "", "Hindi"),
    "ho": ("hmo", "", "Hiri Motu"),
    "hr": ("hrv", "", "Croatian"),
    "hu": ("hun", "", "Hungarian"),
    "hy": ("hye", "arm", "Armenian"),
    "ig": ("ibo", "", "Igbo"),
    "io": ("ido", "", "Ido"),
    "ii": ("iii", "", "Sichuan Yi; Nuosu"),
    "iu": ("iku", "", "Inuktitut"),
    "ie": ("ile", "", "Interlingue; Occidental"),
    "ia": ("ina", "", "Interlingua (International Auxiliary Language Association)"),
    "id": ("ind", "", "Indonesian"),
    "ik": ("ipk", "", "Inupiaq"),
    "is": ("isl", "ice", "Icelandic"),
    "it": ("ita", "", "Italian"),
    "jv": ("jav", "", "Javanese"),
    "ja": ("jpn", "", "Japanese"),
    "kl": ("kal", "", "Kalaallisut; Greenlandic"),
    "kn": ("kan", "", "Kannada"),
    "ks": ("kas", "", "Kashmiri"),
    "ka": ("kat", "geo", "Georgian"),
    "kr": ("kau", "", "Kanuri"),
    "kk": ("kaz", "", "Kazakh"),
    "km": ("khm", "", "Central Khmer"),
    "ki": ("kik", "", "Kikuyu; Gikuyu"),
    "rw": ("kin", "", "Kinyarwanda"),
    "ky": ("kir", "", "Kirghiz; Kyrgyz"),
    "kv": ("kom", "", "Komi"),
    "kg": ("kon", "", "Kongo"),
    "ko": ("kor", "", "Korean"),
    "kj": ("kua", "", "Kuanyama; Kwanyama"),
    "ku": ("kur", "", "Kurdish"),
    "lo": ("lao", "", "Lao"),
    "la": ("lat", "", "Latin"),
    "lv": ("lav", "", "Latvian"),
    "li": ("lim", "", "Limburgan; Limburger; Limburgish"),
    "ln": ("lin", "", "Lingala"),
    "lt": ("lit", "", "Lithuanian"),
    "lb": ("ltz", "", "Luxembourgish; Letzeburgesch"),
    "lu": ("lub", "", "Luba-Katanga"),
    "lg": ("lug", "", "Ganda"),
    "mh": ("mah", "", "Marshallese"),
    "ml": ("mal", "", "Malayalam"),
    "mr": ("mar", "", "Marathi"),
    "mk": ("mkd", "mac", "Macedonian"),
    "mg": ("mlg", "", "Malagasy"),
    "mt": ("mlt", "", "Maltese"),
    "mn": ("mon", "", "Mongolian"),
    "mi": ("mri", "mao", "Maori"),
    "ms": ("msa", "may", "Malay"),
    "my": ("mya", "bur", "Burmese"),
    "na": ("nau", "", "Nauru"),
    "nv": ("nav", "", "Navajo; Navaho"),
    "nr": ("nbl", "", "Ndebele, South; South Ndebele"),
    "nd": ("nde", "", "Ndebele, North; North Ndebele"),
    "ng": ("ndo", "", "Ndonga"),
    "ne": ("nep", "", "Nepali"),
    "nl": ("nld", "dut", "Dutch; Flemish"),
    "nn": ("nno", "", "Norwegian Nynorsk; Nynorsk, Norwegian"),
    "nb": ("nob", "", "Bokmål, Norwegian; Norwegian Bokmål"),
    "no": ("nor", "", "Norwegian"),
    "ny": ("nya", "", "Chichewa; Chewa; Nyanja"),
    "oc": ("oci", "", "Occitan (post 1500); Provençal"),
    "oj": ("oji", "", "Ojibwa"),
    "or": ("ori", "", "Oriya"),
    "om": ("orm", "", "Oromo"),
    "os": ("oss", "", "Ossetian; Ossetic"),
    "pa": ("pan", "", "Panjabi; Punjabi"),
    "pi": ("pli", "", "Pali"),
    "pl": ("pol", "", "Polish"),
    "pt": ("por", "", "Portuguese"),
    "ps": ("pus", "", "Pushto; Pashto"),
    "qu": ("que", "", "Quechua"),
    "rm": ("roh", "", "Romansh"),
    "ro": ("ron", "rum", "Romanian; Moldavian; Moldovan"),
    "rn": ("run", "", "Rundi"),
    "ru": ("rus", "", "Russian"),
    "sg": ("sag", "", "Sango"),
    "sa": ("san", "", "Sanskrit"),
    "si": ("sin", "", "Sinhala; Sinhalese"),
    "sk": ("slk", "slo", "Slovak"),
    "sl": ("slv", "", "Slovenian"),
    "se": ("sme", "", "Northern Sami"),
    "sm": ("smo", "", "Samoan"),
    "sn": ("sna", "", "Shona"),
    "sd": ("snd", "", "Sindhi"),
    "so": ("som", "", "Somali"),
    "st": ("sot", "", "Sotho, Southern"),
    "es": ("spa", "", "Spanish; Castilian"),
    "sq": ("sqi", "alb", "Albanian"),
    "sc": ("srd", "", "Sardinian"),
    "sr": ("srp", "", "Serbian"),
    "ss": ("ssw", "", "Swati"),
    "su": ("sun", "", "Sundanese"),
    "sw": ("swa", "", "Swahili"),
    "sv": ("swe", "", "Swedish"),
    "ty": ("tah", "", "Tahitian"),
    "ta": ("tam", "", "Tamil"),
    "tt": ("tat", "", "Tatar"),
    "te": ("tel", "", "Telugu"),
    "tg": ("tgk", "", "Tajik"),
    "tl": ("tgl", "", "Tagalog"),
    "th": ("tha", "", "Thai"),
    "ti": ("tir", "", "Tigrinya"),
    "to": ("ton", "", "Tonga (Tonga Islands)"),
    "tn": ("tsn", "", "Tswana"),
    "ts": ("tso", "", "Tsonga"),
    "tk": ("tuk", "", "Turkmen"),
    "tr": ("tur", "", "Turkish"),
    "tw": ("twi", "", "Twi"),
    "ug": ("uig", "", "Uighur; Uyghur"),
    "uk": ("ukr", "", "Ukrainian"),
    "ur": ("urd", "", "Urdu"),
    "uz": ("uzb", "", "Uzbek"),
    "ve": ("ven", "", "Venda"),
    "vi": ("vie", "", "Vietnamese"),
    "vo": ("vol", "", "Volapük"),
    "wa": ("wln", "", "Walloon"),
    "wo": ("wol", "", "Wolof"),
    "xh": ("xho", "", "Xhosa"),
    "yi": ("yid", "", "Yiddish"),
    "yo": ("yor", "", "Yoruba"),
    "za": ("zha", "", "Zhuang; Chuang"),
    "zh": ("zho", "chi", "Chinese"),
    "zu": ("zul", "", "Zulu"),
}

_UNDETERMINED = frozenset({"", "und", "zxx", "mis", "qaa", "unknown", "n/a", "none"})

_ALPHA3_TO_2: dict[str, str] = {}
_NAME_TO_2: dict[str, str] = {}
for _two, (_t, _b, _names) in _ISO639.items():
    _ALPHA3_TO_2[_t] = _two
    if _b:
        _ALPHA3_TO_2[_b] = _two
    for _name in _names.split("; "):
        _NAME_TO_2.setdefault(_name.casefold(), _two)
        # "Greek, Modern (1453-)" -> also "Greek, Modern" (VLC's spelling) and "Greek"
        _NAME_TO_2.setdefault(_name.split(" (")[0].casefold(), _two)
        _NAME_TO_2.setdefault(_name.split(",")[0].casefold(), _two)
# Spellings in VLC's own table (vlc_iso_lang.h) that differ from ISO 639-2's.
_NAME_TO_2.update({"norwegian bokmaal": "nb", "panjabi": "pa", "punjabi": "pa", "flemish": "nl"})

_TAG_RE = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def normalise_language(code: str | bytes | None) -> str | None:
    """'eng' -> 'en', 'fre'/'fra' -> 'fr', 'pt-br' -> 'pt-BR', 'und'/'' -> None.

    Unknown but well-formed codes are kept (lower-case primary subtag); malformed ones give None.
    """
    if code is None:
        return None
    if isinstance(code, bytes):
        code = code.decode("utf-8", "replace")
    code = code.strip()
    if code.casefold() in _UNDETERMINED or not _TAG_RE.match(code):
        return None
    primary, *rest = re.split(r"[-_]", code)
    primary = primary.lower()
    if primary in _UNDETERMINED:
        return None
    primary = _ALPHA3_TO_2.get(primary, primary)
    subtags = [primary]
    for sub in rest:
        if len(sub) == 2 and sub.isalpha():
            subtags.append(sub.upper())  # region
        elif len(sub) == 4 and sub.isalpha():
            subtags.append(sub.title())  # script
        else:
            subtags.append(sub.lower())
    return "-".join(subtags)


def language_from_name(name: str | None) -> str | None:
    """English language name as VLC prints it ('French', 'Greek, Modern') -> 'fr', 'el'."""
    if not name:
        return None
    return _NAME_TO_2.get(name.strip().casefold())


def same_language(a: str | None, b: str | None) -> bool:
    """True when two codes share their primary language ('fr' ~ 'fr-CA' ~ 'fre')."""
    na, nb = normalise_language(a), normalise_language(b)
    if na is None or nb is None:
        return False
    return na.split("-")[0] == nb.split("-")[0]


_TRACK_NAME_RE = re.compile(r"^(?P<label>.*?)\s*-\s*\[(?P<lang>[^\]]+)\]$")
_GENERIC_TRACK_RE = re.compile(r"^Track \d+$")


def split_track_name(name: str | None) -> tuple[str | None, str | None]:
    """VLC track description -> (label, language code).

    'Français - [French]' -> ('Français', 'fr'); 'Track 1 - [English]' -> (None, 'en');
    'Track 2' -> (None, None): VLC's generic names carry no information.
    """
    if not name:
        return None, None
    name = name.strip()
    label: str | None = name
    lang = None
    m = _TRACK_NAME_RE.match(name)
    if m:
        label = m.group("label").strip()
        lang = language_from_name(m.group("lang"))
    if not label or _GENERIC_TRACK_RE.match(label) or label == "Disable":
        label = None
    return label, lang
