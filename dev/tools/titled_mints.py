"""Persons minted under a title: how many persons the extractor mints (eval's path, eval's registry)
carry a title in their label ("Prime Minister X"), and how many events carry one.  Such an id is a
second id for a person the registry or another article knows by the name alone.  Each is checked
against eval's registry (corpus/) and the development corpus's reviewed registry.  Ids are printed
only with --show on the rules split; the held-out split prints counts only::

    .venv/bin/python dev/tools/titled_mints.py --split rules [--show]
    .venv/bin/python dev/tools/titled_mints.py --split heldout
"""

from __future__ import annotations

import argparse
from pathlib import Path

from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract, read_article
from diplograph.loaders.extract.gazetteer import fold
from diplograph.loaders.extract.parse import parse_many
from diplograph.loaders.extract.titles import TITLES

ROOT = Path(__file__).resolve().parents[2]


def untitled(label: str) -> str:
    """The label without the titles that open it (longest first), as long as a word is left."""
    words = label.split()
    while len(words) > 1:
        k = next((k for k in range(min(4, len(words) - 1), 0, -1)
                  if " ".join(words[:k]).lower().rstrip(".") in TITLES), 0)
        if not k:
            break
        words = words[k:]
    return " ".join(words)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("rules", "heldout"), required=True)
    ap.add_argument("--show", action="store_true", help="list the ids (rules split only)")
    args = ap.parse_args()
    corpus = ROOT / "dev" / "corpus"
    gold = load_corpus(corpus, corpus / "texts")
    known = load_corpus(ROOT / "corpus", texts=None).entities

    def names(entities) -> set[str]:
        return {fold(n).strip() for e in entities.values() for n in {e.label} | set(e.aliases)}

    registries = {"eval registry": names(known), "reviewed registry": names(gold.entities)}
    sources = [s for s in gold.sources if s.split == args.split]
    articles = [read_article(corpus / "texts" / s.file, published=s.published.value if s.published else None)
                for s in sources]
    persons = events = 0
    in_registry = {k: [0, 0] for k in registries}
    shown = []
    for source, article, doc in zip(sources, articles, parse_many([a.text for a in articles])):
        extraction = extract(article, known, source.id, doc=doc)
        titled = {e.id: untitled(e.label) for e in extraction.entities
                  if e.type == "Person" and untitled(e.label) != e.label}
        persons += len(titled)
        for k, registry in registries.items():
            in_registry[k][0] += sum(fold(n).strip() in registry for n in titled.values())
        for event in extraction.events:
            ids = [i for i in event.agent + event.target if i in titled]
            if not ids:
                continue
            events += 1
            for k, registry in registries.items():
                in_registry[k][1] += any(fold(titled[i]).strip() in registry for i in ids)
            shown.append(f"  {source.id[:6]} {event.type} {ids}")
    print(f"{args.split}: {persons} minted persons with a title in their label, {events} events carry one")
    for k, (p, e) in in_registry.items():
        print(f"  untitled name in the {k}: {p} persons, {e} events")
    if args.show and args.split == "rules":
        print("\n".join(shown))


if __name__ == "__main__":
    main()
