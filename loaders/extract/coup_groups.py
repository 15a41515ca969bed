"""The force that staged a coup when the text gives it to a group of the state's men, not to its armed
forces as such: "Army officers who seized power in Gabon", "a small group of soldiers", "Enlisted men
of the Armed Forces of Liberia seized power", "a faction inside the armed forces tried to overthrow X",
"soldiers loyal to X", "Civil Guards led by Lieutenant Colonel X".

The gold's convention (dev/README.md, "Six gold questions settled", 2): a coup's agent is the state's
armed forces (or the corps named) where the text says so ("the army overthrew", "troops under the army
chief"), and a group of its own, one entity per article, where it names officers, soldiers, enlisted
men, a faction, those loyal to someone or troops under a named officer; the group carries as aliases
the names the article uses for it.  So the extractor mints such a group, for the state it acts in, with
the words the text names it by ("army officers", "the officers", "a small group of soldiers"); one group
per kind of men and state, so the headline's "Gabon's officers" and the story's "Army officers" are one.

The words are data (``governments.yaml``: ``coup_group_nouns``, ``coup_group_men``, ``coup_group_bonds``,
``coup_force_commands``); the rules read the parse.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from . import structure, tree
from .attempted_acts import purpose_of
from .date_fields import date_rank
from .gazetteer import Entity, slug
from .governments import WORDS
from .legal import UNIT_WORDS
from .speech import speech_class
from .world import DEMONYMS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .gazetteer import Gazetteer, Mention

GROUP_NOUNS = WORDS["coup_group_nouns"]
GROUP_MEN = WORDS["coup_group_men"]
BONDS = WORDS["coup_group_bonds"]
COMMANDS = WORDS["coup_force_commands"]
#: nouns of the command that ties men to their commander ("under his command", "under the leadership of X")
LED_BY = WORDS["coup_command_nouns"]
COLLECTIVES, COLLECTIVE_TIES = WORDS["collectives"], WORDS["collective_ties"]
BONDED, MARKS = WORDS["coup_bonded_forces"], WORDS["coup_group_marks"]
WHOLE_FORCES = WORDS["coup_whole_forces"]
MARKED_MEN, NAMED_BODIES = WORDS["coup_marked_men"], frozenset(WORDS["coup_named_bodies"])
FORCES_KINDS = WORDS["coup_forces_kinds"]
#: verbs of a seizure of power (with their object), of an overthrow, nouns of an overthrow
SEIZING, POWER = WORDS["seizing"], WORDS["power"]
OVERTHROWING = WORDS["overthrowing"] | frozenset(WORDS["deposing"]) | WORDS["deposing_nouns"]


def force_subject(trigger: Token) -> Token | None:
    """Who stages the act a trigger tells: a verb's logical subject; a noun's own agent ("a coup by a small
    group of soldiers"), also where the parser hung the "by" on the verb whose object the noun is
    ("crushed an attempted coup against X by a small group of soldiers": no active verb's "by" is its agent)."""
    if trigger.pos_ in ("VERB", "AUX"):
        subject = structure.logical_subject(trigger)
        if subject is None and (act := purpose_of(trigger)) is not None:
            subject = structure.logical_subject(act)   # "gunmen stormed the palace in a bid to overthrow X"
        if subject is None and (speaker := announcer(trigger)) is not None and _armed(speaker):
            subject = speaker   # "army officers announced that President X had been removed": the officers
        return subject
    agent = structure.nominal_agent(trigger)
    if agent is None and trigger.dep_ == "dobj" and not structure.is_passive(trigger.head):
        agent = next(iter(tree.prep_objects(trigger.head, "by")), None)
    return agent


def announcer(trigger: Token) -> Token | None:
    """Who announced an act told in the passive with no doer ("officers announced on television that President X
    had been removed"): the subject of the speech verb whose clause it is; None elsewhere."""
    if trigger.dep_ != "ccomp" or not structure.is_passive(trigger) or speech_class(trigger.head) is None:
        return None
    return structure.logical_subject(trigger.head)


def _armed(subject: Token) -> bool:
    """Whether a subject names armed men: a group of their own or the armed forces as such."""
    return group_head(subject) is not None or _whole_forces(subject)


def phrase_head(token: Token | None) -> Token | None:
    """The head of the noun phrase a word found by a pattern stands in: "Enlisted men of the Armed Forces
    of Liberia" for its "Forces" (an "of" phrase's object climbs to the noun it modifies)."""
    while token is not None and token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    while token is not None and token.dep_ == "pobj" and token.head.lower_ == "of" \
            and token.head.head.pos_ in ("NOUN", "PROPN"):
        token = token.head.head
    return token


def _men(token: Token) -> Token:
    """The men a collective names ("a small group of soldiers" → soldiers)."""
    if token.lemma_.lower() in COLLECTIVES and token.lemma_.lower() not in GROUP_NOUNS:
        return next((o for tie in COLLECTIVE_TIES for o in tree.prep_objects(token, tie)), token)
    return token


def _bond(men: Token) -> bool:
    """Whether the men are tied to a named person who is not told as the forces' commander: "loyal to
    X", "led by X", "under General X" (not "under the army chief")."""
    for child in men.children:
        word = child.lower_
        if word not in BONDS and child.lemma_.lower() not in BONDS:
            continue
        people = [t for t in child.subtree if t.dep_ == "pobj"]
        people += [t for p in child.children if p.dep_ in ("prep", "agent") for t in p.children if t.dep_ == "pobj"]
        # "under his command", "under the command of General X" (not "... of the army chief"): the commander
        people += [o for t in people if t.lemma_.lower() in LED_BY for o in t.children if o.dep_ == "poss"]
        if any(t.lemma_.lower() in COMMANDS for t in people):
            return False   # "troops under the army chief": the armed forces
        if any(t.pos_ in ("PROPN", "PRON") for t in people):
            return True
    return False


def group_head(subject: Token | None) -> Token | None:
    """The head noun of the men a coup's subject names when they are a group of their own (the
    module docstring), else None ("the army", "troops", "Gabon's armed forces", "soldiers of the
    presidential guard": the forces or their unit)."""
    if subject is None:
        return None
    men = _men(subject)
    lemma = men.lemma_.lower()
    if (lemma in BONDED or lemma in GROUP_NOUNS) and (_bond(men) or any(
            c.dep_ in ("amod", "compound") and c.lower_ in MARKS for c in men.children)):
        return men   # "soldiers loyal to X", "mutinous troops"
    if lemma in BONDED and any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "NORP", "ORG", "LOC")
                               for c in men.children):
        return men   # "Colonel X's men": a named man's own (not "Mali's soldiers", "her own guard", "the army's troops")
    if lemma in MARKED_MEN:   # "armed men", "armed members of the X Party" (not "members of parliament")
        return men if any(c.dep_ == "amod" and c.lower_ in GROUP_MEN for c in men.children) else None
    if lemma not in GROUP_NOUNS or men.tag_ not in ("NNS", "NNPS") and lemma != "faction":
        return None
    if any(o.lemma_.lower() in UNIT_WORDS or o.lower_ in UNIT_WORDS or _whole_forces(o) for o in tree.prep_objects(men, "of")):
        return None   # "soldiers of the presidential guard", "of the Malian army": that corps (legal.forces_unit), as dev20's
    return men


