"""The TimeML benchmark on an invented document: tag stripping keeps offsets, the creation time
is the anchor, DATE timexes are scored (relaxed, strict, value) and other timexes are neutral."""

import json
from datetime import date

import pytest

from analysis.__main__ import main
from analysis.bench.timeml import read_tml, score, split

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>XYZ20240315.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-15" temporalFunction="false" functionInDocument="CREATION_TIME">20240315</TIMEX3></DCT>
<TEXT>
The council &amp; mayor <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2024-03-14">Thursday</TIMEX3>; they will vote on <TIMEX3 tid="t2" type="DATE" value="2024-04-07">April 7</TIMEX3>.

Talks lasted <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3> and ended <TIMEX3 tid="t4" type="DATE" value="2023">last year</TIMEX3>, the mayor said <TIMEX3 tid="t5" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml(tmp_path):
    path = tmp_path / "XYZ20240315.0001.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_reading_keeps_offsets_and_unescapes(tml):
    doc = read_tml(tml)
    assert doc.anchor == date(2024, 3, 15)
    assert "council & mayor met on Thursday; they will vote" in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Thursday", "DATE", "2024-03-14"), ("April 7", "DATE", "2024-04-07"), ("three days", "DURATION", "P3D"),
        ("last year", "DATE", "2023"), ("now", "DATE", "PRESENT_REF")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


def test_scores_of_the_grammar(tml):
    row = score([tml]).row()
    assert row["R"] == 1.0 and row["P"] == 1.0  # "three days" is not a date form, so nothing is neutral here
    assert row["value F1"] == 1.0  # April 7 is the coming one: "will vote"


def test_mismatches_count_against(tml):
    from analysis.extract.date_text import DatedMention
    from analysis.extract.dates import resolve

    def finder(text, anchor):  # one right, one wrong value, one extra, one neutral
        spans = [("Thursday", "on Thursday"), ("April 7", "on 7 April 2020"), ("vote", "today"),
                 ("three days", "today")]
        return [DatedMention(text.index(w), text.index(w) + len(w), w, resolve(p, anchor)) for w, p in spans]

    tally = score([tml], finder, misses=True)
    assert (tally.gold, tally.found, tally.relaxed, tally.strict, tally.value) == (4, 3, 2, 2, 1)
    assert any("missed 'last year'" in m for m in tally.misses)


def test_split_is_by_sorted_name(tmp_path):
    for name in ["c.tml", "a.tml", "b.tml", "sub/d.tml"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(TML)
    halves = split(tmp_path)
    assert [p.name for p in halves["tuning"]] == ["a.tml", "c.tml"]
    assert [p.name for p in halves["check"]] == ["b.tml", "d.tml"]


def test_command_lines(tml, tmp_path, capsys):
    text = tmp_path / "note.txt"
    text.write_text("The vote was held on Thursday. Another is set for April 7.", encoding="utf-8")
    assert main(["dates", "--anchor", "2024-03-15", str(text)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["doc"] == "note"
    assert [(d["text"], d["date_start"], d["precision"]) for d in line["dates"]] == [
        ("Thursday", "2024-03-14", "day"), ("April 7", "2024-04-07", "day")]
    assert text.read_text()[line["dates"][0]["start"]:line["dates"][0]["end"]] == "Thursday"
    assert main(["evaluate", "--timeml", str(tml.parent)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["TimeML", "DATE", "docs"] and table[1].split()[:3] == ["tuning", "1", "4"]


def test_mentions_count_the_next_day_from_their_passage():
    from analysis.extract.date_text import dated_mentions

    text = "The Duma voted on 24 October. The upper house approved it the next day. It was signed the same day."
    found = [(m.text, m.ref.iso) for m in dated_mentions(text, date(2024, 11, 6))]
    assert found == [("24 October", "2024-10-24"), ("the next day", "2024-10-25"), ("the same day", "2024-10-25")]


@pytest.mark.parametrize("text, expected", [
    # pointing back: the date named before, of the phrase's unit or a finer one
    ("Troops crossed the river on 3 May. Later that day the bridge fell.", [("3 May", "2024-05-03"),
                                                                             ("Later that day", "2024-05-03")]),
    ("The plant closed in March 2021. It reopened later that year.", [("March 2021", "2021-03"),
                                                                       ("later that year", "2021")]),
    ("Shares fell on Friday, after a rise the previous Friday.", [("Friday", "2024-11-01"),
                                                                   ("the previous Friday", "2024-10-25")]),
    ("Sales rose in the third quarter from a year earlier.", [("the third quarter", "2024-Q3"),
                                                          ("a year earlier", "2023-Q3")]),
    ("Prices rose in June from a year earlier.", [("June", "2024-06"), ("a year earlier", "2023")]),
    ("No one said what happened that day.", []),                   # nothing named before: left out
    # a fiscal quarter is of the year it ended in
    ("In its second quarter ended Oct. 31, the chain lost money.", [("second quarter", "2024-Q2"),
                                                                    ("Oct. 31", "2024-10-31")]),
    ("For the fourth quarter ended Sept. 30, 2023, sales rose.", [("the fourth quarter", "2023-Q4"),
                                                                  ("Sept. 30, 2023", "2023-09-30")]),
])
def test_mentions_that_point_back(text, expected):
    from analysis.extract.date_text import dated_mentions
    from analysis.extract.date_values import timeml_value

    assert [(m.text, timeml_value(m.ref)) for m in dated_mentions(text, date(2024, 11, 6))] == expected
