"""Events: each date phrase dates the event word it modifies, once; what is not a real event on
the story is kept as another dated mention; the report counts and draws the same events."""


import pytest

from analysis.extract.events import events_in
from analysis.sections.common import timeline_events
from conftest import write_article


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(text[e.date_phrase.start:e.date_phrase.end], e.kind, e.reason) for e in events_in(text)]


def test_one_event_with_one_date_is_one_row():
    (row,) = _found("The pact between Moscow and Pyongyang was signed in June.")
    assert row[:2] == ("in June", "treaty-signing") and "'signed'" in row[2]


def test_two_dated_events_in_one_sentence_each_get_their_own_date():
    rows = _found("The treaty was signed in June and ratified by the lower house in November.")
    assert [r[:2] for r in rows] == [("in June", "treaty-signing"), ("in November", "lower-house-ratification")]


@pytest.mark.parametrize("sentence, expected", [
    # the verb a date follows, not a verb in another clause
    ("A ministry spokesman said on Monday that North Korean troops arrived in Russia last week.",
     [("on Monday", "statement"), ("last week", "troop-deployment")]),
    # a date put first goes to the verb after it
    ("On Tuesday, the State Duma ratified the treaty with North Korea.", [("On Tuesday", "lower-house-ratification")]),
    ("The upper house on Friday approved the pact with Pyongyang.", [("on Friday", "upper-house-ratification")]),
    # the verb the date follows wins over a nearer one after it
    ("The Kremlin submitted a bill to the Duma, published online on March 3, to ratify the treaty.",
     [("on March 3", "publication")]),
    # a clause with no verb of an event takes a noun that names one
    ("The two leaders shook hands during their summit in Pyongyang on July 9, 2024.", [("on July 9, 2024", "meeting")]),
    ("In a statement released on Friday, the agency said troops were moved by sea.", [("on Friday", "statement")]),
    ("The war, which began when Russia invaded Ukraine in 2022, goes on.", [("in 2022", "fighting")]),
])
def test_date_goes_to_the_event_word_it_modifies(sentence, expected):
    assert [r[:2] for r in _found(sentence)] == expected


def test_a_date_written_twice_for_one_event_is_one_phrase():
    (row,) = _found("The pact with North Korea was signed on Wednesday, July 10.")
    assert row[0] == "on Wednesday, July 10" and row[1] == "treaty-signing"


def test_a_second_date_for_one_event_is_another_mention():
    rows = _found("North Korean troops arrived on Monday in the Kursk region, in late October.")
    assert [r[:2] for r in rows] == [("on Monday", "troop-deployment"), ("in late October", "other")]
    assert "a second date for 'arrived'" in rows[1][2]


@pytest.mark.parametrize("sentence, reason", [
    ("The president visited China last month, soon after his inauguration.", "off the story"),
    ("The alliance, resulting from the pact in June 2024, would include a defence clause.", "no event word"),
    ("In February 2022, prices in Moscow doubled.", "no event word"),
])
def test_other_dated_mentions_are_kept_and_flagged(sentence, reason):
    (row,) = _found(sentence)
    assert row[1] == "other" and reason in row[2]


def test_every_date_phrase_gives_exactly_one_row():
    text = ("Officials in Seoul said on Monday that North Korea sent 3,000 soldiers to Russia in early October "
            "and that more followed last week. The treaty, signed in June, entered into force on December 4.")
    phrases = [(e.date_phrase.start, e.date_phrase.end) for e in events_in(text)]
    assert len(phrases) == len(set(phrases)) == 5


def test_the_timeline_counts_what_it_draws(seeds_dataset):
    from analysis.sections.timeline import event_table, timeline_html

    shown = timeline_events(seeds_dataset.events)
    assert shown["is_event"].all()
    n = shown["event_id"].nunique()
    assert f"Timeline of {n} events" in str(timeline_html(shown, seeds_dataset.articles, "svg"))
    assert str(event_table(shown, seeds_dataset.articles)).count("<tr>") == n + 1  # a row per event, and the header


def test_other_mentions_stay_in_the_data_off_the_timeline(seeds_dataset):
    events = seeds_dataset.events
    others = events[~events["is_event"]]
    assert len(others) and (others["kind"] == "other").all() and others["reason"].str.len().gt(0).all()
    assert not set(others["ref"]) & set(timeline_events(events)["ref"])
    assert events[events["reviewed"]]["is_event"].all()


def test_the_previous_day_counts_from_the_event_told_before_it(tmp_path):
    from analysis.dataset.build import build_dataset

    write_article(tmp_path, "a.txt", "Ministry reports on the treaty\nMarch 10, 2025\n"
                  "On March 3, the ministry announced that North Korean troops had reached Russia. "
                  "The previous day, the Duma ratified the pact with Pyongyang.\n\n"
                  "Officials said yesterday that more soldiers were on their way.\n")
    events = build_dataset(tmp_path).events.set_index("date_phrase")
    assert events.loc["The previous day", "mention_date"] == "2025-03-02"
    assert "counted from 'On March 3' (2025-03-03)" in events.loc["The previous day", "mention_date_basis"]
    assert events.loc["yesterday", "mention_date"] == "2025-03-09"  # the reader's yesterday


def _deployment(day: str, last: str | None = None):
    from datetime import date

    from analysis.dataset.rows import Row
    from analysis.extract.date_windows import DateRef

    start = date.fromisoformat(day)
    return (Row("a", (0, 1), "q", None, False, "extraction", kind="troop-deployment"),
            DateRef(start, date.fromisoformat(last or day), "", None, ""))


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [0, 1, 3, 2]])
def test_mentions_with_overlapping_dates_make_one_event_whatever_opened_windows_before(order):
    """A window narrows (all of January, then 20 January); a new one opening on the day the first
    once began (1 January) is another event, and a later 20 January mention still finds the first."""
    from analysis.dataset.events import group

    mentions = [_deployment("2024-01-01", "2024-01-31"), _deployment("2024-01-20"), _deployment("2024-01-01"),
                _deployment("2024-01-20")]
    rows, refs = zip(*[mentions[i] for i in order])
    groups = group(list(rows), list(refs))
    assert sorted(sorted(order[i] for i in members) for members in groups.values()) == [[0, 1, 3], [2]]
    assert len(set(groups)) == 2


def test_grouping_many_dated_mentions_takes_the_earliest_window_each_overlaps():
    """Disjoint windows found by bisection give what a scan of every window in the order they were
    made gives."""
    import random
    from datetime import timedelta

    from analysis.dataset.events import group

    rng, mentions = random.Random(7), []
    for _ in range(2000):
        start = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        width = rng.choice([0, 0, 0, 6, 30])
        row, ref = _deployment(start)
        mentions.append((row, type(ref)(ref.start, ref.start + timedelta(days=width), "", None, "")))
    rows, refs = map(list, zip(*mentions))
    windows: list[list] = []  # [first index, start, end], in the order made
    expected: dict[int, int] = {}
    for i, ref in enumerate(refs):
        hit = next((w for w in windows if w[1] <= ref.end and ref.start <= w[2]), None)
        if hit is None:
            windows.append(hit := [i, ref.start, ref.end])
        hit[1], hit[2] = max(hit[1], ref.start), min(hit[2], ref.end)
        expected[i] = hit[0]
    found = {i: min(members) for members in group(rows, refs).values() for i in members}
    assert found == expected
