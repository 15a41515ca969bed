"""spaCy's attribute ruler (tag → part of speech and morphology, exceptions by word), run faster.

The ruler of the English pipelines holds ~180 rules, most of one token with plain values
(``{"TAG": "NNS"}``, ``{"LOWER": "got", "TAG": "VBD"}``); spaCy's ``Matcher`` tries each of them at
every token and the ruler then sets each match's attributes through a ``Span``, which cost a tenth
of the whole pipeline's time.  Here the plain one-token rules become dictionary look-ups over the
document's attribute arrays, the other rules (sets of values, several tokens) still go through a
``Matcher``, and every token gets the attributes of its rules in the ruler's own order — what the
ruler itself would set, token by token (``tests/test_parse.py`` compares the two on sentences).
The component reads its rules from the pipeline's ruler, so any pipeline's rules work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

#: the component's name in the pipeline
NAME = "diplograph_attribute_index"
#: token attributes a one-token rule may test, read in bulk with ``Doc.to_array``
_PLAIN = {"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX",
          "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_STOP"}


class AttributeIndex:
    """The rules of an ``AttributeRuler``: plain one-token rules indexed by their values, the rest
    in a ``Matcher``; applied in the ruler's order."""

    def __init__(self) -> None:
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.matcher = None
        #: per tuple of tested attributes: their values → the rules (ids) matching them
        self.plain: dict[tuple[str, ...], dict[tuple[int, ...], list[int]]] = {}
        #: one-token rules with sets of values: (rule, its tests)
        self.sets: list[tuple[int, list[tuple[str, str, object]]]] = []
        self.columns: dict[str, int] = {}    # attribute → its column in the document's array
        self.attr_ids: list[int] = []

    def take(self, ruler: AttributeRuler) -> None:
        """Index the rules of ``ruler``."""
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)       # per rule, its normalised attributes to set
        self.indices = list(ruler.indices)   # per rule, which token of a match gets them
        self.matcher = Matcher(self.vocab, validate=False)
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tests = self._one_token_tests(pattern)
                if tests is None:
                    self.matcher.add(str(rule), [pattern])
                    continue
                for name, _, _ in tests:
                    self.columns.setdefault(name, len(self.columns))
                if all(op == "==" for _, op, _ in tests):
                    names = tuple(sorted(name for name, _, _ in tests))
                    values = dict((name, value) for name, _, value in tests)
                    self.plain.setdefault(names, {}).setdefault(tuple(values[n] for n in names), []).append(rule)
                else:
                    self.sets.append((rule, tests))
        self.attr_ids = [IDS[name] for name in self.columns]

    def _one_token_tests(self, pattern: list) -> list[tuple[str, str, object]] | None:
        """A one-token rule's tests as (attribute, "==" | "IN" | "NOT_IN", value hash or set of
        hashes); None for any other rule (several tokens, other operators, other attributes)."""
        if not isinstance(pattern, list) or len(pattern) != 1 or not isinstance(pattern[0], dict) or not pattern[0]:
            return None
        tests = []
        for key, value in pattern[0].items():
            name = "ORTH" if key.upper() == "TEXT" else key.upper()
            if name not in _PLAIN or any(name == other for other, _, _ in tests):
                return None
            flag = name.startswith("IS_")
            if isinstance(value, (str, bool)) and flag == isinstance(value, bool):
                tests.append((name, "==", self._value(value)))
            elif isinstance(value, dict) and not flag and value and set(value) <= {"IN", "NOT_IN"} \
                    and all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()):
                tests += [(name, op, numpy.array(sorted({self._value(x) for x in v}), dtype=numpy.uint64))
                          for op, v in value.items()]
            else:
                return None
        return tests

    def _value(self, value: str | bool) -> int:
        return int(value) if isinstance(value, bool) else self.vocab.strings.add(value)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        rules: dict[int, list[int]] = {}      # token index → the rules that set its attributes
        if self.columns and len(doc):
            table = doc.to_array(self.attr_ids).reshape(len(doc), -1)
            for names, index in self.plain.items():
                picked = table[:, [self.columns[n] for n in names]].tolist()
                for i, values in enumerate(picked):
                    found = index.get(tuple(values))
                    if found:
                        rules.setdefault(i, []).extend(found)
            for rule, tests in self.sets:
                found = numpy.ones(len(doc), dtype=bool)
                for name, op, want in tests:
                    column = table[:, self.columns[name]]
                    found &= (column == want) if op == "==" else numpy.isin(column, want, invert=op == "NOT_IN")
                for i in numpy.flatnonzero(found).tolist():
                    rules.setdefault(i, []).append(rule)
        if self.matcher is not None and len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                index = self.indices[rule]
                span = range(start, end)
                if not -len(span) <= index < len(span):
                    raise ValueError(f"attribute rule {rule}: index {index} outside its match of {len(span)} tokens")
                rules.setdefault(span[index], []).append(rule)
        for i in sorted(rules):
            token = doc[i]
            for rule in sorted(rules[i]):  # the ruler's order: a later rule overrides an earlier one
                set_token_attrs(token, self.attrs[rule])
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def index_attribute_rules(nlp: Language) -> None:
    """Put an ``AttributeIndex`` of the pipeline's attribute ruler in its place (the ruler stays,
    disabled, as the source of the rules)."""
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    ruler = next((c for name, c in nlp.pipeline if isinstance(c, AttributeRuler) and name != NAME), None)
    if ruler is None:
        return
    if not Language.has_factory(NAME):
        Language.factory(NAME)(lambda nlp, name: AttributeIndex())
    name = next(n for n, c in nlp.pipeline if c is ruler)
    nlp.add_pipe(NAME, after=name).take(ruler)
    nlp.disable_pipe(name)
