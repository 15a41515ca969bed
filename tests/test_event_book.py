"""The event book's ids and the test of which minted entities the events use (events.py), on made-up
events and entities."""

from types import SimpleNamespace

from diplograph.loaders.extract import events as events_module
from diplograph.loaders.extract import pipeline  # noqa: F401  (first: the extractor's modules import one another)
from diplograph.loaders.extract.events import Event, EventBook
from diplograph.loaders.extract.gazetteer import Entity


class _Book(EventBook):
    def __init__(self, events, tenures=(), entities=()) -> None:
        self.source_id, self.events, self.tenures = "test", list(events), list(tenures)
        self.gaz = SimpleNamespace(entities={e.id: e for e in entities})


def test_the_nth_act_with_the_same_parties_gets_n_and_each_candidate_id_is_made_once(monkeypatch):
    made, original = [], events_module.scoped_event_id

    def counting(*args):
        made.append(args)
        return original(*args)

    book = _Book([])
    first = book._mint("Expulsion", ["ruritania"], ["grand-fenwick"])
    book.events += [Event(first, "Expulsion", ["ruritania"], ["grand-fenwick"])] + [
        Event(f"other-{k}", "Statement", ["ruritania"], []) for k in range(20)]
    monkeypatch.setattr(events_module, "scoped_event_id", counting)
    second = book._mint("Expulsion", ["ruritania"], ["grand-fenwick"])
    assert second == first + "-2"
    assert len(made) == 2   # "-1" taken, "-2" free: two ids made, not one per event compared
    assert book._mint("Expulsion", ["grand-fenwick"], ["ruritania"]) != second   # other parties: no ordinal


def test_a_minted_entity_is_used_where_an_event_names_it_or_points_to_it_through_a_used_one():
    mission = Entity("embassy-of-ruritania-in-fenwick", "Embassy", "the Ruritanian embassy",
                     attrs={"sending_state": "ruritania-new"}, new=True)
    state = Entity("ruritania-new", "State", "Ruritania", new=True)
    idle = Entity("borduria-new", "State", "Borduria", new=True)
    listed = Entity("syldavia-new", "State", "Syldavia", new=True)
    book = _Book([Event("e1", "AsylumGrant", [mission.id], ["a-person"], {"also": [listed.id], "place": "x"})],
                 [{"tenure": {"holder": "a-minister", "post": "a-post"}}], [mission, state, idle, listed])
    used = book._used_test()
    assert used(mission.id) and used(listed.id) and used("a-person") and used("a-minister") and used("a-post")
    assert used(state.id)   # the state the used embassy belongs to
    assert not used(idle.id)   # named by no event, pointed to by nothing used
