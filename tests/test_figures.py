"""Figures on invented sentences in news style: which numbers count people, what each counts
(subject and category), and which phrase dates the claim."""

import pytest

from analysis.extract.figures import figures_in
from analysis.extract.subjects import CASUALTY_SUBJECTS, SUBJECTS, category_of, subject_of_annotation


def _people(text):
    return [(f.figure.value, f.figure.value_max, f.figure.qualifier, f.subject)
            for f in figures_in(text) if f.figure.value is not None and f.subject is not None]


def _dated(text):
    return {f.figure.value: (f.date_phrase.text if f.date_phrase else None)
            for f in figures_in(text) if f.figure.value is not None and f.subject is not None}


@pytest.mark.parametrize("text, expected", [
    ("The ministry said the army had moved about 20,000 of its military to the border.",
     [(20000, None, "about", "deployed")]),
    ('Seoul said "at least 4,000" Northern troops were stationed near the front.',
     [(4000, None, "at least", "deployed")]),
    ("Officials described a 40,000-strong expeditionary force gathering in the east.",
     [(40000, None, None, "deployed")]),
    ("The agency said some 25-hundred commandos had arrived.", [(2500, None, "some", "deployed")]),
    ("The agency said twelve thousand soldiers had arrived.", [(12000, None, None, "deployed")]),
    ("Kyiv said between 6,000 and 8,000 soldiers had crossed the border.", [(6000, 8000, None, "deployed")]),
    ("Kyiv said 6,000-8,000 soldiers had crossed the border.", [(6000, 8000, None, "deployed")]),
    ("A contingent of roughly 7,000 was said to be training near the coast, the general told reporters.",
     [(7000, None, "roughly", "deployed")]),
])
def test_number_forms_that_count_people(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The general said almost 200 Northern soldiers had been killed and over 700 wounded.",
     [(200, "killed"), (700, "wounded")]),
    ("Of the 9,000 troops deployed, 300 were killed, the agency said.", [(9000, "deployed"), (300, "killed")]),
    ("The spy agency said 2,500 servicemen had been killed or wounded since they arrived.", [(2500, "casualties")]),
    ("Kyiv said the unit had suffered 1,200 casualties in two weeks.", [(1200, "casualties")]),
    ("The army said it captured two Northern soldiers in the region.", [(2, "captured")]),
    ("Ukrainian drones killed 40 Northern soldiers near the village, the army said.", [(40, "killed")]),
    ("Russia has lost more than 500,000 soldiers, the minister said.", [(500000, "casualties")]),
    ("The general said 60 Northern soldiers were missing after the assault.", [(60, "missing")]),
    ("Pyongyang has also sent 5,000 construction workers to the region.", [(5000, "other")]),
    ("Seoul said 8,000 troops were sent to the front and some of them suffered heavy losses.", [(8000, "deployed")]),
])
def test_subject_is_read_from_the_numbers_own_clause(text, expected):
    assert [(v, s) for v, _, _, s in _people(text)] == expected


@pytest.mark.parametrize("text", [
    "The treaty was signed on June 19, 2024, in Pyongyang, and came into force 12 days later.",
    "Article 4 of the pact obliges both sides to help; the 23-article text was published.",
    "The soldiers, aged 20 to 25, were seen 30 kilometres from the front line.",
    "About 40% of the soldiers had never left home, the report said, citing a $5 million budget.",
    "At 10:30 the 2nd Battalion soldiers moved, and the 3rd group of troops followed.",
    "One of the soldiers said the unit had 300 tanks and 40 drones.",
    "The attack came at 5 a.m., when the soldiers were asleep, officials said.",
    "Resolution 2231 bars the transfer, the envoy said, as troops massed in 2024.",
    "A 20-year-old soldier was captured, officials said.",
])
def test_numbers_that_count_no_one(text):
    assert _people(text) == []


