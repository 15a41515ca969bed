"""Who stages a coup: an officer who seizes power acts for the armed forces he commands.

The codebook's coup has the force that staged it as agent (the armed forces, a presidential guard),
not the state and not its commander: "General X seized power from President Y", "Commodore X
overthrew the prime minister", "the army chief led the coup against Y" are the coups of the armed
forces of the state whose order they overthrow.  A civilian's own coup ("the president attempted a
coup against Congress") stays the person's.  The words are data here; the rules read the parse and
the titles the article gives the person (names.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import modality, structure, tree
from .coup_groups import group_head
from .governments import WORDS
from .legal import coup_noun
from .military_acts import MILITARY_RANKS, military_act
from .speech import speech_class

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs whose subject is the one a coup was against ("X survived a coup attempt"): its agent is the forces
SURVIVING = frozenset({"survive"})

#: words of the titles the press gives officers and the heads of juntas ("Commodore X", "army chief
#: X", "Senior General X", "junta leader X"), besides the ranks of military_acts.MILITARY_RANKS
OFFICER_TITLE_WORDS = MILITARY_RANKS | frozenset({"commodore", "brigadier", "army", "junta", "military", "admiral",
                                                  "coup", "putsch"})   # ("the coup leader, X")


def officer(titles: set[str], trigger: Token) -> bool:
    """Whether the person who stages a coup is an officer: named with a rank in its clause ("General
    X seized power", military_acts.military_act), told making it with the armed forces ("X seized power
    with the army") or given a military title anywhere in the article ("Commodore X ... Later, X seized
    power in a coup")."""
    if military_act(trigger) or with_forces(trigger):
        return True
    return any(word in OFFICER_TITLE_WORDS for title in titles for word in title.lower().split())


#: the armed forces as such, as the object of "with" ("seized power with the army", "with the armed forces")
WHOLE_FORCES, FORCES_WORDS = WORDS["coup_whole_forces"], WORDS["coup_forces_kinds"]


def with_forces(trigger: Token) -> bool:
    """Whether a seizure is told as made with the armed forces ("X seized power from Y with the army"): the
    person leads the forces' coup, whatever his title."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for force in (o for o in prep.children if o.dep_ == "pobj"):
            kinds = {c.lower_ for c in force.children if c.dep_ in ("amod", "compound")}
            if force.lemma_.lower() in WHOLE_FORCES or (force.lower_ == "forces" and kinds & FORCES_WORDS):
                return True
    return False


#: verbs and nouns of removal by force or by vote alike ("was ousted", "his overthrow"): told with no
#: remover in an article that reports a coup, they tell that coup ("President X was toppled on
#: Tuesday. The coup drew condemnation"), not a removal from office
FORCIBLE_REMOVALS = frozenset(WORDS["deposing"]) | WORDS["deposing_nouns"]   # (governments.yaml)
#: words that make a coup noun no coup that ousted anyone, by form or lemma ("a failed coup", "an aborted
#: coup", "an attempted coup", "a coup plot", "an alleged coup": governments.yaml's attempt words)
UNACCOMPLISHED = WORDS["failed"] | WORDS["trying"] | WORDS["plotting"] | WORDS["unmade"]


def tells_coup(doc, coup_words: frozenset[str]) -> bool:
    """Whether the article reports an accomplished coup by a noun ("the coup", "since the putsch"): one
    pass over its tokens (call once per article)."""
    for token in tree.tokens(doc):
        if (token.lemma_.lower() not in coup_words and not coup_noun(token)) or token.pos_ not in ("NOUN", "PROPN") \
                or token.dep_ == "compound":
            continue  # (a modifier tells no coup of its own: "coup charges", "a coup attempt", "the coup plot")
        if token.dep_ in ("oprd", "attr") or token.head.lower_ == "as":
            continue  # a characterisation: "she called it a coup", "condemned as a coup"
        words = {w for c in token.children for w in (c.lower_, c.lemma_.lower())}
        if not words & UNACCOMPLISHED and "self" not in words and not token.lower_.startswith("self"):
            return True   # (not "the self-coup": a ruler's own seizure of powers, no one ousted)
    return False


#: verbs of a removal that say nothing of force ("was removed on Tuesday"): with no remover and no vote, in an
#: article that reports a coup, that coup as the words of FORCIBLE_REMOVALS tell it (governments.yaml)
COUP_TOLD_REMOVALS = frozenset(WORDS["coup_told_removals"])


def untold_removal(trigger: Token, subject: Token | None, plain: bool = False) -> bool:
    """A removal by a word of force or vote alike told with no remover ("was toppled on Tuesday", "his
    ouster"): a verb without subject or "by" phrase, a noun without its own agent; with ``plain``, a verb
    that says nothing of force counts too ("was removed from power")."""
    words = FORCIBLE_REMOVALS | COUP_TOLD_REMOVALS if plain else FORCIBLE_REMOVALS
    return trigger.lemma_.lower() in words and subject is None


#: nouns for the head of a force ("his army chief", "the military commander", "the chief of the army")
COMMAND_NOUNS = frozenset({"chief", "commander", "head", "leader", "ruler", "strongman"})
#: the force a commander's noun names ("army chief", "military commander", "junta leader")
FORCE_WORDS = frozenset({"army", "military", "armed", "forces", "junta", "navy", "guard", "defence", "defense"})


def by_officer(trigger: Token, subject: Token | None) -> bool:
    """Whether a removal's subject is an officer named by his command, not his rank: "overthrown by
    his army chief, General X", "the military commander toppled the president", "the chief of the
    army ousted him" (a verb's ranked subject is military_acts.military_act's), or a noun's ranked agent:
    "his overthrow by General X"."""
    if subject is not None and subject.pos_ == "PROPN" and trigger.pos_ == "NOUN":
        # "his overthrow by General X": a noun's agent named with a rank (a verb's is military_acts.military_act's)
        return any(c.dep_ in ("compound", "amod") and c.lower_ in MILITARY_RANKS for c in subject.children)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in COMMAND_NOUNS:
        return False
    words = [c for c in subject.children if c.dep_ in ("compound", "amod", "nmod")]
    words += [o for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    ranked = [a for a in subject.children if a.dep_ == "appos" and a.pos_ == "PROPN"
              and any(c.dep_ == "compound" and c.lower_ in MILITARY_RANKS for c in a.children)]
    return bool(ranked) or any(w.lemma_.lower() in FORCE_WORDS or w.lower_ in FORCE_WORDS for w in words)


def by_armed_men(subject: Token | None) -> bool:
    """Whether a removal's subject is a group of armed men of their own (coup_groups.group_head: "rebels",
    "gunmen", "his fighters", "mutinous troops", "soldiers loyal to X"): no organ removes anyone from
    office by their hand; their ouster of a leader is their coup ("Rebels ousted President X")."""
    return group_head(subject) is not None


#: the kinds of actor a coup's agent is as a state's own forces (the armed forces, the state for them):
#: a seizure by any other (rebels of a named front, a rebel leader) is that group's or person's coup
FORCES_KINDS = frozenset({"State", "GovernmentBody"})


def groups_seizure(events: list, entities: dict, trigger: Token):
    """The coup a removal's verb is told with, where a group or person of no state's forces seized power
    "in" a state ("Rebels of the Northern Front seized power in Chad and ousted President X", "... seized
    power in Chad, ousting X"): that one coup is against the one ousted, not a second coup of the
    forces; None where the removal hangs on no such seizure."""
    if trigger.dep_ not in ("conj", "advcl"):
        return None
    return next((e for e in events if e.type == "CoupAttempt" and e.told_at == trigger.head.idx and e.agent and e.target
                 and e.agent[0] in entities and entities[e.agent[0]].type not in FORCES_KINDS
                 and all(t in entities and entities[t].type == "State" for t in e.target)), None)


#: nouns whose "of" phrase a coup is as spoken of, feared or resembled ("rumours of a coup", "the hallmarks
#: of a coup"), nouns of a time a coup told elsewhere gives another act ("on the day of the coup"), verbs
#: whose complement it is as what an act is called ("amounted to a coup", "it was a coup") (governments.yaml)
SPOKEN_OF, COUP_TIMES, LIKENING = WORDS["coup_spoken_of"], WORDS["coup_times"], WORDS["coup_likening"]
#: verbs of defeating a coup ("crushed", "foiled"; "put down" in coup_quelled) (governments.yaml)
QUELLING = WORDS["coup_quelling"]
#: prepositions and verbs whose object a coup is as the time of another act ("after the failed coup", "the purge
#: that followed the coup") (governments.yaml)
TIME_PREPS, TIME_VERBS = WORDS["coup_time_preps"], WORDS["coup_time_verbs"]


def _noun_phrase_head(noun: Token | None) -> Token | None:
    """The head of the phrase a coup noun stands in ("a coup d'etat": the parser's "d'etat")."""
    while noun is not None and noun.dep_ in ("compound", "nmod", "amod") and noun.head.pos_ in ("NOUN", "PROPN", "X"):
        noun = noun.head
    return noun


def coup_quelled(noun: Token | None) -> bool:
    """Whether a coup noun is the object of a verb of defeating it ("troops loyal to X crushed the coup",
    "put down the putsch"): the soldiers its clause names fought it, they did not make it."""
    noun = _noun_phrase_head(noun)
    if noun is None:
        return False
    # "a coup attempt which loyal troops put down": a relative clause whose object is the coup
    if any(c.dep_ == "relcl" and _quells(c) and any(o.dep_ == "dobj" and o.lower_ in ("which", "that") for o in c.children)
           for c in noun.children):
        return True
    if noun.dep_ == "nsubj" and _headline_passive(noun.head):
        return _quells(noun.head)   # "Kiir says coup attempt crushed": a headline's passive, its "was" left out
    return noun.dep_ in ("dobj", "nsubjpass") and _quells(noun.head)


def coup_judged(noun: Token | None) -> bool:
    """Whether a coup noun is the object of a verb that judges it ("the AU condemned the coup attempt",
    "Lima rejected the attempted coup", speech_acts.yaml's classes but those that only report): the
    speaker judges a coup, it did not make it."""
    noun = _noun_phrase_head(noun)
    if noun is None or noun.dep_ != "dobj":
        return False
    kind = speech_class(noun.head)
    return kind is not None and kind != "report"


def _quells(verb: Token) -> bool:
    """Whether a verb is one of defeating a coup ("crushed", "foiled", "put down")."""
    if verb.lemma_.lower() == "put":   # ("put down", not "put an end to": told by "end")
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    return verb.pos_ == "VERB" and verb.lemma_.lower() in QUELLING


def _headline_passive(verb: Token) -> bool:
    """Whether a verb is a passive told without its auxiliary, as headlines tell it ("says coup attempt
    foiled"): a participle or past form reported by a verb above it, with no auxiliary and no object
    ("the coup ended decades of civilian rule" tells a coup made)."""
    return verb.pos_ == "VERB" and verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("ccomp", "parataxis") \
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "prt") for c in verb.children)


def coup_not_told(noun: Token | None) -> bool:
    """Whether a coup noun tells no coup made in its sentence: "talk of a coup", "bore the hallmarks of a
    coup d'etat", "arrested on the day of the coup", "the move amounted to a coup", "it was a coup" (not
    "there was a coup", "it was the third coup": a report)."""
    noun = _noun_phrase_head(noun)   # "a coup d'etat" (the parser's "coup" on "d'etat"), "coup rumours"
    if noun is None:
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SPOKEN_OF | COUP_TIMES:
        return True
    if noun.dep_ in ("attr", "oprd", "dobj") and head.lemma_.lower() in LIKENING:
        # ("there was a coup", "it was the third coup since 2020": told, a coup counted among others is one made)
        return not any(c.dep_ == "expl" for c in head.children) and not any(c.ent_type_ == "ORDINAL" for c in noun.children)
    return noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in LIKENING   # "amounted to", "tantamount to"


#: verbs and nouns of trying ("tried to take power", "in a bid to seize power"): an attempt made is a coup
#: attempt, so the seizure's own clause is told by its trying's (governments.yaml)
TRYING = WORDS["trying"]


def seizure_not_done(verb: Token | None) -> bool:
    """Whether a verb of seizing power tells no seizure made or tried: "had no wish to take power", "plotted
    to seize power", "could take power" (modality.not_an_act, on the trying verb where the seizure is
    tried: "tried to take power" is an attempt made)."""
    if verb is None or verb.pos_ != "VERB":
        return False   # (a noun or an overthrow: told by their own checks)
    while verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in TRYING:
        verb = verb.head
    return modality.not_an_act(verb) is not None


def coup_suffered(noun: Token | None) -> bool:
    """Whether a coup noun is where a passive verb's subject suffered it ("X was killed by soldiers in a failed
    coup", "she was wounded during the coup attempt"): the one acted on is its victim, not its maker."""
    noun = _noun_phrase_head(noun)
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during"):
        return False
    verb = noun.head.head
    return verb.pos_ == "VERB" and structure.is_passive(verb)


def suffers_coup(verb: Token) -> bool:
    """Whether a passive verb tells what its subject suffered in a coup ("X was killed by soldiers in a failed
    coup", "was shot dead during the putsch"): a coup noun of its own "in" or "during" phrase (coup_suffered)."""
    return verb.pos_ == "VERB" and structure.is_passive(verb) and any(
        coup_suffered(o) for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")


def coup_as_time(noun: Token | None) -> bool:
    """Whether a coup noun only dates another act ("X was arrested after the failed coup", "detained in the
    purge that followed the failed coup"): the person that act names did not make it.  Not when the phrase
    tells its maker ("after his failed coup", "after the failed coup he led")."""
    noun = _noun_phrase_head(noun)
    if noun is None or any(c.dep_ in ("poss", "relcl", "acl") for c in noun.children):
        return False
    head = noun.head
    return (noun.dep_ == "pobj" and head.lower_ in TIME_PREPS) or \
        (noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in TIME_VERBS)
