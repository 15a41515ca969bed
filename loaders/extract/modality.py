"""Whether a trigger's clause reports an act that happened: negation, modality, future, hypothesis,
threats, offers and requests above it, generic mentions ("the right to grant asylum"), and the speaker
of the reported speech it is told under.  The words are English's here, but for the modals and the
"going to" heads, which are frames.yaml's (``modals``, ``future_heads``: every module asks ``is_modal``);
other languages give theirs in their language file (languages/<code>.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import doc_index, manner, structure, tree
from .co_agents import joining_chain, joining_verb
from .language import (
    StructureWords,
    english_words,
    future_heads,
    modal_roles,
    structure_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


#: a clause under these verbs is not (yet) an act: threats, offers, requests, plans, denials
NOT_ACT_HEADS = frozenset({
    "threaten", "offer", "ask", "request", "demand", "urge", "want", "plan", "consider", "propose", "seek",
    "intend", "promise", "vow", "hope", "weigh", "prepare", "expect", "refuse", "decline", "deny", "reject",
    "call", "push", "press", "pressure", "fail", "try", "attempt", "wish", "need", "aim", "mull", "debate",
    "discuss", "warn", "study", "review", "examine", "avoid", "resist", "oppose", "suggest", "recommend",
    "rule", "could", "agree_not", "insist", "question", "doubt", "fear", "claim", "allege", "rumour", "speculate",
    "plot", "conspire",   # "had plotted to overthrow the president": planned, no attempt made
    "stop", "cease",      # "ceased to recognise Taiwan": the act ends, none is done
})


#: nouns whose that-clause tells what is reported, so a verb denying the noun denies the clause
REPORT_NOUNS = frozenset({"report", "claim", "allegation", "rumour", "rumor", "suggestion", "speculation", "accusation"})


#: a clause under these is the act itself, told or decided: the speaker announces it
SPEECH_HEADS = frozenset({
    "say", "announce", "confirm", "report", "tell", "state", "declare", "add", "note", "explain", "write",
    "tweet", "post", "inform", "notify", "reveal", "acknowledge", "stress", "insist", "indicate", "admit",
})


ACT_HEADS = frozenset({"decide", "agree", "vote", "move", "choose", "opt", "resolve", "begin", "go", "proceed",
                       "order", "instruct", "act"})


#: purposes that tell a state already there: "was extradited to face charges", "returned to stand trial"
#: (the charges were brought before; the trial is the one the charges opened)
STANDING_PURPOSES = frozenset({"face", "stand", "answer"})


#: forces going in somewhere to do a thing do it: "police entered the embassy to extract him"
ENTRY_HEADS = frozenset({"enter", "storm", "raid", "burst"})


HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "once", "until", "before"})
#: where a bare infinitive or gerund names a kind of act, not one that happened
GENERIC_DEPS = frozenset({"acl", "pcomp", "pobj", "nsubj", "csubj", "amod", "compound", "dobj", "advcl", "relcl", "appos"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: prepositions whose gerund tells an act not done ("without being arrested", "instead of charging him")
ABSENT_MARKS = frozenset({"without"})


#: with a present tense, these open a clause about a time still to come
TEMPORAL_MARKS = frozenset({"when", "once", "after", "as soon as"})
#: English's words, as other languages give theirs in their language file (languages/<code>.yaml)
ENGLISH = StructureWords(SPEECH_HEADS, NOT_ACT_HEADS, frozenset(modal_roles("en")), NEGATIONS, HYPOTHETICAL_MARKS)


def words_of(token: Token) -> StructureWords:
    """The structure words of the token's language (the parse knows which it is)."""
    lang = doc_index.language(token.doc)
    return ENGLISH if lang == "en" else (structure_words(lang) or ENGLISH)


