"""The other side of an envoy's words: the state the envoy is accredited to.

Where a Statement names no one and is addressed to "the other side of the article's dispute"
(``StatementTargets._counterpart``: the article's most named other state), an ambassador, envoy,
consul or chargé d'affaires speaks to the state that receives them ("'No one will enter this
embassy,' the ambassador said": the host), whoever else the article names most.  The host is the
receiving state of their post, else the state or capital their title is "to" or "in" ("Sweden's
ambassador to Chile", "the Swedish ambassador in Santiago"), else the state that declared them
persona non grata or expelled them, which only a receiving state can do.

A part of the Statement coder (``statements.StatementCoder``): it reads the extractor's posts, titles
and the events coded so far.
"""

from __future__ import annotations

from .envoys import ENVOY_TITLE_HEADS
from .gazetteer import STATE

#: an envoy's words naming no one are addressed to the state that receives them?
ENVOY_HOST_IS_OTHER_SIDE = True
#: titles of those a state sends to another
ENVOY_TITLES = frozenset({"ambassador", "envoy", "consul", "chargé d'affaires", "high commissioner", "nuncio"})
#: acts only the receiving state does to an envoy: their agent is the envoy's host
HOST_ACTS = frozenset({"PersonaNonGrataDeclaration", "ExpulsionOfDiplomats"})


class EnvoyHosts:
    """An envoy speaker's host state, as the other side of their words (a part of the Statement coder)."""

    def _other_side(self, speaker: str, own_state: str | None, at: int) -> str | None:
        """The other side of the dispute for ``speaker``'s words at ``at``: an envoy's host state
        (other than their own), else the state the act told just before is about (nearby_acts.py),
        else the state at the other end of their state's acts (dispute_parties.py), else the article's most named other state (``_counterpart``)."""
        host = self._envoy_host(speaker) if ENVOY_HOST_IS_OTHER_SIDE else None
        if host is not None and host != own_state:
            return host
        return self._party_of_nearby_act(own_state, at) or self._party_of_acts(own_state) or self._counterpart(own_state, at)

    def _envoy_host(self, person: str) -> str | None:
        """The state that receives ``person``, an envoy (ENVOY_TITLES), or None."""
        post = self.person_posts.get(person)
        mission_post = post is not None and self.gaz.entities.get(post) is not None \
            and self.gaz.entities[post].type == "Post" and bool(self.gaz.entities[post].attrs.get("post_in"))
        if not mission_post and not (self._titles_of(person) & ENVOY_TITLES):
            return None   # (a post in a mission is an envoy's, whatever the title words)
        host = self._host_state(post) if post else None
        if host is None:
            host = self._host_in_title(person)
        if host is None:
            host = next((e.agent[0] for e in self.events if e.type in HOST_ACTS and person in e.target
                         and len(e.agent) == 1), None)
        entity = self.gaz.entities.get(host) if host else None
        return host if entity is not None and entity.type == STATE else None

    def _host_in_title(self, person: str) -> str | None:
        """'X, Peru's ambassador to Venezuela', 'the Peruvian ambassador in Caracas, X': the state or
        capital the title noun in apposition to a mention of ``person`` is to or in."""
        for m in self.mentions:
            if m.entity != person or m.kind not in ("name", "alias"):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            token = span.root
            nouns = [token.head] if token.dep_ == "appos" else []
            nouns += [c for c in token.children if c.dep_ == "appos"]
            for noun in (n for n in nouns if n.lemma_.lower() in ENVOY_TITLE_HEADS):
                for place in (g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
                              for g in c.children if g.dep_ == "pobj"):
                    for found in (x for x in self.mentions if x.start <= place.idx < x.end):
                        # (the title and its place may be one mention of the post: its receiving state)
                        state = found.entity if found.type == STATE else \
                            self._actor_state(found.entity) if found.type == "City" else \
                            self._host_state(found.entity) if found.type == "Post" else None
                        if state:
                            return state
        return None
