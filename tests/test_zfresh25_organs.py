"""The organ a state acts by (gazetteer.organ): the registry's own entry for that organ first, not another
body of the state whose name holds the organ's word (a junta's "Military Council for X" is not the armed
forces an army's act is coded to).  Entries of our own."""

from diplograph.loaders.extract.gazetteer import Entity, Gazetteer


def _gazetteer(*bodies: tuple[str, str]) -> Gazetteer:
    gaz = Gazetteer({})
    gaz.add(Entity("ruritania", "State", "Ruritania"))
    for entity_id, label in bodies:
        gaz.add(Entity(entity_id, "GovernmentBody", label, set(), attrs={"organ_of": "ruritania"}))
    return gaz


def test_the_armed_forces_are_the_registry_entry_not_a_military_council():
    gaz = _gazetteer(("supreme-military-council-for-renewal", "Supreme Military Council for Renewal"),
                     ("armed-forces-of-ruritania", "Armed Forces of Ruritania"))
    assert gaz.organ("ruritania", "military").id == "armed-forces-of-ruritania"


def test_without_an_entry_of_its_own_a_body_bearing_the_word_still_serves():
    gaz = _gazetteer(("ruritanian-military", "Ruritanian Military"))
    assert gaz.organ("ruritania", "military").id == "ruritanian-military"
