"""The speech frame on the dependency parse: which words are speech verbs (the lexicon of
speech_acts.yaml), the cues of an article's speech, and the clauses a speech verb reports (what a
verb at a cue says, and whom about: speech_content.py; who speaks through it: speech_speakers.py).

Functions over a spaCy ``Doc`` and character offsets (the speech verb's, a quotation's), with the
English words they need as data below; ``statements.py`` builds Statements from them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ruamel.yaml import YAML

from . import tree
from .modality import is_modal
from .parse_memo import per_doc, per_token
from .rules import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: verbs by which an act draws a speech act from someone ("the decision drew criticism from X")
ELICITING = {"draw", "prompt", "provoke", "spark", "trigger", "bring", "earn", "attract", "elicit", "receive", "meet"}
#: speech verbs that summon someone somewhere with "to" ("called the envoy to the ministry")
SUMMONING_LEMMAS = {"call"}
#: speech verbs that, with a person as their object and nothing said of them, telephone ("called Putin")
TELEPHONING_LEMMAS = {"call"}
QUOTATION_MARKS = frozenset('"“”‘’\'')
#: nouns of an answer whose predicate may be a speech act's noun ("Uruguay's answer was a formal protest")
REPLY_NOUNS = frozenset({"answer", "response", "reply", "reaction", "retort"})
#: speech verbs that open a second clause with a speaker of its own ("..., and the Kremlin warned")
SPEECH_LEMMAS_OF_CLAUSES = {"say", "warn", "call", "denounce", "condemn", "reject", "accuse", "urge", "criticize",
                            "criticise", "describe", "insist", "argue", "welcome", "demand", "deny", "praise", "thank",
                            "tell", "add", "state", "declare", "express", "voice"}
#: speech verbs that convene or order what their object names ("called a meeting": speech_acts.yaml convened)
CONVENING_LEMMAS = {"call"}
#: what a verb says its object is ("called the vote a sham", "called the election illegitimate")
PREDICATE_COMPLEMENTS = {"oprd", "xcomp", "ccomp", "acomp"}
#: hyphens joining a compound word ("state-backed")
HYPHENS = frozenset({"-", "‑", "–"})
#: quotation marks that close a quotation (or open and close it: the straight ones)
CLOSING_QUOTES = {'"', "”", "’", "'"}
#: subordinators of a contrasting clause with a speaker of its own ("..., while Tunisia urged ...")
CONTRAST_MARKS = {"while", "whereas", "whilst"}


#: the lexicon of speech-act verbs by class (data: speech_acts.yaml)
SPEECH_ACTS_FILE = Path(__file__).with_name("speech_acts.yaml")
#: classes of the lexicon whose verbs make a Statement of reported words without quotation marks
#: only where they say something (all); "announced", "declared", "posted" report acts instead
NOT_PARAPHRASE = {"announce", "declare", "post", "tweet", "reveal", "disclose", "recall", "repeat"}


#: verbs of posting online that report words where they take a clause ("tweeted that ..."), and of declaring
#: that do where they take a that-clause ("declared that ...")
POSTING_LEMMAS, CLAUSE_DECLARING_LEMMAS = {"post", "tweet"}, {"declare"}
#: verbs of announcing that report words where their that-clause tells no deed, only how things stand
#: ("announced that the talks had failed"; "announced that Egypt had nationalised ...", "that X had been
#: granted ..." announce acts)
STATE_ANNOUNCING_LEMMAS = {"announce"}

#: a request with an infinitive asks something of someone only where it names whom it asks or the
#: infinitive has a subject ("asked Ghana to withdraw"): "asked to join the case" asks leave for the
#: speaker's own act, of no one, like "asked for asylum"?
SELF_REQUESTS_UNSPOKEN = True
#: verbs whose infinitive complement is not said (yet): "declined to comment", "plans to protest"
UNSPOKEN_HEADS = {"decline", "refuse", "fail", "avoid", "expect", "plan", "intend", "want", "hope", "seek", "prepare",
                  "schedule", "wish", "hesitate", "try", "attempt", "consider", "threaten", "promise", "vow", "need"}
#: objects by which a speech verb says nothing ("has said nothing about the verdict")
NOTHING = frozenset({"nothing", "none"})


@dataclass(frozen=True)
class SpeechLexicon:
    classes: dict            # lemma → class
    unless: dict             # lemma → words among its dependents that make it no speech act
    needs_clause: frozenset  # lemmas that speak only with a clause or a quotation
    participles: frozenset   # participles after an act that report its subject's words
    nouns: frozenset = frozenset()     # nouns of a speech act whose possessor speaks
    adopting: frozenset = frozenset()  # verbs whose subject makes the speech act their object names
    delivering: frozenset = frozenset()  # verbs whose subject delivers the speech act their object names
    needs_infinitive: frozenset = frozenset()  # lemmas that request only with an infinitive or that-clause ("asked Y to ...")
    not_of_persons: frozenset = frozenset()  # lemmas that speak only of a thing ("questioned the legality", not "the envoy")
    phrasal: dict = field(default_factory=dict)  # lemma → the particles it speaks only with ("hit back", "lashed out")
    said_objects: frozenset = frozenset()  # objects that are what was said ("reiterated its call for talks")
    convened: frozenset = frozenset()  # objects by which "call" convenes, not speaks ("called a meeting")
    judging: frozenset = frozenset()   # words that judge an act a reported clause tells ("in breach of"; reported_acts)
    judging_when_denied: frozenset = frozenset()  # ... only when denied ("without any reason")
    nouns_with_as: frozenset = frozenset()  # nouns that speak only with "as" ("X's description of Y as Z")
    requested: frozenset = frozenset()  # what a request "for" asks of someone ("asked for his release")
    said_bare: frozenset = frozenset()  # verbs whose act is what was said, with no object ("Moscow protested")
    press_audiences: frozenset = frozenset()  # audiences only a person tells ("told reporters"; speaking_names)
    reading_out: frozenset = frozenset()  # participles of reading a decision out ("reading the verdict"; verdict_readings)
    court_decisions: frozenset = frozenset()  # a court's decisions read out ("the verdict", "the ruling")
    freeing: frozenset = frozenset()  # nouns of a person's freeing ("his release"; freeing_requests)


@functools.lru_cache(maxsize=1)
def speech_lexicon() -> SpeechLexicon:
    """The speech-act lexicon (speech_acts.yaml)."""
    data = YAML(typ="safe").load(SPEECH_ACTS_FILE.read_text(encoding="utf-8"))
    classes = {lemma: name for name, lemmas in data["classes"].items() for lemma in lemmas}
    unless = {lemma: frozenset(w.lower() for w in words or ()) for lemma, words in (data.get("unless") or {}).items()}
    return SpeechLexicon(classes, unless, frozenset(data.get("needs_clause") or ()), frozenset(data.get("participles") or ()),
                         frozenset(data.get("nouns") or ()), frozenset(data.get("adopting") or ()),
                         frozenset(data.get("delivering") or ()), frozenset(data.get("needs_infinitive") or ()),
                         frozenset(data.get("not_of_persons") or ()),
                         {lemma: frozenset(words) for lemma, words in (data.get("phrasal") or {}).items()},
                         frozenset(data.get("said_objects") or ()), frozenset(data.get("convened") or ()),
                         frozenset(w.lower() for w in data.get("judging_words") or ()),
                         frozenset(w.lower() for w in data.get("judging_when_denied") or ()),
                         frozenset(data.get("nouns_with_as") or ()), frozenset(data.get("requested") or ()),
                         frozenset(data.get("said_bare") or ()), frozenset(data.get("press_audiences") or ()),
                         frozenset(data.get("reading_out") or ()),
                         frozenset(w.lower() for w in data.get("court_decisions") or ()),
                         frozenset(w.lower() for w in data.get("freeing") or ()))


@per_token()
def speech_class(token: Token) -> str | None:
    """The class of the speech act the verb ``token`` makes (speech_acts.yaml), or None: no speech
    verb, or one whose dependents make it something else ("called its envoy home")."""
    if token.pos_ != "VERB" or _name_part(token):
        return None
    lexicon = speech_lexicon()
    lemma = token.lemma_.lower()
    kind = lexicon.classes.get(lemma)
    if kind is None:
        return None
    if lemma in SUMMONING_LEMMAS and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in token.children):
        return None  # "called the envoy to the ministry": a summons, not a remark
    if lemma in TELEPHONING_LEMMAS and _telephones(token):
        return None  # "called her Peruvian counterpart on Tuesday": a telephone call, not a remark
    particles = lexicon.phrasal.get(lemma)
    # (the particle may be a preposition the parse hangs on the verb: "spoke of a grave provocation")
    if particles and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles
                             or c.dep_ == "dobj" and c.lower_ in particles and c.n_lefts == 0 for c in token.children):
        return None  # "hit the town", "fired on the crowd": no particle of speech ("hit back", "fired back")
    stop = lexicon.unless.get(lemma)
    # (a part of a hyphenated word is no particle: "called the bombing 'state-backed terrorism'", "home-grown")
    if stop and any(t.lower_ in stop or t.lemma_.lower() in stop for t in own_phrase(token)
                    if t.i > token.i and not _in_hyphenated_word(t)):
        return None
    if lemma in CONVENING_LEMMAS and any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.convened for c in token.children) \
            and not any(c.dep_ in PREDICATE_COMPLEMENTS for c in token.children):
        return None  # "called a meeting", "calling elections for March": no remark ("called the vote a sham" is one)
    if lemma in lexicon.not_of_persons and (any(c.dep_ == "dobj" and _a_person(c) for c in token.children)
                                            or _for_a_length(token)):
        return None  # "questioned the envoy for six hours": an interrogation, not a remark
    return kind


def _name_part(token: Token) -> bool:
    """'Karim Haddad and Yusuf Said smuggled explosives': a capitalised word inside running prose,
    right after a proper noun and counted by the recogniser in a person's name, is a part of that name (a
    surname the parser took for the verb "said"), not a speech verb; a title-case headline ("Kenya Says
    It Will Expel Envoy") capitalises its verbs too, so the prose around the word must be in lower case;
    and a verb capitalised by a casing slip after a state's name ("Kenya Says it will ...") is in no one's
    name."""
    doc = token.doc
    if not token.text[:1].isupper() or token.i == token.sent.start or doc[token.i - 1].pos_ != "PROPN" \
            or token.ent_type_ != "PERSON":
        return False
    # (the prose after the name: "Amina Said Ali said ...", the name's own later words capitalised too)
    end = token.i + 1
    while end < token.sent.end and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I":
        end += 1
    after = next((t for t in doc[end:token.sent.end] if t.is_alpha), None)
    return after is not None and after.text[:1].islower()


def _in_hyphenated_word(token: Token) -> bool:
    """Whether ``token`` is joined to the word before or after it by a hyphen ("state-backed", "home-grown")."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text in HYPHENS and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in HYPHENS and not token.whitespace_
    return before or after


def _telephones(verb: Token) -> bool:
    """'Macron called Putin on Tuesday', 'called her counterpart': a person as the object, and nothing
    said of them (no "a liar", "illegitimate", no quotation, no clause); "called out China", "called
    China out" is a rebuke."""
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "out" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    said = [c for c in verb.children if c.dep_ in PREDICATE_COMPLEMENTS]
    if not objects and len(said) == 1 and (said[0].ent_type_ == "PERSON" or said[0].pos_ == "NOUN" and _person_noun(said[0])):
        objects, said = said, []   # "called the Kenyan president": one person, parsed as what someone was called
    return any(_a_person(c) and c.lower_ not in tree.REFLEXIVES for c in objects) and not said \
        and not any(t.text in QUOTATION_MARKS for t in own_phrase(verb))


def _person_noun(noun: Token) -> bool:
    """'the envoy', 'the Kenyan president': a noun of a person (described_persons.PERSON_HEADS)."""
    from .described_persons import PERSON_HEADS

    return noun.lemma_.lower() in PERSON_HEADS


def _a_person(noun: Token) -> bool:
    """'questioned Warsame', 'questioned him', 'questioned the envoy, X', 'questioned the diplomat': the
    noun names a person (a name, a pronoun, a name in apposition, or a noun of a person)."""
    return any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ == "PERSON" for t in [noun, *(c for c in noun.children if c.dep_ == "appos")]) \
        or _person_noun(noun)