def is_modal(token: Token, role: str | None = None) -> bool:
    """Whether a token is a modal auxiliary of its language's list (frames.yaml's ``modals``), by its lemma
    or norm as well as its form (spaCy splits "won't", "can't" into "wo", "ca": lemmas will, can), and,
    with ``role``, one that plays it ("forecast", "intent", "demand")."""
    if token.dep_ != "aux":
        return False
    roles = modal_roles(token.doc.lang_)
    word = next((w for w in (token.lemma_.lower(), token.norm_.lower(), token.lower_) if w in roles), None)
    return word is not None and (role is None or role in roles[word])


def has_modal(verb: Token, role: str | None = None) -> bool:
    """Whether a verb has a modal auxiliary (of ``role``): "would expel", "won't recall", "should apologise"."""
    return any(is_modal(c, role) for c in verb.children)


def going_to(verb: Token) -> bool:
    """'is going to expel', 'was going to recognise Kosovo but changed course': an infinitive right after
    the progressive of a future head (frames.yaml's ``future_heads``) is an act still to come.  The parser
    makes "going" the clause's verb, with "be" as its auxiliary and the infinitive its xcomp."""
    head = verb.head
    return verb.dep_ == "xcomp" and progressive(head) and head.lemma_.lower() in future_heads(verb.doc.lang_) \
        and any(c.dep_ == "aux" and c.lower_ == "to" and c.i == head.i + 1 for c in verb.children)


def negated_going_to(verb: Token) -> bool:
    """'is not going to recognise', 'was never going to recognise': the act's own negation, written on "going"."""
    return going_to(verb) and negated(verb.head)


def do_supported(token: Token) -> bool:
    """'which does not recognise Kosovo', 'who did expel them': a bare verb under "do" is finite, a
    clause that reports, not an infinitive naming a kind of act."""
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in token.children)




def own_tense(conjunct: Token, head: Token) -> bool:
    """'did not recognise Franco and recalled its ambassador', 'would not recognise him and had recalled
    its envoy': a conjunct with an auxiliary of its own, or finite where its head is a bare verb under
    "do" or a modal, is a clause of its own; the head's negation and modal do not reach it ('did not
    expel or recall', 'could expel him and recall its envoy' share them)."""
    if conjunct.pos_ != "VERB":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in conjunct.children):
        return True
    return conjunct.tag_ in tree.TENSED_TAGS and head.tag_ == "VB" and any(
        c.dep_ == "aux" for c in head.children)


def progressive(token: Token) -> bool:
    """'who is serving a life sentence', 'which was holding him': a gerund with its own "be" is a tense
    of a clause that reports, not a bare gerund naming a kind of act."""
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in token.children)


