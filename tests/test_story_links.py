"""story_links.py: a line that links to another story reports none of the article's events."""

from diplograph.loaders.extract.story_links import not_a_report, on_link_line


def test_link_labels_open_their_line():
    text = "Peru expelled two Chilean diplomats on Monday.\nRead more: Bolivia recalls its envoy\n  * Related : The arrest of X"
    assert not on_link_line(text, 0)
    assert on_link_line(text, text.index("Bolivia"))
    assert on_link_line(text, text.index("The arrest"))


def test_a_label_word_inside_a_sentence_is_no_link():
    text = "Related talks were held in Lima. See also the minister's remarks: she said so."
    assert not on_link_line(text, 0)
    assert not on_link_line(text, text.index("See"))


def test_questions_and_faq_lines_are_no_reports():
    assert not_a_report("Why did Peru expel the envoy?", "Why did Peru expel the envoy?", 0)
    assert not_a_report("A: Peru expelled him.", "A: Peru expelled him.", 0)
    assert not not_a_report("Peru expelled him.", "Peru expelled him.", 0)
