"""What the speech verb at a cue's offset says, and whom about: whether it judges, only reports,
defends the speaker's own act or says anything at all, and the actor its words are about
(``parsed_target``). Apart from speech.py, which finds the speech verbs and cues these read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import tree
from .gazetteer import Mention
from .parentheticals import inside_clause
from .speech import (
    elicited_from,
    is_speech_verb,
    reported_clauses,
    speech_class,
    speech_lexicon,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: prepositions that take what a speech verb is about: "called on X", "appealed to X", "warned against X"
OBJECT_PREPOSITIONS = {"on", "to", "against", "about", "of", "for"}
#: verbs whose particle "out" makes "at" name whom the words are aimed at ("lashed out at X", "hit out at X")
AIMED_OUT_LEMMAS = frozenset({"lash", "hit", "strike"})
#: entity labels of an "at" object that is where or when the words were said ("spoke out at a rally")
SETTING_LABELS = frozenset({"FAC", "LOC", "DATE", "TIME", "EVENT"})
#: prepositions by which a reported clause names the act it reacts to ("concerned by the move")
ACT_PREPOSITIONS = {"by", "about", "over", "at", "with"}
#: speech verbs that only report what was said (an act announced with them is that act's announcement)
REPORTING_LEMMAS = {"say", "announce", "confirm", "tell", "state", "add", "write", "declare", "tweet", "post", "inform",
                    "report", "explain", "note"}


def verb_at(doc: Doc, at: int) -> Token | None:
    """The verb (or auxiliary) whose characters start at ``at``, a speech cue's offset; None for a noun cue."""
    verb = tree.token_at(doc, at)
    return verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None


def judging_verb(doc: Doc, at: int) -> bool:
    """Whether the speech verb at ``at`` is of a class that judges ("condemned", "praised"), not one
    that only reports ("said", "told")."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and speech_class(span[0]) not in (None, "report")


def judges(doc: Doc, at: int, act_nouns) -> bool:
    """Whether the speech verb at ``at`` judges ("condemned", "rejected"), or the words it reports
    judge or name an act ("said he regretted the decision", "said the move was illegal"); a plain
    report of plans or facts ("said he would travel to ...") does not."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return True
    verb = span[0]
    kind = speech_class(verb)
    if kind is None or kind != "report":
        return True
    clauses = reported_clauses(verb) + [c for c in verb.children if c.dep_ == "xcomp"]
    # (what "..., adding that ..." adds, the parse may hang on the reported clause: judged as added words)
    added = {t.i for clause in clauses for c in added_remarks(clause) for t in c.subtree}
    for clause in clauses:
        for t in clause.subtree:
            if t.i not in added and (speech_class(t) not in (None, "report") or t.lemma_.lower() in act_nouns
                                     or t.dep_ in ("acomp", "attr") and t.pos_ in ("ADJ", "NOUN")):
                return True
    return adds_judgement(doc, at, act_nouns)


def added_remarks(verb: Token) -> list[Token]:
    """The reporting participles or conjuncts after ``verb`` with no subject of their own ("..., adding
    that ...", "... and added that ..."): more words of the same speaker."""
    return [c for c in verb.children if c.dep_ in ("advcl", "conj") and c.i > verb.i
            and speech_class(c) == "report" and not any(g.dep_ in tree.SUBJECTS for g in c.children)]


