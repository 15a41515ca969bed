"""Real-looking news pages (tests/fixtures/pages, our own article text in CMS markup): the story's
paragraphs and its publication date come out of the page, the boilerplate stays out, and the
events found on a page are those found on the same story given as plain text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import (
    ExtractionInputError,
    extract,
    parse_article,
    read_article,
)
from diplograph.loaders.extract.html_page import (
    closing_note,
    declared_charset,
    json_ld_date,
    labelled_date,
    not_story,
    published_times,
    story_paragraphs,
)
from diplograph.loaders.extract.html_page_tree import pre_paragraphs

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))

#: pages where a line of boilerplate the reader cannot tell from prose still comes through
KNOWN_EXTRA: set[str] = set()


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return re.sub(r"\s+", " ", text).strip()


def page(name: str):
    expected = yaml.safe_load((PAGES / f"{name}.yaml").read_text(encoding="utf-8"))
    article = parse_article((PAGES / f"{name}.html").read_bytes())
    lines = [normal(line) for line in article.text.split("\n")]
    if lines and lines[0] == normal(expected["headline"]):
        lines = lines[1:]   # the title line the reader puts first
    return article, lines, expected


def test_there_are_twenty_pages_each_with_its_expectation():
    assert len(NAMES) == 20
    assert all((PAGES / f"{name}.yaml").exists() for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_page_yields_every_paragraph_of_the_story_in_order(name):
    _, lines, expected = page(name)
    wanted = [normal(p) for p in expected["paragraphs"]]
    found = [line for line in lines if line in wanted]
    assert found == wanted


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="a boilerplate line"))
                                  if n in KNOWN_EXTRA else n for n in NAMES])
def test_the_page_yields_the_story_and_nothing_else(name):
    _, lines, expected = page(name)
    assert lines == [normal(p) for p in expected["paragraphs"]]


@pytest.mark.parametrize("name", NAMES)
def test_the_page_is_dated_by_its_first_publication(name):
    article, _, expected = page(name)
    assert article.published == str(expected["published"])
    assert article.published_basis.startswith(expected.get("dated_by", "the page's"))


REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities


def found_events(article) -> set:
    return {(e.type, tuple(e.agent), tuple(e.target), str(e.fields.get("date")), tuple(e.evidence))
            for e in extract(article, REGISTRY, "page").events}


@pytest.mark.parametrize("name", ["drupal_related", "wire_service", "guardian_like", "windows_1252", "pre_wire", "jsonld_body_only"])
def test_a_page_yields_the_events_of_its_story_as_plain_text(name):
    article, _, expected = page(name)
    plain = "\n".join([expected["headline"], *expected["paragraphs"]]) + "\n"
    as_text = parse_article(plain.encode("utf-8"), published=article.published)
    events = found_events(article)
    assert events and events == found_events(as_text)


# --- the mechanisms, on passages of our own ----------------------------------------------------

STORY = ("The two foreign ministers met in the capital on Friday and agreed to reopen their embassies, "
         "which have been closed since the dispute over fishing rights began last year.")


def test_a_paragraph_mostly_of_link_text_is_no_story():
    link = "Fishing dispute: what the two governments have said so far"
    kept = story_paragraphs([(STORY, 0), (f"See also: {link}.", len(link))], None)
    assert kept == [STORY]
    assert story_paragraphs([(STORY, 0), ("Both embassies will reopen on Monday, the ministers said.", 10)], None) \
        == [STORY, "Both embassies will reopen on Monday, the ministers said."]


def test_a_shorter_paragraph_repeating_a_longer_one_is_a_pull_quote():
    quote = "\u201cWe agreed to reopen our embassies, which have been closed since the dispute began.\u201d"
    assert story_paragraphs([(STORY, 0), (quote, 0)], None) == [STORY]
    other = "The ministers did not say when ambassadors would be named to the two posts."
    assert story_paragraphs([(STORY, 0), (other, 0)], None) == [STORY, other]


def test_a_headline_and_a_label_are_no_paragraphs_but_a_short_sentence_is():
    lines = [("Ministers agree to reopen embassies", 0), (STORY, 0), ("Posted: Friday, 6 March 2026 9:12 am", 0),
             ("Nobody objected.", 0)]
    assert story_paragraphs(lines, "Ministers agree to reopen embassies") == [STORY, "Nobody objected."]


def test_the_json_ld_date_is_the_story_s_not_a_related_item_s():
    body = ('{"@graph": [{"@type": "ItemList", "itemListElement": [{"item": {"@type": "NewsArticle", '
            '"datePublished": "2026-01-02"}}]}, {"@type": "NewsArticle", "datePublished": "2026-02-03"}]}')
    assert json_ld_date(body) == "2026-02-03"
    assert json_ld_date('{"@type": "NewsArticle", "hasPart": {"datePublished": "2026-01-02"}}') == "2026-01-02"


@pytest.mark.parametrize("value", ['["2026-02-03T09:00:00Z", "2026-02-04T10:00:00Z"]', '{"@type": "Date", "@value": "2026-02-03"}',
                                   '[{"@value": "2026-02-03"}]'])
def test_a_json_ld_date_in_a_list_or_a_typed_value_is_read(value):
    assert json_ld_date('{"@type": "NewsArticle", "datePublished": ' + value + "}").startswith("2026-02-03")
    html = ("<html><head><title>Rail link agreed</title><script type='application/ld+json'>"
            '{"@type": "NewsArticle", "datePublished": ' + value + "}</script></head><body><div class='story-body'>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</div></body></html>")
    assert parse_article(html.encode()).published == "2026-02-03"


def test_a_json_ld_date_of_no_date_string_is_none():
    assert json_ld_date('{"@type": "NewsArticle", "datePublished": [1, {"@type": "Date"}]}') is None
    assert json_ld_date('{"@type": "NewsArticle", "datePublished": 20260203}') is None


def test_a_published_label_split_by_an_icon_or_a_line_break_opportunity_still_dates_the_page():
    """One list of the tags that do not end a line (html_page_tree.INLINE) for <br> lines and visible lines:
    an icon (<img>) or a <wbr> between the label and its date keeps them on one line."""
    for inside in ("<img src='clock.svg' alt=''>", "<wbr>"):
        html = ("<html><head><title>Rail link agreed</title></head><body><div class='story-body'><div class='meta'>Posted:"
                + inside + " Tuesday, February 3, 2026</div>" + "".join(f"<p>{p}</p>" for p in BODY) + "</div></body></html>")
        assert parse_article(html.encode()).published == "2026-02-03", inside


def test_a_published_label_dates_the_page_but_a_sentence_about_publishing_does_not():
    assert labelled_date("Posted: Tuesday, February 3, 2026 4:15 pm") == "2026-02-03"
    assert labelled_date("Published On 11 Oct 2026") == "2026-10-11"
    assert labelled_date("Published reports on 3 February 2026 said the envoy had left.") is None
    assert labelled_date("Updated: 9:31 am, Thu Feb 5, 2026.") is None


def test_a_page_trafilatura_finds_no_story_in_is_read_by_its_paragraphs():
    """A press release laid out in a table: trafilatura (tables left out) finds nothing, the
    page's own <p> blocks are the story."""
    paragraphs = ["The foreign ministry said on Tuesday that it had expelled the ambassador of the neighbouring country.",
                  "It also recalled its own envoy for consultations, in a dispute over the asylum granted to a minister.",
                  "The neighbouring government called the decision regrettable and said it would reply in kind."]
    html = ("<html><head><title>Press release</title></head><body><table><tr><td>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</td></tr></table></body></html>")
    assert parse_article(html.encode()).text.split("\n") == ["Press release", *paragraphs]