def _for_a_length(verb: Token) -> bool:
    """'questioned ... for six hours', '... for two days': the verb lasts a length of time (an interrogation)."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and g.ent_type_ in ("TIME", "DATE") for g in c.children)
               for c in verb.children)


#: dependents that open a clause of their own after the verb ("called on X to act, and Peru, her home
#: country, said ...", "..., while Y brought its envoy back"): their words are not the verb's
OTHER_CLAUSES = ("conj", "cc", "parataxis")


def own_phrase(verb: Token) -> list[Token]:
    """The verb's subtree without the clauses coordinated with it or spliced onto it."""
    dropped = {t.i for c in verb.children if c.dep_ in OTHER_CLAUSES or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONTRAST_MARKS for m in c.children) for t in c.subtree}
    return [t for t in verb.subtree if t.i not in dropped]


def reported_clauses(verb: Token) -> list[Token]:
    """The clauses the verb reports: its ccomp children, and a that-clause the parse hangs as a relative
    clause on the noun of an adjunct ("said in an interview that X had ...": "that" marks no relative
    clause)."""
    misattached = [r for c in verb.children if c.dep_ == "prep" for n in c.children if n.dep_ == "pobj"
                   for r in [*n.children, *(g for a in n.children if a.dep_ == "acl" for g in a.subtree)]
                   if r.dep_ in ("relcl", "acl") and any(_that_opens_clause(m, r) for m in r.children)]
    return [c for c in verb.children if c.dep_ == "ccomp"] + misattached


