"""article_mentions.ORGAN_OF_STATE: an organ's words ending a longer capitalised name ("the Democratic
National Congress of X", a party) give no organ of the state; "the Parliament of X" still does."""

from __future__ import annotations

import pytest
from test_persons_found import extractor


def organs_of(text: str, state: str) -> list[str]:
    return sorted(e.label for e in extractor(text).gaz.entities.values() if e.new and e.attrs.get("organ_of") == state)


@pytest.mark.parametrize("text", [
    ("Kenya expelled Rwanda's ambassador on Monday. The Democratic National Congress of Rwanda, an opposition party, "
    "condemned the expulsion."),
    "Members of the Patriotic Senate of Rwanda movement marched in Kigali on Sunday against the expulsion.",
])
def test_an_organ_word_ending_a_name_is_no_organ(text):
    assert organs_of(text, "rwanda") == [], organs_of(text, "rwanda")


def test_the_organ_of_a_state_is_still_found():
    assert organs_of("Kenya expelled Rwanda's ambassador on Monday. On Tuesday the Parliament of Rwanda condemned "
                     "the expulsion.", "rwanda") != []