def test_a_paywalled_page_is_read_as_far_as_it_goes_and_says_so():
    article, _, expected = page("paywall_teaser")
    assert expected["truncated"] and article.truncated
    assert not page("wire_service")[0].truncated  # isAccessibleForFree: true


# --- boilerplate by its markup, on pages of our own ----------------------------------------------

BODY = ["Lithuania and Poland agreed on Monday to build a second rail link across their border, the two transport ministers said in Vilnius.",
        "The line is meant to carry freight between the ports of Klaipeda and Gdansk and should open before the end of the decade.",
        "Both governments will ask the European Union to pay for most of the work, which the ministers said would cost about two billion euros."]


def _page_with(inserted: str, body: list[str] = BODY, after: int = 1) -> list[str]:
    paragraphs = [f"<p>{p}</p>" for p in body]
    paragraphs.insert(after, inserted)
    html = ("<html><head><title>Rail link agreed</title><meta property='og:title' content='Rail link agreed'></head>"
            "<body><div class='story-body'>" + "".join(paragraphs) + "</div></body></html>")
    return parse_article(html.encode()).text.split("\n")[1:]


@pytest.mark.parametrize("inserted", [
    "<p class='article-dek'>The line would carry freight between two Baltic ports and open before 2030.</p>",
    "<div class='PromoBox'><p>Get our morning digest of the region's news in your inbox every weekday.</p></div>",
    "<div data-testid='video-player'><p>Our reporter travels the route the new line will take through the forests of the border.</p></div>",
    "<p class='story__footnote'>A version of this story was broadcast on our evening programme on Monday.</p>",
    "<div role='complementary'><p>The countries have been linked by a single track since the 1990s, most of it built long before.</p></div>",
])
def test_a_caption_promo_video_or_footnote_inside_the_body_is_no_story(inserted):
    assert _page_with(inserted) == BODY


