"""Names whose surname opens with a lower-case particle ("Leila de Lima", "Charles de Gaulle", "Herman van
Rompuy", "José Eduardo dos Santos"): news calls such a person by the particle and the surname ("de Lima
said", "De Lima" opening a sentence), not by the surname's last word alone where that word names a state,
its capital or its people ("Lima" is Peru's capital, not the senator).  The short forms a minted person gets
(``gazetteer.Gazetteer.add``)."""

from __future__ import annotations

import re
from collections.abc import Callable

#: the lower-case particles that open a surname ("Leila de Lima", "José Eduardo dos Santos", "Ursula von der
#: Leyen", "Marine le Pen"): the one list the name patterns (gazetteer.PERSON_NAME, names.UNTITLED_NAME) and the
#: surname's short forms here read
SURNAME_PARTICLES = ("de", "del", "de la", "de las", "de los", "da", "das", "do", "dos", "du", "di", "della",
                     "la", "le", "van", "van der", "van den", "von", "von der")
#: a joining word inside a name that opens no short form of it: the Bantu "of" of East and Southern African names
#: ("Bingu wa Mutharika" is "Mutharika"); the Arabic joiners ("bin", "ibn", "Al") are gazetteer.NAME_JOINERS
INNER_PARTICLES = ("wa",)


def alternation(words: tuple[str, ...]) -> str:
    """The words as a regular expression's alternation, longest first ("de la" before "de")."""
    return "|".join(sorted(words, key=len, reverse=True))


#: a lower-case particle and the surname's one word closing a name ("... de Lima", "... van der Berg")
PARTICLE_SURNAME = re.compile(rf"(?<=\s)(?:{alternation(SURNAME_PARTICLES)})\s+(?P<surname>\S+)$")


def with_particle_forms(label: str, aliases: set[str], names_a_state: Callable[[str], bool]) -> set[str]:
    """``aliases`` with the particle's forms of ``label``'s surname ("de Lima", "De Lima"), and without the
    surname's word alone where ``names_a_state`` says it names a state ("Lima")."""
    m = PARTICLE_SURNAME.search(label)
    if m is None:
        return aliases
    short = m.group(0)
    if names_a_state(m.group("surname")):
        aliases = aliases - {m.group("surname")}
    return aliases | {short, short[0].upper() + short[1:]}
