"""Who does what to whom in a clause, handled once for every frame: the logical subject and object
(passives, relative clauses, shared subjects of coordinated verbs, controlled infinitives), agents
told in a noun's own phrase, and the words of a trigger's own phrase. Whether the clause is an act
at all is modality.py's job; plain tree walks are tree.py's; co-agents and co-objects co_parties.py's.

Works on a spaCy dependency parse (ClearNLP labels, as the English pipelines give them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dates import MONTHS  # the date grammar's month names (and their short forms)
from . import manner, modality, told_orders, tree
from .agreements import concluded_agreement  # "signed a protocol restoring relations"
from .co_agents import joining_verb  # "Poland joined Germany in expelling ..."
from .language import english_words
from .line_labels import dateline_subject, label_subject, timeline_entry
from .named_participles import participle_on_name
from .ordered_clauses import ordered_clause_words
from .parse_memo import per_token
from .ranked_acts import (  # (modality reads structure.ranked_copula)
    ranked_copula,
    ranked_infinitive,
)
from .relative_antecedents import relative_antecedent
from .shared_conjuncts import (
    raised_object,
    relative_object_shared,
    subject_of_passive_partner,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


#: the first and last words of "persona non grata", as written (singular, Latin plural, the plural in "-s"),
#: and all its words
PHRASE_FIRST = frozenset({"persona", "personae", "personas"})
PHRASE_LAST = frozenset({"grata", "gratae", "gratas"})
PHRASE_WORDS = PHRASE_FIRST | {"non"} | PHRASE_LAST
#: first words of fixed phrases the parser may cut off from their verb ("persona non grata")
FIXED_PHRASE_HEADS = PHRASE_FIRST
#: the event type the phrase declares
DECLARATION = "PersonaNonGrataDeclaration"
#: documents whose participle reports the act they enact: "signed decrees recognizing ...", "a statement recognizing ..."
ENACTING_DOCUMENTS = frozenset({"decree", "statement", "resolution", "law", "order", "note", "letter", "communique",
                                "communiqué", "declaration", "bill", "act", "motion"})   # "approved a motion declaring X persona non grata"


def participle_of_act(token: Token) -> bool:
    """'..., recognizing the People's Republic as ...' (a participle clause of the main act) and
    'signed decrees recognizing ...' (a document that enacts it) are acts, not kinds of acts."""
    if token.tag_ != "VBG":
        return False
    if token.dep_ == "advcl":
        return any(c.dep_ == "punct" for c in token.head.children if c.i == token.i - 1) or \
            token.doc[token.i - 1].text == "," or tree.object_right_before(token, ENACTING_DOCUMENTS) \
            or fronted_gerund(token)  # "handed him a note declaring"
    if token.dep_ == "acl":
        noun = token.head
        if participle_on_name(token) is not None:
            return True   # "X, running for president, spoke ...": what the name does
        return (noun.lemma_.lower() in ENACTING_DOCUMENTS or concluded_agreement(noun)) and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB"
    return False


def fronted_gerund(token: Token) -> bool:
    """'Expelling two Chinese diplomats on Monday, Canada accused Beijing of ...': a participle that opens
    its sentence, closed by a comma before the clause it hangs on, tells an act of that clause's subject."""
    if token.tag_ != "VBG" or token.dep_ != "advcl" or token.i != token.sent.start or token.head.i < token.i:
        return False
    after = token.right_edge.i + 1
    return after < len(token.doc) and token.doc[after].text == "," \
        and not any(c.dep_ in ("mark", "nsubj", "aux") for c in token.children)


#: nouns whose infinitive is a decided act: "Mexico's decision to grant asylum", "announced its decision to cut ties"
DECISION_NOUNS = frozenset({"decision", "move"})


def decided_infinitive(token: Token) -> bool:
    if token.tag_ != "VB" or token.dep_ != "acl" or token.head.lemma_.lower() not in DECISION_NOUNS:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and decision_maker(token.head) is not None