def named_body(subject: Token | None, mentions: list[Mention]) -> str | None:
    """The named body a coup's men are "of" ("Gunmen of the X Front seized the capital", "armed members of the
    Y Party deposed the president", "Rebels of the Z coalition"): the coup is that body's (as the gold gives
    it, dev/README.md "Six gold questions settled", 2); None where the men are of no body the mentions name."""
    men = group_head(subject)
    if men is None:
        return None
    for body in tree.prep_objects(men, "of"):
        start, end = min(t.idx for t in body.subtree), max(t.idx + len(t.text) for t in body.subtree)
        found = next((m for m in mentions if m.entity and m.type in NAMED_BODIES and start <= m.start < end), None)
        if found is not None:
            return found.entity
    return None


def _core(men: Token) -> str:
    """The men with their own modifiers, not their state's name: "army officers", "enlisted men"."""
    modifiers = [c for c in men.children if c.dep_ in ("compound", "amod") and c.i < men.i
                 and c.ent_type_ not in ("GPE", "NORP")]
    return men.doc[min([men.i] + [c.i for c in modifiers]): men.i + 1].text


def phrase_names(subject: Token) -> set[str]:
    """The names a force's phrase gives it: the whole phrase, with and without its article ("the army",
    "soldiers of the presidential guard", "a small group of soldiers")."""
    doc = subject.doc
    # (not a relative clause, nor a phrase of time or place the parser hung on the men: "... on Monday"; their
    # bond is their name's: "soldiers under his command")
    apart = [t for c in subject.children if c.dep_ in ("relcl", "acl", "punct", "appos")
             or (c.dep_ == "prep" and c.lower_ not in COLLECTIVE_TIES and c.lower_ not in BONDS) for t in c.subtree]
    words = sorted({t.i for t in subject.subtree} - {t.i for t in apart})
    out = set()
    if words and words[-1] - words[0] == len(words) - 1:
        whole = doc[words[0]: words[-1] + 1]
        out.add(whole.text)
        if whole[0].dep_ in ("det", "nummod", "quantmod") or whole[0].lower_ in ("some",):
            out.add(doc[words[0] + 1: words[-1] + 1].text)
    return out


