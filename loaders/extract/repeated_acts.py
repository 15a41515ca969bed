"""Two acts of one type between the same parties, told as two (the codebook: a recall for
consultations and a later permanent withdrawal are two recalls; two arrests of one person are two):

* a clause that tells its act as a repeat or a later step ("was arrested again", "for the second
  time", "later withdrew him", "recalled him once more") is a second act beside the act of its type
  and parties told just before it (in its own sentence or the one before): never merged into that
  one.  Told far from it, it is merged only into an act on the same day (a lead and its narrative
  told the act before the repeat; the repeat may be theirs);
* a recall told as a step ("for consultations" / "permanently", "for good") carries that step while
  the article's events are assembled, so a recall for consultations and a permanent withdrawal told in
  sentences of their own stay two (``legal_identity.distinct_kinds`` reads the field ``KIND``).

The fields set here serve the assembly only (``drop_assembly_fields``): no claim carries them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure
from .date_fields import apart, date_rank, gap_days
from .gazetteer import PERSON_TYPES
from .legal_identity import KIND, ORGAN, REMOVER, STANDING
from .line_headings import FINITE as FINITE_TAGS
from .object_relatives import STEP_ADVERBS
from .prefixed_verbs import done_again
from .tree import ACTOR_ENTITIES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions

#: the entity kinds that name a time, no party ("on Monday")
TIME_ENTS = ("DATE", "TIME")

#: the event field that says the act is told as a repeat or a later step (dropped after the assembly)
REPEAT = "act_repeat"
#: the event field that says the act was told by a finite verb ("ordered them to leave"), not as a
#: noun or an infinitive ("Peru's decision to break relations"): only then does its story's time date it
FINITE = "act_finite"
#: adverbs on the act's verb that tell it as a repeat or a step after an act told before
REPEAT_ADVERBS = frozenset({"again", "anew", "later", "subsequently", "eventually", "afterwards", "afterward"})
#: of them, those that tell a later step rather than a repeat: object_relatives.STEP_ADVERBS
#: "for the second time", "a third time": an ordinal on "time"
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "another"})
#: the steps of a recall: called home to consult, or withdrawn for good
RECALL_STEPS = {"consultation": "consultations", "consultations": "consultations", "consult": "consultations",
                "permanently": "permanent", "definitively": "permanent", "indefinitely": "permanent"}
RECALL = "RecallOfAmbassador"


def told_as_repeat(trigger: Token) -> bool:
    """Whether the act's own clause tells it as a repeat or a later step: an adverb on the verb
    ("arrested again", "later withdrew", "once more"), or an ordinal time ("for the second time")."""
    if trigger.pos_ != "VERB":
        return False
    # (a clause on a noun, "X, who was later charged", "X, later charged": a step after the act the main
    # clause tells of X, not a repeat of its own type; "again" still tells one)
    adverbs = REPEAT_ADVERBS - STEP_ADVERBS if trigger.dep_ in ("relcl", "acl") else REPEAT_ADVERBS
    if any(c.dep_ == "advmod" and c.lower_ in adverbs | {"more"} for c in trigger.children):
        return True
    if done_again(trigger):
        return True   # "was rearrested on Friday": the prefix tells the repeat the lemma no longer shows
    # (not the noun the clause hangs on: "it was the second time Ecuador had recalled him" tells this act)
    return any(t.lemma_.lower() == "time" and any(a.lower_ in ORDINALS for a in t.children if a.dep_ in ("amod", "det"))
               for t in structure.local_tokens(trigger) if t.pos_ == "NOUN" and trigger.is_ancestor(t))


def recall_step(trigger: Token) -> str | None:
    """'consultations' or 'permanent' for a recall whose own clause tells its step, else None."""
    for t in structure.local_tokens(trigger):
        step = RECALL_STEPS.get(t.lower_) or RECALL_STEPS.get(t.lemma_.lower())
        if step:
            return step
        if t.lower_ == "good" and t.dep_ == "pobj" and t.head.lower_ == "for":
            return "permanent"  # "withdrew its ambassador for good"
    return None


#: prepositions of a clause's own time ("in June", "on 9 May")
TIME_PREPOSITIONS = frozenset({"in", "on"})


def _own_time(verb: Token) -> str | None:
    """The date a verb's own adjunct tells ("in June", "on Monday", "last week"), as written; else None."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in TIME_PREPOSITIONS:
            c = next((g for g in c.children if g.dep_ == "pobj"), c)
        elif c.dep_ != "npadvmod":
            continue
        if c.ent_type_ == "DATE":
            return " ".join(t.lower_ for t in c.subtree)
    return None


