"""Whom a Statement is about when its words name an act ("condemned the move", "welcomed the verdict",
"denounced a coup"): the act's author named with it ("Berlin's decision", "the raid by Ecuadorian
police"), else the author of the latest act of that kind told; the speaker's own act: its target;
accusations: whom they accuse.  A part of ``statement_targets.StatementTargets`` (its other policies
read the speech verb's own arguments), apart as the one policy that reads the acts coded so far.
"""

from __future__ import annotations

from .approved_justice import JUSTICE_ACTS, approves
from .date_fields import dates_differ
from .frame_file import default_frames
from .gazetteer import ACTOR_TYPES, PERSON_TYPES, STATE, Mention
from .legal import LEGISLATURE_NAMES, LEGISLATURE_WORDS
from .named_acts import AUTHORED_KINDS, act_kinds, named_as_kind
from .organs import MILITARY_WORDS
from .tree import SUBJECTS

#: what a Statement's target can be
TARGET_TYPES = ACTOR_TYPES | {"Embassy", "DiplomaticMission"}


#: verbs by which a speaker takes up words said before as their own ("joined the condemnation",
#: "echoed the criticism"): what the words are about is what those words were about
SHARED_WORDS_VERBS = {"join", "echo", "endorse", "share", "second", "support", "back", "repeat"}

#: "condemned it", "welcomed this": a pronoun as the object of a verb that judges acts refers to the act
#: told last (a state or person it stands for is found first, as an actor)
ACT_PRONOUNS = {"it", "this"}
ACT_JUDGING_VERBS = {"condemn", "denounce", "deplore", "criticise", "criticize", "welcome", "reject", "regret",
                     "defend", "justify", "praise", "applaud", "oppose", "protest", "decry", "lament", "hail"}

#: "said the coup was ... and called it ...": a pronoun object of a verb judging or naming acts refers to
#: the act noun that is the subject of the verb it is joined to, or of the clause that verb reports?
SAME_SENTENCE_ACT_ANTECEDENT = True

#: approving "the verdict" told person by person on one day is about the one it was first told of?
FIRST_OF_ONE_VERDICT = True

#: verbs that name an act so ("called the vote a coup", "described it as a coup")
NAMING_VERBS = {"call", "label", "term", "brand", "describe", "regard", "see", "consider", "characterise", "characterize"}


def _coup_judged(noun) -> bool:
    """'denounced a coup', 'called the vote a coup', 'said it was a coup': a coup named as the object of
    a judging or naming verb, or what an act is said to be."""
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ == "dobj":
        return lemma in ACT_JUDGING_VERBS
    if noun.dep_ == "oprd":
        return lemma in NAMING_VERBS
    if noun.dep_ == "attr":
        return lemma == "be" and not any(c.dep_ == "expl" for c in head.children)   # not "there was a coup"
    return noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in NAMING_VERBS


#: what a coup ends, and a call to return to names its authors as the ones to act
ORDER_A_COUP_ENDS = {"rule", "order", "democracy", "barracks", "constitutionality", "government"}


#: "denounced a coup" where the article tells no coup but a removal from office: words about the removal?
REMOVAL_CALLED_COUP = True
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
COUP_WORDS = {"coup", "putsch"}

#: a bare act noun ("recognition should come later") is about whom the article's acts of that kind are about?
BARE_ACT_KIND = True
#: an act noun's possessor that names no actor ("the junta's decision") makes it the act told before?
POSSESSOR_DESCRIBES_AUTHOR = True
#: the author named after an act noun ("the decision of the junta", "the raid by Ecuadorian police")?
AUTHOR_IN_PHRASE = True
#: a definite act noun of a kind no coded act has ("the raid") is the act the same noun named earlier
#: with its author ("Colombia's raid", "the raid by Colombian troops"): about that author?
AUTHOR_TOLD_EARLIER = True
#: an indefinite act noun that a past participle tells as done ("regretted a decision taken under
#: pressure", "a raid carried out at night") is the act told before, as definite as "the"?
TOLD_BY_PARTICIPLE = True
#: an act done to no one (a resignation, a candidacy: frames.yaml targetless) by one of the speaker's own
#: people, judged ("welcomed the decision"), is about that person, though on the speaker's side: the
#: target's kind (statement_target_list keeps a target of this kind)
OWN_PERSON_ACT_KIND = "own-person-act"


