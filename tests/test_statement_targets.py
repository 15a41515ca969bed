"""Whom a Statement is about (loaders/extract/statement_targets.py): exact target lists, where the
checklist's "shares a value" cannot tell a right target from one with a wrong one beside it.  Every
sentence here is our own."""

from __future__ import annotations

from pathlib import Path

from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract, parse_article

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities


def statements(text: str) -> list[tuple[list[str], list[str]]]:
    article = parse_article(text.encode("utf-8"), published="2025-11-07")
    return [(e.agent, e.target) for e in extract(article, REGISTRY, "test").events if e.type == "Statement"]


def test_a_participle_giving_the_reason_for_an_act_is_about_the_acts_target():
    found = statements("The United Arab Emirates broke off relations with Qatar on Monday, saying the emirate had "
                       "sheltered the Egyptian preacher Yusuf Hamdi for years.")
    assert found == [(["united-arab-emirates"], ["qatar"])], found


def test_a_counted_group_is_each_of_its_states():
    found = statements("Saudi Arabia and Kuwait broke off relations with Egypt on Monday. Egypt's foreign ministry "
                       "said the two governments had bowed to pressure from abroad.")
    assert [sorted(t) for _, t in found] == [["kuwait", "saudi-arabia"]], found


def test_an_official_who_announced_the_act_is_of_its_authors_side():
    found = statements("Kenya broke off diplomatic relations with Somalia on Monday. Prime Minister Musa Odhiambo "
                       "announced the break on television. \"Nobody insults a Kenyan envoy and goes unanswered,\" "
                       "Odhiambo told reporters.")
    assert [t for _, t in found] == [["somalia"]], found
