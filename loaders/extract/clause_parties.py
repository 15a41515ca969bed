"""The other party of what a reported clause says its subject will do or has: "said Kenya would not
deal with the junta", "said Nairobi was ready to work with the two neighbours", "said relations with
the three were under review", "said it was premature to negotiate with the movement", "said it would
take measures against X".  Where the clause's subject is the speaker's own side (or no one), what the
words are about is that party, not the article's most named other state.

Used by ``statement_targets.StatementTargets._parsed_target`` after the speech verb's object and the
reported clause's subject (speech_content.parsed_target) named no one outside the speaker's side.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: heads whose "with" phrase names the other party of a relation or a dealing (not a companion, an
#: instrument or a manner: "arrived with officials", "spoke with regret")
PARTY_WITH_HEADS = {
    # verbs of dealing with another party
    "deal", "work", "talk", "negotiate", "cooperate", "engage", "trade", "reconcile", "normalise", "normalize",
    "side", "ally", "meet", "consult", "coordinate", "interact", "communicate",
    # nouns of a relation between parties
    "relation", "relations", "tie", "ties", "talks", "dialogue", "negotiation", "negotiations", "cooperation",
    "contact", "contacts", "meeting", "summit", "agreement", "accord", "engagement", "friendship",
    "alliance", "partnership", "dealings", "rapprochement", "reconciliation", "normalisation", "normalization",
}
#: prepositions whose object is the other party under any head ("measures against X", "a policy towards X")
PARTY_PREPOSITIONS = {"against", "towards", "toward"}
#: clauses inside the reported one that tell circumstances or another remark, not what the words are about
NOT_WALKED = {"advcl", "relcl", "ccomp", "parataxis", "csubj", "mark", "appos"}


def party_nouns(clause: Token) -> Iterator[Token]:
    """The nouns, in the order of the sentence, that name the other party of the reported ``clause``:
    the objects of a "with" under a head of dealing (PARTY_WITH_HEADS) or of "against"/"towards", in
    the clause, its open complements ("ready to work with") and its subject ("relations with")."""
    found, stack = [], [clause]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in NOT_WALKED:
                continue
            if child.dep_ == "prep" and (child.lower_ in PARTY_PREPOSITIONS or child.lower_ == "with"
                                         and {token.lemma_.lower(), token.lower_} & PARTY_WITH_HEADS):
                found += [g for g in child.children if g.dep_ == "pobj"]
            stack.append(child)
    return iter(sorted(found, key=lambda t: t.i))
