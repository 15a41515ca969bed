"""A speaker's continued remarks on one target are one Statement (continued_remarks.py): sentences
of our own, each with the number of Statements the speaker's run must make and the targets and
speakers expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract, parse_article

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities

#: (name, text, the Statements expected as (speaker, first target), in order)
FOLDED = [
    ("he-added", ("Mexico expelled the Ecuadorian ambassador on Monday. Mexico's foreign minister, Alicia Barcena, "
     "said Ecuador had violated international law. She added that Mexico would take the case to the "
     "International Court of Justice."), [("alicia-barcena", "ecuador")]),
    ("quote-after-paraphrase", ("Peru recalled its ambassador from Caracas on Tuesday. Peru's foreign minister, "
     "Ana Cecilia Gervasi, called the Venezuelan remarks an insult. \"We will not accept lectures from Caracas,\" "
     "she said."), [("ana-cecilia-gervasi", "venezuela")]),
    ("second-quotation", ("Ghana expelled two Togolese diplomats on Friday. \"Togo has crossed a line,\" Ghana's "
     "foreign minister, Kofi Mensah, told reporters. \"Togo must respect our sovereignty,\" Mensah said."),
     [("kofi-mensah", "togo")]),
    ("ministry-then-capital", ("Algeria broke off relations with Morocco on Tuesday. Morocco's foreign ministry condemned Algeria's decision on Wednesday. Rabat "
     "said the move was unjustified and harmed the region."), [("morocco", "algeria")]),
    ("ministry-then-it", ("Brazil recalled its ambassador from Israel on Monday. Israel's foreign ministry called "
     "the move regrettable. It said Brazil had sided with Hamas."), [("israel", "brazil")]),
    # a quotation with "we" acting, but the act denied, announces nothing: it goes on with the first remark
    ("own-act-denied", ("Togo expelled the Ghanaian ambassador on Friday. Ghana's foreign minister, Kofi Mensah, said "
     "Togo had insulted the Ghanaian people. \"We are not breaking relations with Togo,\" he added."), [("kofi-mensah", "togo")]),
    # ... nor does one with "we" acting in the future: a plan, not an act done
    ("own-act-planned", ("Chile's president, Rosa Vidal, said on Monday that the coup in Bolivia was a disgrace. "
     "\"I will break relations with La Paz,\" she said."), [("rosa-vidal", "bolivia")]),
    # ... nor do the quoted words of a remark told first without them (remarks.py)
    ("words-after-remark-without-words", ("Togo expelled the Ghanaian ambassador on Friday. Ghana's foreign minister, "
     "Kofi Mensah, condemned the expulsion. \"It is an insult to our people,\" he said."), [("kofi-mensah", "togo")]),
]
#: remarks that stay apart: another speaker between, a new day, a new target, a later occasion, a
#: ministry's spokesman after the ministry ("interleaved": the extractor codes no Statement for the
#: third sentence's quotation today, with or without the fold; the second speaker's must stay)
APART = [
    ("interleaved", ("Mexico expelled the Ecuadorian ambassador on Monday. Mexico's foreign minister, Alicia Barcena, "
     "said Ecuador had violated international law. Ecuador's foreign minister, Gabriela Sommerfeld, said Mexico "
     "had abused its embassy. \"Ecuador has shamed the region,\" Barcena said."), 2),
    ("new-day", ("Peru recalled its ambassador from Caracas on Tuesday. On Tuesday, Peru's foreign minister, Ana "
     "Cecilia Gervasi, said Venezuela had insulted her country. On Thursday she said Venezuela had to apologise."), 2),
    ("new-target", ("Honduras broke off relations with Taiwan on Sunday. Taiwan's foreign minister, Joseph Wu, said "
     "Honduras had asked for billions in aid. He also accused China of buying Taiwan's allies."), 2),
    ("later-occasion", ("Israel declared Lula persona non grata on Monday. Foreign Minister Israel Katz said Brazil's "
     "president had insulted the memory of the Holocaust. \"We will not forget,\" Katz said afterwards."), 2),
    # a later remark whose words announce the speaker's own act (coded or not) is a remark of its own
    ("own-act-announced", ("Togo expelled the Ghanaian ambassador on Friday. Ghana's foreign minister, Kofi Mensah, said "
     "Togo had insulted the Ghanaian people. \"We have decided to recall our ambassador from Lomé,\" he added."), 2),
    ("own-act-after-remark-without-words", ("Togo expelled the Ghanaian ambassador on Friday. Ghana's foreign minister, "
     "Kofi Mensah, condemned the expulsion. \"I have decided to break relations with Lomé,\" he said."), 2),
    ("spokesman-after-ministry", ("Brazil recalled its ambassador from Israel on Monday. Israel's foreign ministry "
     "called the move regrettable. Its spokesman, Lior Haiat, said Brazil had sided with terrorists."), 2),
]


def statements(text: str):
    article = parse_article(text.encode("utf-8"), published="2025-11-07")
    return [e for e in extract(article, REGISTRY, "test").events if e.type == "Statement"]


@pytest.mark.parametrize("name, text, expected", FOLDED, ids=[f[0] for f in FOLDED])
def test_continued_remarks_are_one_statement(name, text, expected):
    found = statements(text)
    assert [(e.agent[0], e.target[0]) for e in found] == expected
    assert len(found[0].sentences) == 2 and len(found[0].evidence) == 2  # the folded sentence kept as evidence


@pytest.mark.parametrize("name, text, count", APART, ids=[a[0] for a in APART])
def test_remarks_stay_apart(name, text, count):
    assert len(statements(text)) == count


def test_later_remark_naming_the_target_gives_the_evidence():
    """'It called the move regrettable. It said Brazil ...': only the second names Brazil."""
    found = statements(FOLDED[4][1])
    assert "Brazil had sided" in found[0].evidence[0]
    assert "regrettable" in found[0].evidence[1]


def test_a_new_date_told_dates_the_run_apart():
    found = statements(APART[1][1])
    assert [e.fields["date"]["value"] for e in found] == ["2025-11-04", "2025-11-06"]


def test_a_remark_that_takes_the_target_of_its_sentences_other_remark_keeps_its_own_proposer():
    # "said ... and accused Libya of ...": one remark; the guessed target (the dispute's other side) gives
    # way to the named one, but the claim still says which stage proposed it first
    found = statements("Chad recalled its ambassador from Sudan on Tuesday. Sudan's foreign minister, Amal Idris, "
                       "said the week had been \"a bitter one\" and accused Libya of \"pouring oil on the fire\".")
    assert [(e.agent[0], e.target) for e in found] == [("amal-idris", ["libya"])]
    remark = found[0]
    assert remark.proposed_by == "statement:counterpart"
    assert remark.target_stage != remark.proposed_by and remark.target_stage.startswith("statement:")


#: (name, text, the Statements expected as (speaker, targets)): the same speaker's second speech verb in
#: the sentence its remark ends with, about a party that remark is about, is the same remark
#: (SAME_SENTENCE_SAME_PARTY); one about another party stays a remark of its own
SAME_SENTENCE = [
    ("envoy-then-his-state", ("The Russian foreign ministry said the British ambassador, Nigel Casey, had behaved "
     "\"like a spy\" and accused London of \"open hostility\"."), [("russia", ["nigel-casey", "united-kingdom"])]),
    ("envoy-then-his-state-called", ("Sweden protested on Monday over the arrest of a Swedish aid worker in Tehran. "
     "Iran's foreign ministry called the Swedish ambassador, Lars Berg, \"a liar\" "
     "and accused Stockholm of \"insulting Iranians\"."), [("sweden", ["iran"]), ("iran", ["lars-berg", "sweden"])]),
    ("envoy-then-another-state", ("The Russian foreign ministry said the British ambassador, Nigel Casey, had "
     "behaved \"like a spy\" and accused Kyiv of \"open hostility\"."),
     [("russia", ["nigel-casey", "united-kingdom"]), ("russia", ["ukraine"])]),
]


@pytest.mark.parametrize("name, text, expected", SAME_SENTENCE, ids=[s[0] for s in SAME_SENTENCE])
def test_a_second_speech_verb_about_the_same_party_is_the_same_remark(name, text, expected):
    assert [(e.agent[0], e.target) for e in statements(text)] == expected
