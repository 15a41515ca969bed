"""Sentence structure, handled once for every frame: which clause is an act, who its logical subject
and object are (passives, relative clauses, shared subjects of coordinated verbs), where the speaker
of reported speech is, and how lists fan out into one argument per conjunct.

Works on a spaCy dependency parse (ClearNLP labels, as the English pipelines give them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a clause under these verbs is not (yet) an act: threats, offers, requests, plans, denials
NOT_ACT_HEADS = frozenset({
    "threaten", "offer", "ask", "request", "demand", "urge", "want", "plan", "consider", "propose", "seek",
    "intend", "promise", "vow", "hope", "weigh", "prepare", "expect", "refuse", "decline", "deny", "reject",
    "call", "push", "press", "pressure", "fail", "try", "attempt", "wish", "need", "aim", "mull", "debate",
    "discuss", "warn", "study", "review", "examine", "avoid", "resist", "oppose", "suggest", "recommend",
    "rule", "could", "agree_not", "insist", "question", "doubt", "fear", "claim", "allege", "rumour", "speculate",
})
#: a clause under these is the act itself, told or decided: the speaker announces it
SPEECH_HEADS = frozenset({
    "say", "announce", "confirm", "report", "tell", "state", "declare", "add", "note", "explain", "write",
    "tweet", "post", "inform", "notify", "reveal", "acknowledge", "stress", "insist", "indicate", "admit",
})
ACT_HEADS = frozenset({"decide", "agree", "vote", "move", "choose", "opt", "resolve", "begin", "go", "proceed",
                       "order", "instruct", "act"})
MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "must", "can", "'ll", "ought"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "once", "until", "before"})
#: where a bare infinitive or gerund names a kind of act, not one that happened
GENERIC_DEPS = frozenset({"acl", "pcomp", "pobj", "nsubj", "csubj", "amod", "compound", "dobj", "advcl", "relcl", "appos"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: first words of fixed phrases the parser may cut off from their verb ("persona non grata")
FIXED_PHRASE_HEADS = frozenset({"persona"})
#: "became the first country to recognize ...": an infinitive on a ranked noun reports the act
RANKS = frozenset({"first", "second", "third", "fourth", "fifth", "latest", "last", "next", "only"})


#: documents whose participle reports the act they enact: "signed decrees recognizing ...", "a statement recognizing ..."
ENACTING_DOCUMENTS = frozenset({"decree", "statement", "resolution", "law", "order", "note", "letter", "communique",
                                "communiqué", "declaration", "bill", "act"})


def participle_of_act(token: "Token") -> bool:
    """'..., recognizing the People's Republic as ...' (a participle clause of the main act) and
    'signed decrees recognizing ...' (a document that enacts it) are acts, not kinds of acts."""
    if token.tag_ != "VBG":
        return False
    if token.dep_ == "advcl":
        return any(c.dep_ == "punct" for c in token.head.children if c.i == token.i - 1) or \
            token.doc[token.i - 1].text == ","
    if token.dep_ == "acl":
        noun = token.head
        return noun.lemma_.lower() in ENACTING_DOCUMENTS and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB"
    return False


#: nouns whose infinitive is a decided act: "Mexico's decision to grant asylum", "announced its decision to cut ties"
DECISION_NOUNS = frozenset({"decision", "move"})


def decided_infinitive(token: "Token") -> bool:
    if token.tag_ != "VB" or token.dep_ != "acl" or token.head.lemma_.lower() not in DECISION_NOUNS:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and decision_maker(token.head) is not None


def decision_maker(noun: "Token") -> "Token | None":
    """Who decided: the possessor ("Mexico's decision"), else the subject of the verb the decision
    is the object of ("Peru announced its decision")."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if poss is not None:
        return poss
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in ("announce", "make", "take", "confirm", "defend", "explain", "justify"):
        return logical_subject(noun.head)
    return None


