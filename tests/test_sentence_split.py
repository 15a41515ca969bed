"""Sentence splitting at abbreviations (sentences.py), on sentences of our own."""

from diplograph.loaders.extract import sentences
from diplograph.loaders.extract.sentences import split_sentences


def test_a_dot_after_an_abbreviation_or_initial_ends_no_sentence():
    text = "Gen. Ortiz met the U.N. envoy in St. Lucia. Dr. Ana B. Ruiz left at noon. Talks resume in Sept. 2026."
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Ortiz met the U.N. envoy in St. Lucia.", "Dr. Ana B. Ruiz left at noon.", "Talks resume in Sept. 2026."]


def test_a_dot_after_a_plain_word_or_figure_ends_the_sentence():
    text = "The envoy left Lima. Officials met at 10. Ruiz flew home. Peru said nothing."
    assert [s.text for s in split_sentences(text)] == [
        "The envoy left Lima.", "Officials met at 10.", "Ruiz flew home.", "Peru said nothing."]


def test_the_word_before_a_dot_is_read_back_from_the_dot_not_searched_for_over_the_line(monkeypatch):
    # a search over the line up to each dot tried every position of the line for every dot
    searched = []
    real_search = sentences.re.search
    monkeypatch.setattr(sentences.re, "search", lambda *args: searched.append(args) or real_search(*args))
    line = " ".join(f"Envoy {k} met the minister." for k in range(50))
    assert len(split_sentences(line)) == 50
    assert searched == []
