"""'Bolivia broke off relations with Israel, while Chile and Colombia recalled their ambassadors':
an act between states whose clause leaves the other party untold, beside an act of another state on
a party in the same sentence or the one just before, is done to that party too (the states act
together against it: "Canada expelled Iran's ambassador. Britain and France recalled theirs in
solidarity").  A listed agent otherwise takes no counterpart from what was told before
(article_frames.match_doc): those two sentences are near enough to go on."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from .frames import FrameMatch

#: acts against another state that others join in one sentence ("..., while X and Y recalled theirs")
JOINED_ACTS = frozenset({"SeveranceOfRelations", "DowngradeOfRelations", "ExpulsionOfDiplomats", "RecallOfAmbassador"})
#: acts a state takes on its own envoys in answer to another's act against it, which the sentence may
#: tell after ("recalled its ambassador after X expelled ..."); an expulsion of "its ambassador" is not
#: read so ("sent its ambassador home after X cut ties": its own envoy, no expulsion)
ANSWERS = frozenset({"RecallOfAmbassador"})
#: the acts against a state such an act answers: those against the state, and a declaration against one
#: of its envoys ("recalled its ambassador, X, after Kenya declared him persona non grata": from Kenya)
ANSWERED = JOINED_ACTS | {"PersonaNonGrataDeclaration"}


def _against(m: FrameMatch, agent: str, state_of: Callable[[str], str | None] | None) -> bool:
    """Whether an act is against the state ``agent``: on the state itself, or on a person serving it."""
    if m.target == agent:
        return True
    return m.type == "PersonaNonGrataDeclaration" and state_of is not None and isinstance(m.target, str) \
        and m.target != agent and state_of(m.target) == agent


def party_acted_on_beside(agent: str | None, sentence: list[FrameMatch]) -> str | None:
    """The state another agent's act against a state acts on, told earlier in ``sentence`` (the matches
    of the act's sentence and the one before it, in order)."""
    for m in reversed(sentence):
        if m.type in JOINED_ACTS and m.between_states and not m.counterpart and isinstance(m.target, str) \
                and m.agent and agent not in (m.agent, m.target):
            return m.target
    return None


def party_acted_on_after(agent: str | None, later: list[FrameMatch], etype: str | None = None,
                         listed: bool = False, state_of: Callable[[str], str | None] | None = None) -> str | None:
    """'France ordered its ambassador home and expelled two Algerian diplomats': the state the same
    agent's next act against a state in the sentence acts on (one agent's acts told together are
    against one party); else, for an act of ``etype`` that answers one (ANSWERS), the state whose act
    against the agent the sentence tells next ("Gabon recalled its ambassador after Chad expelled two
    Gabonese diplomats": from Chad, as counterpart.counterpart_told reads an act told before); else, for
    an agent ``listed`` with others, the state another's act told next acts on ("Niger and Mali recalled
    their ambassadors, and Chad expelled Libyan diplomats": states acting together against one, as
    party_acted_on_beside reads the act told first)."""
    told = [m for m in later if m.type in JOINED_ACTS and m.between_states and not m.counterpart
            and isinstance(m.target, str) and agent and m.agent]
    own = next((m.target for m in told if m.agent == agent and m.target != agent), None)
    # (or the same agent's declaration against another state's envoy: "recalled its ambassador and declared the
    # Ugandan envoy persona non grata": the state the envoy serves, as _against reads a declaration)
    own = own or next((s for m in later if m.type == "PersonaNonGrataDeclaration" and agent and m.agent == agent
                       and isinstance(m.target, str) and state_of is not None
                       and (s := state_of(m.target)) not in (None, agent)), None)
    answering = [m for m in later if m.type in ANSWERED and m.between_states and not m.counterpart
                 and isinstance(m.target, str) and agent and m.agent] if etype in ANSWERS else []
    answered = next((m.agent for m in answering if _against(m, agent, state_of) and m.agent != agent), None)
    joined = next((m.target for m in told if agent not in (m.agent, m.target)), None) if listed else None
    return own or answered or joined


def answered_in_sentence(waiting: list[FrameMatch], sentence: list[FrameMatch],
                         state_of: Callable[[str], str | None] | None = None) -> list[FrameMatch]:
    """'Russia recalled its ambassador when Estonia expelled its consul': an act of ANSWERS whose other
    party its clause leaves untold, answering an act told with a possessive pronoun ("its consul") that
    finds its own other party only after it (article_frames.match_doc reads a sentence's matches in order: the
    recall, matched first, saw the expulsion still without its target).  Once the sentence is read, the
    answered act's agent is the recall's other party, as in party_acted_on_after.

    The ``waiting`` matches (counterpart still untold after their sentence was read) that an act
    against their agent by another state, in the same ``sentence`` (its matches once read), answers;
    each given that state as target.  A match listed with other agents waits on (they act together,
    not in answer to one)."""
    out = []
    for m in waiting:
        if m.type not in ANSWERS or m.listed or not m.agent:
            continue
        by = next((r.agent for r in sentence if r.type in ANSWERED and r.between_states and r.agent
                   and _against(r, m.agent, state_of) and r.agent != m.agent), None)
        if by is not None:
            m.target = by
            out.append(m)
    return out