def second_of_pair(conj: Token, index: TokenMentions) -> bool:
    """Whether a verb coordinated with an act of its own type tells a second act, not the first one
    told again ("expelled the envoy and gave him 72 hours to leave" is one): the verb tells a repeat
    ("and again recalled him"), the first verb is told again on an object of its own ("declared X
    persona non grata and declared Y persona non grata"), another verb of the type on another named
    party ("arrested X and detained Y", "recalled its ambassador from A and withdrew its envoy from B"),
    another recall step than the first verb's ("recalled him for consultations and withdrew him
    permanently"), or a date of its own beside the first verb's ("recalled him in March and withdrew him
    in June").  A party is compared as the article's mentions resolve it (``index``): "the Russian consul"
    and "Russia's ambassador", "from Russia" and "from Moscow" name one party."""
    if conj.dep_ != "conj" or conj.pos_ != "VERB":
        return False
    first = conj.head
    if told_as_repeat(conj):
        return True
    own, theirs = structure.logical_object(conj), structure.logical_object(first)
    # (written after the verb: not an object it shares with the first, a relative's noun or a passive's subject)
    own_object = own is not None and own.pos_ != "PRON" and own.i > conj.i and (theirs is None or own.i != theirs.i)
    if own_object and conj.lemma_.lower() == first.lemma_.lower():
        # the verb told again with an object of its own ("declared X persona non grata on Monday and
        # declared his deputy Y persona non grata on Friday"): one act is not told by its verb twice
        return True
    if own_object and theirs is not None and (_other_names(_names(own, index), _names(theirs, index)) or any(
            _other_names(names, _prep_names(first, theirs, index).get(word, set()))
            for word, names in _prep_names(conj, own, index).items())):
        # another verb of the type on another named party ("arrested X and detained Y"), or on its own
        # object from another named place ("recalled its ambassador from A and withdrew its envoy from B"):
        # a second act; a description ("arrested X and detained the activist") may be X again, so only
        # two names count
        return True
    steps = recall_step(conj), recall_step(first)
    if None not in steps and steps[0] != steps[1]:
        return True
    times = _own_time(conj), _own_time(first)
    return None not in times and times[0] != times[1]


#: what a name in a phrase is taken for: a person (by the entity named), a party other than a person (by
#: its state, else the entity), or, where no mention resolves it, its word
PERSON, PARTY, WORD = "person", "party", "word"


def _names(noun: Token, index: TokenMentions) -> set[tuple[str, str]]:
    """The proper names in a phrase, its clauses and its times left out (a relative clause names others),
    each as what it names (``_named``)."""
    skip = {t.i for c in noun.children if c.dep_ in ("relcl", "acl", "conj", "cc") and c.pos_ in ("VERB", "AUX")
            for t in c.subtree}
    return {_named(t, index) for t in noun.subtree if t.i not in skip and t.ent_type_ not in TIME_ENTS
            and (t.pos_ == "PROPN" or t.ent_type_ in ACTOR_ENTITIES)}


def _named(token: Token, index: TokenMentions) -> tuple[str, str]:
    """What a name names: a person or a group of persons (by itself, as gazetteer.PERSON_TYPES), else a
    party by its state ("Russian", "Russia", "Moscow": one), else its word where the article's mentions
    do not resolve it."""
    mention = index.at(token)
    if mention is None or not mention.entity:
        return WORD, token.lower_
    if mention.type in PERSON_TYPES:
        return PERSON, mention.entity
    return PARTY, index.state_of(mention.entity) or mention.entity


def _prep_names(verb: Token, obj: Token, index: TokenMentions) -> dict[str, set[tuple[str, str]]]:
    """The names each preposition on a verb or its object governs ("from Caracas": {"from": {Venezuela}})."""
    out: dict[str, set[tuple[str, str]]] = {}
    for prep in (c for head in (verb, obj) for c in head.children if c.dep_ == "prep"):
        out.setdefault(prep.lower_, set()).update(n for g in prep.children if g.dep_ == "pobj" for n in _names(g, index))
    return out