def _that_opens_clause(that: Token, clause: Token) -> bool:
    """Whether "that" opens a reported clause the parse hung as a relative clause: marked so, or taken
    for the clause's object or subject where the clause has one of its own ("said in a statement carried
    by state media that Estonia had violated international law": "that" no object of "violated")."""
    if that.lower_ != "that":
        return False
    if that.dep_ == "mark":
        return True
    return that.dep_ in ("dobj", "nsubj") and that.i < clause.i \
        and any(c.dep_ == that.dep_ and c.i != that.i for c in clause.children)


def _speaks(token: Token, quoted: bool) -> bool:
    """Whether the speech verb ``token`` makes a statement here: not negated nor modal ("did not
    say", "would not comment"), not saying nothing ("said nothing about"), with a clause or a
    quotation where its lemma needs one (a modal makes it a future, a possibility or an obligation)."""
    if any(c.dep_ == "neg" or is_modal(c) for c in token.children):
        return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in UNSPOKEN_HEADS:
        return False  # "declined to comment", "refused to say whether", "is expected to announce"
    if any(c.dep_ == "dobj" and (c.lower_ in NOTHING or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
           for c in token.children):
        return False  # "Moscow has said nothing about the verdict", "the ministry expressed no view"
    lexicon = speech_lexicon()
    if token.lemma_.lower() in lexicon.needs_infinitive \
            and not any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) and _asked_of_someone(token, c)
                        or c.dep_ == "ccomp" and any(a.dep_ == "mark" and a.lower_ == "that" for a in c.children)
                        # "asked for his release", "asked Baku for an explanation": what is asked of someone
                        or c.dep_ == "prep" and c.lower_ == "for"
                        and any(g.dep_ == "pobj" and g.lemma_.lower() in lexicon.requested for g in c.children)
                        for c in token.children):
        return False  # "asked for asylum", "asked whether ...": no request made of anyone
    if token.lemma_.lower() in lexicon.needs_clause and not quoted \
            and not any(c.dep_ == "xcomp" or c.dep_ == "dobj" and c.lemma_.lower() in lexicon.said_objects | lexicon.nouns
                        for c in token.children) and not reported_clauses(token):
        return False
    return True