def decision_maker(noun: Token) -> Token | None:
    """Who decided: the possessor ("Mexico's decision"), else the subject of the verb the decision
    is the object of ("Peru announced its decision")."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if poss is not None:
        return poss
    by = next((g for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
               for g in c.children if g.dep_ == "pobj"), None)
    if by is not None:
        return by  # "the decision by Peru to break relations"
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in ("announce", "make", "take", "confirm", "defend", "explain", "justify"):
        return logical_subject(noun.head)
    return None


#: prepositions whose gerund is an act the main clause's subject did: "after expelling", "by recalling"
GERUND_ACT_PREPOSITIONS = frozenset({"after", "by", "since", "following", "upon", "on"})


def done_before_or_by(token: Token) -> bool:
    """'After expelling the French ambassador, Niger recalled ...', 'retaliated by recalling its envoy':
    a gerund under such a preposition on a verb is an act of that verb's subject."""
    return token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ in GERUND_ACT_PREPOSITIONS \
        and token.head.head.pos_ in ("VERB", "AUX") and token.head.head != token.head


BEFORE_AFTER = frozenset({"after", "since", "following", "before", "upon", "during"})
#: verbs whose passive keeps an object ("was handed a sentence", "was granted asylum"); acts never told without
#: their object in the active, so that a bare past tense after a passive is one (frames.yaml)
DOUBLE_OBJECT_VERBS = english_words("double_object_verbs")
OBJECT_NEEDING_ACTS = english_words("object_needing_acts")