@pytest.mark.parametrize("text, phrase", [
    ("On May 3, the ministry said that the army had sent about 9,000 soldiers to the front.", "On May 3"),
    ("The ministry said on Tuesday that 9,000 soldiers had crossed into Russia in March.", "on Tuesday"),
    ('"We think 9,000 soldiers have crossed," the spokesman told reporters Wednesday.', "Wednesday"),
    ("The ministry told lawmakers on Tuesday that 9,000 soldiers had been sent.", "on Tuesday"),
    ("The general told CNN on Sunday that 9,000 soldiers had been sent.", "on Sunday"),
    ("The minister, in a televised address on Friday, said 9,000 soldiers had arrived.", "on Friday"),
    ("In a statement released on Friday, the agency said 9,000 soldiers had arrived.", "on Friday"),
    ("The spy chief this week estimated that 9,000 soldiers were in the region.", "this week"),
    ("9,000 soldiers have been sent to the region, the agency said in a statement on Monday.", "on Monday"),
    ("According to figures released on Tuesday, 9,000 soldiers have been sent.", "on Tuesday"),
    # A phrase inside what is reported dates the event, not the claim.
    ("The ministry said that 9,000 soldiers had been sent in March.", None),
    ("The ministry said 9,000 soldiers arrived last week.", None),
    ("The ministry said Monday's strike killed 90 soldiers.", None),
    ("Since troops arrived in March, 9,000 soldiers have trained there, the ministry said.", None),
])
def test_the_claim_date_is_the_phrase_of_the_reporting_verb(text, phrase):
    assert list(_dated(text).values()) == [phrase]


def test_the_lead_dates_the_same_statement_told_again():
    body = ("The defence ministry said on Thursday that 9,000 soldiers had reached the front. "
            "Officials in the capital were alarmed. "
            "According to the ministry, the 9,000 soldiers are led by their own officers.")
    assert [p for v, p in _dated(body).items()] == ["on Thursday"]
    figures = [f for f in figures_in(body) if f.figure.value]
    assert [f.date_phrase.text for f in figures] == ["on Thursday", "on Thursday"]


def test_a_neighbouring_sentence_lends_no_date():
    body = ("Kyiv is worried. The general said on Thursday that 9,000 soldiers had reached the front. "
            "Moscow has not confirmed the presence of the soldiers.")
    claims = [f for f in figures_in(body) if f.figure.value is None]
    assert [(c.figure.claimant, c.date_phrase) for c in claims] == [("Moscow", None)]


def test_a_claim_said_to_be_older_is_not_dated_by_the_speakers_other_statement():
    body = ("The war entered its third year with no end in sight. Both armies are short of men and shells. "
            "Allies of both sides have sent weapons for months. "
            "Last week, General Koski warned that troops would reach the front. "
            "He has claimed that 9,000 soldiers are training there. General Koski said 500 soldiers were wounded.")
    assert _dated(body) == {9000: None, 500: "Last week"}


def test_category_follows_subject():
    assert {category_of(s) for s in CASUALTY_SUBJECTS} == {"casualties"}
    assert category_of("deployed") == "troops" and category_of("other") == "other"
    assert set(SUBJECTS) == {*CASUALTY_SUBJECTS, "deployed", "other"}
    assert subject_of_annotation("casualties", "soldiers killed") == "killed"
    assert subject_of_annotation("casualties", "North Korean soldiers") == "casualties"
    assert subject_of_annotation("troops", "troops sent") == "deployed"
    assert subject_of_annotation("treaty_article", "article of the treaty") is None


@pytest.mark.parametrize("text, expected", [
    ("Kyiv said casualties among the Northern troops had risen to about 2,000.", [(2000, "casualties")]),
    ("The general confirmed the deaths of 30 Northern soldiers.", [(30, "killed")]),
    ("Drones struck the column, killing 25 soldiers, the army said.", [(25, "killed")]),
])
def test_noun_before_and_verbs_that_take_the_count(text, expected):
    assert [(v, s) for v, _, _, s in _people(text)] == expected