def _told_as_done(noun) -> bool:
    """Whether a past participle after an act noun tells it as done ("a decision taken under pressure"):
    that act, not any act of its kind ("a decision to be taken", "a similar step")."""
    return TOLD_BY_PARTICIPLE and any(c.dep_ == "acl" and c.tag_ == "VBN" for c in noun.children)


#: words that accuse: what they are about is whom they accuse
ACCUSATION_NOUNS = {"accusation", "allegation", "charge"}


class SpokenActs:
    """Whom the words are about where they name an act (a part of the Statement coder: it reads the
    gazetteer, mentions and events coded so far, and the speaker's side from ``StatementTargets``)."""

    @staticmethod
    def _joined_act_subject(token, act_nouns: dict):
        """'said the coup was aimed at X and called it a matter of concern': for the pronoun ``token``,
        object of a verb judging or naming acts, the act noun (a key of ``act_nouns`` naming no
        Statement) that is the subject, earlier in the sentence, of a verb joined to that verb (as
        parsed) or of the clause such a verb reports."""
        verb = token.head
        if not SAME_SENTENCE_ACT_ANTECEDENT or verb.lemma_.lower() not in ACT_JUDGING_VERBS | NAMING_VERBS:
            return None
        partners = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
        for clause in (c for p in partners for c in [p, *p.children] if c.i < token.i and (c.i == p.i or c.dep_ == "ccomp")):
            subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            kinds = act_nouns.get(subject.lemma_.lower()) if subject is not None else None
            if kinds is not None and kinds != ("Statement",):
                return subject
        return None

    def _act_spoken_of(self, noun, own_side: set) -> Mention | None:
        """'condemned the move', 'said the recognition was illegal': whom the act a noun names is
        about — its author named with it ("Berlin's decision", "the Venezuelan decision"), else the
        author of the latest act of that kind reported so far; the speaker's own act ("said the
        recognition was overdue") is about its target."""
        kinds = act_kinds(noun)
        pronoun = kinds is None and noun.lower_ in ACT_PRONOUNS and noun.dep_ == "dobj" \
            and noun.head.lemma_.lower() in ACT_JUDGING_VERBS
        if pronoun:
            kinds = ()   # "condemned it": the act told last, whatever its type
        if kinds is None:
            return None
        if REMOVAL_CALLED_COUP and "CoupAttempt" in kinds and noun.lemma_.lower() in COUP_WORDS \
                and not any(e.type == "CoupAttempt" and e.spans and e.spans[0][0] < noun.idx for e in self.events):
            # "Brazil's Senate removed Rousseff ... Morales denounced a coup": with no coup told, the
            # word judges the removal, and is about its author (the legislature)
            # ("denounced a coup": that one; "a coup would never be tolerated", "ruled out a coup": any coup)
            kinds, definite = (*kinds, "RemovalFromOffice"), DEFINITE | ({"a", "an"} if _coup_judged(noun) else set())
        else:
            definite = DEFINITE

        def outside(entity: str | None) -> bool:
            return self._outside(entity, own_side)

        def told_of_kind(kinds) -> list:
            """The events of ``kinds`` told before the noun."""
            return [e for e in self.events if e.type in kinds and e.spans and e.spans[0][0] < noun.idx]

        patient = self._person_acted_on_in_noun(noun, kinds, own_side)
        if patient is not None:
            return patient
        named_with = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
        for token in named_with + self._author_phrases(noun, kinds):
            found = next((m for m in self._mentions_in(token.idx, token.idx + len(token.text))
                          if m.type in TARGET_TYPES or m.type == "City"), None)
            if found is not None:
                # police, courts, prosecutors and ministries act for their state ("the raid by Ecuadorian
                # police"); a legislature for itself ("the Senate's vote")
                organ = found.type == "GovernmentBody" and self.gaz.entities.get(found.entity) is not None \
                    and not any(w in LEGISLATURE_WORDS or w in LEGISLATURE_NAMES for w in found.surface.lower().split()) \
                    and self.gaz.entities[found.entity].attrs.get("organ_of")
                author = self._actor_state(found.entity) if found.type == "City" else \
                    self._state_id(found) if found.type == "Government" or found.kind == "demonym" else \
                    self.gaz.state_of(organ) or organ if organ else found.entity
                return Mention(noun.idx, noun.idx, author, "Actor", "", "act-author") if outside(author) else None
        on_side = self._act_on_named_side(noun, kinds, own_side)   # "the expulsion of our diplomat" (acts_in_words.py)
        if on_side is not None:
            return on_side
        holders = [noun, noun.head] if noun.dep_ in ("compound", "nmod") else [noun]   # "the coup unacceptable" parsed as one noun
        if pronoun:
            holders = []   # a pronoun refers back by itself
        restores = noun.lemma_.lower() in ("return", "restoration")
        if restores:
            # only a return to the order a coup ended ("a return to civilian rule"), not "the return of the envoy"
            ends = {g.lemma_.lower() for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "of")
                    for g in c.children if g.dep_ == "pobj"}
            if not ends & ORDER_A_COUP_ENDS:
                return None
        if not pronoun and not restores and kinds and set(kinds) <= AUTHORED_KINDS and named_as_kind(noun):
            # "condemned any takeover by force", "'I will never respect those who come to power through
            # coups'": words about a kind of act of force single out the authors of the one told
            author = next((e.agent[0] for e in reversed(told_of_kind(kinds)) if e.agent and outside(e.agent[0])), None)
            if author:
                return Mention(noun.idx, noun.idx, author, "Actor", "", "act-author")
        # "the junta's decision", "the military's action": a common noun as possessor (no name, no
        # pronoun) describes the act's author, as definite as "the"
        described = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None) \
            if POSSESSOR_DESCRIBES_AUTHOR else None
        if not pronoun and not restores and not described and not _told_as_done(noun) \
                and not any(c.dep_ == "det" and c.lower_ in definite for h in holders for c in h.children):
            if BARE_ACT_KIND and kinds and kinds != ("Statement",) and not any(c.dep_ in ("det", "poss") for c in noun.children):
                # "said recognition should come at the end of talks": the kind of act, about whom such
                # acts in the article are (what is recognised), whoever may do it next
                other = next((t for e in reversed(told_of_kind(kinds)) for t in e.target if outside(t)), None)
                return Mention(noun.idx, noun.idx, other, "Actor", "", "act-author") if other else None
            return None  # "a similar step": no act reported before
        before = [e for e in self.events if e.type != "Statement" or kinds == ("Statement",)]
        before = [e for e in before if e.spans and e.spans[0][0] < noun.idx and (not kinds or e.type in kinds)]
        if described is not None:
            # "the military's action": an act of a force (the coup, not the arrest told with it);
            # "the regime's decision": an act of a state
            forces = described.lemma_.lower() in MILITARY_WORDS
            before = [e for e in before if e.agent and self.gaz.entities.get(e.agent[0]) is not None
                      and (self.gaz.entities[e.agent[0]].type != STATE) == forces]
        if not before:
            # "Colombia's raid on a camp ... the raid violated Ecuador's sovereignty": no act of that kind
            # coded, the same act noun told earlier with its author names it
            return self._author_told_earlier(noun, own_side) if AUTHOR_TOLD_EARLIER and not described else None
        latest = max(before, key=lambda e: e.spans[0][0])
        if kinds == ("Statement",) and noun.dep_ == "dobj" and noun.head.lemma_.lower() in SHARED_WORDS_VERBS:
            # "France joined the condemnation": about what the words joined were about
            shared = next((t for t in latest.target if outside(t)), None)
            return Mention(noun.idx, noun.idx, shared, "Actor", "", "act-author") if shared else None
        if noun.lemma_.lower() in ACCUSATION_NOUNS:
            # "concerned by the allegations": about whom they accuse, unless that is the speaker's side
            accused = next((t for t in latest.target if outside(t)), None)
            if accused:
                return Mention(noun.idx, noun.idx, accused, "Actor", "", "act-author")
        if latest.type in JUSTICE_ACTS and approves(noun):
            # "welcomed the verdict": about the one sentenced (approved_justice.py); "sentenced X ... his
            # aides received the same sentence": one verdict, about the one it was first told of
            judged = self._first_of_verdict(latest, before) if FIRST_OF_ONE_VERDICT else latest
            person = next((t for t in judged.target if outside(t) and self.gaz.entities.get(t) is not None
                           and self.gaz.entities[t].type in PERSON_TYPES), None)
            if person:
                return Mention(noun.idx, noun.idx, person, self.gaz.entities[person].type, "", "act-patient")
        if latest.agent and outside(latest.agent[0]):
            return Mention(noun.idx, noun.idx, latest.agent[0], "Actor", "", "act-author")
        if latest.type in default_frames().targetless_types and latest.agent and not latest.target \
                and latest.agent[0] not in own_side \
                and getattr(self.gaz.entities.get(latest.agent[0]), "type", None) in PERSON_TYPES:
            # "welcomed the decision" after his minister resigned: an act done to no one (a type marked
            # targetless in frames.yaml, never a Statement nor an act whose target was missed), by one
            # of the speaker's own people, is about that person
            return Mention(noun.idx, noun.idx, latest.agent[0], self.gaz.entities[latest.agent[0]].type, "", OWN_PERSON_ACT_KIND)
        if FIRST_OF_ONE_VERDICT and latest.type in JUSTICE_ACTS:
            latest = self._first_of_verdict(latest, before)   # the author's side on its verdict: whom it was first told of
        other = next((t for t in latest.target if outside(t)), None)
        return Mention(noun.idx, noun.idx, other, "Actor", "", "act-author") if other else None

    @staticmethod
    def _first_of_verdict(latest, before: list):
        """The act of ``latest``'s type first told in the run of sentences right before it that tell
        acts of that type on the same day (or undated) by the same agent (or none told): one verdict told
        person by person."""
        run, told = [latest], min(latest.sentences, default=-1)
        for e in sorted((e for e in before if e.type == latest.type and e.sentences and e is not latest),
                        key=lambda e: -min(e.sentences)):
            at = min(e.sentences)
            if told - 1 <= at <= told and not dates_differ(e.fields.get("date"), latest.fields.get("date")) \
                    and (not e.agent or not latest.agent or set(e.agent) & set(latest.agent)):   # (one court's)
                run.append(e)
                told = at
        return min(run, key=lambda e: (min(e.sentences, default=-1), e.spans[0][0] if e.spans else 0))

    def _author_told_earlier(self, noun, own_side: set) -> Mention | None:
        """The author named with the latest earlier telling of the same act noun ("Colombia's raid",
        "the Colombian raid", "the raid by Colombian troops"), outside the speaker's side, else None."""
        lemma = noun.lemma_.lower()
        for earlier in reversed([t for t in self.doc[:noun.i] if t.lemma_.lower() == lemma and t.pos_ == "NOUN"]):
            for token in [c for c in earlier.children if c.dep_ in ("poss", "amod", "compound")] \
                    + self._author_phrases(earlier, ("by",)):
                found = next((m for m in self._mentions_in(token.idx, token.idx + len(token.text))
                              if m.type in TARGET_TYPES), None)
                if found is None:
                    continue
                author = self._state_id(found) if found.kind == "demonym" or found.type == "Government" else found.entity
                if author and self._outside(author, own_side):
                    return Mention(noun.idx, noun.idx, author, "Actor", "", "act-author")
        return None

    @staticmethod
    def _author_phrases(noun, kinds) -> list:
        """'the decision of the junta', 'the expulsion of the envoy by Managua': the words naming the
        act's author after the noun — a "by" object, or the "of" object of a word for whatever act
        (an "of" object of a kind of act is the one it was done to: "the expulsion of the envoy")."""
        if not AUTHOR_IN_PHRASE:
            return []
        preps = ("by", "of") if kinds == () else ("by",)
        objects = [g for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
                   for g in c.children if g.dep_ == "pobj"]
        return [t for obj in objects for t in (obj, *(c for c in obj.children if c.dep_ in ("poss", "amod", "compound")))]
