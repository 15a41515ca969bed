"""forces_as_named: only the forces of the coup's state become the body its soldiers named themselves."""

from diplograph.loaders.extract.events import Event
from diplograph.loaders.extract.self_named_forces import forces_as_named

FORCES = {"armed-forces-of-mali": "mali", "armed-forces-of-france": "france"}


def _events(*specs):
    return [Event(id=f"e{i}", type=t, agent=list(a), target=list(b)) for i, (t, a, b) in enumerate(specs)]


def test_the_coup_states_forces_become_the_named_body_elsewhere_too():
    events = forces_as_named(_events(("CoupAttempt", ["armed-forces-of-mali"], ["ana-ruiz"]),
                                     ("Statement", ["african-union"], ["armed-forces-of-mali"])),
                             "cnsp", FORCES.get)
    assert [e.agent for e in events] == [["cnsp"], ["african-union"]]
    assert events[1].target == ["cnsp"]


def test_another_states_forces_stay_theirs():
    events = forces_as_named(_events(("CoupAttempt", ["armed-forces-of-mali"], ["ana-ruiz"]),
                                     ("Arrest", ["armed-forces-of-france"], ["luis-vega"])),
                             "cnsp", FORCES.get)
    assert events[1].agent == ["armed-forces-of-france"]


def test_no_coup_renames_no_forces():
    events = forces_as_named(_events(("Arrest", ["armed-forces-of-mali"], ["ana-ruiz"])), "wagner-group", FORCES.get)
    assert events[0].agent == ["armed-forces-of-mali"]