def not_an_act(token: Token, negated_act: bool = False) -> str | None:
    """Why the clause of a trigger is not an act (negated, modal, future, under a threat or request,
    hypothetical, generic), or None when it reports one.  With ``negated_act`` the negation of the
    trigger's own clause is the act ("does not recognise", "would never recognise": a non-recognition)."""
    if _class_described(token):
        return "standing"  # "one of the few countries that recognise Taiwan": a class described, no act
    copula = structure.ranked_copula(token)
    if copula is not None:
        return _clause_blocker(copula)  # "became the first to recognize": as its main verb
    copula = manner.manner_copula(token)
    if copula is not None:
        return not_an_act(copula)  # "was quick to recognise": as its main verb ("may be quick to": none)
    if token.pos_ == "VERB" and token.tag_ in ("VBG", "VB") and token.dep_ in GENERIC_DEPS \
            and not progressive(token) and not do_supported(token) \
            and not (token.dep_ == "advcl" and (token.head.lemma_.lower() in ACT_HEADS | ENTRY_HEADS
                                                or token.lemma_.lower() in STANDING_PURPOSES)) \
            and not structure.participle_of_act(token) and not structure.decided_infinitive(token) \
            and not structure.done_before_or_by(token) and structure.misattached_infinitive(token) is None \
            and structure.it_took_subject(token) is None and joining_verb(token) is None:
        # ("voted ... to remove him", "after expelling the envoy, X ...", "joined Germany in expelling")
        return "generic"  # "the right to grant asylum", "a tradition of granting asylum"
    if token.pos_ == "VERB" and not negated_act and token.doc.lang_ == "en" and negative_argument(token):
        return "negated"  # its own arguments only: "X announced ... ; Radio Y gave no date" negates nothing above
    # ("joined Germany in expelling": the joining's clause decides, as the act's own; where the joining is
    # refused or only planned, the one joined still did the act, for it alone (refused_joining))
    if refused_joining(token):
        return None
    current = joining_verb(token) or token
    own_subject = False  # a conjunct with its own subject: "X did not recognise Y, and Z was withdrawn"
    own_clause = False
    for _ in range(8):  # up through xcomp/ccomp/conj chains; a clause is rarely deeper than that
        # ("is not going to recognise": the negation sits on "going", the refusal is the infinitive's act)
        reason = _clause_blocker(current, negated_act and (current == token or (current == token.head and going_to(token))))
        if reason and not (reason == "negated" and own_subject) and not (
                own_clause and (reason == "negated" or reason.startswith("modal"))):
            return reason
        head = current.head
        if head == current:
            return None
        dep = current.dep_
        if dep == "conj":
            # (or a contrast: "did not expel the ambassador but recalled its envoy")
            own_subject = any(c.dep_ in tree.SUBJECTS for c in current.children) or any(
                c.dep_ == "cc" and c.lower_ in ("but", "yet") and head.i < c.i < current.i for c in head.children)
            own_clause = own_tense(current, head)  # the head's negation and modal are not this conjunct's
            current = head
            continue
        own_subject = own_clause = False
        if dep == "acl" and head.lemma_.lower() in REPORT_NOUNS and head.dep_ == "dobj" \
                and _bases(head.head) & words_of(head.head).not_act_verbs:
            return f"under '{head.head.text}'"   # "denied reports that it had withdrawn recognition"
        if dep == "advcl" and _told_fact(current):
            return None   # "sought asylum after prosecutors charged him": a time or cause told as past, whatever is above
        if dep == "advcl" and structure.fronted_gerund(current):
            reason = _clause_blocker(head)   # "Recognising X, Washington urged elections": its own act, not the one urged
            # (the main verb's negation is not the participle's: "Recalling its envoy, Peru did not break off ties")
            return None if reason in ("negated", "not yet") else reason
        if dep == "pcomp" and head.lower_ in ABSENT_MARKS:
            return "negated"   # "left without being arrested", "held him without charging him": not done
        if dep in ("xcomp", "ccomp", "advcl", "pcomp"):
            lemma = head.lemma_.lower()
            if dep == "xcomp" and head.pos_ == "VERB" and directed(current, head):
                return f"told to, under '{head.text}'"  # "told the government to send the ambassador home"
            if dep == "xcomp" and lemma in ACT_HEADS and head.pos_ == "VERB" and _another_state(head):
                return f"another state ordered, under '{head.text}'"  # "ordered Ghana to withdraw its diplomats"
            if _bases(head) & words_of(head).not_act_verbs and lemma not in words_of(head).speech_verbs \
                    and not (lemma == "try" and structure.is_passive(head)) and not participle_beside(current):
                return f"under '{head.text}'"
            if dep == "advcl" and any(c.dep_ in ("mark", "aux") and c.lower_ == "to" for c in current.children) \
                    and lemma not in ACT_HEADS | ENTRY_HEADS and current.lemma_.lower() not in STANDING_PURPOSES \
                    and structure.it_took_subject(current) is None:   # ("it took them until 1959 to restore ties": done)
                # ("voted 39 to 4 to remove him" is the vote's act)
                return "purpose"  # "... in order to go in and arrest him"
            current = head
            continue
        if dep in ("dobj", "nsubjpass", "pobj", "nsubj", "attr") and token.pos_ == "NOUN" and current == token:
            current = head  # a noun trigger: its enacting verb decides (its copula: "would not be a candidate")
            continue
        return None
    return None