def absolute_subject(verb: Token) -> Token | None:
    """'..., its staff given 48 hours to leave': a double-object participle with no auxiliary after a comma,
    its subject the one given (a passive the parser read as active: an active "gave" has its dative)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None) if verb.tag_ == "VBN" \
        and verb.lemma_.lower() in DOUBLE_OBJECT_VERBS and tree.children(verb, ("dobj",)) and not tree.children(verb, ("aux", "auxpass", "dative", "iobj")) else None
    return subject if subject is not None and subject.left_edge.i > 0 and verb.doc[subject.left_edge.i - 1].text == "," else None


@per_token()
def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or absolute_subject(verb) is not None:
        return True
    # (a participle on a noun the tagger calls a past tense: "an activist detained in Minsk")
    participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ == "acl") or (
        # "was convicted and handed a sentence": the tagger reads a double-object participle with its
        # object left as a past tense
        verb.tag_ == "VBD" and verb.dep_ == "conj" and verb.lemma_.lower() in DOUBLE_OBJECT_VERBS
        and any(c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ in ("dative", "iobj") for c in verb.children)) or (
        # "was charged with fraud and remanded in custody", "was detained, questioned for a week and charged": a
        # verb that needs an object, left with none (the parser may hang the second of a list as a clause)
        verb.tag_ == "VBD" and verb.dep_ in ("conj", "advcl") and verb.lemma_.lower() in OBJECT_NEEDING_ACTS
        and not any(c.dep_ in ("dobj", "dative", "iobj", "ccomp", "xcomp") for c in verb.children))
    if not participle or any(c.dep_ in ("nsubj", "aux") for c in verb.children):
        return False
    # "the diplomats expelled by Peru"; "was tried, sentenced to death and shot": a bare participle
    # coordinated with (or trailing) a passive shares its voice
    return verb.dep_ in ("acl", "relcl") or (verb.dep_ in ("conj", "advcl") and verb.head != verb and is_passive(verb.head)) \
        or fronted_participle(verb)


def fronted_participle(verb: Token) -> bool:
    """A bare past participle adjoined to an active clause ("Charged with fraud, she fled", "he appeared in
    court charged with fraud"): a passive whose patient is that clause's subject (a perfect needs "having")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children) and not is_passive(verb.head)


def _by_after_phrases(verb: Token) -> Token | None:
    """'reduced to the level of chargé d'affaires by the UAE', 'recognised as the winner of the election
    by X': a passive's "by" and a name, which the parser hangs on the last noun of the phrases that
    complete the verb (a first phrase of COMPLETING, then "of" phrases, at most PHRASE_DEPTH deep)."""
    frontier = [verb]
    for depth in range(PHRASE_DEPTH):
        frontier = [o for t in frontier for p in t.children
                    if p.dep_ == "prep" and p.lower_ in (COMPLETING if depth == 0 else ("of",))
                    for o in p.children if o.dep_ == "pobj"]
        for noun in frontier:
            for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
                name = next((g for g in by.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                if name is not None:
                    return name
    return None


#: how many prepositional phrases deep a passive's "by" may hang ("to the level of chargé d'affaires by X": two)
PHRASE_DEPTH = 3
#: prepositions whose phrase completes a passive verb (not a time or place: "seized two days after a visit by X")
COMPLETING = frozenset({"to", "as", "with", "of", "for", "into"})


@per_token()
def logical_subject(verb: Token) -> Token | None:
    """Who acts: the nsubj, the "by ..." of a passive, else the subject of the verb this one is
    coordinated with or complements ("Peru decided to expel ...", "Peru broke relations and expelled ...")."""
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if is_passive(verb):
        # "by ..." on the verb, or on its complement when the parser attached it there
        near = list(verb.children) + [g for c in verb.children if c.dep_ in ("oprd", "xcomp", "dobj", "attr") for g in c.children]
        # "charged with fraud by Peruvian prosecutors": the parser hangs the "by" on the offence
        near += [b for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "of", "for")
                 for o in c.children if o.dep_ == "pobj" for b in o.children
                 if b.dep_ == "prep" and b.lower_ == "by" and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in b.children)]
        # "declared persona non grata by Poland on Thursday": the parser hangs the "by" inside the fixed phrase
        near += [t for c in verb.children if c.dep_ == "oprd" and c.lower_ in FIXED_PHRASE_HEADS for t in c.subtree if t.dep_ == "prep"]
        # the parser's agent first: "By the end of the week, it had been recognised by Italy" (a "by" of time is none)
        for child in sorted(near, key=lambda c: c.dep_ != "agent"):
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ in ("DATE", "TIME") and child.dep_ != "agent":
                    continue
                return pobj
        deep = _by_after_phrases(verb)
        if deep is not None:
            return deep
        if verb.dep_ == "conj" and is_passive(verb.head):
            return logical_subject(verb.head)
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:  # "X, whom they consider ...": the relative pronoun is the object, not a second subject
        subjects = [c for c in subjects if c.lower_ != "whom"] or subjects
    if len(subjects) > 1:  # "Citing security concerns Norway expelled ...": a fronted participle clause is no subject
        subjects = [c for c in subjects if not (c.dep_ == "csubj" and c.tag_ == "VBG")] or subjects
    if len(subjects) > 1:  # "Background — Egypt severed ...": a list entry's label is no subject
        subjects = [c for c in subjects if not label_subject(c)] or subjects
    if subjects and dateline_subject(subjects[0]):
        # "RANGOON — Burma's rulers sentenced her": the parser made the dateline the subject, the subject its apposition
        return next(c for c in subjects[0].children if c.dep_ == "appos" and c.i > subjects[0].i)
    if subjects:
        return relative_antecedent(subjects[0], verb)
    if verb.dep_ == "ROOT":  # "July 1999 - Britain and Libya restore relations": names the parser listed with the date
        for label in (c for c in verb.children if c.i < verb.i and c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "nmod", "dep")):
            listed = list(label.conjuncts) + [a for a in label.children if a.dep_ == "appos"]
            names = [x for x in listed if x.pos_ == "PROPN" and x.i < verb.i and x.lower_ not in MONTHS]
            if names:
                return names[0]
    if misattached_infinitive(verb) is not None:
        return logical_subject(misattached_infinitive(verb))
    if verb.dep_ == "conj" and verb.head.dep_ == "acl" and verb.head.head.dep_ == "ROOT" \
            and verb.head.head.pos_ in ("PROPN", "NOUN") and verb.tag_ == "VBD":
        # "X, sentenced to ten years for ..., sought refuge in ...": the parser made the main verb a
        # conjunct of the participle phrase, and the subject the sentence's root
        return verb.head.head
    if (taker := it_took_subject(verb)) is not None:
        return taker   # "It took Cairo and London until 1959 to restore relations": Cairo and London
    if (joining := joining_verb(verb)) is not None:
        return logical_subject(joining)   # "Poland joined Germany in expelling": Poland (and Germany: co_agents)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX") \
            and not (verb.dep_ == "advcl" and timeline_entry(verb)):  # (a timeline entry's subject is left out)
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
            if objects and verb.head.lemma_ in OBJECT_CONTROL:
                return objects[0]  # "ordered the police to arrest", "led Kenya to recall": the object acts
            if verb.head.lemma_ in COMPELLED and is_passive(verb.head):  # "was forced to resign by his party": he acts
                return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None) or logical_subject(verb.head)
        return subject_of_passive_partner(verb) or logical_subject(verb.head)  # ("X was held and faces ...": X)
    if ranked_infinitive(verb):
        return logical_subject(ranked_copula(verb))
    if (copula := manner.manner_copula(verb)) is not None:  # "was quick to recognise Kosovo"
        return logical_subject(copula)
    if done_before_or_by(verb):
        return logical_subject(verb.head.head)  # "after expelling the envoy, Niger recalled ...": Niger
    if decided_infinitive(verb):
        return decision_maker(verb.head)
    if verb.dep_ == "acl" and participle_of_act(verb):   # ("X, running for president, ...": X)
        return verb.head if participle_on_name(verb) else logical_subject(verb.head.head)  # "Putin signed decrees recognizing ...": Putin
    if verb.dep_ == "relcl":
        return verb.head
    return None


