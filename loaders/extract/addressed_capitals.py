"""A capital the words are addressed to stands for its state ("expressed its regret to Madrid",
"wrote to Ankara"): the codebook's capitals and seats of government, for the Statement target rule.
The mention layer reads a capital after "to" as the place it is (article_mentions.PREPOSITIONS_BEFORE_PLACE),
right for "flew to Madrid"; only the addressee of a speech verb, or of the remark it names as its
object ("conveyed its protest to Lima"), is the state."""

from __future__ import annotations

from .gazetteer import STATE, Mention


def addressed_capital(token, at: int, mentions: list[Mention], gaz, actor_state) -> Mention | None:
    """The state whose capital ``token`` names, where it is the object of "to" on the speech verb at
    ``at`` or on that verb's object; ``actor_state`` gives a city's state."""
    if token.dep_ != "pobj" or token.head.lower_ != "to":
        return None
    holder = token.head.head
    if not (holder.idx == at or holder.dep_ == "dobj" and holder.head.idx == at):
        return None
    city = next((m for m in mentions if m.start <= token.idx < m.end and m.type == "City"), None)
    if city is None or not any(kind == "capital" for _, kind in gaz.surfaces.get(city.surface, [])):
        return None   # a city that is no capital speaks for no state ("wrote to Istanbul")
    state = actor_state(city.entity)
    entity = gaz.entities.get(state or "")
    if entity is None or entity.type != STATE:
        return None
    return Mention(city.start, city.end, state, STATE, city.surface, "capital")
