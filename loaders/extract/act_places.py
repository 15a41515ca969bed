"""Where an act took place, and so whose state did it: "arrested in Lima", "taken into custody in
Quito", "detained near Karachi", "stormed into Peru's congress" (split from `organs.py`, which asks
it when an act names no state of its own)."""

from __future__ import annotations

from itertools import takewhile
from typing import TYPE_CHECKING

from . import structure, tree
from .language import english_words
from .shared_conjuncts import sharing_conjunct

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions


def city_state(place: Token, index: TokenMentions) -> str | None:
    """The state of a city our gazetteer lacks, in a place's position ("a court in Pskov", "a Tver
    court", "arrested in Tomsk"), where the caller can tell."""
    return index.city_state(place, True) if index.city_state is not None else None


#: verbs of holding one acted on, whose place a legal act told before them shares ("remanded in custody in Quito")
CUSTODY_VERBS = frozenset({"remand", "hold", "jail", "imprison", "detain", "keep", "take", "lock", "transfer", "send",
                           "place", "put", "move", "incarcerate", "confine", "arrest", "charge", "sentence", "try",
                           "convict", "question", "interrogate", "book", "bring"})

#: mentions whose state is where they are: a city, a state, an organ of the state that seats it
PLACED = ("City", "State", "GovernmentBody", "Court", "Government")


