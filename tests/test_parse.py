"""The parse stage: the pipeline setting, a clear message without one, offsets kept."""

from __future__ import annotations

import pytest
from diplograph.loaders.extract import parse as parse_stage


def test_a_missing_pipeline_says_how_to_install_one(monkeypatch):
    monkeypatch.setenv(parse_stage.MODEL_ENV, "no_such_pipeline_xyz")
    with pytest.raises(parse_stage.PipelineMissing) as err:
        parse_stage.parse("Peru expelled the ambassador.")
    assert "python -m spacy download no_such_pipeline_xyz" in str(err.value)
    assert parse_stage.MODEL_ENV in str(err.value)


def test_the_parse_keeps_the_texts_offsets():
    text = "Bolivia declared Chile’s consul, Ana Ruiz, persona non grata on Tuesday."
    doc = parse_stage.parse(text)
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    declared = next(t for t in doc if t.lemma_ == "declare")
    assert {c.dep_ for c in declared.children} >= {"nsubj"}
    assert next(t for t in declared.children if t.dep_ == "nsubj").text == "Bolivia"


def test_a_blank_line_and_a_dateline_end_sentences_before_the_parser_runs():
    """A header line must not swallow the lead's subject, nor a dateline's place become a second one."""
    from diplograph.loaders.extract.parse import parse

    doc = parse("Talks collapse in the capital\n\nPublished: 4 May 2021\n\nKenya broke off relations with Chad on Monday.")
    kenya = next(t for t in doc if t.text == "Kenya")
    assert kenya.is_sent_start and kenya.dep_ == "nsubj" and kenya.head.lemma_ == "break"
    doc = parse("Envoy told to go\n\nNAIROBI, May 4, 2021 (Harbour Wire) — Kenya expelled the envoy of Chad on Monday.")
    expelled = next(t for t in doc if t.text == "expelled")
    assert [c.text for c in expelled.children if c.dep_ == "nsubj"] == ["Kenya"]


def test_the_words_the_language_keeps_whole_are_one_token_and_parse_as_a_verb():
    """Split at the hyphen, "re-established" parses as a verb "re" with an adjective "established"."""
    doc = parse_stage.parse("Kenya re-established diplomatic relations with Chad. Re-establishing them took a decade.")
    words = [t for t in doc if t.lower_.startswith("re-establish")]
    assert [t.text for t in words] == ["re-established", "Re-establishing"]
    assert words[0].pos_ == "VERB" and [c.text for c in words[0].children if c.dep_ == "nsubj"] == ["Kenya"]
    assert all(t.text != "-" for t in doc)


def test_a_single_line_break_inside_a_paragraph_is_no_sentence_boundary():
    from diplograph.loaders.extract.parse import parse

    doc = parse("Kenya broke off relations\nwith Chad on Monday after a dispute over the border.")
    assert not next(t for t in doc if t.text == "with").is_sent_start


def test_a_section_heading_on_a_line_of_its_own_ends_a_sentence():
    """A short line without closing punctuation after a finished sentence is a heading: the next line
    opens a sentence, so the heading's words are no subject of the paragraph's first verb."""
    from diplograph.loaders.extract.parse import parse

    doc = parse("Relations have been tense for a year.\nThe Ruiz Affair: A Test for the Region\n"
                "Ana Ruiz, sentenced to six years for fraud, sought refuge in the Mexican embassy in May.")
    assert next(t for t in doc if t.text == "Ana").is_sent_start
    doc = parse("Relations have been tense for a year.\nThe Ruiz Affair was a test for\nthe region.")
    assert not next(t for t in doc if t.text == "the" and t.i > 8).is_sent_start


def test_the_attribute_index_sets_what_spacys_attribute_ruler_sets():
    """The faster stand-in for the ruler (attribute_index.py) gives every token the same part of
    speech, morphology and lemma as the pipeline's own ruler, rule for rule."""
    from diplograph.loaders.extract.attribute_index import NAME
    from diplograph.loaders.extract.parse import load_pipeline

    nlp = load_pipeline()
    if "attribute_ruler" not in nlp.component_names:
        pytest.skip("this pipeline has no attribute ruler")
    texts = ["There were no talks: he did not say whether they'd got the letters the minister had sent.",
             "Kenya's envoy, who has been recalled, gets a new post; that's what the ministry said on Monday.",
             "Both countries didn't respond.\n\nThe government's   decision — 48 hours to leave — was final."]
    ours = [[(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc] for doc in nlp.pipe(texts)]
    with nlp.select_pipes(disable=[NAME]):
        nlp.enable_pipe("attribute_ruler")
        try:
            theirs = [[(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc] for doc in nlp.pipe(texts)]
        finally:
            nlp.disable_pipe("attribute_ruler")
    assert ours == theirs
    assert any(pos == "AUX" for doc in ours for pos, *_ in doc)  # the rules did run


def test_the_attribute_index_keeps_the_rulers_order_sets_and_multi_token_rules():
    """Rules of every shape the index handles (plain values, IN / NOT_IN sets, several tokens with
    a negative index, a later rule overriding an earlier one) set what spaCy's ruler sets."""
    import spacy
    from diplograph.loaders.extract.attribute_index import AttributeIndex

    def pipeline():
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "the"}]], {"POS": "DET"})
        ruler.add([[{"LOWER": {"IN": ["envoy", "consul"]}}]], {"POS": "NOUN", "LEMMA": "diplomat"})
        ruler.add([[{"LOWER": "consul"}]], {"LEMMA": "consul"})                        # overrides the one above
        ruler.add([[{"LOWER": {"NOT_IN": ["the", "envoy", "consul", "."]}, "IS_PUNCT": False}]], {"POS": "X"})
        ruler.add([[{"LOWER": "was"}, {"LOWER": {"IN": ["expelled", "recalled"]}}]], {"POS": "VERB"}, index=-1)
        ruler.add([[{"TEXT": "."}]], {"POS": "PUNCT"})
        return nlp, ruler

    text = "The envoy was expelled and the consul was recalled ."
    nlp, ruler = pipeline()
    theirs = [(t.pos_, t.lemma_) for t in nlp(text)]
    nlp, ruler = pipeline()
    index = AttributeIndex()
    index.take(ruler)
    ours = [(t.pos_, t.lemma_) for t in index(nlp.make_doc(text))]
    assert ours == theirs
    assert ours[1] == ("NOUN", "diplomat") and ours[6] == ("NOUN", "consul") and ours[3] == ("VERB", "")