@pytest.mark.parametrize("caption", [
    "<div class='cutline'>The two ministers shake hands after signing the agreement in Vilnius on Monday.</div>",
    "<div class='photo'><img src='a.jpg'><div class='caption'>The station at Kaunas, where the new line will begin, on Sunday.</div></div>",
])
def test_a_caption_between_br_lines_is_no_story(caption):
    html = ("<html><head><title>Rail link agreed</title></head><body><div class='story-text'>" + BODY[0] + "<br><br>"
            + caption + BODY[1] + "<br><br>" + BODY[2] + "<br><br></div></body></html>")
    assert parse_article(html.encode()).text.split("\n")[1:] == BODY


def test_a_long_element_named_like_boilerplate_is_still_the_story():
    """A theme that calls the story's own wrapper "video-story": only a short element is taken out by its name."""
    html = ("<html><head><title>Rail link agreed</title></head><body><div class='video-story'>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</div></body></html>")
    assert parse_article(html.encode()).text.split("\n")[1:] == BODY


ABOUT_THE_SITE = ("<div class='site-about'><p>Northbridge News is an independent newsroom that has covered the Baltic states"
                  " and their neighbours since a group of reporters in Riga founded it many years ago.</p><p>Its reporters"
                  " work from offices in Vilnius, Tallinn and Warsaw, and its stories are read in more than forty countries.</p></div>")


def test_a_short_story_in_a_wrapper_named_like_boilerplate_is_still_the_story():
    """A story of few words in a "video-story" wrapper on a page with other text: the wrapper holds most of
    the page's paragraphs, so its name does not take it out (the other text is then left to trafilatura)."""
    html = ("<html><head><title>Rail link agreed</title></head><body><div class='video-story'>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</div>" + ABOUT_THE_SITE + "</body></html>")
    assert parse_article(html.encode()).text.split("\n")[1:4] == BODY


def test_a_short_video_block_beside_a_story_is_still_no_story():
    html = ("<html><head><title>Rail link agreed</title></head><body><div class='story-body'>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</div><div class='video-block'><p>Watch: the ministers sign"
            " the agreement in Vilnius.</p></div>" + ABOUT_THE_SITE + "</body></html>")
    assert "Watch: the ministers sign the agreement in Vilnius." not in parse_article(html.encode()).text


def test_a_note_a_promo_or_a_captioned_credit_is_no_story_by_its_words():
    assert not_story("(Reporting by Ana Lima; editing by Tom Berg)")
    assert not_story("Sign up for our daily newsletter.")
    assert not_story("The minister, right, greets her counterpart at the airport. (Photo by Jan Kowal)")
    assert not not_story(BODY[0])
    assert not not_story("Subscribers to the treaty, the ministry said, would meet again in June, when the next round of talks begins in Riga and the two commissions report.")
    assert not not_story("The ministers signed two agreements (one on rail and one on roads) and said a third would follow.")


