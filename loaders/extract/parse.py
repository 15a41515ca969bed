"""The parse stage: one spaCy ``Doc`` per article (tagger, parser, lemmatiser, NER).

The pipeline is chosen by a setting, ``DIPLOGRAPH_SPACY_MODEL`` (default ``en_core_web_sm``, the
official English pipeline: ``python -m spacy download en_core_web_sm``); any installed spaCy 3.8
pipeline package with a parser works.  Another language (``DIPLOGRAPH_LANGUAGE``, see language.py)
parses with ``DIPLOGRAPH_SPACY_MODEL_<CODE>`` or the pipeline its language file names.  Without one,
:class:`PipelineMissing` says how to install it.  Pipelines are loaded once per process and kept; components the extractor does not use are
not loaded.  Parsing is deterministic (spaCy's CPU inference has no sampling).  For speed, the
networks multiply with numpy's BLAS on one thread, the attribute ruler's rules run as an index
(attribute_index.py), and the parser and entity recogniser take their steps with the interpreter
lock held (greedy_decoder.py); all give the same parse (``benchmarks/extract_speed.py`` measures).

>>> doc = parse("Bolivia expelled the consul.")   # doctest: +SKIP
>>> [(t.text, t.dep_) for t in doc][:2]           # doctest: +SKIP
[('Bolivia', 'nsubj'), ('expelled', 'ROOT')]
"""

from __future__ import annotations

import functools
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy takes ~0.5 s to import: only the commands that parse pay for it
    from spacy.language import Language
    from spacy.tokens import Doc

from ..dates import MONTHS  # the date grammar's month names and short forms
from .attribute_index import index_attribute_rules
from .greedy_decoder import decode_holding_the_lock
from .prefixed_verbs import add_prefixed_verbs

MODEL_ENV = "DIPLOGRAPH_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm"
#: what the extractor reads from a parse; everything else is left out when the pipeline loads
NEEDED = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner")  # morphologizer: other languages' tagger
#: characters per chunk handed to spaCy (its default max_length is 1,000,000; articles are far
#: smaller, and refusing larger input happens earlier, in ``text.py``)
MAX_CHARS = 1_000_000


class PipelineMissing(RuntimeError):
    """No usable spaCy pipeline: the message says how to install one."""


def model_name(language: str | None = None) -> str:
    """The pipeline for a language (default: ``DIPLOGRAPH_LANGUAGE``): ``DIPLOGRAPH_SPACY_MODEL`` for
    English, ``DIPLOGRAPH_SPACY_MODEL_ES`` etc. for others, else the one their language file names."""
    from .language import current_language, pipeline_name

    language = language or current_language()
    if language == "en":
        return os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    return os.environ.get(f"{MODEL_ENV}_{language.upper()}") or pipeline_name(language) or f"{language}_core_news_sm"


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the named pipeline with only the components the extractor uses."""
    name = name or model_name()
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise PipelineMissing(f"spaCy is not installed ({exc}); install diplograph with its dependencies") from exc
    try:
        with warnings.catch_warnings():
            # a pipeline trained for an older spaCy minor version loads with a warning (W095)
            warnings.simplefilter("ignore", UserWarning)
            nlp = spacy.load(name, exclude=[])
    except OSError as exc:
        raise PipelineMissing(
            f"the spaCy pipeline {name!r} is not installed (install it with "
            f"'python -m spacy download {name}', or set {MODEL_ENV} (or {MODEL_ENV}_<LANGUAGE>) to an installed pipeline package)"
        ) from exc
    unused = [c for c in nlp.pipe_names if c not in NEEDED]
    for component in unused:
        nlp.disable_pipe(component)
    if "parser" not in nlp.pipe_names:
        raise PipelineMissing(f"the spaCy pipeline {name!r} has no dependency parser (choose one with {MODEL_ENV})")
    _keep_whole(nlp)
    _register_paragraph_breaks()
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    _multiply_with_numpy(nlp)
    index_attribute_rules(nlp)
    add_prefixed_verbs(nlp)  # "rearrested": the lemma of the verb done again
    decode_holding_the_lock(nlp)
    return nlp


def _keep_whole(nlp: Language) -> None:
    """The hyphenated words the language's file says the tokenizer keeps whole ("re-established")."""
    from spacy.symbols import ORTH

    from .language import LanguageError, whole_words

    try:
        words = whole_words(nlp.lang)
    except LanguageError:
        return  # a pipeline of a language we hold no data for: its own tokenizer as it is
    for word in words:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def _multiply_with_numpy(nlp: Language) -> None:
    """Let the pipeline's networks multiply their matrices with numpy's BLAS instead of thinc's
    default, BLIS.  The results are the same matrices (the parses on the seed and development
    texts are identical, token by token), but BLIS picks a generic kernel on CPUs it does not know
    (measured here, an AMD EPYC: 5 GFLOP/s against numpy's 24), and the two token-to-vector
    networks (the shared one and the NER's own) spend most of their time in these products:
    with numpy the pipeline reads about a third more sentences per second."""
    from thinc.api import NumpyOps, get_current_ops

    if not isinstance(get_current_ops(), NumpyOps):
        return  # a GPU or another backend chosen by the user: leave it
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                if type(node.ops) is NumpyOps:
                    node.ops = ops
    try:  # one thread: parallel reading is `extract --jobs N`, and OpenBLAS's idle threads spin
        from threadpoolctl import (
            threadpool_limits,  # (measured: +12% CPU for the same work)
        )
    except ImportError:  # pragma: no cover - a dependency; without it only the CPU use differs
        return
    threadpool_limits(1, user_api="blas")


