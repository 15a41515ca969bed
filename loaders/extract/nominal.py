"""Events told as nouns ("the expulsion of twelve diplomats by Norway", "since the recall of its
envoy"): who does the act a noun names, where its own phrase or the parser leaves it unsaid.

frames.py matches a noun trigger like a verb's (see ``mentioned`` in frames.yaml); these helpers
find its agent: the noun's own "by ..." or possessor (structure.nominal_agent), a "by" the parser
hung on the noun's "of" object, a demonym on it ("the Russian expulsion of ..."), the agent of the act
noun it is listed with ("Ghana's recognition of X and its recall of ..."), and the subject of the
clause an unowned possessive pronoun is bound to ("Following the recall of its ambassador, Algeria
froze talks": Algeria's recall).  They also say when a noun names no act done (``unrealised``: "a
possible recognition", "the threat of a recall"), when a plural one is each party's act on the other
(``mutual_parties``: "the expulsions of diplomats by both sides"), and who did the passive acts told
after a decision noun ("The Egyptian decision went further. X was declared persona non grata").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import envoys, modality, structure, tree
from .gazetteer import fold
from .language import english_words
from .world import FEMALE_NAMES, MALE_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .gazetteer import Mention
    from .mentions import TokenMentions

#: possessive pronouns that stand for a state or body ("its envoy", "their diplomats")
OWNER_PRONOUNS = frozenset({"its", "their"})

#: the entity types of a word on an act noun that may name its agent ("Russian", "US")
MODIFIER_ENTITIES = frozenset({"NORP", "GPE"})

#: words on an act noun that make it an act not (yet) done: "a possible recognition", "its planned recall"
UNREALISED_MODIFIERS = frozenset({"possible", "potential", "planned", "proposed", "threatened", "eventual", "likely",
                                  "imminent", "expected", "feared", "mooted", "rumoured", "rumored", "hypothetical",
                                  "future", "prospective", "contemplated", "intended", "looming"})

#: determiners that deny the act a noun names: "there was no recall of its ambassador"
NO_ACT_DETERMINERS = frozenset({"no"})

#: nouns whose "of" phrase names an act not done: "the prospect of Sweden's recognition of X", "talk of a
#: Ghanaian expulsion", "the threat of a recall"
UNREALISED_HEADS = frozenset({"prospect", "possibility", "threat", "risk", "fear", "talk", "call", "demand", "plan",
                              "proposal", "idea", "option", "danger", "spectre", "specter", "likelihood", "chance",
                              "hope", "rumour", "rumor", "warning", "request", "push", "pressure", "question"})

#: verbs whose object names an act not done: "urged a Kenyan recall of ...", "is weighing Spain's recognition"
UNREALISED_VERBS = frozenset({"urge", "demand", "propose", "seek", "consider", "weigh", "threaten", "plan", "want",
                              "push", "press", "request", "expect", "hope", "avoid", "prevent", "discuss", "debate",
                              "mull", "recommend", "suggest", "advocate", "favour", "favor", "contemplate", "envisage"})

#: nouns that name what a state did without saying what: "The Egyptian decision went further", "Ghana's response"
DECISION_NOUNS = frozenset({"decision", "move", "response", "reply", "retaliation", "step", "measure", "action",
                            "riposte", "reaction"})

#: hearsay nouns whose act a denying verb says did not happen: "denied reports of Ghana's expulsion of ..."
HEARSAY_NOUNS = frozenset({"report", "rumour", "rumor", "claim", "allegation", "story", "speculation"})
DENYING_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "debunk", "rebut"})

#: the prepositions through which a noun is an adjunct of its clause ("since the recall ...")
ADJUNCT_PREPOSITIONS = frozenset({"after", "since", "following", "before", "upon", "with", "despite", "over",
                                  "for", "by", "in"})


#: verbs of answering whose "with" phrase is the answer itself ("Moscow retaliated with the expulsion of ...")
RESPONSE_VERBS = frozenset({"respond", "retaliate", "answer", "reply", "react", "counter"})


def responding_subject(noun: Token) -> Token | None:
    """'Russia retaliated with the expulsion of ten Polish diplomats': an act noun in the "with" phrase of
    a verb of answering is the answer, done by the verb's subject (a realised one: the verb's own
    modality is read where the noun's is)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RESPONSE_VERBS:
        return None
    if modality.not_an_act(verb, False):
        return None   # "threatened to retaliate with the expulsion of ...", "could respond with ..."
    return structure.logical_subject(verb)


