"""Bodies named by a head noun with an "of/for" phrase after it, which the head-last names of
``names.ORG_NAME`` miss: "the National Council for the Safeguard of the Homeland", "the Front for
National Renewal", "the Movement for Democratic Change".  The head word gives the type; the name
must run to a capitalised word, and a name whose "of" phrase is a known surface is skipped (known
bodies are the gazetteer's already).  The words before the head stop at a possessor or a titled
person ("Viktor Yanukovych's Party of Regions", "Prime Minister X's Council of State": the party, the
council); a council of a state's own members ("Council of Ministers", "Council of State") is that
state's organ, left to the organ and government rules; one of a region or of states ("Council of
Europe", "League of Arab States") is an organisation of states."""

from __future__ import annotations

import re

from .coref_states import STATE_KINDS
from .gazetteer import ONE_WORD_TITLES

#: head nouns of such names and the type of body they name (the language's data)
OF_NAME_HEADS = {"council": "GovernmentBody", "committee": "GovernmentBody", "front": "PoliticalParty",
                 "movement": "PoliticalParty", "party": "PoliticalParty", "alliance": "PoliticalParty",
                 "league": "PoliticalParty", "coalition": "PoliticalParty"}
#: "of" phrases of a state's own members: the body is that state's organ, not minted here ("Council of Ministers")
STATE_MEMBER_TAILS = frozenset({"ministers", "state"})
#: "of" phrases ending in these name states, as a region's name does (state_descriptions.yaml's kinds):
#: the body is an organisation of states ("the League of Arab States", "the Council of Europe")
STATES_WORDS = frozenset({"states", "nations"})
_POSSESSIVE = re.compile(r"[’']s$")
_CAP = r"[A-Z][\w’'-]*"
#: up to three capitalised words, the head, "of/for", then capitalised words joined by "of (the)", "for (the)", "and"
OF_NAME = re.compile(rf"(?<![\w’'])(?P<name>(?:{_CAP}\s+){{0,3}}(?P<head>{'|'.join(h.capitalize() for h in OF_NAME_HEADS)})"
                     rf"\s+(?:for|of)\s+(?:the\s+)?(?P<tail>{_CAP}(?:\s+(?:(?:of|for)\s+(?:the\s+)?|and\s+)?{_CAP})*))")


def bodies_named_with_of(text: str, known) -> list[tuple[str, str]]:
    """(name, type) of every such body the text names, in order, but those whose name or whose
    "of" phrase is a ``known`` surface ("the Security Council of the United Nations": a known body's)."""
    found = []
    for m in OF_NAME.finditer(text):
        tail = m.group("tail")
        if tail in known or tail.split()[0].lower() in STATE_MEMBER_TAILS:
            continue
        prefix = text[m.start("name"):m.start("head")].split()
        cut = max([i + 1 for i, w in enumerate(prefix) if _POSSESSIVE.search(w)
                   or (w.lower() in ONE_WORD_TITLES and i + 1 < len(prefix))], default=0)
        name = re.sub(r"^(?:The|A|An|On|In|By)\s+", "", " ".join(prefix[cut:] + [text[m.start("head"):m.end("name")]]))
        etype = OF_NAME_HEADS[m.group("head").lower()]
        if tail.split()[-1].lower() in STATES_WORDS or tail.lower().removeprefix("the ").replace(" ", "_") in STATE_KINDS:
            etype = "InternationalOrganization"
        found.append((name, etype))
    return found