def _asked_of_someone(verb: Token, infinitive: Token) -> bool:
    """Whether a request with an infinitive is made of someone: it names whom it asks ("asked Ghana to
    withdraw", "asked for the president to be freed") or the infinitive has a subject of its own; "asked
    to join the case", "asked to see the ambassador" ask leave for the speaker's own act, of no one."""
    if not SELF_REQUESTS_UNSPOKEN:
        return True
    return any(c.dep_ in ("dobj", "dative", "iobj") or c.dep_ == "prep" and c.lower_ == "for" for c in verb.children) \
        or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in infinitive.children)


@dataclass(frozen=True)
class Cue:
    """A speech verb the parse finds, shaped like the regular-expression match it replaces (offsets
    relative to the sentence's text)."""

    begin: int
    finish: int
    word: str
    lemma: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _n: int = 0) -> str:
        return self.word

    paraphrase: bool = True  # whether words reported through it without quotation marks may make a Statement
    #: a participle after a verb ("designated X a terrorist, accusing him of ..."): that verb's token index,
    #: whose act (where one was coded there) the participle gives the grounds of; -1: none
    after_verb: int = -1


def _verb_of_participle(participle: Token) -> Token:
    """The verb a participle of grounds hangs on ("declared him persona non grata, accusing ...": the
    parse may hang it on the verb's complement), the first of its conjuncts."""
    verb = participle.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    return verb


