"""A project folder of one's own (``diplograph init DIR``): where a user's articles and claims live.

The repository's seed corpus and the shared texts folder are read, never written, by the
commands; a user's reviewed articles go into a project made here, laid out as the defaults
expect, so that ``cd DIR && diplograph build`` finds ``./corpus``, ``./texts`` and ``./var``.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from diplograph import __version__

from .errors import DiplographError
from .settings import seed_corpus

SOURCES_HEADER = """\
# The articles of this project: metadata only (id, file, sha256, title or label, published...).
# `diplograph review` adds an article here when you accept claims from it; the format is
# described in corpus/README.md.
"""

README = """\
# A diplograph project

Made by `diplograph init` (diplograph {version}). Everything here is yours: the commands run
inside this folder read and write only this folder.

```
corpus/sources.yaml     the articles (metadata and SHA-256; `review` adds them)
corpus/entities.yaml    the entity registry (states, persons, posts...), copied from diplograph's seed registry
corpus/entities.d/      entities added later (`review` writes extracted.yaml there)
corpus/claims/          one file of reviewed claims per article (`review` writes them)
corpus/README.md        the file formats and the principles of a claim
texts/                  the article texts (`review` copies each accepted article here)
var/                    what the commands build: the store, extraction folders (safe to delete)
```

Read a new article, review what the extractor proposes, build, ask:

```sh
cd {name}
diplograph extract ARTICLE.txt --out var/extracted      # proposes claims; nothing joins the corpus yet
diplograph review var/extracted/claims/SOURCE.yaml      # accept, reject or edit each claim
diplograph build                                        # ./corpus + ./texts -> ./var/diplograph.oxigraph
diplograph query relations-ruptures -p state=Ecuador    # `diplograph queries` lists the questions
```

The ontology is the one shipped with diplograph {version}; `diplograph docs -o var/docs` writes
its documentation. To start again, delete this folder and run `diplograph init` once more.
"""


@dataclass
class Project:
    folder: Path
    corpus: Path
    texts: Path


def init_project(folder: str | Path) -> Project:
    """Create a project folder: an empty corpus with the seed registry, a texts folder, a README.

    Refuses a folder that exists and is not empty (nothing there is touched).  The project is
    assembled beside the target and moved into place, so a failure leaves no half-made folder.
    """
    target = Path(folder)
    if target.exists() or target.is_symlink():
        if not target.is_dir():
            raise DiplographError(f"{target}: exists and is not a folder (give a new folder name to `diplograph init`)")
        if any(target.iterdir()):
            raise DiplographError(f"{target}: the folder is not empty; `diplograph init` makes a new project and "
                                  "changes nothing that exists (give a new or empty folder)")
    place = target.absolute()  # "." is the current folder, by its name
    parent = place.parent
    if not parent.is_dir():
        raise DiplographError(f"{parent}: no such folder (create it first, or choose another place for the project)")
    staging = parent / f".{place.name}.init-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        corpus = staging / "corpus"
        (corpus / "claims").mkdir(parents=True)
        (corpus / "entities.d").mkdir()
        (staging / "texts").mkdir()
        seed = seed_corpus()
        shutil.copyfile(seed / "entities.yaml", corpus / "entities.yaml")
        if (seed / "README.md").is_file():
            shutil.copyfile(seed / "README.md", corpus / "README.md")
        (corpus / "sources.yaml").write_text(SOURCES_HEADER + "[]\n", encoding="utf-8")
        (staging / "README.md").write_text(README.format(version=__version__, name=place.name), encoding="utf-8")
        if target.exists():  # an empty folder (checked above), perhaps someone's current folder: fill it
            for child in sorted(staging.iterdir()):
                os.rename(child, target / child.name)
            staging.rmdir()
        else:
            os.rename(staging, target)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise DiplographError(f"{target}: could not create the project ({exc.strerror or exc}); "
                                  "nothing was left behind") from None
        raise
    return Project(target, target / "corpus", target / "texts")