def it_took_subject(verb: Token) -> Token | None:
    """The one who does what "it took" them time to do ("It took Peru and Chile three years to restore
    relations"): the object of "take" whose subject is the empty "it", not the span of time."""
    head = verb.head
    if verb.dep_ in ("relcl", "acl") and head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head.head   # ("It took Ghana until the spring to recall ...": hung on the time)
    elif verb.dep_ not in ("xcomp", "advcl"):
        return None
    if head.lemma_ not in TIME_TAKING \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children):
        return None
    # "It took until 1959 for Cairo and London to ...": the infinitive's own subject after "for" (or the
    # object of a "for" the parser hung on "take")
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    for_ = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i), None)
    if for_ is not None and (taker := next((c for c in for_.children if c.dep_ == "pobj"), None)) is not None:
        return taker
    return next((c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i
                 and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in ("DATE", "TIME")), None)


#: verbs of the time an act took ("it took them a decade to ...")
TIME_TAKING = frozenset({"take"})
#: verbs of compulsion whose passive subject does the act it was made to do ("was forced to resign")
COMPELLED = frozenset({"force", "compel", "oblige"})
OBJECT_CONTROL = frozenset({"order", "tell", "instruct", "ask", "allow", "lead", "prompt", "force", "push", "drive",
                            "compel", "oblige", "cause", "spur", "persuade"})  # "prompted Kenya to recall": Kenya acts


