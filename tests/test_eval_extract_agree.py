"""`diplograph eval` scores what `diplograph extract` gives a user: the same article and registry
yield the same events and the same ids on both paths; and a person the article introduces by a
title of several words ("Prime Minister X al-Y") is minted under the name alone, so one person
does not get a new id for every title an article gives them (names.fuller_form, name_openers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import one_article_corpus
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import parse_article
from diplograph.loaders.extract.pipeline import _Extractor
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities

ARTICLE = """Lebanon recalls envoy from Damascus

BEIRUT, March 3 (Test Wire) — Lebanon recalled its ambassador from Damascus on Tuesday. Prime Minister \
Rashid al-Hakimi condemned the shelling of border villages by Syrian troops. A day later Interior Minister \
Samir el-Khatib said the government would expel two Syrian diplomats.
"""


def _events(events) -> set[tuple]:
    return {(e.type, tuple(e.agent), tuple(e.target)) for e in events}


def test_eval_and_extract_give_the_same_events_and_ids(tmp_path):
    from diplograph.graph.evaluate import evaluate
    from diplograph.graph.extraction import extract_articles

    corpus, texts = one_article_corpus(tmp_path, ARTICLE, "Lebanon recalls envoy", "Test Wire", "2025-03-04")
    (article,) = evaluate(corpus, texts, registry_dir=ROOT / "corpus").articles
    (extracted,) = extract_articles([texts / "a.txt"], tmp_path / "out", corpus_dir=ROOT / "corpus",
                                    published="2025-03-04")
    claims = YAML(typ="safe").load(Path(extracted.claims_file).read_text(encoding="utf-8"))["claims"]
    on_extract = {(c["type"], tuple([c["agent"]] if isinstance(c.get("agent"), str) else c.get("agent") or []),
                   tuple([c["target"]] if isinstance(c.get("target"), str) else c.get("target") or []))
                  for c in claims if "event" in c}
    on_eval = _events(article.extracted_events)
    assert on_eval and on_eval == on_extract
    assert ("Statement", ("rashid-al-hakimi",), ("syria",)) in on_eval
    assert "rashid-al-hakimi" in article.minted


PADDING = ("The dispute has deepened over the past weeks, analysts in the region said, and both governments "
           "have traded accusations about the case at the centre of it.")


def minted(text: str) -> dict:
    ex = _Extractor(parse_article((text + " " + PADDING).encode("utf-8"), published="2025-11-07"), REGISTRY, "test")
    ex.run()
    return {k: e.label for k, e in ex.gaz.entities.items() if e.new and e.type == "Person"}


@pytest.mark.parametrize("text,person,label", [
    # subject of a speech verb
    ("Prime Minister Rashid al-Hakimi condemned the raid on Monday.", "rashid-al-hakimi", "Rashid al-Hakimi"),
    # object of an act, with a title of three words
    ("Jordan summoned Deputy Prime Minister Omar el-Fayed over the remarks.", "omar-el-fayed", "Omar el-Fayed"),
    # agent of a passive
    ("The envoy was expelled on Friday by Foreign Minister Youssef al-Amiri, the ministry said.", "youssef-al-amiri",
     "Youssef al-Amiri"),
    # the object of a preposition, a relative clause after it
    ("The ambassador met Vice President Hassan al-Tamimi, who later criticised Iraq.", "hassan-al-tamimi",
     "Hassan al-Tamimi"),
    # a fronted adjunct, and the title again later
    (("After the vote, Secretary of State Karim al-Nasser told reporters the embassy would close. "
     "Al-Nasser later left for Cairo."), "karim-al-nasser", "Karim al-Nasser"),
])
def test_a_person_titled_by_several_words_is_minted_under_the_name(text, person, label):
    persons = minted(text)
    assert persons.get(person) == label, persons
    assert not any(i.endswith(person) and i != person for i in persons), persons



@pytest.mark.parametrize("text,person", [
    # a rank after a title, in apposition
    ("The army chief, General Okonkwo, said the soldiers would return to barracks.", "okonkwo"),
    # the name first, the title after it
    ("Colonel Diallo, the junta leader, ordered the French ambassador to leave within 72 hours.", "diallo"),
    # a possessive before the title
    ("Mali's junta leader, Colonel Diallo, expelled the French ambassador on Monday.", "diallo"),
])
def test_a_rank_before_a_one_word_name_after_a_title_is_no_part_of_it(text, person):
    persons = minted(text)
    assert person in persons and not any(i.endswith("-" + person) for i in persons), persons


def test_a_two_word_name_after_a_title_keeps_both_words():
    """Only a title word is left out: an ordinary given name stays ('the foreign minister, Ana Ruiz')."""
    assert "ana-ruiz" in minted("The foreign minister, Ana Ruiz, expelled the Chilean consul on Monday.")
