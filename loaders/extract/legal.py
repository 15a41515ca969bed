"""Acts on persons that the armed forces commit: a leader ousted by soldiers or "in a coup" is
overthrown, not removed from office (the codebook's CoupAttempt, by the armed forces, besides any
arrest), and no RemovalFromOffice is coded for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import modality, structure, tree
from .coref_lexicon import LEGISLATORS
from .governments import COUP, POWER, WORDS
from .military_acts import military_act
from .organs import (
    COLLECTIVE_TIES,
    COLLECTIVES,
    MILITARY_WORDS,
    organ_token,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns naming a seizure of power by force: "ousted in a coup", "toppled in a military putsch" (the
#: project's one list, governments.yaml)
COUP_WORDS = COUP
#: nouns of a seizure that name a coup with "power" as their object or compound ("seizure of power", "power grab")
SEIZURE_NOUNS = frozenset(WORDS["seizure_nouns"])
#: prepositions that place the act inside the coup ("in a coup", "during the putsch", "by a coup")
COUP_PREPOSITIONS = frozenset({"in", "during", "by", "through", "via"})


#: who enters a mission without being a state's forces: a crowd's entry is no EmbassyIncursion (the
#: codebook's incursion needs the state whose forces entered).  A movement named like a force ("Red
#: Guards") needs no word here: a body named by its own name is a state's organ only where the world data
#: says so (world.SECURITY_ORGANS, names.py), so it finds no state to act for and codes no incursion.
CROWD_WORDS = frozenset({"student", "protester", "protestor", "demonstrator", "crowd", "mob", "rioter", "militant",
                         "activist", "supporter", "youth"})


def entered_by_a_crowd(trigger: Token) -> bool:
    """Whether a mission was stormed by a crowd ("students stormed the embassy"), or by those a plural
    pronoun stands for when they are no state's police or troops ("granted the aides asylum after they
    entered the residence"; not "soldiers surrounded the embassy; they entered it")."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else structure.nominal_agent(trigger)
    if subject is not None and subject.pos_ == "PRON":
        antecedent = _plural_antecedent(subject)
        return antecedent is not None and (antecedent.lemma_.lower() in CROWD_WORDS or organ_token(antecedent) is None)
    return subject is not None and subject.lemma_.lower() in CROWD_WORDS


def _plural_antecedent(pronoun: Token) -> Token | None:
    """The plural noun a "they" stands for: in its own sentence before it, else in the sentence before, the
    last plural subject, else the last plural noun ("granted the aides asylum after they entered", even
    after "agents surrounded the building" the sentence before)."""
    if pronoun.lower_ != "they":
        return None
    doc, start = pronoun.doc, pronoun.sent.start
    for words in (doc[start:pronoun.i], doc[start - 1].sent if start > 0 else doc[0:0]):
        plural = [t for t in words if t.tag_ in ("NNS", "NNPS")]
        subjects = [t for t in plural if t.dep_ in tree.SUBJECTS]
        if plural:
            return (subjects or plural)[-1]
    return None


#: pronouns by which a speaker tells its own act ("the army said it had ...", "soldiers said they had ...")
SPEAKER_PRONOUNS = frozenset({"it", "they", "we"})


def removed_by_force(trigger: Token) -> bool:
    """Whether a removal trigger ("ousted", "overthrew", "ouster") tells a coup: the armed forces
    act ("the army ousted the president", "overthrown by soldiers"), or the removal happened in a
    coup ("was ousted in a military coup"); "removed from office after his failed coup" is not."""
    if trigger.pos_ == "VERB" and military_act(trigger):
        return True
    if trigger.pos_ == "NOUN" and _by_forces(structure.nominal_agent(trigger)):
        return True  # "the army's overthrow of President X", "the ouster of X by the military"
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else None
    if subject is not None and coup_noun(subject):
        return True  # "the coup that deposed President X", "a putsch toppled her"
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ in SPEAKER_PRONOUNS \
            and _by_forces(modality.speaker(trigger)):
        return True  # "the army announced it had deposed President X": the forces say what they did
    if trigger.dep_ in ("advcl", "conj", "xcomp") and trigger.head.pos_ == "VERB" and _seizes_power(trigger.head):
        return True  # "General X seized power in a coup, ousting the government of Y"
    return any(coup_noun(t) and t.head.dep_ == "prep" and t.head.lower_ in COUP_PREPOSITIONS
               and t.head.head == trigger for t in structure.local_tokens(trigger))


