"""What coref.py reads from the dependency parse: a mention's grammatical role and salience, the
subject that binds a pronoun, the reporter of a reported clause.  Universal-style labels only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    NON_REFERRING_IT,
    PERSON_NOUNS,
    SPEECH_LEMMAS,
    TITLE_WORDS,
)
from .line_headings import heading_subject
from .tree import ANY_SUBJECTS, SUBJECTS, tree_root

if TYPE_CHECKING:
    from spacy.tokens import Token

Span = tuple[int, int]

#: salience of a mention's place (Lappin and Leass 1994): heading its own phrase, not in an adverbial
HEAD_WEIGHT, ADVERBIAL_WEIGHT = 80, 50
#: verbs of speaking to an audience, besides the verbs that attribute speech (coref.yaml: speech)
ADDRESSING_LEMMAS = frozenset({"speak", "address"})
OBJECTS = {"dobj", "dative", "attr", "oprd"}
#: what the parser makes of a list line's label before its subjectless verb
LABEL_DEPS = frozenset({"npadvmod", "dep", "nmod", "advmod", "compound"})


def expletive_it(tok: Token) -> bool:
    """'it is clear that', 'it took three years': an "it" that stands for no actor: not a subject, or the
    subject of a verb of being or time (coref.yaml non_referring_it), unless that verb acts on a name
    ("it took Berlin to the court": a state took another to court)."""
    if tok.dep_ not in ANY_SUBJECTS:
        return True
    verb = tok.head
    return verb.lemma_ in NON_REFERRING_IT and not any(
        c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)


def _phrase(tok: Token) -> str:
    """The words of a noun phrase up to its head ("the country's foreign minister")."""
    return tok.doc[tok.left_edge.i:tok.i + 1].text


def _office_phrase(tok: Token) -> str:
    """A title's words, a minister's with the "of"/"for" phrase that names the portfolio: "the Minister of the
    Interior", "the minister for health" (not "the wife of President X": no office of hers)."""
    after = [t.text for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > tok.i
             for t in c.subtree] if tok.lemma_.lower() == "minister" else []
    return " ".join([_phrase(tok)] + after)


#: prepositions of a post's place ("ambassador to Bolivia", "envoy in Kabul", "consul at Busan")
POST_PLACE_PREPOSITIONS = frozenset({"to", "in", "at"})


def apposition_head(tok: Token) -> Token:
    """The word ``tok`` hangs on; for a person's name the parser hung as an apposition on the place of a
    post ("Chile's ambassador to Bolivia, Pedro Soto, went further"), the post it names the holder of."""
    place = tok.head
    if tok.dep_ == "appos" and tok.ent_type_ == "PERSON" and place.dep_ == "pobj" and place.i < tok.i \
            and place.ent_type_ in ("GPE", "LOC", "NORP") and place.head.dep_ == "prep" \
            and place.head.lower_ in POST_PLACE_PREPOSITIONS and place.head.head.pos_ == "NOUN":
        return place.head.head
    return place


