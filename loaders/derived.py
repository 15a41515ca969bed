"""Facts the build derives from one source's claims and the registry: an index for the slow questions.

Who acted on whom, and between which states, is a join of five things per event (its typing claim's
subject, object and source, its agent, its target) with the registry's closure of organs, posts and
missions and the source's own tenures; at a million quads the stored questions that ask it spent
most of their time there, at the raw engine's speed.  So each claims file's worker writes, beside its
source graph, a graph of :class:`dg:EventReport` nodes: one per event, agent and target (or mission
where it happened) as that source reports it, with the states on each side and every actor the link
involves.  The stored queries read a few direct triples per row instead.

Why a graph of its own (``dgg:derived/source/{id}``, beside ``dgg:source/{id}``): the source graph
keeps only what the article claims and its bookkeeping (claims, mentions), so claim counts, the
consolidated view and the checks of a source graph are unchanged; the index is a whole graph an
export can leave out and a build replaces with its source graph.  Nothing here is claimed: every
property is a ``dg:derivedProperty`` (the ontology says so), recomputed by every build that reloads
the source.  It depends on the registry: a change there makes the build reload every source
(the registry is in every source's key, ``graph.builder._Plan``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping

from diplograph.ontology import DERIVED_GRAPHS, GRAPH, ID, RDF, dg
from pyoxigraph import NamedNode, Quad

#: what makes an actor part of another in the registry (the stored queries' property path)
PART_OF = ("post_in", "sending_state", "organ_of")


def derived_graph(source_graph: NamedNode | str) -> NamedNode:
    """The graph of what the build derives from a source graph: ``dgg:derived/`` + the rest of its name."""
    name = source_graph.value if isinstance(source_graph, NamedNode) else source_graph
    return NamedNode(DERIVED_GRAPHS + name[len(GRAPH):])


def is_derived_graph(name: str) -> bool:
    return name.startswith(DERIVED_GRAPHS)


class RegistryIndex:
    """The registry's closure, computed once per build (in the parent; forked workers share it)."""

    def __init__(self, entities: Mapping[str, object]) -> None:
        parents: dict[NamedNode, list[NamedNode]] = {}
        self.states: set[NamedNode] = set()
        self.missions: dict[NamedNode, tuple[NamedNode, NamedNode]] = {}
        for ref, record in entities.items():
            node = NamedNode(ID + ref)
            parents[node] = [NamedNode(ID + getattr(record, f)) for f in PART_OF if getattr(record, f, None)]
            if record.type == "State":
                self.states.add(node)
            if getattr(record, "sending_state", None) and getattr(record, "receiving_state", None):
                self.missions[node] = (NamedNode(ID + record.sending_state), NamedNode(ID + record.receiving_state))
        self._parents = parents
        self._wholes: dict[NamedNode, frozenset[NamedNode]] = {}

    def wholes(self, node: NamedNode) -> frozenset[NamedNode]:
        """What ``node`` is part of, one step or more (``(dg:postIn|dg:sendingState|org:subOrganizationOf)+``)."""
        found = self._wholes.get(node)
        if found is None:
            seen: set[NamedNode] = set()
            todo = list(self._parents.get(node, ()))
            while todo:
                whole = todo.pop()
                if whole not in seen:
                    seen.add(whole)
                    todo.extend(self._parents.get(whole, ()))
            found = self._wholes[node] = frozenset(seen)
        return found

    def known(self, node: NamedNode) -> bool:
        return node in self._parents

    def states_of(self, node: NamedNode) -> set[NamedNode]:
        """The states ``node`` is or belongs to by the registry (zero steps or more)."""
        if not self.known(node):
            return set()
        return {s for s in self.wholes(node) | {node} if s in self.states}