def test_an_attribution_line_in_the_lead_dates_the_lead_figure():
    body = ("President Mira Holt has said that 9,000 Northern soldiers are now in the border region.\n"
            "Source: President Mira Holt in her evening address on 4 May\n"
            "Details: the troops are being trained by instructors, and 1,000 more are expected, officials said.")
    assert _dated(body) == {9000: "on 4 May", 1000: None}


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian forces killed 120 and wounded 300, the army said of the Northern troops.",
     [(120, "killed"), (300, "wounded")]),
    ("The Northern troops, numbering about 6,000, were moved east.", [(6000, "deployed")]),
    ("Northern forces in the region are estimated at 7,000, the agency said.", [(7000, "deployed")]),
    ("Pyongyang has sent a further 2,000 to Russia, the agency said of its soldiers.", [(2000, "deployed")]),
    ("Seoul said the North had sent 3,000 military to Russia.", [(3000, "deployed")]),
    ("Seoul said 400 soldiers were killed, wounded or captured.", [(400, "casualties")]),
    ("Kyiv said 10-12,000 soldiers had arrived.", [(10000, "deployed")]),
    ("Kyiv said 10,000+ soldiers and thousands of workers had arrived.", [(10000, "deployed")]),
    ("Seoul said 5,000 Korean People's Army (KPA) soldiers had arrived.", [(5000, "deployed")]),
])
def test_more_forms_of_counts(text, expected):
    assert [(v, s) for v, _, _, s in _people(text)] == expected


@pytest.mark.parametrize("text, phrase", [
    ("The minister emphasised on Monday that 9,000 soldiers had arrived.", "on Monday"),
    ("The minister said again on Monday that 9,000 soldiers had arrived.", "on Monday"),
    ("The minister told a news conference in the capital on Monday that 9,000 soldiers had arrived.", "on Monday"),
])
def test_more_reporting_verbs_and_settings(text, phrase):
    assert list(_dated(text).values()) == [phrase]


@pytest.mark.parametrize("text, expected", [
    ("Kyiv wants F-16 pilots trained faster, while 2,000 troops wait.", [(2000, "deployed")]),
    ("The strike killed 12 people in the city, officials said.", [(12, "other")]),
    ("Brigade 155 soldiers met 300 Northern troops.", [(300, "deployed")]),
])
def test_codes_and_civilians(text, expected):
    assert [(v, s) for v, _, _, s in _people(text)] == expected


@pytest.mark.parametrize("text, phrase", [
    ("The minister said in remarks broadcast on Monday that 9,000 soldiers had arrived.", "on Monday"),
    ("The minister told Yonhap news agency on Monday that 9,000 soldiers had arrived.", "on Monday"),
    ("On Sunday, 9,000 soldiers arrived in the region, the ministry said.", None),
])
def test_settings_named_without_article_and_event_dates_before_the_claim(text, phrase):
    assert list(_dated(text).values()) == [phrase]


def test_a_part_and_the_whole_it_is_taken_from():
    text = "Kyiv said some 3,000 of the 11,000 Northern troops had been killed or wounded."
    assert [(v, s) for v, _, _, s in _people(text)] == [(3000, "casualties"), (11000, "deployed")]


def test_according_to_a_dated_source():
    text = "About 9,000 soldiers have arrived, according to the ministry's statement on Monday."
    assert list(_dated(text).values()) == ["on Monday"]


@pytest.mark.parametrize("text, phrase", [
    ("In its latest assessment, released on Wednesday, the agency said 9,000 soldiers had arrived.", "on Wednesday"),
    ("9,000 soldiers have arrived in the region, the spy agency said last month.", "last month"),
    ("In the town, where soldiers arrived on Monday, the agency said 9,000 were based.", None),
])
def test_fronted_settings(text, phrase):
    assert list(_dated(text).values()) == [phrase]


def test_killed_and_wounded_from_one_claimant_do_not_conflict(tmp_path):
    from analysis.dataset.build import build_dataset
    from conftest import write_article

    write_article(tmp_path, "a.txt", "Headline of the story\n2024-11-10T02:15:52Z\n"
                  "General Koski said on Thursday that 100 Northern soldiers had been killed and 1,000 wounded.\n"
                  "General Koski said on Friday that 2,000 Northern soldiers had been wounded.\n")
    ds = build_dataset(tmp_path)
    f = ds.figures.set_index("value")
    assert (f.loc[100, "subject"], f.loc[1000, "subject"], f.loc[100, "category"]) == ("killed", "wounded", "casualties")
    conflicts = ds.conflicts[ds.conflicts["kind"] == "claimant gives different numbers"]
    assert conflicts["detail"].str.startswith("1,000, 2,000").tolist() == [True]


