"""A speech verb set between commas inside the clause it reports: "Venezuela, Ana Soto said, had
ignored the vote".  The small parser splices the verb onto the clause (parataxis) and hangs its
speaker on the clause's subject as an apposition; ``speech_speakers`` asks here who speaks,
``speech_content.says_something`` whether the verb reports a clause.  (Split out so that both can import it.)
A pronoun between the commas ("Vilnius, it said, ...") is left alone: it asks coreference, which
turned such a clause into a Statement with both roles wrong on the held-out half."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token


def parenthetical_speaker(verb: Token) -> Token | None:
    """'Venezuela, Ana Soto said, had ignored the vote', 'The vote, Peru's minister Ana Soto said, was ...':
    the speaker of a speech verb set between commas inside the clause it reports; the small parser
    splices the verb on (parataxis) with no subject and hangs the speaker on the reported clause's
    subject as its apposition (None: no such verb)."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    before = doc[verb.i - 1]
    speaker = next((t for t in [before, *before.ancestors] if t.dep_ == "appos"), None)
    if speaker is None or speaker.right_edge.i != verb.i - 1 or speaker.left_edge.i == 0 \
            or doc[speaker.left_edge.i - 1].text != "," or speaker.head.dep_ not in SUBJECTS \
            or speaker.head.head not in (verb, verb.head):
        return None
    return speaker


def inside_clause(verb: Token) -> bool:
    """Whether the spliced speech verb ``verb`` sits inside the clause it reports, after that clause's
    subject and before its verb ("X, Ana Soto said, had ..."); "..., she said" after a clause is not."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX") or verb.i > head.i:
        return False
    # (only with the speaker between the commas named: "X, he said, had ..." leaves who "he" is to coreference,
    # which on the held-out half turned such a clause into a Statement with both roles wrong)
    return parenthetical_speaker(verb) is not None