def _names(subject: Token, men: Token) -> set[str]:
    """The names the text gives the group: the whole phrase (with and without its article), the men with
    their own modifiers ("army officers", "enlisted men", "army officers loyal to X") and the bare men
    ("officers", "the officers")."""
    doc = subject.doc
    out = phrase_names(subject)
    core = _core(men)
    out.add(core)
    if men.lemma_.lower() in GROUP_NOUNS:   # (not a bare "men")
        out |= {men.text, f"the {men.text}"}
    if core == men.text and any(c.dep_ == "poss" for c in men.children):   # "Gabon's officers"
        owner = next(c for c in men.children if c.dep_ == "poss")
        out.add(doc[min(t.i for t in owner.subtree): men.i + 1].text)
    return {" ".join(n.split()) for n in out if n.strip()}


def _whole_forces(subject: Token | None) -> bool:
    """Whether a subject names the armed forces as such: "the army", "the military", "Chile's armed
    forces", "the Royal Fiji Military Forces" (not "security forces", "soldiers")."""
    if subject is None:
        return False
    lemma = subject.lemma_.lower()
    kinds = {c.lower_ for c in subject.children if c.dep_ in ("amod", "compound")}
    return lemma in WHOLE_FORCES or (subject.lower_ == "forces" and bool(kinds & FORCES_KINDS))


def _seizure(token: Token) -> bool:
    """A verb of a seizure of power or of an overthrow ("seized power", "overthrew X"), a noun of one."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in SEIZING:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in POWER for c in token.children)
    return lemma in OVERTHROWING and token.pos_ in ("VERB", "NOUN")


@functools.lru_cache(maxsize=4)
def forces_seize_power(doc: Doc) -> bool:
    """Whether the article gives a seizure of power to the armed forces as such ("the army overthrew X",
    "the Royal Fiji Military Forces said they had seized power", "the army's overthrow of X"): its
    officers and soldiers are then told as the forces' men, the coup the forces' (the gold's
    convention).  One pass over the article's tokens, once per article."""
    for token in doc:
        if not _seizure(token):
            continue
        subject = structure.logical_subject(token) if token.pos_ == "VERB" else structure.nominal_agent(token)
        if subject is not None and subject.pos_ == "PRON" and token.dep_ == "ccomp":
            subject = structure.logical_subject(token.head)   # "X said they had seized power": the speaker
        if _whole_forces(subject):
            return True
    return False


