from datetime import date, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.common.vocabulary import WEEKDAYS
from analysis.extract.dates import resolve
from analysis.ingest.page_dates import parse_page_date

TUESDAY = date(2024, 10, 15)


@pytest.mark.parametrize("line, expected", [
    ("Sunday, November 24, 2024", date(2024, 11, 24)),
    ("[June 20, 2024]", date(2024, 6, 20)),
    ("2024-11-10T02:15:52Z", date(2024, 11, 10)),
    ("2024.10.15 09:03", date(2024, 10, 15)),
    ("date 2024-10-18 Photo : YONHAP News", date(2024, 10, 18)),
    ("6 Nov 2024 11:36", date(2024, 11, 6)),
    ("Published December 23, 2024 | 11:39 PM", date(2024, 12, 23)),
])
def test_page_date_forms(line, expected):
    assert parse_page_date(line) == expected


@pytest.mark.parametrize("line", [
    "World", "The treaty was signed on June 19, 2024 in Pyongyang by both leaders of the two countries.", "",
])
def test_text_is_not_a_page_date(line):
    assert parse_page_date(line) is None


@pytest.mark.parametrize("phrase, iso, precision", [
    ("on Tuesday", "2024-10-15", "day"),           # the anchor's own weekday is the anchor day
    ("on Thursday", "2024-10-10", "day"),          # never a day after the anchor
    ("last Tuesday", "2024-10-08", "day"),
    ("yesterday", "2024-10-14", "day"),
    ("the previous day", "2024-10-14", "day"),
    ("between Tuesday and Sunday of last week", "2024-10-08/2024-10-13", "week"),
    ("in the last week of October", "2023-10-25/2023-10-31", "week"),
    ("in the first week of October", "2024-10-01/2024-10-07", "week"),
    ("today [on 24 October]", "2023-10-24", "day"),  # written-out date wins; year looks back
    ("on October 14", "2024-10-14", "day"),
    ("Oct. 8", "2024-10-08", "day"),
    ("this week", "2024-10-14/2024-10-15", "week"),  # clipped at the anchor
    ("last week", "2024-10-07/2024-10-13", "week"),
    ("last month", "2024-09", "month"),
    ("earlier this month", "2024-10-01/2024-10-15", "month"),
    ("in June", "2024-06", "month"),
    ("in June 2024", "2024-06", "month"),
    ("in early August", "2024-08-01/2024-08-10", "month"),
    ("nearly five months after", "2024-05-15/2024-05-30", "month"),
    ("in 1990", "1990", "year"),
])
def test_resolve(phrase, iso, precision):
    ref = resolve(phrase, TUESDAY)
    assert (ref.iso, ref.precision) == (iso, precision)


@pytest.mark.parametrize("phrase, tense, iso", [
    ("on Thursday", "future", "2024-10-17"),        # "will meet on Thursday": the next one
    ("on Tuesday", "future", "2024-10-15"),         # the anchor's own weekday is the anchor day
    ("next Tuesday", "", "2024-10-22"),             # but "next" is never the anchor day
    ("next Monday", "past", "2024-10-21"),          # the word outranks the tense
    ("on April 7", "future", "2025-04-07"),
    ("on April 7", "past", "2024-04-07"),
    ("on November 6", "", "2024-11-06"),            # no tense: the nearest
    ("on October 10", "future", "2024-10-10"),      # a plan reported a few days after its day
    ("in March", "future", "2025-03"),
    ("this September", "past", "2024-09"),
])
def test_tense_points_dates_without_a_year(phrase, tense, iso):
    assert resolve(phrase, TUESDAY, tense).iso == iso


