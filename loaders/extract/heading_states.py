"""The state a person acts for, told by the heading of the line that introduces them.

A list of reactions heads each line with the state whose reaction it tells ("NICARAGUA — President
X broke off relations", "Ecuador: X recalled his ambassador"); the person who acts first on that line,
as the subject of its first clause, is that state's official, though no sentence says so.  Their
state then holds for the whole article, as a title's would (names.py): "X recalled his ambassador"
is that state's recall, and "his government" that state (mentions.py).

Tried and left out: a dateline as such a heading for the lead's first actor with an official's title
("MANAGUA, May 4 — President X broke off relations") cost the rules half 1 tp and 2 fp (wire copy
is filed from where the news is answered: "KYIV, ... — President Vladimir Putin signed decrees").

A leader's government first on the line ("VENEZUELA\nThe government of X withdrew its ambassador")
makes its leader that state's the same way.

Only a person whose state the article gives no other way gets one; a person acted on or merely named
on the line ("NICARAGUA — ... with X standing beside him") gets none.  Run once per article, after
the mentions and the titles' states (a mixin of ``pipeline._Extractor``).
"""

from __future__ import annotations

import re

from .gazetteer import STATE
from .heading_lines import heading_sections
from .speaker_sides import HEADING, OWN_LINE_HEADINGS
from .titled_officials import LEADERS_GOVERNMENTS

#: the dependency labels of the line's first actor: its subject, or (a heading the parser took for
#: the sentence's noun, "COLOMBIA — Foreign Minister X apologised") a name in apposition to the heading
ACTOR_LABELS = frozenset({"nsubj"})


def _leader_government(name):
    """The government a name owns ("The government of X withdrew ...", "X's government", "the X
    administration"), the line's actor in its leader's stead; else None."""
    head = name.head.head if name.dep_ == "pobj" and name.head.lower_ == "of" else name.head
    if name.dep_ in ("pobj", "poss", "compound") and head != name and head.lemma_.lower() in LEADERS_GOVERNMENTS:
        return head
    return None


class HeadingStates:
    """Persons' states from a list's line headings (a mixin of the extractor)."""

    def _persons_from_headings(self) -> None:
        for (h_start, h_end), line_start, line_end in self._headed_lines():
            state = self._heading_line_state(self.text[h_start:h_end])
            if state is None:
                continue
            first = next(iter(self._mentions_in(line_start, line_end)), None)
            if first is None or first.type != "Person" or not first.entity or first.kind not in ("name", "alias"):
                continue
            if first.entity in self.person_states or self.gaz.state_of(self.person_posts.get(first.entity)):
                continue  # the article gave their state already
            span = self.doc.char_span(first.start, first.end, alignment_mode="expand")
            if span is None:
                continue
            # (any word of the name: the parser may split "Nicolás | Maduro's government")
            root = next((g for t in span if (g := _leader_government(t)) is not None), span.root)
            if root.dep_ in ACTOR_LABELS or (root.dep_ == "appos" and h_start <= root.head.idx < h_end):
                self.person_states[first.entity] = state

    def _headed_lines(self):
        """(the heading's span, start, end of the text it heads on its line) for each line headed "X — "
        or "X: ", and for the first line below a heading on a line of its own (heading_lines.py)."""
        for line in re.finditer(r"[^\n]+", self.text):
            head = HEADING.match(self.text, line.start(), line.end())
            if head is not None:
                yield head.span(1), head.end(), line.end()
        if OWN_LINE_HEADINGS:
            for h_start, h_end, _ in heading_sections(self.text):
                below = re.compile(r"[^\n]+").search(self.text, self.text.find("\n", h_end) + 1)
                if below is not None:
                    yield (h_start, h_end), below.start(), below.end()

    def _heading_line_state(self, words: str) -> str | None:
        """The state a heading names ("NICARAGUA", "Brazil", "UNITED STATES"), or None (an organisation,
        a person, a date)."""
        words = words.strip()
        place = words.title() if words.isupper() else words
        state = self._place_state(place)
        entity = self.gaz.entities.get(state or "")
        return state if entity is not None and entity.type == STATE else None