def refused_joining(token: Token) -> bool:
    """'Hungary refused to join Norway in expelling ...', 'Austria will not join France in recalling ...': a
    joining that is itself no act, in the sentence's main clause; joining presupposes that the one joined did
    the act, so the act stands, with the ones joined its only agents (frames.py).  The joining that decides is
    the top of the chain: "Austria refused to join France in joining Germany in expelling" refuses the upper
    joining, so France and Germany expel, not Austria."""
    chain = joining_chain(token)
    joining = chain[-1] if chain else None
    if joining is None or not_an_act(joining) is None:
        return False
    # (only a joining the main clause tells: under a report or a condition, the joined's act is not told either)
    clause = joining.head if joining.dep_ == "xcomp" else joining
    return clause.dep_ == "ROOT"


def directed(infinitive: Token, head: Token) -> bool:
    """'instructed Reina to open relations with China', 'directed the police to arrest her', 'told the
    government to send the ambassador home': an infinitive under a directive head (frames.yaml's
    ``directive_heads``) is an act someone is told to do, not one done; but leaving under an order is the
    order's act ("ordered its diplomats to leave": a recall or an expulsion, ``ordered_departures``), not
    under "tell", whose departures its own frames read."""
    lemma = head.lemma_.lower()
    if head.doc.lang_ != "en" or lemma not in english_words("directive_heads"):
        return False
    return lemma in english_words("telling_heads") or infinitive.lemma_.lower() not in english_words("ordered_departures")


def participle_beside(clause: Token) -> bool:
    """'rejected the request, refusing him a safe conduct', 'denied the charge, recalling its envoy': a
    participle after a comma, on a verb whose object is told, is an act of its own, not what that verb
    rejects, denies or threatens (the verb's own negation or modal still reaches it)."""
    head = clause.head
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > head.i \
        and clause.doc[clause.i - 1].text == "," \
        and not any(c.dep_ in ("mark", "aux", "nsubj") for c in clause.children) \
        and any(c.dep_ == "dobj" and c.i < clause.i for c in head.children)


#: plural nouns a present-tense relative clause sorts into a class ("the countries that recognise Taiwan")
CLASS_NOUNS = frozenset({"country", "state", "nation", "government", "capital", "member", "democracy", "power"})


def _class_described(token: Token) -> bool:
    """'one of the few countries that recognise Taiwan', 'states that still grant asylum': a restrictive
    relative clause in the present on a plural class of states describes them, it tells no act
    ("prosecutors, who accuse him of ...": an act told in the present)."""
    head = token.head
    return token.dep_ == "relcl" and token.tag_ in ("VBP", "VBZ") and head.tag_ == "NNS" \
        and head.lemma_.lower() in CLASS_NOUNS and not progressive(token) \
        and not any(t.is_punct for t in token.doc[head.i + 1:token.left_edge.i])


#: nouns that name a state as a whole (not an organ or agent of the one who orders)
STATE_NOUNS = frozenset({"government", "country", "state", "nation", "capital", "republic", "kingdom"})


def _another_state(order: Token) -> bool:
    """'ordered Ghana (those governments) to withdraw its diplomats': the one ordered is a state, whose
    act it would be, not the orderer's own organ ('ordered the police to arrest her')."""
    for obj in tree.children(order, ("dobj",)):
        if (obj.pos_ == "PROPN" and obj.ent_type_ in ("GPE", "NORP")) or \
                (obj.lemma_.lower() in STATE_NOUNS and not any(c.dep_ == "poss" for c in obj.children)):
            return True
    return False


#: nouns under these report no act that happened ("called for his arrest", "fled to avoid arrest")
NOT_ACT_NOUN_HEADS = NOT_ACT_HEADS | {"avoid", "escape", "evade", "face", "risk", "fear", "resist", "order", "issue",
                                      "sign", "seek", "warrant", "demand", "call", "request"}


