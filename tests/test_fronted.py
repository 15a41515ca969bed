"""Adjuncts before the subject (loaders/extract/fronted.py), on the parse: after the repairs the verb's
subject is the clause's subject, not the adjunct's date, place or source, and the adjunct keeps its
words; sentences of our own. (What the extractor finds in them: tests/checklist/fronted.yaml.)"""

from __future__ import annotations

import pytest
from diplograph.loaders.extract import repairs
from diplograph.loaders.extract.parse import parse


def _subject_and_adjunct(text: str, verb: str) -> tuple[str, str]:
    doc = parse(text)
    repairs.repair_verbs(doc)
    v = next(t for t in doc if t.text == verb)
    subject = next(c for c in v.children if c.dep_ in ("nsubj", "nsubjpass"))
    adjunct = next(c for c in v.lefts if c.dep_ == "prep" or (c.dep_ in ("advcl", "csubj") and c.tag_ == "VBG"))
    return subject.text, " ".join(t.text for t in adjunct.subtree if t.i < subject.left_edge.i)


@pytest.mark.parametrize("text,verb,subject,adjunct", [
    ("On Tuesday Ireland recognised the State of Palestine.", "recognised", "Ireland", "On Tuesday"),
    ("On 3 March Slovenia recognised the State of Palestine.", "recognised", "Slovenia", "On 3 March"),
    ("In a letter to the United Nations Dutch prosecutors charged Pavel Orlov with espionage.", "charged",
     "prosecutors", "In a letter to the United Nations"),
    ("Relations soured in May. In Lima prosecutors charged Ana Ruiz, a former minister, with fraud.", "charged",
     "prosecutors", "In Lima"),
    ("In a surprise move police in Ankara arrested Omar Saleh, a Syrian journalist.", "arrested", "police",
     "In a surprise move"),
    ("Shortly after midnight Kenya expelled two Somali diplomats.", "expelled", "Kenya", "after midnight"),
])
def test_the_subject_run_into_a_fronted_adjunct_is_the_verbs_again(text, verb, subject, adjunct):
    assert _subject_and_adjunct(text, verb) == (subject, adjunct)


def test_a_date_made_a_compound_on_the_subject_is_the_prepositions_object_again():
    doc = parse("On Monday Peru expelled the Mexican ambassador.")
    repairs.repair_verbs(doc)
    monday = next(t for t in doc if t.text == "Monday")
    assert (monday.dep_, monday.head.text) == ("pobj", "On")
    assert next(t for t in doc if t.text == "Peru").dep_ == "nsubj"


def test_a_name_between_commas_after_a_fronted_adjunct_is_the_subject():
    doc = parse("At a meeting in Santiago, Luis Vega, Chile's foreign minister, recalled the ambassador from Bolivia.")
    repairs.repair_verbs(doc)
    vega = next(t for t in doc if t.text == "Vega")
    assert (vega.dep_, vega.head.text) == ("nsubj", "recalled")


@pytest.mark.parametrize("text,verb,subject", [
    ("In Lima, prosecutors charged Ana Ruiz with fraud.", "charged", "prosecutors"),   # the comma: no repair
    ("Ghana recalled its ambassador from Togo on Tuesday.", "recalled", "Ghana"),       # nothing fronted
    ("After troops fired on the crowd, Chile recalled its ambassador.", "recalled", "Chile"),  # a clause with its own subject
])
def test_clauses_the_parser_reads_right_are_left_alone(text, verb, subject):
    doc = parse(text)
    before = [(t.dep_, t.head.i) for t in doc]
    repairs.repair_verbs(doc)
    assert [(t.dep_, t.head.i) for t in doc] == before
    v = next(t for t in doc if t.text == verb)
    assert next(c for c in v.children if c.dep_ == "nsubj").text == subject