@pytest.mark.parametrize("phrase, value", [
    ("the third quarter", "2024-Q3"), ("the quarter", "2024-Q3"), ("third-quarter", "2024-Q3"),
    ("the fourth quarter of 1998", "1998-Q4"), ("the year-earlier quarter", "2023-Q3"), ("next quarter", "2025-Q1"),
    ("last summer", "2024-SU"), ("this winter", "2024-WI"), ("the spring of 1998", "1998-SP"),
    ("the weekend", "2024-W41-WE"), ("this week", "2024-W42"), ("this year", "2024"), ("next year", "2025"),
    ("later this month", "2024-10"), ("two years ago", "2022"), ("the 1990s", "199"), ("fiscal 1990", "1990"),
    ("now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("recently", "PAST_REF"), ("the future", "FUTURE_REF"),
    ("tomorrow", "2024-10-16"), ("Friday, Oct. 11", "2024-10-11"), ("mid-November 2023", "2023-11"),
    ("Christmas Eve 2023", "2023-12-24"), ("Thanksgiving 2024", "2024-11-28"),
    ("the second half of 1998", "1998-H2"), ("the first half", "2024-H1"), ("the year", "2024"),
    ("year-end", "2023-12-31"), ("several years ago", "PAST_REF"), ("the past few months", "PAST_REF"),
    ("nineteen seventy-nine", "1979"), ("the year two thousand", "2000"), ("the last week", "2024-W41"),
    ("the latest fiscal year", "2023"), ("50 years ago", "1974"),
    ("Election Day 1998", "1998-11-03"), ("Labor Day 2024", "2024-09-02"), ("Memorial Day 2024", "2024-05-27"),
    ("Easter 2000", "2000-04-23"), ("Good Friday 2024", "2024-03-29"), ("Presidents' Day 2024", "2024-02-19"),
    ("the 20th century", "19"), ("21st-century", "20"),
    ("last Oct. 23", "2023-10-23"), ("next March 3", "2025-03-03"),
    ("the year 1998", "1998"),
    ("the first quarter of next year", "2025-Q1"), ("the second half of last year", "2023-H2"),
    ("the spring of next year", "2025-SP"), ("the prior year", "2023"), ("the prior quarter", "2024-Q3"),
    ("the '80s", "198"), ("in 1898", "1898"), ("a week or so ago", "2024-10-08"),
    ("1988's fourth quarter", "1988-Q4"),
])
def test_timeml_values(phrase, value):
    from analysis.extract.date_values import timeml_value

    assert timeml_value(resolve(phrase, TUESDAY)) == value


@pytest.mark.parametrize("sentence, found", [
    ("The treaty, signed in 1961, was revived in 2024.", ["in 1961", "in 2024"]),
    ("Some 2000 troops and 1,500 engineers arrived.", []),          # counts, not years
    ("About 2000 arrived in June, and 2000 more since.", ["in June"]),
    ("It cost $2010 under Article 2020 of the code.", []),          # money and an article number
    ("Prices fall in spring as they did in the fall of 2022.", ["in spring", "in the fall of 2022"]),
    ("We may see a march in May.", ["in May"]),
    ("The army now holds the town it took recently.", ["recently"]),  # "now" only on request
    ("Talks must end by May, and resume after March 3.", ["by May", "March 3"]),
    ("The quarter-to-quarter comparison was weak.", []),
])
def test_what_is_found(sentence, found):
    from analysis.extract.dates import date_phrases

    assert [p.text for p in date_phrases(sentence)] == found


def test_weak_forms_only_on_request():
    from analysis.extract.dates import date_phrases

    text = "Troops sent since the 1990s now number 2024, more than in 1999."
    assert [p.text for p in date_phrases(text)] == ["in 1999"]
    assert [p.text for p in date_phrases(text, weak=True)] == ["the 1990s", "now", "in 1999"]


@pytest.mark.parametrize("sentence, phrase, tense", [
    ("The parliament will vote on April 7, officials said.", "on April 7", "future"),
    ("The parliament voted on April 7.", "on April 7", "past"),
    ("Kim said on Thursday that the talks would resume.", "on Thursday", "past"),
    ("The offer expires on Nov. 16.", "on Nov. 16", ""),
    ("In January, the ministry ruled that the plant should close.", "In January", "past"),  # nearest verb
    ("The board extended the offer until Nov. 16.", "Nov. 16", ""),       # a deadline: the nearest
    ("The bank gave the firm a loan effective Feb. 1.", "Feb. 1", ""),
    ("The vote was postponed to March 3.", "March 3", ""),
    ("The envoy could arrive in Pyongyang as early as Tuesday.", "Tuesday", "future"),
    ("Officials said they did not plan to move the troops on Thursday.", "on Thursday", "future"),
    ("Output has risen since year-end.", "year-end", "past"),
    ("The index is near the record it set on Aug. 6.", "on Aug. 6", "past"),   # an irregular past
    ("The appeal is heard in May in the federal court.", "in May", ""),      # a present passive is not past
    ("The delegation will leave with the envoy who arrived on Thursday.", "on Thursday", "past"),
])
def test_clause_tense(sentence, phrase, tense):
    from analysis.extract.date_tense import tense_at

    at = sentence.index(phrase)
    assert tense_at(sentence, at, at + len(phrase)) == tense


def test_relative_phrase_needs_an_anchor():
    assert resolve("on Thursday", None) is None
    assert resolve("June 19, 2024", None).iso == "2024-06-19"


def test_resolution_records_phrase_and_anchor():
    ref = resolve("on Thursday", date(2024, 11, 10))
    assert ref.iso == "2024-11-07" and ref.relative
    assert "2024-11-10" in ref.basis and ref.phrase == "on Thursday"


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.sampled_from(sorted(WEEKDAYS)),
       st.sampled_from(["on ", "said ", "last ", "", "earlier "]))