def adds_judgement(doc: Doc, at: int, act_nouns) -> bool:
    """'said Peru had expelled its envoy, adding that the decision was unjustified': whether what a
    reporting participle or conjunct of the same speaker adds to the report at ``at`` judges (a speech
    act, a judging word, a predicate on an act named by a noun: "adding that the envoy would return"
    or "that the ambassador was safe" judges nothing)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    added = [r for v in [verb, *reported_clauses(verb)] for c in added_remarks(v) for r in reported_clauses(c)]
    judging = speech_lexicon().judging
    return any(speech_class(t) not in (None, "report") or t.lower_ in judging or _judges_an_act(t, act_nouns)
               for clause in added for t in clause.subtree)


def _judges_an_act(predicate: Token, act_nouns) -> bool:
    """'the decision was unjustified', 'the recall was a hostile act': a predicate on an act noun."""
    return predicate.dep_ in ("acomp", "attr") and predicate.pos_ in ("ADJ", "NOUN") and any(
        s.dep_ in tree.SUBJECTS and s.lemma_.lower() in act_nouns for s in predicate.head.children)


def reported_subject(doc: Doc, at: int) -> Token | None:
    """The subject of the clause the speech verb at ``at`` reports ("said Thailand would not close
    the border": Thailand), or None."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    clause = next(iter(reported_clauses(span[0])), None)
    if clause is None:
        return None
    return next((c for c in clause.children if c.dep_ in tree.SUBJECTS), None)


def reported_before(doc: Doc, at: int) -> bool:
    """Whether the clause the speech verb at ``at`` reports comes before it ("Kenya recalled its
    envoy, the minister told reporters"): the verb attributes a report."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and any(c.dep_ == "ccomp" and c.i < span[0].i for c in span[0].children)


def only_reports(doc: Doc, at: int) -> bool:
    """Whether the speech verb at ``at`` only reports ("said", "announced"), not judges."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].lemma_.lower() in REPORTING_LEMMAS


def defends_own_act(doc: Doc, at: int) -> bool:
    """Whether the speech verb at ``at`` speaks only of the speaker's own act ("defended its
    decision"), reporting no clause ("defended its actions, stating it had acted lawfully")."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span) or any(t.dep_ == "ccomp" for t in span[0].subtree):
        return False
    return any(c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ in ("its", "their", "his", "her") for g in c.children)
               for c in span[0].children)


def says_something(doc: Doc, at: int) -> bool:
    """Whether the speech verb at ``at`` has something said: a clause, an object or what it
    is about ("said that ...", "condemned the raid", "called on X"), or is itself what was said
    ("Moscow protested at once": ``said_bare``); unknown on the parse: yes."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].pos_ not in ("VERB", "AUX"):
        return True
    return _reports_something(span[0]) or said_bare(span[0])


def _reports_something(verb: Token) -> bool:
    """Whether the speech verb has a clause, an object or what it is about on the parse."""
    # ("the move was denounced by X": the passive's subject is what the words are about)
    return any(c.dep_ in ("ccomp", "xcomp", "dobj", "dative", "oprd", "attr")
               or c.dep_ == "nsubjpass" and any(a.dep_ == "agent" for a in verb.children)
               or c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS | {"as"}
               # ("hit out at X", "lashed out at X": the particle's "at"; "said at a news conference" is a place)
               or c.dep_ == "prep" and c.lower_ == "at" and _aimed_at(verb, c)
               or c.dep_ in ("advcl", "conj") and is_speech_verb(c) for c in verb.children) \
        or bool(reported_clauses(verb)) \
        or verb.dep_ == "parataxis" and inside_clause(verb) \
        or _zero_relative(verb)   # "X, Ana Soto said, had ...": the clause it is set in; "a move Peru condemned"


def _zero_relative(verb: Token) -> bool:
    """'Ghana expelled the envoy, a move Togo condemned': a relative clause with no pronoun of its own (nor a
    passive) and no object, on a noun before it that is no time ("the day Togo protested"): its object is
    that noun, as "a move that Togo condemned" has it through "that"."""
    head = verb.head
    return verb.dep_ == "relcl" and head.pos_ == "NOUN" and head.i < verb.i and head.ent_type_ not in ("DATE", "TIME") \
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP", "WRB") and c.lower_ != "that" for c in verb.children) \
        and not any(c.dep_ in ("nsubjpass", "auxpass", "dobj", "mark") or c.tag_ in ("WDT", "WP", "WRB") for c in verb.children)


def said_bare(verb: Token | None) -> bool:
    """'Moscow protested at once', 'Lima objected', 'the ministry protested': a verb whose act is itself what
    was said (speech_acts.yaml said_bare), with nothing reported, in the active voice, its subject the name of a
    place or a singular noun of a body (a state's formal protest); "students protested outside the embassy",
    "thousands protested" demonstrate, and a person's bare protest ("the minister, X, protested") may be of
    anything (his innocence, his treatment)."""
    return verb is not None and verb.lemma_.lower() in speech_lexicon().said_bare \
        and any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.pos_ == "NOUN" and c.tag_ == "NN") and not _of_a_person(c)
                for c in verb.children) \
        and not _reports_something(verb)


def _of_a_person(noun: Token) -> bool:
    """'Ram Karki', 'the foreign minister, Ram Karki', 'the minister': a person's name or a noun of a person."""
    from .described_persons import PERSON_HEADS

    return any(t.ent_type_ == "PERSON" for t in [noun, *(c for c in noun.children if c.dep_ == "appos")]) \
        or noun.lemma_.lower() in PERSON_HEADS


