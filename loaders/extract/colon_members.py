"""'Kenya declared two UN officials persona non grata: Ana Ruiz and Luis Vega', 'Police detained three
journalists on Friday — X, Y and Z': the members of a group of persons named after a colon or a dash
at the clause's end.  The small pipeline hangs the names anywhere but on the group noun (a bare
dependent of the verb, an apposition of the fixed phrase or of the subject, the object of the date's
"on" with the date as their compound); they are the group noun's apposition, so the group's act is
each named member's (the codebook: only named people are targets, one event each).

A repair of repairs.repair_token, tried on the colon or dash itself (a cheap test of its text
first).  Nothing is guessed: the names must end the sentence, be persons' names (proper nouns, one
of them a person to the tagger), and match the group's count when one is told; the group noun is the
last plural person noun before the mark (a singular one when one person is named: "an official: X").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import GROUP_NOUNS, NUMBER_WORDS, group_size
from .language import english_words
from .person_groups import PERSON_GROUP_NOUNS
from .state_groups import LIST_MARKS, group_noun, names_group_members
from .trailing_members import GROUP_ROLES, SENTENCE_END
from .tree import tree_root

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the group noun's roles: trailing_members' (the clause's subject or object), or the object of "to"
#: ("granted asylum to two activists")
GROUP_ROLES_OR_TO = GROUP_ROLES | {"pobj"}
#: how the parser hangs the later names of the list on the first
_MEMBER_DEPS = frozenset({"conj", "appos", "npadvmod"})


def members_after_mark(mark: Token) -> bool:
    """Re-hang the names listed after a colon or dash at a clause's end on the clause's group noun of
    persons; whether a repair was made."""
    if mark.text not in LIST_MARKS:
        return False
    listed = _names_after_mark(mark, "PERSON")
    if listed is None:
        return False
    name, members = listed
    group = _group_before(mark, len(members))
    if group is None or name.head.i == group.i or name.is_ancestor(group):
        return False   # (a group the parser hung inside the name's subtree: re-hanging would make a cycle)
    # what the parser hung on the name before the mark goes back where it was ("on [Friday] - Ana Ruiz")
    for stray in [c for c in name.children if c.i < mark.i]:
        stray.head, stray.dep_ = name.head, name.dep_
    name.head, name.dep_ = group, "appos"
    for member in members[1:]:
        member.dep_ = "conj"
    return True


def _group_before(mark: Token, count: int) -> Token | None:
    """The last noun of persons before the mark in its sentence, plural unless one member is named,
    whose told size (if any) is the number of names."""
    for token in reversed(mark.doc[mark.sent.start:mark.i]):
        if token.pos_ != "NOUN" or token.dep_ not in GROUP_ROLES_OR_TO or token.lemma_.lower() not in PERSON_GROUP_NOUNS:
            continue
        if (token.tag_ == "NNS") != (count > 1):
            return None
        size = group_size([c.lower_ for c in token.children if c.dep_ == "nummod"], None, NUMBER_WORDS)
        return token if size is None or size == count else None
    return None


def _names_ending_sentence(mark: Token, kept_in_clause: bool) -> tuple[Token, list[Token]] | None:
    """The proper names right after a list mark, if they end the sentence and one of them is a place to
    the tagger: the first name's head word and every member.  The parser makes them a sentence of their
    own (the first name the root) or, with `kept_in_clause`, may hang them as members of a word before
    the mark."""
    listed = _names_after_mark(mark, "GPE")
    if listed is None:
        return None
    name = listed[0]
    if name.dep_ != "ROOT" and not (kept_in_clause and name.dep_ in _MEMBER_DEPS and name.head.i < mark.i):
        return None
    return listed


def _names_after_mark(mark: Token, entity_type: str) -> tuple[Token, list[Token]] | None:
    """The proper names right after a list mark, if they end the sentence and one of them is of the
    tagger's ``entity_type`` (PERSON, GPE): the first name's head word and every member."""
    doc = mark.doc
    if mark.i + 1 >= len(doc) or doc[mark.i + 1].pos_ != "PROPN":
        return None
    name = doc[mark.i + 1]
    while name.dep_ == "compound" and name.head.pos_ == "PROPN" and name.head.i > name.i:
        name = name.head   # "Ana Ruiz": the name's last word heads it
    # (a member the parser made a modifier of the first: "Ana Ruiz, Luis Vega, Maria Gomez ..." with
    # "Vega" an npadvmod of "Ruiz" is a conjunct like the others)
    members = [name] + [t for t in name.subtree if t.dep_ in _MEMBER_DEPS and t.i > name.i]
    if any(m.pos_ != "PROPN" for m in members) or not any(m.ent_type_ == entity_type for m in members):
        return None
    end = max(m.right_edge.i for m in members) + 1
    if end < len(doc) and doc[end].text not in SENTENCE_END:
        return None   # (the names open a clause of their own: "...: Chile said it would follow")
    return name, members


def _list_after_mark(mark: Token, *, kept_in_clause: bool, words_before: int) -> tuple[Token, list[Token], Token] | None:
    """The names ending the sentence after a list mark with at least ``words_before`` words before it
    (``_names_ending_sentence``'s first name and members), and the root of the clause before the mark."""
    if mark.text not in LIST_MARKS or mark.i < words_before:
        return None
    listed = _names_ending_sentence(mark, kept_in_clause=kept_in_clause)
    if listed is None:
        return None
    return (*listed, tree_root(mark.doc[mark.i - 1]))


def states_after_mark(mark: Token) -> bool:
    """'Several states recalled their envoys from Managua: Chile, Peru and Colombia': the parser makes the
    names after the colon a sentence of their own; they name the members of the clause's plural subject
    of states, so they go on its verb, where state_groups.states_listed reads them.  Nothing is guessed:
    the names must end the sentence, be proper nouns (one of them a place to the tagger), and the clause
    before the mark must have a plural noun of states as its subject, the last such noun before the mark
    (the names are its members, not another group's), and its told size (if any) the number of names."""
    # (names the parser kept in the clause are not taken: states_listed reads them where they hang)
    listed = _list_after_mark(mark, kept_in_clause=False, words_before=1)
    if listed is None:
        return False
    name, members, verb = listed
    if verb.pos_ != "VERB":
        return False
    groups = [group_noun(c, GROUP_NOUNS) for c in verb.children if c.dep_ == "nsubj"]
    group = next((g for g in groups if g is not None), None)
    if group is None or not names_group_members(mark, group, len(members), GROUP_NOUNS):
        return False   # ("... after talks with three neighbours: Chile, Peru and Colombia": another group's members)
    name.head, name.dep_ = verb, "npadvmod"
    return True


def _heading_act(root: Token) -> tuple[Token, Token] | None:
    """The participle of a verbless heading and the word the parser hung it on: "those" ("Those recalling
    their envoys", the participle its clause) or the participle's object ("Those expelling Russian
    diplomats", the participle its modifier and "those" its determiner)."""
    if root.lower_ in english_words("heading_pronouns"):
        participle = next((c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i == root.i + 1), None)
    elif root.pos_ == "NOUN" and root.left_edge.lower_ in english_words("heading_pronouns") and root.left_edge.head == root:
        participle = next((c for c in root.children if c.dep_ == "amod" and c.tag_ == "VBG" and c.i == root.left_edge.i + 1), None)
    else:
        return None
    return (participle, root) if participle is not None else None


def actors_after_heading(mark: Token) -> bool:
    """'Those expelling Russian diplomats: France, Italy and Spain': a verbless heading, its participle
    the act and the names after the colon the ones who do it.  The parser hangs the participle on "those"
    or on its object, and the names anywhere before the colon (or makes them a sentence of their own);
    the participle is the root again, "those" and its object its own, the first name its subject, the
    rest its conjuncts.  Nothing is guessed: the heading must open with "those" and the participle, and
    the names (proper nouns, one of them a place to the tagger) must end the sentence."""
    listed = _list_after_mark(mark, kept_in_clause=True, words_before=2)
    if listed is None:
        return False
    name, members, root = listed
    found = _heading_act(root)
    if found is None:
        return False
    participle, holder = found
    participle.head, participle.dep_ = participle, "ROOT"
    if holder.lower_ in english_words("heading_pronouns"):
        holder.head, holder.dep_ = participle, "dep"
    else:
        holder.head, holder.dep_ = participle, "dobj"
        holder.left_edge.head, holder.left_edge.dep_ = participle, "dep"
    name.head, name.dep_ = participle, "nsubj"
    for member in members[1:]:
        member.dep_ = "conj"
    return True
