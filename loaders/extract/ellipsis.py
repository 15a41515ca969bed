"""Acts told by ellipsis, on the parse: "Saudi Arabia follows the next day and the United Arab
Emirates the day after that", "Canada did the same", "Washington and Moscow decline to do the same"; or by a noun of the act told as like
it, with its agents ("following similar moves by Estonia and Lithuania").

A cue is a verb that repeats the act just reported without naming it ("follow", "follow suit",
"do the same", "do likewise", "as did X"); its subjects, and the names left standing alone after it in a gapped
clause ("... and the United Arab Emirates the day after that"), are the new agents.  A cue under a
refusal ("decline to do the same") or negated ("did not follow") repeats a recognition as its
refusal, and nothing else; under a threat, a plan or a modal it is no act (modality.not_an_act).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import frame_file, modality, structure, tree
from .coref_lexicon import (
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    ORGAN_DESCRIPTIONS,
    PERSON_NOUNS,
)
from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: objects of "follow" that keep it a cue ("followed suit"); any other object is a real following
FOLLOW_OBJECTS = frozenset({"suit", "lead", "example", "step", "steps"})
#: "do the same", "do likewise", "did so"
SAME = frozenset({"same", "likewise", "so", "similarly"})
REFUSALS = frozenset({"decline", "refuse", "reject"})
#: what a refused repetition of an act is: only a recognition has a refusal of its own
REFUSED = {"Recognition": "NonRecognition"}
#: acts of states that others repeat
FOLLOWABLE = frozenset({"Recognition", "NonRecognition", "RecallOfAmbassador", "SeveranceOfRelations",
                        "ExpulsionOfDiplomats", "DowngradeOfRelations", "RestorationOfRelations",
                        "PersonaNonGrataDeclaration"})


#: acts between states that a state can answer in kind on the one that acted
REVERSIBLE = frozenset({"RecallOfAmbassador", "SeveranceOfRelations", "ExpulsionOfDiplomats", "DowngradeOfRelations",
                        "PersonaNonGrataDeclaration"})


@dataclass
class Cue:
    verb: Token
    agents: list[Token]      # head tokens of the new agents (each fans out over its conjuncts)
    refused: bool              # "decline to do the same": the refusal of the act
    reverse: bool = False      # "responded in kind": the same act on the one who acted
    objects: tuple = ()        # "did the same to the Belarusian diplomats": the ones acted on this time
    after: int = 0             # the offset the agents' words start at (a list the parser hung on the act's object:
                               # its fan-out back to that object is no agent)


#: answering an act with the same act: "responded in kind", "retaliated in kind", "reciprocated"
ANSWER_VERBS = frozenset({"respond", "reply", "retaliate", "answer", "react", "hit"})


def _in_kind(verb: Token) -> bool:
    """'Brazil responded in kind', 'Moscow reciprocated': the act just reported, on its agent."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "xcomp", "ccomp", "advcl") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "by" and tree.children(c, ("pcomp",)) for c in verb.children):
        return False  # "responded in kind by closing the border": the answer is named, another act
    if lemma == "reciprocate":
        return True
    # (the words as written: before a time the parser hangs "kind" elsewhere, "in kind on Tuesday")
    doc = verb.doc
    return lemma in ANSWER_VERBS and any(c.dep_ == "prep" and c.lower_ == "in" and c.i + 1 < len(doc)
                                         and doc[c.i + 1].lower_ == "kind" for c in verb.children)


def _is_cue(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if _in_kind(verb):
        return True
    if lemma == "follow":
        # ("Peru followed that September": a time the parser made the object is no thing followed)
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME")]
        return all(o.lemma_.lower() in FOLLOW_OBJECTS for o in objects)
    if lemma == "do":
        if any(c.dep_ in ("dobj", "advmod", "acomp") and c.lower_ in SAME for c in verb.children):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in ("too", "also") and any(g.lower_ == "so" for g in c.children)
               for c in verb.children):
            return True  # "did so too": the parser hangs "so" on "too"
        if verb.dep_ == "conj" and tree.children(verb, ("nsubj",)) and _bare_too(verb):
            return True  # "..., and Poland did too", "and Poland did as well"
    if lemma in english_words("repeating_verbs"):   # "Estonia and Lithuania took similar steps"
        return any(o.dep_ == "dobj" and o.lemma_.lower() in english_words("repeating_objects")
                   and any(c.lower_ in english_words("repeating_likeness") for c in o.children) for o in verb.children)
    # "Kenya recognised it, as did Uganda", "... as have Rwanda and Burundi": the act of the clause it hangs on
    if lemma in ("do", "have") and verb.dep_ == "advcl" and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and \
            any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
    return False


