"""Dates per event (loaders/extract/dating.py), on sentences of our own: clause, sentence, story time."""

from __future__ import annotations

import pytest
from diplograph.loaders.dates import find_date_phrases, resolve
from diplograph.loaders.extract.dating import StoryTimeline
from diplograph.loaders.extract.parse import parse


def dates(text: str, published: str | None, *words: str) -> list[dict | None]:
    """The date of the event each word triggers (its first occurrence in the text)."""
    doc = parse(text)
    timeline = StoryTimeline.from_doc(doc, published)
    out = []
    for word in words:
        token = next(t for t in doc if t.text == word)
        out.append(timeline.date_for(token))
    return out


def values(text: str, published: str | None, *words: str) -> list[str | None]:
    return [d.get("value") if d else None for d in dates(text, published, *words)]


CASES = [
    # (text, published, trigger words, expected values)
    ("Bolivia expelled the Mexican ambassador on Monday, November 3, 2025.", None, ["expelled"], ["2025-11-03"]),
    ("Ecuador granted Assange asylum on 16 August 2012.", "2019-04-12", ["granted"], ["2012-08-16"]),
    ("Peru recalled its ambassador in December 2022.", "2025-11-10", ["recalled"], ["2022-12"]),
    ("Honduras broke off relations with Taiwan in 2023.", "2025-11-10", ["broke"], ["2023"]),
    ("Peru declared the envoy persona non grata in late 2023.", "2025-11-10", ["declared"], ["2023"]),
    # the codebook's example: "last Friday" in an article of Friday 7 March 2025
    ("Chile expelled two Russian diplomats last Friday.", "2025-03-07", ["expelled"], ["2025-02-28"]),
    ("Chile expelled two Russian diplomats on Friday.", "2025-03-07", ["expelled"], ["2025-03-07"]),
    ("Mexico granted her asylum last December.", "2023-03-10", ["granted"], ["2022-12"]),
    # a weekday against the story's time, not the publication date
    ("On 3 June 2025, police surrounded the embassy. Late that Tuesday, they arrested the former minister.",
     "2025-06-20", ["surrounded", "arrested"], ["2025-06-03", "2025-06-03"]),
    ("On Monday, June 2, 2025, Peru recalled its ambassador. On Wednesday, it expelled the chargé d'affaires.",
     None, ["recalled", "expelled"], ["2025-06-02", "2025-06-04"]),
    ("Peru expelled the ambassador on Thursday. Two days later, Mexico recalled its envoy.",
     "2025-11-08", ["expelled", "recalled"], ["2025-11-06", "2025-11-08"]),
    ("On October 29, the ministry summoned the envoy. The next day, Lima expelled him.",
     "2021-11-02", ["summoned", "expelled"], ["2021-10-29", "2021-10-30"]),
    ("Congress removed the president on December 7, 2022. Later that day, police arrested him.",
     "2025-11-10", ["removed", "arrested"], ["2022-12-07", "2022-12-07"]),
    ("Police detained the opposition leader yesterday.", "2024-04-06", ["detained"], ["2024-04-05"]),
    ("Venezuela broke relations with Peru last month.", "2024-08-15", ["broke"], ["2024-07"]),
    # a day without its year takes the story's year
    ("Mexico granted asylum on December 18.", "2025-01-10", ["granted"], ["2024-12-18"]),
    # a background paragraph with an older year does not date today's news
    ("In 2012, Ecuador granted Assange asylum.\nOn Thursday, British police arrested him.",
     "2019-04-12", ["granted", "arrested"], ["2012", "2019-04-11"]),
    # a date in a relative clause belongs to that clause's act
    ("Ecuador, which granted Assange asylum in August 2012, withdrew it on Thursday.",
     "2019-04-12", ["granted", "withdrew"], ["2012-08", "2019-04-11"]),
    # an act in a past-perfect relative clause on a person is before the main clause's time, not on it
    ("The Swedish ambassador, who had been declared persona non grata by Iraq, left Baghdad on Sunday.",
     "2025-11-07", ["declared", "left"], [None, "2025-11-02"]),
    ("On Friday the junta freed the general Ali Moussa, whom a military court had sentenced to ten years.",
     "2025-11-07", ["sentenced", "freed"], [None, "2025-11-07"]),
    # (a simple past, a date of its own, or a remark the main clause reports keep theirs)
    ("Ms Ortiz, who was detained by police in March, was released on Friday.",
     "2025-11-07", ["detained", "released"], ["2025-03", "2025-11-07"]),
    ("The minister told lawmakers on Wednesday that the diplomats, whom she described as spies, had a week to go.",
     "2025-11-07", ["described"], ["2025-11-05"]),
    # an act measured from a clause with a date of its own is counted from that date ("a day after X on Saturday")
    ("Peru recalled its ambassador from Mexico City a day after Mexico granted asylum to the former premier on Saturday.",
     "2025-06-10", ["recalled"], ["2025-06-08"]),
    ("Two days before the summit opened on Monday, Chad expelled the French ambassador.",
     "2025-06-10", ["expelled"], ["2025-06-07"]),
    # a verb coordinated in a measured "after" clause is counted from the main clause too
    ("Crowds gathered outside the Spanish embassy on Friday, two days after the opposition leader crossed the city in disguise and sought refuge there.",
     "2025-05-16", ["sought"], ["2025-05-14"]),
    # a fronted date frames the whole sentence, whatever clause the parser hangs it on
    ("In March 2019, after the regime closed the border, Colombia expelled the consul and recalled its envoy.",
     "2024-01-10", ["expelled"], ["2019-03"]),
    # across paragraphs, "hours later" counts from the story's frame, not a background detail
    (("On Monday, the prime minister accused the government of the killing. The victim, an activist, "
     "was shot dead outside a temple on June 18.\nHours later, Canada expelled a senior diplomat."),
     "2023-09-19", ["accused", "expelled"], ["2023-09-18", "2023-09-18"]),
    # an act in a clause of another time, counted from the main clause by the measure given
    ("On Tuesday, Chile ordered a Peruvian attaché to leave, a day after Peru expelled a Chilean consul.",
     "2025-06-12", ["ordered", "expelled"], ["2025-06-10", "2025-06-09"]),
    ("The activist left the embassy on Wednesday, six days after he sought refuge there.",
     "2025-06-12", ["left", "sought"], ["2025-06-11", "2025-06-05"]),
    # the measure hung on the verb above
    (("On Tuesday, Chile ordered a Peruvian attaché to leave, hitting back a day after Peru expelled a Chilean "
     "consul."), "2025-06-12", ["ordered", "expelled"], ["2025-06-10", "2025-06-09"]),
    # ... and without a measure, the sentence's date is the nearest the text gives
    ("The envoy arrived in Madrid on Sunday after the government let him leave the country.",
     "2025-06-12", ["arrived", "let"], ["2025-06-08", "2025-06-08"]),
    # a date of another act's clause ("since ...") neither dates the event nor moves the story
    (("Bolivia broke off relations with Israel, the first state to act since the war began on October 7.\n"
     "Chile recalled its ambassador."), "2023-11-01", ["broke", "recalled"], [None, None]),
    # (alike where the parser makes "since ... began" the root the event hangs under)
    (("Somalia has broken off diplomatic relations with Kenya, the first state in the region to do so since "
     "the talks began on March 2, while Ethiopia called its ambassador home."), "2023-11-01", ["broken", "called"],
     [None, None]),
    # an opening participle's date is its sentence's
    ("Speaking in Lima on Tuesday, the minister said Peru would expel the envoy.", "2025-06-12", ["said"], ["2025-06-10"]),
    # a year that names a thing ("the 1967 borders") is no event's date
    ("Spain recognized a Palestinian state within the 1967 borders.", "2024-05-29", ["recognized"], [None]),
    # ... and so is one named with "of" ("the borders of 1967", "the war of 1971")
    ("Spain recognized Palestine within the borders of 1967.", "2024-05-29", ["recognized"], [None]),
    ("Mexico granted him asylum, citing the 1954 Caracas Convention, and asked Ecuador for a safe conduct.",
     "2024-04-10", ["granted", "asked"], [None, None]),
    # "within a day" is the day after; "the same day" then that day
    (("On Tuesday, protesters stormed the embassy. London answered within a day. "
     "France and Germany recalled their ambassadors the same day."), "2011-12-03", ["stormed", "recalled"],
     ["2011-11-29", "2011-11-30"]),
    # "the next day" with no day told before: not the day after publication
    ("The next day, Peru expelled the envoy.", "2025-06-12", ["expelled"], [None]),
    # a date the parser hangs on a place or a predicate noun dates the verb
    ("Britain recalled its ambassador from Tehran on Monday.", "2025-06-12", ["recalled"], ["2025-06-09"]),
    # no date in the text: no date
    ("Bolivia expelled the ambassador of Chile and recalled its own envoy.", "2025-11-10", ["expelled", "recalled"], [None, None]),
]


