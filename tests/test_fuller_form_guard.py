"""fuller_forms._after_a_capitalised_word, fuller_form's cheap first test: the same answer as a scan of every
capitalised word of the text (whether one ends right before the label)."""

from __future__ import annotations

import re

import pytest
from diplograph.loaders.extract.fuller_forms import _after_a_capitalised_word

SCAN = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+ ")


@pytest.mark.parametrize("text,label", [
    ("State Counsellor Aung San Suu Kyi was detained. Suu Kyi denied it.", "Suu Kyi"),
    ("Suu Kyi spoke first; later the court heard Daw Suu Kyi.", "Suu Kyi"),
    ("Suu Kyi spoke; the court heard from suu Kyi and from Suu Kyi again.", "Suu Kyi"),
    ("The minister, Maria Lopez, said Lopez would stay. McMaria Lopez is another.", "Maria Lopez"),
    ("Nobody of that name is here.", "Ana Ruiz"),
])
def test_the_cheap_test_agrees_with_the_scan(text, label):
    assert _after_a_capitalised_word(text, label) == any(text.startswith(label, m.end()) for m in SCAN.finditer(text))
