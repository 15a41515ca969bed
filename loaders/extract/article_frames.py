"""Frame matches of a whole article: each sentence's matches (frames.match_sentence) in order, with the
roles a sentence leaves to what was told before completed from the matches already made — the pair of
states a passive "relations were restored" is about, the agent of an act told "also", an unnamed envoy's
host, the other party of an act on a counterpart — and the acts a later one in the sentence answers.
(``frames.match_sentence`` is looked up on its module each time: dev tools watch it by replacing it.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from . import declared_envoys, frame_file, frames, repairs, tree
from .adjunct_acts import answered_act_author
from .also_acts import agent_before
from .counterpart import (
    PAIR_LOOK_BACK,
    UNDOES,
    agent_of_same_act,
    counterpart_told,
    home_counterpart,
    named_before,
    told_pair,
    undone_pair,
)
from .frames import FrameMatch
from .headlines import repair_adjective_objects
from .parse_memo import parse_changes, parse_final
from .shared_party import (
    answered_in_sentence,
    party_acted_on_after,
    party_acted_on_beside,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .mentions import TokenMentions


def match_doc(doc: Doc, index: TokenMentions, frameset: frame_file.FrameSet | None = None,
              mint: Callable[[Token], list] | None = None) -> list[tuple[int, FrameMatch]]:
    """Frame matches of a whole article, with the index of the sentence (spaCy's) each is in; ``mint``
    names the actors a role with ``mint: true`` needs and the gazetteer lacks (newnames.py)."""
    frameset = frameset or frame_file.frames_for(doc.lang_)  # the parse says which language it is
    parse_changes()   # (a parse read again is repaired again: no answer kept from before)
    repairs.repair_parse(doc)
    repair_adjective_objects(doc)  # "Dec 15 — Somalia severs diplomatic relations with Kenya"
    parse_final(doc)   # the last repair is done: the parse's questions are answered once from here on (parse_memo.py)
    out = []
    for n, sent in enumerate(doc.sents):
        matches, waiting = frames.match_sentence(frameset, iter(tree.tokens(doc)[sent.start:sent.end]), index, mint), []
        for j, m in enumerate(matches):
            if m.pair:
                # (an act on a person names no pair of states: "X was declared persona non grata, and relations ...")
                told = told_pair([earlier for k, earlier in out if n - k <= PAIR_LOOK_BACK
                                  and (not isinstance(earlier.target, str) or index.state_of(earlier.target) == earlier.target)]) \
                    or undone_pair(m.type, [earlier for _, earlier in out])
                both = told is None or m.type in UNDOES   # (each party's to the other: a pair named as one list, a restoration)
                if (told := told or index.listed_pair_before(m.trigger)) is None:
                    continue
                m.agent, m.target = told
                out += [(n, replace(m, agent=m.target, target=m.agent))] if both else []
            elif m.agent_before:
                m.agent = agent_before(m.type, n, out)
                if m.agent is None:
                    continue
            elif m.host_told:
                # (an envoy of no state recalled: the state that recalled others just before, else the one state acting
                # in the sentence before, the sender's first guess and the host's other party's last: "X recalled its
                # envoys to A and B, and the ambassador in C ...")
                named = named_before(m.host_told, m.trigger, index, one=True)
                m.agent = (m.sender_told and (agent_of_same_act(m.type, m.host_told, [e for k, e in out if n - k <= 1]) or named)) \
                    or counterpart_told(m.host_told, [earlier for _, earlier in out]) \
                    or home_counterpart(m.host_told, index) or named
                if m.agent is None or index.state_of(m.agent) != m.agent:
                    continue   # (a host is a state: not the person who acted on the other party before)
            elif m.counterpart:
                # (a recalled envoy by name: from the state that declared or expelled them, told before)
                m.target = declared_envoys.host_of_recalled(m, index) or counterpart_told(m.agent, [earlier for _, earlier in out], m.type, index) \
                    or party_acted_on_beside(m.agent, [earlier for k, earlier in out if n - k <= 1]) \
                    or party_acted_on_after(m.agent, matches[j + 1:], m.type, m.listed, index.state_of) \
                    or answered_act_author(m.type, m.agent, m.trigger, index) \
                    or home_counterpart(m.agent, index, co_agents := listed_with(m, matches)) \
                    or named_before(m.agent, m.trigger, index, bridge=not m.listed, co_agents=co_agents, same_sentence=not m.listed)
                if m.target is None:
                    waiting.append(m)  # an act told after it may still answer it (answered_in_sentence)
                    continue
            out.append((n, m))
        answered = answered_in_sentence(waiting, [m for k, m in out if k == n], index.state_of)
        out += [(n, m) for m in answered]
        # "Peru's ambassador was recalled for consultations": the recalling state, the host untold
        out += [(n, m) for m in waiting if m not in answered and hostless_recall(m)]
        declared_envoys.record(index, [m for k, m in out if k == n])
    return out


def listed_with(m: FrameMatch, matches: list[FrameMatch]) -> frozenset[str]:
    """The agents doing the same act in a match's sentence, listed with its own ("Britain, France and Italy
    recalled ...") or in a clause of their own ("Britain recalled its envoy, and the United States its own")."""
    return frozenset(o.agent for o in matches if o.type == m.type and isinstance(o.agent, str)) - {m.agent}


def hostless_recall(m: FrameMatch) -> bool:
    """A passive recall whose envoy's title names the recalling state and no host is told anywhere (a
    clause of its own: "The Mexican ambassador, recalled on Monday, said ..." tells no recall)."""
    return m.type == "RecallOfAmbassador" and m.target is None and bool(m.agent) and bool(m.mentions) \
        and m.trigger.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in m.trigger.children)