#: the component that starts a sentence after every blank line, before the parser runs
PARAGRAPH_BREAKS = "diplograph_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    """A blank line ends a sentence: the parser would otherwise hang a headline, a byline or a
    "Published:" line on the lead's first words ("… 27 August 2023 ⏎⏎ France broke off relations"
    made "France" a modifier of the date's noun phrase, and the lead lost its subject).  A single
    line break is no boundary: texts may be hard-wrapped inside a paragraph."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Doc) -> Doc:
        from spacy.attrs import IS_SPACE

        text = doc.text   # spaCy joins it anew on each access
        if len(doc) > 1:  # only the white-space tokens, found in one pass over the tokens' flags
            for i in doc.to_array([IS_SPACE])[:-1].nonzero()[0].tolist():
                space = doc[i].text
                if space.count("\n") >= 2 or ("\n" in space and (_LIST_LINE.match(text, doc[i + 1].idx)
                                                                   or (doc[i + 1].text[:1].isupper()
                                                                       and _heading_before(text, doc[i].idx)))):
                    doc[i + 1].is_sent_start = True
        lead = _after_dateline(text)
        if lead is not None:  # "LIMA, July 30, 2024 — Peru severed …": the place is no second subject
            span = doc.char_span(lead, lead + 1, alignment_mode="expand")
            if span is not None and span[0].i > 0:
                span[0].is_sent_start = True
        return doc


#: a line of a list opens a sentence after a single line break: an actor as its label ("Chile: recalled its
#: ambassador from Tel Aviv.", after "Reactions:"; "Chile — ..."), a bullet ("- Chile recalled ..."), or a
#: timeline's date ("1980: Relations ...", "June 7 — ..."; their dates are read by dating.py)
_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"  # the date grammar's
_LIST_LINE = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?::|\s+[—–])\s|[-*•▪‣]\s+[A-Z]"
                        rf"|(?:(?:1[89]|20)\d\d|{_MONTH} \d{{1,2}}(?:, (?:1[89]|20)\d\d)?"
                        rf"|\d{{1,2}} {_MONTH}(?: (?:1[89]|20)\d\d)?|{_MONTH} (?:1[89]|20)\d\d)\s*(?::|[-–—]+)\s")


