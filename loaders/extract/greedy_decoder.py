"""spaCy's transition-based components (the dependency parser, the entity recogniser) decoded with
Python's interpreter lock held: the same model, the same scores, the same moves, so the same parse.

Why: spaCy's compiled greedy loop (``Parser.greedy_parse``) lets go of the interpreter lock for the
whole parse, but the check of which moves are valid calls a helper of the parse state
(``StateC::B_``) that takes the lock back on every call — for the recogniser's 74 moves, dozens of
times per token.  Measured here, taking and dropping the lock was about 30% of the pipeline's CPU
time, more than the networks.  This loop takes one step of all the batch's documents at a time:
the features of each state are summed and scored by spaCy's own routines on the model's own
precomputed table (``ParserStepModel``), the output layer multiplies with BLIS as the compiled loop
does, and spaCy's ``transition_states`` checks and takes the best valid move — with the lock held,
taking it again costs nothing.  ``tests/test_parse.py`` compares the annotations with spaCy's own
loop; ``benchmarks/extract_speed.py`` measures.

Any other decoding (a beam, a model without an output layer, a GPU) is left to spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: the prefix of the stand-ins' names in the pipeline ("diplograph_parser", "diplograph_ner")
PREFIX = "diplograph_"
FACTORY = "diplograph_greedy_decoder"


class GreedyDecoder:
    """A pipeline component that runs a parser or entity recogniser (kept, disabled, in the
    pipeline) with the step loop of this module."""

    def __init__(self) -> None:
        self.component = None
        self.annotation = None   # the token attribute whose values are the component's labels

    def take(self, component) -> None:
        from spacy.pipeline import DependencyParser, EntityRecognizer

        self.component = component
        self.annotation = "ENT_TYPE" if isinstance(component, EntityRecognizer) else \
            "DEP" if isinstance(component, DependencyParser) else None

    def __call__(self, doc: Doc) -> Doc:
        self.component.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """The documents in batches, each batch parsed in one loop (spaCy's ``Parser.pipe`` cuts a
        batch into quarters: its compiled steps cost little, while each step here is a few numpy
        calls, so fewer steps of more states are faster; the parse of each document is the same)."""
        from spacy.util import minibatch

        component = self.component
        error_handler = component.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            try:
                component.set_annotations(batch, self.predict(batch))
                yield from batch
            except Exception as exc:  # noqa: BLE001 (spaCy's contract, as Parser.pipe: its error handler decides)
                error_handler(component.name, component, batch, exc)

    def predict(self, docs: list[Doc]):
        """The final parse states of ``docs``, as ``Parser.predict`` returns them."""
        import blis.py
        from thinc.api import NumpyOps, set_dropout_rate

        component = self.component
        model = component.model
        if not any(len(doc) for doc in docs):
            return component.moves.init_batch(docs)
        if (component.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper")
                or not isinstance(model.ops, NumpyOps) or self.annotation is None):
            return component.predict(docs)
        self._ensure_labels(docs)
        set_dropout_rate(model, 0.0)
        batch = component.moves.init_batch(docs)
        steps = model.predict(docs)   # the token vectors and the table of precomputed features
        weights = steps.vec2scores.get_param("W")
        bias = steps.vec2scores.get_param("b")
        unseen = steps._class_mask == 0
        some_unseen = bool(unseen.any())
        states = [state for state in batch if not state.is_final()]
        while states:
            hidden = steps.state2vec.predict(steps.get_token_ids(states))
            scores = blis.py.gemm(hidden, weights, trans2=True, beta=0.0)  # BLIS, as spaCy's loop
            scores += bias
            if some_unseen:   # an unseen class gets the lowest score, as in spaCy's loop
                scores[:, unseen] = scores.min()
            states = component.transition_states(states, scores)
        steps.clear_memory()
        return batch

    def _ensure_labels(self, docs: list[Doc]) -> None:
        """spaCy's label check before a parse (labels of annotation the documents already carry),
        without reading every token when they carry none."""
        from spacy.tokens import Doc

        if any(doc.has_annotation(self.annotation) for doc in docs):
            self.component._ensure_labels_are_added(docs)
        else:  # an empty document needs what a document without this annotation needs
            self.component._ensure_labels_are_added([Doc(self.component.vocab, words=[])])


def decode_holding_the_lock(nlp: Language) -> None:
    """Put a ``GreedyDecoder`` in the place of each enabled dependency parser and entity
    recogniser of ``nlp`` (the original stays, disabled, as the source of the model)."""
    from spacy.language import Language
    from spacy.pipeline import DependencyParser, EntityRecognizer

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY)(lambda nlp, name: GreedyDecoder())
    for name, component in list(nlp.pipeline):
        if type(component) in (DependencyParser, EntityRecognizer):
            nlp.add_pipe(FACTORY, name=PREFIX + name, after=name).take(component)
            nlp.disable_pipe(name)
