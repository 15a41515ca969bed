"""Persons named with an honorific first word: "Sheikh Hasina Wazed", "Sheikh Hasina", "Mullah Omar",
"Emir Tamim bin Hamad".  The honorific is a title, not part of the name: a story that writes "Sheikh
Hasina" in its lead and "Sheikh Hasina Wazed" further on (or "Hasina" alone) tells of one person, so
every form the article gives after the same honorific and first name is one person, minted once under
its longest form without the honorific, each form with and without it an alias.

A mixin of ``pipeline._Extractor``, run before the other person finders: they then find the name known
and add no second person.  A name already known (the registry's "Sheikh Hasina") takes the other forms
as aliases instead.
"""

from __future__ import annotations

import re

from .gazetteer import NAME_WORD, Entity, fold, slug
from .names import NOT_NAME_WORDS, NOT_NAMES, TITLE_WORDS, article_surname_forms

#: honorifics that open a person's name in the press without being part of it (religious and princely
#: styles of the Arab and Muslim world); "King", "President" and the like are titles the title finders read
HONORIFICS = ("Grand Ayatollah", "Ayatollah", "Hojatoleslam", "Sheikh", "Sheikha", "Shaikh", "Shaykh", "Mullah",
              "Maulana", "Emir", "Amir", "Imam")
#: the joining words inside such names ("Tamim bin Hamad Al Thani", "Abdullah ibn Hussein")
JOINERS = r"(?:bin|bint|ibn|al|el|Al|El|Abu|abu)"
HONORIFIC_NAME = re.compile(rf"(?<![\w’'-])(?P<hon>{'|'.join(HONORIFICS)})\s+(?P<name>{NAME_WORD}"
                            rf"(?:\s+(?:{JOINERS}\s+)?{NAME_WORD}){{0,4}})")
#: words after a name that make it a place's or a building's ("Sheikh Zayed Road", "Imam Khomeini Airport")
PLACE_HEADS = frozenset({"Road", "Street", "Avenue", "Square", "Mosque", "Airport", "Bridge", "Hospital", "University",
                         "Stadium", "District", "Quarter", "Port", "Palace", "Centre", "Center", "School", "Foundation",
                         "Prize", "Award", "Festival", "Brigade", "Brigades", "Camp", "Highway", "Canal", "Island"})
#: entity labels a name after an honorific never carries as a person ("Sheikh Jarrah", a neighbourhood)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class HonorificNames:
    """Persons named after an honorific (a mixin of the extractor)."""

    def _persons_honorific(self) -> None:
        forms: dict[str, list[tuple[str, str]]] = {}   # folded first word → [(honorific, name)]
        for m in HONORIFIC_NAME.finditer(self.text):
            words = _name_words(m.group("name"))
            if not words or _after_a_name(self.text, m.start()):
                continue   # "Hassan Sheikh Mohamud": a word of the name, not an honorific before it
            name = " ".join(words)
            end = m.start("name") + len(name)
            if re.match(r"\s+(?:" + "|".join(PLACE_HEADS) + r")\b", self.text[end:end + 20]) or self._a_place(m.start("name"), end):
                continue
            forms.setdefault(fold(words[0]), []).append((m.group("hon"), name))
        for group in forms.values():
            self._mint_honorific(group)

    def _mint_honorific(self, group: list[tuple[str, str]]) -> None:
        """One person for every form of a group: its longest name the label, every form an alias."""
        names = sorted({n for _, n in group}, key=lambda n: (-len(n.split()), n))
        longest = names[0]
        if any(not longest.startswith(n) for n in names[1:]):
            return   # "Sheikh Mohamed bin Zayed" and "Sheikh Mohamed bin Rashid": two persons; the other finders decide
        aliases = set(names[1:]) | {f"{h} {n}" for h, n in group} | {f"{h} {longest}" for h, _ in group}
        words = longest.split()
        if len(words) > 1 and len(words[-1]) >= 3 and words[-1] not in self.gaz.surfaces:
            aliases.add(words[-1])   # "Wazed", "Baradar": the short form news uses
        # ("Tamim said": the given name the text goes on to use alone; "al-Thani", "Thani")
        aliases |= self._family_name_first(words) | article_surname_forms(longest)
        known = next((e for form in [longest, *aliases] for e, _ in self.gaz.surfaces.get(form, [])
                      if self.gaz.resolve(e).type == "Person"), None)
        if known is not None:
            person = self.gaz.resolve(known)
            self.gaz.add(Entity(person.id, "Person", person.label, aliases | {longest} - {person.label}))
            return
        if any(form in self.gaz.surfaces for form in (longest, *names[1:])):
            return   # a word a state, a place or an organisation already has
        self.gaz.add(Entity(slug(longest), "Person", longest, aliases - {longest}))

    def _a_place(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.ent_type_ in PLACE_LABELS for t in span) and not any(
            t.ent_type_ == "PERSON" for t in span)


def _name_words(name: str) -> list[str]:
    """The words of a name up to the first that no name has ("Hasina Wazed", not "Hasina Wazed University")."""
    words = re.sub(r"['’]s$", "", name).split()
    out: list[str] = []
    for w in words:
        if w in NOT_NAMES or w in NOT_NAME_WORDS or w in PLACE_HEADS:
            break
        out.append(w)
    while out and re.fullmatch(JOINERS, out[-1]):
        out.pop()
    return out


def _after_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word of a name stands right before ("Hassan Sheikh Mohamud"; not a title,
    a possessor or a sentence's start: "Prime Minister Sheikh Hasina", "Qatar's Emir Tamim")."""
    before = re.search(r"([\w’'-]+)\s+$", text[max(0, start - 40):start])
    word = before.group(1) if before is not None else ""
    return word[:1].isupper() and word.lower() not in TITLE_WORDS and not re.search(r"['’]s$", word)
