"""Who speaks through a speech verb, on the dependency parse: its subject resolved to a named actor,
an office's holder or a collective speaking for their state ("Somalia's president", "Chinese
authorities"), the armed forces ("the military said"), whom a speech act is drawn from ("drew
criticism from X"), and which actors the speaker's own phrase names ("X's spokesman, Y").

Functions over a spaCy ``Doc`` and character offsets, with the English words they need as data
below; ``statements.py`` and ``body_speakers.py`` call them (split from ``speech.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .co_agents import co_agents
from .co_parties import co_subjects
from .coref_lexicon import GOVERNMENT_NOUNS, HEAD_TITLES
from .gazetteer import Mention
from .label_relatives import at_token
from .misattached_appositions import head_apposition
from .parentheticals import parenthetical_speaker
from .self_named_forces import name_given_itself
from .speech import answered_with, elicited_from, speech_lexicon
from .structure import is_passive, logical_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the nouns of a spokesperson (read with who they speak for here, with where they sit in located_speakers.py)
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})
#: who speaks for someone else: "X's office said", "a spokesman for X" (X speaks)
SPOKESPEOPLE = SPOKESPERSON_NOUNS | {"office", "press office", "aide", "cabinet"} | {"secretariat", "commission"}
#: of them, an organisation's standing bodies, named by a name before them too ("the ECOWAS commission said")
STANDING_BODIES = frozenset({"secretariat", "commission"})
#: who speaks for a person without being on their side: "her lawyer", "his widow" (speaker_phrase)
ADVOCATES = {"lawyer", "attorney", "counsel", "advocate", "wife", "husband", "widow", "widower", "son", "daughter",
             "mother", "father", "brother", "sister", "family", "relative", "relatives"}


def advocated(head: Token) -> list[Token]:
    """The words of whom an advocate or a relative in the phrase speaks for ("her lawyer, X": "her")."""
    return [t for c in head.subtree if c.dep_ == "poss" and c.head.lemma_.lower() in ADVOCATES for t in c.subtree]
#: nouns of what was said, whose speaker their possessor or "by ..." names ("a statement by X")
STATEMENT_NOUNS = {"statement", "communiqué", "communique", "letter", "note", "declaration", "message", "tweet"}
#: organs that speak for their state or body where the text does not name them again ("the ministry
#: said"): left to the surface rules, which look for the state nearby
ORGAN_SPEAKERS = {"ministry", "government", "office", "department", "presidency", "palace", "administration",
                  "foreign office", "embassy", "junta", "council", "cabinet", "spokesman", "spokeswoman", "spokesperson"}
#: collective nouns through which a state or a body speaks, named by their modifier or possessor
#: ("Chinese authorities", "EU leaders", "Sultan Qaboos's government"); "officials" and "diplomats"
#: are people unnamed, and do not speak for it
#: (a ministry other than the foreign ministry, which the gazetteer names as an organ, speaks for its state the
#: same way: "Serbia's interior ministry said", "the Kenyan defence ministry called ...")
#: (coref.yaml's government nouns, and "ministry")
COLLECTIVE_SPEAKERS = GOVERNMENT_NOUNS | {"ministry"}
#: the same, in the plural only ("EU leaders", "Arab foreign ministers"; "Russia's foreign minister" is one person)
COLLECTIVE_PLURALS = {"leader", "minister", "member", "state"}
#: of them, the bodies (not the persons who speak for one)
BODY_NOUNS = ORGAN_SPEAKERS - {"spokesman", "spokeswoman", "spokesperson"}
#: nouns of the armed forces speaking as a body ("the military said", "the army accused")
MILITARY_SPEAKERS = {"military", "army"}
#: broadcasters and the press, which relay what others say ("Radio Uganda said", "state television reported")
MEDIA_WORDS = frozenset({"radio", "television", "tv", "broadcaster", "newspaper", "media"})
#: the one holder of a state's or body's office, unnamed, speaks for the state or body its modifier or
#: possessor names ("Somalia's president", "the Estonian foreign minister", "a Somali government
#: spokesman"); a named holder ("Somalia's president, X") speaks as the person
#: (the one-word head titles of coref.yaml, the bare nouns of the other offices, and spokespersons)
OFFICE_HOLDERS = {t for t in HEAD_TITLES if " " not in t} | {"minister", "monarch", "secretary", "spokesman",
                                                             "spokeswoman", "spokesperson"}

def _relays(subject: Token) -> bool:
    """A broadcaster or newspaper as the speech verb's subject ("Radio Uganda said that Amin regretted
    ...", "Tehran radio says"): it relays what others said; the state in its name does not speak
    (whoever the relayed clause names may)."""
    return subject.lower_ in MEDIA_WORDS or subject.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_ in MEDIA_WORDS for c in subject.children)


def parsed_speaker(doc: Doc, at: int, candidates: list[Mention]) -> Mention | None:
    """The named speaker the dependency parse gives a speech verb at ``at``: its logical subject
    (a participle's is its clause's: "X defended the raid, saying ..."), or its apposition
    ("Peru's foreign minister, X").  Unnamed speakers ("officials said") and passives give none."""
    subject = speech_subject_token(doc, at)
    if subject is None:
        return None
    if _relays(subject):
        return None
    # the head or its apposition; a possessor or modifier names whose people speak ("his critics",
    # "Vatican officials"), not the speaker
    phrase = [subject] + [c for c in subject.children if c.dep_ == "appos"]

    def mention_at(token):
        return at_token(candidates, token)

    # "The chairman of the X Commission, Jean Ping, said": the title-holder's name the parse hung on X comes
    # first: a title alone may have been taken for someone named before
    for displaced in head_apposition(subject, mention_at):
        return mention_at(displaced)
    for token in phrase:
        found = mention_at(token)
        if found is not None:
            return found
    return None


def trailing_attribution(verb: Token) -> Token | None:
    """'Chile recognizes X, its foreign minister, Pedro Lanza, tells reporters': a speech verb the
    parse coordinates with the act, without a subject of its own, right after an apposition set off
    by commas — that phrase is its subject (the parse gives it the act's)."""
    if verb.dep_ != "conj" or any(c.dep_ in tree.SUBJECTS for c in verb.children) or verb.i < 3:
        return None
    doc = verb.doc
    if doc[verb.i - 1].text != ",":
        return None
    noun = doc[verb.i - 2]
    while noun.dep_ == "appos" and noun.head.i < noun.i and noun.head.dep_ == "appos":
        noun = noun.head
    return noun if noun.dep_ == "appos" and noun.pos_ in ("NOUN", "PROPN") else None


#: passive verbs through which a text attributes words: "X was quoted as saying", "was reported as saying"
ATTRIBUTING_PASSIVES = {"quote", "report", "cite"}


def quoted_as(verb: Token) -> Token | None:
    """'X was quoted as saying ...': the subject of the passive attributing verb a speech participle
    hangs from through "as" (X), or None."""
    prep = verb.head if verb.dep_ == "pcomp" else None
    if prep is None or prep.lower_ != "as" or prep.head.lemma_.lower() not in ATTRIBUTING_PASSIVES \
            or not is_passive(prep.head):
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubjpass"), None)


def answered_with_at(verb: Token) -> Token | None:
    """The possessed answer ("Uruguay's answer") a copula ``verb`` gives a speech act's noun as its
    predicate ("... was a formal protest"), or None."""
    return next((answer for c in verb.children if c.dep_ == "attr" and (answer := answered_with(c)) is not None), None)


def misread_finite(verb: Token) -> Token | None:
    """'Chile's foreign minister, Ana Ruiz, condemned Peru': a past tense after a subject in apposition
    that the parse hangs on the subject as a participle ("condemned" an acl of "minister", the noun the
    root): with an object of its own, or an infinitive it asks for ("..., Jean Kamara, called on the army to
    restore ..."), it is the clause's verb and that noun its subject (None otherwise)."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i \
            or not any(c.dep_ == "appos" for c in head.children) or verb.doc[verb.i - 1].text != ",":
        return None
    # (a participle is no remark: "..., Ana Ruiz, urged on Monday to resign, ..." has no addressee before its
    # infinitive, while a speech verb's comes first: "called on the army to ...", "urged the junta to ...")
    addressees = [p for p in verb.children if p.dep_ == "dobj" and p.ent_type_ not in ("DATE", "TIME")]
    addressees += [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon", "to")
                   for g in p.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    asks = any(c.dep_ in ("xcomp", "advcl") and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and any(p.i < c.i for p in addressees) for c in verb.children)
    return head if asks or any(c.dep_ in ("dobj", "ccomp") for c in verb.children) else None


def speech_subject(doc: Doc, at: int, candidates: list[Mention]) -> tuple[str, Mention | None]:
    """Who the parse says speaks through the verb at ``at``: ("named", the mention of its subject
    or of the subject's apposition), ("owned", the mention of the possessor or modifier of a
    collective subject such as "authorities" or "government"), ("military", the mention of its modifier
    or None) for the armed forces ("the military said"), ("unnamed", None) for a subject naming no actor or a passive
    verb, ("unknown", None) where the parse cannot say (no verb there, no subject, a pronoun
    nobody resolved)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    source = elicited_from(span[0]) if span is not None and len(span) else None
    if source is not None:
        # "the decision drew criticism from Colombia's president, X": who the "from" phrase names speaks
        subject, verb = source, None
    else:
        if span is not None and len(span) and span[0].pos_ == "NOUN" and (span[0].dep_ == "nsubj" or answered_with(span[0])):
            # "a statement read on television called ...": the statement is the subject; whose it is,
            # its possessor or "by ..." says
            span = span[0].head.doc[span[0].head.i:span[0].head.i + 1]
        if span is None or not len(span) or span[0].pos_ not in ("VERB", "AUX"):
            return "unknown", None
        verb = span[0]
        misread = misread_finite(verb)
        agent = spoken_by(doc, at) if is_passive(verb) and misread is None else None
        if agent is None and is_passive(verb) and misread is None:
            return "unnamed", None
        # ("Venezuela, Ana Soto said, had ...": the speaker between the commas, not the clause's subject)
        parenthetical = parenthetical_speaker(verb)
        subject = misread or agent or trailing_attribution(verb) or parenthetical or quoted_as(verb) or logical_subject(verb)
        if subject is None or subject.i > verb.i and subject.head != verb and subject != agent:
            return "unknown", None
        # "Norway — Jonas Gahr Støre, the prime minister, said": a list's heading parsed as a second
        # subject; the one nearest the verb speaks
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if subject in subjects:
            subject = subjects[-1]

    def mention_of(token):
        return next((m for m in candidates if m.start <= token.idx < m.end), None)

    if _relays(subject):
        return "unnamed", None
    phrase = [subject] + [c for c in subject.children if c.dep_ == "appos"]
    # "Ryanair — the airline's chief executive, X, said": the name in apposition to the apposition
    phrase += [g for c in phrase[1:] for g in c.children if g.dep_ == "appos"]
    if subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].text in ("—", "–", ":") and len(phrase) > 1:
        phrase = phrase[1:] + phrase[:1]  # "Norway — Jonas Gahr Støre, the prime minister, said": the heading does not speak
    # "a spokesman for Prime Minister John Howard, Tom Hale, said", "The president of the X Commission, Jean
    # Ping, said": the name the parse hung on the "for"/"of" phrase names the subject, and comes first (a title
    # alone may have been taken for someone named before)
    phrase = head_apposition(subject, mention_of) + phrase
    # "the officers, who call themselves X, said": the body the soldiers name themselves speaks (self_named_forces.py)
    phrase += name_given_itself(subject)
    for token in phrase:
        found = mention_of(token)
        if found is not None:
            return "named", found
    if subject.lemma_.lower() in SPOKESPEOPLE or subject.lemma_.lower() in STATEMENT_NOUNS \
            or subject.lemma_.lower() in speech_lexicon().nouns or verb is not None and subject == answered_with_at(verb):
        # "X's office said", "a spokesman for X said": X speaks
        owners = [c for c in subject.children if c.dep_ == "poss"]
        owners += [g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "by", "from") for g in c.children
                   if g.dep_ == "pobj"]
        if subject.lemma_.lower() in STANDING_BODIES:
            owners += [c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            # (an organisation's only: "the National Cohesion Commission of Kenya" is no voice of Kenya)
            owners = [o for o in owners if getattr(mention_of(o), "type", None) == "InternationalOrganization"]
        if subject.lemma_.lower() in STATEMENT_NOUNS:
            # "a communiqué issued by X", "a Bolivian government statement": who issued it, the body it is of
            owners += [g for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children
                       if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            owners += [c for c in subject.children if c.dep_ == "compound" and c.lemma_.lower() in ORGAN_SPEAKERS]
        for owner in owners:
            found = mention_of(owner)
            if found is not None:
                return "named", found
        for owner in owners:
            # "a statement from the Peruvian presidency": the state or body that names the organ speaks
            found = next((m for c in owner.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                          for m in [mention_of(c)] if m is not None), None) \
                if subject.lemma_.lower() in STATEMENT_NOUNS and owner.lemma_.lower() in ORGAN_SPEAKERS else None
            if found is not None:
                return "owned", found
    # (a lower-case "ministry" the small parser tags as a proper noun is still the common noun)
    if (subject.tag_ != "NNP" or subject.is_lower) and (subject.lemma_.lower() in COLLECTIVE_SPEAKERS
                                                       or subject.tag_ == "NNS" and subject.lemma_.lower() in COLLECTIVE_PLURALS
                                                       or subject.tag_ == "NN" and subject.lemma_.lower() in OFFICE_HOLDERS):
        # "Chinese authorities said", "EU leaders demanded", "his government said": the state or the
        # body that its modifier or possessor names speaks (statements.py turns a person into their state)
        # ("the government of Peru", "the regime of General X": whose it is, its "of" phrase names)
        owners = [c for c in subject.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        # ("leaders of the bloc" are persons of it, not it; "recognizes X as the government of Niger, its
        # minister ... tells": a subject the parse did not give the verb is no collective speaker)
        of_owners = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if subject.lemma_.lower() in COLLECTIVE_SPEAKERS and verb is not None and subject.head == verb \
                and not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            owners += of_owners
        for owner in owners:
            found = mention_of(owner)
            if found is not None:
                return "owned", found
        # "the foreign minister of Mexico", "the prime ministers of A and B": an office of a state named by
        # "of" (not a former holder's; "the leader of the opposition", "the minister of culture" name no state)
        if subject.lemma_.lower() not in COLLECTIVE_SPEAKERS and verb is not None and subject.head == verb \
                and not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
                and not any(c.lower_ in tree.FORMER_HOLDER_WORDS for c in subject.children):
            found = next((m for o in of_owners for m in [mention_of(o)] if m is not None and m.type == "State"), None)
            if found is not None:
                return "owned", found
    if subject.tag_ != "NNP" and (subject.lemma_.lower() in MILITARY_SPEAKERS or subject.lemma_.lower() == "force"
                                  and any(c.lower_ in ("armed", "military") for c in subject.children)):
        # "the military said", "Myanmar's army accused ...": the armed forces of the state its modifier
        # names, or of the state whose forces the article has acting (statements.py)
        owner = next((found for c in subject.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                      for found in [mention_of(c)] if found is not None), None)
        return "military", owner
    if subject.pos_ in ("NOUN", "PROPN", "NUM") and subject.lemma_.lower() not in ORGAN_SPEAKERS:
        return "unnamed", None
    return "unknown", None


def organ_subject_elsewhere(doc: Doc, at: int, speaker: Mention) -> bool:
    """Whether the speech verb at ``at`` has for subject a body named by its common noun ("the ministry",
    "the Foreign Office", "the presidency") and ``speaker`` lies outside that subject's phrase: a person
    named elsewhere in the sentence is not the body's voice."""
    subject = speech_subject_token(doc, at)
    if subject is None or subject.lemma_.lower() not in BODY_NOUNS or subject.tag_ in ("NNS", "NNPS"):
        return False   # ("the two governments announced ..., and X spoke of": a plural is the parties, not a body)
    return not subject.left_edge.idx <= speaker.start < subject.right_edge.idx + len(subject.right_edge.text)


def spoken_by(doc: Doc, at: int) -> Token | None:
    """'The expulsion was condemned by Brazil', 'X was accused by Peru of spying': the "by ..." of a
    passive speech verb at ``at`` speaks (None: no passive speech verb there, or no agent)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].pos_ != "VERB" or not is_passive(span[0]):
        return None
    agent = next((c for c in span[0].children if c.dep_ == "agent"), None)
    return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None


def speech_subject_token(doc: Doc, at: int) -> Token | None:
    """The logical subject of the speech verb at ``at`` on the parse: a passive's "by ..." (spoken_by),
    None for a passive without one or no verb."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].pos_ not in ("VERB", "AUX"):
        return None
    if is_passive(span[0]):
        return spoken_by(doc, at)
    subject = parenthetical_speaker(span[0]) or quoted_as(span[0]) or logical_subject(span[0])
    return None if subject is None or subject.i > span[0].i and subject.head != span[0] else subject


def speaker_phrase(doc: Doc, speaker: Mention, mentions: list[Mention]) -> set[str]:
    """The actors the speaker's own noun phrase names: "The Kremlin's spokesman, X", "X, a
    spokesman for China's foreign ministry" (relative clauses about the speaker left out)."""
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    head = span.root
    if head.dep_ == "appos" and span.end < len(span.doc) and parenthetical_speaker(span.doc[span.end]) is not None:
        return set()   # "Venezuela, Ana Soto said, had ...": the speaker is no apposition of what she speaks of
    while head.dep_ in ("appos", "compound", "poss") and head.head != head:
        head = head.head
    # ("was condemned by Brazil's president, X": the speaker of a passive stands in its "by" phrase)
    if head.dep_ not in tree.SUBJECTS and head.head.dep_ not in ("nsubj",) \
            and not (head.dep_ == "pobj" and head.head.dep_ == "agent"):
        return set()
    skipped = {t.i for c in head.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    # "her lawyer, X", "his widow, Y": whom an advocate or a relative speaks for is what the words are
    # often about, not the speaker's side
    skipped |= {t.i for t in advocated(head)}
    tokens = [t for t in head.subtree if t.i not in skipped]
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return {m.entity for m in mentions if lo <= m.start and m.end <= hi and m.entity != speaker.entity
            and m.start >= min(t.idx for t in tokens) and any(t.idx <= m.start < t.idx + len(t.text) for t in tokens)}


def coordinated_speakers(doc: Doc, at: int) -> list[Token]:
    """'Bolivia's president, Luis Arce, and Ecuador's foreign minister, Gabriela Sommerfeld, condemned
    ...': the members of the speech verb's coordinated subject, each by the name in its
    apposition where it has one ("minister, Gabriela Sommerfeld": Sommerfeld), else itself if a name;
    and the speakers told beside the subject, as for an act's agents ("X, along with Y and Z,
    condemned", "X as well as Y", "X, like Y, welcomed", "..., joined by Y")."""
    subject = speech_subject_token(doc, at)
    # ("was condemned by A's president, X, and B's president, Y": a passive's "by" phrase lists them too)
    passive_agent = subject is not None and subject.dep_ == "pobj" and subject.head.dep_ == "agent" \
        and subject.head.head.idx == at
    if subject is None or not passive_agent and (subject.head.idx != at or subject.dep_ != "nsubj"):
        return []  # ("A and B signed a joint declaration stating ...": one joint Statement, its subject not the verb's own)
    members = [subject, *subject.conjuncts]
    # "A's minister, X, and B's president, Y": the parse may hang the second member on the first one's
    # name; one with an owner of its own speaks for it ("X, the EU's chief, and the commissioner, Y" is one call)
    members += [c for a in subject.children if a.dep_ == "appos" for c in a.conjuncts
                if c not in members and _qualifier_names(c) and _qualifier_names(c) != _qualifier_names(subject)]
    beside = [t for t in co_subjects(subject.head) + co_agents(subject.head) if t not in members] if not passive_agent else []
    beside += [c for t in beside for c in t.conjuncts if c not in beside and c not in members]
    if len(members) == 1 and not beside:
        return []
    out = []
    for member in members:
        named = [c for c in member.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named or member.pos_ == "PROPN":   # ("X and his aides": unnamed people are no speakers)
            out.append(named[0] if named else member)
    return out + [t for t in beside if t.pos_ == "PROPN"]


def _qualifier_names(noun: Token) -> set[str]:
    """The names that own or qualify a noun ("Bolivia's president", "the Bolivian president")."""
    return {c.lower_ for c in noun.children if c.dep_ in ("poss", "compound", "amod") and c.pos_ == "PROPN"}


#: words by which speakers say something together: "in a joint statement", "jointly condemned"
JOINT_WORDS = frozenset({"joint", "jointly"})
#: nouns of a remark made together, besides the statement nouns ("a joint appeal", "a joint press conference")
JOINT_REMARK_NOUNS = frozenset({"appeal", "call", "conference"})
#: prepositions by which a remark is made in a statement ("in a joint statement", "at a joint press conference")
REMARK_PREPS = frozenset({"in", "at", "through", "via"})
#: verbs whose object is the speakers' own statement ("issued a joint statement")
ISSUING_VERBS = frozenset({"issue", "sign", "release", "publish", "adopt", "make", "deliver", "give", "hold", "launch"})


def said_jointly(doc: Doc, at: int) -> bool:
    """'A, B and C condemned the raid in a joint statement', 'A and B jointly condemned', 'In a joint
    communique, A and B called ...', 'issued a joint statement condemning ...': the speech verb at ``at``
    (or the statement noun it hangs on) is said to be joint; one remark, made jointly (dev/README)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    holders = [verb] + ([verb.head] if verb.dep_ in ("acl", "advcl", "xcomp") and verb.head.i < verb.i else [])
    words = [c for h in holders for c in h.children if c.dep_ not in ("ccomp", "parataxis")]
    # (the parse may hang "in a joint statement" on the verb's object: "condemned the raid in a joint statement")
    words += [c for w in words if w.dep_ == "dobj" for c in w.children if c.dep_ == "prep"]
    words += [g for c in words if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # the remark's own noun: "in/at a joint ...", the statement a verb hangs on, what is issued or signed;
    # never what is judged ("condemned the joint statement of X and Y")
    nouns = [w for w in words + holders if w.lemma_.lower() in STATEMENT_NOUNS | JOINT_REMARK_NOUNS and (
        w in holders or (w.dep_ == "pobj" and w.head.lower_ in REMARK_PREPS)
        or (w.dep_ == "dobj" and w.head.lemma_.lower() in ISSUING_VERBS))]
    return any(w.lower_ in JOINT_WORDS for w in words if w.dep_ == "advmod") \
        or any(c.lower_ in JOINT_WORDS for n in nouns for c in n.children if c.dep_ == "amod")
