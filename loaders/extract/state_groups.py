"""A plural subject of states whose clause names its members after it: "Twenty states expelled
Russian diplomats, among them Poland, Latvia and Estonia", "Three governments recalled their envoys on
Friday: Chile, Peru and Panama", "A total of 25 countries, among them Canada and Japan, expelled ...".
Each state named acts (the codebook: one event per member); the unnamed rest are no one's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import NUMBER_WORDS, group_size
from .tree import fan_out

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .gazetteer import Mention
    from .mentions import TokenMentions

#: marks that open the list of a plural told just before: a colon, a dash
LIST_MARKS = frozenset({":", "—", "–", "-", "--"})
#: nouns that count what their "of" names ("a total of 25 countries", "a number of states")
COUNTING_NOUNS = frozenset({"total", "number", "group", "handful", "dozen"})


def group_noun(noun: Token, group_nouns: frozenset) -> Token | None:
    """The plural noun of states a subject is, through "a total of" ("a total of 25 countries")."""
    if noun.lemma_.lower() in COUNTING_NOUNS:
        noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), noun)
    return noun if noun.tag_ == "NNS" and noun.lemma_.lower() in group_nouns else None


def _opened(name: Token) -> bool:
    """Whether a name opens a list set off after a colon or a dash, or after "among them"."""
    doc = name.doc
    for first in {name.left_edge.i, name.i}:  # ("among them" may be the name's own child)
        if first > 0 and doc[first - 1].text in LIST_MARKS:
            return True
        if first > 1 and doc[first - 2].lower_ == "among" and doc[first - 1].lower_ == "them":
            return True
    return False


def group_before_mark(mark: Token, group_nouns: frozenset) -> Token | None:
    """The last plural noun of states before a list mark in its sentence: the group whose members the
    names after the mark are."""
    return next((t for t in reversed(mark.doc[mark.sent.start:mark.i])
                 if t.tag_ == "NNS" and t.lemma_.lower() in group_nouns), None)


def _after_own_group(name: Token, group: Token, group_nouns: frozenset) -> bool:
    """Whether names after a colon or a dash are the subject's own members: the subject is the last
    plural of states before the mark ("Several states recalled their envoys after talks with three
    neighbours: Chile, Peru and Colombia" names the neighbours), and its told size, if any, is the
    number of names.  Names after "among them" are some of the members, so they are not counted."""
    doc = name.doc
    mark = next((doc[first - 1] for first in (name.left_edge.i, name.i) if first > 0 and doc[first - 1].text in LIST_MARKS), None)
    if mark is None:
        return True
    return names_group_members(mark, group, len(list(fan_out(name))), group_nouns)


def names_group_members(mark: Token, group: Token, count: int, group_nouns: frozenset) -> bool:
    """Whether `count` names after a list mark are the members of `group`: it is the last plural of
    states before the mark, and its told size, if any, is `count`."""
    if group_before_mark(mark, group_nouns) != group:
        return False
    size = group_size([c.lower_ for c in group.children if c.dep_ == "nummod"], None, NUMBER_WORDS)
    return size is None or size == count


def states_listed(index: TokenMentions, noun: Token, kind: str, group_nouns: frozenset) -> list[tuple[str, Mention]]:
    """The states a plural subject of state nouns is, where its clause names them after a colon, a
    dash or "among them" (hung on the verb, or on the subject itself)."""
    if kind not in ("state", "authority") or noun.dep_ != "nsubj" or index.at(noun) is not None:
        return []
    group = group_noun(noun, group_nouns)
    if group is None:
        return []
    verb = noun.head
    heads = [c for holder in (verb, noun, group) for c in holder.children
             if c.pos_ == "PROPN" and c.dep_ in ("npadvmod", "appos", "dep", "conj") and c.i > group.i and _opened(c)
             and _after_own_group(c, group, group_nouns)]
    # ("among them Canada, Australia and Japan": the parser hangs the names on "among")
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"
              for g in c.children if g.pos_ == "PROPN" and _opened(g)]
    out = _states_of(index, heads) or _states_of(index, _listed_before_among_them(index, verb))
    return out if len(out) >= 2 else []


def _listed_before_among_them(index: TokenMentions, verb: Token) -> list[Token]:
    """'Twelve states recalled their envoys from Belgrade, Britain, France and Germany among them': the
    names of a list that "among them" closes at the clause's end, which the parser makes conjuncts of
    the word before them; the list runs back from "among" over the conjuncts that name states (not
    "Belgrade", whose conjuncts the parser made them)."""
    doc = verb.doc
    among = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among" and c.i + 1 < len(doc)
                  and doc[c.i + 1].lower_ == "them" and c.i > verb.i), None)
    if among is None or (among.i + 2 < len(doc) and doc[among.i + 2].text not in (",", ".", ";")):
        return []
    last = doc[among.i - 1]
    names = []
    while last.pos_ == "PROPN" and (mention := index.at(last)) is not None and mention.type == "State" \
            and mention.kind in ("name", "alias"):
        names.append(last)
        if last.dep_ != "conj" or last.head.i >= last.i:
            break
        last = last.head
    return names


def _states_of(index: TokenMentions, heads: list[Token]) -> list[tuple[str, Mention]]:
    out: list[tuple[str, Mention]] = []
    for head in heads:
        for member in fan_out(head):
            mention = index.at(member)
            entity = index._as_kind(mention, "state") if mention is not None and mention.type == "State" else None
            if entity and entity not in {e for e, _ in out}:
                out.append((entity, mention))
    return out


#: verbs whose object (or attribute) names the members of their subject: "the countries ... included X"
NAMING_VERBS = frozenset({"include", "be"})


def members_of_described(index: TokenMentions, noun: Token, kind: str, group_nouns: frozenset) -> list[tuple[str, Mention]]:
    """The states a plural of states described by the act's relative clause is, where the clause around it
    names them: "Spain and Italy were among the countries that expelled ...", "Among the countries that
    expelled ... were Spain and Italy", "The countries that expelled ... included Spain and Italy"."""
    if kind not in ("state", "authority") or index.at(noun) is not None or noun.dep_ not in ("pobj", "nsubj"):
        return []
    group = group_noun(noun, group_nouns)
    if group is None or not any(c.dep_ == "relcl" for c in group.children):
        return []
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "among" else noun.head if noun.dep_ == "nsubj" else None
    if verb is None or verb.lemma_.lower() not in NAMING_VERBS or (noun.dep_ == "pobj" and verb.lemma_ != "be"):
        return []
    names = ("nsubj", "attr") if noun.dep_ == "pobj" else ("dobj", "attr")
    return _states_of(index, [c for c in verb.children if c.dep_ in names and c.pos_ == "PROPN"])