#: adverbs that make a bare "did" repeat the act before it ("and Poland did too", "did as well")
TOO = frozenset({"too", "also", "well"})
#: other adverbs a bare "did" may have beside them ("did as well", "did so too", "then did too"); any
#: other is of manner ("did well too", "did poorly too": no repeat)
BESIDE_TOO = frozenset({"as", "so", "then", "later", "soon", "subsequently", "eventually", "afterwards", "now"})
_BARE_TOO_ADVERBS = TOO | BESIDE_TOO


def _bare_too(verb: Token) -> bool:
    """Whether a "do" has no complement of its own and one of ``TOO`` ("as well": "well" with "as"),
    and no adverb of manner ("did well too")."""
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "prep", "attr", "advcl") for c in verb.children):
        return False
    adverbs = [c for c in verb.children if c.dep_ == "advmod"]
    if any(c.lower_ not in _BARE_TOO_ADVERBS or c.lower_ == "well" and not any(g.lower_ == "as" for g in c.children)
           for c in adverbs):
        return False
    return any(c.lower_ in TOO for c in adverbs)


def _noun_cue(noun: Token) -> list[Token]:
    """'following similar moves by Estonia and Lithuania': a noun of the repeating objects, told as like
    the act just reported, whose "by" phrase names who repeated it: those agents (none for any other noun)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in english_words("repeating_objects") \
            or not any(c.lower_ in english_words("repeating_likeness") for c in noun.children):
        return []
    return tree.prep_objects(noun, "by")


def cues(doc: Doc) -> Iterator[Cue]:
    for verb in tree.tokens(doc):
        if agents := _noun_cue(verb):
            yield Cue(verb, agents, refused=False)
            continue
        if not _is_cue(verb):
            continue
        refused = modality.negated(verb)
        main = verb
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSALS:
            refused, main = True, verb.head
        if modality.not_an_act(main, negated_act=refused):
            continue
        act = main.head if main.dep_ == "conj" else next((c for c in main.children if c.dep_ == "advcl" and c.i < main.i), None)
        stranded = stranded_subjects(act) if act is not None else []
        own = tree.children(main, ("nsubj",))
        subject = stranded[0] if stranded and not own else structure.logical_subject(main)
        if subject is not None and _names_an_act(subject):
            continue  # "the expulsions of 45 Polish diplomats followed on Tuesday": came after, no one repeats
        if subject is not None and not stranded and not _may_act(subject):
            continue  # "..., followed by protests in Tehran": what came after is no actor (its place is no agent)
        agents = [subject] if subject is not None else []
        agents += [t for t in stranded if t not in agents]  # ("..., and Germany, France and Poland followed suit")
        # gapping: "... and the United Arab Emirates the day after that" hangs on the verb as a conjunct
        agents += [c for c in main.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if agents:
            yield Cue(verb, agents, refused, reverse=_in_kind(verb), objects=_acted_on(verb),
                      after=stranded[0].left_edge.idx if stranded else 0)


def _names_an_act(subject: Token) -> bool:
    """Whether a cue's subject is a noun the frames read as an act ("expulsion", "recall"), not an actor."""
    return subject.pos_ == "NOUN" and subject.lemma_.lower() in frame_file.frames_for(subject.doc.lang_).noun_words


#: modifiers that name a common noun's owner ("the Kuwaiti government", "its neighbours")
OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def _names_itself(token: Token) -> bool:
    return token.pos_ in ("PROPN", "PRON") or token.ent_type_ in tree.ACTOR_ENTITIES


