"""The parse names who a sentence attributes a figure to (invented sentences in news style)."""

import pytest

from analysis.extract.parse import attribution


def _of(sentence: str, word: str):
    found = attribution(sentence, sentence.index(word))
    return found.phrase if found else None


@pytest.mark.parametrize(("sentence", "word", "claimant"), [
    ("The prime minister said on Friday that 4,000 sailors had reached the port.", "4,000", "The prime minister"),
    ("About 2,500 engineers crossed the border, the country's spy agency said.", "2,500", "the country's spy agency"),
    ("According to the ministry, which briefed reporters, 700 guards arrived.", "700", "the ministry"),
    ("The figure of 9,000 soldiers was reported by the broadcaster.", "9,000", "the broadcaster"),
    ("A senior opposition lawmaker added that 60 soldiers had died.", "60", "A senior opposition lawmaker"),
    ("The general's aide, citing field reports, told reporters that 30 men were missing.", "30", "The general's aide"),
    ("The foreign ministry denied that any troops had been sent.", "troops", "The foreign ministry"),
])
def test_subject_of_the_reporting_verb(sentence, word, claimant):
    assert _of(sentence, word) == claimant


def test_no_reporting_verb_no_claimant():
    assert _of("Heavy rain fell on 3,000 homes in the valley.", "3,000") is None


def test_offsets_point_into_the_sentence():
    sentence = "Troops numbered 800, the defence minister told parliament."
    found = attribution(sentence, sentence.index("800"))
    assert sentence[found.start:found.start + len(found.phrase)] == found.phrase == "the defence minister"


@pytest.mark.parametrize("sentence, owner", [
    ("The report, released by the Institute for the Study of Conflict, said 5,000 soldiers were there.",
     "the Institute for the Study of Conflict"),
    ("The statement from the Kremlin said 300 soldiers were killed.", "the Kremlin"),
    ("A Pentagon assessment said 300 soldiers were killed.", "Pentagon"),
])
def test_a_document_speaks_for_its_owner(sentence, owner):
    assert attribution(sentence, sentence.index("00") - 1).phrase == owner


def test_a_page_long_sentence_is_left_to_the_rules():
    """No parse of a 'sentence' without punctuation the length of a page: the parser's memory grows
    with it (and spaCy refuses a million characters)."""
    sentence = "The minister said 1,500 soldiers moved " + "and the column moved on " * 100
    assert attribution(sentence, sentence.index("1,500")) is None
    assert attribution(sentence[:200], sentence.index("1,500")).phrase == "The minister"