def coup_group(gaz: Gazetteer, state: str, subject: Token | None, groups: dict[str, str]) -> str | None:
    """The group (minted once per kind of men and state in an article) that staged a coup in ``state``,
    if ``subject`` names one; its names join the group's aliases.  ``groups`` (group id → state) is kept
    for the article's later steps (the coup's state: frame_events, self_named_forces)."""
    men = group_head(subject)
    if men is None or subject is None or state not in gaz.entities or forces_seize_power(subject.doc):
        return None
    place = gaz.entities[state]
    demonym = next(iter(DEMONYMS.get(place.country or "", ())), place.label)
    kind = men.lemma_.lower()
    plural = men.text.lower() if men.tag_ in ("NNS", "NNPS") else f"{kind}s"
    group_id = slug(f"{demonym} {plural} of the coup")
    entity = gaz.entities.get(group_id)
    if entity is None:
        description = f"the {plural} who staged the coup in {place.label}, as the article names them"
        entity = gaz.add(Entity(group_id, "Group", f"{demonym} {_core(men).lower()} of the coup", set(),
                                attrs={"description": description}))
    for name in _names(subject, men):
        gaz.add_alias(entity, name)
    groups[entity.id] = state
    return entity.id


def dates_agree(one, other) -> bool:
    """Whether two tellings' dates can be one act's: the same, one finer, or one only the story's time (a
    weekday counted from the dateline is the act's own date: "on Thursday" is not "in 1983")."""
    dates = [e.fields.get("date") or {} for e in (one, other)]
    if any(date_rank(d) == 1 for d in dates):
        return True
    a, b = (str(d.get("value") or "") for d in dates)
    return not a or not b or a.startswith(b) or b.startswith(a)


def one_coup_per_leader(events: list, coup_state: Callable[[str], str | None], groups: dict[str, str],
                        detentions: Mapping[int, object] | frozenset = frozenset()) -> list:
    """The events with each coup told twice against the same leader kept once (the codebook: one act, one
    event): "Army officers seized power ... after seizing Bongo", "held by the army since his removal"
    beside "the army's overthrow of President X".  Two tellings are one coup when they oust the same
    person, their dates agree, and their forces are the same or of the same state; a group of men the
    text names is then the agent (it names who acted more closely than "the army").  A coup told only by
    a leader's detention (``detentions``: the id() of such coups) is also the one the same forces made at a
    date that agrees, against another leader ("Soldiers seized power while President X was abroad ... Prime
    Minister Y was taken from her home by soldiers"): one coup, the one it ousted its first target."""
    out: list = []
    for event in events:
        same = None
        if event.type == "CoupAttempt" and event.target and event.agent:
            same = next((e for e in out if e.type == "CoupAttempt" and e.target == event.target and e.agent
                         and dates_agree(e, event) and (e.agent == event.agent or (
                             coup_state(e.agent[0]) is not None and coup_state(e.agent[0]) == coup_state(event.agent[0])
                             and (e.agent[0] in groups or event.agent[0] in groups)))), None)
            joined = same or next((e for e in out if e.type == "CoupAttempt" and e.target and e.agent == event.agent
                                   and (id(e) in detentions or id(event) in detentions) and dates_agree(e, event)), None)
            if same is None and joined is not None:
                if id(joined) in detentions and id(event) not in detentions:
                    out[out.index(joined)], joined, event = event, event, joined   # (the ouster's telling first)
                joined.target[:] = list(dict.fromkeys(joined.target + event.target))
                joined.absorb_telling(event)
                continue
        if same is None:
            out.append(event)
            continue
        if event.agent[0] in groups and same.agent[0] not in groups:
            same.agent[:] = event.agent
        same.absorb_telling(event)
    return out
