"""A quotation across sentences, and 'according to X' (loaders/extract/quote_sources.py); sentences of our own."""

from diplograph.loaders.extract.quote_sources import ACCORDING_TO, continued_quotation


def test_a_quotation_opened_in_the_sentence_before_is_continued():
    text = 'Parliament voted on Friday.\n"We will not go. This vote is a coup," he said.'
    start = text.index("This")
    found = continued_quotation(text, start, text[start:])
    assert [m.group(2) for m in found] == ["This vote is a coup,"]


def test_curly_quotation_marks_and_a_named_speaker():
    text = "“Our patience has limits. Somalia crossed them,” Ruto said."
    start = text.index("Somalia")
    assert continued_quotation(text, start, text[start:])[0].group(2).startswith("Somalia crossed them")


def test_no_quotation_open_means_none():
    text = 'The talks failed. The envoy left," he said.'   # no quotation was opened in this paragraph
    start = text.index("The envoy")
    assert continued_quotation(text, start, text[start:]) == []
    text = '"We will stay."\n\nThe envoy left," he said.'   # one closed in another paragraph
    start = text.index("The envoy")
    assert continued_quotation(text, start, text[start:]) == []


def test_according_to():
    assert ACCORDING_TO.match("According to the minister")
    assert ACCORDING_TO.match("according  to")
    assert not ACCORDING_TO.match("accordingly")


def test_a_clause_that_judges_before_according_to_is_the_sources_words():
    from diplograph.loaders.extract.parse import parse_many
    from diplograph.loaders.extract.quote_sources import (
        according_after_clause,
        sourced_clause_judges,
    )
    texts = ["The expulsion was a grave mistake, according to the minister.",
             "Russia was behind the poisoning, according to the minister.",
             "The police detained him on Monday, according to his lawyer."]
    judged = []
    for text, doc in zip(texts, parse_many(texts)):
        at = text.index("according")
        assert according_after_clause(doc, at)
        judged.append(sourced_clause_judges(doc, at))
    assert judged == [True, True, False]
