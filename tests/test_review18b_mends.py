"""Mends of the second review of the eighteenth session: a chain of counted groups is read once per
look-back (not reread by every later group), and a headline's last word is not "a name before" an
organ that opens the next line."""
from diplograph.loaders.extract import person_groups
from diplograph.loaders.extract.article_mentions import _inside_a_name


def test_a_headlines_last_word_is_not_a_name_before_the_organ_on_the_next_line():
    text = "Ghana Protests\nForeign Ministry of Togo"
    assert not _inside_a_name(text, text.index("Foreign"))
    assert _inside_a_name("the Democratic National Congress", len("the Democratic National "))


def test_a_chain_of_counted_groups_reads_each_group_once(monkeypatch):
    from diplograph.loaders.extract.mentions import TokenMentions
    from diplograph.loaders.extract.parse import parse_many
    text = " ".join(["Police detained Ana Ruiz and Luis Vega on Monday."]
                    + ["The two men were questioned again." for _ in range(12)])
    doc = next(iter(parse_many([text])))
    index = TokenMentions(doc, [], lambda entity: None)
    calls = []
    real = person_groups.counted_persons

    def counting(*args, **kwargs):
        calls.append(args[1].i)
        return real(*args, **kwargs)

    monkeypatch.setattr(person_groups, "counted_persons", counting)
    last = [t for t in doc if t.lower_ == "men"][-1]
    person_groups.counted_persons(index, last, "person")
    # each earlier "the two men" within the look-back is read once, not once per path to it
    assert len(calls) == len(set(calls))