def _by_forces(agent: Token | None) -> bool:
    """Whether a noun's own agent ("the army's", "by soldiers") is the armed forces."""
    organ = organ_token(agent) if agent is not None else None
    return organ is not None and (organ.lemma_.lower() in MILITARY_WORDS or organ.lower_ in MILITARY_WORDS) \
        and not any(c.lemma_.lower() == "police" for c in organ.children)


def coup_noun(token: Token) -> bool:
    """A noun naming a seizure of power by force: "coup", "putsch", "a military takeover", "the army's seizure
    of power", "a power grab"."""
    lemma = token.lemma_.lower()
    if lemma in SEIZURE_NOUNS and token.pos_ == "NOUN" and (
            any(c.dep_ == "compound" and c.lemma_.lower() in POWER for c in token.children)
            or any(o.lemma_.lower() in POWER for o in tree.prep_objects(token, "of"))):
        return True
    return lemma in COUP_WORDS or (lemma == "takeover" and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in MILITARY_WORDS for c in token.children))


def _seizes_power(verb: Token) -> bool:
    """'seized power', 'took power in a coup', 'staged a coup': the act of a coup itself."""
    local = structure.local_tokens(verb)
    if verb.lemma_.lower() in ("seize", "take", "grab") and any(t.lower_ == "power" and t.dep_ == "dobj" for t in local):
        return True
    return any(coup_noun(t) and t.dep_ == "dobj" and t.head == verb for t in local)


def dated_coup(trigger: Token) -> Token | None:
    """The coup noun a removal happened in when a date names it ("ousted in a 2009 coup", "toppled in
    the June 28 coup"): its date is the act's, not the date of the clause the removal hangs on."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else None
    nouns = [subject] if subject is not None and subject.lemma_.lower() in COUP_WORDS else []
    nouns += [t for t in structure.local_tokens(trigger) if t.lemma_.lower() in COUP_WORDS
              and t.head.dep_ == "prep" and t.head.lower_ in COUP_PREPOSITIONS and t.head.head == trigger]
    return next((n for n in nouns if any(c.ent_type_ == "DATE" for c in n.children)), None)


#: nouns that name a unit of the armed forces ("the presidential guard", "Guinea's special forces")
UNIT_WORDS = frozenset({"guard", "force", "forces", "brigade", "regiment", "battalion", "unit", "corps", "division"})
#: the whole armed forces, no unit of them
WHOLE_FORCES = frozenset({"army", "military", "armed forces", "forces", "troops", "soldiers", "junta", "officers"})


def forces_unit(trigger: Token) -> str | None:
    """The unit of the armed forces an act's subject names, as the press words it ("soldiers of the
    presidential guard" → "presidential guard", "Guinea's special forces" → "special forces"), or
    None where it names the armed forces as a whole ("the army", "soldiers")."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else None
    if subject is None:
        return None
    # "by his nephew, Colonel X, and soldiers of the national guard": the unit a conjunct of the subject names
    return next((u for one in [subject, *(c for c in subject.conjuncts if c.i > subject.i)] if (u := _unit_of(one))), None)