#: a section heading on a line of its own: short, no closing punctuation, after a finished sentence or a
#: blank line ("The Chávez Case: A Flashpoint of Political Turmoil" ⏎ "Betssy Chávez, ..., sought refuge");
#: a digest or report may number it ("1. THE TAKEOVER", "2) Reactions", "IV. The vote")
HEADING_MAX = 70
_HEADING = re.compile(r"(?:\d{1,2}[.)][ \t]+)?[A-Z][^\n]*[\w)’'\"”]")   # ("IV. The vote" starts with a capital)


def _heading_before(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is a heading (a hard-wrapped line is long, or ends a sentence
    the line before left open)."""
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].rstrip()
    if not line or len(line) > HEADING_MAX or not _HEADING.fullmatch(line) or line[-1] in ".,;:!?-–—":
        return False
    k = start   # looked at backwards in place: copying the text before each short line would be quadratic
    while k and text[k - 1] in " \t":
        k -= 1
    if k == 0 or (k >= 2 and text[k - 2:k] == "\n\n"):
        return True
    while k and text[k - 1].isspace():
        k -= 1
    return k == 0 or text[k - 1] in '.!?”"'


#: what ends a dateline after its date: an agency in brackets and a dash, or the end of its line
_DATELINE_END = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:[-–—]+|\n)\s*")


#: a dateline of a place alone at the start of a line: its name in capitals, its region or state after a comma
#: (which the parser reads as a conjunct of the lead's subject), an agency in brackets, a dash ("GJAKOVA, Kosovo
#: (Reuters) - ..."; a city alone, "MOSCOW — ...", the parser reads as it should, line_labels.dateline_subject)
_PLACE_DATELINE = re.compile(r"[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*,(?: [A-Z][\w'’.-]*)+"
                             r"\s*(?:\([^)]{0,30}\)\s*)?[-–—]+[ \t]*(?=[^\s—–-])")
#: or its day without the year, as wire copy writes it ("GABORONE, Feb 21 (Reuters) -"): read with the lead,
#: the day dated the lead's act, which tells its own ("said on Thursday")
_MONTH_WORD = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_DAY_DATELINE = re.compile(rf"[A-Z][A-Z'’.-]{{2,}}(?: [A-Z][A-Z'’.-]+)*,\s+(?:(?:{_MONTH_WORD})\.? \d{{1,2}}|\d{{1,2}} (?:{_MONTH_WORD})\.?)"
                           r"\s*(?:\([^)]{0,30}\)\s*)?[-–—]+[ \t]*(?=[^\s—–-])")


def _after_dateline(text: str) -> int | None:
    """Where the lead starts after a dateline: a dated one (text.py finds it), or one of a place alone at the
    start of one of the first lines (the parser reads an undated "GJAKOVA, Serbia (Reuters) - Peru expelled
    ..." as one clause, the state a conjunct of the subject's), else None."""
    from .text import dateline

    found = dateline(text)
    if found is None:
        return _after_place_dateline(text)
    end = _DATELINE_END.match(text, found[2])
    if end is None or end.end() >= len(text) or text[end.end()].isspace():
        return None
    return end.end()


def _after_place_dateline(text: str) -> int | None:
    """Where the lead starts after an undated dateline of a place opening one of the first lines."""
    from .text import opening_lines

    for offset, line in opening_lines(text):
        start, end = offset + len(line) - len(line.lstrip()), offset + len(line)
        found = _PLACE_DATELINE.match(text, start, end) or _DAY_DATELINE.match(text, start, end)
        if found is not None:
            return found.end()
    return None


def parse(text: str, *, language: str | None = None) -> Doc:
    """One article's text as a spaCy ``Doc`` (character offsets are the text's own)."""
    return load_pipeline(model_name(language))(text)


def parse_many(texts: Iterable[str], *, language: str | None = None, batch_size: int = 8) -> Iterator[Doc]:
    """Parse many articles in one stream (``nlp.pipe``), in order."""
    yield from load_pipeline(model_name(language)).pipe(texts, batch_size=batch_size)