@pytest.mark.parametrize("text, expected", [
    ("The agency told lawmakers that 2,000 soldiers had arrived and that the total was expected to reach "
     "about 9,000 by spring.", [(2000, None, None, "deployed"), (9000, None, "about", "deployed")]),
    ("The estimate is lower than the figure of more than 7,000 that Western officials gave in March.",
     [(7000, None, "more than", "deployed")]),
    ("The ministry first said 900 marines had landed. Now officials in Berlin are putting the total at around 6,000, "
     "most of them near the border.", [(900, None, None, "deployed"), (6000, None, "around", "deployed")]),
    ("Officials said troop numbers in the region had reached 11,000 by December.", [(11000, None, None, "deployed")]),
    ("The ministry said the death toll among the Northern soldiers stood at 300.", [(300, None, None, "killed")]),
    ("The ministry said 20,000 Northern troops, including 400 officers and four generals, had arrived.",
     [(20000, None, None, "deployed"), (400, None, None, "deployed"), (4, None, None, "deployed")]),
    ("The brigade said its drone teams had killed about a dozen Northern soldiers in one assault.",
     [(12, None, "about", "killed")]),
])
def test_counts_named_by_a_tally_word_a_rank_or_a_dozen(text, expected):
    assert _people(text) == expected


def test_a_count_compared_with_an_earlier_one_counts_the_same_people():
    text = "The ministry said more than 9,000 Northern soldiers had reached the front, up from the 6,000 it cited in May."
    assert _people(text) == [(9000, None, "more than", "deployed"), (6000, None, None, "deployed")]


def test_a_bare_number_a_speaker_gives_repeats_the_kind_of_the_count_before_it():
    text = "First the agency said 800 marines had landed. Then the ministry said two thousand. Then it rained for 3 days."
    assert _people(text) == [(800, None, None, "deployed"), (2000, None, None, "deployed")]


@pytest.mark.parametrize("text", [
    "Dozens of soldiers were seen near the river, the governor said.",
    "Half a dozen soldiers were seen near the river, the governor said.",
    "The army received a number of 152mm shells and 900 rifles, the ministry said.",
    "Officials said the count had climbed to 40 by Friday, with 12 buildings destroyed.",
    "The total rose to 4,000 tonnes of grain, officials said.",
    "The number of drones rose to 500, the ministry said.",
    "The ministry said 900 soldiers had arrived. Officials in the capital said 12 ways out had been closed.",
    "The ministry said 900 soldiers had arrived. The talks were said to last longer than the 3 planned.",
])
def test_vague_counts_and_unrelated_numbers_stay_out(text):
    assert [v for v, *_ in _people(text)] in ([], [900])


@pytest.mark.parametrize("text, phrase", [
    # The one told and the setting, both between the verb and its phrase.
    ("The agency told lawmakers in a closed session Tuesday that 9,000 soldiers had been sent.", "Tuesday"),
    # A relative clause of the same speaker is dated by the verb before it.
    ("The agency said 900 commandos had arrived, the agency said on Friday, in what it called the start of a "
     "deployment that could reach 9,000 soldiers.", "on Friday"),
    # A definite count whose own speaker follows it.
    ("The ministry said on Monday that 9,000 soldiers had crossed, up from the 6,000 Berlin cited last week.",
     "last week"),
    ("The estimate is higher than the figure of 6,000 that Western officials gave in early May.", "in early May"),
])
def test_more_claim_phrases(text, phrase):
    assert _dated(text)[min(_dated(text)) if "6,000" in text else 9000] == phrase


def test_a_claim_in_the_perfect_takes_the_leads_date_only_for_the_same_number():
    body = ("The defence ministry said on Thursday that 900 soldiers had reached the front. "
            "The general spoke after a briefing by the ministry. "
            "Western officials have said the North has sent about 9,000 troops to the region.")
    assert _dated(body) == {900: "on Thursday", 9000: None}


def test_a_participle_continues_the_statement_dated_before_it():
    text = "The agency said on Friday that 900 soldiers had arrived, adding that the number could rise to 9,000 by May."
    assert _dated(text) == {900: "on Friday", 9000: "on Friday"}


@pytest.mark.parametrize("text", [
    "The general told the BBC in an interview on Sunday that 9,000 soldiers had arrived.",
    "The agency said late on Sunday that 9,000 soldiers had arrived.",
])
def test_a_named_listener_with_a_setting_and_a_time_of_day(text):
    assert _dated(text) == {9000: "on Sunday"}