def _may_act(subject: Token) -> bool:
    """Whether a cue's subject is an actor told in its own words: a name or pronoun, a noun for a state, a
    government, an organ or a person ("the government", "its neighbours"), or one a name modifies.  A place in
    its prepositional phrase makes no actor of it ("protests in Tehran" are no state's act)."""
    if _names_itself(subject):
        return True
    lemma = subject.lemma_.lower()
    if lemma in ORGAN_DESCRIPTIONS or lemma in GOVERNMENT_NOUNS or lemma in GROUP_NOUNS or lemma in PERSON_NOUNS:
        return True
    return any(c.dep_ in OWNER_DEPS and _names_itself(c) for c in subject.children)


#: prepositions that name the ones a repeated act is done to ("did the same to X", "followed suit against X")
ACTED_ON = frozenset({"to", "against", "with"})


def _acted_on(verb: Token) -> tuple:
    """'Riga did the same to the Belarusian diplomats': the objects of "to" on a "do the same" cue; on a
    repeating verb's cue, on the verb or on its object ("took similar steps against Minsk": not the first
    act's target)."""
    lemma = verb.lemma_.lower()
    if lemma == "do":
        holders, preps = [verb], ACTED_ON
    elif lemma in english_words("repeating_verbs"):
        # (not "with": "made a similar move with Norway" is done together, not to Norway)
        holders, preps = [verb, *tree.children(verb, ("dobj",))], english_words("repeating_acted_on")
    else:
        return ()
    return tuple(g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                 for g in c.children if g.dep_ == "pobj")


def stranded_subjects(verb: Token) -> list[Token]:
    """'The United States expelled 60 Russian diplomats, and Germany and France followed suit': the
    subjects of a cue coordinated after the act, which the parser hung on the act's object as its
    conjuncts (first of them first); they act, they are not acted on.  None when no such cue follows."""
    if verb.pos_ != "VERB":
        return []
    cue = next((c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and _is_cue(c)), None)
    if cue is None and verb.dep_ == "advcl" and verb.head.i > verb.i and _is_cue(verb.head) \
            and not tree.children(verb.head, ("nsubj",)):
        # "After Latvia expelled the Russian ambassador, Lithuania and Estonia followed": the names right
        # before the subjectless cue, set off by a comma, wherever in the clause the parser hung them
        last = verb.doc[verb.head.i - 1]
        first = last
        doc = verb.doc
        # (up the list to its first member: not past a comma into the noun the parser hung it on)
        while first.dep_ == "conj" and first.head.pos_ == "PROPN" and not (
                doc[first.left_edge.i - 1].text == "," and first.head.dep_ not in ("conj", "appos")):
            first = first.head
        if last.pos_ != "PROPN" or first.dep_ not in ("conj", "appos") or not verb.is_ancestor(first) \
                or doc[first.left_edge.i - 1].text != ",":
            return []
        return [first, *(c for c in first.conjuncts if c.i > first.i)]
    if cue is None:
        return []
    # (the parser may give the cue the list's last name as its subject: then only names stand before it)
    own = tree.children(cue, ("nsubj",))
    out: list[Token] = []
    for obj in tree.children(verb, ("dobj", "nsubjpass")):
        named = [m for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN" for m in [a, *a.conjuncts]]
        out += [t for t in [*obj.conjuncts, *named] if obj.i < t.i < cue.i and (not own or t.pos_ == "PROPN")]
    if own and not (own[0].pos_ == "PROPN" and out):
        return []
    return sorted(out, key=lambda t: t.i)


def unstranded(verb: Token, index, targets: list, exclude: set[str]) -> list:
    """An act's targets without the cue's subjects the parser hung on its object (``stranded_subjects``);
    where they were all the object gave, its own state ("the Russian ambassador") is the target."""
    stranded = stranded_subjects(verb)
    if not stranded:
        return targets
    spans = [(s.left_edge.idx, s.right_edge.idx + len(s.right_edge.text)) for s in stranded]
    kept = [t for t in targets if t[1] is None or not any(a <= t[1].start < b for a, b in spans)]
    return kept or [f for o in tree.children(verb, ("dobj", "nsubjpass")) for c in o.children
                    if c.dep_ in ("amod", "compound", "poss") for f in index.fill(c, ["state"]) if f[0] not in exclude][:1]