def _unit_of(subject: Token) -> str | None:
    """The unit of the armed forces one noun phrase names (forces_unit)."""
    if subject.lemma_.lower() in COLLECTIVES:   # "a group of soldiers of the guard"
        subject = next((o for tie in COLLECTIVE_TIES for o in tree.prep_objects(subject, tie)), None)
    if subject is None:
        return None
    unit = subject
    if subject.lemma_.lower() in MILITARY_WORDS and subject.lemma_.lower() not in UNIT_WORDS:
        unit = next((o for o in tree.prep_objects(subject, "of") if o.lemma_.lower() in UNIT_WORDS), subject)
    if unit.lemma_.lower() not in UNIT_WORDS:
        return None
    words = [t for t in unit.subtree if t.i <= unit.i and t.dep_ in ("amod", "compound") and t.head == unit
             and not t.ent_type_ in ("GPE", "NORP") and t.lower_ not in ("own", "loyal", "mutinous", "rebel", "renegade")] + [unit]
    phrase = " ".join(t.lower_ for t in sorted(words, key=lambda t: t.i))
    return None if phrase in WHOLE_FORCES or len(words) < 2 else phrase


#: members of a legislature: "lawmakers voted to remove her" is the legislature's act (codebook; coref.yaml)
LAWMAKER_WORDS = LEGISLATORS


#: the bare words for a legislature (gazetteer.ORGANS) and those for its members
LEGISLATURE_WORDS = {"parliament": "parliament", "congress": "congress", "senate": "senate", "assembly": "national assembly",
                     "legislature": "parliament"} | {w: "parliament" for w in LAWMAKER_WORDS}


#: words of legislatures' proper names ("the Verkhovna Rada", "the Duma", "the Knesset", "the Lok Sabha")
LEGISLATURE_NAMES = frozenset({"rada", "duma", "knesset", "majlis", "mejlis", "sejm", "seimas", "saeima", "riigikogu",
                               "storting", "riksdag", "bundestag", "folketing", "eduskunta", "althing", "oireachtas", "dáil",
                               "sabha", "sangsad", "khural", "jirga", "cortes", "congress", "senate", "parliament",
                               "assembly", "legislature", "diet", "chamber", "skupstina", "sobranie", "verkhovna"})


def _member_lemma(token: Token) -> str:
    """The noun's lemma, lower-cased; for a plural of the lawmaker words the tagger took for a name
    (capitalised at a clause's start: "Lawmakers voted to remove her"), the singular of that word."""
    word = token.lemma_.lower()
    if token.pos_ == "PROPN" and word.endswith("s") and word[:-1] in LAWMAKER_WORDS:
        return word[:-1]
    return word


def legislature_named(trigger: Token) -> tuple[str, bool] | None:
    """The legislature a removal's logical subject names, as (word or name, proper name?): "parliament"
    → ("parliament", False); "the Verkhovna Rada" → ("Verkhovna Rada", True); else None. Up through
    "voted to remove": the vote's subject."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else structure.nominal_agent(trigger)
    if subject is None:
        return None
    word = _member_lemma(subject)
    if word in LEGISLATURE_WORDS:
        return LEGISLATURE_WORDS[word], False
    if subject.pos_ == "PROPN" and subject.ent_type_ not in ("GPE", "PERSON", "NORP") and structure.logical_subject(trigger) == subject \
            and (any(h.lemma_.lower() == "vote" for h in [trigger.head, trigger])
                 or any(t.lower_ in LEGISLATURE_NAMES for t in subject.subtree if t.i <= subject.i)):
        words = [t for t in subject.subtree if t.pos_ == "PROPN" and t.i <= subject.i]
        name = subject.doc[words[0].i: subject.i + 1].text if words else subject.text
        return name, True  # "the Verkhovna Rada voted to remove him": a legislature by what it did
    return None


def by_lawmakers(trigger: Token) -> bool:
    """Whether the act's subject is the members of a legislature ("lawmakers", "deputies")."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else None
    return subject is not None and (_member_lemma(subject) in LAWMAKER_WORDS or subject.lower_ in LAWMAKER_WORDS)


#: how many sentences after a request a refusal naming no safe conduct may answer it ("Lima refused.")
ANSWER_WINDOW = 2

#: the acts that show which state shelters a person and asked for their safe conduct
SHELTERING_ACTS = ("SafeConductRequest", "AsylumGrant")