def test_gave_reports_only_a_figure_given_before_it():
    assert _dated("The ministry said on Monday that Russia gave 9,000 soldiers rifles in March.") == {9000: "on Monday"}


@pytest.mark.parametrize("text, phrase", [
    ("The ministry on Monday raised its estimate to 9,000 soldiers.", "on Monday"),
    ("On Monday the ministry put the number of soldiers at 9,000.", "On Monday"),
    ("The ministry said on Monday that Russia had put 9,000 soldiers on the border.", "on Monday"),
])
def test_a_revised_estimate_is_a_claim(text, phrase):
    assert _dated(text) == {9000: phrase}


def test_repeats_merge_per_claimant_and_subject(tmp_path):
    """A restated number without a speaker is the named claim again; the same number from two
    speakers, or as killed and as wounded, is two claims."""
    from analysis.dataset.build import build_dataset
    from conftest import write_article

    write_article(tmp_path, "a.txt", "Headline of the story\n2024-11-10T02:15:52Z\n"
                  "General Koski said on Thursday that 4,000 Northern soldiers had crossed the river.\n"
                  "Minister Anna Vale said on Friday that 4,000 Northern soldiers had crossed the river.\n"
                  "The 4,000 soldiers are now near the front.\n"
                  "General Koski said 300 soldiers were killed and 300 wounded.\n")
    ds = build_dataset(tmp_path)
    rows = ds.figures[ds.figures["value"].notna()]
    assert sorted(rows.loc[rows["value"] == 4000, "claimant"]) == ["Anna Vale", "Koski"]
    assert sorted(rows.loc[rows["value"] == 300, "subject"]) == ["killed", "wounded"]


@pytest.mark.parametrize("text, expected", [
    # A speaker's estimate put at a number, with a place between the tally and "at".
    ("The ministry said 900 soldiers had arrived. The governor has put the number near the port at 1,400.",
     [900, 1400]),
    ("Allied officials have put the contingent at 6,000 to 7,000.", [6000]),
    # A number whose noun is left out counts what the article's last count counted, sentences later.
    ("The agency said 900 marines had landed. The talks went on. On Friday, the envoy claimed that at least 2,000 "
     "had been moved to the coast.", [900, 2000]),
    ("The agency said 900 marines had landed. Officials now say 1,600 are in Tarnova.", [900, 1600]),
    ("The agency counted 900 marines in May. A month later it was two thousand.", [900, 2000]),
])
def test_counts_whose_noun_stands_elsewhere(text, expected):
    assert [v for v, *_ in _people(text)] == expected


@pytest.mark.parametrize("text", [
    # Formations, ships and rounds counted right after a tally frame are no count of people.
    "The agency said 900 marines had landed and that the army plans a total of three brigades.",
    "The agency said 900 marines had landed; the navy sent 12 ships to the coast.",
    # Without an earlier count of people, a number with a left-out noun counts no one.
    "The ministry said 4,000 had been moved to the coast.",
    "Analysts put the cost at 3,000 a month.",
    "A week later it was 40.",
    "By then 12 were in Tarnova.",
])
def test_numbers_with_a_noun_elsewhere_that_count_no_one(text):
    assert [v for v, *_ in _people(text)] in ([], [900])


def _now(text):
    return {f.figure.value: f.said_on_publication for f in figures_in(text) if f.figure.value is not None}


@pytest.mark.parametrize("text, expected", [
    # Reported, in the present or the past tense, at no time the text gives: the rule
    # (a phrase of the claim's own clause or the lead dates it, else it is unresolved).
    ("The ministry says 3,000 Northern soldiers are at the front.", {3000: False}),
    ("Allied officials believe about 4,000 Northern troops have been sent.", {4000: False}),
    ("The ministry said 3,000 Northern soldiers were at the front.", {3000: False}),
    ("Media have circulated claims that 5,000 Northern soldiers could be sent.", {5000: False}),
    ("The ministry did not say whether 3,000 Northern soldiers were at the front.", {3000: False}),
    # A phrase of its own dates the claim.
    ("The ministry says on Monday that 3,000 Northern soldiers are at the front.", {3000: False}),
])
def test_a_reported_claim_is_not_dated_by_the_publication_day(text, expected):
    assert _now(text) == expected


