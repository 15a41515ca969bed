"""Event frames matched to the clauses of a parsed article.

A frame names trigger words and where each role is found (see the comments at the top of
``frames.yaml``; loading it is frame_file.py's job, testing a trigger on a token frame_triggers.py's,
filling a role frame_roles.py's); modality.py decides which clauses are acts, structure.py who their
logical subject and object are; mentions.py turns an argument token into the actors it names, one per
conjunct.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import (
    ellipsis,
    envoys,
    frame_file,
    frame_roles,
    line_labels,
    modality,
    nominal,
    organs,
    reciprocity,
    repeated_acts,
    severance_staff,
    structure,
    tree,
)
from .also_acts import told_as_also
from .co_agents import co_agents, joined_ones
from .co_parties import co_subjects
from .coref_lexicon import GOVERNMENT_NOUNS
from .coup_groups import force_subject, group_head
from .frame_triggers import PARTY_NOUNS, copula, triggered
from .gapping import gapped_pairs, gapped_subjects, relisted, shared_targets
from .gazetteer import Mention
from .language import english_words
from .legal_bodies import bare_legal_ministry
from .mentions import TokenMentions
from .mutual_acts import both_parties, mutual_pairs, respective_pairs
from .office_named_after import holder_named_after
from .partitives import part_as_subject, part_of_group
from .recognised_before import described_object, named_object, statehood_of_no_state
from .relations import RELATION_FRAMES, RELATION_NOUNS, other_ties
from .titled_officials import RELATION_ACTS, official_home_state, stateless_official
from .told_agents import agent_guessed
from .told_before import has_words
from .tree import SUBJECTS
from .unnamed_envoys import of_unnamed_state, recalled_of_unnamed_state

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass
class FrameMatch:
    """One event found by a frame: its type, actors (entity ids) and where it is in the text."""
    type: str
    trigger: Token
    agent: str | None
    target: str | list[str] | None
    mentions: list[Mention] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    listed: bool = False                  # one of several events a list in the clause fans out to
    between_states: bool = False          # an act of a state on a state (the context for a counterpart)
    counterpart: bool = False             # its target is still to be found in what was told before
    pair: bool = False                    # both parties too: "ties were restored in 2018" (after a severance told)
    host_told: str | None = None          # the envoy's state, whose host (the agent) is to be found in what was told before
    guessed: bool = False                 # no agent told: the state implied (of the place, the person, the article)
    agent_before: bool = False            # "was also declared ...": the agent of its type's act told before (also_acts.py)
    standing: bool = False                # told as standing, not as done ("she faces charges": the trigger's `standing`)
    sender_told: bool = False             # an envoy of no state recalled: the sender (agent) to be found before, host_told its host
    grantor_untold: bool = False          # a passive grant to several naming no grantor, none of its own: the state
                                          # they asked, else no event (the frame's grantor_asked; legal.grants_answer_requests)

    def start(self) -> int:  # the trigger's offsets in the sentence are set by the caller
        return self.trigger.idx

    def end(self) -> int:
        return self.trigger.idx + len(self.trigger.text)


#: verbs of a trigger that tells what its subject now is ("was persona non grata", "had become persona non grata")
COPULAS = frozenset({"be", "become"})
#: verbs whose subject is the one acted on, its agent the speaker's state where none is named ("the envoy
#: has 72 hours to leave, the minister said")
SUBJECT_ACTED_ON = COPULAS | {"have"}


#: acts on persons whose subject a timeline entry may leave out ("2015 — Arrested and charged")
LEGAL_TYPES = frozenset({"Arrest", "Charge", "Sentence"})
#: what a verb of judging ("considers X illegitimate") may hold to be no lawful holder: a person, regime or state
JUDGED_KINDS = ("person", "regime", "state")


def _judged_at(head: Token, mention) -> bool:
    """Whether a mention names the one a verb of judging judges at ``head`` (the small clause's subject):
    the head's own phrase ("the new president, Rosa Quispe"), and a possessor or "of" object only of a
    government ("the government of Juan Mamani"), never of a thing judged ("the junta's decree")."""
    if head.dep_ == "pobj" and head.head.head.lemma_.lower() not in GOVERNMENT_NOUNS:
        return False   # ("the decree of the junta": the "of" object of a thing judged)
    return _in_own_phrase(head, mention, owned=head.lemma_.lower() not in GOVERNMENT_NOUNS)


def _in_own_phrase(head: Token, mention, owned: bool = True) -> bool:
    """Whether a mention is in ``head``'s own phrase: with ``owned``, not in its possessor's or in a phrase
    on it ("the diaries of Ana Ruiz, the former minister": hers, not she)."""
    owners = [c for c in head.children if c.dep_ in ("poss", "prep")] if owned else ()
    outside = {t.idx for c in owners for t in c.subtree}
    return any(mention.start <= t.idx < max(mention.end, mention.start + 1) and t.idx not in outside for t in head.subtree)


def _relations_as_subject(verb: Token) -> bool:
    """'ties resumed in 2018': the relations are the verb's own subject (its parties told elsewhere)."""
    subject = structure.logical_subject(verb)
    return subject is not None and subject.lemma_.lower() in RELATION_NOUNS


def match_sentence(frameset: frame_file.FrameSet, tokens: Iterator[Token], index: TokenMentions,
                   mint: Callable[[Token], list] | None = None) -> list[FrameMatch]:
    """Every frame that fits a clause of these tokens (one sentence), with one match per conjunct."""
    out: list[FrameMatch] = []
    for token in tokens:
        if token.pos_ not in ("VERB", "NOUN") and not copula(token):
            continue
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma not in frameset.trigger_words and lower not in frameset.trigger_words:
            continue
        by_word = frameset.frames_of_word
        places = sorted(by_word.get(lemma, frozenset()) | by_word.get(lower, frozenset()))
        memo: dict = {}
        for frame in (frameset.frames[i] for i in places):  # the others' triggers are on other words
            trigger = triggered(frame, token, frameset.enacting, index, memo)
            if trigger is None:
                continue
            if not trigger.attempted and modality.not_an_act(token, trigger.negated):
                continue
            if any(c.lower_ in ("nor", "neither") for c in token.children if c.i < token.i) or (token.dep_ == "conj" and any(
                    c.lower_ == "nor" for c in token.head.children if token.head.i < c.i < token.i)):
                continue  # "did not break off relations, nor did it recall its ambassador"
            if frame.type in RELATION_FRAMES and other_ties(token):
                continue  # "severed military ties": not the relations between the states
            if token.dep_ == "conj" and any(m.type == frame.type and m.trigger == token.head for m in out) \
                    and not tree.children(token, SUBJECTS) and not repeated_acts.second_of_pair(token, index):
                if trigger.shared:   # "was arrested ... and is held on espionage charges": the other frame's act is new
                    continue
                break  # "expelled the ambassador and gave him five days to leave": one act told twice
            if token.dep_ == "conj" and any(m.type in frame.part_of and m.trigger == token.head for m in out) \
                    and (any(c.pos_ == "PRON" for c in tree.children(token, ("dobj", "dative", "iobj")))
                         or (structure.is_passive(token) and not tree.children(token, ("nsubjpass", "nsubj")))):
                break  # "declared him persona non grata and gave him 48 hours to leave" ("... and given 48 hours"): the declaration's
            if token.dep_ == "conj" and any(m.type in frame.staff_part_of and m.trigger == token.head for m in out) \
                    and any(severance_staff.is_staff(c) for c in tree.children(token, ("dobj", "nsubjpass"))):
                continue  # "broke off relations and recalled its staff": the severance's consequence (codebook); the next frame may fit
            roles, acted_on_subject = frame.roles, any(p.startswith("subject") for p in trigger.target)
            if trigger.target and "target" in roles:  # the one acted on is the subject: the agent implied (the object: the subject's)
                roles = dict(roles, target=frame_file.Role(trigger.target, roles["target"].kinds, roles["target"].required,
                                                mint=roles["target"].mint),
                             agent=frame_file.Role(("prep:by", "prep:from", "object.prep:from", "prep:in", "object.prep:in")
                                                   if acted_on_subject else roles["agent"].paths,
                                        roles["agent"].kinds, roles["agent"].required, implied=roles["agent"].implied))
            if trigger.judged and "target" in roles:
                # "considers the junta illegitimate": the one judged is the small clause's subject (or the
                # object before "as"), never a possessor of what is judged ("the junta's decree legitimate")
                roles = dict(roles, target=frame_file.Role(trigger.judged, JUDGED_KINDS, True, mint=roles["target"].mint))
            if trigger.mentioned and not ((first := nominal.enacted_as(token)).head.lemma_.lower() in frameset.enacting
                                          and first.dep_ in ("dobj", "nsubjpass")):
                # "Mexico condemned the arrest of Ana Ruiz": the agent is the noun's own "by ...", or implied
                own = nominal.agent(token) is not None  # "Peru's detention of X": its own agent
                paths = tuple(p for p in roles["agent"].paths if own or not p.startswith("subject")) + ("prep:by",)
                roles = dict(roles, agent=frame_file.Role(paths, roles["agent"].kinds, roles["agent"].required,
                                               implied=roles["agent"].implied))
            # "the restoration of relations between Cuba and the United States": the two parties, no agent
            # "the expulsion of Iraqi envoys from Washington, Ottawa and Canberra": the named places they leave act
            place = nominal.left_place(token) if token.pos_ == "NOUN" and "prep:from" in roles["agent"].paths else None
            agents = [] if frame.reciprocal and reciprocity.between_nominal(token) else [
                a for one in tree.fan_out(place) for a in index.fill(one, list(roles["agent"].kinds), home=True)[:1]
                if a[1] is not None] if place is not None else \
                frame_roles.role_fillers(roles["agent"], token, index, set(), home=True, mint=mint)
            if not agents and token.pos_ == "VERB" and tuple(roles["agent"].kinds) == ("person",) \
                    and (subject := structure.logical_subject(token)) is not None:
                agents = holder_named_after(subject, index)   # "Egypt's foreign minister resigned. X said ..."
            if not agents and token.pos_ == "NOUN" and (owner := nominal.bound_owner(token)) is not None:
                # "Following the recall of its ambassador, Algeria ...": the clause's subject acts
                agents = [a for a in index.fill(owner, list(roles["agent"].kinds), home=True)
                          if a[1] is not None][:1]
            if not agents and not frame.reciprocal and (mutual := nominal.mutual_states(token, index, PARTY_NOUNS)):
                # "the expulsions of diplomats between Poland and Belarus": each party's act on the other
                out += [FrameMatch(frame.type, token, a, b, [m for m in (am, bm) if m is not None], {}, listed=True,
                                   between_states=True) for (a, am), (b, bm) in (mutual, mutual[::-1])]
                break
            if acted_on_subject and not agents:
                implied, organ = roles["agent"].implied, None
            else:
                implied, organ = organs.implied_agent(token) if not agents and roles["agent"].implied else (False, None)
                if trigger.attempted and not agents and roles["agent"].implied:
                    implied = True   # "mutineers shelled the capital in a bid to overthrow X": their state's forces
                if frame.type == "CoupAttempt" and not agents and roles["agent"].implied and group_head(force_subject(token)) is not None:
                    implied = True   # "gunmen tried to seize power": a group of the state's men (coup_groups.py), no organ
            if roles["agent"].implied and agents and all(organs.bare_organ(m) for _, m in agents):
                implied, organ = True, None  # "the Supreme Court": the state of the person it acts on, before the article's
            elif roles["agent"].implied and agents and all(bare_legal_ministry(m, index) for _, m in agents):
                implied, organ = True, None  # "the Justice Department indicted X": a state's organ, as police named bare
            elif roles["agent"].implied and agents and all(m is None for _, m in agents) and token.pos_ == "VERB" \
                    and (acting := organs.organ_token(structure.logical_subject(token))) is not None \
                    and acting.lemma_.lower() in GOVERNMENT_NOUNS - organs.RULER_WORDS:
                # "authorities detained X in Lima": an organ the mentions read as the article's government acts, as police do
                implied, organ = True, acting
            elif roles["agent"].implied and agents and index.state_of(agents[0][0]) and (
                    agents[0][1] is not None or (frame.type in LEGAL_TYPES and token.pos_ == "VERB" and (
                        acting := organs.organ_token(structure.logical_subject(token))) is not None
                        and acting.lemma_.lower() not in organs.MILITARY_WORDS)):
                # "Belarus charged him": for the acts after (a coup leader or an international court is no state's)
                # ("Police arrested X in Nairobi; prosecutors charged him": the organ's state its place gave;
                # not troops': their state's courts are not the story's for the coups after)
                index.legal_state = index.state_of(agents[0][0])
            if not agents and not implied and token.pos_ == "VERB" and not trigger.target:
                # "NAIROBI — Foreign Minister X declared ...": a titled official of no known state (titled_officials.py)
                agents = official_home_state(token, structure.logical_subject(token), index, roles["agent"].kinds)
            if not agents and not implied and (structure.is_passive(token) or (trigger.target and token.lemma_ in SUBJECT_ACTED_ON)) \
                    and {"state", "authority"} & set(roles["agent"].kinds):
                # "Two diplomats were expelled, the ministry said": a passive without "by" is the speaker's state's act
                # (or the owner of the decision the sentence before told: "The Egyptian decision went further. ...")
                owner = modality.speaker(token) or nominal.decision_owner_before(token)
                if owner is not None:
                    # (an unnamed ministry or government saying what the envoy now is: its state, as it is the
                    # subject of "declared" — "the ministry said he was persona non grata")
                    unnamed = trigger.target and token.lemma_ in SUBJECT_ACTED_ON
                    agents = [a for a in index.fill(owner, ["state"], home=True) if a[1] is not None or unnamed][:1]
                    if unnamed and agents and agents[0][1] is None and agents[0][0] in envoys.states_named_in(
                            tree.children(token, ("nsubj",)), index):
                        agents = []  # ("the Somali envoy was persona non grata": not Somalia's own saying)
            both = False   # "the two countries recalled their ambassadors": each from the other (mutual_acts.py)
            if frame.reciprocal and all(m is None for _, m in agents) and (parties := both_parties(token, index)):
                agents = parties   # "the two governments restored relations": not the article's own government
            elif not frame.reciprocal and token.pos_ == "VERB" and any(
                    tree.whole_of_part(o).lemma_.lower() in envoys.SENDER_NOUNS for o in tree.children(token, ("dobj", "nsubjpass"))) \
                    and (parties := both_parties(token, index, agents)):   # (acts on envoys, "four of the other's diplomats" too)
                agents, both = parties, True   # (not the article's own state a bare "governments" would give)
            # "Iran's ambassador had been told to leave": a passive on an envoy with no host named acts for the other
            # party of what was told before (or the state the article is about); so does an active one whose subject is
            # a person no state is told for ("Commodore X gave Australia's envoy 24 hours to leave": the host acts)
            host_told = not agents and not implied and "host" in roles["agent"].paths \
                and (structure.is_passive(token) or envoys.person_subject(token)) and envoys.sender_of_acted_on(token, index)
            # "President X broke off relations with Chile": an official of no known state acts for Chile's other party
            official = not agents and not implied and not host_told and frame.type in RELATION_ACTS and token.pos_ == "VERB" \
                and not trigger.target and stateless_official(structure.logical_subject(token), index)
            # "Israel accused Spain of ... The ambassador in Madrid was recalled": an envoy of no state told, recalled
            # by no one told, is the host's other party's, as for such an official (match_doc; two there: none)
            sender_told = not agents and not implied and not host_told and not official and frame.type == "RecallOfAmbassador" \
                and structure.is_passive(token) and recalled_of_unnamed_state(token)
            for_other_party = official or sender_told   # (either way the agent is the target's other party, found before)
            if not agents and not implied and not host_told and not for_other_party and "target" in roles and structure.is_passive(token) \
                    and of_unnamed_state(frame.type, roles["target"], token):
                # "Morocco broke off relations with Iran. The ambassador was given 72 hours to leave": the
                # envoy of no state told, ordered out by no one told, is the other party's, ordered out by the
                # one that acted on it just before (match_doc; none told: nothing)
                out.append(FrameMatch(frame.type, token, None, None, [], {}, between_states=True, pair=True))
                break
            # "His deputy, Y, was also declared persona non grata": the agent of the act told before (match_doc)
            agent_told = not agents and not implied and not host_told and not for_other_party and structure.is_passive(token) \
                and told_as_also(token)
            # "Both were granted asylum", "X and Y were granted asylum on Monday": a passive grant naming no grantor,
            # given to several (the regular expression codes one alone): the mission told just before grants it, else
            # the state they asked (legal.grants_answer_requests), else no one (no event)
            asked_grant = not agents and not implied and frame.grantor_asked and token.pos_ == "VERB" \
                and structure.is_passive(token)
            if not agents and not implied and roles["agent"].required and not frame.reciprocal and not host_told and not for_other_party \
                    and not agent_told and not asked_grant:
                continue
            if agents and "subject" in roles["agent"].paths and token.pos_ == "VERB" and modality.refused_joining(token):
                # "Hungary refused to join Norway in expelling ...": Norway's act, not Hungary's
                agents = [a for co in joined_ones(token) for a in index.fill(co, list(roles["agent"].kinds), home=True)]
            elif agents and "subject" in roles["agent"].paths and token.pos_ == "VERB" and not trigger.target:
                for co in co_subjects(token) + co_agents(token):  # "Estonia, along with Latvia, expelled ..."
                    agents += [a for a in index.fill(co, list(roles["agent"].kinds), home=True)
                               if a[0] not in {b for b, _ in agents}]
            if agents and "subject" in roles["agent"].paths and token.pos_ == "VERB" and part_as_subject(token):
                continue  # "two of them recalled their envoys": which members, untold (partitives.py)
            agent_ids = {a for a, _ in agents}
            if frame.type == "RecallOfAmbassador" and envoys.unsure_own_envoys(token, frame, agent_ids, index):
                continue  # "ordered its diplomats to leave within 48 hours": whose, unsure (the other party's: an expulsion)
            targets = frame_roles.role_fillers(roles["target"], token, index, agent_ids, mint=mint, acted_on=True) if "target" in roles else []
            if trigger.judged:  # the one judged: not a possessor or "of" object of a thing judged ("the junta's decree")
                targets = [(t, m) for t, m in targets if any(_judged_at(h, m) for h in frame_roles.role_heads(roles["target"], token))]
            elif trigger.own_phrase:  # "police held the diaries of X": the one held is the object, not its owner
                targets = [(t, m) for t, m in targets if m is None or any(_in_own_phrase(h, m) for h in frame_roles.role_heads(roles["target"], token))]
            if targets and token.pos_ == "VERB":  # "..., and Germany followed suit": Germany is not acted on
                targets = ellipsis.unstranded(token, index, targets, agent_ids)
            if "state" in roles["agent"].kinds and not trigger.target:  # lists hung on the verb (gapping.py)
                agents, targets, agent_ids = relisted(token, index, roles["target"].paths, agents, targets)
            if frame.type == "ExpulsionOfDiplomats" and len(targets) > 2:
                targets = envoys.without_envoy_names(targets, token.doc)   # "... of Spain and Germany, X and Y"
            if not targets and frame.type in LEGAL_TYPES and line_labels.timeline_entry(token):
                # "Jan 10, 2022 — Sentenced to four more years": whom it follows (the last acted on, else the most named)
                person = index.legal_person or index.most_named_before(token, "person")
                targets = [person] if person else []
            elif targets and frame.type in LEGAL_TYPES and isinstance(targets[0][0], str) and targets[0][1] is not None:
                index.legal_person = targets[0]
            if targets and not trigger.target:   # "along with X": the persons (or the envoys' states) acted on too
                targets += frame_roles.co_targets(token, index, agent_ids | {t for t, _ in targets}, mint, roles["target"].kinds,
                                                  custody=frame.type == "Arrest")
            # "X received nine years and Y seven", "gave X nine years and Y seven" (gapping.py)
            if targets and token.pos_ == "VERB" and (acted_on_subject or tree.children(token, ("dative",))):
                targets += gapped_subjects(token, index, agent_ids | {t for t, _ in targets}, mint)
            if targets and roles["target"].all:
                targets = [([t for t, _ in targets], targets[0][1])]
            if asked_grant:
                if len(targets) < 2:
                    continue
                agents = index.mission_told(token)
                agent_ids = {a for a, _ in agents}
            grantor_untold = asked_grant and not agents
            # "cut ties with Kenya and expelled its ambassador": the other party's envoy, not the agent's (the pronoun,
            # resolved to the agent, fills no target); "withdrew its envoy and expelled theirs" too; "ordered its
            # diplomats to withdraw from Tehran": its own, a recall
            own_pronoun = not targets and frame.type in OTHERS_ENVOYS and token.pos_ == "VERB" and any(
                (p.dep_ == "poss" and p.pos_ == "PRON" and p.lower_ in ("its", "their")) or (o.lower_ == "theirs" and p.i == o.i)
                for o in tree.children(token, ("dobj", "nsubjpass", "dative"))
                for p in [o, *(tree.whole_of_part(o) if o.dep_ == "dobj" else o).children]) \
                and not any(c.lemma_.lower() in ("withdraw", "pull", "remove", "return", "bring")
                            for c in tree.children(token, ("xcomp", "ccomp", "advcl")))
            if for_other_party:   # (its other party in what was told before: match_doc)
                if len(targets) != 1 or index.state_of(targets[0][0]) != targets[0][0]:
                    continue
                host_told = targets[0][0]
            pairs = None if frame.reciprocal else mutual_pairs(token, agents, targets, both)   # "expelled each other's envoys"
            if pairs is None:
                pairs = respective_pairs(token, agents, targets)   # "... from Caracas and Managua respectively"
            if pairs:
                targets = [b for _, b in pairs]
            # "Saudi Arabia, Bahrain and Egypt cut ties": three or more agents act together on another (told before),
            # not on each other; one agent alone acts on the other party told before ("... and restored them in 2009")
            if frame.reciprocal and (not agents or not targets) and not for_other_party and not (len(agents) > 2 and frame.counterpart) \
                    and not (len(agents) == 1 and frame.counterpart and has_words(structure.local_tokens(token), RELATION_WORDS + OWN_MISSION_WORDS)):
                # "Ethiopia and Eritrea restored relations", "relations between X and Y were restored"
                parties = agents or targets
                if not parties and (structure.is_passive(token) or _relations_as_subject(token)) and frame.counterpart:
                    # "Venezuela broke relations with Panama in 2017; ties were restored in 2018": the pair told before
                    # (or the relations the verb's subject: "ties resumed in 2018")
                    out.append(FrameMatch(frame.type, token, None, None, [], {}, between_states=True, counterpart=True,
                                          pair=True))
                    break
                if len(parties) < 2 or (agents and targets):
                    continue
                if not agents and not reciprocity.reciprocal_cue(token, [m for _, m in targets]):
                    continue  # "relations with Peru and Chile were cut": by someone else, not between the two
                pairs = [(a, b) for a in parties for b in parties if a[0] != b[0]]
            elif not agents and not implied and roles["agent"].required and not (host_told and targets) \
                    and not (agent_told and targets) and not grantor_untold:
                continue
            if not targets and not pairs and len(agents) == 2 and token.pos_ == "VERB" \
                    and has_words(structure.local_tokens(token), TIE_WORDS):
                # "Egypt and Israel established diplomatic relations": each with the other, not with a third
                pairs = [(a, b) for a in agents for b in agents if a[0] != b[0]]
            counterpart = False
            if not targets and not pairs and "target" in roles and roles["target"].required:
                if not ((frame.counterpart or own_pronoun or of_unnamed_state(frame.type, roles["target"], token)) and agents):  # "expelled two diplomats"
                    continue
                verb = token.head if token.pos_ == "NOUN" else token
                if any(tree.prep_objects(t, "with") for t in [verb] + tree.children(verb, ("dobj",))):
                    continue  # "broke with tradition", "cut ties with the rebels": the clause names its other party
                if any(part_of_group(t) for t in [verb] + tree.children(verb, ("dobj",))):
                    continue  # "recalled its envoys from several of these countries": which ones, untold
                named = tree.prep_objects(token, "of") if token.pos_ == "NOUN" else []
                if any(t.pos_ == "PROPN" for o in named for t in o.subtree):
                    continue  # "Moscow's recognition of the Donbas republics": named, though not known
                if "recognised_before" in roles["target"].paths and token.pos_ == "VERB" and (described_object(token) is not None or named_object(token)):
                    continue  # "after the three recognised the new state": a state described, none told before; "recognising the People's Republic": named, though not known; not a guess
                if "recognised_before" in roles["target"].paths and token.pos_ == "VERB" and statehood_of_no_state(token):
                    continue  # "recognised the independence of the courts": no state's, and none told before
                counterpart = True  # "Peru recalled its ambassador for consultations": from whom, told before
            if agents and targets and not pairs and token.pos_ in ("VERB", "NOUN") and "target" in roles and not trigger.target \
                    and (gapped := gapped_pairs(token, index, roles["target"].paths, roles["target"].kinds, agents, targets, trigger.needs)):
                # "..., and Colombia its ambassador to Quito": each gapped clause with its own agent and target
                # (the verb's own targets are those not told inside a gapped clause: "Peru expelled the
                # Chilean consul, and Bolivia the Chilean ambassador" is Chile's twice)
                # (a target the gap shares with the verb, "..., and Romania its consul", is the verb's too)
                subjects = {m.start for (_, m), _ in gapped if m is not None}   # (never a target: "recalled its ambassador from Caracas and Chile its chargé")
                told = subjects | ({m.start for _, (_, m) in gapped if m is not None} - {m.start for _, m in shared_targets(token, targets)})
                pairs = [(a, t) for a in agents for t in targets
                         if t[1] is None or t[1].start not in told] + gapped
            guessed = False
            if implied:  # "police arrested her", "she was sentenced": the state of the place, the person, the article
                state = organs.implied_state(token, organ, [t for t, _ in targets], index, judicial=frame.type in organs.JUDICIAL_ACTS)
                if state is None and not agents:
                    continue
                guessed = not agents and organ is None and agent_guessed(token, state, [t for t, _ in targets], index)
                if state is not None:
                    agents = [(state, agents[0][1] if agents else None)]
                    agent_ids = {state}
                    pairs = None
            fields: dict = {}
            if "place" in frame.roles:
                places = frame_roles.role_fillers(frame.roles["place"], token, index, set())
                if places:
                    fields["place"] = places[0][0]
            speaker_token = modality.speaker(token)
            if speaker_token is not None:
                said = index.fill(speaker_token, ["person", "state", "organisation"])
                if said and said[0][0] not in agent_ids:
                    fields["announced_by"] = said[0][0]
            if pairs is None:
                pairs = [(a, t) for a in agents or [(None, None)] for t in targets or [(None, None)]]
            for (agent, agent_mention), (target, target_mention) in pairs:
                if (agent and (agent == target or (isinstance(target, list) and agent in target))
                        and not (trigger.attempted and implied)) or not (agent or target):  # (its forces: frame_events.py)
                    continue  # an act of nobody on nobody is no event to code
                if agent_mention is None and agent and target_mention is None:
                    continue  # the article's own state alone is too little to go on
                if agent_mention is None and counterpart:
                    continue
                used = [m for m in (agent_mention, target_mention) if m is not None]
                between = "state" in roles["agent"].kinds and "target" in roles and "state" in roles["target"].kinds
                out.append(FrameMatch(frame.type, token, agent, target, used, dict(fields),
                                      listed=len(agents) > 1 or len(targets) > 1 or len(pairs) > 1,
                                      # (a host guessed from what was told before is no context for the acts after)
                                      between_states=between and not host_told, counterpart=counterpart,
                                      host_told=host_told or None, guessed=guessed, agent_before=agent_told,
                                      standing=trigger.standing, sender_told=sender_told, grantor_untold=grantor_untold))
            if not trigger.shared:
                break  # one frame per trigger word: the first that fits
    return out


#: acts on another state's envoys: a possessive pronoun that names the agent itself ("its ambassador")
#: stands for the other party of the agent's act told before
OTHERS_ENVOYS = frozenset({"ExpulsionOfDiplomats", "PersonaNonGrataDeclaration"})
#: what a clause acting on relations with a party told before names: "restored them", "cut ties"
RELATION_WORDS = tuple(sorted(RELATION_NOUNS)) + ("them",)
#: or its own mission in the other state ("reducing its representation to chargé level"): one state's act on
#: its host, never each party's on the other (frames.yaml ``own_missions``)
OWN_MISSION_WORDS = tuple(sorted(english_words("own_missions")))
#: the nouns alone, as this check has always read them ("relationship" joined the list above later, not this one: unmeasured)
TIE_WORDS = ("relation", "tie", "link")
