"""The gazetteer's name finder, compiled in two parts (the forms every article shares, once per
process; an article's own, per article), finds exactly what one alternation of all the forms,
longest first, finds: the same spans, left to right, without overlaps."""

from __future__ import annotations

import random
import re

from diplograph.loaders.extract.gazetteer import SurfaceFinder


def one_alternation(forms, text):
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w-])", text)]


def two_parts(shared, forms, text):
    return [(m.start(), m.end(), m.group(0)) for m in SurfaceFinder(frozenset(shared), frozenset(forms)).finditer(text)]


def test_longest_form_wins_across_the_two_parts():
    shared = {"Korea", "South Korea", "Ana", "Peru", "Lima"}
    forms = shared | {"South Korea Times", "Ana Ruiz", "Ana Ruiz Soto", "Peru-Lima"}
    text = ("Ana Ruiz Soto met Ana Ruiz and Ana in South Korea; the South Korea Times, Korea-wide, "
            "reported from Lima and from Peru-Lima, not Peruvian or Limaz.")
    assert two_parts(shared, forms, text) == one_alternation(forms, text)
    assert ("Ana Ruiz Soto" in [g for *_, g in two_parts(shared, forms, text)])


def test_random_forms_and_texts_agree():
    rng = random.Random(7)
    words = ["Al", "Bo", "Ca", "Al Bo", "Bo Ca", "Al Bo Ca", "Ca-Al", "Bo-", "Da"]
    for _ in range(200):
        shared = set(rng.sample(words, 4))
        forms = shared | set(rng.sample(words, 3))
        text = " ".join(rng.choice(words + ["x", ",", "Alb", "-"]) for _ in range(30))
        assert two_parts(shared, forms, text) == one_alternation(forms, text), (shared, forms, text)


def test_no_forms_find_nothing():
    assert two_parts(set(), set(), "Peru and Chile") == []


def test_a_window_and_a_match_agree_with_one_pattern():
    """An article's own forms are searched for plainly: inside a window (pos, endpos) and at one
    position they find what one compiled pattern of all the forms finds there."""
    from diplograph.loaders.extract.surface_finder import _longest_at_each_position

    rng = random.Random(11)
    words = ["Al", "Bo", "Ca", "Al Bo", "Bo Ca", "Al Bo Ca", "Ca-Al", "Bo-", "Da", "Éa", "a.b", "Al's"]
    for _ in range(300):
        shared = set(rng.sample(words, 4))
        forms = frozenset(shared | set(rng.sample(words, rng.randint(0, 6))))
        text = " ".join(rng.choice(words + ["x", ",", "Alb", "-", "_", "é"]) for _ in range(rng.randint(0, 25)))
        one, two = _longest_at_each_position(forms), SurfaceFinder(frozenset(shared), forms)
        pos = rng.randint(0, len(text))
        endpos = rng.randint(pos, len(text))
        expected, at = [], 0
        for m in one.finditer(text, pos, endpos):
            if m.start() >= at:
                expected.append((m.start(), m.end(1)))
                at = m.end(1)
        assert [(h.start(), h.end()) for h in two.finditer(text, pos, endpos)] == expected, (shared, forms, text)
        m, h = one.match(text, pos), two.match(text, pos)
        assert (h.end() if h else None) == (m.end(1) if m else None), (shared, forms, text, pos)