@pytest.mark.parametrize("line", [
    "Police said the passport he carried had been altered (the photo page had been replaced).",
    "The ministry said the letters were genuine (copies are on file with the court in Vilnius).",
    "Officials released a picture of the two ministers at the border crossing (the image was taken on Sunday).",
])
def test_a_story_line_closing_with_its_own_aside_in_brackets_is_story(line):
    """Story lines ending in brackets that name a photo, a file or an image: not a photo credit."""
    assert not not_story(line)
    assert _page_with(f"<p>{line}</p>", after=2) == [BODY[0], BODY[1], line, BODY[2]]


@pytest.mark.parametrize("credit", ["(Tribune photo by Ann Berg)", "[File: Reuters]", "(AP Photo/Jane Doe)",
                                    "(Photo courtesy of the Lithuanian Railways)"])
def test_a_caption_closing_with_a_photo_credit_is_no_story(credit):
    assert not_story(f"The minister, right, greets her counterpart at the airport. {credit}")


@pytest.mark.parametrize("last", ["Talks between the two delegations resume in Riga on Monday.",
                                  "Neither government has said when the first trains will run."])
def test_a_story_s_own_last_line_in_italics_is_story(last):
    assert _page_with(f"<p><em>{last}</em></p>", after=3) == [*BODY, last]


@pytest.mark.parametrize("note", ["This article appeared in print on page 6 of the Monday edition.",
                                  "Additional reporting by Tomas Vaitkus in Warsaw."])
def test_an_italic_note_of_the_press_s_own_closing_the_story_is_no_story(note):
    assert _page_with(f"<p><em>{note}</em></p>", after=3) == BODY


def test_an_italic_note_closing_the_story_is_no_story():
    assert _page_with("<p><em>Anna Berg can be reached at the newsroom on weekdays.</em></p>", after=3) == BODY
    middle = "<p><em>Both ministers said the agreement was the most important one in a decade.</em></p>"
    assert _page_with(middle, after=2) == [BODY[0], BODY[1], "Both ministers said the agreement was the most important one in a decade.", BODY[2]]


# --- <br> lines and <pre> text ---------------------------------------------------------------------

def test_lines_split_only_by_br_are_paragraphs():
    html = ("<html><head><title>Rail link agreed</title></head><body><font><b>Rail link agreed</b><br>"
            + "<br>".join(BODY) + "<br><br><a href='/'>Back to the index</a></font></body></html>")
    assert parse_article(html.encode()).text.split("\n")[1:] == BODY


def test_br_lines_wrapped_by_hand_are_joined_into_their_paragraph():
    wrapped = BODY[0].replace(" agreed on Monday", "<br>agreed on Monday").replace(" the two transport", "<br>the two transport")
    html = ("<html><head><title>Rail link agreed</title></head><body><div>" + wrapped + "<br><br>"
            + "<br><br>".join(BODY[1:]) + "</div></body></html>")
    assert parse_article(html.encode()).text.split("\n")[1:] == BODY


def test_an_all_italic_story_is_kept():
    html = ("<html><head><title>Rail link agreed</title></head><body><div class='story-body'>"
            + "".join(f"<p><em>{p}</em></p>" for p in BODY) + "</div></body></html>")
    assert parse_article(html.encode()).text.split("\n")[1:] == BODY


def test_a_program_in_pre_is_no_story():
    code = "int main(void) {\n    open_embassy();\n\n    return 0;\n}"
    html = ("<html><head><title>Rail link agreed</title></head><body>" + "".join(f"<p>{p}</p>" for p in BODY)
            + f"<pre><code>{code}</code></pre></body></html>")
    assert parse_article(html.encode()).text.split("\n")[1:] == BODY


def test_pre_text_is_read_as_paragraphs():
    lines = ["Rail link agreed", "", "    Lithuania and Poland agreed on Monday to build a second",
             "rail link across their border, the two transport ministers said in", "Vilnius.",
             "    The line is meant to carry freight between the ports of Klaipeda",
             "and Gdansk and should open before the end of the decade."]
    text = "\n".join(lines)
    assert pre_paragraphs(text) == ["Rail link agreed", BODY[0], BODY[1]]
    html = f"<html><head><title>Rail link agreed</title></head><body><pre>{text}\n\n{BODY[2]}\n</pre></body></html>"
    assert parse_article(html.encode()).text.split("\n")[1:] == BODY