def owning_subject(noun: Token) -> Token | None:
    """'Peru defended the expulsion of two Chilean diplomats', 'Kenya justified the recall of its envoy': an
    act noun with no agent of its own, the object of a verb by which one answers for one's own act done
    (``owning_verbs`` in frames.yaml), is the act of that verb's subject (a realised verb: not "will have to
    justify the expulsion")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in english_words("owning_verbs"):
        return None
    if modality.not_an_act(verb, False):
        return None
    return structure.logical_subject(verb)


def answer_owner(noun: Token) -> Token | None:
    """'Chile's answer was the recall of its ambassador': an act noun that a past "be" says an answer to
    what was done was (``response_nouns``, as "X's answer was to expel ..." in modality.answer_told) is
    that answer, done by the answer's possessor (not "X's answer was not the recall ..."; nor where the
    sentence declares the one acted on persona non grata: the declaration's, whose deadline it tells, codebook)."""
    be = noun.head
    if noun.dep_ == "appos" and be.lemma_.lower() in english_words("response_nouns") and be.pos_ == "NOUN":
        # the act in apposition to the answer, told as given: "Lima's answer, a downgrade of ties, came within
        # hours" (not "Lima's answer, a downgrade of ties, would come later": reported_by_noun reads its clause)
        return next((c for c in be.children if c.dep_ == "poss"), None) if modality.reported_by_noun(be) else None
    if noun.dep_ != "attr" or be.lemma_ != "be" or not modality.answer_told(be) \
            or any(c.dep_ == "neg" for c in be.children) or any(t.lower_ in structure.PHRASE_LAST for t in be.sent):
        return None
    answer = next(c for c in be.children if c.dep_ == "nsubj")
    return next((c for c in answer.children if c.dep_ == "poss"), None)