def misattached_infinitive(verb: Token) -> Token | None:
    """'Congress voted 72 to 29, with seven abstentions, to declare him ...': an infinitive the parser
    hung on a noun of a phrase under an act verb ("vote", "decide") is that verb's act: the verb."""
    if verb.dep_ not in ("acl", "relcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    current = verb.head
    for _ in range(4):
        if current.dep_ not in ("pobj", "prep", "npadvmod", "conj", "appos", "dobj") or current.head == current:
            return None
        current = current.head
        if current.pos_ == "VERB":
            return current if current.lemma_.lower() in ("vote", "decide", "agree", "resolve") else None
    return None


def _among(noun: Token) -> Token:
    """"Ana Ruiz was among those detained": the one the clause is about, not "those"."""
    # ("was among six officials charged", "was one of six officials charged": a plural the clause's subject is in)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr" and noun.tag_ in ("NNS", "NNPS") \
            and noun.head.head.lower_ in ("one", "two", "three", "both", "some", "several", "each"):
        noun = noun.head.head
        clause = noun.head
        subject = next((c for c in clause.children if c.dep_ in tree.SUBJECTS and not label_subject(c)), None)
        return subject if subject is not None and clause.lemma_ == "be" else noun
    if (noun.lower_ in ("those", "them", "others") or noun.tag_ in ("NNS", "NNPS")) and noun.dep_ == "pobj" \
            and noun.head.lower_ == "among" and noun.head.head.lemma_ == "be":
        clause = noun.head.head
        subject = next((c for c in clause.children if c.dep_ in tree.SUBJECTS and not label_subject(c)), None)
        if subject is not None:
            return subject
    return noun


@per_token()
def logical_object(verb: Token) -> Token | None:
    """What is acted on: the dobj, the subject of a passive, the noun a passive participle modifies
    ("the diplomats expelled by Peru")."""
    if is_passive(verb):
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"] or [s for s in [absolute_subject(verb)] if s is not None]
        if len(subjects) > 1:  # "LIMA, May 3 — Peru's former minister X was charged": a dateline is no subject
            subjects = [c for c in subjects if not label_subject(c)] or subjects
        if len(subjects) > 1 and subjects[-1].pos_ == "PROPN":
            return subjects[-1]  # "The blogger Ana Ruiz was sentenced": the parser made two subjects, the name is the one
        for child in subjects:
            return relative_antecedent(child, verb)
        if verb.dep_ in ("acl", "relcl") and verb.head.ent_type_ == "DATE":
            return None  # "Jan 10, 2022 — Sentenced to four years": a timeline entry, not an act on the date
        if verb.dep_ in ("acl", "relcl"):
            named = verb.doc[verb.i - 2] if verb.i >= 2 and verb.doc[verb.i - 1].text == "," else None
            if verb.dep_ == "acl" and named is not None and named.pos_ == "PROPN" and verb.head.pos_ == "NOUN" \
                    and verb.head.i < named.i:
                return named  # "... Turmoil Betssy Ruiz, sentenced to 11 years, ...": the name the parser passed over
            return _among(verb.head)
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not is_passive(verb.head):
            # "she fled to Mexico and was granted asylum there": the subject both verbs share ("she reported
            # to a base as ordered and was held there": a subjectless "as" clause's, its main clause's)
            shared = verb.head.head if verb.head.dep_ == "advcl" and not any(c.dep_ == "nsubj" for c in verb.head.children) else verb.head
            # (up a list of verbs with no subject of their own to the one that has it: "was arrested in May, tried in
            # secret and sentenced to death", the middle one parsed active; "was arrested while travelling and was
            # sentenced", the last one hung on the "while" clause)
            while shared.dep_ == "conj" and shared.head.pos_ in ("VERB", "AUX") \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in shared.children):
                shared = shared.head
            if is_passive(shared):
                return logical_object(shared)
            return next((relative_antecedent(c, shared) for c in shared.children if c.dep_ == "nsubj"), None)
        if fronted_participle(verb):
            return next((relative_antecedent(c, verb.head) for c in verb.head.children if c.dep_ == "nsubj"), None)
        if verb.dep_ in ("conj", "advcl"):
            return logical_object(verb.head)
        main = verb.head.head if verb.head.head.dep_ != "npadvmod" else verb.head.head.head   # ("a day after being ...")
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and main.pos_ in ("VERB", "AUX"):
            # "he sought asylum after being ousted": the one the main clause is about
            return next((c for c in main.children if c.dep_ in tree.SUBJECTS), None)
        return None
    clause = verb   # ("X, whom Chile decided to recognise": the pronoun on the clause the infinitive completes)
    while clause.dep_ == "xcomp" and not any(c.dep_ == "dobj" for c in clause.children):
        clause = clause.head
    # (the parser may call whom a subject, or leave it unlabelled: "the envoy whom Nicaragua declared persona non grata")
    whom = next((c for c in clause.children if c.lower_ == "whom" and c.dep_ in ("nsubj", "dobj", "dep")), None)
    if whom is not None and clause.dep_ == "relcl":
        return relative_antecedent(whom, clause)  # "X, whom they consider the legitimate president": X (the parser may call whom a subject)
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "obj"):  # obj: Universal Dependencies (other languages' pipelines)
            if child.lower_ in FIXED_PHRASE_HEADS:  # "declare [Jan Novak persona] non grata", "[her persona]"
                return _fixed_phrase_subject(child) or _fixed_phrase_subject(verb, child) or _shifted_object(child)
            return relative_antecedent(child, verb)  # "the envoy whom Peru expelled": the envoy
    for child in verb.children:  # a small clause the parser made: "declared [him persona non grata]"
        if child.dep_ in ("ccomp", "xcomp") and child.lower_ in FIXED_PHRASE_HEADS:  # (or "[Mexico's ambassador persona]")
            return _fixed_phrase_subject(child) or _fixed_phrase_subject(verb, child)
    if verb.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in verb.children):
        return None
    # "X, whom police detained and charged": the relative pronoun is both verbs' object (shared_conjuncts.py)
    shared = relative_object_shared(verb)
    if shared is not None:
        return shared
    return raised_object(verb)  # "arrested and charged X": the second verb's object is both's (shared_conjuncts.py)