def test_a_speakers_turn_in_a_transcript_is_said_on_the_publication_day():
    text = ("MS. ANN ROE: Good afternoon. We now assess that 2,000 Northern soldiers have arrived.\n"
            "It has lost 300 soldiers in a week.\n"
            "Q: Officials in Kyiv say 5,000 soldiers have arrived. Is that right?\n"
            "MS. ROE: The ministry said 900 soldiers were killed.")
    assert _now(text) == {2000: True, 300: True, 5000: False, 900: False}


@pytest.mark.parametrize("text, expected", [
    ("The ministry said 900 soldiers had arrived. A second ship docked on Friday, bringing the total to 6,000.",
     [(900, "deployed"), (6000, "deployed")]),
    ("The ministry said 900 soldiers had arrived. A new strike raised the death toll to 45.",
     [(900, "deployed"), (45, "killed")]),
    ("A contingent numbering 7,000 was seen near the coast, officials said.", [(7000, "deployed")]),
    ("Officials said 40 drone operators and 12 snipers had been trained.", [(40, "deployed"), (12, "deployed")]),
    ("The ministry said 900 soldiers had arrived. As many as 5,000 could be sent by spring.",
     [(900, "deployed"), (5000, "deployed")]),
    ("The ministry said 900 soldiers had arrived. About 3,000 are thought to be in Tarnova.",
     [(900, "deployed"), (3000, "deployed")]),
    ("The troops, estimated at 6,000, crossed the river, officials said.", [(6000, "deployed")]),
    ("The ministry said 900 soldiers had arrived. Estimates range from 10,000 to 12,000.",
     [(900, "deployed"), (10000, "deployed")]),
    ("The ministry said 900 soldiers had arrived. Pyongyang has sent 11,000 in total, officials said.",
     [(900, "deployed"), (11000, "deployed")]),
])
def test_more_people_nouns_and_tally_frames(text, expected):
    assert [(v, s) for v, _, _, s in _people(text)] == expected


@pytest.mark.parametrize("text", [
    "The vote brought the number of signatories to 45.",
    "Russia raised its budget to 3,000 billion roubles, the ministry said.",
    "The agency said 15 members of the council voted against it.",
    "The bridge, estimated at 300 metres, was closed, officials said.",
    "Estimates of the cost range from 10 to 12 billion dollars, officials said.",
    "About 3,000 are thought to be in Tarnova, the broker said of the new flats.",
])
def test_tally_frames_about_things_count_no_one(text):
    assert _people(text) == []



@pytest.mark.parametrize("text, phrase", [
    ("The monitoring group recorded on Tuesday that 40 Northern soldiers had been killed.", "on Tuesday"),
    ("On Friday, the general testified that 2,000 Northern troops had crossed the river.", "On Friday"),
])
def test_records_and_testimony_are_claims(text, phrase):
    assert list(_dated(text).values()) == [phrase]


def test_a_transcript_turn_is_dated_the_publication_day_in_the_dataset(tmp_path):
    """The publication day dates what a speaker says in a dated transcript; a claim reported in
    the present tense in a news story stays undated, and a repeat keeps the dated row."""
    import pandas as pd

    from analysis.dataset.build import build_dataset
    from conftest import write_article

    write_article(tmp_path, "a.txt", "Briefing on the border\n2024-11-10T02:15:52Z\n"
                  "MS. ANN ROE: We now assess that 4,000 Northern soldiers have crossed the river.\n"
                  "The 4,000 soldiers are now near the front.\n"
                  "MR. TOM DALE: The ministry says 700 Northern soldiers were wounded.\n")
    rows = build_dataset(tmp_path).figures.set_index("value")
    assert rows.loc[4000, "claim_date"] == "2024-11-10"
    assert "publication day" in rows.loc[4000, "claim_date_basis"]
    write_article(tmp_path, "a.txt", "Report on the border\n2024-11-10T02:15:52Z\n"
                  "The ministry says 700 Northern soldiers were wounded.\n")
    assert pd.isna(build_dataset(tmp_path).figures.set_index("value").loc[700, "claim_date"])
