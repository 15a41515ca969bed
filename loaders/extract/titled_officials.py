"""'NAIROBI — Foreign Minister Raychelle Omamo declared the Somali envoy persona non grata': an official
named with a government title whose state the article leaves implicit acts for the state the article is
about (the dateline's, or the one it names most), as the regular-expression rules already read it
(rule_events: GOVERNMENT_TITLES).  Not where the article is about two states alike, nor for a person
whose state is known (then the mentions give it).

Where the article is about two states alike, an act between states by such an official ("President X
broke off relations with Chile", "X, then president, cut ties with Israel", "the X government
suspended relations with China") is the act of the target's other party in what was told before
(``stateless_official``: frames.py then asks counterpart.py, as for an envoy's unnamed host)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import HEAD_TITLES, HOME_OFFICES
from .envoys import states_named_in
from .rule_events import GOVERNMENT_TITLES

#: acts between states whose agent such an official may be (an expulsion's or declaration's agent is the
#: envoy's host: frames.py finds it so)
RELATION_ACTS = frozenset({"SeveranceOfRelations", "RestorationOfRelations", "DowngradeOfRelations",
                           "RecallOfAmbassador", "Recognition", "NonRecognition"})
#: nouns of a government named after its leader ("the Suharto government", "X's administration")
LEADERS_GOVERNMENTS = frozenset({"government", "administration", "regime", "cabinet"})

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions


def _titled(person: Token, titles=GOVERNMENT_TITLES) -> bool:
    """Whether the name carries a government title (or one of ``titles``): before it ("Foreign Minister
    X") or in apposition ("X, the foreign minister")."""
    before = " ".join(t.lower_ for t in person.subtree if t.i < person.i and t.dep_ in ("compound", "amod"))
    after = [" ".join(w.lower_ for w in a.subtree if w.dep_ in ("compound", "amod") or w == a)
             for a in person.children if a.dep_ == "appos" and a.pos_ == "NOUN"]
    return any(f" {title} " in f" {words} " for words in [before, *after] for title in titles)


def _bare_head_title(noun: Token, titles: frozenset[str] = HEAD_TITLES) -> bool:
    """'the president', 'the prime minister': a head of state's or government's title (or one of
    ``titles``) with "the" and no name, state, owner or qualifier of its own ("the former president",
    "the vice president", "the president of the Senate" are not)."""
    words = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")]
    title = " ".join(words + [noun.lower_])
    return noun.pos_ == "NOUN" and title in titles and all(
        c.dep_ in ("det", "compound", "amod") and (c.dep_ != "det" or c.lower_ == "the") for c in noun.children)


def official_home_state(verb: Token, subject: Token | None, index: TokenMentions, kinds) -> list:
    """The article's state as the agent for a titled official of no known state, or nothing (nor where what
    follows the verb names that state: "declared the Somali envoy ..." in a story about Somalia)."""
    # (a tie of the states named most is broken by the dateline's: "NAIROBI — Kenya has long courted ... the
    # foreign minister recognised Kosovo", the story told from Kenya)
    if subject is None or "state" not in kinds or not index.home_state or not (
            index.home_state_clear or (index.dateline_state is not None and index.home_state == index.dateline_state())):
        return []
    mention = index.at(subject)
    # ("On Monday the foreign minister recognised Kosovo": an office named bare, whom coref found no name for,
    # is the article's state's own office holder as a named one is)
    unnamed = mention is None and _bare_head_title(subject, HOME_OFFICES)
    if not unnamed and (mention is None or mention.type != "Person" or index.state_of(mention.entity) or not _titled(subject)):
        return []
    if index.home_state in states_named_in(list(verb.rights), index):   # (whatever the parser made of the object)
        return []
    return [(index.home_state, mention)]


def stateless_official(subject: Token | None, index: TokenMentions) -> bool:
    """Whether the subject is a titled official of no known state, or the government of one named after
    him ("the Suharto government", "X's government"): one who acts for a state the article leaves implicit."""
    if subject is None:
        return False
    person = subject
    if subject.lemma_.lower() in LEADERS_GOVERNMENTS:
        person = next((c for c in subject.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"), None)
        if person is None:   # "the government of X", "the regime of General X"
            person = next((g for c in subject.rights if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if person is None:
            return False
    elif _bare_head_title(subject):
        # "Peru condemned the vote. On Tuesday the president broke off relations with Peru": no one named
        mention = index.at(subject)
        return mention is None or mention.type == "Person" and not index.state_of(mention.entity)
    mention = index.at(person)
    if mention is None or mention.type != "Person" or index.state_of(mention.entity):
        return False
    return person != subject or _titled(subject) or any(
        a.dep_ == "appos" and a.lemma_.lower() in GOVERNMENT_TITLES for a in subject.children)   # "X, then president"