#: the acts of the state on whose territory a mission shelters someone (it decides whether they may leave)
TERRITORIAL_ACTS = ("SafeConductGrant", "SafeConductRefusal", "SafeConductDeferral")


def refusals_answer_requests(events: list, host_of: Callable[[str], str | None] | None = None) -> list:
    """A safe-conduct refusal answers the state that asked (the codebook codes it so): with no target
    of its own, the target is the state whose request (or, failing one, whose grant of asylum) was
    told before it.  A refusal found only as 'rejected the request' stands only where a request for
    safe conduct made to the refusing state was told before; otherwise it is someone else's request.
    ``host_of``: the state a mission (an event's place) stands in, the one that grants, refuses or
    defers a safe conduct out of it, and is asked for one."""
    out = []
    for event in events:
        if event.type in TERRITORIAL_ACTS + ("SafeConductRequest",) and host_of is not None:
            _territorial_roles(event, events, host_of)
        if event.type == "SafeConductRequest" and not event.target:
            continue  # asked of whom, neither the clause nor a mission told before says
        if event.type == "SafeConductGrant" and event.agent and event.agent[0] in _shelterers(event, events):
            continue  # the state that shelters someone does not grant their way out of the other's territory
        if event.type == "SafeConductGrant" and event.agent:
            _grant_answers_request(event, events)
        if event.type == "SafeConductDeferral" and event.fields.get("answers_request") and event.agent and not any(
                min(event.sentences) - max(e.sentences) <= ANSWER_WINDOW for e in _told_before(event, events)[0]):
            continue  # "is still studying the request": no safe-conduct request to it told just before
        if event.type != "SafeConductRefusal" or event.target or not event.agent:
            out.append(event)
            continue
        asked, sheltering = _told_before(event, events)
        if event.fields.get("answers_request") and not any(min(event.sentences) - max(e.sentences) <= ANSWER_WINDOW
                                                           for e in asked):
            continue  # "rejected the request", "Lima refused": no safe-conduct request to it told just before
        state = _sheltering_state(event, events, sheltering)
        if state is not None:
            event.target.append(state)
        out.append(event)
    for event in out:
        event.fields.pop("answers_request", None)
    return out


def _territorial_roles(event, events: list, host_of) -> None:
    """'Kádár's government guaranteed him safe conduct', 'the foreign ministry announced that he had been
    granted a safe conduct', 'the embassy asked the new authorities for a safe conduct': where the
    clause's own words resolve to the sheltering state, or to none, the act is the territorial state's
    (that of the mission the person took refuge in, told before), as a request is made to it."""
    when = min(event.sentences)
    refuges = [e for e in events if e.type in ("AsylumRequest", "AsylumGrant") and e.fields.get("place")
               and min(e.sentences) <= when]
    host = host_of(max(refuges, key=lambda e: min(e.sentences)).fields["place"]) if refuges else None
    if host is None:
        return
    if event.type == "SafeConductRequest":
        if not event.target and event.agent and host not in event.agent:
            event.target.append(host)
    elif not event.agent or event.agent[0] in _shelterers(event, events):
        event.agent[:] = [host]


def _grant_answers_request(event, events: list) -> None:
    """A safe conduct granted answers the state that asked for it, or, failing a request told, the state
    that sheltered the one who leaves (coded so, like a refusal): that state is its target, the person
    who may leave is not."""
    state = _sheltering_state(event, events, _told_before(event, events)[1])
    if state is not None:
        event.target[:] = [state]


def _told_before(event, events: list) -> tuple[list, list]:
    """Before a safe-conduct act, in the order told: the requests for safe conduct made to its agent,
    and the acts of the state it answers (those requests, or failing them, other states' grants of asylum)."""
    when = min(event.sentences)
    earlier = sorted((e for e in events if e.type in SHELTERING_ACTS and e.agent and min(e.sentences) <= when
                      and event.agent[0] not in e.agent), key=lambda e: min(e.sentences))
    asked = [e for e in earlier if e.type == "SafeConductRequest" and event.agent[0] in e.target]
    return asked, asked or [e for e in earlier if e.type == "AsylumGrant"]


