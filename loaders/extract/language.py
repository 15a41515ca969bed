"""Which language the extractor reads, and where that language's data is.

A language is a data file plus a spaCy pipeline name: English is ``frames.yaml`` (with the lexicons
still in the code: titles, speech verbs, the date grammar), every other language a file
``languages/<code>.yaml`` holding its frames, its ``pipeline``, the words ``modality.py`` reads
clause structure by (speech verbs, verbs that make a clause no act yet, modals, negations; English's
modals and "going to" heads are in ``frames.yaml``) and the
language's own names of countries and demonyms (read by the gazetteer).
``DIPLOGRAPH_LANGUAGE`` chooses the language (default ``en``); the pipeline is then
``DIPLOGRAPH_SPACY_MODEL`` (English) or ``DIPLOGRAPH_SPACY_MODEL_<CODE>``, else the file's ``pipeline``.
Parsed documents carry their language (``doc.lang_``), so frames and structure follow the parse.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

LANGUAGE_ENV = "DIPLOGRAPH_LANGUAGE"
DEFAULT_LANGUAGE = "en"
HERE = Path(__file__).parent
LANGUAGES_DIR = HERE / "languages"
#: the structure words a language file gives (modality.py has the English ones built in)
STRUCTURE_KEYS = ("speech_verbs", "not_act_verbs", "modals", "negations", "hypothetical_marks")


class LanguageError(ValueError):
    """An unknown language or a language file that cannot be used: ``where: what (how to fix)``."""


@dataclass(frozen=True)
class StructureWords:
    speech_verbs: frozenset[str]
    not_act_verbs: frozenset[str]
    modals: frozenset[str]
    negations: frozenset[str]
    hypothetical_marks: frozenset[str]


def current_language() -> str:
    """The language chosen by ``DIPLOGRAPH_LANGUAGE`` (an ISO 639-1 code), default English."""
    code = (os.environ.get(LANGUAGE_ENV) or DEFAULT_LANGUAGE).strip().lower()
    language_file(code)  # an unknown language is refused here, with what is available
    return code


def available() -> list[str]:
    return sorted([DEFAULT_LANGUAGE] + [p.stem for p in LANGUAGES_DIR.glob("*.yaml")])


def language_file(code: str) -> Path:
    """The data file of a language: its frames and lexicon."""
    if code == DEFAULT_LANGUAGE:
        return HERE / "frames.yaml"
    path = LANGUAGES_DIR / f"{code}.yaml"
    if not re.fullmatch(r"[a-z]{2,3}", code) or not path.is_file():
        raise LanguageError(f"{LANGUAGE_ENV}={code}: no data for this language (available: {', '.join(available())}; "
                            f"add {LANGUAGES_DIR.name}/{code}.yaml to add one)")
    return path


@functools.lru_cache(maxsize=8)
def _data(code: str) -> dict:
    path = language_file(code)
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise LanguageError(f"{path}:1: cannot read the language file ({exc})") from None
    if not isinstance(data, dict) or data.get("language") != code:
        raise LanguageError(f"{path}:1: a language file is a mapping that begins 'language: {code}'")
    return data


def pipeline_name(code: str) -> str | None:
    """The spaCy pipeline the language's file names (``pipeline:``), if any."""
    name = _data(code).get("pipeline")
    return str(name) if name else None


@functools.lru_cache(maxsize=8)
def whole_words(code: str) -> tuple[str, ...]:
    """Hyphenated words the tokenizer must keep whole (``whole_words:`` in the language's file):
    split at the hyphen, "re-established" parses as a verb "re" and an adjective."""
    words = _data(code).get("whole_words") or []
    if not isinstance(words, list):
        raise LanguageError(f"{language_file(code)}: 'whole_words' must be a list of words (e.g. [re-establish])")
    forms = {str(w) for w in words}
    return tuple(sorted(forms | {w[:1].upper() + w[1:] for w in forms}))


@functools.lru_cache(maxsize=8)
def modal_roles(code: str) -> dict[str, frozenset[str]]:
    """A language's modal auxiliaries, each with the roles it plays (``modals:`` in English's file, a
    mapping of lemma to roles; another language's ``structure: modals:``, a list of words with no roles)."""
    path, data = language_file(code), _data(code)
    modals = data.get("modals") if code == DEFAULT_LANGUAGE else (data.get("structure") or {}).get("modals")
    if isinstance(modals, list):
        return {str(w).lower(): frozenset() for w in modals}
    if not isinstance(modals, dict) or not all(isinstance(r, list) for r in modals.values()):
        raise LanguageError(f"{path}: 'modals' must map each modal to a list of its roles (e.g. will: [forecast])")
    return {str(w).lower(): frozenset(str(r) for r in roles) for w, roles in modals.items()}


@functools.lru_cache(maxsize=8)
def future_heads(code: str) -> frozenset[str]:
    """Heads whose progressive with a to-infinitive tells the infinitive as still to come (``future_heads:``
    in the language's file: English "is going to expel"); none where the file gives none."""
    data = _data(code)
    words = data.get("future_heads") if code == DEFAULT_LANGUAGE else (data.get("structure") or {}).get("future_heads")
    return frozenset(str(w).lower() for w in words or ())


@functools.cache  # (asked per token by many modules, for more keys than a small LRU holds)
def english_words(key: str) -> frozenset[str]:
    """One of English's word lists in frames.yaml (``directive_heads``, ``ordered_departures``, ``telling_heads``), lower-cased;
    none where the file gives none."""
    return frozenset(str(w).lower() for w in _data(DEFAULT_LANGUAGE).get(key) or ())


@functools.lru_cache(maxsize=8)
def structure_words(code: str) -> StructureWords | None:
    """The words modality.py reads clauses by, for a language other than English (None for English,
    whose words are modality.py's own)."""
    if code == DEFAULT_LANGUAGE:
        return None
    path, data = language_file(code), _data(code)
    words = data.get("structure") or {}
    missing = [k for k in STRUCTURE_KEYS if not isinstance(words.get(k), list)]
    if missing:
        raise LanguageError(f"{path}: 'structure' lacks {', '.join(missing)} (give each as a list of words)")
    return StructureWords(*(frozenset(str(w).lower() for w in words[k]) for k in STRUCTURE_KEYS))


@functools.lru_cache(maxsize=16)
def world_words(code: str, key: str) -> dict[str, tuple[str, ...]]:
    """A language's own names of countries or demonyms (``country_names``, ``demonyms``): ISO 3166
    alpha-2 code → the forms, as the language file lists them."""
    path, data = language_file(code), _data(code)
    table = data.get(key) or {}
    if not isinstance(table, dict):
        raise LanguageError(f"{path}: '{key}' must map country codes to lists of words (e.g. MX: [México])")
    out = {}
    for country, forms in table.items():
        if not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)) or not isinstance(forms, list):
            raise LanguageError(f"{path}: '{key}': {country!r} is not an ISO country code with a list of words (e.g. MX: [México])")
        out[country] = tuple(str(f) for f in forms)
    return out
