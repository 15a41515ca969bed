"""The other party of an act between states that its clause leaves untold, from what was told just
before ("Morocco accused Iran of arming the rebels. Rabat severed relations on May 1": Iran).

frames.py asks here last of all, after the acts between states told before (``counterpart_told``):
a background paragraph or a brief often names the other party once, in the sentence that gives the
reason, and tells the act itself without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import STATE_NAMING
from .mentions import TokenMentions
from .shared_party import ANSWERED, ANSWERS
from .speech import speech_class
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .frames import FrameMatch


#: mentions of an envoy's post or a mission: the agent's own names its host as the other party, and
#: the agent's guest its sender ("X is Ghana's ambassador to Togo. Accra recalled him": from Togo)
ENVOY_POSTS = frozenset({"Post", "Embassy", "DiplomaticMission"})


def _other_end(agent: str, mention, index: TokenMentions) -> str | None:
    """The other state of a post or mission between the agent and another, else None."""
    if index.host_state is None:
        return None
    sender, host = index.state_of(mention.entity), index.host_state(mention.entity)
    if not sender or not host or sender == host:
        return None
    return host if sender == agent else sender if host == agent else None


#: the words before which a state named is where something happened, not a party ("a summit in Paris")
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "into", "near", "via"})


def named_before(agent: str, trigger: Token, index: TokenMentions, bridge: bool = False,
                 co_agents: frozenset[str] = frozenset(), same_sentence: bool = True, one: bool = False) -> str | None:
    """The last state named before the trigger in its sentence, else the sentence before's subject
    (or, with none there, its last state named), that is not the agent, not listed with it and not
    named as a place ("in Paris"); None when the two sentences name no other (with ``bridge``, an act's
    other party: up to BRIDGE_SENTENCES more sentences back when those name no other state); never one of
    ``co_agents``, the states listed with the agent ("Britain, France and Italy recalled their envoys"),
    and (``same_sentence`` False, for such a list) only from the sentence before.  With ``one`` (an act one
    state did, its agent to be found), none where the sentence before has two subjects that may be it
    ("Estonia and Latvia accused Russia. Two Russian diplomats were expelled": by which, untold)."""
    doc = trigger.doc
    sent = trigger.sent
    subject_side = {t.i for t in trigger.subtree} if trigger.pos_ == "VERB" else set()
    here = next(_states(agent, range(trigger.i - 1, sent.start - 1, -1), doc, index, subject_side, co_agents), None) \
        if same_sentence else None
    if here is not None:   # the nearest before the trigger (the generator stops there)
        return here[1]
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    there = list(_states(agent, range(before.end - 1, before.start - 1, -1), doc, index, set(), co_agents))
    # (a bridge naming no other state, "Jakarta's answer came the next day.": the sentences before it)
    for _ in range(BRIDGE_SENTENCES if bridge else 0):
        if there or before.start == 0:
            break
        before = doc[before.start - 1].sent
        there = list(_states(agent, range(before.end - 1, before.start - 1, -1), doc, index, set(), co_agents))
    subjects = [state for token, state in there if _subject(token)]
    if one and len(set(subjects)) > 1:
        return None
    return (subjects[-1] if subjects else None) or (there[0][1] if there else None)


#: how many sentences naming no other state the look-back of named_before passes over
BRIDGE_SENTENCES = 2


def _subject(token: Token) -> bool:
    """A clause's subject, or one listed with it ("Spain, Ireland and Norway recognised ...")."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECTS


def _states(agent: str, indices, doc, index: TokenMentions, subject_side: set[int], co_agents: frozenset[str] = frozenset()):
    """(token, state) for each state named at these token indices that may be the other party."""
    for i in indices:
        mention = index.at(doc[i])
        if mention is not None and mention.type in ENVOY_POSTS:
            if doc[i].idx + len(doc[i].text) >= mention.end:  # once a mention, at its last word
                other = _other_end(agent, mention, index)
                if other is not None:
                    yield doc[i], other
            continue
        if mention is None or mention.type not in STATE_NAMING:
            continue
        token = doc[i]
        if i in subject_side and token.dep_ in ("nsubj", "nsubjpass", "conj", "appos", "compound"):
            continue  # the clause's own subject (and its list): the agent and those acting with it
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS and not _addressed(token):
            continue
        if not _between(token) and any((index.at(c) or mention).entity == agent for c in token.conjuncts):
            continue  # listed with the agent: one acting with it ("the decision by X, Y and Z to ...")
        state = mention.entity if mention.type == "State" else index.state_of(mention.entity)
        if state and state != agent and state != index.state_of(agent) and state not in co_agents:
            yield token, state


