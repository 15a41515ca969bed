"""Verbs made with the prefix "re-" that the lemmatizer does not know: their lemma is the verb's own.

The rule lemmatizer knows "represent" and "return", but not "rearrested", "redetained" or
"reimprisoned": it strips an ending by its first rule ("rearreste") and no trigger fits.  A verb
whose form is unknown to the lemmatizer's tables, that is "re" (or "re-") and a verb the tables do
know, is that verb done again: its lemma is that verb's ("rearrested" → "arrest"), so every frame
reads it as its act.  Words of their own ("represented", "resigned", "reordered") are known to the
tables and left alone.  The component runs after the lemmatizer and reads the pipeline's own tables,
so any English pipeline with a rule lemmatizer works; others are left as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: the component's name in the pipeline
NAME = "diplograph_prefixed_verbs"
_PREFIXES = ("re-", "re")
_SHORTEST_STEM = 4    # "re" + a verb of at least four letters ("rearm", "redo" are words of their own)


class PrefixedVerbs:
    """The lemmatizer's verb tables: which forms it knows, its exceptions and its ending rules."""

    def __init__(self, index, exceptions, rules) -> None:
        self.index, self.exceptions, self.rules = index, exceptions, rules

    def lemma(self, form: str) -> str | None:
        """The lemma of a verb form the tables know (None: unknown)."""
        if form in self.exceptions:
            return self.exceptions[form][0]
        if form in self.index:
            return form
        for old, new in self.rules:
            if form.endswith(old) and (stem := form[: len(form) - len(old)] + new) in self.index:
                return stem
        return None

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lower = token.lower_
            if not lower.startswith("re") or not token.tag_.startswith("VB"):
                continue  # (the cheap test first: most tokens end here)
            if self.lemma(lower) is not None:
                continue  # a verb of its own ("represented", "returned")
            for prefix in _PREFIXES:
                rest = lower[len(prefix):]
                if lower.startswith(prefix) and len(rest) >= _SHORTEST_STEM and (verb := self.lemma(rest)):
                    token.lemma_ = verb
                    break
        return doc


def done_again(token) -> bool:
    """Whether a verb is one this component read as its verb done again ("rearrested": arrest, again):
    its form begins with the prefix, its lemma does not, and the form goes on with the lemma's stem."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if not token.tag_.startswith("VB") or lemma.startswith("re") or len(lemma) < _SHORTEST_STEM:
        return False
    # (the stem's first letters: "rearrested" goes on with "arre" of "arrest", "redetained" with "deta")
    return any(lower.startswith(prefix + lemma[:_SHORTEST_STEM]) for prefix in _PREFIXES)


def _tables(nlp: Language) -> PrefixedVerbs | None:
    """The component over the pipeline's rule lemmatizer's verb tables (None: no such tables)."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    try:
        index = set(lookups.get_table("lemma_index")["verb"])
        exceptions = dict(lookups.get_table("lemma_exc").get("verb", {}))
        rules = [tuple(r) for r in lookups.get_table("lemma_rules")["verb"]]
    except (AttributeError, KeyError):
        return None  # a lookup or trained lemmatizer: no tables to read
    return PrefixedVerbs(index, exceptions, rules)


def add_prefixed_verbs(nlp: Language) -> None:
    """Put the component after the pipeline's lemmatizer, if it has a rule lemmatizer with verb tables."""
    if "lemmatizer" not in nlp.pipe_names or NAME in nlp.pipe_names or _tables(nlp) is None:
        return
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME)(lambda nlp, name: _tables(nlp))
    nlp.add_pipe(NAME, after="lemmatizer")