def _shifted_object(phrase: Token) -> Token | None:
    """'declared persona non grata the French ambassador': the object after the fixed phrase (the
    parser hangs it on the phrase's last word)."""
    return next((g for t in phrase.subtree if t.i > phrase.i for g in t.children
                 if g.dep_ in ("dobj", "obj") and g.i > phrase.i), None)


def _fixed_phrase_subject(head: Token, phrase: Token | None = None) -> Token | None:
    """Who a fixed phrase is said of: the subject, possessor or name the parser hung on its first word
    ("[him persona] non grata", "[her persona]", "[Jan Novak persona]"); with ``phrase``, the object of
    ``head`` the parser hung elsewhere between the verb and the phrase ("declared the consul, X, persona")."""
    if phrase is None:  # (a name compounded on it: the whole phrase, whose compounds and modifiers name it)
        return next((g for g in head.children if g.dep_ in ("nsubj", "poss")), None) or \
            next((head for g in head.children if g.dep_ == "compound" and g.i < head.i), None)
    between = [t for t in head.doc[head.i + 1:phrase.i] if t.pos_ in ("NOUN", "PROPN", "PRON")
               and not (head.i < t.head.i < phrase.i)]
    return between[0] if between else None


def nominal_agent(noun: Token) -> Token | None:
    """Who acts in a noun's own phrase: "the recognition ... by Peru", "Peru's recognition of ..."."""
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    return None


#: prepositions of a time after an act, which tell it done ("left a day after being expelled")
AFTER_WORDS = frozenset({"after", "following", "upon", "since"})


