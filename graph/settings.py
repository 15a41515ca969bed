"""Where things are: every default can be overridden by an environment variable or an argument."""

from __future__ import annotations

import os
from pathlib import Path

from loaders.texts import TEXTS_ENV  # noqa: F401  (DIPLOGRAPH_TEXTS: the folder of article texts)

ROOT = Path(__file__).resolve().parent.parent

STORE_ENV = "DIPLOGRAPH_STORE"  # a backend string: oxigraph:PATH | memory: | sparql:URL
CORPUS_ENV = "DIPLOGRAPH_CORPUS"
QUERIES_ENV = "DIPLOGRAPH_QUERIES"


def default_store() -> str:
    return os.environ.get(STORE_ENV) or f"oxigraph:{Path('var') / 'diplograph.oxigraph'}"


def default_corpus() -> Path:
    return Path(os.environ.get(CORPUS_ENV) or ROOT / "corpus")


def default_queries() -> Path:
    return Path(os.environ.get(QUERIES_ENV) or ROOT / "queries")


def default_texts() -> Path | None:
    """$DIPLOGRAPH_TEXTS, else the shared seeds folder beside the repository when it exists."""
    value = os.environ.get(TEXTS_ENV)
    if value:
        return Path(value)
    sibling = ROOT.parent / "shared" / "seeds"
    return sibling if sibling.is_dir() else None
