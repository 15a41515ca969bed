"""A surname two persons of the article share: 'Kevin Darrow and Julia Darrow ... Darrow said'.

Named side by side in one list, the two stand alike, and the surname alone names neither of them
(which one, the text does not say): it is nobody's alias, and no later "Darrow" is either of them
(nor minted as a person of its own: ``newnames``).  Named apart, the surname alone is the one the
story is about, as news names a relative in full ("Alexander Litvinenko ... his widow Marina
Litvinenko ... Litvinenko"), and the alias stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Entity, Gazetteer

#: what joins two names of one list: "X and Y", "X, Y", "X, and Y"
_JOINT = r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)"


def unshare_surname(gaz: Gazetteer, text: str, person: Entity) -> None:
    """Take the surname back from ``person`` and from every person minted before it who shares the
    surname and is listed with it in ``text`` (see the module)."""
    last = person.label.rsplit(" ", 1)[-1]
    if last == person.label:
        return
    sharing = [e for e in gaz.entities.values() if e.new and e.type == "Person" and e.id != person.id
               and e.label.endswith(" " + last) and listed_together(text, person.label, e.label)]
    for e in [person, *sharing] if sharing else []:
        gaz.drop_alias(e, last)


def listed_together(text: str, one: str, other: str) -> bool:
    """Whether the text names the two next to each other in one list."""
    return any(re.search(re.escape(a) + _JOINT + re.escape(b), text) for a, b in ((one, other), (other, one)))
