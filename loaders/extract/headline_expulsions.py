"""A headline's expulsion that the story tells as a persona non grata declaration is that declaration.

"Mexico, Peru send North Korean ambassadors home" over a story of Mexico's and Peru's declarations of
the ambassadors as personae non gratae: the headline sums up in plain words the act the story tells
in its own; the codebook codes the act by the story's wording ("persona non grata vs expulsion"), once.
The headline's expulsion joins the same agent's declaration on an envoy of its target state (or on
that state itself, the envoy unnamed): one event, with the headline as one more telling.  An expulsion
told in the story stays an act of its own (a state may declare its ambassador persona non grata and
expel other diplomats as well).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .events import Event
    from .sentences import Sentence

from ..dates import names_day
from .declared_departures import EXPULSION
from .structure import DECLARATION

#: the sentence index of an article's headline
HEADLINE = 0
#: words that tell a declaration after the lead as one more act than the lead's ("it also declared ...")
ANOTHER_ACT = re.compile(r"\b(?:also|too|as well|in addition|further|other|another)\b", re.IGNORECASE)
#: an envoy's rank as a sentence names it (an "envoy" or "diplomat" names none): a lead's expulsion of the
#: ambassador is not the declaration of the attaché
ENVOY_RANK = re.compile(r"\b(ambassador|consul|charg[eé]|attach[eé]|nuncio|commissioner)", re.IGNORECASE)


def declared_in_story(events: list[Event], actor_state: Callable[[str], str | None],
                      sentences: list[Sentence], text: str) -> list[Event]:
    """The events with each headline-only expulsion folded into the story's declaration of the same
    agent on its target state's envoy (``actor_state``: the state a person serves)."""
    headline = has_headline(sentences, text)
    told = sorted(i for e in events for i in e.sentences if i != HEADLINE or not headline)
    lead = told[0] if told else None   # the story's first sentence that tells an act (after a byline)
    summary = {HEADLINE, lead} if headline else {lead}
    declared = [e for e in events if e.type == DECLARATION and e.agent and e.target and e.sentences]
    if not declared:
        return events
    out = []
    for event in events:
        if event.type != EXPULSION or not event.sentences or not event.sentences <= summary or len(event.target) != 1:
            out.append(event)
            continue
        state = event.target[0]
        in_lead = lead in event.sentences
        same = next((d for d in declared if d.agent == event.agent and any(_serves(t, state, actor_state) for t in d.target)
                     and not d.sentences <= event.sentences | ({HEADLINE} if headline else set())
                     and not (in_lead and (any(ANOTHER_ACT.search(sentences[i].text) for i in d.sentences
                                               if 0 <= i < len(sentences)) or not _same_act(event, d, sentences)))), None)
        if same is None:
            out.append(event)
            continue
        same.absorb_telling(event)
    return out


def _same_act(lead: Event, declared: Event, sentences: list[Sentence]) -> bool:
    """Whether a lead's expulsion may be the declaration told after it: not dated differently, and not
    of an envoy of another rank ("expelled the ambassador on Saturday ... declared the attaché on Monday")."""
    dates = [(e.fields.get("date") or {}).get("value") or "" for e in (lead, declared)]
    if all(names_day(d) for d in dates) and dates[0] != dates[1]:
        return False   # two different days (a month alone is often a related event's: "over a killing in August")
    ranks = [{m.group(1).lower().replace("é", "e") for i in e.sentences if 0 <= i < len(sentences)
              for m in ENVOY_RANK.finditer(sentences[i].text)} for e in (lead, declared)]
    return not (ranks[0] and ranks[1] and not ranks[0] & ranks[1])


def _serves(target: str, state: str, actor_state: Callable[[str], str | None]) -> bool:
    """Whether a declaration's target is the state, or a person who serves it: as the article says, or,
    where it says of the person no state, as the headline says (envoy_identity._serves reads a headline
    so too)."""
    if target == state:
        return True
    served = actor_state(target)   # (a state serves itself: another state is never the one)
    return served == state if served is not None else True


def has_headline(sentences: list[Sentence], text: str) -> bool:
    """Whether the first sentence is a line of its own before the story (a headline)."""
    if len(sentences) < 2:
        return False
    line_end = text.find("\n", sentences[HEADLINE].start)
    return 0 <= line_end < sentences[HEADLINE + 1].start and not text[sentences[HEADLINE].start:line_end].rstrip().endswith(".")