def _other_names(mine: set[tuple[str, str]], others: set[tuple[str, str]]) -> bool:
    """Whether two phrases both name someone and share no name ("Olga Ivanova" / "Pavel Sidorov"); where
    both name persons, the persons alone ("the Chilean consul X" / "Chile's attaché Y": two)."""
    persons = {n for n in mine if n[0] == PERSON}, {n for n in others if n[0] == PERSON}
    if all(persons):
        mine, others = persons
    return bool(mine) and bool(others) and not mine & others


def mark(etype: str, trigger: Token, fields: dict) -> None:
    """Set the assembly marks of an act found on a trigger token."""
    if told_as_repeat(trigger):
        fields[REPEAT] = True
    if trigger.pos_ == "VERB" and trigger.tag_ in FINITE_TAGS and trigger.dep_ not in ("xcomp", "acl", "amod"):
        fields[FINITE] = True
    if etype == RECALL and KIND not in fields:
        step = recall_step(trigger)
        if step:
            fields[KIND] = step


def second_act(candidates: list, fields: dict, index: int) -> list:
    """The candidates an act told in sentence ``index`` may be merged into: all of them, unless the
    act is told as a repeat: then not the one told last when it was told in this sentence or the one
    before, nor one dated on another day."""
    if not fields.get(REPEAT) or not candidates:
        return candidates
    last = max(candidates, key=lambda e: max(e.sentences))
    out = []
    for event in candidates:
        # (unless that one is told as the repeat too: "was rearrested on Friday ... rearrested at his
        # home, his lawyer said" tells the second arrest twice)
        if event is last and max(event.sentences) >= index - 1 and not event.fields.get(REPEAT):
            continue
        if apart(event.fields.get("date"), fields.get("date"), days=0):
            continue
        out.append(event)
    return out


#: the event fields that serve the article's assembly only, here and in legal_identity.py: no claim carries them
ASSEMBLY_FIELDS = (KIND, ORGAN, REMOVER, STANDING, REPEAT, FINITE)


def drop_assembly_fields(events: list) -> None:
    for event in events:
        for name in ASSEMBLY_FIELDS:
            event.fields.pop(name, None)


#: days between an act dated by its own words and one dated only by the story's time, beyond which
#: they are two acts ("Kenya ordered all Somali diplomats to leave" in a story of 2022, "in March 2018
#: Kenya expelled Somalia's ambassador"): the story's time is the news, the date told is history
STORY_TIME_GAP = 62


def far_from_story_time(one: dict | None, other: dict | None) -> bool:
    """Whether of two acts' dates, one told in its own words and the other the story's time, lie more
    than ``STORY_TIME_GAP`` days apart."""
    ranks = sorted((date_rank(one), date_rank(other)))
    if ranks != [1, 2]:
        return False
    gap = gap_days(one, other)
    return gap is not None and gap > STORY_TIME_GAP


def told_far_apart(one: dict, other: dict, one_in_headline: bool = False, other_in_headline: bool = False) -> bool:
    """Whether two acts' fields tell two acts by their dates: one dated in its own words, the other
    by the story's time and told as a reported act (a finite verb), far apart (``far_from_story_time``).
    Not where the one dated by the story's time is told above the dateline that dates it, in the
    headline ("how X found refuge in Budapest", over a story of five years ago): the dateline dates
    the page, not the act the headline sums up (``told_before_its_date``)."""
    one_date, other_date = one.get("date"), other.get("date")
    story, in_headline = (one, one_in_headline) if date_rank(one_date) == 1 else (other, other_in_headline)
    if in_headline and str((story.get("date") or {}).get("basis", "")).endswith(BEFORE_ANY_DATE):
        return False
    return bool(story.get(FINITE)) and far_from_story_time(one_date, other_date)


#: how the basis of a date ends that only the dateline gives, no date being told before the act (dating.py)
BEFORE_ANY_DATE = "the dateline: no date told before"


def told_before_its_date(text: str, told_at: int, fields: dict) -> bool:
    """Whether an act dated only by the dateline is told above the dateline's words (a headline)."""
    date = fields.get("date") or {}
    phrase = date.get("phrase")
    if told_at < 0 or not phrase or not str(date.get("basis", "")).endswith(BEFORE_ANY_DATE):
        return False
    return text.find(phrase) > told_at