def test_past_weekday_never_after_anchor(anchor, weekday, prefix):
    ref = resolve(prefix + weekday.title(), anchor)
    assert ref.end <= anchor and anchor - ref.start < timedelta(days=8)
    assert ref.start.weekday() == WEEKDAYS[weekday]


@given(st.text(max_size=80), st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1))))
def test_resolver_never_crashes(text, anchor):
    ref = resolve(text, anchor)
    assert ref is None or ref.start <= ref.end
    parse_page_date(text)


PAGE_DATE_FORMS = ["%A, %B %-d, %Y", "%B %-d, %Y", "%b %-d, %Y", "%b. %-d, %Y", "%-d %b %Y %H:%M", "%-d %B %Y",
                   "%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ", "%B %-d, %Y at %-I:%M %p", "%a, %d %b %Y %H:%M:%S GMT",
                   "%d %B, %Y", "%B %-d, %Y %-I:%M %p EST", "%A %d %B %Y %H:%M"]


@given(st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31)), st.sampled_from(PAGE_DATE_FORMS))
def test_common_page_dates_are_read_as_dateparser_reads_them(when, form):
    from analysis.ingest.page_dates import _common_date, _dateparser_date

    line = when.strftime(form)
    assert _common_date(line) is not None, line
    assert _common_date(line) == _dateparser_date(line), line


def _read(body: str, span: tuple[int, int], anchor: date):
    """A phrase of the body read as the dataset reads it: taken from its article, then resolved."""
    from analysis.dataset.dating import resolve_phrase
    from analysis.dataset.phrases import Reader

    return resolve_phrase(Reader(body).phrase(span), anchor)


def test_the_next_day_counts_from_the_passage_date():
    body = ("The lower house voted on 24 September. The upper house approved it the next day.\n"
            "Officials said on Monday that the vote had come the previous day.")
    for phrase, expected in [("the next day", "2024-09-25"), ("the previous day", "2024-10-13")]:
        at = body.index(phrase)
        ref = _read(body, (at, at + len(phrase)), TUESDAY)
        assert ref.iso == expected, phrase
    chained = "The Duma voted on 24 September. The upper house approved it the next day. He signed it the same day."
    at = chained.index("the same day")
    assert _read(chained, (at, at + 12), TUESDAY).iso == "2024-09-25"
    lone = "It happened the previous day."
    assert _read(lone, (12, 28), TUESDAY).iso == "2024-10-14"  # no date of its own: the anchor's


def test_a_written_weekday_picks_the_year():
    assert resolve("on Saturday, April 25", date(1998, 4, 24), "past").iso == "1998-04-25"  # the past tense yields
    assert resolve("on Friday 25 October", TUESDAY, "future").iso == "2024-10-25"
    assert resolve("on Friday, 25 October", TUESDAY, "past").iso == "2024-10-25"  # 2023-10-25 was a Wednesday


DATE_WORDS = ("on in the last next this past coming early earlier later fiscal year week month quarter weekend spring "
              "fall winter Monday May March Oct. 1990 1990s 2000 12 31 third ago a two years days yesterday tomorrow "
              "now previous same day after Christmas year-earlier period recently future will said Saturday,").split()


@given(st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=6),
       st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)), st.sampled_from(["past", "future", ""]))
