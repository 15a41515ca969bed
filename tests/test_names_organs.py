"""An institution's noun after a capitalised word names an organ ("the Border Guard", "the Foreign
Office"), not a person, unless a known first name comes before it and no "the" ("Thomas Service")."""

from diplograph.loaders.extract.names import _names_an_organ


def test_organ_noun_after_a_plain_word_names_an_organ():
    assert _names_an_organ(["Border", "Guard"])
    assert _names_an_organ(["Foreign", "Office"])


def test_first_name_before_the_noun_is_a_person():
    assert not _names_an_organ(["Thomas", "Service"])
    assert not _names_an_organ(["Anna", "Court"])


def test_the_before_a_first_name_keeps_the_organ():
    assert _names_an_organ(["Maria", "Police"], after_the=True)
    assert not _names_an_organ(["Maria", "Police"])


def test_named_seats_stay_organs_whatever_comes_first():
    assert _names_an_organ(["State", "Department"])
