"""A capital the words are addressed to stands for its state ("expressed its regret to Madrid",
"conveyed its concern to Ankara"): the codebook's capitals and seats of government, for the Statement
target rule.  The mention layer reads a capital after "to" as the place it is
(article_mentions.PREPOSITIONS_BEFORE_PLACE), right for "flew to Madrid"; only the addressee of a
speech verb, or of the remark the verb names as its object, is the state."""

from __future__ import annotations

from .gazetteer import STATE, Mention
from .speech_content import verb_at


def addressed_capital(doc, at: int, mentions: list[Mention], gaz, actor_state) -> Mention | None:
    """The state whose capital is the object of "to" on the speech verb at ``at`` or on that verb's
    object; ``actor_state`` gives a city's state.  None for a city that is no capital ("wrote to
    Istanbul")."""
    verb = verb_at(doc, at)
    if verb is None:
        return None
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    for token in (g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                  for g in c.children if g.dep_ == "pobj"):
        city = next((m for m in mentions if m.start <= token.idx < m.end and m.type == "City"), None)
        if city is None or not any(kind == "capital" for _, kind in gaz.surfaces.get(city.surface, [])):
            continue
        state = actor_state(city.entity)
        entity = gaz.entities.get(state or "")
        if entity is not None and entity.type == STATE:
            return Mention(city.start, city.end, state, STATE, city.surface, "capital")
    return None