def place_of_act(trigger: Token, targets: list[str], index: TokenMentions) -> str | None:
    """Where the act took place: "arrested in Lima", "taken into custody in Lima", "entered the
    embassy in Quito to extract him" (where the mission is, never the mission's own state)."""
    head = trigger.head
    shares = trigger.dep_ in ("advcl", "xcomp") or (trigger.dep_ == "conj" and head.pos_ == "VERB"
                                                    and structure.is_passive(head) == structure.is_passive(trigger))
    verbs = [trigger] + ([head] if shares and head != trigger else [])  # ("lives in France and was sentenced": not its place)
    # (an act told as a noun, with the participle that tells its doing: "a ten-year sentence, handed down in
    # Lima", "the warrant issued in Quito"; not "reported in Bogota")
    verbs += doing_participles(trigger)
    # ("was arrested and charged in Ankara": where both acts were done, written after the second)
    verbs += [c for c in [sharing_conjunct(trigger)] if c is not None and structure.is_passive(c) == structure.is_passive(trigger)]
    # (last: the later passive conjuncts of one subject, "was sentenced to five years and taken to prison in Minsk",
    # "was arrested, charged with treason and remanded in custody in Quito"; the act's own place comes first)
    # (custody only: "later granted asylum in Spain" is another state's act, not where the arrest was)
    if structure.is_passive(trigger):
        verbs += [c for c in trigger.conjuncts if c.i > trigger.i and c.pos_ == "VERB" and structure.is_passive(c)
                  and c.lemma_.lower() in CUSTODY_VERBS
                  and c not in verbs and not any(a.dep_ in tree.SUBJECTS for a in c.children)]
    # (a place inside another verb's phrase is not the act's: "arrested after speaking out against the war in Ukraine";
    # nor one inside what the act is about: "detained over a post about the war in Ukraine")
    matter = english_words("subject_matter_words")
    near = [g for v, prep, g in _prep_places(verbs, ("in", "at"))
            if not any(a.pos_ in ("VERB", "AUX") or a.lower_ in matter or a.lemma_.lower() in matter
                       for a in takewhile(lambda a, v=v: a.i != v.i, prep.ancestors))]
    near += [g for v in verbs[:1] for g in _offence_places(v)]
    # (a place of custody one is taken to: "taken to Tehran's main prison", "flown to a jail in Minsk")
    near += [g for _, _, g in _prep_places(verbs, ("to", "into")) if g.lemma_.lower() in english_words("custody_places")]
    # (a place one is "on": "seized him on a Moscow street")
    near += [g for _, _, g in _prep_places(verbs, ("on",)) if g.lemma_.lower() in english_words("on_places")]
    near += [place for v in verbs if v.dep_ == "relcl" for place in _where_places(v)]   # "flew to Lima, where police arrested her"
    near += _cities_near(verbs, index)   # "detained near Karachi" (a city only: "near the Syrian border" is either side)
    for place in near:
        # ("in a Minsk prison": the city that names the place)
        named = [c for c in place.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        # ("at Tehran's airport": the place's owner, where the place itself names no one, as a mission would)
        named += [c for c in place.children if c.dep_ == "poss" and c.pos_ == "PROPN" and index.at(place) is None
                  and place.lemma_.lower() in english_words("owned_places")]
        for candidate in [place] + tree.prep_objects(place, "in") + named:
            mention = index.at(candidate)
            if mention is not None and mention.type in PLACED and mention.kind != "demonym":
                found = [f for f in index.fill(candidate, ["state"]) if f[0] not in targets]
                if found:
                    return found[0][0]
            # a mission "in Quito": where it stands; a city the registry knows with no state ("in Karachi")
            if (mention is None or (mention.type == "City" and mention.kind != "demonym")) and index.place_state is not None:
                state = index.place_state(candidate.text) or city_state(candidate, index)
                if state and state not in targets:
                    return state
    return _seat_entered(verbs, targets, index)


def doing_participles(trigger: Token) -> list[Token]:
    """The participles on an act told as a noun that tell its doing ("the sentence handed down in May"):
    frames.yaml's ``doing_participles``."""
    if trigger.pos_ != "NOUN":
        return []
    # (a participle the spelling of its past, "the indictment, read in court", may be tagged a past tense)
    return [c for c in trigger.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
            and c.lemma_.lower() in english_words("doing_participles")]


def _offence_places(verb: Token) -> list[Token]:
    """The place the parser hung on a bare gerund naming the act's offence or manner ("charged with spying in
    Beijing", "sentenced to death by hanging in Tehran"): the act's place too, the gerund having no phrase of its
    own to be about (not "arrested after speaking out against the war in Ukraine", "for plotting attacks in Israel")."""
    return [g for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in english_words("offence_prepositions")
            for gerund in prep.children if gerund.dep_ in ("pobj", "pcomp") and gerund.tag_ == "VBG"
            and [c.dep_ for c in gerund.children] == ["prep"]
            for place_prep in gerund.children if place_prep.lower_ in ("in", "at")
            for g in place_prep.children if g.dep_ == "pobj"]


#: prepositions of a place beside the act, which tell its state only where the place is a city
BESIDE = frozenset({"near", "outside"})


def _prep_places(verbs: list[Token], prepositions) -> list[tuple[Token, Token, Token]]:
    """(verb, preposition, its object) for each of ``prepositions`` in the verbs' own clauses."""
    return [(v, t, g) for v in verbs for t in structure.local_tokens(v) if t.dep_ == "prep" and t.lower_ in prepositions
            for g in t.children if g.dep_ == "pobj"]


def _cities_near(verbs: list[Token], index: TokenMentions) -> list[Token]:
    """The cities an act was done near or outside ("detained near Karachi", "arrested outside Minsk")."""
    return [g for _, _, g in _prep_places(verbs, BESIDE)
            if getattr(index.at(g), "type", None) == "City"
            or (index.at(g) is None and g.pos_ == "PROPN" and city_state(g, index))]


#: a state's own seats of power: an act done in (or after walking into) one is done in its owner's
#: country ("walked into Fiji's parliament and took the prime minister away")
STATE_SEATS = frozenset({"parliament", "congress", "legislature", "senate", "assembly", "palace", "cabinet"})


def _seat_entered(verbs: list[Token], targets: list[str], index: TokenMentions) -> str | None:
    """The state owning the seat of power the act was done in or entered ("stormed into Peru's
    congress", "in Bolivia's presidential palace"), or None."""
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "into", "inside"):
                continue
            for seat in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in STATE_SEATS):
                for owner in (c for c in seat.children if c.dep_ == "poss"):
                    found = [f for f in index.fill(owner, ["state"]) if f[0] not in targets]
                    if found:
                        return found[0][0]
    return None


def _where_places(verb: Token) -> list[Token]:
    """The place a relative clause opened by "where" is about: the noun it hangs on, or, where the
    parser hung it on a date after the place ("returned to Lima in May, where ..."), the places the
    date's verb went to or was in before it."""
    place = tree.where_noun(verb)
    if place is None:
        return []
    if place.ent_type_ not in ("DATE", "TIME") or place.dep_ != "pobj":
        return [place]
    holder = place.head.head
    return [g for p in holder.children if p.dep_ == "prep" and p.lower_ in ("to", "in", "at", "into") and p.i < place.i
            for g in p.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
