"""Whom a Statement is about: the policy, in order, that ``statements.StatementCoder`` applies to a
speech verb on the parse — its object or the object's possessor ("accused X", "rejected X's
accusations"), the act it names ("condemned the move": the act's author, named with it or
reported last; the speaker's own act: its target; accusations: whom they accuse; spoken_acts.py), the subject
of the clause it reports, the other party of what that clause tells ("said Kenya would not deal
with X", clause_parties.py), a government named after its leader ("Maduro's government": that
leader) — never the speaker's own side (its state, officials, organs and missions).  A description
by an act done to a person ("the ousted leader") is that person (acted_upon_descriptions.py).

``StatementTargets`` is a part of the Statement coder: it reads the extractor's parse, mentions,
gazetteer and the events coded so far.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .acted_upon_descriptions import ActedUponDescriptions
from .addressed_capitals import addressed_capital
from .clause_parties import party_nouns
from .coref_lexicon import GOVERNMENT_NOUNS, OPPOSING_TITLE_WORDS
from .envoy_hosts import ENVOY_TITLES
from .estranged import Estrangements
from .freeing_requests import asks_freeing
from .gazetteer import PERSON_TYPES, STATE, Mention
from .modality import has_modal
from .named_acts import ordered_act
from .rule_events import GOVERNMENT_TITLES
from .speaker_home import SpeakerHomeStates
from .speech import reported_clauses, speech_class
from .speech_content import parsed_target, verb_at
from .spoken_acts import ACT_JUDGING_VERBS, ACT_PRONOUNS, TARGET_TYPES, SpokenActs
from .spoken_groups import SpokenGroups
from .titled_officials import _titled
from .told_demands import told_state_to_act
from .tree import SUBJECTS

if TYPE_CHECKING:
    from .mentions import TokenMentions

#: the other side of a speaker's state: the other state of its latest act reported before, before the
#: article's most named other state
COUNTERPART_FROM_ACTS = True
#: the body a speaker of no known state holds a post in is their own side (never what they speak about)?
OWN_BODY_IS_SIDE = True
#: a person the article has their state arrest, charge, oust, or who fled it, is not on its side?
ESTRANGED_NOT_ON_SIDE = True
#: "told reporters", "telling lawmakers", "told Ecuador's National Assembly": the audience, not what is spoken about
AUDIENCE_BEFORE = re.compile(r"\b(?:told|tell|tells|telling|addressing|addressed|before|in)\s+(?:the\s+)?$", re.IGNORECASE)
#: "said in a statement from Lebanon", "in a video message from Madrid", "speaking from exile in Spain": where the
#: words come from (the speaker's whereabouts), not whom they are about ("received a letter from Spain" is Spain's)
WHENCE_BEFORE = re.compile(r"\b(?:in\s+an?\s+(?:\w+\s+){0,2}(?:statement|message|broadcast|interview|address|speech|post)"
                           r"\s+(?:(?:issued|released|sent|posted|read)\s+)?|speaking\s+|writing\s+)"
                           r"from\s+(?:exile\s+in\s+)?(?:the\s+)?$", re.IGNORECASE)

#: acts a speech verb can name as its object, and the event type whose agent they point to
ACT_REFERENCES = [
    (re.compile(r"(?i)\bnon\s+grata\b"), "PersonaNonGrataDeclaration"),
    (re.compile(r"(?i)\bthe\s+(?:\w+\s+)?expulsions?\b"), "ExpulsionOfDiplomats"),
    (re.compile(r"(?i)\bthe\s+(?:\w+\s+)?(?:rupture|severance|break(?:ing)?\s+(?:off\s+)?(?:of\s+)?(?:diplomatic\s+)?(?:relations|ties))\b"),
     "SeveranceOfRelations"),
    (re.compile(r"(?i)\bthe\s+(?:\w+\s+)?(?:raid|incursion|storming)\b"), "EmbassyIncursion"),
    (re.compile(r"(?i)\bthe\s+(?:\w+\s+)?recognition\b"), "Recognition"),
    # "said the verdict was political": the court's state, as the article coded the sentence
    (re.compile(r"(?i)\bthe\s+(?:\w+\s+)?(?:verdict|conviction|sentencing)\b"), "Sentence"),
    # "regretted the move", "called the measure grave": the latest act reported, whatever its type
    (re.compile(r"(?i)\bthe\s+(?:\w+\s+)?(?:move|measure|decision|step)\b"), None),
]

#: nouns of the authors of an act, not of the act: they point to the act's agent, as an act's noun does
AUTHOR_NOUNS = ("putschist", "mutineer", "soldier")

#: nouns that name an act, and the event types they may name (empty: any act; a Statement for words)
ACT_NOUNS = {
    **dict.fromkeys(("decision", "move", "measure", "step", "action", "act", "announcement"), ()),
    # "called the incident unacceptable", "defended the operation": words for whatever act was told
    **dict.fromkeys(("incident", "operation", "episode"), ()),
    "recognition": ("Recognition",),
    **dict.fromkeys(("expulsion", "expulsions"), ("ExpulsionOfDiplomats", "PersonaNonGrataDeclaration")),
    **dict.fromkeys(("raid", "storming", "incursion", "assault", "intervention", "invasion"), ("EmbassyIncursion",)),
    **dict.fromkeys(("arrest", "detention", "kidnapping", "abduction", "capture", "imprisonment"), ("Arrest",)),
    **dict.fromkeys(("dismissal", "deposition"), ("RemovalFromOffice",)),
    **dict.fromkeys(("break", "rupture", "severance"), ("SeveranceOfRelations",)),
    "recall": ("RecallOfAmbassador",),
    "resignation": ("Resignation",),
    **dict.fromkeys(("coup", "putsch", "takeover", "overthrow", "mutiny"), ("CoupAttempt",)),
    **dict.fromkeys(("ouster", "impeachment", "removal"), ("RemovalFromOffice",)),
    **dict.fromkeys(("verdict", "execution", "conviction", "sentence", "sentencing", "jailing"), ("Sentence",)),
    "trial": ("Sentence", "Charge"),
    **dict.fromkeys(("indictment", "prosecution", "warrant"), ("Charge",)),
    **dict.fromkeys(("withdrawal",), ("RecallOfAmbassador",)),
    **dict.fromkeys(("downgrade", "downgrading"), ("DowngradeOfRelations",)),
    **dict.fromkeys(("seizure",), ("CoupAttempt",)),
    **dict.fromkeys(("asylum",), ("AsylumGrant",)),
    **dict.fromkeys(("remark", "comment", "accusation", "allegation", "word", "claim"), ("Statement",)),
    # "demanded that the putschists free him", "urged the soldiers to return to barracks": the coup's authors
    **dict.fromkeys(AUTHOR_NOUNS, ("CoupAttempt",)),
    # "called for a return to civilian rule", "the restoration of constitutional order": whoever ended it
    **dict.fromkeys(("return", "restoration"), ("CoupAttempt",)),
    # "rejected the criticism": whoever voiced it, as the article told it before
    **dict.fromkeys(("criticism", "condemnation", "statement", "protest", "rebuke", "censure"), ("Statement",)),
}

#: nouns that name an act only as the act-kind lookup reads them (named_acts.act_kinds), never as a word
#: judging what a reported clause says ("said lawmakers would vote next week" judges nothing)
CODED_ACT_NOUNS = {
    # "called the vote a coup": a legislature's vote is the removal or declaration it decided (codebook)
    # ("the motion, the ballot that removed him": a vote by another name)
    **dict.fromkeys(("vote", "motion", "ballot"), ("RemovalFromOffice", "PersonaNonGrataDeclaration")),
}


#: a person of the speaker's own state is what the words are about where the speech verb takes them as
#: its object ("called Ortega a criminal")?
OWN_NATIONALS_AS_OBJECTS = True

#: ... and where the clause the speech verb reports acts upon them, passive ("said X would be arrested")?
OWN_NATIONALS_ACTED_UPON = True

#: ... and where the speech verb says its words are "of" or "about" them ("said of X", "spoke about X")?
SPOKEN_OF_AS_OBJECT = True
SPOKEN_OF = {"of", "about"}
#: speech-act classes (speech_acts.yaml) whose words about one of the speaker's own people acted upon
#: ("demanded his release", "condemned her treatment") are addressed to the act's author ("praised his
#: courage" is about the person)
AGAINST_ACT_AUTHOR_CLASSES = {"demand", "condemn", "reject", "accuse", "warn"}

#: ... and where they are the subject of the clause the speech verb reports and hold no post (a private
#: national: "said Holm was a reporter, not a spy", "said she had fled to avoid trial"): the words
#: are about that person, not about the other side of the dispute (an official's acts are their side's)
OWN_PRIVATE_NATIONALS_AS_SUBJECTS = True
#: titles that make a person an office holder of their state ("Ambassador X", "X, the prime minister")
OFFICE_TITLES = GOVERNMENT_TITLES | ENVOY_TITLES

#: a person whose freeing the words ask for ("called for the release of X") stands for their jailer,
#: on any side (freeing_requests.py)?
FREEING_ASKED_OF_JAILER = True

#: "said it had recalled its ambassador, X": X is the speaker's own official, not what the words are about?
OWN_OFFICIALS_BY_POSSESSIVE = True
OWN_POSSESSIVES = {"its", "their", "our", "his", "her"}

#: "called the move a plot directed from Washington": the author the judgement names?
AUTHOR_NAMED_IN_JUDGEMENT = True
AUTHORING_VERBS = {"direct", "orchestrate", "plan", "back", "sponsor", "engineer", "organise", "organize", "finance",
                   "fund", "instigate", "mastermind", "stage", "inspire", "order", "support", "arm"}


#: a participle giving the reason for its subject's act ("broke off relations with Y, saying ...") is
#: about that act's target where the parse resolves no one else?
PARTICIPLE_TO_ACT_TARGET = True

#: what a reported clause says its subject will do with or against another party ("said Kenya would not
#: deal with the junta") is about that party, before the article's other side?
PARTY_OF_REPORTED_CLAUSE = True

#: words of a title that sets its holder against a government (coref.yaml opposing_title_words)

#: a government named after its leader: "Maduro's government", "the government of President X"
GOVERNMENT_OWNER = re.compile(r"^(?P<owner>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)['’]s?\s+(?:government|administration|regime)"
                              r"|(?:government|administration|regime)\s+of\s+(?:(?:President|Prime\s+Minister)\s+)?"
                              r"(?P<after>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)$")


def intended(verb) -> bool:
    """'said X would be arrested', 'will be prosecuted': a clause told with a modal is an intent or a
    threat, not an act already done whose author the words could be about."""
    return has_modal(verb)


class StatementTargets(SpeakerHomeStates, ActedUponDescriptions, SpokenActs, SpokenGroups):
    """Whom the words of a Statement are about."""

    # per-article state, set up in pipeline._Extractor.__init__
    _token_index: TokenMentions | None   # the frames' mentions index (frame_events.py sets it before Statements)

    def _on_side(self, entity_id: str | None, state_id: str | None) -> bool:
        """Whether an actor is the state ``state_id`` or one of its people, organs or missions (a
        speaker's own side, never what the speaker's words are about)."""
        if not entity_id or not state_id or self.gaz.entities.get(state_id) is None:
            return False
        if self.gaz.entities[state_id].type != STATE:
            # a speaker of no known state: the body they hold a post in is theirs ("UN Secretary-General
            # X condemned ...": not about the UN)
            return OWN_BODY_IS_SIDE and entity_id in self._bodies_served(state_id)
        # a national is no official: a journalist may speak about their own country; one the state
        # arrested, ousted or who fled it is no longer on its side ("said Zelaya would be arrested")
        return entity_id == state_id or self._actor_state(entity_id) == state_id \
            and not (ESTRANGED_NOT_ON_SIDE and self._estrangements()(entity_id, state_id))

    def _estrangements(self) -> Estrangements:
        """The article's estrangements, read again only when events were added (once per Statement,
        not once per candidate)."""
        key = (id(self.events), len(self.events))
        cached = getattr(self, "_estrangements_read", None)
        if cached is None or cached[0] != key:
            cached = self._estrangements_read = (key, Estrangements(self.events, self.doc))
        return cached[1]

    def _outside_side(self, found: Mention | None, own_side: set) -> Mention | None:
        """``found`` if it is outside the speaker's ``own_side``."""
        return found if found is not None and self._outside(found.entity, own_side) else None

    def _outside(self, entity: str | None, own_side: set) -> bool:
        """Whether an actor is named and on none of the speaker's ``own_side`` (_on_side)."""
        return bool(entity) and entity not in own_side and not any(self._on_side(entity, s) for s in own_side)

    def _bodies_served(self, person: str) -> set[str]:
        """The bodies (not states) the posts of ``person`` are in, up their chain (a post in an organ of
        a body: that body too)."""
        bodies, entity_id = set(), self.person_posts.get(person)
        while entity_id and entity_id not in bodies:
            entity = self.gaz.entities.get(entity_id)
            if entity is None or entity.type == STATE:
                break
            if entity.type != "Post":
                bodies.add(entity_id)
            entity_id = entity.attrs.get("post_in") or entity.attrs.get("organ_of")
        return bodies

    def _own_official(self, mention: Mention) -> bool:
        """'said it had recalled its ambassador, X': a person named as 'its/their ambassador' in a
        clause whose subject is a pronoun (the speaker, telling of itself) is the speaker's own official."""
        if not OWN_OFFICIALS_BY_POSSESSIVE or mention.type not in PERSON_TYPES:
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        token = span.root if span is not None and len(span) else None
        if token is None or token.dep_ != "appos":
            return False
        noun = token.head
        if not any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in noun.children):
            return False
        return any(c.dep_ in SUBJECTS and c.pos_ == "PRON" for c in noun.head.children)

    def _parsed_target(self, at: int, speaker: Mention, own_side: set, mentions: list[Mention]) -> Mention | None:
        """Whom the speech verb at ``at`` is about on the parse (speech_content.parsed_target), outside the speaker's side."""
        # "told Vilnius to correct its mistake": the state told to act is pressed, no audience
        pressed = told_state_to_act(self.doc, at, mentions)

        def actor(token) -> Mention | None:
            antecedent = self._act_antecedent(token)
            if antecedent is not None:
                # "The coup drew condemnation. X condemned it": the act, before whatever "it" was resolved to
                return self._act_spoken_of(antecedent, own_side)
            found = next((m for m in mentions if m.start <= token.idx < m.end and m.type in TARGET_TYPES), None)
            if found is None:
                found = self._described_group(token, own_side)
            if found is None:
                found = self._counted_persons(token, own_side)   # "said the pair would stand trial"
            if found is None:
                found = self._government_unnamed(token, speaker)   # "the opposition leader said the government ..."
            if found is None:
                found = self._person_acted_upon(token)   # "the ousted leader": whom the act coded before was done to
            if found is None and token.dep_ == "amod":
                # "warned the Russian troops", "wrote to the Russian justice minister": a demonym
                # qualifying the noun the words are about names its state
                found = next((m for m in self._mentions_in(token.idx, token.idx + len(token.text))
                              if m.kind == "demonym" and m.type == STATE), None)
            # "called Ortega a criminal", "accused X of treason": a person the words are addressed to
            # directly is what they are about, even one of the speaker's own state (an opponent, an exile)
            # "said Zelaya would be arrested": so is the one the clause it reports acts upon
            acted_upon = OWN_NATIONALS_ACTED_UPON and token.dep_ == "nsubjpass" and token.head.dep_ == "ccomp" \
                and token.head.head.idx == at
            private_subject = OWN_PRIVATE_NATIONALS_AS_SUBJECTS and token.dep_ == "nsubj" and token.head.dep_ == "ccomp" \
                and token.head.head.idx == at and found is not None and found.type == "Person" \
                and self.person_posts.get(found.entity) is None and not _titled(token, OFFICE_TITLES)
            # "'He is a reporter, not a spy,' X said of Y": the one the verb says the words are of or about
            spoken_of = SPOKEN_OF_AS_OBJECT and token.dep_ == "pobj" and token.head.lower_ in SPOKEN_OF \
                and token.head.head.idx == at
            named_person = found is not None and found.type in PERSON_TYPES and found.entity not in own_side \
                and OWN_NATIONALS_AS_OBJECTS and (token.dep_ == "dobj" and token.head.idx == at or acted_upon
                                                  or private_subject or spoken_of)
            own = found is not None and (self._state_id(found) in own_side
                                         or any(self._on_side(found.entity, side) for side in own_side))
            if FREEING_ASKED_OF_JAILER and found is not None and found.type in PERSON_TYPES and asks_freeing(token, at):
                # "called for the release of X", "demanded X's freedom": asked of whoever holds X, the
                # author of the act coded on X (whichever side X is on)
                author = self._author_of_act_on(found.entity, token.idx, own_side)
                if author is not None:
                    return author
            if found is not None and own and found.type in PERSON_TYPES and token.dep_ == "poss" \
                    and token.head.dep_ == "dobj" and token.head.head.idx == at \
                    and speech_class(token.head.head) in AGAINST_ACT_AUTHOR_CLASSES:
                # "demanded his release", "condemned her detention": one of the speaker's own people whom an
                # act coded before was done to; the words are about that act's author
                author = self._author_of_act_on(found.entity, token.idx, own_side)
                if author is not None:
                    return author
            opposed = found is not None and found.kind == "government-word"   # (the speaker's own state's government)
            if found is None or not opposed and (found.entity in own_side or not named_person and own) \
                    or AUDIENCE_BEFORE.search(self.text, max(0, found.start - 16), found.start) and not pressed:
                return None
            if found.type == "Government":
                return self._government_spoken_of(found)
            if named_person and acted_upon and own and not intended(token.head):
                # "Tallinn says he was taken at gunpoint": an act told on one of the speaker's own
                # people is about its author, as the article coded it before (outside their side);
                # "said X would be arrested" is the speaker's side's own intent: about X
                author = self._author_of_act_on(found.entity, token.idx, own_side)
                if author is not None:
                    return author
            if named_person and not (found.kind == "group-ref" and found.end in self.counted_groups):
                # (the persons counted together, "the pair": all its members are targets; a described group,
                # "the two governments", names states, so is never a named person here)
                return Mention(found.start, found.end, found.entity, found.type, found.surface, "addressed")
            return found

        def act(noun) -> Mention | None:
            ordered = ordered_act(noun)
            if ordered is not None:
                # "said she had instructed Reina to open relations with China": whom she told to act is
                # her own subordinate; the words are about the one the ordered act is done to
                return next((found for t in ordered.subtree if t.dep_ in ("dobj", "pobj")
                             for found in [actor(t)] if found is not None), None)
            return self._act_spoken_of(noun, own_side)

        return self._author_named_in_judgement(at, own_side) or parsed_target(self.doc, at, actor, act) \
            or self._party_of_reported_clause(at, actor) or self._target_of_act_explained(at, own_side) \
            or self._outside_side(addressed_capital(self.doc, at, mentions, self.gaz, self._actor_state), own_side)

    def _party_of_reported_clause(self, at: int, actor) -> Mention | None:
        """'said Kenya would not deal with the junta', 'said relations with the three were under
        review': the other party of what the reported clause tells (clause_parties.py), an actor
        outside the speaker's side."""
        if not PARTY_OF_REPORTED_CLAUSE:
            return None
        verb = verb_at(self.doc, at)
        if verb is None:
            return None
        for clause in reported_clauses(verb):
            if any(c.dep_ in ("dobj", "dative") and actor(c) is not None for c in clause.children):
                return None   # "said he had urged Bolivia to return to talks with Peru": the one acted upon comes first
            for noun in party_nouns(clause):
                for token in [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound", "appos")]:
                    found = actor(token)
                    if found is not None:
                        return found
        return None

    def _author_named_in_judgement(self, at: int, own_side: set) -> Mention | None:
        """'called the move a plot directed from Washington', 'described the sanctions as aggression
        sponsored by X': the author the speaker names for what they judge, before the act's own."""
        if not AUTHOR_NAMED_IN_JUDGEMENT:
            return None
        verb = verb_at(self.doc, at)
        if verb is None:
            return None
        predicates = [c for c in verb.children if c.dep_ == "oprd"]
        predicates += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
        for participle in (c for p in predicates for c in p.children if c.dep_ == "acl" and c.lemma_.lower() in AUTHORING_VERBS):
            for author in (g for c in participle.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from")
                           for g in c.children if g.dep_ == "pobj"):
                for m in self._mentions_in(author.left_edge.idx, author.idx + len(author.text)):
                    entity = self._actor_state(m.entity) if m.type == "City" else m.entity if m.type in TARGET_TYPES else None
                    if self._outside(entity, own_side) and self.gaz.entities.get(entity) is not None:
                        return Mention(m.start, m.end, entity, self.gaz.entities[entity].type, m.surface, "act-author")
        return None

    def _act_antecedent(self, token):
        """'The coup drew condemnation abroad. X "firmly condemns" it': the act noun that is the
        subject of the sentence before, for a pronoun that is the object of a verb judging acts."""
        if token.lower_ not in ACT_PRONOUNS or token.dep_ != "dobj":
            return None
        joined = self._joined_act_subject(token, ACT_NOUNS)   # "said the coup was ... and called it ..."
        if joined is not None:
            return joined
        if token.head.lemma_.lower() not in ACT_JUDGING_VERBS:
            return None
        sent = token.sent
        if sent.start == 0:
            return None
        before = token.doc[sent.start - 1].sent
        subject = next((c for c in before.root.children if c.dep_ in SUBJECTS), None)
        kinds = ACT_NOUNS.get(subject.lemma_.lower()) if subject is not None else None
        return subject if kinds is not None and kinds != ("Statement",) else None

    def _target_of_act_explained(self, at: int, own_side: set) -> Mention | None:
        """'X broke off relations with Y, saying the movement had ignored its calls': a participle that
        gives the reason for its subject's act, naming no one the parse resolves, is about that act's target."""
        if not PARTICIPLE_TO_ACT_TARGET:
            return None
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        verb = span[0] if span is not None and len(span) else None
        if verb is None or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i >= verb.i:
            return None
        act = verb.head
        for e in self.events:
            if e.type == "Statement" or not e.agent or not e.target or not any(s <= act.idx < t for s, t in e.spans):
                continue
            if e.agent[0] in own_side or any(self._on_side(e.agent[0], side) for side in own_side):
                other = next((t for t in e.target if t not in own_side), None)
                if other is not None and self.gaz.entities.get(other) is not None:
                    entity = self.gaz.entities[other]
                    return Mention(at, at, entity.id, entity.type, "", "act-target")
        return None

    def _speaker_home(self, speaker: Mention) -> str | None:
        """The state a speaker belongs to, where the article names one ("Uganda's opposition leader")."""
        state = self.person_states.get(speaker.entity) or self._state_id(speaker)
        return state if state != speaker.entity and getattr(self.gaz.entities.get(state), "type", None) == STATE else None

    def _government_unnamed(self, token, speaker: Mention) -> Mention | None:
        """'The opposition leader said the government was picking a fight': a government told by its
        noun alone is the state the frames take it for (the article's own, mentions.TokenMentions.fill),
        spoken about by one whose title sets them against it and who holds no post (an official saying
        "the government" speaks of their own; a private person's words may be about no dispute)."""
        index = self._token_index
        if index is None or token.lemma_.lower() not in GOVERNMENT_NOUNS \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                or any(c.dep_ in ("poss", "amod", "compound") for c in token.children) \
                or speaker.type not in PERSON_TYPES or self.person_posts.get(speaker.entity) is not None \
                or not any(set(title.split()) & OPPOSING_TITLE_WORDS for title in self._titles_of(speaker.entity)):
            return None
        # the speaker's own state first ("Uganda's opposition leader ... accused the government"), the one the
        # frames take the noun for (the article's own) only for a speaker of no known state
        own = self._speaker_home(speaker)
        state = own if own is not None else next((s for s, _ in index.fill(token, ["state"], home=True)
                                                  if s and getattr(self.gaz.entities.get(s), "type", None) == STATE), None)
        return Mention(token.idx, token.idx + len(token.text), state, STATE, token.text, "government-word") if state else None

    def _government_spoken_of(self, mention: Mention) -> Mention:
        """A government spoken about is its state, or the person it is named after ("Maduro's
        government", "the government of President X": that person, whose state joins the targets)."""
        owner = GOVERNMENT_OWNER.search(mention.surface)
        name = owner and (owner.group("owner") or owner.group("after"))
        person = next((self.gaz.resolve(t) for t, _ in self.gaz.surfaces.get(name, [])
                       if self.gaz.resolve(t).type in PERSON_TYPES), None) if name else None
        if person is not None:
            return Mention(mention.start, mention.end, person.id, person.type, mention.surface, "government-of")
        return Mention(mention.start, mention.end, self._state_id(mention), STATE, mention.surface, "lifted")


    def _author_of_act(self, words: str, speaker: Mention, at: int) -> list[Mention]:
        """'rejected the persona non grata declaration': the agent of that act, as the article reports it."""
        for pattern, etype in ACT_REFERENCES:
            if pattern.search(words):
                speaker_state = self._state_id(speaker)
                for event in reversed(self.events):
                    if (event.type == etype or (etype is None and event.type != "Statement")) and event.agent \
                            and event.agent[0] != speaker_state \
                            and event.agent[0] != speaker.entity:
                        return [Mention(at, at, event.agent[0], "Actor", "", "act-author")]
        return []

    def _counterpart(self, own_state: str, at: int) -> str | None:
        """The other side of the speaker's state in the article's dispute: the article's most named
        other state, unless that state did the same act as the speaker's ("Spain, Ireland and Norway
        recognised Palestine": Norway's other side is Palestine, not Spain) — then that act's target."""
        focal = self.focal_state_guess(own_state)
        if not COUNTERPART_FROM_ACTS or focal is None:
            return focal
        for e in self.events:
            if e.type == "Statement" or not e.spans or e.spans[0][0] >= at or own_state not in e.agent:
                continue
            joint = next((j for j in self.events if j.type == e.type and focal in j.agent
                          and set(j.target) & set(e.target)), None)
            if joint is not None:
                other = next((t for t in e.target if t != own_state and t != focal), None)
                state = other if other is None or self.gaz.entities.get(other) is None \
                    or self.gaz.entities[other].type == STATE else self._actor_state(other)
                if state:
                    return state
        return focal

    def _protagonist(self, exclude: set, before: int) -> Mention | None:
        """The person most mentioned so far (what an unaddressed quotation is most likely about)."""
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for m in self.mentions:
            if m.start >= before:
                break
            if m.type in PERSON_TYPES and m.entity not in exclude:
                counts[m.entity] = counts.get(m.entity, 0) + 1
                last[m.entity] = m
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], last[k].start))
        return last[best] if counts[best] >= 2 else None