def _role(tok: Token) -> int:
    """Salience of a mention's place in its sentence (Lappin and Leass): its grammatical role, and
    whether it heads its own phrase rather than sitting inside another noun phrase or an adverbial."""
    while tok.dep_ in ("conj", "appos", "compound", "flat") and tok.head.i != tok.i:
        tok = apposition_head(tok)
    if tok.dep_ in ANY_SUBJECTS or (tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN")):
        weight = 80  # a verbless line ("Former minister X during her trial") is about its noun
    elif _line_label_subject(tok):
        return 80 + HEAD_WEIGHT + ADVERBIAL_WEIGHT   # "CHAD - Recalled its envoy ...": the label is the verb's subject
    elif tok.dep_ in OBJECTS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        weight = 50
    else:
        weight = 40
    adverbial = tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX")
    node, embedded = tok, tok.dep_ in ("poss", "nmod", "npadvmod")
    while node.head.i != node.i and node.head.pos_ not in ("VERB", "AUX"):
        node = node.head
        embedded = embedded or node.pos_ in ("NOUN", "PROPN", "PRON")
    embedded = embedded or node.head.dep_ in ("acl", "relcl")   # "Ecuador, then governed by X, …"
    return weight + (0 if embedded else HEAD_WEIGHT) + (0 if adverbial or embedded else ADVERBIAL_WEIGHT)


def _heads_subject(tok: Token) -> bool:
    """Whether ``tok`` is (in) the subject of its clause: itself, or the head of its coordination,
    apposition or compound ("Commodore X", "X, the president,"), or the noun a verbless line is
    about ("X, at a rally on Saturday: '...'", as in _role)."""
    while tok.dep_ in ("conj", "appos", "compound", "flat") and tok.head.i != tok.i:
        tok = apposition_head(tok)
    return tok.dep_ in ANY_SUBJECTS or (tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN")) or _line_label_subject(tok)


def _line_label_subject(tok: Token) -> bool:
    """Whether ``tok`` is a list line's label standing for the subject its verb leaves out ("* CHAD -
    Recalled its envoy ...", line_headings.py), which the parser hangs on the verb as an adverb."""
    return tok.dep_ in LABEL_DEPS and tok.head.pos_ == "VERB" and tok.i < tok.head.i and heading_subject(tok.head) == tok


def _reporter(tok: Token) -> Token | None:
    """The subject of the speech verb whose reported clause holds ``tok`` ("X said … him": X)."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_ in SPEECH_LEMMAS:
            return next((c for c in node.head.children if c.dep_ in ANY_SUBJECTS), None)
        node = node.head
    return None


def _speaker_of_adverbial(tok: Token) -> Token | None:
    """The subject of a speech verb that an adverbial clause with ``tok`` as its subject modifies:
    "X told parliament as he announced ...", "X spoke after she had met ...", and fronted, "When he
    addressed parliament, X called ...": the speaker, telling of themselves (None elsewhere)."""
    clause = tok.head
    if tok.dep_ not in ANY_SUBJECTS or clause.dep_ != "advcl" or clause.head.lemma_ not in SPEECH_LEMMAS | ADDRESSING_LEMMAS:
        return None
    return next((c for c in clause.head.children if c.dep_ in SUBJECTS), None)


def _binder(tok: Token, *, reflexive: bool) -> Token | None:
    """The subject of ``tok``'s clause: for a reflexive, the nearest subject above it; otherwise the
    subject of the verb it belongs to, through control ("asked the court to free him": the court)."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        subject = next((c for c in node.children if c.dep_ in ANY_SUBJECTS and c.i != tok.i), None)
        if subject is not None:
            return subject
        if reflexive:
            continue
        if node.dep_ == "xcomp" and node.head.i != node.i:
            controller = next((c for c in node.head.children if c.dep_ in ("dobj", "dative")), None)
            if controller is not None:
                return controller
            continue
        if node.pos_ in ("VERB", "AUX"):
            return None
    return None


def offices_told(name: Token) -> list[Token]:
    """The heads of the offices a clause gives a named person by its verb: "X was appointed interior
    minister", "Y named X foreign minister", "X, who was sworn in as president", "X served as
    interior minister" (coref.yaml: appointing_verbs, holding_verbs)."""
    from .coref_lexicon import APPOINTING_VERBS, HOLDING_VERBS

    if name.dep_ == "nmod" and name.head.dep_ == "oprd" and name.head.head.lemma_ in APPOINTING_VERBS:
        return [name.head]   # "named X interior minister", parsed as "X" inside the predicate
    verb, role = name.head, name.dep_
    relative = next((c for c in name.children if c.dep_ == "relcl"), None)
    if relative is not None and any(c.dep_ in SUBJECTS and c.lower_ in ("who", "that") for c in relative.children):
        verb, role = relative, next(c.dep_ for c in relative.children if c.dep_ in SUBJECTS)
    lemma = verb.lemma_.lower()
    if lemma in APPOINTING_VERBS and role in ("nsubjpass", "dobj"):
        told = [c for c in verb.children if c.dep_ == "oprd"]
    elif lemma in HOLDING_VERBS and role == "nsubj":
        told = []
    else:
        return []
    told += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return [t for t in told if t.pos_ == "NOUN"]


def _in_main_clause_core(tok: Token, quoted: dict[int, Span]) -> bool:
    """Whether ``tok`` is (in a coordination or apposition heading) the subject or object of its
    sentence's main verb (or a verb coordinated with it), not of a clause below it.  Under a verb of
    speech with a reported clause the report is the main news ("X told reporters that Y had fled": Y,
    not X); a person named inside a quotation is in someone's words, not in the story's clause."""
    while tok.dep_ in ("conj", "appos", "compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok.i in quoted:
        return False
    if tok.dep_ not in ANY_SUBJECTS and tok.dep_ not in ("dobj", "dative") and not (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ccomp" and verb.i not in quoted:   # the reported clause of a main verb of speech
        verb = verb.head
        return verb.dep_ == "ROOT" and verb.lemma_ in SPEECH_LEMMAS
    if verb.dep_ != "ROOT":
        return False
    reports = verb.lemma_ in SPEECH_LEMMAS and any(c.dep_ == "ccomp" and c.i not in quoted for c in verb.children)
    return not (reports and tok.dep_ in ANY_SUBJECTS)


def _possessor_of_thing_subject(tok: Token) -> bool:
    """Whether ``tok`` is the possessor of a subject that is a thing, not a person ("X's account of the
    affair left little room", "X's decision angered Y"): the person the clause is about (a person's
    possessor, "X's lawyer said", stays in the lawyer's shadow)."""
    head = tok.head
    if tok.dep_ != "poss" or head.dep_ not in ANY_SUBJECTS or head.pos_ != "NOUN" or head.ent_type_ == "PERSON":
        return False
    lemma = head.lemma_.lower()
    return not (lemma in PERSON_NOUNS or lemma in MALE_WORDS or lemma in FEMALE_WORDS or TITLE_WORDS.fullmatch(lemma)
                or any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in head.children))


#: verbs that put a label of the speaker's on a thing ("what he called an assault", "what it described as a coup")
LABEL_LEMMAS = frozenset({"call", "describe", "term", "dub", "label", "brand", "characterize", "characterise"})


def label_speaker(tok: Token) -> Token | None:
    """'Petro condemned what he called an assault on sovereignty': the subject of a free relative that
    labels a thing ("what PRON called / described as ...") is the one whose words the sentence reports,
    the subject of its main clause, not whoever was named last; None for any other shape."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_ not in LABEL_LEMMAS \
            or not any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubjpass", "attr") and c.i < tok.i for c in verb.children):
        return None
    root = tree_root(verb)
    return None if root.i == verb.i else next((c for c in root.children if c.dep_ in ANY_SUBJECTS), None)


def listed_subject_member(window: list, entity: str, doc, is_state) -> bool:
    """Whether ``entity`` (a state) was last named in ``window`` (coref links before a pronoun) as one of
    states listed together as a clause's subject ("Estonia and Latvia accused Russia"): a singular "it"
    cannot tell which of them it is (no recency between members of one list)."""
    last = max((link for link in window if link.referents == (entity,)), key=lambda link: link.token, default=None)
    if last is None:
        return False
    return any(len(link.referents) > 1 and entity in link.referents and link.subject and link.sentence == last.sentence
               and all(map(is_state, link.referents))
               and last.token in {link.token} | {c.i for c in doc[link.token].conjuncts}
               for link in window)