# --- the page's date and charset -------------------------------------------------------------------

def test_a_time_labelled_updated_or_outside_the_story_does_not_date_it():
    today, updated, story = "2026-03-09", "2026-03-08", "2026-03-06"
    assert published_times([(today, "", False, False), (story, "By Ana Lima", True, False)])[0] == (story, "<article>'s first")
    assert published_times([(updated, "Updated", True, False), (story, "Updated 8 March 2026 First published", True, False)])[0] \
        == (story, "labelled")
    assert published_times([(today, "", False, True), (story, "", False, False)])[0] == (story, "first")  # a sidebar's first
    assert published_times([(updated, "Last updated:", False, False)]) == [(updated, "first")]  # nothing else to go by


def test_a_page_in_the_charset_its_meta_declares_is_read():
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><title>Rail</title></head><body>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "<p>The Polish minister, Józef Nowak, called it \u201ca line for the next century.\u201d</p></body></html>")
    data = html.encode("cp1252")
    assert declared_charset(data) == "cp1252"  # ISO-8859-1 is read as Windows-1252, as browsers do
    assert declared_charset(b"<?xml version='1.0' encoding='ISO-8859-2'?>\n<html><body></body></html>") == "iso8859-2"
    assert declared_charset(b"<html><head><meta charset='utf-16'></head>") is None  # read in ASCII, it cannot be
    assert parse_article(data).text.split("\n")[-1] == "The Polish minister, Józef Nowak, called it \u201ca line for the next century.\u201d"
    # a page saved again as UTF-8 with its old <meta> is read as UTF-8, not decoded twice
    assert parse_article(html.encode("utf-8")).text.split("\n")[-1].startswith("The Polish minister, Józef Nowak")


def test_a_page_whose_bytes_are_not_its_declared_charset_is_refused_with_the_line():
    data = b"<html><head><meta charset='utf-8'></head>\n<body><p>Caf\xe9 talks</p></body></html>"
    with pytest.raises(ExtractionInputError, match=r"^line 2: not UTF-8"):
        parse_article(data)
    data = b"<html><head><meta charset='shift_jis'></head>\n<body>\n<p>\xff\xff talks</p></body></html>"
    with pytest.raises(ExtractionInputError, match=r"^line 3: byte 0xff is not shift_jis"):
        parse_article(data)


@pytest.mark.parametrize("codec", ["base64", "rot13", "hex", "zlib"])
def test_a_meta_naming_a_codec_of_bytes_is_no_charset_and_gives_a_clear_error(codec):
    data = f"<html><head><meta charset='{codec}'></head>\n<body><p>Caf\xe9 talks</p></body></html>".encode("latin-1")
    assert declared_charset(data) is None  # (codecs.lookup knows them, but they decode no page)
    with pytest.raises(ExtractionInputError, match=r"^line 2: .*save the article as UTF-8"):
        parse_article(data)


def test_json_ld_nested_past_the_interpreter_s_limit_is_no_data_and_no_traceback():
    deep = "[" * 100_000 + "]" * 100_000
    html = (f'<html><head><title>Rail link agreed</title><script type="application/ld+json">{deep}</script></head><body>'
            + "".join(f"<p>{p}</p>" for p in BODY) + "</body></html>")
    assert parse_article(html.encode()).text.split("\n")[1:] == BODY


def test_the_h1_is_the_title_only_where_the_site_s_name_follows_it_after_a_separator():
    story = "".join(f"<p>{p}</p>" for p in BODY)
    site_first = f"<html><head><title>Reuters - Chile recalls its ambassador</title></head><body><h1>Reuters</h1>{story}</body></html>"
    assert parse_article(site_first.encode()).text.split("\n")[0] == "Reuters - Chile recalls its ambassador"
    site_after = (f"<html><head><title>Chile recalls its ambassador | Northbridge News</title></head><body>"
                  f"<h1>Chile recalls its ambassador</h1>{story}</body></html>")
    assert parse_article(site_after.encode()).text.split("\n")[0] == "Chile recalls its ambassador"


