"""Which legal acts and removals an article tells are one act, and which are two (the codebook: one
real-world act is one event, however many times it is told):

* a warrant for someone's arrest and the charges against them, told in sentences of their own or in
  one sentence by two organs, are two acts (a court orders the arrest, prosecutors charge), though
  both are a ``Charge`` with the same parties: a Charge carries its kind and organ while the article
  is assembled, and two of different kinds stay apart;
* charges told as standing ("she faces charges of treason", "the indictment accuses her of ...")
  are the charges filed against that person, told again at the time of the telling: with a charge
  against the same person told elsewhere, of the same offence or of none given, they are that one
  act, whatever date the telling carries;
* a detention told as it stands ("she remains in custody", "has been held since 2020") where the
  arrest of the same person is told as done is that arrest, whatever state or date the telling gives;
* a leader's removal told without a legislature or court behind it ("since his removal", "after she
  was ousted") in an article that tells the coup against that leader is the coup, not a removal
  from office of its own;
* a removal told twice, once with the legislature that voted and once with only the state or
  nobody ("the impeachment that removed him"), or once by the legislature's name and once by the
  common word ("the Verkhovna Rada" and "parliament"), is one removal, coded with the legislature.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import structure
from .organs import organ_token

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the event field that holds an act's kind while the article's events are assembled (dropped after:
#: repeated_acts.drop_assembly_fields)
KIND = "act_kind"
#: the field that holds the organ word a Charge's clause names as its subject ("court", "prosecutor")
ORGAN = "act_organ"
#: the field that marks a Charge told only as standing ("she faces charges"), likewise dropped after
STANDING = "standing_charge"
#: the field that says whether a removal's own clause names who removed ("told") or not ("untold": the
#: remover is the extractor's guess), likewise dropped after the assembly
REMOVER = "remover"

#: words by which a Charge is a warrant (an order to arrest), not an accusation
WARRANT_WORDS = frozenset({"warrant", "warrants", "arrest order", "detention order", "wanted list", "most-wanted list",
                           "most wanted list", "wanted persons list"})


#: organ words of one family: a judge acts as the court, a prosecution as its prosecutors
ORGAN_FAMILIES = {"judge": "court", "tribunal": "court", "magistrate": "court", "judiciary": "court",
                  "prosecution": "prosecutor", "attorney": "prosecutor", "investigator": "prosecutor"}


def charge_organ(trigger: Token) -> str | None:
    """The organ a Charge's clause names as its subject ("the Supreme Court", "prosecutors, who ..."),
    by family, or None."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else structure.nominal_agent(trigger)
    if subject is not None and subject.lower_ in ("who", "which", "that") and trigger.dep_ == "relcl":
        subject = trigger.head  # "prosecutors, who accuse him of ..."
    organ = organ_token(subject) if subject is not None else None
    if organ is None or organ.lower_ in ("it", "they"):
        return None
    lemma = organ.lemma_.lower()
    return ORGAN_FAMILIES.get(lemma, lemma)


def charge_kind(trigger: Token) -> str:
    """'warrant' for a Charge told as an order to arrest ("issued a warrant for her arrest", "the court
    ordered his arrest", "put him on its wanted list"), else 'charge' (indicted, accused, tried)."""
    local = structure.local_tokens(trigger)
    words = {t.lower_ for t in local} | {t.lemma_.lower() for t in local}
    phrases = {f"{a.lower_} {b.lower_}" for a, b in zip(local, local[1:])} | {
        f"{a.lower_} {b.lower_} {c.lower_}" for a, b, c in zip(local, local[1:], local[2:])}
    if (words | phrases) & WARRANT_WORDS:
        return "warrant"
    if trigger.lemma_.lower() == "want":
        return "warrant"  # "she is wanted for fraud in Peru": a warrant is out for her
    if trigger.lemma_.lower() == "order" and any(t.lemma_.lower() in ("arrest", "capture") and t.pos_ == "NOUN" for t in local):
        return "warrant"  # "the Supreme Court had ordered his arrest", "a judge ordered his capture"
    return "charge"


def distinct_kinds(one: dict, other: dict, one_sentences: set[int], other_sentences: set[int]) -> bool:
    """Whether two acts' fields tell two kinds of act (a warrant and an indictment), told in sentences of
    their own or, in one sentence, by two organs named ("prosecutors charged him and the court ordered
    his arrest"): never one event.  Otherwise one sentence keeps them one act (measured: a warrant and
    the charges it names often share their sentence)."""
    a, b = one.get(KIND), other.get(KIND)
    if a is None or b is None or a == b:
        return False
    if not one_sentences & other_sentences:
        return True
    organs = (one.get(ORGAN), other.get(ORGAN))
    return None not in organs and organs[0] != organs[1]


def standing_charges_told_again(events: list) -> list:
    """The events without the Charges told only as standing that are a charge told elsewhere in the
    article (the module docstring): each joins that charge (one told as done first), which keeps its own date."""
    def same_charge(event, candidates: list):
        others = [e for e in candidates if _one_charge(e, event)]
        return next((e for e in others if not e.fields.get(STANDING)), None) or next(iter(others), None)
    return _standing_joined(events, "Charge", same_charge, keep_fields=True)