def reported_by_noun(noun: Token, preps: tuple[str, ...] = ("of",)) -> bool:
    """Whether a noun names an act that took place, of someone named ("his arrest", "the arrest of
    Ana Ruiz", "after her detention"): a possessor or an "of" phrase (or one of ``preps``: "the coup
    against X"), and no request, threat, warrant or avoidance above it, up to its clause's verb, which
    must itself be an act."""
    owner = noun.head if noun.dep_ == "conj" else noun  # "his attempt ... and subsequent arrest"
    if not any(c.dep_ == "poss" for c in list(noun.children) + list(owner.children)) \
            and not any(tree.shared_prep_objects(noun, p) for p in preps):   # ("the arrest and indictment of X")
        return False
    current = noun
    for _ in range(8):
        head = current.head
        if head == current:
            return True
        if current.dep_ == "conj":
            current = head
            continue
        if head.dep_ == "prep" and head.lower_ in structure.BEFORE_AFTER:
            return True  # "shortly after his arrest": a time the story already passed
        if _bases(head) & NOT_ACT_NOUN_HEADS:
            return False
        if head.pos_ in ("VERB", "AUX"):
            if head.tag_ == "VBG" and head.dep_ == "advcl":
                current = head  # "..., leading to his arrest": the main clause decides
                continue
            return not_an_act(head) is None
        current = head
    return False


#: verbs that, with "for", ask for an act rather than report it ("called for the army's overthrow of X")
ASKING_FOR = frozenset({"call", "press", "push", "appeal", "ask", "campaign", "clamour", "clamor", "lobby", "plead", "urge"})


def asked_for_noun(noun: Token) -> bool:
    """Whether a noun of an act is what someone asked for ("called for Peru's recognition of Kosovo",
    "pressed for the army's removal of the president"): wished for, not done."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ASKING_FOR


def _bases(token: Token) -> set[str]:
    """Crude base forms next to the lemmatiser's ("hopes" is sometimes lemmatised 'hop')."""
    word = token.lower_
    forms = {word, token.lemma_.lower()}
    for ending in ("ing", "ed", "d", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.add(word[: -len(ending)])
            if ending == "ing":
                forms.add(word[:-3] + "e")   # ("hoping" is lemmatised 'hop': the verb that drops its e)
    if word.endswith("ied"):
        forms.add(word[:-3] + "y")
    return forms


def negated(verb: Token) -> bool:
    words = words_of(verb)
    return any(_negation(c, words) for c in verb.children) and not done_only_then(verb)


def done_only_then(verb: Token) -> bool:
    """'did not restore relations until 2010', 'were not expelled till the war ended': a negation with a
    time the act waited for tells when it was done, not that it was not (``delaying_preps``); "has not
    restored them until now" is still undone (``still_undone_times``)."""
    if verb.doc.lang_ != "en":
        return False
    delaying, undone = english_words("delaying_preps"), english_words("still_undone_times")
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in delaying:
            return not any(g.lower_ in undone for g in child.children)
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in delaying for m in child.children):
            return True
    return False


#: adverbs that a negation of their own makes the clause's: "no longer recognises"
NEGATED_ADVERBS = frozenset({"longer"})


def _negation(child: Token, words: StructureWords) -> bool:
    """Whether a dependent of a verb negates its clause: "not", "never", and "no longer"."""
    if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in words.negations):
        return True
    return child.dep_ == "advmod" and child.lower_ in NEGATED_ADVERBS and any(
        g.dep_ == "neg" or g.lower_ in words.negations for g in child.children)


#: a negative determiner on an argument negates the clause: "recognised neither Kosovo nor Taiwan",
#: "neither Peru nor Chile recalled ...", "expelled no diplomats"
NEGATIVE_DETERMINERS = frozenset({"neither", "no", "nor"})


def negative_argument(verb: Token) -> bool:
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(g.lower_ in NEGATIVE_DETERMINERS and g.dep_ in ("preconj", "det") for a in args for g in a.children)