def ranked_infinitive(token: "Token") -> bool:
    """'X became the first (country) to recognize Y', 'X was the latest to expel': the infinitive is
    the act of the subject of 'be/become'."""
    if token.dep_ not in ("relcl", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    noun = token.head
    ranked = noun.lower_ in RANKS or any(c.dep_ in ("amod", "advmod") and c.lower_ in RANKS for c in noun.children)
    return ranked and noun.dep_ in ("attr", "acomp", "oprd") and noun.head.lemma_ in ("be", "become")


def not_an_act(token: "Token", negated_act: bool = False) -> str | None:
    """Why the clause of a trigger is not an act (negated, modal, future, under a threat or request,
    hypothetical, generic), or None when it reports one.  With ``negated_act`` the negation of the
    trigger's own clause is the act ("does not recognise", "would never recognise": a non-recognition)."""
    if ranked_infinitive(token):
        return _clause_blocker(token.head.head)  # "became the first to recognize": as its main verb
    if token.pos_ == "VERB" and token.tag_ in ("VBG", "VB") and token.dep_ in GENERIC_DEPS \
            and not participle_of_act(token) and not decided_infinitive(token):
        return "generic"  # "the right to grant asylum", "a tradition of granting asylum"
    current = token
    for _ in range(8):  # up through xcomp/ccomp/conj chains; a clause is rarely deeper than that
        reason = _clause_blocker(current, negated_act and current is token)
        if reason:
            return reason
        head = current.head
        if head == current:
            return None
        dep = current.dep_
        if dep == "conj":
            current = head
            continue
        if dep in ("xcomp", "ccomp", "advcl", "pcomp"):
            lemma = head.lemma_.lower()
            if _bases(head) & NOT_ACT_HEADS and lemma not in SPEECH_HEADS:
                return f"under '{head.text}'"
            if dep == "advcl" and any(c.dep_ in ("mark", "aux") and c.lower_ == "to" for c in current.children):
                return "purpose"  # "... in order to go in and arrest him"
            current = head
            continue
        if dep in ("dobj", "nsubjpass", "pobj", "nsubj") and token.pos_ == "NOUN" and current is token:
            current = head  # a noun trigger: its enacting verb decides
            continue
        return None
    return None


def _bases(token: "Token") -> set[str]:
    """Crude base forms next to the lemmatiser's ("hopes" is sometimes lemmatised 'hop')."""
    word = token.lower_
    forms = {word, token.lemma_.lower()}
    for ending in ("ing", "ed", "d", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.add(word[: -len(ending)])
    if word.endswith("ied"):
        forms.add(word[:-3] + "y")
    return forms


def negated(verb: "Token") -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATIONS) for c in verb.children)


def _clause_blocker(verb: "Token", negation_is_the_act: bool = False) -> str | None:
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in NEGATIONS):
            if negation_is_the_act:
                continue
            return "negated"
        if child.dep_ == "aux" and (child.lower_ in MODALS or child.lemma_.lower() in MODALS):
            if negation_is_the_act and child.lower_ in ("will", "would", "'ll", "wo"):
                continue  # "would never recognise": a stated refusal, not a forecast
            return f"modal '{child.text}'"
        if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
            return f"hypothetical '{child.text}'"
        if child.dep_ == "aux" and child.lower_ == "going":
            return "future"
    if verb.dep_ in ("xcomp",) and verb.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "future"  # "is to expel"
    return None


def speaker(token: "Token") -> "Token | None":
    """The subject of the speech verb a trigger's clause is reported under ("the minister said ...")."""
    current = token
    for _ in range(8):
        head = current.head
        if head == current:
            return None
        if current.dep_ in ("ccomp", "xcomp", "conj", "advcl") or (current == token and token.pos_ == "NOUN"):
            if current.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_HEADS:
                return logical_subject(head)
            current = head
            continue
        return None
    return None


def is_passive(verb: "Token") -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not any(c.dep_ == "nsubj" for c in verb.children))


def logical_subject(verb: "Token") -> "Token | None":
    """Who acts: the nsubj, the "by ..." of a passive, else the subject of the verb this one is
    coordinated with or complements ("Peru decided to expel ...", "Peru broke relations and expelled ...")."""
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if is_passive(verb):
        # "by ..." on the verb, or on its complement when the parser attached it there
        near = list(verb.children) + [g for c in verb.children if c.dep_ in ("oprd", "xcomp", "dobj", "attr") for g in c.children]
        for child in near:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if verb.dep_ == "conj" and is_passive(verb.head):
            return logical_subject(verb.head)
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
            if objects and verb.head.lemma_ in ("order", "tell", "instruct", "ask", "allow"):
                return objects[0]  # "ordered the police to arrest": the police act
        return logical_subject(verb.head)
    if ranked_infinitive(verb):
        return logical_subject(verb.head.head)
    if decided_infinitive(verb):
        return decision_maker(verb.head)
    if verb.dep_ == "acl" and participle_of_act(verb):
        return logical_subject(verb.head.head)  # "Putin signed decrees recognizing ...": Putin
    if verb.dep_ == "relcl":
        return verb.head
    return None