@pytest.mark.parametrize("text,published,words,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_event_dates(text, published, words, expected):
    assert values(text, published, *words) == expected


def test_the_phrase_is_the_texts_words_and_precision_is_kept():
    text = "Argentina recalled its ambassador in November. The foreign ministry expelled the consul on 4 March 2024."
    month, day = dates(text, "2024-12-02", "recalled", "expelled")
    assert month["phrase"] == "in November" and month["value"] == "2024-11"
    assert day == {"phrase": "on 4 March 2024", "value": "2024-03-04"}
    assert all(d["phrase"] in text for d in (month, day))


def test_relative_dates_say_what_they_were_counted_from():
    (date,) = dates("Peru expelled the ambassador on Tuesday.", "2025-11-06", "expelled")
    assert date["value"] == "2025-11-04" and "publication date" in date["basis"]


def test_an_unresolvable_weekday_keeps_its_words():
    (date,) = dates("Peru expelled the ambassador on Tuesday.", None, "expelled")
    assert date == {"phrase": "on Tuesday"}


def test_the_dateline_is_the_story_time():
    text = ("LIMA, November 5, 2025 (Wire) - Peru expelled the Mexican chargé d'affaires on Monday, "
            "the foreign ministry said.")
    assert values(text, "2025-11-20", "expelled") == ["2025-11-03"]


def test_an_undated_sentence_takes_the_time_the_story_is_at():
    text = ("On 3 June 2025, police surrounded the embassy. They detained the former minister inside.\n"
            "Mexico broke off relations with Ecuador.")
    detained, broke = dates(text, "2025-06-20", "detained", "broke")
    assert detained["value"] == "2025-06-03" and detained["phrase"] == "On 3 June 2025"
    assert "earlier in the paragraph" in detained["basis"]
    # a new paragraph with no date of its own: still where the story is, and the basis says so
    assert broke["value"] == "2025-06-03" and "in an earlier paragraph" in broke["basis"]
    doc = parse(text)
    strict = StoryTimeline.from_doc(doc, "2025-06-20", inherit=False)
    assert strict.date_for(next(t for t in doc if t.text == "detained")) is None


def test_date_phrases_are_found_in_running_text():
    text = "Peru may break relations; on March 3 it said so, two days later it did, and in 2019 it had not."
    assert [text[a:b] for a, b in find_date_phrases(text)] == ["on March 3", "two days later", "in 2019"]


@pytest.mark.parametrize("phrase,reference,narrative,expected", [
    ("the day before", "2025-06-03", True, "2025-06-02"),
    ("a week later", "2025-06-03", True, "2025-06-10"),
    ("that night", "2025-06-03", True, "2025-06-03"),
    ("later that year", "2012-06", True, "2012"),
    ("the following year", "2012", True, "2013"),
    ("that August", "2012-06-19", True, "2012-08"),
    ("last May", "2019-01-23", True, "2018-05"),     # "last" is before the story's time, as before a publication date
    ("three years ago", "2025-06-03", False, "2022"),
    ("that day", "2025-06", True, None),          # a day of a month only: unknown
    ("the following Friday", "2025-06-03", True, "2025-06-06"),
    ("on Friday", "2025-06-03", False, "2025-05-30"),
    # days of "that year" and anniversaries
    ("on 19 October of the following year", "2011-02-08", True, "2012-10-19"),
    ("In March of that year", "1995", True, "1995-03"),
    ("on May 2 of the same year", "2001-01-30", True, "2001-05-02"),
    ("Forty years ago today", "2024-06-14", False, "1984-06-14"),
    ("twenty-five years ago today", "2024-02-29", False, "1999-02-28"),
    # a year told from the time of writing: "of this year", "of last year", "of next year"
    ("in September of this year", "2024-05-02", False, "2024-09"),
    ("in March of last year", "2024-05-02", False, "2023-03"),
    ("on 3 May of last year", "2024-05-02", False, "2023-05-03"),
    ("late January of next year", "2024-05-02", False, "2025-01"),
    ("on 3 May of that year", "1995", True, "1995-05-03"),
])
def test_relative_phrases(phrase, reference, narrative, expected):
    assert resolve(phrase, reference, narrative=narrative).value == expected


def test_before_any_date_is_told_the_story_is_at_its_dateline():
    text = ("QUITO, April 6, 2024 (Wire) - Mexico has broken off diplomatic relations with Ecuador.\n"
            "Police had stormed another embassy last year.")
    broke, stormed = dates(text, "2024-04-07", "broken", "stormed")
    assert broke == {"phrase": "April 6, 2024", "value": "2024-04-06",
                     "basis": "the story's time, given by the dateline: no date told before"}
    assert stormed["value"] == "2023"


def test_without_a_dateline_the_publication_date_alone_dates_nothing():
    assert dates("Mexico has broken off diplomatic relations with Ecuador.", "2024-04-07", "broken") == [None]


def test_states_that_follow_an_act_take_their_own_time():
    from diplograph.graph.settings import registry_corpus
    from diplograph.loaders.corpus import load_corpus
    from diplograph.loaders.extract import extract, parse_article

    registry = load_corpus(registry_corpus(None), texts=None).entities
    text = ("Argentina recognized Juan Guaidó as Venezuela's interim president on Monday. "
            "Canada and Brazil followed the next day, and several other governments in the region later did the same.")
    article = parse_article(text.encode(), published="2019-01-25")
    found = {e.agent[0]: e.fields.get("date", {}).get("value") for e in extract(article, registry, "t").events
             if e.type == "Recognition"}
    assert found.get("argentina") == "2019-01-21" and found.get("canada") == found.get("brazil") == "2019-01-22", found


def test_timeline_lines_set_the_time_of_their_line_and_a_backgrounder_moves_the_story():
    text = ("Timeline of the dispute\n"
            "May 25, 1997 — Pakistan recognizes the new government in Kabul.\n"
            "May 26, 1997 — Saudi Arabia follows, and the United Arab Emirates recognizes it a day later.\n"
            "September 2001 — The Emirates break off relations with the government.\n"
            "In 2019, talks began in Doha. Qatar hosted the envoys and the group opened an office.")
    doc = parse(text)
    timeline = StoryTimeline.from_doc(doc, "2021-08-20")
    got = [timeline.date_for(t) for t in doc if t.text in ("recognizes", "follows", "break", "hosted", "opened")]
    assert [d["value"] for d in got] == ["1997-05-25", "1997-05-26", "1997-05-27", "2001-09", "2019", "2019"]
    assert [d["phrase"] for d in got] == ["May 25, 1997", "May 26, 1997", "a day later", "September 2001", "In 2019", "In 2019"]


def test_a_lead_without_a_day_takes_the_day_the_next_lines_give():
    text = ("NAIROBI, March 9, 2022 — Somalia has broken off diplomatic relations with Kenya.\n\n"
            "The information minister announced the decision on television on Tuesday.\n\n"
            "Kenya said on Wednesday that it regretted the move.")
    (broke,) = dates(text, "2022-03-09", "broken")
    assert broke["value"] == "2022-03-08" and broke["phrase"] == "on Tuesday" and "the lead's day" in broke["basis"]
    # a date far from the dateline (a backgrounder's) is not the lead's day: the dateline then
    text = ("NAIROBI, March 9, 2022 — Somalia has broken off diplomatic relations with Kenya.\n\n"
            "The two states fought a border war in 1964.")
    assert values(text, "2022-03-09", "broken") == ["2022-03-09"]


def test_a_headline_takes_the_day_its_lead_gives():
    text = ("Somalia cuts ties with Kenya\n\nBy a staff writer\n\n"
            "NAIROBI, March 9, 2022 — Somalia broke off diplomatic relations with Kenya on Tuesday.")
    (cuts,) = dates(text, "2022-03-09", "cuts")
    assert cuts["value"] == "2022-03-08" and cuts["phrase"] == "on Tuesday"


def test_verbs_coordinated_under_one_subject_share_the_date_of_either():
    text = ("The minister was arrested on 3 May 2021. The prime minister, Ana Ruiz, was censured and dismissed "
            "from office in August 2023 after weeks of protests.")
    censured, dismissed = values(text, "2024-01-10", "censured", "dismissed")
    assert censured == dismissed == "2023-08"   # not the day of the sentence before


def test_a_coordinated_verb_with_a_subject_of_its_own_keeps_its_own_time():
    text = ("Peru expelled the consul on 4 March 2024. Chile recalled its envoy, and Bolivia closed its "
            "embassy in June 2024.")
    recalled, = values(text, "2024-12-02", "recalled")
    assert recalled != "2024-06"


def test_a_timeline_lines_leading_date_dates_the_line():
    from diplograph.loaders.extract.dating import StoryTimeline
    from diplograph.loaders.extract.parse import parse
    doc = parse("March 2014 - Ukraine recalls its ambassador from Russia.\nJune 2015 - Kyiv expels two Russian diplomats.")
    timeline = StoryTimeline.from_doc(doc, "2025-11-07")
    assert timeline.date_for(next(t for t in doc if t.lemma_ == "recall"))["value"] == "2014-03"
    assert timeline.date_for(next(t for t in doc if t.lower_ == "expels"))["value"] == "2015-06"


def test_a_year_the_parser_splits_off_its_line_still_dates_the_line_as_its_own():
    """'1998: Belgium recalls ...': the parser makes '1998:' a sentence of its own; its date is the
    line's own (not the story's time), so the same act on the next line in 2005 stays a second act."""
    from diplograph.loaders.extract.date_fields import apart, date_rank
    from diplograph.loaders.extract.dating import StoryTimeline
    doc = parse("Timeline\n1998: Belgium recalls its ambassador from Rwanda.\n2005: Belgium recalls its ambassador again.")
    timeline = StoryTimeline.from_doc(doc, "2025-11-07")
    first, second = (timeline.date_for(t) for t in doc if t.lower_ == "recalls")
    assert (first["value"], second["value"]) == ("1998", "2005")
    assert date_rank(first) == 2 and apart(first, second)


def test_the_same_act_at_two_dates_told_in_their_own_sentences_is_two_acts():
    from diplograph.loaders.extract.date_fields import apart
    told = lambda value: {"phrase": "x", "value": value}
    story = {"phrase": "x", "value": "2020-12-15", "basis": "the story's time, given by 'on Tuesday'"}
    assert apart(told("2020-11-29"), told("2020-12-15"))
    assert apart(told("2018-03"), told("2019-08"))
    assert not apart(told("2020-12-15"), told("2020-12-16"))   # one act, dated a day apart by two sentences
    assert not apart(told("2020-12"), told("2020-12-15"))      # a month and a day in it
    assert not apart(told("2020-11-29"), story)                # the story's time is no date of the act's own
    assert not apart(told("2020-11-29"), None)


def test_the_word_test_before_each_date_form_loses_no_phrase():
    """``find_date_phrases`` runs a form's search only where the sentence holds the words the form
    needs; it finds what searching for every form everywhere finds, odd spellings included."""
    from diplograph.loaders import dates as grammar

    def every_form_everywhere(text: str) -> list[tuple[int, int]]:
        if not grammar._DATE_WORD.search(text):
            return []
        found = {(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()) for _, finder in grammar._FINDERS
                 for m in finder.finditer(text) if m.group(0).strip() and not grammar._lower_case_name(m)}
        spans: list[tuple[int, int]] = []
        for start, end in sorted(found, key=lambda span: span[0] - span[1]):
            if all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
        return sorted(spans)

    sentences = [
        "Kenya expelled the envoy on Monday, November 3, 2025, and again on the 4th of December 2025.",
        "The talks, set for 2024-05-06, moved to mid-December 2024; by late 2023 they had stalled.",
        "thisMay the embassy reopened; lastMonday it closed, and the following morning it was shut.",
        "Two weeks later the minister resigned; a year later, three months earlier, within a day.",
        "Hours later the police arrived; that night, the same evening, the day after, yesterday and today.",
        "On 3rd March the court ruled; in March it sat again, and on Sept. 9 the judges met.",
        "He may decide in MAY; the market decided on Dec 1; the next day the previous year ended.",
        "Within the same hours, the envoys of France and Chad left; tonight the army marched.",
        "The year 1989 and 2031 and 17 troops; 12 days ago, 7 weeks before, this afternoon.",
    ]
    for sentence in sentences:
        assert find_date_phrases(sentence) == every_form_everywhere(sentence), sentence
    assert len(find_date_phrases(sentences[2])) >= 3  # the glued forms are phrases too


def test_a_timeline_line_without_a_year_is_in_the_year_of_the_line_before():
    text = ("SOFIA, June 2, 2025 — The envoy returned on Monday. Key dates:\n\n"
            "November 30, 2021 — Bulgaria expels two Russian diplomats.\n\n"
            "January 12 — Russia expels a Bulgarian diplomat in return.\n\n"
            "March 3 — Bulgaria recalls its ambassador.")
    doc = parse(text)
    timeline = StoryTimeline.from_doc(doc, "2025-06-02")
    got = [timeline.date_for(t)["value"] for t in doc if t.lower_ in ("expels", "recalls")]
    assert got == ["2021-11-30", "2022-01-12", "2022-03-03"]


def test_a_date_before_the_complements_subject_is_the_speech_verbs():
    text = ("LIMA, May 9, 2024 — Peru recalled its ambassador on 2 February 2023.\n\n"
            "The ministry said on Wednesday it regretted the step.")
    (said,) = values(text, "2024-05-09", "said")
    assert said == "2024-05-08"


def test_a_bare_month_after_a_story_told_in_an_earlier_year_goes_on_with_it():
    text = ("KAMPALA, May 3, 2010 — The lawyer Paul Okello was freed on Monday.\n\n"
            "On 2 March 1998, soldiers arrested Okello in Gulu.\n\n"
            "In August a court in Kampala sentenced him to ten years.")
    assert values(text, "2010-05-03", "sentenced") == ["1998-08"]
    # a month before the story's month is the dateline's year's (not a step back in the story)
    text = text.replace("In August", "In January")
    assert values(text, "2010-05-03", "sentenced") == ["2010-01"]


def test_the_next_day_counts_from_the_day_its_own_sentence_told_before_it():
    text = ("ANKARA, November 25, 2013 — Turkey expelled the envoy on Saturday.\n\n"
            "Relations had been tense since August. After the army cleared the square on August 14, Turkey "
            "recalled its ambassador, and Egypt withdrew its envoy from Ankara the next day.")
    (withdrew,) = values(text, "2013-11-25", "withdrew")
    assert withdrew == "2013-08-15"


def test_a_participle_after_on_dates_the_saying():
    text = ("RABAT, June 9, 2025 — Police escorted the envoy to the border on Friday night.\n\n"
            "The envoy, on landing in Algiers on Saturday, said he had been treated badly.")
    (said,) = values(text, "2025-06-09", "said")
    assert said == "2025-06-07"


def test_an_act_in_a_relative_clause_on_the_day_after_a_date_is_on_that_date():
    text = ("DHAKA, March 2, 1972 — Nepal recognized the new state earlier this month, as Bhutan had on "
            "December 7, the day Thimphu became the second government to recognize Bangladesh.")
    (recognize,) = values(text, "1972-03-02", "recognize")
    assert recognize == "1971-12-07"
    # a day described without a date before it takes nothing from this rule
    text = "DHAKA, March 2, 1972 — Nepal recognized Bangladesh on the day the war ended."
    assert values(text, "1972-03-02", "ended") != ["1971-12-07"]


def test_a_day_without_its_year_in_a_historical_narrative_takes_the_narratives_year():
    # a story published decades after its events: the day told without a year is in the year the
    # narrative last stated, not the year before the publication date
    text = ("PARIS, June 2, 2019 — Thirty years ago, in 1989, Ruritania broke with Freedonia.\n\n"
            "Its envoy left the capital that spring, and the ministry closed the mission.\n\n"
            "Freedonia answered on 11 November, when its police arrested two Ruritanian clerks.")
    assert values(text, "2019-06-02", "arrested") == ["1989-11-11"]
    # the same with a month and a narrative year told by a fronted date
    text = ("ROME, 4 May 2020 — In March 1956, Borduria expelled three Syldavian attachés.\n\n"
            "Syldavia recalled its ambassador in August, a newspaper of the time reported.")
    assert values(text, "2020-05-04", "recalled") == ["1956-08"]


def test_a_current_story_keeps_the_datelines_year_for_a_day_without_one():
    # background in an earlier year, then a recent day without a year: the dateline's year
    text = ("MADRID, March 20, 2025 — In 2019, Borduria expelled two Syldavian diplomats.\n\n"
            "On 3 March, Syldavia recalled its ambassador from the Bordurian capital.")
    assert values(text, "2025-03-20", "recalled") == ["2025-03-03"]
    # no year anywhere in the text but the dateline's: the latest such day before it
    text = "LIMA, 10 February 2024 — Peru's police detained the former minister on 28 December."
    assert values(text, "2024-02-10", "detained") == ["2023-12-28"]


def test_a_weekday_in_a_past_story_moving_forward_is_the_next_one():
    # 3 March 1986 was a Monday: "on Friday" told after it, in a story told decades later, is 7 March
    text = ("BERN, 12 May 2016 — On 3 March 1986, troops of Borduria entered the Syldavian mission. "
            "On Friday, the government expelled the Syldavian chargé d'affaires.")
    assert values(text, "2016-05-12", "expelled") == ["1986-03-07"]
    # the same forward reading with the weekday after its verb and a passive
    text = ("VIENNA, 1 June 2001 — Early on Tuesday, 14 March 1995, police stormed the embassy of Ruritania. "
            "Its ambassador was declared persona non grata on Thursday.")
    assert values(text, "2001-06-01", "declared") == ["1995-03-16"]


def test_a_weekday_looking_back_or_told_at_the_datelines_time_stays_before():
    # past perfect: the clause looks back from the story's day
    text = ("BERN, 12 May 2016 — On 3 March 1986, troops of Borduria entered the Syldavian mission. "
            "On Friday, the government had warned the Syldavian chargé d'affaires.")
    assert values(text, "2016-05-12", "warned") == ["1986-02-28"]
    # a news report at the dateline's day: "late on Thursday" after "on Friday" is the day before
    text = ("LOME, Feb 19, 2010 — Soldiers held the president at a barracks on Friday. "
            "The officers named their leader late on Thursday.")
    assert values(text, "2010-02-19", "named") == ["2010-02-18"]
    # the codebook's "last Friday" in a story published on a Friday: the week before
    assert values("Chile recalled its ambassador last Friday.", "2025-03-07", "recalled") == ["2025-02-28"]


def test_a_verb_the_parser_makes_a_modifier_after_the_subjects_relative_clause_still_tells_the_story():
    # the parser reads "named" as a participle of the subject (or of the relative clause's noun) and
    # makes the subject the root: the date still moves the story, so the next sentence takes it
    for first in (("Its leaders, who describe themselves as the Revolutionary Council, named Colonel Ana Diaz "
                  "their spokeswoman on Thursday."),
                  ("The officers, who call themselves the Military Council, named Colonel Ruiz as their president "
                  "late on Thursday."),
                  ("The mutineers, who describe themselves as patriots, named a former minister their envoy "
                  "on Thursday.")):
        text = f"BAMAKO, March 6, 2026 — Soldiers held the president on Friday.\n\n{first} The prime minister was detained."
        assert values(text, "2026-03-06", "detained") == ["2026-03-05"], first


def test_a_date_in_a_relative_clause_of_the_subject_does_not_move_the_story():
    text = ("BAMAKO, March 6, 2026 — Soldiers held the president on Friday.\n\n"
            "The officers, who had seized the radio station on Thursday, named a spokesman. The prime minister was detained.")
    assert values(text, "2026-03-06", "detained") == ["2026-03-06"]


@pytest.mark.parametrize("phrase, published, value", [
    ("a decade ago today", "2000-02-15", "1990-02-15"),
    ("Two decades ago today", "2021-06-30", "2001-06-30"),
    ("half a century ago today", "2026-02-19", "1976-02-19"),
    ("a century ago today", "2016-03-01", "1916-03-01"),
])
def test_an_anniversary_in_decades_or_centuries_is_that_day_so_many_years_back(phrase, published, value):
    assert resolve(phrase, published).value == value


def test_an_anniversary_in_decades_dates_the_story_it_opens_but_a_decade_without_today_is_no_day():
    text = ("OSLO, 4 April 2019 — Half a century ago today, in a hotel in Geneva, Ruritania and Borduria "
            "restored their relations. Borduria reopened its embassy the next day.")
    assert values(text, "2019-04-04", "restored", "reopened") == ["1969-04-04", "1969-04-05"]
    assert resolve("a decade ago", "2019-04-04").value != "2009-04-04"


def test_an_after_clause_the_parser_reads_as_a_complement_is_still_counted_from_the_main_clause():
    # the parser sometimes makes "a day after ..." the complement (ccomp) of the main verb: marked
    # "after" with a measure, it is still a clause of another time
    doc = parse("ROME, May 4, 1987 — Italy ordered Libya's two military attachés out of the country on Monday, "
                "a day after Libyan police forced their way into the Italian consul's home in Benghazi.")
    forced = next(t for t in doc if t.text == "forced")
    forced.dep_ = "ccomp"
    assert StoryTimeline.from_doc(doc, "1987-05-04").date_for(forced)["value"] == "1987-05-03"
    # a complement without a time mark keeps its sentence's day
    text = ("ROME, May 4, 1987 — Italy said on Monday that Libyan police had forced their way into the "
            "Italian consul's home in Benghazi.")
    assert values(text, "1987-05-04", "forced") == ["1987-05-04"]


def test_an_act_in_a_clause_measured_in_years_from_its_main_clause_takes_that_year():
    cases = [
        (("Fifty years since Ruritania broke with Borduria over fishing rights\n\n"
         "OSLO, February 19, 2026 — Half a century ago today, the two states fell out."), "2026-02-19", "broke", "1976"),
        (("Ruritania restored relations with Borduria in 2001, six years after it had expelled the Bordurian "
         "ambassador."), None, "expelled", "1995"),
        ("LIMA, 3 May 2011 — It is ten years since Borduria closed its embassy in the capital.", "2011-05-03", "closed", "2001"),
        ("Two decades after Syldavia recalled its envoy, the embassy reopened in 2015.", None, "recalled", "1995"),
    ]
    for text, published, word, value in cases:
        assert values(text, published, word) == [value], text


def test_years_without_a_count_give_no_year_and_a_day_measure_stays_a_day():
    # "years after" says no count: the act keeps its sentence's date
    text = "Syldavia restored relations with Borduria in 2015, years after it had expelled the Bordurian consul."
    assert values(text, None, "expelled") == ["2015"]
    text = ("ROME, May 4, 1987 — Italy expelled two Libyan attachés on Monday, a day after Libyan police "
            "detained the Italian consul.")
    assert values(text, "1987-05-04", "detained") == ["1987-05-03"]


def test_a_date_after_the_infinitive_of_a_time_limit_is_the_givings():
    for sentence in (("Fiji's ruler gave Australia's high commissioner, Ann Lee, and New Zealand's envoy, Tom Hart, "
                     "24 hours to leave the country on Tuesday."),
                     "The government gave the Bordurian ambassador 72 hours to leave on Tuesday.",
                     "Ruritania gave two Syldavian diplomats seven days to quit the country on Tuesday."):
        text = f"SUVA, November 4, 2009 — {sentence} He said they had meddled in the courts."
        assert values(text, "2009-11-04", "gave", "said") == ["2009-11-03", "2009-11-03"], sentence


def test_an_infinitive_without_a_time_limit_keeps_its_own_attachment():
    from diplograph.loaders.extract.date_attachment import deadline_giver
    for sentence, word in (("Borduria asked the envoy to leave the country on Tuesday.", "leave"),
                           ("Ruritania gave the envoy time to pack before he left on Tuesday.", "pack")):
        doc = parse(sentence)
        assert deadline_giver(next(t for t in doc if t.text == word)) is None, sentence


def test_a_deadline_after_the_infinitive_of_a_time_limit_is_the_leavings_not_the_givings():
    # "by Friday" is when the envoy must be gone: the giving keeps the story's day
    for sentence in ("The government gave the Bordurian ambassador 72 hours to leave by Friday.",
                     "Ruritania gave two Syldavian diplomats seven days to quit the country by Friday."):
        text = f"SUVA, Tuesday, November 3, 2009 — {sentence} He said they had meddled in the courts."
        assert values(text, "2009-11-03", "gave") == ["2009-11-03"], sentence


def test_years_measuring_a_duration_or_uncounted_are_no_distance_in_time():
    # "for ten years" is how long he served, not how long before the expulsion; "a few years" has no count
    text = "Borduria recalled its envoy in 2015. He had served for ten years before he was expelled."
    assert values(text, None, "expelled") != ["2005"]
    text = "Syldavia restored relations with Borduria in 2015, a few years after it had expelled the Bordurian consul."
    assert values(text, None, "expelled") == ["2015"]
    text = "Syldavia restored relations with Borduria in 2015, twenty-five years after it had expelled the consul."
    assert values(text, None, "expelled") == ["1990"]


def test_a_year_told_from_the_time_of_writing_is_the_publication_year_not_the_storys():
    # the story is back in 2019 when "of this year" / "of last year" is told: they count from the publication
    text = ("ACCRA, May 2, 2024 - Relations soured in 2019, when Ghana recalled its ambassador from Togo. "
            "Togo then expelled two Ghanaian diplomats in March of last year, "
            "and Ghana reopened its embassy in January of this year.")
    expelled, reopened = values(text, "2024-05-02", "expelled", "reopened")
    assert (expelled, reopened) == ("2023-03", "2024-01")


def test_of_that_year_stays_with_the_story():
    text = ("ACCRA, May 2, 2024 - Relations soured in 2019, when Ghana recalled its ambassador from Togo. "
            "Togo expelled two Ghanaian diplomats in March of that year.")
    assert values(text, "2024-05-02", "expelled") == ["2019-03"]


@pytest.mark.parametrize("phrase", ["in the 1990s", "the 1970s", "in the '80s", "in the nineties",
                                    "this week", "last week", "next week"])
def test_a_decade_or_a_calendar_week_keeps_no_day(phrase):
    # the last-resort parser read "1990s" as 1,990 seconds back and a week as its first day
    assert resolve(phrase, "2025-06-13").value is None


@pytest.mark.parametrize("phrase, value", [("a week ago", "2025-06-06"), ("two weeks ago", "2025-05-30"),
                                           ("in 1995", "1995"), ("three days ago", "2025-06-10")])
def test_a_count_of_weeks_back_is_still_a_day(phrase, value):
    assert resolve(phrase, "2025-06-13").value == value


@pytest.mark.parametrize("phrase,expected", [
    ("before dawn on Saturday", "2003-07-26"),
    ("shortly after midnight on Monday", "2003-07-28"),
    ("in the early hours of Sunday", "2003-07-27"),
    ("at dawn on 3 May 2021", "2021-05-03"),
    ("before dawn", None),                 # a time of day with no day: no date
    ("after the coup on Saturday", None),  # an event, not a time of day: not a lead-in of the date grammar
])
def test_a_time_of_day_before_a_date_is_the_dates_lead_in(phrase, expected):
    from diplograph.loaders.dates import resolve

    assert resolve(phrase, "2003-07-28").value == expected