def _aimed_at(verb: Token, at: Token) -> bool:
    """'lashed out at Peru', 'hit out at the government': the particle "out" of a verb of attack and an
    object that is no place, time or gathering."""
    return verb.lemma_.lower() in AIMED_OUT_LEMMAS and any(p.dep_ == "prt" and p.lower_ == "out" for p in verb.children) \
        and any(o.dep_ == "pobj" and o.ent_type_ not in SETTING_LABELS for o in at.children)


def verb_of_quotation(doc: Doc, at: int) -> int:
    """The offset of the speech verb a quotation at ``at`` hangs from ("issued a statement ...
    calling X's government 'illegitimate'": "calling"), or ``at`` itself."""
    token = tree.token_at(doc, at)
    for _ in range(6):
        if token is None or token.head == token:
            break
        token = token.head
        if is_speech_verb(token):
            return token.idx
    return at


def parsed_target(doc: Doc, at: int, actor: Callable[[Token], Mention | None],
                  act: Callable[[Token], Mention | None] = lambda noun: None) -> Mention | None:
    """Whom the speech verb at ``at`` is about, on the parse: its object ("accused X", "warned X",
    "called on X") or the object's possessor ("rejected X's accusations"), else the subject of the
    clause it reports ("said X had ...") or its possessor; where that noun names an act ("condemned
    the move", "said the recognition was illegal"), whom ``act`` says the act is about (its author,
    or for the speaker's own act, its target).  None when the parse names no one that ``actor``
    accepts (a mention outside the speaker's own side)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is not None and len(span) and elicited_from(span[0]) is not None:
        # "the decision drew criticism from X": what drew it is what the words are about
        for noun in (c for c in span[0].head.children if c.dep_ == "nsubj"):
            found = actor(noun) or act(noun)
            if found is not None:
                return found
        return None
    if span is None or not len(span) or span[0].pos_ not in ("VERB", "AUX"):
        return None
    verb = span[0]

    def about(noun) -> Mention | None:
        # "his Turkish counterpart, X": the name in apposition before the demonym that qualifies the noun
        for token in [noun] + [c for c in noun.children if c.dep_ == "appos"] \
                + [c for c in noun.children if c.dep_ in ("compound", "amod")]:
            found = actor(token)
            if found is not None:
                return found
        for owner in (c for c in noun.children if c.dep_ == "poss"):
            found = actor(owner)
            if found is not None:
                return found
        return None

    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # "the expulsion was condemned by Brazil", "X was accused by Peru of ...": a passive's subject with
    # a speaker in its "by" phrase is what the words are about
    objects += [c for c in verb.children if c.dep_ == "nsubjpass" and any(a.dep_ == "agent" for a in verb.children)]
    # "called the coup unacceptable" parsed with the object inside the predicate ("coup" a compound of it)
    objects += [g for c in verb.children if c.dep_ == "oprd" for g in c.children
                if g.dep_ in ("compound", "nsubj", "nmod") and g.pos_ in ("NOUN", "PROPN")]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS
                for g in c.children if g.dep_ == "pobj"]
    for noun in objects:
        found = about(noun) or act(noun)
        if found is not None:
            return found
    # "demanded the withdrawal of Russian troops", "called for the release of X": what the object's
    # "of" phrase names
    for noun in objects:
        for owned in (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
            found = about(owned)
            if found is not None:
                return found
    for clause in reported_clauses(verb):
        subjects = [c for c in clause.children if c.dep_ in tree.SUBJECTS]
        # "warned that sending Russian troops into Ukraine would be a mistake": a gerund as subject
        # names what is spoken of by its object
        subjects += [g for c in clause.children if c.dep_ in ("csubj", "nsubj") and c.pos_ == "VERB"
                     for g in c.children if g.dep_ == "dobj"]
        for noun in subjects:
            # "said the recognition was illegal", "called the coup unacceptable": the act's author
            found = about(noun) or act(noun)
            if found is not None:
                return found
        # "said it regretted the move": the reported clause's object names the act
        # "said it was concerned by the allegations": or the object of its adjective
        near = list(clause.children) + [g for c in clause.children if c.dep_ == "acomp" for g in c.children]
        nouns = [c for c in near if c.dep_ == "dobj"]
        nouns += [g for c in near if c.dep_ in ("prep", "agent") and c.lower_ in ACT_PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
        for noun in nouns:
            found = act(noun)
            if found is not None:
                return found
    return None
