"""forces_as_named: only the forces of the coup's state become the body its soldiers named themselves."""

from diplograph.loaders.extract.events import Event
from diplograph.loaders.extract.self_named_forces import forces_as_named

FORCES = {"armed-forces-of-mali": "mali", "armed-forces-of-france": "france"}


def _events(*specs):
    return [Event(id=f"e{i}", type=t, agent=list(a), target=list(b), fields=dict(f[0]) if f else {})
            for i, (t, a, b, *f) in enumerate(specs)]


def test_the_coup_states_forces_become_the_named_body_elsewhere_too():
    events = forces_as_named(_events(("CoupAttempt", ["armed-forces-of-mali"], ["ana-ruiz"]),
                                     ("Statement", ["african-union"], ["armed-forces-of-mali"])),
                             ("cnsp", 0), FORCES.get)
    assert [e.agent for e in events] == [["cnsp"], ["african-union"]]
    assert events[1].target == ["cnsp"]


def test_another_states_forces_stay_theirs():
    events = forces_as_named(_events(("CoupAttempt", ["armed-forces-of-mali"], ["ana-ruiz"]),
                                     ("Arrest", ["armed-forces-of-france"], ["luis-vega"])),
                             ("cnsp", 0), FORCES.get)
    assert events[1].agent == ["armed-forces-of-france"]


def test_no_coup_renames_no_forces():
    events = forces_as_named(_events(("Arrest", ["armed-forces-of-mali"], ["ana-ruiz"])), ("wagner-group", 0), FORCES.get)
    assert events[0].agent == ["armed-forces-of-mali"]


def test_the_forces_of_an_act_of_another_year_stay_theirs():
    """"In 1984 the army deposed X", told in a story of 2005 whose soldiers named themselves a council:
    that council staged no coup of 1984 (a coup of the naming's year, or undated, is still its own)."""
    events = forces_as_named(_events(("CoupAttempt", ["armed-forces-of-mali"], ["ana-ruiz"], {"date": {"value": "2005-08-03"}}),
                                     ("CoupAttempt", ["armed-forces-of-mali"], ["luis-vega"], {"date": {"value": "1984-12"}}),
                                     ("CoupAttempt", ["armed-forces-of-mali"], ["rosa-mamani"])),
                             ("cmjd", 120), FORCES.get, lambda at: "2005" if at == 120 else None)
    assert [e.agent for e in events] == [["cmjd"], ["armed-forces-of-mali"], ["cmjd"]]