def event_reports(quads: Iterable[Quad], registry: RegistryIndex) -> list[Quad]:
    """One source graph's :class:`dg:EventReport` nodes, in its derived graph (see the module's note).

    A node per (event, agent, target) and per (event, agent, mission where it happened, the agent's
    state): the event's typing claim's type and source, the event's date as the source gives it, the
    states on each side (the registry's, or those of a post the same source says the actor holds)
    and, for a target, every actor the link involves (agent, target and what they are part of).
    """
    quads = quads if isinstance(quads, list) else list(quads)
    if not quads:
        return []
    graph = quads[0].graph_name  # one source graph's quads (the emitter's)
    out_graph = derived_graph(graph)
    # one pass, keeping only the dozen properties read below (a claims file's quads are mostly claims and
    # mentions: a full index of them cost a third of a worker's time)
    wanted = (RDF.predicate, RDF.subject, RDF.object, dg.source, RDF.type, dg.agent, dg.target, dg.place,
              dg.onDate, dg.dateValue, dg.datePhrase, dg.holder, dg.post)
    slots: dict[NamedNode, dict[NamedNode, list]] = {p: defaultdict(list) for p in wanted}
    for q in quads:
        slot = slots.get(q.predicate)
        if slot is not None:
            slot[q.subject].append(q.object)
    types = slots[RDF.type]
    # typing claims: (event, type, source), their triple asserted in the same graph
    typed: list[tuple] = []
    for node, objects in slots[RDF.predicate].items():
        if objects == [RDF.type] and dg.Claim in types.get(node, ()):
            for event in slots[RDF.subject].get(node, ()):
                for kind in slots[RDF.object].get(node, ()):
                    if kind in types.get(event, ()):
                        typed += [(event, kind, source) for source in slots[dg.source].get(node, ())]
    # the posts each person holds by this source's tenures
    posts: dict[NamedNode, set] = defaultdict(set)
    for tenure, holders in slots[dg.holder].items():
        for holder in holders:
            posts[holder].update(slots[dg.post].get(tenure, ()))

    def states(actor: NamedNode) -> set:
        found = registry.states_of(actor)
        for post in posts.get(actor, ()):
            found |= registry.states_of(post)
        return found

    out: list[Quad] = []
    for event, kind, source in sorted(typed, key=str):
        dates = [(slots[dg.dateValue].get(d, []), slots[dg.datePhrase].get(d, [])) for d in slots[dg.onDate].get(event, ())]
        for agent in slots[dg.agent].get(event, ()):
            agent_states = states(agent)
            links = [(target, None, agent_states, states(target)) for target in slots[dg.target].get(event, ())]
            for mission in slots[dg.place].get(event, ()):
                if mission in registry.missions:
                    sender, receiver = registry.missions[mission]
                    links += [(None, mission, {state}, {receiver if sender == state else sender}) for state in agent_states]
            for target, mission, side_a, side_b in links:
                if target is None and not side_a:
                    continue
                key = "|".join(str(t) for t in (event, agent, target, mission, *sorted(side_a, key=str), source))
                node = NamedNode(f"{ID}report/{graph.value.rsplit('/', 1)[-1]}/{hashlib.sha1(key.encode()).hexdigest()[:12]}")
                triples = [(RDF.type, dg.EventReport), (dg.reportedEvent, event), (dg.reportedType, kind),
                           (dg.reportedBy, source), (dg.reportedAgent, agent)]
                triples += [(dg.agentState, s) for s in side_a] + [(dg.otherState, s) for s in side_b]
                if target is not None:
                    triples.append((dg.reportedTarget, target))
                    involved = {agent, target} | registry.wholes(agent) | registry.wholes(target)
                    triples += [(dg.involves, a) for a in involved]
                else:
                    triples.append((dg.reportedPlace, mission))
                for values, phrases in dates:
                    triples += [(dg.reportedDate, v) for v in values] + [(dg.reportedDatePhrase, p) for p in phrases]
                out += [Quad(node, p, o, out_graph) for p, o in triples]
    return out
