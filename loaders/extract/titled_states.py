"""States named by a title of their own: "the Turkish Republic of Northern Cyprus", "the Donetsk
People's Republic", "the Transnistrian Moldovan Republic", "the Republic of Northland".  A
breakaway region or a newly declared state is rarely in the registry, and its title is made of
words that name other states ("Turkish", "Cyprus", "Moldovan"): read word by word, the title would
be taken for those states.  A capitalised run holding a state-title word (republic, kingdom,
emirate...) is one name; where it is more than a known state's name with title words around it
("the Republic of Chile", "the French Republic", "the Islamic Republic of Iran" stay those states),
it is minted as a State of its own, with its short forms as aliases ("Northern Cyprus" for "the
Turkish Republic of Northern Cyprus", its initials "TRNC"), so that a reviewer's entry under any of
them is the same entity.

Run over the article's mentions once, before any event is coded: a title word is rare, and only
its noun phrase is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import tree
from .gazetteer import STATE, Entity, Gazetteer, Mention, slug
from .newnames import NOT_PERSON_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the head words of a state's title
TITLE_WORDS = frozenset({"republic", "kingdom", "emirate", "sultanate", "principality", "caliphate"})
#: words of other kinds of names that hold a title word ("Republic Square", "the Kingdom Tower")
NOT_STATE_WORDS = (NOT_PERSON_WORDS - TITLE_WORDS - {"state", "union"}) | frozenset({
    "day", "tower", "hotel", "guard", "stadium", "palace", "avenue", "bridge", "hall", "road", "plaza", "park"})
#: words a state's title adds to its name without naming another state
TITLE_FILLERS = TITLE_WORDS | frozenset({"people", "people's", "peoples", "democratic", "federal", "islamic", "united",
                                         "socialist", "arab", "popular", "hashemite", "bolivarian", "plurinational",
                                         "oriental", "cooperative", "independent", "free", "sovereign", "the", "of",
                                         "'s", "’s", "and", "-"})
#: words that join the capitalised words of one title
JOINERS = frozenset({"of", "the", "'s", "’s", "-"})
#: dependency labels that end the noun phrase of the title (what follows describes it)
PHRASE_ENDS = frozenset({"relcl", "acl", "appos"})
#: the links from a word of a title up to the head of its noun phrase ("Cyprus" → "of" → "Republic"; a
#: title the parser hung as a modifier of the next: "the A People's Republic and B People's Republic")
CLIMB = frozenset({"pobj", "prep", "compound", "nmod"})


def _runs(head: Token) -> list[list[Token]]:
    """The capitalised runs of ``head``'s noun phrase (cut at a comma, a bracket or a clause that
    describes it), joiners kept only between capitalised words."""
    doc, runs, run = head.doc, [], []
    stop = head.right_edge.i
    for t in doc[head.left_edge.i: stop + 1]:
        if t.text in (",", "(", ";", ":", "—", "–") or (t.dep_ in PHRASE_ENDS and t.head.i >= head.i):
            break
        capital = t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN", "VERB") and t.i > t.sent.start
        if capital or (run and t.lower_ in JOINERS):
            run.append(t)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    out = []
    for run in runs:
        while run and run[-1].lower_ in JOINERS:
            run = run[:-1]
        # "the Foreign Minister of the Republic of Ghana", "the Embassy of the Kingdom of Spain": what
        # stands before an "of" ahead of the title word is an office of the state, not its title
        first = next((n for n, t in enumerate(run) if t.lower_ in TITLE_WORDS), None)
        if first is None:
            continue
        before = [n for n in range(first) if run[n].lower_ == "of"]
        if before:
            run = run[before[-1] + 1:]
        while run and run[0].lower_ == "the":
            run = run[1:]
        if run:
            out.append(run)
    return out


def _text(doc, words: list[Token]) -> str:
    return doc[words[0].i: words[-1].i + 1].text if words else ""


class TitledStates:
    """Titled states the registry lacks, as mentions of their own (a mixin of the extractor; run
    after the mentions are found, before any event is coded)."""

    def _titled_states(self) -> None:
        found: list[Mention] = []
        for token in tree.tokens(self.doc):
            if token.lower_ not in TITLE_WORDS or not token.text[:1].isupper() or token.i == token.sent.start:
                continue
            for run in _runs(_top(token)):
                if token not in run or any(m.start == run[0].idx for m in found) or not self._new_title(run):
                    continue
                label = _text(self.doc, run)
                entity = self.gaz.add(Entity(slug(label), STATE, label, {label} | short_forms(run)))
                found.append(Mention(run[0].idx, run[-1].idx + len(run[-1].text), entity.id, STATE, label, "name"))
        # its short forms wherever the article uses them ("Northern Cyprus", "the TRNC"): a handful of
        # names, each looked for once in the text
        for entity_id, forms in {m.entity: self.gaz.entities[m.entity].aliases - {m.surface} for m in found}.items():
            for form in sorted(forms, key=lambda f: (-len(f), f)):   # (the longest first: it keeps its words)
                for hit in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", self.text):
                    if not any(f.start <= hit.start() < f.end for f in found):
                        found.append(Mention(hit.start(), hit.end(), entity_id, STATE, form, "alias"))
        if found:
            kept = [m for m in self.mentions if not any(f.start < m.end and m.start < f.end for f in found)]
            self.mentions = sorted(kept + found, key=lambda m: (m.start, -(m.end - m.start)))

    def _a_state(self, surface: str) -> str | None:
        for target, _kind in self.gaz.surfaces.get(surface, []):
            entity = self.gaz.entities.get(target)
            if target.startswith("state:") or (entity is not None and entity.type == STATE):
                return target
        return None

    def _new_title(self, run: list[Token]) -> bool:
        """More than a known state's name with title words around it, and no word of another kind
        of name ("Republic Square", "the Kingdom Tower")."""
        doc = run[0].doc
        if _text(doc, run) in self.gaz.surfaces or any(t.lower_ in NOT_STATE_WORDS for t in run) \
                or all(t.lower_ in TITLE_FILLERS for t in run):
            return False
        parts, part = [], []
        for t in run + [None]:
            if t is None or t.lower_ in TITLE_FILLERS:
                if part:
                    parts.append(_text(doc, part))
                part = []
            else:
                part.append(t)
        states = {self._a_state(p) for p in parts}
        return None in states or len(states) > 1


class TitledMinter:
    """A frame's minter (newnames.minter) that also gives, for a role's head, every titled state of
    its noun phrase the article pass minted (``titled``): "recognised the A People's Republic and B
    People's Republic", which the parser may hang one on the other rather than coordinate."""

    def __init__(self, gaz: Gazetteer, mint: Callable) -> None:
        self.gaz, self._mint = gaz, mint

    def __call__(self, token: Token, types: tuple[str, ...] | None = None):
        return self._mint(token, types)

    def titled(self, head: Token) -> list[tuple[str, Mention]]:
        out: list[tuple[str, Mention]] = []
        top = _top(head)
        for run in _runs(top):
            if top != head and head not in run:
                continue
            label = _text(head.doc, run)
            entity = self.gaz.entities.get(slug(label))
            if entity is not None and entity.new and entity.type == STATE and entity.id not in {o[0] for o in out}:
                span = (run[0].idx, run[-1].idx + len(run[-1].text))
                out.append((entity.id, Mention(*span, entity.id, STATE, label, "name")))
        return out


def _top(token: Token) -> Token:
    """The head of the noun phrase ``token`` is a word of."""
    while token.dep_ in CLIMB and token.head.i != token.i and token.head.pos_ in ("PROPN", "NOUN", "ADP"):
        token = token.head
    return token


def short_forms(run: list[Token]) -> set[str]:
    """The forms a titled state goes by: the name its "of" introduces ("Northern Cyprus"), the one
    proper name before a bare title ("Northland" of "the Northland Republic"), and its initials
    where the title has three capitalised words or more ("TRNC", "DPR")."""
    doc = run[0].doc
    out = set()
    ofs = [n for n, t in enumerate(run) if t.lower_ == "of"]
    if ofs:
        tail = run[ofs[-1] + 1:]
        while tail and tail[0].lower_ == "the":
            tail = tail[1:]
        if tail and all(t.lower_ not in TITLE_WORDS for t in tail):
            out.add(_text(doc, tail))
    elif run[-1].lower_ in TITLE_WORDS and len(run) == 2 and run[0].pos_ == "PROPN":
        out.add(run[0].text)
    initials = [t.text[0] for t in run if t.text[:1].isupper()]
    if len(initials) >= 3:
        out.add("".join(initials))
    return out
