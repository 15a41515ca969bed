"""A list line's label in capitals names its state: a wire factbox or a list of reactions may head
each line (after a bullet, if any) with the state it tells of in capitals ("* BOLIVIA - Cut ties
with ...", "SOUTH AFRICA: Recalled its diplomats ..."), which the gazetteer, reading names as they
are written, does not find.  Such a label is a mention of its state, so that the line's subjectless
verb (line_headings.py), its "its" and its official (heading_states.py) have an actor.

Only a label at a line's start, in capitals, of one to four words, closed by a dash or a colon and a
space, and naming a state as a whole is read: a dateline ("BOGOTÁ, Thursday") has a comma, a wire
slug ("FACTBOX-Colombia ...") no space, a city in capitals is no state.
"""

from __future__ import annotations

import re

from .gazetteer import STATE

#: a list line's label: an optional bullet, one to four words, a dash or a colon, a space
LINE_LABEL = re.compile(r"(?m)^[ \t]*(?:[-*•▪‣][ \t]+)?(?P<label>[^\W\d_][\w'’.&-]*(?:[ \t]+[^\W\d_][\w'’.&-]*){0,3})"
                        r"[ \t]*(?:[-—–]|:)[ \t]+")


def capitalised_labels(text: str) -> list[tuple[int, int, str]]:
    """The labels in capitals opening the lines of ``text``: (start, end, words)."""
    found = []
    for m in LINE_LABEL.finditer(text):
        words = m.group("label")
        if words.isupper() and not any(c.isdigit() for c in words):
            found.append((m.start("label"), m.end("label"), words))
    return found


def label_state(gaz, words: str) -> str | None:
    """The one state a label in capitals names by its name or alias ("SOUTH AFRICA", "UNITED
    STATES"), else None: not by a capital's name ("BOGOTÁ —" is a dateline) nor a demonym."""
    title = words.title()
    for surface in (title, re.sub(r"\b(?:Of|The|And|For)\b", lambda w: w.group(0).lower(), title)):
        found = {gaz.resolve(t).id for t, kind in gaz.surfaces.get(surface, ()) if kind in ("name", "alias")
                 and gaz.resolve(t).type == STATE}
        if found:
            return found.pop() if len(found) == 1 else None
    return None
