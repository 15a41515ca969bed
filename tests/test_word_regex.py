"""A search rewritten with a lookahead on its first characters (word_regex.first_char_lookahead) finds
what the pattern as written finds: the lookahead only lets the engine skip positions sooner."""

import re

from diplograph.loaders.dates import _DATE_WORD, _FINDERS
from diplograph.loaders.extract import pipeline  # noqa: F401  (first: the extractor's modules import one another)
from diplograph.loaders.extract.gazetteer import NAME_COMMA_TITLE
from diplograph.loaders.extract.rule_events import MILITARY_ACTOR, MILITARY_COUP
from diplograph.loaders.extract.rules import RULES, SPEECH_VERBS
from diplograph.loaders.word_regex import first_char_lookahead

# our own sentences, not an article's
TEXTS = [
    "The envoy said on Tuesday that talks would resume, according to the ministry.",
    "SAID nobody; the spokeswoman Emphasised nothing and the aide was unsaid.",
    "On 3 May 2019 the army seized power; days later the junta granted him asylum.",
    "Mayors met the mayoral candidate; nothing here names a month or a weekday.",
    "x_said, said_x, re-said and ſaid: the long s folds to s under IGNORECASE.",
    "Ana Ruiz, the foreign minister, recognised the new state as sovereign in late June.",
    "",
]


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _as_written(pattern: re.Pattern) -> re.Pattern:
    """The pattern without the lookahead the rewrite put in front."""
    assert pattern.pattern.startswith("(?=["), pattern.pattern[:40]
    return re.compile(pattern.pattern[pattern.pattern.index("])(?:") + len("])(?:"):-1], pattern.flags)


def test_a_word_list_gets_a_lookahead_and_finds_the_same_spans():
    plain = re.compile(r"\b(?:said|says|according\s+to|emphasi[sz]ed|warned)\b", re.IGNORECASE)
    fast = first_char_lookahead(plain)
    assert fast.pattern.startswith("(?=[aesw])")
    for text in TEXTS:
        assert _spans(fast, text) == _spans(plain, text)
    assert _spans(fast, TEXTS[0]) == [(10, 14), (51, 63)]
    assert _spans(fast, TEXTS[4]) == _spans(plain, TEXTS[4]) != []   # "ſaid" matches "said", folded both ways


def test_a_pattern_whose_first_characters_cannot_be_told_is_left_as_written():
    for source in (r".*said", r".said", r"[^x]said", r"(?i:said)|told", r"(a)?\1b", r"(?:said)?"):
        pattern = re.compile(source)
        assert first_char_lookahead(pattern) is pattern
    # a global flag opening the pattern is kept by the compiled flags, not by the text
    opened = first_char_lookahead(re.compile(r"(?i)\b(?:army|junta)\b"))
    assert opened.flags & re.IGNORECASE and opened.pattern.startswith("(?=[aj])")
    assert _spans(opened, "The ARMY and the Junta.") == [(4, 8), (17, 22)]


def test_the_extractors_rewritten_searches_match_as_written():
    rewritten = [SPEECH_VERBS, _DATE_WORD, MILITARY_COUP, MILITARY_ACTOR, NAME_COMMA_TITLE] \
        + [finder for _, finder in _FINDERS] + [rule.trigger for rule in RULES]
    for pattern in rewritten:
        plain = _as_written(pattern)
        for text in TEXTS:
            assert _spans(pattern, text) == _spans(plain, text), (pattern.pattern[:60], text)
            assert bool(pattern.match(text)) == bool(plain.match(text))


class _CountingSearch:
    """A pattern whose searches are counted."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, text: str, *args):
        self.calls += 1
        return self.pattern.search(text, *args)


def test_the_military_actor_is_looked_for_only_in_a_sentence_with_a_coup_word(monkeypatch):
    from pathlib import Path

    from diplograph.loaders import corpus
    from diplograph.loaders.extract import extract, parse_article, rule_events

    registry = corpus.load_corpus(Path(__file__).resolve().parents[1] / "corpus", texts=None).entities
    counting = _CountingSearch(rule_events.MILITARY_ACTOR)
    monkeypatch.setattr(rule_events, "MILITARY_ACTOR", counting)
    quiet = ("Chile recalled its ambassador from Bolivia on Monday after a dispute over water rights. "
             "The foreign ministry in Santiago gave no date for his return to La Paz, officials said.")
    extract(parse_article(quiet.encode(), published="2025-11-07"), registry, "test")
    assert counting.calls == 0   # no coup word in either sentence: the actor's search is left undone
    coup = ("Troops toppled the elected government of Ruritania on Monday, the state radio reported. "
            "Officers loyal to the colonel closed the borders and the airport of the capital.")
    extract(parse_article(coup.encode(), published="2025-11-07"), registry, "test")
    assert counting.calls >= 1   # "toppled": the actor is looked for