def test_any_mix_of_date_words_gives_a_window_or_nothing(words, anchor, tense):
    from analysis.extract.date_values import timeml_value

    ref = resolve(" ".join(words), anchor, tense)
    assert ref is None or (ref.start <= ref.end and timeml_value(ref))


def test_a_long_chain_of_next_days_counts_forward_in_one_pass():
    """Each "the next day" counts from the one before: 3,000 of them end 3,000 days after the first
    date, read in one pass over the passage (read back from its end, the chain went 3,000 calls deep)."""
    from datetime import timedelta

    body = "The talks began on 3 May. " + "They resumed the next day. " * 3000
    at = body.rindex("the next day")
    assert _read(body, (at, at + 12), TUESDAY).start == date(2024, 5, 3) + timedelta(days=3000)


def test_days_later_count_forward_from_the_passage_date():
    body = "The president signed the law on 3 May, and the minister endorsed it two days later."
    at = body.index("two days later")
    assert _read(body, (at, at + 14), TUESDAY).iso == "2024-05-05"
    same = "The president signed the law on 3 May. Later in the day the minister endorsed it."
    at = same.index("Later in the day")
    assert _read(same, (at, at + 16), TUESDAY).iso == "2024-05-03"
    lone = "The minister endorsed it two days later."
    assert _read(lone, (25, 39), TUESDAY) is None  # later than no day named: not after publication


def test_a_date_in_a_which_clause_is_background_for_the_previous_day():
    body = ("The accord, which was signed in Minsk on 2 March, raises ties to a new level. "
            "The assembly approved it the previous day.")
    at = body.index("the previous day")
    assert _read(body, (at, at + 16), TUESDAY).iso == "2024-10-14"  # the anchor's, not 1 March
    told = "The assembly met on 2 March. The senate approved it the previous day."
    at = told.index("the previous day")
    assert _read(told, (at, at + 16), TUESDAY).iso == "2024-03-01"


def test_an_undated_article_is_read_against_the_latest_day_it_writes_in_full(tmp_path):
    from analysis.dataset.build import build_dataset
    from analysis.dataset.dating import latest_written_day
    from conftest import write_article

    assert latest_written_day("It took effect on 4 March 2023. The pact will expire on 1 May 2031.") == \
        date(2023, 3, 4)  # a day in a future-tense clause says nothing of when the text was written
    assert latest_written_day("It took effect on 4 March.") is None
    write_article(tmp_path, "a.txt", "Border guards detain two soldiers\n\n"
                  "The pact between the two states took effect on 2 February 2026.\n\n"
                  "Border guards said the two soldiers were detained on 28 December, and the ministry "
                  "confirmed the arrest the following day.\n\nThe soldiers were questioned on Monday, the army said.\n")
    data = build_dataset(tmp_path)
    events = data.events.set_index("date_phrase")
    assert events.loc["on 28 December", "mention_date"] == "2025-12-28"
    assert events.loc["the following day", "mention_date"] == "2025-12-29"
    assert events.loc["on Monday", "mention_date"] is pd.NA  # a weekday is not read against a bound
    assert data.articles["published"].isna().all()  # the article's own date stays unknown


@pytest.mark.parametrize("text, found", [
    ("It replaces a 2000 treaty that had no defence clause.", ["2000"]),
    ("It succeeded the 1961 Soviet-Korean pact.", ["1961"]),
    ("Officials said the 2000 troops had arrived.", []),   # a count of something
    ("The 2024 figure was revised.", ["2024"]),
    ("It holds a 2000 percent stake.", []),
    ("The ships sailed in 1853.", ["in 1853"]),
    ("Curfew begins in 1800 GMT.", []),   # a time of day
])
def test_a_year_naming_a_thing_is_found_without_its_article(text, found):
    from analysis.extract.dates import date_phrases

    assert [p.text for p in date_phrases(text)] == found


def test_a_year_alone_does_not_overrule_a_relative_date():
    from analysis.dataset.dating import reconcile

    year = resolve("the 2023 accord", None)
    monday = resolve("on Monday", TUESDAY, "past")
    agreed, disagree = reconcile([year, monday])
    assert agreed.iso == "2024-10-14" and disagree == [0]  # the year disagrees; the page date is not in question
    day = resolve("on 3 May 2023", None)
    assert reconcile([year, day])[0].iso == "2023-05-03"