@per_doc("list")
def speech_cues(doc: Doc, start: int, end: int) -> list[Cue]:
    """The speech verbs of text[start:end] on the parse (the lexicon's lemmas), in order."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    text = tree.doc_text(doc)[span.start_char:span.end_char]   # (Span.text makes every token of the span anew)
    quoted = any(c in text for c in '"“”')
    lexicon = speech_lexicon()
    participles = lexicon.participles
    verbs = _cue_verbs()
    out = []
    for t in tree.tokens(doc)[span.start:span.end]:
        if t.idx < start:
            continue
        pos = t.pos_   # (every cue below is a noun of the lexicon's or a verb of its lists: the rest are no cue)
        if pos != "VERB" and pos != "NOUN" or t.lemma_.lower() not in (verbs if pos == "VERB" else lexicon.nouns):
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.nouns and t.dep_ in tree.SUBJECTS \
                and any(c.dep_ == "poss" for c in t.children) and _judges_as(t, lexicon):
            # "Chile's condemnation of the raid came within hours": the possessor speaks
            out.append(Cue(t.idx - start, t.idx - start + len(t.text), t.text, t.lemma_.lower(), True))
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.nouns and answered_with(t):
            # "Uruguay's answer was a formal protest to Buenos Aires": the answer's possessor speaks
            out.append(Cue(t.idx - start, t.idx - start + len(t.text), t.text, t.lemma_.lower(), True))
            continue
        if elicited_from(t) is not None and not any(c.dep_ == "neg" for c in t.head.children):
            # "the decision drew criticism from X": X speaks
            out.append(Cue(t.idx - start, t.idx - start + len(t.text), t.text, t.lemma_.lower(), True))
            continue
        if t.pos_ == "VERB" and t.lemma_.lower() in lexicon.adopting and _speaks(t, quoted) \
                and any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.nouns for c in t.children):
            # "Colombia joined the condemnation": the subject speaks
            out.append(Cue(t.idx - start, t.idx - start + len(t.text), t.text, t.lemma_.lower(), True))
            continue
        if t.pos_ == "VERB" and t.lemma_.lower() in lexicon.delivering and _speaks(t, quoted) \
                and any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in lexicon.nouns or c.lemma_.lower() == "note" and any(
                    g.lemma_.lower() in lexicon.nouns for g in c.children if g.dep_ in ("compound", "prep")) or any(
                    g.lemma_.lower() in lexicon.nouns for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"))
                        for c in t.children):
            # "Belarus sent Poland a protest note", "Peru lodged a protest with Chile": the subject speaks (or "by" one)
            out.append(Cue(t.idx - start, t.idx - start + len(t.text), t.text, t.lemma_.lower(), True))
            continue
        if speech_class(t) is None or not _speaks(t, quoted):
            continue
        lemma = t.lemma_.lower()
        # "broke off relations, accusing it of ...": a participle after an act gives the act's reason
        after_act = t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") and lemma not in participles
        # "Ana Ruiz, who denies the charges, was released": a relative clause describes the person
        # ("Ana Ruiz, who denies the charges"); one in the past tells a remark made ("Zelensky, who
        # called the move a violation of international law")
        aside = t.dep_ == "relcl" and t.tag_ != "VBD" \
            and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in t.children)
        # "troops entered on what the Kremlin called a peacekeeping mission": a label inside a phrase
        aside = aside or t.dep_ in ("pcomp", "pobj") and any(c.lower_ == "what" for c in t.children)
        # "posted on X that ...", "tweeted that ...": a post that reports a clause says something
        posted = lemma in POSTING_LEMMAS and any(c.dep_ == "ccomp" for c in t.children)
        # "declared that the raid broke the law" states a position (an act it tells stays that act's announcement),
        # not a declaration a condition asks for ("unless London declares that ...")
        posted = posted or lemma in CLAUSE_DECLARING_LEMMAS and t.dep_ != "advcl" and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in t.children)
        posted = posted or lemma in STATE_ANNOUNCING_LEMMAS and t.dep_ != "advcl" and any(
            _tells_no_deed(c) for c in t.children if c.dep_ == "ccomp")
        out.append(Cue(t.idx - start, t.idx - start + len(t.text), t.text, lemma,
                       (lemma not in NOT_PARAPHRASE or posted) and not after_act and not aside,
                       verb.i if after_act and (verb := _verb_of_participle(t)).i < t.i else -1))
    return out


def _tells_no_deed(clause: Token) -> bool:
    """Whether a that-clause tells how things stand rather than a deed: its subject a common noun, no
    actor's name or pronoun ("the talks had failed", "the border was calm"), in the active voice (a
    passive, "had been granted", hides the doer, most often the speaker)."""
    if not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "auxpass", "csubj")]
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
        return False  # "announced that the embassy would reopen": a deed to come
    return len(subjects) == 1 and subjects[0].dep_ == "nsubj" and subjects[0].pos_ == "NOUN" and not subjects[0].ent_type_


def _judges_as(noun: Token, lexicon: SpeechLexicon) -> bool:
    """'X's description of the raid as illegal' judges; 'X's description of the meeting' only tells."""
    # ("as it was carried out": an "as" that opens a clause is no judgement)
    return noun.lemma_.lower() not in lexicon.nouns_with_as \
        or any(t.lower_ == "as" and t.dep_ != "mark" and t.i > noun.i for t in noun.subtree)


@functools.lru_cache(maxsize=1)
def _cue_verbs() -> frozenset:
    """The lemmas a verb needs to be a cue of speech_cues: adopting, delivering, or of a speech class."""
    lexicon = speech_lexicon()
    return frozenset(lexicon.adopting) | frozenset(lexicon.delivering) | frozenset(lexicon.classes)


def is_speech_verb(token: Token) -> bool:
    """Whether ``token`` is a speech verb (the lexicon's, or the surface list's)."""
    return speech_class(token) is not None or (token.pos_ == "VERB" and SPEECH_VERBS.fullmatch(token.text) is not None)


def answered_with(noun: Token) -> Token | None:
    """'Uruguay's answer was a formal protest': the possessed answer a speech act's noun is the
    predicate of ("answer"), or None (no copula, a negated one, no possessor)."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or any(c.dep_ == "neg" for c in noun.head.children):
        return None
    return next((s for s in noun.head.children if s.dep_ == "nsubj" and s.lemma_.lower() in REPLY_NOUNS
                 and any(c.dep_ == "poss" for c in s.children)), None)


