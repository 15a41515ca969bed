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

from .gazetteer import NAME_JOINERS, NAME_WORD, Entity, fold, slug
from .names import NOT_NAME_WORDS, NOT_NAMES, TITLE_WORDS, article_surname_forms

#: honorifics that open a person's name in the press without being part of it (religious and princely
#: styles of the Arab and Muslim world); "King", "President" and the like are titles the title finders read
HONORIFICS = ("Grand Ayatollah", "Ayatollah", "Hojatoleslam", "Sheikh", "Sheikha", "Shaikh", "Shaykh", "Mullah",
              "Maulana", "Emir")
#: ("Amir" and "Imam" are given names as often: "Foreign Minister Amir Khan Muttaqi"; the person finders read them)
#: the joining words inside such names ("Tamim bin Hamad Al Thani", "Abdullah ibn Hussein")
JOINERS = NAME_JOINERS
#: the joiners that say the next word is the father's name, not the person's ("Tamim bin Hamad")
PATRONYMIC = r"(?:bin|bint|ibn|Bin|Ibn)"
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
            words, skipped = _name_words(m.group("name"))
            if not words or self._after_a_name(m.start()):
                continue   # "Hassan Sheikh Mohamud": a word of the name, not an honorific before it
            name = " ".join(words)
            start = m.start("name") + skipped
            end = start + len(name)
            if re.match(r"\s+(?:" + "|".join(PLACE_HEADS) + r")\b", self.text[end:end + 20]) or self._a_place(start, end):
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
        if len(words) > 1 and len(words[-1]) >= 3 and words[-1] not in self.gaz.surfaces \
                and not re.fullmatch(PATRONYMIC, words[-2]):
            aliases.add(words[-1])   # "Wazed", "Baradar": the short form news uses (not "Hamad" of "bin Hamad": the father)
        # ("Tamim said": the given name the text goes on to use alone; "al-Thani", "Thani")
        aliases |= self._family_name_first(words) | article_surname_forms(longest)
        known = next((e for form in [longest, *sorted(aliases, key=lambda n: (-len(n), n))] for e, _ in self.gaz.surfaces.get(form, [])
                      if self.gaz.resolve(e).type == "Person"), None)
        if known is not None:
            person = self.gaz.resolve(known)
            self.gaz.add(Entity(person.id, "Person", person.label, aliases | {longest} - {person.label}))
            return
        if any(form in self.gaz.surfaces for form in (longest, *names[1:])):
            return   # a word a state, a place or an organisation already has
        self.gaz.add(Entity(slug(longest), "Person", longest, aliases - {longest}))

    def _after_a_name(self, start: int) -> bool:
        """Whether a word of a name stands right before the honorific at ``start`` ("Hassan Sheikh Mohamud"):
        a proper noun by the parse, not a nationality ("Qatari Emir"), not a sentence's first word ("When
        Sheikh Hasina"), not a title or a possessor ("Prime Minister Sheikh Hasina", "Qatar's Emir Tamim")."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span) or span[0].i == 0 or span[0].is_sent_start:
            return False
        word = self.doc[span[0].i - 1]
        return word.pos_ == "PROPN" and word.text[:1].isupper() and not word.is_sent_start \
            and word.ent_type_ != "NORP" and word.lower_ not in TITLE_WORDS

    def _a_place(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.ent_type_ in PLACE_LABELS for t in span) and not any(
            t.ent_type_ == "PERSON" for t in span)


def _name_words(name: str) -> tuple[list[str], int]:
    """The words of a name up to the first that no name has ("Hasina Wazed", not "Hasina Wazed University"),
    after any honorifics or titles stacked before it ("Emir Sheikh Tamim": "Tamim"), and how many characters
    of ``name`` those leading words took."""
    words = re.sub(r"['’]s$", "", name).split()
    lead = 0
    while lead < len(words) - 1 and (words[lead] in HONORIFICS or words[lead].lower() in TITLE_WORDS):
        lead += 1
    skipped = len(" ".join(words[:lead])) + 1 if lead else 0
    out: list[str] = []
    for w in words[lead:]:
        if w in NOT_NAMES or w in NOT_NAME_WORDS or w in PLACE_HEADS:
            break
        out.append(w)
    while out and re.fullmatch(JOINERS, out[-1]):
        out.pop()
    return out, skipped
