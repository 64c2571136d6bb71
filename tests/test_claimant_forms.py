"""Forms of attribution beyond "X said": the rules read first and the parse only where they find
no one; a clause's own speaker; progressives and "put ... at N"; "as X describes it"; a
transcript's turns; claim nouns owned by a possessive or a relative clause; a paragraph's
title-case label (press reviews, live blogs). Sentences are invented in the style of news."""

import pytest

from analysis.extract import parse
from analysis.extract.attribution import attribution_in
from analysis.extract.figures import figures_in
from analysis.extract.frames import lead_label


def _claims(body):
    return [(f.figure.value, f.figure.claimant) for f in figures_in(body) if f.figure.value]


def test_the_rules_read_first_and_the_parse_only_when_they_find_no_one():
    parse.attribution.cache_clear()
    found = attribution_in("Norway's premier, Ola Strand, has put the number in the region at 9,000.")
    assert found.claimant.name == "Ola Strand"  # the parse would stop at the title before the name
    assert parse.attribution.cache_info().currsize == 0
    found = attribution_in("Nordic media have circulated claims that 7,000 soldiers could be sent.")
    assert found.claimant.name == "Nordic media"  # no speech verb: the parse reads the claim noun
    assert parse.attribution.cache_info().currsize == 1


@pytest.mark.parametrize("sentence, who", [
    ("By the end of May, Lisbon was saying 8,000 soldiers were in the region.", "Lisbon"),
    ("Now Nordic officials are putting the total at around 9,000 soldiers.", "Nordic officials"),
    ("Nordic officials have put the contingent at 4,000 to 6,000 soldiers.", "Nordic officials"),
    ("A 9,000-strong force, as Nordic intelligence describes it, does not appear by accident.", "Nordic intelligence"),
    ("In mid-May, the Baltic Security Bureau counted 1,200 special forces.", "Baltic Security Bureau"),
    ("The ministry put pressure on 300 soldiers.", None),  # "put" with no number after "at"
])
def test_progressives_counts_and_characterisations_name_a_speaker(sentence, who):
    found = attribution_in(sentence, parse=False)
    assert (found.claimant.name if found.claimant else None) == who


def test_a_leading_citing_phrase_is_the_source():
    found = attribution_in("Citing Nordic intelligence, the Daily Sun reported that 900 soldiers died.", parse=False)
    assert (found.claimant.name, found.source) == ("Daily Sun", "Nordic intelligence")


def test_quoted_as_saying_is_no_progressive():
    found = attribution_in("The Daily Sun quoted the general as saying 500 soldiers had died.", parse=False)
    assert (found.claimant.name, found.source) == ("Daily Sun", "general")


def test_the_clause_holding_a_number_names_its_speaker():
    body = ("The Baltic Security Bureau said in May that more than 4,000 soldiers had been sent, and Nordic "
            "officials have put the contingent at 4,000 to 6,000 soldiers.\n\n"
            "The Daily Sun reported that the talks had stalled; Nordic Wire, citing a diplomat, said 400 "
            "soldiers had also arrived.")
    assert _claims(body) == [(4000, "Baltic Security Bureau"), (4000, "Nordic officials"), (400, "Nordic Wire")]


def test_a_transcript_turn_runs_to_the_next_label_and_we_is_its_speaker():
    body = ("DEPUTY PRESS SECRETARY ANN ROE: Good afternoon, everyone.\n\n"
            "We now believe about 4,000 soldiers have arrived. The army has lost more than 900 soldiers a day.\n\n"
            "Q: Nordic intelligence says 6,000 soldiers are there. Is yours an undercount?\n\n"
            "MS. ROE: More than 700 soldiers were wounded last week.")
    assert _claims(body) == [(4000, "Ann Roe"), (900, "Ann Roe"), (6000, "Nordic intelligence"), (700, "Ann Roe")]
    assert _claims("Q: Are 500 soldiers there?\n\nA: We cannot say.") == [(500, None)]


@pytest.mark.parametrize("sentence, who", [
    ("Either way, the Pentagon's own tally is closer to 10,000 soldiers.", "Pentagon"),
    ("The estimate is higher than the figure of more than 3,000 that Nordic officials gave in May.",
     "Nordic officials"),
    ("Some 2,000 soldiers that commanders sent east were killed.", None),
    ("The tally is closer to 10,000 soldiers.", None),  # a claim noun with no owner names no one
    ("Those figures, which come from Nordic intelligence, put the losses at 3,000 soldiers.", "Nordic intelligence"),
])
def test_a_claim_noun_names_its_owner_in_the_parse(sentence, who):
    found = attribution_in(sentence)
    assert (found.claimant.name if found.claimant else None) == who


def test_an_unnamed_role_is_a_figure_s_last_resort_claimant():
    body = "Last Wednesday, the administration said at least 3,000 soldiers had been moved to the border."
    assert _claims(body) == [(3000, "administration")]


def test_a_title_case_label_heads_a_paragraph_of_a_press_review():
    body = ("The Baltic Courier (Riga): About 2,000 soldiers have reached the border region. "
            "Some 300 more soldiers are expected.\n\n"
            "Claim: North Korea has sent 90,000 soldiers.\n\n"
            "In Kursk: 650 soldiers were wounded.")
    assert _claims(body) == [(2000, "Baltic Courier"), (300, "Baltic Courier"), (90000, None), (650, None)]
    assert lead_label("KOVAC: About 2,000 soldiers") is None  # capitals: a transcript's speaker label
    assert lead_label("Why it matters: The treaty") is None


def test_live_blog_entries_after_timestamps_and_bullets():
    body = ("09:12 GMT - Nordic intelligence says 4,500 soldiers are now in the border region.\n\n"
            "11:05 GMT\nA senior Baltic official told reporters 3,200 soldiers had been moved west overnight.\n\n"
            "12:30 GMT - Baltic Courier: About 900 soldiers were wounded this week.\n\n"
            "- Nordic Wire: Some 600 soldiers were captured.")
    assert _claims(body) == [(4500, "Nordic intelligence"), (3200, "senior Baltic official"),
                             (900, "Baltic Courier"), (600, "Nordic Wire")]


def test_a_fact_check_names_who_made_the_claim():
    body = ("Claim: North Korea has sent 90,000 soldiers to the front.\n\n"
            "Claimed by: Nordic Telegram channels\n\nVerdict: False.")
    assert _claims(body) == [(90000, "Nordic Telegram channels")]


@pytest.mark.parametrize("sentence, who", [
    ("It was the Baltic Security Bureau that first said 1,500 soldiers had been shipped.", "Baltic Security Bureau"),
    ("The first to sound the alarm was Nordic intelligence, which said 1,500 soldiers had left.",
     "Nordic intelligence"),
    ("Lisbon's estimate: 10,000 soldiers.", "Lisbon"),
    ("The Pentagon's figure, 10,000 soldiers, was released on Monday.", "Pentagon"),
    ("By Kyiv's count, 3,000 soldiers have been killed or wounded.", "Kyiv"),
    ("In Lisbon's telling, 1,500 soldiers left in early October.", "Lisbon"),
    ("That estimate - 11,000 soldiers - came from the border guard.", None),  # not the phrase holding the figure
])
def test_clefts_relatives_and_possessed_claims_name_their_author(sentence, who):
    found = attribution_in(sentence)
    assert (found.claimant.name if found.claimant else None) == who