@per_token("list")
def local_tokens(trigger: Token, relative_clauses: bool = True) -> list[Token]:
    """The trigger's own dependents (its subtree without the subject and without subordinate
    clauses): where the words a frame needs ("relations", "asylum") must be."""
    # the subject of a passive is what is acted on: "relations ... were restored" has its "relations"
    skip = {"nsubj", "ccomp", "advcl", "relcl", "conj", "csubj", "parataxis", "cc", "punct", "agent"}
    skip -= {"nsubj"} if absolute_subject(trigger) is not None else set()   # "..., its staff given 48 hours": the one given
    # "offered to grant asylum" is no grant, but "refused to grant safe conduct" is a refusal
    into_clauses = trigger.lemma_.lower() in modality.words_of(trigger).not_act_verbs
    out = [trigger]
    stack = [c for c in trigger.children if c.dep_ not in skip
             and (into_clauses or c.dep_ != "xcomp" or c.pos_ not in ("VERB", "AUX"))]
    while stack:
        t = stack.pop()
        out.append(t)
        # without ``relative_clauses``, a relative clause on an argument is left out: "... countries that
        # had questioned the result" (an infinitive the parser calls relcl stays: "gave him 72 hours to leave")
        stack += [c for c in t.children if c.dep_ not in ("ccomp", "advcl", "parataxis")
                  and (relative_clauses or not (c.dep_ == "relcl" and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))]
    if trigger.dep_ == "xcomp" and trigger.head.pos_ in ("NOUN", "PROPN"):
        out.append(trigger.head)
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ == "NOUN":  # "a safe conduct granted by Peru"
        out += [trigger.head] + [c for c in trigger.head.children if c.dep_ in ("compound", "amod")]
    # "the ambassador left a day after being expelled": the one expelled (after the act, not "before", "of", "without")
    if trigger.dep_ == "pcomp" and trigger.head.lower_ in AFTER_WORDS and is_passive(trigger) \
            and (patient := logical_object(trigger)) is not None and patient.head.i != trigger.i:
        out += [patient] + [c for c in patient.children if c.dep_ in ("compound", "amod")]
    # the verb of a complement clause, alone: "ordered the envoy to leave" needs "leave"
    # (an infinitive the parser calls ccomp: "allowed her to leave"; not "told them it would leave")
    # (and one the parser calls advcl: "gave the envoy 48 hours to leave")
    # (a bare infinitive after "let": "let her leave the embassy")
    have = {t.i for t in out}   # (tokens of one doc are equal where their positions are: a set, not a list scan)
    out += [c for c in trigger.children if c.i not in have and c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or (c.dep_ in ("ccomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        or (c.dep_ == "ccomp" and trigger.lemma_.lower() == "let" and not any(a.dep_ in ("mark", "aux") for a in c.children)))]
    # the adjective of a verbless small clause, alone: "considers the junta illegitimate" needs "illegitimate"
    out += [c for c in trigger.children if c.i not in have and c.dep_ == "ccomp" and c.pos_ == "ADJ"
            and not any(a.dep_ in ("mark", "aux", "auxpass", "cop") for a in c.children)]
    # an order told as a verbless clause: "ordered the embassy closed and its diplomats to leave"
    out += [t for t in ordered_clause_words(trigger) if t.i not in have]
    # an obligation told to the one told: "told the envoy that he must leave", "he had 72 hours to leave"
    out += [t for t in told_orders.obligation_words(trigger) if t.i not in have]
    # a that-clause in the subjunctive, its verb and its subject: "demanded that the envoys leave"
    for c in trigger.children:
        if c.i not in have and subjunctive_clause(c):
            out += [c] + [s for n in c.children if n.dep_ == "nsubj" for s in n.subtree]
    # a fixed foreign phrase the parser splits off as a coordinated verb: "declared him, ..., persona non grata"
    for c in trigger.children:
        if c.dep_ in ("conj", "ccomp") and c.lower_ in FIXED_PHRASE_HEADS and c not in out:
            out += [c] + [g for g in c.children if g.dep_ not in ("nsubj", "punct")]
    return sorted(set(out), key=lambda t: t.i)


def subjunctive_clause(verb: Token) -> bool:
    """'demanded that the envoys leave', 'requesting that its staff depart': a complement clause whose
    verb is bare (no tense, no auxiliary) and has its own subject, the mood of a demand or an order."""
    # (the tagger calls a bare verb after a plural or under a past verb present: "demanded that they leave")
    bare = verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.head.tag_ in ("VBD", "VBG", "VBN"))
    return verb.dep_ == "ccomp" and bare and verb.pos_ == "VERB" and verb.lower_ not in FIXED_PHRASE_HEADS \
        and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and all(c.lower_ == "that" for c in verb.children if c.dep_ == "mark")


def acting_subject(trigger):
    """Who acts in the trigger's clause: a verb's logical subject, a noun's own agent ("the army's overthrow of X")."""
    return logical_subject(trigger) if trigger.pos_ == "VERB" else nominal_agent(trigger)
