"""Bodies named by a head noun with an "of/for" phrase after it, which the head-last names of
``names.ORG_NAME`` miss: "the National Council for the Safeguard of the Homeland", "the Front for
National Renewal", "the Movement for Democratic Change".  The head word gives the type; the name
must run to a capitalised word, and a name whose "of" phrase is a known surface is skipped (known
bodies are the gazetteer's already).  Not yet checked: a state organ named this way ("Council of
Ministers") or a prefix that takes in a title or a possessor — both are minted too."""

from __future__ import annotations

import re

#: head nouns of such names and the type of body they name (the language's data)
OF_NAME_HEADS = {"council": "GovernmentBody", "committee": "GovernmentBody", "front": "PoliticalParty",
                 "movement": "PoliticalParty", "party": "PoliticalParty", "alliance": "PoliticalParty",
                 "league": "PoliticalParty", "coalition": "PoliticalParty"}
_CAP = r"[A-Z][\w’'-]*"
#: up to three capitalised words, the head, "of/for", then capitalised words joined by "of (the)", "for (the)", "and"
OF_NAME = re.compile(rf"(?<![\w’'])(?P<name>(?:{_CAP}\s+){{0,3}}(?P<head>{'|'.join(h.capitalize() for h in OF_NAME_HEADS)})"
                     rf"\s+(?:for|of)\s+(?:the\s+)?(?P<tail>{_CAP}(?:\s+(?:(?:of|for)\s+(?:the\s+)?|and\s+)?{_CAP})*))")


def bodies_named_with_of(text: str, known) -> list[tuple[str, str]]:
    """(name, type) of every such body the text names, in order, but those whose name or whose
    "of" phrase is a ``known`` surface ("the Security Council of the United Nations": a known body's)."""
    found = []
    for m in OF_NAME.finditer(text):
        if m.group("tail") in known:
            continue
        name = re.sub(r"^(?:The|A|An|On|In|By)\s+", "", m.group("name"))
        found.append((name, OF_NAME_HEADS[m.group("head").lower()]))
    return found