def test_a_labelled_line_of_a_list_opens_a_sentence():
    """'Reactions:' then 'Bolivia: severed relations ...': each line's label is its own line's subject."""
    from diplograph.loaders.extract.parse import parse

    doc = parse("Reactions:\nBolivia: severed diplomatic relations with Israel.\nBelize: recalled its envoy.")
    bolivia = next(t for t in doc if t.text == "Bolivia")
    assert bolivia.is_sent_start
    assert next(t for t in doc if t.text == "Belize").is_sent_start


def test_a_dated_line_of_a_timeline_opens_a_sentence():
    """'1979: ...' and 'June 7 — ...' after a single line break open a sentence, so one line's
    parties do not fill the line before ("... establish relations.\n1980: Relations with Iran ...");
    a number inside a line ("the envoys\n48 hours - ...") is no date label."""
    from diplograph.loaders.extract.parse import parse

    doc = parse("Key dates\n1979: Kenya and Chad establish relations.\n1980: Relations with Iran broken off."
                "\nJune 7 — Mali severs ties with Chad.\nSept. 22, 1998 — Niger recalls its envoy.")
    for first in ("1979", "1980", "June", "Sept"):
        assert next(t for t in doc if t.text.startswith(first)).is_sent_start
    doc = parse("Kenya gave the envoys\n48 hours - a short time - to leave.")
    assert not next(t for t in doc if t.text == "48").is_sent_start


def test_the_greedy_decoder_parses_as_spacys_own_loop():
    """The parser and the entity recogniser decoded with the interpreter lock held
    (greedy_decoder.py) give every token the head, relation, sentence start and entity that
    spaCy's compiled loop gives, for documents of different lengths parsed in one batch."""
    from diplograph.loaders.extract.greedy_decoder import PREFIX
    from diplograph.loaders.extract.parse import load_pipeline
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, SENT_START

    nlp = load_pipeline()
    ours = [name for name in nlp.pipe_names if name.startswith(PREFIX) and name[len(PREFIX):] in nlp.component_names]
    assert ours, "the pipeline's parser runs through the decoder"
    texts = ["Kenya expelled the ambassador of Chad on Monday, the foreign ministry in Nairobi said.",
             "",
             ("Peru and Bolivia restored relations.\n\nThe envoys of France, Germany and Italy were told to leave "
             "within 48 hours after the European Union condemned the arrest of Maria Lopez in La Paz."),
             "Talks.",
             "He said nothing; the United Nations did not comment either, and the embassy stayed shut."]
    columns = [HEAD, DEP, SENT_START, ENT_IOB, ENT_TYPE]
    mine = [doc.to_array(columns).tolist() for doc in nlp.pipe(texts, batch_size=8)]
    originals = [name[len(PREFIX):] for name in ours]
    with nlp.select_pipes(disable=ours):
        for name in originals:
            nlp.enable_pipe(name)
        try:
            theirs = [doc.to_array(columns).tolist() for doc in nlp.pipe(texts, batch_size=8)]
        finally:
            for name in originals:
                nlp.disable_pipe(name)
    assert mine == theirs
    assert any(row[4] for doc in mine for row in doc)  # entities were found


def test_walks_up_the_tree_compare_tokens_by_index_and_stop_at_the_root():
    """spaCy hands out a new Token object on every ``.head``, so ``token.head is token`` is never true,
    even at the root: a walk up a verbless sentence that stopped on identity never ended."""
    from types import SimpleNamespace

    from diplograph.loaders.extract import organs

    doc = parse_stage.parse("The police chief of Kenya.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.head is not root and root.head.i == root.i   # why the walks use indices
    nobody = SimpleNamespace(at=lambda token: None)
    assert organs._acts_on(doc[0], ["kenya"], nobody) is False   # ends at the verbless root
