"""Where things are: every default can be overridden by an environment variable or an argument.

User data (the corpus, the store, extracted claims) is found relative to the current folder;
what the commands themselves need (stored queries, the ontology, the seed registry) travels
inside the package and is found through :mod:`importlib.resources`, so an installed wheel works
from any folder.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from diplograph.loaders.texts import TEXTS_ENV

STORE_ENV = "DIPLOGRAPH_STORE"  # a backend string: oxigraph:PATH | memory: | sparql:URL
CORPUS_ENV = "DIPLOGRAPH_CORPUS"
QUERIES_ENV = "DIPLOGRAPH_QUERIES"


def package_folder(package: str) -> Path:
    """The folder of a package's data files (``diplograph.queries``, ``diplograph.ontology``…)."""
    return Path(str(resources.files(package)))


def default_store() -> str:
    return os.environ.get(STORE_ENV) or f"oxigraph:{Path('var') / 'diplograph.oxigraph'}"


def default_corpus() -> Path:
    """``$DIPLOGRAPH_CORPUS``, else ``./corpus`` in the current folder."""
    return Path(os.environ.get(CORPUS_ENV) or "corpus")


def seed_corpus() -> Path:
    """The seed corpus shipped with the package (its registry is what ``init`` starts from)."""
    return package_folder("diplograph.corpus")


def registry_corpus(corpus: str | Path | None = None) -> Path:
    """The corpus whose entity registry the extractor resolves actors against: ``corpus`` when
    given, else ``./corpus`` (or $DIPLOGRAPH_CORPUS) when it exists, else the shipped seed corpus,
    so that ``diplograph extract`` works from any folder."""
    if corpus is not None:
        return Path(corpus)
    own = default_corpus()
    return own if own.is_dir() else seed_corpus()


def default_queries() -> Path:
    """``$DIPLOGRAPH_QUERIES``, else the stored queries shipped with the package."""
    return Path(os.environ.get(QUERIES_ENV) or package_folder("diplograph.queries"))


def project_texts(corpus: str | Path | None = None) -> Path:
    """The texts folder of a project (``diplograph init``): ``texts/`` beside its corpus folder."""
    return Path(corpus if corpus is not None else default_corpus()).absolute().parent / "texts"


def default_texts(corpus: str | Path | None = None) -> Path | None:
    """The project's ``texts/`` beside the corpus (``./texts`` for ``./corpus``) when it exists, else
    ``$DIPLOGRAPH_TEXTS``, else ``../shared/seeds`` beside the current folder when it exists.

    The project's own folder comes first so that, inside a folder made by ``diplograph init``,
    ``diplograph build`` finds the articles reviewed there whatever ``$DIPLOGRAPH_TEXTS`` says.
    """
    own = project_texts(corpus)
    if own.is_dir():
        return own
    value = os.environ.get(TEXTS_ENV)
    if value:
        return Path(value)
    sibling = Path("..") / "shared" / "seeds"
    return sibling.resolve() if sibling.is_dir() else None