def _between(token: Token) -> bool:
    """'the row between Peru and Mexico', 'tensions between X and Y': a pair "between" names the two sides
    of a quarrel, each the other's other party (not a list of states acting together)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "between"


def _addressed(token: Token) -> bool:
    """'Ghana protested to Togo', 'wrote to Lomé': a state a speech act is addressed to is a party to the
    quarrel, not a place (speech_acts.yaml says which verbs speak; "flew to Togo" is still a place)."""
    verb = token.head.head
    return token.head.lower_ == "to" and token.head.dep_ == "prep" and speech_class(verb) is not None


#: sentences back over which an agentless act on relations finds the pair it is between
PAIR_LOOK_BACK = 2


def told_pair(earlier: list) -> tuple[str, str] | None:
    """'Venezuela broke relations with Panama in 2017; ties were restored in 2018': an act on
    relations told with neither party is between the parties of the last act between two states
    told just before (frames.FrameMatch objects, in order), the first acting again."""
    for m in reversed(earlier):
        if m.between_states and not m.pair and m.agent and isinstance(m.target, str) and m.agent != m.target:
            return m.agent, m.target
    return None


#: an act on relations that undoes another: told with neither party, it is between the parties of the
#: last act it undoes told anywhere before ("Iceland broke off relations with Britain ... [paragraphs
#: later] relations were restored the same day")
UNDOES = {"RestorationOfRelations": "SeveranceOfRelations"}


def undone_pair(etype: str, earlier: list) -> tuple[str, str] | None:
    """The pair of the last act told before that an act of ``etype`` undoes, else None."""
    undone = UNDOES.get(etype)
    return told_pair([m for m in earlier if m.type == undone]) if undone else None


def agent_of_same_act(etype: str, host: str, earlier: list[FrameMatch]) -> str | None:
    """The agent of the last act of this type told before (by a state, not on ``host``): "Israel recalled its
    ambassadors to Dublin and Oslo, and the ambassador in Madrid was ordered home" is Israel's too."""
    for m in reversed(earlier):
        if m.type == etype and isinstance(m.agent, str) and m.agent != host and m.target != host:
            return m.agent
    return None


def home_counterpart(agent: str, index: TokenMentions, co_agents: frozenset[str] = frozenset()) -> str | None:
    """No act between states told before: the state the article is about, when it clearly is one
    and not the agent nor one listed with it ("Argentina recalled its ambassador" in a story about Paraguay)."""
    home = index.home_state
    return home if home and home != agent and home not in co_agents and index.home_counterpart_clear else None


def counterpart_told(agent: str, earlier: list[FrameMatch], etype: str | None = None,
                 index: TokenMentions | None = None) -> str | None:
    """The other party of the agent's last act between states told before ("Somalia cut ties with
    Kenya ... On Monday Mogadishu recalled its ambassador for consultations": from Kenya); else the
    one acted on by the last act of the same type by another ("Brazil recalled its ambassador from
    Paraguay ... Uruguay recalled theirs")."""
    for m in reversed(earlier):
        if not m.between_states or m.counterpart or not isinstance(m.target, str):
            continue
        if index is not None and m.type != etype and index.state_of(m.target) != m.target:
            if etype in ANSWERS and m.type in ANSWERED and m.agent and m.agent != agent and index.state_of(m.target) == agent:
                return m.agent  # "X declared Somalia's envoy persona non grata ... Somalia recalled its ambassador": from X
            continue  # an act of another kind on a person ("declared the consul persona non grata") names no other state
        if m.agent == agent:
            return m.target
        if m.target == agent and m.agent:
            return m.agent
    # (the other's act may have found its own target so: "Ten states have cut ties with X. CAIRO - Egypt broke
    # off relations on Thursday. AMMAN - Jordan cut its ties on Friday": X, not Egypt, a fellow in the act)
    same = next((m for m in reversed(earlier) if m.type == etype and m.between_states
                 and isinstance(m.target, str) and m.agent != agent and m.target != agent), None)
    return same.target if same is not None else None
