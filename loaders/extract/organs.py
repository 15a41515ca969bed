"""Organs acting for their state, where the text does not name the state.

Police, prosecutors, courts, judges, soldiers and security services act for their state (the event
codebook: "acts of ... police, prosecutors, courts or troops have the state as agent").  When the
organ names its state ("Peruvian police", "a court in Lima", "Russia's security service") the
mentions index finds it; this module decides the state of an organ named without one ("police
arrested her", "prosecutors charged him") and of a legal act whose agent the sentence leaves out
("she was sentenced to ten years"):

1. a place in the organ's phrase or on the act ("police in Lima", "was arrested in Lima");
2. the state of the person acted on where the article gives them an office of it;
3. the state whose organs acted in the legal acts told before in the article;
4. the state of whoever reports the act, where that is a state or its official ("Hungary announced
   that ... had been sentenced");
5. the state of the dateline's place ("KIGALI — X, a Belgian citizen, was sentenced");
6. the state of the person acted on, where the article gives it otherwise (their nationality);
7. the state the article is about.

Where 5, 6 or 7 is the home of the one acted on and the passage has just put them abroad ("LONDON —
X, a British aid worker who travelled to Iran, was arrested"), the state they went to or are held in
acts instead (abroad_places.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import line_labels, modality, structure, tree
from .abroad_places import nationality_told, place_abroad
from .act_places import city_state, place_of_act
from .coref_lexicon import HEAD_TITLES, PERSON_NOUNS, SPEECH_LEMMAS
from .governments import WORDS
from .holders_before import (
    HOLDER_VERBS,
    HOLDING_VERBS,
    RULER_LOOKBACK,
    holder_told_before,
    told_abroad,
)
from .legal_bodies import stateless_court
from .person_groups import PERSON_GROUP_NOUNS

#: nouns of a number of men ("a group of officers"): the organ is the one they are of (governments.yaml)
COLLECTIVES, COLLECTIVE_TIES = WORDS["collectives"], WORDS["collective_ties"]
#: parts of a body that act in its name ("Pre-Trial Chamber II of the International Criminal Court", "ICC judges")
BODY_PARTS = frozenset(WORDS["body_parts"])

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .gazetteer import Mention
    from .mentions import TokenMentions

#: nouns (lemmas) that name an organ of a state acting in its name: police, the courts, the forces
ORGAN_WORDS = frozenset({
    "police", "policeman", "policemen", "policewoman", "policewomen", "officer", "agent", "detective", "investigator",
    "gendarme", "gendarmerie",
    "prosecutor", "prosecution", "attorney", "court", "judge", "tribunal", "magistrate", "judiciary", "jury",
    "soldier", "troop", "army", "military", "force", "guard", "commando", "paratrooper", "marine", "militia", "ranger",
    "authority", "service", "intelligence", "security", "junta", "putschist", "mutineer",
    "office",  # "the attorney general's office", "the prosecutor's office"
})
#: titles of the officials of a legal organ, named before the name ("Attorney General X", "Judge Y")
LEGAL_OFFICIALS = frozenset({"attorney", "prosecutor", "judge", "magistrate", "investigator", "justice"})
#: documents a prosecution speaks by ("the indictment accuses him of ..."), acting for its state
LEGAL_DOCUMENTS = frozenset({"indictment", "chargesheet", "charge sheet", "charge-sheet"})
#: words that make a court a military one, which tries its own state's people (governments.yaml)
MILITARY_COURTS = frozenset(WORDS["military_courts"])
#: the organs such words make a military court
COURT_WORDS = frozenset({"court", "tribunal"})
#: organs that rule a state whose power they seized: their acts are that state's
RULER_WORDS = frozenset({"junta", "putschist", "mutineer"})


def ruled_state(junta: Token, index: TokenMentions) -> str | None:
    """The state a junta rules: the state of the armed forces named last in the passage before
    ("Niger's new military rulers ... The junta"), else where the article tells power was seized (its
    first coup: an article telling two names the junta's forces near it)."""
    for token in reversed(junta.doc[tree.sent_start_before(junta, RULER_LOOKBACK):junta.i]):
        mention = index.at(token)
        if token.lemma_.lower() in MILITARY_WORDS and mention is not None and mention.kind == "organ" \
                and (state := index.state_of(mention.entity)) is not None:
            return state
    return index.seized_state() if index.seized_state is not None else None


#: words that make a court or a force international, no state's organ
INTERNATIONAL = frozenset({"international", "inter-american", "european", "african", "world", "un", "u.n.", "united",
                           "interpol", "icc", "icj", "nato", "peacekeeping", "peacekeepers"})
#: pronouns that stand for an organ just named ("It sentenced him", "they detained her")
ORGAN_PRONOUNS = frozenset({"it", "they"})
#: pronouns that stand for a legal official who speaks ("the prosecutor said she had charged him")
SPEAKER_PRONOUNS = frozenset({"he", "she"})


#: an organ named bare ("the Supreme Court", "police"): the mentions give it the article's state, a guess
BARE_ORGAN = re.compile(r"(?i)(?:the\s+)?(?:supreme\s+|constitutional\s+|high\s+)?(?:courts?|judiciary|police|prosecutors?|"
                        r"prosecution|security\s+forces|authorities)")


#: the dependents that make up an organ's own name ("the International Criminal Court", "UN peacekeepers")
NAME_DEPS = frozenset({"compound", "amod", "nmod"})


def whole_body(part: Token) -> Token | None:
    """The body a part of it named as acting belongs to, which acts in its place: "Pre-Trial Chamber II
    of the International Criminal Court", "the judges of the court", "the criminal chamber of a court in
    Lima" (its "of" object), "ICC judges" (a name before a common noun); None for anything else."""
    words = [part, *(c for c in part.children if c.dep_ == "compound")]
    if not any(w.lemma_.lower() in BODY_PARTS or w.lower_ in BODY_PARTS for w in words):
        return None
    body = next(iter(tree.prep_objects(part, "of")), None)
    if body is None and part.pos_ == "NOUN":   # ("Trial Chamber I": a name of its own, no body named)
        body = next((c for c in part.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    return body


def international(organ: Token) -> bool:
    """Whether an organ's own name words make it international ("the International Criminal Court",
    "the European court"), not the places its phrase names ("a court in the United Kingdom"); a part
    of such a body is too ("the Appeals Chamber of the International Criminal Court")."""
    body = whole_body(organ)
    if body is not None and body.i != organ.i and international(body):
        return True
    words, todo = [], [organ]
    while todo:
        token = todo.pop()
        words.append(token)
        todo += [c for c in token.children if c.dep_ in NAME_DEPS or c.dep_ == "appos" and c.pos_ == "PROPN"]
    return any(t.lower_ in INTERNATIONAL for t in words)


def bare_organ(mention: Mention | None) -> bool:
    """Whether an organ mention was named without its state (the mentions gave it the article's)."""
    return mention is not None and mention.kind == "organ" and BARE_ORGAN.fullmatch(mention.surface.strip()) is not None


def organ_token(token: Token | None) -> Token | None:
    """The organ word a subject names, itself or in apposition ("the FSB, Russia's security
    service"), or None when the subject is something else (a person, a named state)."""
    if token is None or international(token):
        return None  # "the International Criminal Court" acts for no state
    if token.lemma_.lower() in BODY_PARTS - ORGAN_WORDS and (body := whole_body(token)) is not None:
        return organ_token(body)   # "the criminal chamber of a court in Lima": the court
    if token.lemma_.lower() in ORGAN_WORDS or token.lower_ in ORGAN_WORDS or token.lower_ in ORGAN_PRONOUNS:
        return token
    if token.lower_ in SPEAKER_PRONOUNS:
        return _speaking_official(token)
    if token.lemma_.lower() in COLLECTIVES:   # "a group of officers", "a faction inside the army": those men
        return organ_token(next((o for tie in COLLECTIVE_TIES for o in tree.prep_objects(token, tie)), None))
    for child in token.children:
        if child.dep_ == "appos" and (child.lemma_.lower() in ORGAN_WORDS or child.lower_ in ORGAN_WORDS):
            return child
        if child.dep_ == "appos" and child.pos_ == "NOUN" and (official := organ_token(child)) is not None:
            return official   # "Ana Ruiz, Peru's attorney general, charged him": the official her title names
    if token.pos_ == "PROPN":  # "Attorney General Ana Ruiz", "Judge Luis Vega": an official of a legal organ, named
        return next((c for c in token.subtree if c.dep_ == "compound" and c.i < token.i and c.lemma_.lower() in LEGAL_OFFICIALS), None)
    if token.pos_ == "NOUN":  # "the attorney general" (its head is "general"); "the indictment accuses him": the prosecution's
        return next((c for c in token.children if c.dep_ == "compound" and c.lemma_.lower() in LEGAL_OFFICIALS), None) \
            or (token if token.lemma_.lower() in LEGAL_DOCUMENTS or " ".join(
                [c.lower_ for c in token.children if c.dep_ == "compound"] + [token.lemma_.lower()]) in LEGAL_DOCUMENTS else None)
    return None


def _speaking_official(pronoun: Token) -> Token | None:
    """'The prosecutor said she had charged him', 'a judge told reporters he had issued a warrant':
    the subject pronoun of a clause a legal official's speech verb governs is that official."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_ not in SPEECH_LEMMAS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or not (speaker.lemma_.lower() in LEGAL_OFFICIALS or speaker.pos_ == "PROPN"):
        return None
    return organ_token(speaker)


def implied_agent(trigger: Token) -> tuple[bool, Token | None]:
    """Whether an act's agent is a state the sentence does not name, and the organ word if any:
    an organ named without its state, or a passive or nominal act with no "by ..." at all."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else None
    if subject is None:
        if trigger.pos_ == "VERB" and not structure.is_passive(trigger) and not line_labels.timeline_entry(trigger):
            return False, None  # an active verb whose subject the parse lost: too little to go on
        return True, None
    organ = organ_token(subject)
    return organ is not None, organ


def implied_state(trigger: Token, organ: Token | None, targets: list[str], index: TokenMentions,
                  judicial: bool = False) -> str | None:
    """The state an organ (or an agentless act) acts for, in the order of the module docstring; a
    state found from the text itself is remembered on the index for the legal acts told after."""
    named_before = _same_organ_before(organ)
    if named_before is not None:
        # "A court in Istanbul heard the case. ... the court sentenced him": the organ named before, with its state
        if international(named_before):
            # "the International Criminal Court ... the court": no state's, the court's own
            return stateless_court(named_before, index)
        state = _organ_named_state(named_before, targets, index)
        if state:
            index.legal_state = state
            return state
    if organ is not None and organ.lemma_.lower() in RULER_WORDS:
        # "Myanmar's military seized power. Weeks later the junta charged X": the state whose power it seized
        ruled = ruled_state(organ, index)
        if ruled and ruled not in targets:
            return ruled
    # (the organ by its place in the list, not by identity: spaCy builds a new Token on each access)
    for token, is_organ in ([(organ, True)] if organ is not None else []) + [(trigger, False)]:
        state = _organ_named_state(token, targets, index) if is_organ else place_of_act(token, targets, index)
        if state:
            index.legal_state = state
            return state
    # another organ of the same sentence that names its state: "prosecutors accused him ... and the
    # Budapest court sentenced him" (not one in a description: "X, a former commander of Serbia's gendarmerie")
    for other in trigger.sent:
        if other != organ and other.pos_ in ("NOUN", "PROPN") and other.lemma_.lower() in ORGAN_WORDS - {"authority"} \
                and not any(t.dep_ == "appos" for t in [other, *other.ancestors]):
            state = _organ_named_state(other, targets, index)
            if state:
                index.legal_state = state
                return state
    # a military court, its state unnamed, tries its own state's people: "SEOUL — a military tribunal sentenced
    # him to death" is the state of the one judged, not the story's dateline nor the courts it told before (in a
    # story filed from the home of the one judged, the court is abroad: "LONDON — a military tribunal sentenced
    # the British lecturer X", below)
    if organ is not None and organ.lemma_.lower() in COURT_WORDS and any(
            c.dep_ in ("amod", "compound") and c.lower_ in MILITARY_COURTS for c in organ.children):
        state = next((s for t in targets if (s := index.state_of(t)) not in (None, t)), None)
        if state and state != (index.dateline_state() if index.dateline_state is not None else None):
            return state
    # an organ that acted in the sentences just before, its state named: "Belarusian police raided the
    # newspaper. Its editor was detained at the airport."
    state = _organ_told_before(trigger, targets, index) if organ is None or organ.lower_ in ORGAN_PRONOUNS else None
    if state:
        return state
    # the state that held or accused the one acted on just before: "Bahrain's government accused X of plotting
    # with Iran. Security forces arrested X", "Iran has held her since 2016. A court sentenced her"
    # (only a state holding them where the passage tells they are abroad: "Slovakia accused X and sought his
    # extradition")
    state = holder_told_before(trigger, targets, index, HOLDING_VERBS if told_abroad(trigger) else HOLDER_VERBS)
    if state:
        return state
    # the state whose organs acted in the legal acts told before ("Belarus charged him ... She was
    # later sentenced by a court in Grodno"): the story's courts, before the person's nationality
    for target in targets:  # an office holder's own state comes first: "the former Thai prime minister"
        state = index.office_state(target) if index.office_state is not None else None
        if state and state != target:
            return state
    told = index.legal_state
    if told and told not in targets:
        return told
    # a state (or its organ) that reports the act on a foreigner: "X, a Lithuanian citizen, was arrested,
    # Belarus's interior ministry said" is Belarus's act, not Lithuania's
    nationality = {index.state_of(t) for t in targets} | nationality_told(trigger, targets, index)
    speaker = modality.speaker(trigger)
    said = index.fill(speaker, ["state"]) if speaker is not None else []
    said_by_a_state = bool(said) and said[0][1] is not None and said[0][1].type != "Person"
    if said_by_a_state and said[0][0] not in targets and said[0][0] not in nationality:
        return said[0][0]
    # where the story is filed, before the nationality of the one acted on: "KIGALI — X, a Belgian
    # citizen, was sentenced to 25 years" is Rwanda's act; troops seizing a president act for his state
    # (not for troops seizing a head of state: a coup is often reported from abroad)
    # (or a person the article titled head of state or government before: "Morsi has been held by the army")
    coup = organ is not None and organ.lemma_.lower() in MILITARY_WORDS and (any(
        t.lower_ in HEAD_WORDS and t.dep_ in ("compound", "appos", "dobj", "nsubjpass") for t in structure.local_tokens(trigger))
        or (index.head_person is not None and any(index.head_person(t) for t in targets)))
    seized = index.seized_state() if coup and index.seized_state is not None else None
    if seized and seized not in targets:
        return seized  # troops seizing a president in an article that says where power was seized: that state's
    dateline = index.dateline_state() if index.dateline_state is not None and not coup else None
    told_near = _state_told_near(trigger, targets, index) if judicial else None
    if told_near and told_near != dateline:
        # a court's or prosecutors' act is the state's the passage tells of, not the dateline's nor the accused's
        # nationality: "PARIS — Chad has tightened its grip. In April prosecutors charged the opposition leader"
        return told_near
    # the one acted on put abroad just before, in a story told from their home (its dateline, their
    # nationality, the state it names most): "LONDON — X, a British aid worker who travelled to Iran in
    # May, was arrested" is Iran's act (not a court's act on one the passage tells is out of its reach:
    # "Turkey seeks the extradition of X, who lives in Berlin. He was sentenced in absentia")
    abroad = place_abroad(trigger, targets, index, nationality, judicial) \
        if not coup and not (judicial and told_abroad(trigger)) else None
    if dateline and dateline not in targets:
        return abroad if abroad and dateline in nationality else dateline
    if said_by_a_state and said[0][0] in nationality:
        # a state (or its organ) telling of its own national held tells of another state's organs: "Rangers
        # detained the Indian fisherman X, India's foreign ministry said" is no act of India's (no guess)
        return abroad
    for target in targets:
        state = index.state_of(target)
        if state and state != target:
            return abroad or state
    speaker = modality.speaker(trigger)
    if speaker is not None:
        said = index.fill(speaker, ["state"])
        if said and said[0][0] not in targets:
            return said[0][0]
    if index.home_state_clear and index.home_state:
        return abroad if abroad and index.home_state in nationality else index.home_state
    if index.home_state is None and not judicial:
        # no home and no dateline: an arrest's state is the one the passage just told of ("Peru's Congress
        # removed X. Police arrested him"), as for a court's act (above, where it beats the dateline)
        return _state_told_near(trigger, targets, index, bodies=True)
    return None  # a tie between two states: no guess


def _state_told_near(trigger: Token, targets: list[str], index: TokenMentions, bodies: bool = False) -> str | None:
    """The state told last before a legal act with no state of its own, in its sentence or the
    RULER_LOOKBACK before: a state named, or the state of an office holder named (no envoy), never the
    one acted on nor their nationality (measured: a government body named there is too often another
    state's, so its state is taken only with ``bodies``, where nothing else is left)."""
    doc, nationality = trigger.doc, {index.state_of(t) for t in targets}
    for i in range(trigger.i - 1, tree.sent_start_before(trigger, RULER_LOOKBACK) - 1, -1):
        where = False   # a place where the passage is (the last resort only)
        mention = index.at(doc[i])
        if mention is None or mention.entity in targets or (mention.start < doc[i].idx):
            continue  # (a mention once, at its first token)
        if mention.type == "State" or (bodies and mention.type == "City"):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            named = _first_conjunct(span.root) if span is not None else None   # ("between London and Lagos": both places)
            if bodies and named is not None and named.dep_ == "pobj" and named.head.lower_ in WHERE_PREPOSITIONS:
                where = True   # the last resort: where the passage is ("X and Y spoke in Caracas. They were arrested")
            elif named is not None and (named.dep_ == "pobj" or (
                    named.dep_ in ("amod", "compound", "poss") and named.head.dep_ == "pobj")):
                # a place ("lives in exile in France") or what a thing in an adjunct comes from ("travelling
                # on Swiss passports"), not the state the passage tells of
                continue
            if span is not None and _persons_nationality(span.root, index):
                continue  # "X, an Israeli, was sentenced": a person's nationality, not the state that judges
            state = mention.entity if mention.type == "State" else index.state_of(mention.entity)
        elif mention.type == "Person" and index.office_state is not None and not (
                index.envoy_person is not None and index.envoy_person(mention.entity)):
            state = index.office_state(mention.entity)
        elif bodies and mention.type in BODY_TYPES:
            state = index.state_of(mention.entity)
        else:
            continue
        # (a court or legislature acts on its state's own people: "Peru's Congress removed X. Police arrested him")
        domestic = bodies and (where or mention.type in DOMESTIC_BODY_TYPES)
        if state and state not in targets and state not in nationality and (domestic or not _acts_on(doc[i], targets, index)):
            return state
    return None


def _first_conjunct(token: Token) -> Token:
    """The first member of the list a token is a later member of (the token itself if none)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _persons_nationality(token: Token, index: TokenMentions) -> bool:
    """'Alexander Barak, an Israeli,', 'Y, a minister under the government Nigeria's army overthrew,',
    '(tried to kidnap) a former Nigerian minister': a state told in a named person's apposition, or as
    the demonym of an unnamed person acted on, describes a person, not the state whose organs act."""
    appos = next((a for a in (token, *token.ancestors) if a.dep_ == "appos"), None)
    if appos is not None:   # (its whole phrase: "Y, a minister of the government that Nigeria's army overthrew,")
        named = index.at(appos.head)
        if named is not None and named.type == "Person":
            return True
    described = token.head
    return token.dep_ in ("amod", "compound") and described.dep_ in ("dobj", "pobj", "dative") \
        and described.lemma_.lower() in PERSON_NOUNS | PERSON_GROUP_NOUNS and index.at(described) in (None, index.at(token))


def _acts_on(token: Token, targets: list[str], index: TokenMentions) -> bool:
    """Whether the clause a state or person is named in tells the one acted on as well: "Mexico granted
    asylum to X" (a state abroad that shelters X), "France condemned the sentencing of X"."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() in HOLDING_VERBS and any((m := index.at(c)) is not None and m.entity in targets
                                                   for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        return False  # "Iran has held X since 2016. A court sentenced her": the state that holds X judges X
    return any((m := index.at(t)) is not None and m.entity in targets for t in verb.subtree)


def _same_organ_before(organ: Token | None) -> Token | None:
    """The organ a definite bare organ word takes up ("the court" after "a court in Istanbul" or "the
    International Criminal Court"): the last noun of the same word in its sentence or the ORGAN_LOOKBACK
    before, or None."""
    if organ is None or organ.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in organ.children) \
            or any(c.dep_ in ("poss", "amod", "compound", "prep") for c in organ.children):
        return None
    word = organ.lemma_.lower()
    for token in reversed(organ.doc[tree.sent_start_before(organ, ORGAN_LOOKBACK):organ.i]):
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() == word:
            return token
    return None


#: acts of courts and prosecutors, done at home (an arrest is often made abroad, where the story is filed)
JUDICIAL_ACTS = frozenset({"Charge", "Sentence"})
#: mentions of a state's organ that give their state to an agentless act told after them (the last resort)
BODY_TYPES = frozenset({"GovernmentBody", "Court", "Legislature"})
DOMESTIC_BODY_TYPES = frozenset({"Court", "Legislature"})
#: prepositions of a place where the passage is, which the last resort takes for the state acting there
WHERE_PREPOSITIONS = frozenset({"in", "at"})


#: how many sentences back an organ acting with its state named still gives an agentless act its state
ORGAN_LOOKBACK = 2


def _organ_told_before(trigger: Token, targets: list[str], index: TokenMentions) -> str | None:
    """The state of the last organ named with its state as the subject of a clause in the sentences
    just before the act's ("Police in Minsk raided the offices. She was detained ...")."""
    doc = trigger.doc
    sents = list(doc.sents) if trigger.sent.start > 0 else []
    at = next((n for n, s in enumerate(sents) if s.start == trigger.sent.start), None)
    if at is None:
        return None
    for sent in reversed(sents[max(0, at - ORGAN_LOOKBACK):at]):
        for token in reversed(list(sent)):
            # (the subject of a verb: "the government that Nigeria's army overthrew", its verb parsed a noun, is no clause)
            if token.dep_ in ("nsubj", "nsubjpass", "pobj") and token.pos_ in ("NOUN", "PROPN") \
                    and (token.head.pos_ in ("VERB", "AUX") if token.dep_ != "pobj" else token.head.lower_ == "by") \
                    and organ_token(token) == token:
                state = _organ_named_state(token, targets, index)
                if state:
                    return state
    return None


#: prepositions of the place a document was filed with ("filed in a Dhaka court", "submitted to the court in Lima")
FILED_WITH = ("in", "with", "to", "before")


def _organ_named_state(organ: Token, targets: list[str], index: TokenMentions) -> str | None:
    """The state an organ's own phrase names: "Peruvian police", "police in Lima", "the Budapest
    court", "the FSB, Russia's security service"."""
    near = [c for c in organ.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    near += tree.prep_objects(organ, "in") + tree.prep_objects(organ, "of")
    near += [g for c in organ.children if c.dep_ == "appos" for g in c.children if g.dep_ in ("poss", "amod", "compound")]
    if organ.dep_ == "appos":
        near += [c for c in organ.head.children if c.dep_ in ("compound", "amod")]
    # (where a document was filed: "the charge sheet filed in a Dhaka court", "an indictment submitted to a Lima court")
    near += [o for c in organ.children if c.dep_ == "acl" and c.tag_ == "VBN" for p in FILED_WITH for o in tree.prep_objects(c, p)]
    near += [g for c in near for g in c.children if g.dep_ in ("compound", "amod")]  # "the Budapest People's Court"
    near += [g for c in near if c.dep_ == "poss" for g in c.children if g.dep_ == "poss"]  # "Peru's attorney general's office"
    own = index.at(organ)
    if own is not None and own.kind == "organ" and own.entity and not bare_organ(own):
        state = index.state_of(own.entity)  # "a Moscow court": the registry's court of that state
        if state and state not in targets:
            return state
    for place in near:
        if own is not None and index.at(place) is own:
            continue  # a word of the organ's own name ("the Supreme Court") names no state
        found = [f for f in index.fill(place, ["state"]) if f[0] not in targets]
        if found:
            return found[0][0]
        if index.place_state is not None:
            words = " ".join(t.text for t in place.subtree if t.dep_ in ("compound", "flat") or t == place)
            state = index.place_state(words) or index.place_state(place.text) or city_state(place, index)
            if state and state not in targets:
                return state
    return None


#: the first words of the titles of a head of state or government ("prime", as in "Prime Minister X")
HEAD_WORDS = frozenset(title.split()[0] for title in HEAD_TITLES)
#: an act of these organs on a head of state is a coup ("soldiers detained the president")
MILITARY_WORDS = frozenset({"soldier", "troop", "army", "military", "guard", "officer", "commando", "paratrooper",
                            "force", "junta", "putschist", "mutineer"})
#: the offices whose holder's seizure by the armed forces is a coup
HEAD_OFFICES = tuple(f"{title} of" for title in sorted(HEAD_TITLES))