def logical_object(verb: "Token") -> "Token | None":
    """What is acted on: the dobj, the subject of a passive, the noun a passive participle modifies
    ("the diplomats expelled by Peru")."""
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return child
        if verb.dep_ in ("acl", "relcl"):
            return verb.head
        if verb.dep_ == "conj":
            return logical_object(verb.head)
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "attr"):
            return child
    for child in verb.children:  # a small clause the parser made: "declared [him persona non grata]"
        if child.dep_ == "ccomp" and child.lower_ in FIXED_PHRASE_HEADS:
            return next((g for g in child.children if g.dep_ == "nsubj"), None)
    if verb.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in verb.children):
        return None
    return None


def nominal_agent(noun: "Token") -> "Token | None":
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


def children(token: "Token | None", deps: tuple[str, ...]) -> list["Token"]:
    return [c for c in token.children if c.dep_ in deps] if token is not None else []


def prep_objects(token: "Token | None", preposition: str) -> list["Token"]:
    """Objects of a preposition on a token ("with Chile"), also through a particle ("broke off ... with")."""
    if token is None:
        return []
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == preposition:
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out


def fan_out(token: "Token") -> Iterator["Token"]:
    """A list fans out: "France, Germany and Spain" gives each conjunct."""
    yield token
    for conj in token.conjuncts:
        if conj != token:
            yield conj


def local_tokens(trigger: "Token") -> list["Token"]:
    """The trigger's own dependents (its subtree without the subject and without subordinate
    clauses): where the words a frame needs ("relations", "asylum") must be."""
    # the subject of a passive is what is acted on: "relations ... were restored" has its "relations"
    skip = {"nsubj", "ccomp", "advcl", "relcl", "conj", "csubj", "parataxis", "cc", "punct", "agent"}
    # "offered to grant asylum" is no grant, but "refused to grant safe conduct" is a refusal
    into_clauses = trigger.lemma_.lower() in NOT_ACT_HEADS
    out = [trigger]
    stack = [c for c in trigger.children if c.dep_ not in skip
             and (into_clauses or c.dep_ != "xcomp" or c.pos_ not in ("VERB", "AUX"))]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ not in ("ccomp", "advcl", "parataxis")]
    if trigger.dep_ == "xcomp" and trigger.head.pos_ in ("NOUN", "PROPN"):
        out.append(trigger.head)
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ == "NOUN":  # "a safe conduct granted by Peru"
        out += [trigger.head] + [c for c in trigger.head.children if c.dep_ in ("compound", "amod")]
    # the verb of a complement clause, alone: "ordered the envoy to leave" needs "leave"
    # (an infinitive the parser calls ccomp: "allowed her to leave"; not "told them it would leave")
    out += [c for c in trigger.children if c not in out and c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or (c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))]
    # a fixed foreign phrase the parser splits off as a coordinated verb: "declared him, ..., persona non grata"
    for c in trigger.children:
        if c.dep_ in ("conj", "ccomp") and c.lower_ in FIXED_PHRASE_HEADS and c not in out:
            out += [c] + [g for g in c.children if g.dep_ not in ("nsubj", "punct")]
    return sorted(set(out), key=lambda t: t.i)


def what_was_said(verb: "Token") -> list["Token"]:
    """The head words of what a speech verb reports (its clause, object and prepositional phrases,
    not its subject), in text order: where the actors a statement is about are named."""
    skip = {"nsubj", "nsubjpass", "csubj", "punct", "cc", "aux", "auxpass", "neg", "advmod", "mark"}
    out, stack = [], [c for c in verb.children if c.dep_ not in skip and c.dep_ != "conj"]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ not in ("punct", "cc")]
    return sorted(out, key=lambda t: t.i)