def _clause_blocker(verb: Token, negation_is_the_act: bool = False) -> str | None:
    words = words_of(verb)
    for child in verb.children:
        if _negation(child, words):
            if negation_is_the_act or done_only_then(verb):
                continue   # (a refusal's own negation; "did not restore relations until 2010": done then)
            return "negated"
        if is_modal(child):
            if negation_is_the_act and is_modal(child, "forecast"):
                continue  # "would never recognise": a stated refusal, not a forecast
            return f"modal '{child.text}'"
        if child.dep_ == "mark" and child.lower_ in words.hypothetical_marks and not _told_past(verb, child):
            return f"hypothetical '{child.text}'"
        if child.dep_ in ("advmod", "mark") and child.lower_ in TEMPORAL_MARKS and any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children):
            return f"future '{child.text}'"  # "when he is sentenced", "once she is charged"
    if verb.dep_ in ("xcomp",) and verb.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and not answer_told(verb.head):
        return "future"  # "is to expel" (not "X's answer was to expel ...": done)
    if going_to(verb) and not negation_is_the_act:
        return "future"  # "is going to expel", as "will expel" (where the negation is the act, a refusal, as "will")
    if not_yet(verb) and not negation_is_the_act:
        return "not yet"  # "has yet to grant him a safe conduct"
    return None


def answer_told(be: Token) -> bool:
    """'X's answer was to expel the consul', 'its first step was to recall its envoy': a past "be" whose
    subject is an answer to what was done (``response_nouns``) tells its infinitive as done."""
    return be.doc.lang_ == "en" and be.tag_ == "VBD" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in english_words("response_nouns") for c in be.children)


def not_yet(verb: Token) -> bool:
    """'has yet to grant him a safe conduct', 'is yet to recognise': the act not (yet) done, a negation
    where the negation is the act (a deferral, a non-recognition)."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("have", "be", "remain") and any(
        c.lower_ == "yet" for c in verb.head.children)


#: marks that open a clause told in the past tense as a time the story passed ("days before prosecutors
#: charged her", "had led the party until a court sentenced him"), not as a condition ("before he could be
#: arrested" keeps its modal; "until he is sentenced" is still to come); the clause it hangs on still decides
#: ("would stay until police arrested him", "vowed to stay until ...": no act)
PAST_TIME_MARKS = frozenset({"before", "until"})


#: marks of an adverbial clause that, in the past tense, tells what had happened: its own act, not a part
#: of the plan, request or threat it hangs on ("asked for asylum after a court ordered his arrest")
FACT_MARKS = frozenset({"after", "because", "since", "when", "before"})


#: of those, the marks of a cause told as past even under a modal ("said it would recall its envoy after
#: Peru expelled the consul"); "when" and "before" under a modal are the plan's own time ("would cut ties
#: when Peru recognised Kosovo")
CAUSE_MARKS = frozenset({"after", "because", "since"})


def _told_fact(clause: Token) -> bool:
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
    if not marks & FACT_MARKS or not (clause.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children)):
        return False
    return not has_modal(clause.head) or bool(marks & CAUSE_MARKS)


def _told_past(verb: Token, mark: Token) -> bool:
    return mark.lower_ in PAST_TIME_MARKS and (verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children))


#: a clause under these tells when something else happened
TIME_CLAUSE_MARKS = frozenset({"when", "after", "before", "while", "since", "until", "once", "as"})


def speaker(token: Token) -> Token | None:
    """The subject of the speech verb a trigger's clause is reported under ("the minister said ...")."""
    current = token
    for _ in range(8):
        head = current.head
        if head == current:
            return None
        if current.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_CLAUSE_MARKS for c in current.children):
            return None  # "X violated the law when police entered the embassy": a time told, not the act announced
        if current.dep_ in ("ccomp", "xcomp", "conj", "advcl") or (current == token and token.pos_ == "NOUN"):
            if current.dep_ == "ccomp" and head.lemma_.lower() in words_of(head).speech_verbs:
                return structure.logical_subject(head)
            current = head
            continue
        return None
    return None