def elicited_from(noun: Token) -> Token | None:
    """'The decision drew criticism from X', 'the move prompted a protest from X': the noun a speech
    act's noun is elicited from (X), or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in speech_lexicon().nouns or noun.dep_ != "dobj" \
            or noun.head.lemma_.lower() not in ELICITING:
        return None
    return next((g for c in list(noun.children) + list(noun.head.children) if c.dep_ == "prep" and c.lower_ == "from"
                 for g in c.children if g.dep_ == "pobj"), None)


def second_speakers_clauses(doc: Doc, start: int, end: int) -> list[int]:
    """Offsets where a clause of its own with a speech verb and its own subject begins inside
    text[start:end], after a first clause ("Russia voiced support for X, and the Kremlin warned Y").
    The clause begins at its subject."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for verb in tree.tokens(doc)[span.start:span.end]:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_LEMMAS_OF_CLAUSES:
            continue  # (the cheap tests first)
        # "..., while Tunisia called on France to apologise": a contrasting clause is a second one too
        contrast = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in verb.children)
        # "Greece condemned it, Britain called it regrettable": the clause after a spliced one (spliced_clauses.py)
        spliced = any(c.dep_ == "parataxis" and c.i < verb.i for c in verb.children)
        # "While Bolivia condemned the move, Argentina welcomed it": the main clause after a fronted contrast
        spliced = spliced or any(c.dep_ == "advcl" and c.i < verb.i and is_speech_verb(c) and any(
            m.dep_ == "mark" and m.lower_ in CONTRAST_MARKS for m in c.children) for c in verb.children)
        if verb.dep_ != "conj" and not contrast and not spliced and not _after_semicolon(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or subject.pos_ == "PRON" or subject.left_edge.i <= span[0].i:
            continue
        if subject.doc[subject.left_edge.i - 1].text in CLOSING_QUOTES:
            continue  # '"We are ready, and we are waiting," Puhan told reporters': the quotation's attribution
        out.append(subject.left_edge.idx)
    return out


def _after_semicolon(verb: Token) -> bool:
    """'Bolivia condemned the move; Ecuador called it a mistake': the parser makes the clause before the
    semicolon the verb's reported clause; a subject right after the semicolon opens a clause of its own."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subject is not None and subject.left_edge.i > 0 and verb.doc[subject.left_edge.i - 1].text == ";" \
        and any(c.dep_ == "ccomp" and c.i < subject.i for c in verb.children)