def agent(noun: Token) -> Token | None:
    """Who acts in a noun's own phrase: its "by ..." or possessor, else a "by" with a proper name the
    parser hung on its "of" object ("the expulsion of [twelve diplomats by Norway]"), else the subject of
    a verb of answering whose "with" phrase it is ("retaliated with the expulsion of ..."), else the subject of
    a verb owning it ("defended the expulsion of ..."), else the possessor of an answer it was ("X's answer
    was the expulsion of ...")."""
    found = structure.nominal_agent(noun)
    if found is not None and found.dep_ == "poss" and (found.lemma_.lower() in envoys.ENVOY_LEMMAS
                                                       or found.ent_type_ in ("DATE", "TIME")):
        return None  # "the Nigerian ambassador's expulsion": the one acted on; "Saturday's expulsion": when
    if found is not None:
        return found if found.lower_ != "whose" else None  # "X, whose arrest ...": the one acted on
    if (told := state_modifier(noun)) is not None:
        return told
    if (shared := coordinated_agent(noun)) is not None:
        return shared
    if noun.dep_ in ("nsubj", "nsubjpass", "ROOT") and (tree.prep_objects(noun, "of") or tree.prep_objects(noun, "against")):
        # "Its expulsion of two Togolese diplomats followed", "its case against X was filed": "its"/"their" on the
        # clause's subject, with the act's own "of" (or "against") object, is who acts (without one, "their
        # expulsion" is of those it names; as an object, "announced its recognition of X", the clause's subject)
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
        if owner is not None:
            return owner
    for obj in tree.prep_objects(noun, "of"):
        for by in (c for c in obj.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"):
            pobj = next((g for g in by.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN" and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return responding_subject(noun) or owning_subject(noun) or answer_owner(noun)


def enacted_as(noun: Token) -> Token:
    """The act noun whose place in the clause a noun coordinated with it shares: "ordered the expulsion
    of X's ambassador and the withdrawal of its own": the withdrawal is ordered too (the first conjunct)."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.i != noun.i:
        head = noun.head
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # the parser's "the expulsion of [X's ambassador and the withdrawal of ...]"
        noun = head
    return noun


def coordinated_agent(noun: Token) -> Token | None:
    """'Ghana's recognition of Kosovo and its recall of its envoy', 'Peru's recognition of X and
    recall of its envoy': an act noun coordinated with one that has its own agent, itself with no
    owner but "its"/"their" or none at all, shares that agent."""
    if noun.dep_ != "conj" or noun.head.pos_ != "NOUN" or not tree.prep_objects(noun, "of"):
        return None
    owners = [c for c in noun.children if c.dep_ in ("poss", "det")]
    if any(not (c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS) for c in owners):
        return None  # "the recall", "Togo's recall": an act of its own telling
    head = noun.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # the parser's "X's recall of [its ambassador and its expulsion of ...]"
    return agent(head)


def state_modifier(noun: Token) -> Token | None:
    """'the Russian expulsion of two Estonian diplomats', 'the US recognition of Kosovo': a demonym or a
    state's name modifying an act noun that has its own "of" object is the one who acts (without the
    "of" object, "the Russian expulsions" may be of Russians). Only a word the tagger takes for a
    nationality or a place; the registry decides whether it is a state."""
    if not tree.prep_objects(noun, "of"):
        return None
    for child in noun.children:
        if child.i < noun.i and child.ent_type_ in MODIFIER_ENTITIES and (
                (child.dep_ == "amod" and child.pos_ in ("ADJ", "PROPN"))
                or (child.dep_ == "compound" and child.pos_ == "PROPN")):
            return child
    return None


def unrealised(noun: Token) -> bool:
    """Whether an act noun names an act not done: a modifier ("a possible Swedish recognition of X",
    "Kenya's planned recall"), a denying determiner ("there was no recall of ..."), a noun it is the "of"
    phrase of ("the prospect of Sweden's recognition", "talk of a Ghanaian expulsion"), or a verb that wants it ("urged a Kenyan recall of ...") or denies
    the reports of it ("denied reports of Ghana's expulsion"); up to its clause's verb, and not past a
    "since/after" that dates a past act."""
    if any(c.dep_ in ("amod", "advmod") and c.lower_ in UNREALISED_MODIFIERS for c in noun.children):
        return True
    if any(c.dep_ == "det" and c.lower_ in NO_ACT_DETERMINERS for c in noun.children):
        return True   # "there was no recall of its envoy", "said there had been no arrest of X": denied
    current = noun
    for _ in range(8):
        head = current.head
        if head.i == current.i or (head.dep_ == "prep" and head.lower_ in structure.BEFORE_AFTER):
            return False
        if current.dep_ != "conj" and head.pos_ == "NOUN" and head.lemma_.lower() in UNREALISED_HEADS:
            return True
        if head.pos_ in ("VERB", "AUX"):
            wanted = head.lemma_.lower() in UNREALISED_VERBS
            denied = head.lemma_.lower() in DENYING_VERBS and current.lemma_.lower() in HEARSAY_NOUNS
            return (wanted or denied) and current.dep_ in ("dobj", "nsubjpass")
        current = head
    return False


def mutual_parties(noun: Token, party_nouns: frozenset[str]) -> list[Token] | Token | None:
    """'the expulsions of diplomats between Poland and Belarus', 'the recalls of envoys by both sides':
    a plural act noun with no one agent is each party's act on the other.  The two named parties (the
    "between" phrase's list), or the party noun whose two states were told before ("both sides")."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or not tree.prep_objects(noun, "of"):
        return None
    # ("between" on the noun or on its "of" object: "the expulsions of [diplomats between X and Y]")
    for pobj in tree.prep_objects(noun, "between") + [p for o in tree.prep_objects(noun, "of")
                                                      for p in tree.prep_objects(o, "between")]:
        if len(listed := [pobj, *pobj.conjuncts]) == 2:
            return listed
    for pobj in tree.prep_objects(noun, "by"):
        if pobj.lemma_.lower() in party_nouns and pobj.tag_ == "NNS" \
                and any(c.lower_ in ("both", "two") for c in pobj.children):
            return pobj
    return None


def mutual_states(noun: Token, index: TokenMentions, party_nouns: frozenset[str]) -> list[tuple[str, Mention]]:
    """The two states of a plural act noun done by each on the other (``mutual_parties``), or none."""
    found = mutual_parties(noun, party_nouns)
    if found is None:
        return []
    parties = [f for t in found for f in index.fill(t, ["state"])[:1]] if isinstance(found, list) \
        else index.before(found, "state", 2)
    return parties if len(parties) == 2 and parties[0][0] != parties[1][0] else []


def decision_owner_before(verb: Token) -> Token | None:
    """'The Egyptian decision went further than a simple expulsion. Ambassador X was declared persona
    non grata': a passive act without "by", first in its sentence's clauses, is done by the owner (a
    possessor or demonym) of the decision noun that is the subject of the sentence just before."""
    sent = verb.sent
    if sent.start == 0 or any(t.dep_ in tree.SUBJECTS and t.pos_ in ("PROPN", "PRON")
                              and t.head.pos_ in ("VERB", "AUX") and t.head.i < verb.i and t.head.i != verb.i
                              for t in sent):
        return None  # another subject acted in between
    before = verb.doc[sent.start - 1].sent
    subject = next((t for t in before if t.dep_ in tree.SUBJECTS and t.head == before.root), None)
    if subject is None or subject.lemma_.lower() not in DECISION_NOUNS:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    return owner if owner is not None else next((c for c in subject.children if c.dep_ in ("amod", "compound")
                                                 and c.ent_type_ in MODIFIER_ENTITIES), None)


def bound_owner(noun: Token) -> Token | None:
    """'since the recall of its envoy', 'following the withdrawal of their ambassadors': the noun
    has no agent of its own and its object's possessor is "its"/"their"; that pronoun is bound to
    the subject of the clause the noun is an adjunct of, which acts."""
    if agent(noun) is not None:
        return None
    if not any(p.dep_ == "poss" and p.lower_ in OWNER_PRONOUNS for o in tree.prep_objects(noun, "of")
               for p in o.children):
        return None
    subject = _adjunct_clause_subject(noun)
    return subject if subject is not None and subject.pos_ in ("PROPN", "NOUN") else None


def _adjunct_clause_subject(noun: Token) -> Token | None:
    """The logical subject of the clause a noun is a fronted or trailing adjunct of ("since the recall
    of its envoy, Algeria ...", "Since his arrest, X ...")."""
    verb = _adjunct_verb(noun)
    return structure.logical_subject(verb) if verb is not None else None


def _adjunct_verb(noun: Token) -> Token | None:
    """The verb whose adjunct a noun's preposition heads ("after his arrest", "days after his arrest")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ADJUNCT_PREPOSITIONS:
        return None
    verb = noun.head.head
    if verb.dep_ == "npadvmod" and verb.pos_ == "NOUN":   # "days after ...": the measure's verb
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def bound_possessor(pronoun: Token) -> Token | None:
    """Whom a possessive pronoun on a noun trigger stands for when the article's chain has no
    antecedent for it: "whose" is the noun its relative clause hangs on ("Ana Ruiz, whose arrest in
    May drew protests, ..."); "his", "her", "its", "their" on a noun in a fronted adjunct is the subject
    of the clause that follows ("Since his arrest in 2019, Luis Vega has been in prison")."""
    if pronoun.dep_ != "poss" or (pronoun.pos_ != "PRON" and pronoun.lower_ != "whose"):
        return None
    noun = pronoun.head
    if pronoun.lower_ == "whose":
        verb = noun
        for _ in range(4):  # up to the relative clause's verb
            if verb.dep_ == "relcl":
                return verb.head
            if verb.head.i == verb.i:
                return None
            verb = verb.head
        return None
    # the clause's own subject, a passive's too ("After his detention, X was charged": X, not who charged him)
    verb = _adjunct_verb(noun)
    subject = next((c for c in verb.children if c.dep_ in tree.SUBJECTS), None) if verb is not None else None
    subject = subject if subject is not None else _adjunct_clause_subject(noun)
    if subject is None or subject.i < noun.i or subject.pos_ not in ("PROPN", "NOUN"):
        return None  # only an adjunct told before its clause's subject (cataphora); the chain resolves the rest
    # "the opposition lawmaker Juan Vega": the parser may make the title and the name two subjects, or
    # the name the title's apposition ("the Swedish ambassador, Lars Berg")
    named = [c for c in (verb.children if verb is not None else ()) if c.dep_ in tree.SUBJECTS and c.pos_ == "PROPN"] \
        + [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    subject = named[0] if subject.pos_ == "NOUN" and named else subject
    return None if _gender_clash(pronoun, subject) else subject


def _gender_clash(pronoun: Token, name: Token) -> bool:
    """Whether "his"/"her" cannot stand for the person named by ``name``, whose first name is only of
    the other gender ("Following her arrest, Pavel Orlov ...": someone else's arrest)."""
    if pronoun.lower_ not in ("his", "her") or name.pos_ != "PROPN":
        return False
    first = fold(name.doc[name.left_edge.i if name.left_edge.dep_ == "compound" else name.i].text)
    own, other = (FEMALE_NAMES, MALE_NAMES) if pronoun.lower_ == "her" else (MALE_NAMES, FEMALE_NAMES)
    return first in other and first not in own


#: the words on an envoy noun that give it a state of its own ("Iraqi diplomats", "its envoy", "the
#: Argentine embassy's staff")
_OWN_STATE_ENTITIES = frozenset({"NORP", "GPE"})


def left_place(noun: Token) -> Token | None:
    """'the expulsion of Iraqi diplomats from Washington', 'the expulsion of its envoy from Quito': the
    named place the envoys of an "of" phrase are sent from, when they carry a state of their own (a
    demonym, a possessor), is the host that acts.  ('the expulsion of diplomats from 23 countries':
    no state of their own, and a count, not a name: the countries are their senders, none is returned.)"""
    for obj in tree.prep_objects(noun, "of"):
        if obj.lemma_.lower() not in envoys.ENVOY_LEMMAS:
            continue
        modifiers = [t for t in obj.subtree if t.i < obj.i]
        if not any(t.ent_type_ in _OWN_STATE_ENTITIES or (t.dep_ == "poss" and t.lower_ in OWNER_PRONOUNS)
                   for t in modifiers):
            continue
        for place in tree.prep_objects(noun, "from") + tree.prep_objects(obj, "from"):
            if place.pos_ == "PROPN" and place.ent_type_ == "GPE":
                return place
    return None


#: verbs that answer a request ("turned down", "rejected", "granted" X's request): their subject is the one asked
#: ("supported X's request" names no one asked)
ANSWERING_VERBS = frozenset({"reject", "refuse", "deny", "decline", "ignore", "grant", "accept", "answer", "approve",
                             "rebuff", "dismiss"})
#: ... with a particle: "turned down"
ANSWERING_PHRASALS = {"turn": "down"}


def answering_verb(noun: Token) -> Token | None:
    """The verb that answers a request noun ("X's request was turned down", "Peru granted X's request"), or None."""
    verb = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in ANSWERING_VERBS or any(c.dep_ == "prt" and c.lower_ == ANSWERING_PHRASALS.get(lemma) for c in verb.children):
        return verb
    return None
