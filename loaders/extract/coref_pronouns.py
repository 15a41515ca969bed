"""Personal pronouns over the article's entity chain (a part of coref.py's resolver): "he", "she",
"it", "they" and their other cases resolved to the most salient antecedent in reach that agrees in
gender and number (after Lappin and Leass 1994: recency, grammatical role, role parallelism, repeated
mention), with binding ("him" is never the subject of its own clause), the speaker of a quotation
kept out of the "he" inside it, and the story's protagonist for a "he" that reaches back.

``PronounResolver`` is mixed into ``coref._Resolver``, whose entity chain (links, named tokens,
quotations) it reads.  Kept apart from coref.py because choosing a pronoun's antecedent is a job of
its own beside keeping the chain, and coref.py had grown past the style's ~500 lines.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .coref_descriptions import OTHER_STATE_NOUNS
from .coref_lexicon import (
    BODIES_FOR_IT,
    KINDS_OF,
    ORGANISATIONS,
    PLURAL_TYPES,
    PRONOUNS,
    SPEECH_LEMMAS,
)
from .coref_syntax import (
    _binder,
    _reporter,
    _speaker_of_adverbial,
    expletive_it,
    label_speaker,
    listed_subject_member,
)
from .gazetteer import STATE
from .structure import PHRASE_LAST
from .tree import ANY_SUBJECTS, GIVING_LEMMAS, SUBJECTS
from .unnamed_speakers import conjunct_of_unnamed_speech, speaks_after_unnamed

if TYPE_CHECKING:
    from spacy.tokens import Token

#: salience weights (Lappin and Leass 1994): being in the sentence, and being a speaker or named again
RECENCY, SPEAKER_WEIGHT, REPEAT_WEIGHT = 100, 100, 10
#: role parallelism (Lappin and Leass's weight): "he"/"she" as a subject prefers an antecedent that
#: was a subject ("X gave Y's envoy 24 hours to leave. He said ...": X, not the envoy)
PARALLEL_WEIGHT = 35
#: the subject of a speech verb for the subject pronoun of an adverbial clause of that verb
SPEAKER_OF_ADVERBIAL_WEIGHT = 300
#: a post named without its holder ("Peru expelled Colombia's ambassador") is a poor antecedent
#: for "he" as a speech verb's subject: an unnamed office makes no Statement, and the person who
#: spoke in the sentences before is the likelier speaker
UNNAMED_POST_SPEAKER = 100
#: the story's protagonist (the person the article has named most often so far, at least twice and
#: more often than anyone else) for a "he"/"she" that reaches back past its own sentence: a timeline or
#: a profile keeps coming back to its subject, while a person named once in passing ("the U.S.
#: administrator, X, told reporters") is not who the next entry's "him" is
TOPIC_WEIGHT = 30
#: what "he" and "she" may stand for: a person, or a post named without its holder ("Peru expelled
#: Venezuela's ambassador and gave him five days")
PERSON_LIKE = ("Person", "Post")


class PronounResolver:
    """The personal-pronoun part of coref's resolver (mixed into ``coref._Resolver``)."""

    def _pronoun(self, tok: Token, word: str) -> tuple[str, ...] | None:
        gender, case = PRONOUNS[word]
        if word == "her" and tok.tag_ == "PRP$":
            case = "poss"
        if case == "poss" and tok.head.dep_ == "dobj" and tok.head.head.lemma_ in GIVING_LEMMAS:
            case = "obj"  # "the ambassador gave her asylum", parsed as "her asylum": the one given to
        if word == "it" and expletive_it(tok):
            return None  # "it is clear that", "rejected it": no actor
        if word == "it" and self.sentence_of[tok.i] > 0:
            body = self._body_subject_before(tok)
            if body is not None:
                # "The commission took a month. In June it granted ...": that body (or no one the parse
                # can name), not a state named before it
                return self._referents_at(body)
        labeller = label_speaker(tok) if case == "subj" else None   # "condemned what he called ...": the main clause's subject
        if labeller is not None and (ids := self._referents_at(labeller)) and self._agrees(ids, gender):
            return ids
        if case == "refl":
            binder = _binder(tok, reflexive=True)
            ids = self._referents_at(binder) if binder is not None else None
            if ids and self._agrees(ids, gender):
                return ids
        excluded, reported = set(), set()
        if case == "obj":   # "Brazil's ambassador granted him asylum": not the ambassador
            excluded, reported = self._ids(_binder(tok, reflexive=False)), self._ids(_reporter(tok))
        elif tok.dep_ in ANY_SUBJECTS and any(t.lower_ in PHRASE_LAST for t in tok.head.subtree):
            # "the minister said he was persona non grata": the one declared, not (unless no one else fits) who says so
            reported = self._ids(_reporter(tok))
        elif case == "poss" and tok.head.lemma_.lower() not in OTHER_STATE_NOUNS:  # ("its neighbour" asks "its" first)
            # "Franco, his vice president": not the phrase it sits in
            excluded = self._ids(tok.head) | (self._ids(tok.head.head) if tok.head.dep_ == "appos" else set())
        if word == "their" and case == "poss" and (binder := _binder(tok, reflexive=False)) is not None \
                and len(bound := self._referents_at(binder) or ()) == 1:
            # "Venezuela expelled their diplomats": one actor's own would be "its"; theirs are others
            excluded |= set(bound)
        if self._quote_of(tok) is not None:   # "he" in X's quotation is not X
            excluded |= set(self._speaker(tok) or ())
        if (word == "it" and tok.dep_ in ANY_SUBJECTS and tok.head.dep_ == "ccomp") or (
                word == "its" and tok.dep_ == "poss" and tok.head.dep_ in ANY_SUBJECTS and tok.head.head.dep_ == "ccomp"):
            # "Russia's security service says it arrested him", "Iran's ministry said its agents had arrested
            # him": the body that reports its own act (or, unnamed, the state that owns it)
            said_by = _reporter(tok)
            reported = self._ids(said_by) or {r for c in (said_by.children if said_by is not None else ())
                                              if c.dep_ == "poss" for r in self._ids(c)}
        speech = tok.dep_ in ANY_SUBJECTS and tok.head.lemma_ in SPEECH_LEMMAS
        named = lambda t: t.i in self.named or t.i in self.inside_named
        if speech and speaks_after_unnamed(tok, named) or conjunct_of_unnamed_speech(tok, named):
            return None  # "An official said ... . He said ...", "... said ..., but he would not": that official, unnamed
        if speech:                            # '"…," he added': not someone named inside the quotation
            excluded |= {r for link in self._window(tok) if link.token in self.quoted
                         and self.sentence_of[link.token] == self.sentence_of[tok.i] for r in link.referents}
        # "X told parliament as he announced ...": the speaker, before the protagonist of the story;
        # fronted ("When he addressed parliament, X called ..."), the speaker named after it
        host = _speaker_of_adverbial(tok) if gender in "mf" else None
        own_speaker = self._ids(host) if host is not None else set()
        if host is not None and host.i > tok.i:
            persons = tuple(own_speaker)
            if len(persons) == 1 and self._type(persons[0]) == "Person" and self._agrees(persons, gender):
                return persons
            own_speaker = set()   # the speaker does not fit: whoever was named before
        excluded -= own_speaker   # (named outside the quotation, whatever the quotation's links say)
        best, best_score = None, None
        # persons only: a state or body that acted is often linked through a modifier of the
        # subject ("the U.S. Justice Department ... It charges"), which the role does not see
        subject = tok.dep_ in ANY_SUBJECTS and gender in "mf"
        parallel = {link.referents for link in self._window(tok) if link.subject} if subject else set()
        # (not for a speech verb's subject, which is the speaker last named, nor where the pronoun's own
        # sentence names someone else before it: "the arrest of X himself and his sentence")
        topic = self._protagonist() if gender in "mf" and not speech else None
        if topic is not None and self._other_person_before(tok, topic):
            topic = None
        for referents, (score, last) in self._salience(tok, speech).items():
            if not self._agrees(referents, gender) or set(referents) & excluded:
                continue
            if gender == "p" and _hosts_of_envoys(self.doc[last]):
                continue  # "fired the envoys to France and Germany after they denounced ...": the envoys, not their hosts
            if set(referents) & reported:
                # "X said Madrid would grant him asylum": him is X only if no one else fits; "X says it ...": X
                score += 300 if word in ("it", "its") else -200
            if gender in "mf" and self._gender_of(referents[0]) == gender:
                # a name known to fit beats one merely not known to clash; most persons of unknown
                # gender in this press are men, so a known woman weighs more for "she"
                score += 100 if gender == "f" else 30
            if gender == "p" and len(referents) > 1:
                score += 100  # "Peru and Chile recalled their ambassadors"
            if referents in parallel:
                score += PARALLEL_WEIGHT
            if set(referents) & own_speaker:
                score += SPEAKER_OF_ADVERBIAL_WEIGHT
            if topic is not None and referents == (topic,):
                score += TOPIC_WEIGHT
            if speech and len(referents) == 1 and self._type(referents[0]) == "Post":
                score -= UNNAMED_POST_SPEAKER
            if best_score is None or (score, last) > best_score:
                best, best_score = referents, (score, last)
        if gender == "n" and best is not None and len(best) == 1 and self._type(best[0]) == STATE \
                and listed_subject_member(self._window(tok), best[0], self.doc, lambda e: self._type(e) == STATE):
            return None   # "Estonia and Latvia accused Russia. It expelled ...": which of the two, untold
        # no gender is learnt from this choice: one misread "she" must not make a man a woman for the
        # pronouns after it (gender comes from titles, honorifics and first names only)
        return best

    def _other_person_before(self, tok: Token, person: str) -> bool:
        """Whether ``tok``'s sentence names a person other than ``person`` before it."""
        return any(link.token < tok.i and link.referents != (person,) and self._type(link.referents[0]) == "Person"
                   for link in self.links.get(self.sentence_of[tok.i], ()))

    def _protagonist(self) -> str | None:
        """The person named most often so far, if named at least twice and more often than any other."""
        top = self.persons_named.most_common(2)
        if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def _body_subject_before(self, tok: Token) -> Token | None:
        """The subject of the sentence before ``tok``'s, where that sentence's main clause has for subject
        "the" + a body noun no name follows ("The commission took a month."), and ``tok``'s own sentence
        names no actor before it."""
        k = self.sentence_of[tok.i]
        if any(link.sentence == k for link in self.links.get(k, ()) if link.token < tok.i):
            return None
        root = self.sents[k - 1].root
        subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lemma_.lower() not in BODIES_FOR_IT \
                or subject.i in self.named or subject.i in self.inside_named \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) \
                or any(c.i in self.named or c.i in self.inside_named for c in subject.subtree):
            return None
        return subject

    def _salience(self, tok: Token, speech: bool = False) -> dict[tuple[str, ...], tuple[float, int]]:
        """Each referent set in reach → (salience, its latest token): recency plus role, summed over
        best link, halved for each sentence back, plus a little for each further link (after Lappin
        and Leass); speakers count for a pronoun that introduces speech; a person in the main clause's
        core counts more for a pronoun in a later sentence."""
        k = self.sentence_of[tok.i]
        best: dict[tuple[str, ...], tuple[float, int]] = {}
        links = Counter()
        subject_pronoun = tok.dep_ in ANY_SUBJECTS
        for link in self._window(tok):
            role = link.role if link.sentence == k else max(link.later_role, link.owner_role if subject_pronoun else 0)
            weight = RECENCY + role + (SPEAKER_WEIGHT if speech and link.speaker else 0)
            score, last = best.get(link.referents, (0.0, -1))
            best[link.referents] = (max(score, weight * 0.5 ** (k - link.sentence)), max(last, link.token))
            links[link.referents] += 1
        return {r: (score + REPEAT_WEIGHT * min(3, links[r] - 1), last) for r, (score, last) in best.items()}

    def _agrees(self, ids: tuple[str, ...], gender: str) -> bool:
        if gender == "p":
            return len(ids) > 1 or self._type(ids[0]) in PLURAL_TYPES
        if len(ids) > 1:
            return False
        kind = self._type(ids[0])
        if gender == "n":
            return kind in ORGANISATIONS
        return kind in PERSON_LIKE and self._gender_of(ids[0]) in (gender, None)


#: the posts of envoys ("the envoys to France and Germany": those states are the hosts; coref.yaml kinds_of)
ENVOY_NOUNS = KINDS_OF.get("envoy", frozenset()) | KINDS_OF.get("diplomat", frozenset())


def _hosts_of_envoys(token: Token) -> bool:
    """Whether ``token`` names (or is a conjunct of) the states envoys are posted to, "the envoys to
    France and Germany" (the parse may hang the "to" on the verb whose object the envoys are): a plural
    pronoun after it stands for the envoys, not for their hosts."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "to":
        return False
    envoys = prep.head if prep.head.pos_ == "NOUN" else next(
        (c for c in prep.head.children if c.dep_ == "dobj" and c.i == prep.i - 1), None)
    return envoys is not None and envoys.tag_ == "NNS" and envoys.lemma_.lower() in ENVOY_NOUNS
