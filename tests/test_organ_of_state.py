"""article_mentions.ORGAN_OF_STATE: an organ's words ending a longer capitalised name ("the Democratic
National Congress of X", a party) give no organ of the state; "the Parliament of X" still does."""

from __future__ import annotations

import pytest
from test_persons_found import extractor


def organs_of(text: str, state: str) -> list[str]:
    return sorted(e.label for e in extractor(text).gaz.entities.values() if e.new and e.attrs.get("organ_of") == state)


@pytest.mark.parametrize("text", [
    ("Kenya expelled Rwanda's ambassador on Monday. The Democratic National Congress of Rwanda, an opposition party, "
    "condemned the expulsion."),
    "Members of the Patriotic Senate of Rwanda movement marched in Kigali on Sunday against the expulsion.",
])
def test_an_organ_word_ending_a_name_is_no_organ(text):
    assert organs_of(text, "rwanda") == [], organs_of(text, "rwanda")


def test_the_organ_of_a_state_is_still_found():
    assert organs_of("Kenya expelled Rwanda's ambassador on Monday. On Tuesday the Parliament of Rwanda condemned "
                     "the expulsion.", "rwanda") != []


@pytest.mark.parametrize("text", [
    "Ecuador's Congress voted on Thursday to remove President Ana Ruiz from office.",
    "The Congress of Ecuador voted on Thursday to remove President Ana Ruiz from office.",
    "The Ecuadorian Congress voted on Thursday to remove President Ana Ruiz from office.",
])
def test_a_registry_legislature_of_the_state_is_found_by_its_word(text):
    """A registry whose legislature of Ecuador is named otherwise ("National Congress of Ecuador", our own
    entry): "X's Congress", "the Congress of X", "the X Congress" are that legislature, none is minted
    (the eval gives the extractor no such entry, so there it mints: graph/evaluate._same_organ)."""
    from pathlib import Path

    from diplograph.loaders.corpus import load_corpus
    from diplograph.loaders.extract.pipeline import extract
    from diplograph.loaders.extract.text import Article
    from diplograph.loaders.schema import EntityRecord

    registry = dict(load_corpus(Path(__file__).resolve().parents[1] / "corpus", texts=None).entities)
    registry["national-congress-of-ecuador"] = EntityRecord(
        id="national-congress-of-ecuador", type="Legislature", label="National Congress of Ecuador", organ_of="ecuador")
    x = extract(Article(None, text, published="2025-11-07"), registry, "organ-test")
    assert [(e.type, e.agent) for e in x.events] == [("RemovalFromOffice", ["national-congress-of-ecuador"])]
    assert not [e for e in x.entities if e.attrs.get("organ_of") == "ecuador"]