def test_a_story_only_in_the_json_ld_article_body_is_read():
    body = "\\n\\n".join(BODY)
    html = ('<html><head><title>Rail link agreed</title><script type="application/ld+json">{"@type": "NewsArticle", '
            f'"datePublished": "2026-03-06", "articleBody": "{body}"}}</script></head><body><div id="app"></div></body></html>')
    article = parse_article(html.encode())
    assert article.text.split("\n")[1:] == BODY and article.published == "2026-03-06"


# --- bad input: a clear message with the file (and line), exit 2, never a traceback ----------------

BAD_HTML = {
    "empty.html": (b"", "the file is empty"),
    "binary.html": (b"<html>\n<body>\x00\x01\x02\x03\xff\xfe" * 50, "binary.html:2: this is a binary file"),
    "scripts.html": ((b"<!DOCTYPE html><html><head><script>var story = {};</script></head><body><script src='app.js'></script>"
                      b"<script>window.__DATA__ = {\"text\": \"The minister said on Monday that talks would resume.\"}</script></body></html>"),
                     "this HTML page holds no article text"),
    "comment.html": (b"<!-- saved from url=(0042)https://news.example/ -->\n<html><body><!-- nothing here --></body></html>",
                     "this HTML page holds no article text"),
}


@pytest.mark.parametrize("name", sorted(BAD_HTML))
def test_a_bad_html_file_is_refused_with_its_name(tmp_path, name):
    data, message = BAD_HTML[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ExtractionInputError, match=re.escape(f"{path}")):
        read_article(path)
    with pytest.raises(ExtractionInputError, match=re.escape(message.split(": ", 1)[-1] if ":" in message else message)):
        read_article(path)


def test_diplograph_extract_refuses_bad_html_with_exit_2_and_no_traceback(tmp_path):
    for name, (data, message) in BAD_HTML.items():
        (tmp_path / name).write_bytes(data)
    for name, (_, message) in BAD_HTML.items():
        result = subprocess.run([sys.executable, "-m", "diplograph.graph", "extract", str(tmp_path / name), "--out",
                                 str(tmp_path / "out")], capture_output=True, text=True, timeout=120, check=False,
                                env={**os.environ})
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and message in result.stderr and "nothing was written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_dev_tool_reads_each_page_as_the_reader_decodes_it():
    """dev/tools/html_pages.py gives the readers it compares the text our reader decodes (text.decoded_text),
    not a second decoding of its own: a byte-order mark is no text, a page the reader refuses is none."""
    import importlib.util

    from diplograph.loaders.extract.text import decoded_text

    spec = importlib.util.spec_from_file_location("html_pages_tool", ROOT / "dev" / "tools" / "html_pages.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    page = "<html><head><title>Rail link agreed</title></head><body><p>Lithuania and Poland agreed.</p></body></html>"
    assert tool.decoded(b"\xef\xbb\xbf" + page.encode()) == page
    cp1252 = (PAGES / "windows_1252.html").read_bytes()
    assert tool.decoded(cp1252) == decoded_text(cp1252)
    assert tool.decoded(b"<html><head><meta charset='utf-8'></head><body><p>caf\xe9</p></body></html>") == ""



def test_a_deeply_nested_json_ld_date_list_is_no_date_and_no_crash():
    """A date nested in lists hundreds deep is read one level down only: no RecursionError, no date."""
    nested = "[" * 600 + '"2026-02-03"' + "]" * 600
    assert json_ld_date('{"@type": "NewsArticle", "datePublished": ' + nested + "}") is None


@pytest.mark.parametrize("last", ["Rights monitors reported no injuries at the crossing.",
                                  "The truce appears to be holding along the river.",
                                  "A second round will follow in Tallinn later this month."])
def test_a_story_s_last_italic_line_using_a_note_s_word_is_story(last):
    """A note is known by how it opens or by a note's phrase, not by one common word anywhere."""
    assert not closing_note(last)
    assert _page_with(f"<p><em>{last}</em></p>", after=3) == [*BODY, last]


@pytest.mark.parametrize("note", ["Correction: an earlier version misstated the length of the line.",
                                  "Tomas Vaitkus contributed to this report from Warsaw."])
def test_a_closing_note_by_its_opening_or_its_phrase_is_no_story(note):
    assert closing_note(note)
    assert _page_with(f"<p><em>{note}</em></p>", after=3) == BODY