def _shelterers(event, events: list) -> set[str]:
    """The states told before a safe-conduct act to shelter the one who leaves (granted asylum or took in)."""
    when = min(event.sentences)
    return {s for e in events if min(e.sentences) <= when and e is not event
            for s in (e.agent if e.type == "AsylumGrant" else e.target if e.type == "AsylumRequest" else [])}


def _sheltering_state(event, events: list, sheltering: list) -> str | None:
    """The state that asked for the safe conduct or granted asylum, else the one whose mission the
    person took refuge in (an AsylumRequest's target) told before the safe-conduct act."""
    if sheltering:
        return sheltering[-1].agent[0]
    when = min(event.sentences)
    refuges = [e for e in events if e.type == "AsylumRequest" and e.target and min(e.sentences) <= when
               and event.agent[0] not in e.target]
    return max(refuges, key=lambda e: min(e.sentences)).target[0] if refuges else None


def grants_answer_requests(events: list) -> list:
    """An asylum grant that names no grantor ("two days later she was granted asylum") is the grant of
    the state the same person asked for asylum (or took refuge with) earlier in the article; an article
    that names no such request leaves the grantor untold."""
    out = []
    for event in events:
        # (a passive grant to several naming no grantor, by a frame with grantor_asked: true in frames.yaml; the
        # regular expression's grant to one with no grantor stays)
        untold = event.grantor_untold
        if event.type != "AsylumGrant" or event.agent or not event.target:
            out.append(event)
            continue
        when = min(event.sentences)
        asked = [e for e in events if e.type == "AsylumRequest" and e.target and set(e.agent) & set(event.target)
                 and min(e.sentences) <= when]
        grantor = max(asked, key=lambda e: min(e.sentences)).target[0] if asked else None
        if grantor is not None and any(e.type == "AsylumGrant" and grantor in e.agent and set(e.target) & set(event.target)
                                       for e in events):
            continue  # the same grant, told with its grantor elsewhere: one act, one event
        if grantor is not None:
            event.agent.append(grantor)
        elif untold:
            continue   # "Both were granted asylum", none of them told asking a state: by whom, untold
        out.append(event)
    return out


#: what a grant gives when it names no one it gives it to ("Mexico granted asylum"), not a thing asked for
#: or someone told without a name ("granted the asylum request", "granted the embassy protection")
GIVEN_ALONE = frozenset({"asylum", "refuge", "protection", "shelter", "sanctuary"})


def asylee_asked(grantor: str | None, events: list, verb: Token) -> str | None:
    """Who a grant that names its grantor but not the one sheltered shelters ("she took refuge in the
    Mexican embassy, and Mexico granted asylum"): the one who asked that state for asylum, last told
    before it; None where no such request was told (who was sheltered is untold: no event), or where
    the verb gives to someone or grants something else ("granted the embassy protection")."""
    given = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    if [c.lemma_.lower() for c in given] not in [[w] for w in GIVEN_ALONE] or tree.prep_objects(verb, "to"):
        return None
    asked = [e for e in events if e.type == "AsylumRequest" and e.agent and grantor and grantor in e.target]
    return max(asked, key=lambda e: min(e.sentences)).agent[0] if asked else None


SAFE_CONDUCT_WORDS = frozenset({"safe", "conduct", "conducts", "safe-conduct", "passage", "let", "allow", "permit", "leave"})


def answers_request(trigger: Token) -> bool:
    """A refusal that names no safe conduct of its own ("La Paz rejected the request")."""
    local = structure.local_tokens(trigger)
    # (or the object of its complement: "has not decided whether to grant her a safe conduct")
    local += [c for x in local if x.dep_ in ("xcomp", "ccomp") and x.head == trigger for c in x.children if c.dep_ == "dobj"]
    return not any(t.lower_ in SAFE_CONDUCT_WORDS or t.lemma_.lower() in SAFE_CONDUCT_WORDS for t in local)
