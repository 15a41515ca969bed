"""An organisation's acronym spelled as a pronoun: "WHO" (the World Health Organization) in running text is
tagged the pronoun "who" by the small pipeline, so no rule reads it as a name (a speaker, an actor).  Retagged
as the proper noun it is, wherever its sentence is not written in capitals ("WHO WILL PAY?": a headline's
pronoun)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tree import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: acronyms of organisations spelled as an English pronoun
ACRONYMS_SPELLED_AS_PRONOUNS = frozenset({"WHO"})


def repair_acronym_pronouns(doc: Doc) -> None:
    """Each such acronym the tagger made a pronoun, in a sentence with lower-case words, made a name."""
    text = doc_text(doc)
    if not any(acronym in text for acronym in ACRONYMS_SPELLED_AS_PRONOUNS):
        return   # (most articles: none of them written anywhere)
    for token in doc:
        if token.text in ACRONYMS_SPELLED_AS_PRONOUNS and token.pos_ == "PRON" and _in_running_text(token):
            token.pos_, token.tag_, token.lemma_ = "PROPN", "NNP", token.text


def _in_running_text(token: Token) -> bool:
    """Whether another word of the token's sentence has a lower-case letter (not a line in capitals)."""
    return any(t.i != token.i and t.is_alpha and not t.is_upper for t in token.sent)