def standing_detentions_told_again(events: list) -> list:
    """The events without the Arrests told only as a detention that stands ("he has been held since then in
    Lefortovo", "she remains in custody", "spent a year in custody") where the article tells the arrest of
    the same person as done elsewhere: the detention is that arrest (the codebook: one detention, one
    Arrest), whose agent comes from the act's own telling; the state a standing detention's place or story
    gives is a guess ("held in Lefortovo" is Moscow's today, the KGB's then).  Each joins that arrest,
    which keeps its own date and agent (not an arrest dated after the detention began: an arrest again)."""
    def same_arrest(event, candidates: list):
        return next((e for e in candidates if event.target and not e.fields.get(STANDING)
                     and set(e.target) == set(event.target) and not _held_before(event.fields, e.fields)), None)
    return _standing_joined(events, "Arrest", same_arrest, keep_fields=False)


def _standing_joined(events: list, event_type: str, same_of, keep_fields: bool) -> list:
    """The events with each one of ``event_type`` told only as standing joined to the one ``same_of(event,
    candidates)`` finds among the others of its type not yet joined (with ``keep_fields``, the fields the
    act's own telling lacks taken from the standing one, but its date: the telling's is when it stood)."""
    dropped: set[int] = set()   # (by place in the list)
    for n, event in enumerate(events):
        if event.type != event_type or not event.fields.get(STANDING):
            continue
        same = same_of(event, [e for k, e in enumerate(events) if k != n and k not in dropped and e.type == event_type])
        if same is None:
            continue
        if keep_fields:
            for key, value in event.fields.items():
                if key not in ("date", STANDING):
                    same.fields.setdefault(key, value)
        same.absorb_telling(event)
        same.confidence = max(same.confidence, event.confidence)
        dropped.add(n)
    return [e for k, e in enumerate(events) if k not in dropped]


def _held_before(standing: dict, done: dict) -> bool:
    """Whether a detention told as standing is dated before an arrest told as done: then it is an earlier
    detention ("has been in a cell since October 2017 ... He was arrested again in 2020"), not that arrest."""
    one, other = ((f.get("date") or {}).get("value") or "" for f in (standing, done))
    size = min(len(one), len(other))
    return size >= 4 and one[:size] < other[:size]


def _one_charge(one, other) -> bool:
    """Whether two Charges can be one: the same person charged, by the same state or one untold, of the
    same offence or one untold, and not a warrant beside an indictment."""
    if not one.target or set(one.target) != set(other.target):
        return False
    if one.agent and other.agent and not set(one.agent) & set(other.agent):
        return False
    offences = [e.fields.get("charge") for e in (one, other)]
    if None not in offences and offences[0] != offences[1]:
        return False
    return not distinct_kinds(one.fields, other.fields, one.sentences, other.sentences)


#: entity types whose removal of a leader is a removal from office of its own (the codebook's votes)
REMOVING_BODIES = ("Legislature", "Court")


def removals_in_coups(events: list, entity_type: Callable[[str], str | None],
                      by_name: Callable[[str], bool] = lambda _: False) -> list:
    """The events without the removals that are the article's coup told again, and with a removal
    told twice kept once (the module docstring). ``entity_type`` gives an entity's type, ``by_name``
    whether a legislature is one the article names by its own name, its state unknown ("the Verkhovna
    Rada"): told beside the state's legislature by the common word ("parliament"), it is that one."""
    ousted = {t for e in events if e.type == "CoupAttempt" for t in e.target}
    out = []
    for event in events:
        if event.type != "RemovalFromOffice":
            out.append(event)
            continue
        by_body = any(entity_type(a) in REMOVING_BODIES for a in event.agent) and event.fields.get(REMOVER) != "untold"
        if not by_body and event.target and set(event.target) <= ousted:
            continue  # "held by the army since his removal": the coup's removal
        same = next((e for e in out if e.type == "RemovalFromOffice" and e.target == event.target
                     and (_one_remover(e, event, entity_type) or _one_legislature(e, event, entity_type, by_name))), None)
        if same is None:
            out.append(event)
            continue
        if by_body and not any(entity_type(a) in REMOVING_BODIES for a in same.agent):
            same.agent[:] = event.agent  # told again with the legislature that voted: that is its agent
        elif any(by_name(a) for a in event.agent) and not any(by_name(a) for a in same.agent):
            same.agent[:] = event.agent  # "the Verkhovna Rada", not "parliament": the name the article gives it
        same.absorb_telling(event)
    return out


def _one_remover(one, other, entity_type: Callable[[str], str | None]) -> bool:
    """Whether two removals of the same person can be one act: the same remover, a remover untold on
    one side, or a legislature on one side and a state (not a body) on the other."""
    if not one.agent or not other.agent or set(one.agent) & set(other.agent):
        return True
    bodies = [e for e in (one, other) if any(entity_type(a) in REMOVING_BODIES for a in e.agent)]
    return len(bodies) == 1 and all(entity_type(a) == "State" for e in (one, other) if e not in bodies for a in e.agent)


def _one_legislature(one, other, entity_type: Callable[[str], str | None], by_name: Callable[[str], bool]) -> bool:
    """Whether two removals' legislatures are one body told two ways: one by its proper name, its state
    unknown ("the Verkhovna Rada removed him"), the other by the common word ("parliament voted to remove him")."""
    if len(one.agent) != 1 or len(other.agent) != 1 or any(entity_type(e.agent[0]) != "Legislature" for e in (one, other)):
        return False
    return by_name(one.agent[0]) != by_name(other.agent[0])
