"""Words addressed to the speaker's own people.

"Guaidó called on Venezuelans to keep up the protests", "the president urged Kenyans to stay calm",
"she appealed to her compatriots", "he praised his government": a speaker who addresses or praises the people of their own state speaks to
their side, not about the other side of the article's dispute.  Such words name no one outside, and
the Statement coder does not send them to the counterpart (``unaddressed_words.PARAPHRASE_TO_COUNTERPART``).

``OwnPeople`` is a part of the Statement coder (``statements.StatementCoder``).
"""

from __future__ import annotations

from .approved_justice import APPROVING_VERBS
from .gazetteer import STATE
from .speech_content import verb_at

#: words addressed to the speaker's own nationals go to no counterpart?
OWN_PEOPLE_ADDRESSED = True
#: the prepositions that take the addressee of a speech verb ("called on", "appealed to")
ADDRESSEE_PREPOSITIONS = {"on", "to", "upon"}
#: nouns for the speaker's own nationals without their state's name
COMPATRIOTS = {"compatriot", "countryman", "countrywoman", "citizen", "national", "people"}
#: praise of the speaker's own institutions ("praised his government for its patience", "thanked
#: their police"): words about their own side, sent to no counterpart either
OWN_SIDE_PRAISED = True
#: (the approving verbs that praise a body, not an act or a stand: "welcomed", "celebrated",
#: "endorsed"; and thanks)
PRAISE_LEMMAS = (APPROVING_VERBS - {"welcome", "celebrate", "endorse"}) | {"thank", "congratulate", "laud"}
OWN_INSTITUTIONS = frozenset({"government", "country", "nation", "police", "army", "force", "troop", "diplomat",
                              "staff", "minister", "cabinet", "administration", "team", "embassy", "service"})
OWN_POSSESSIVES = frozenset({"his", "her", "their", "our", "its"})


class OwnPeople:
    """Speech verbs whose addressee is the speaker's own people."""

    def _addresses_own_people(self, at: int, own_state: str | None) -> bool:
        """Whether the speech verb at ``at`` is addressed to the nationals of ``own_state`` (a
        demonym of it, or "his compatriots", "their citizens"), as its object or after "on"/"to"."""
        if not OWN_PEOPLE_ADDRESSED or self.gaz.entities.get(own_state) is None or self.gaz.entities[own_state].type != STATE:
            return False
        verb = verb_at(self.doc, at)
        if verb is None:
            return False
        if OWN_SIDE_PRAISED and verb.lemma_.lower() in PRAISE_LEMMAS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in OWN_INSTITUTIONS
                and any(p.dep_ == "poss" and p.lower_ in OWN_POSSESSIVES for p in c.children) for c in verb.children):
            return True
        addressees = [c for c in verb.children if c.dep_ == "dobj"]
        addressees += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPOSITIONS
                       for g in c.children if g.dep_ == "pobj"]
        for noun in addressees:
            if noun.tag_ not in ("NNS", "NNPS"):
                continue  # a people is plural: "Venezuelans", "his compatriots" (not "the Venezuelan ambassador")
            if noun.lemma_.lower() in COMPATRIOTS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
                return True
            if any(m.kind == "demonym" and m.entity == own_state and m.start <= noun.idx < m.end
                   for m in self._mentions_in(noun.idx, noun.idx + len(noun.text))):
                return True
        return False
