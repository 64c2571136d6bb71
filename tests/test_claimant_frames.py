"""Claimants that the sentence's own grammar does not give: a closing ", he said." over a
statement made inside the sentence, transcript speaker labels, an anonymous speaker named in
the next paragraph, a pronoun for the agent the previous sentence opens with, several numbers
from several speakers in one sentence. Sentences are invented in the style of news reports."""

import pytest

from analysis.dataset.build import build_dataset
from analysis.extract.attribution import attribution_in
from analysis.extract.claimant_names import mention_of
from analysis.extract.figures import figures_in
from analysis.extract.frames import opening_mention, speaker_label

from conftest import write_article


def _claims(body, headline=None):
    return [(f.figure.value, f.figure.claimant, f.figure.cited_source) for f in figures_in(body, headline)
            if f.figure.value]


def test_a_closing_attribution_relays_the_statement_inside_the_sentence():
    body = ("Senator Mira Holt said on Monday that 300 soldiers had been killed, citing the border agency. "
            "The border agency also confirmed that two soldiers were captured last week, she said.")
    assert _claims(body) == [(300, "Mira Holt", "border agency"), (2, "Mira Holt", "border agency")]
    same = "Minister Anna Koski said 300 soldiers had died, the minister said on Monday."
    assert _claims(same) == [(300, "Anna Koski", None)]  # a title for the named speaker frames nothing


def test_a_transcript_label_is_no_part_of_the_sentence():
    found = attribution_in("KOVAC: The deputy envoy, Tomas Berg, said at least 4,000 soldiers are in the region.")
    assert found.claimant.name == "Tomas Berg"
    assert speaker_label("PETRA KOVAC, BYLINE: Good morning.") == ("Petra Kovac", "byline", 21)
    assert speaker_label("Kremlin: 4,000 troops is a lie") is None  # a headline's colon, not a label


def test_a_labelled_speaker_claims_only_when_no_one_else_is_credited_and_never_the_host():
    body = ("PETRA KOVAC, BYLINE: Good morning.\n\nKOVAC: About 2,000 soldiers are now near the border.\n\n"
            "TOMAS BERG: We counted 4,000 soldiers in the camps.\n\n"
            "KOVAC: The deputy envoy, Ivo Lind, said 6,000 soldiers had arrived.\n\n"
            "PETRA KOVAC: Some 3,000 soldiers went west.\n\nUPDATE: About 700 soldiers went east.")
    assert [c[:2] for c in _claims(body)] == [(2000, None), (4000, "Tomas Berg"), (6000, "Ivo Lind"), (3000, None),
                                              (700, None)]


def test_an_introduced_speaker_takes_the_name_the_next_paragraph_gives():
    body = ("About 100 soldiers were killed and 1,000 wounded, a lawmaker said Thursday, citing the spy agency.\n\n"
            "Rep. Mina Park of the ruling party made the remarks after a closed briefing.")
    assert _claims(body) == [(100, "Mina Park", "spy agency"), (1000, "Mina Park", "spy agency")]
    assert mention_of(["a", "lawmaker"]).kind == "role"
    alone = "About 100 soldiers were killed, a lawmaker said Thursday.\n\nIvan Petrenkov denied any losses."
    assert _claims(alone) == [(100, None, None)]  # never named: no claimant


def test_a_pronoun_may_stand_for_the_agent_the_previous_sentence_opens_with():
    body = ("The Baltic Fleet said 5,000 soldiers were there. Latvia's border service, the VRD, has given a higher "
            "figure. It has said that about 9,000 soldiers are in the camps.")
    assert [c[1] for c in _claims(body)] == ["Baltic Fleet", "Latvia's border service"]
    assert opening_mention("Rep. Mina Park of the ruling party made the remarks.").name == "Mina Park"
    assert opening_mention("The troops moved west.") is None


def test_each_number_takes_its_own_speaker():
    body = "Latvia's defence ministry said 300 soldiers had been killed, while the Kremlin claimed that 1,200 soldiers died."
    assert [c[1] for c in _claims(body)] == ["Latvia's defence ministry", "Kremlin"]
    inside = ("Norway's Security Bureau said 1,500 soldiers had arrived, in what it described as the first stage "
              "of a deployment of up to 9,000 soldiers.")
    assert [c[1] for c in _claims(inside)] == ["Norway's Security Bureau"] * 2


@pytest.mark.parametrize("sentence, claimant", [
    ("The puppet Security Bureau even went so far as to invent the story of 9,000 soldiers.", "Security Bureau"),
    ("The figure of 400 soldiers was given by the ministry, as reported by Nordic Daily.", "Nordic Daily"),
])
def test_the_author_of_a_claim(sentence, claimant):
    assert attribution_in(sentence).claimant.name == claimant


def test_a_family_name_first_stands_for_the_full_name():
    body = "Kang Min-jun, a member of the defence committee, told reporters the talks went badly. " \
           "Kang said 400 soldiers had died."
    assert _claims(body) == [(400, "Kang Min-jun", None)]


def test_two_claimants_of_one_number_stay_two_rows(tmp_path):
    write_article(tmp_path, "a.txt", "Troops in the region\n2024-11-10T02:15:52Z\n"
                  "Norway's Security Bureau said 3,000 soldiers had arrived.\n\n"
                  "Separately, the Pentagon said 3,000 soldiers had arrived.\n\n"
                  "Some 3,000 soldiers are there.\n")
    figures = build_dataset(tmp_path).figures
    assert sorted(figures[figures["value"] == 3000]["claimant"]) == ["Norway's Security Bureau", "Pentagon"]


def test_a_role_for_an_agency_heard_through_a_speaker_stays_with_the_speaker():
    body = ("About 100 soldiers were killed, Senator Mira Holt said on Monday, citing the Security Bureau. "
            "The bureau believes the fighting began this month, Holt said, adding that officers were among the dead. "
            "Of the roughly 9,000 soldiers in the region, some are at the front, according to the bureau.")
    assert _claims(body) == [(100, "Mira Holt", "Security Bureau"), (9000, "Mira Holt", "Security Bureau")]
    direct = "The Security Bureau said 100 soldiers were killed. According to the bureau, 9,000 soldiers are there."
    assert [c[1] for c in _claims(direct)] == ["Security Bureau", "Security Bureau"]


def test_a_pronoun_for_a_surname_takes_the_full_name():
    body = ("Kang Min-jun, a member of the defence committee, told reporters the talks went badly. "
            '"They are losing," Kang said. The bureau also confirmed that 40 soldiers were captured, he said.')
    assert _claims(body) == [(40, "Kang Min-jun", "bureau")]


def test_an_organisation_named_without_its_country_joins_the_one_country_that_has_it():
    from analysis.dataset.claimants import canonical_names

    kinds = dict.fromkeys(["Security Bureau", "Norway's Security Bureau", "Oslo's security bureau"], "organisation")
    out = canonical_names(kinds, {})
    assert {out[m] for m in kinds} == {("Norway's Security Bureau", "organisation")}
    both = canonical_names(kinds | {"Latvia's Security Bureau": "organisation"}, {})
    assert both["Security Bureau"] == ("Security Bureau", "organisation")  # two countries have one: neither


def test_words_inside_a_quotation_are_the_speakers_not_a_claimant_of_their_own():
    body = '"We believe about 2,000 soldiers have been killed," said Anna Koski, a spokeswoman for the border service.'
    assert _claims(body) == [(2000, "Anna Koski", None)]
    later = '“About 2,000 soldiers have died. Many more are wounded,” said Navy spokesman Karl Berg.'
    assert _claims(later) == [(2000, "Navy (Karl Berg)", None)]


def test_a_contrasting_clause_has_its_own_speaker():
    body = ("According to the Pentagon, 10,000 soldiers are in the region, though Latvia's border service says "
            "12,000 soldiers are there.")
    assert _claims(body) == [(10000, "Pentagon", None), (12000, "Latvia's border service", None)]


def test_who_weighs_a_claim_is_not_its_author():
    assert _claims("The wire service could not independently verify the claim that 2,000 soldiers died.") == [
        (2000, None, None)]
    assert _claims("Analysts doubted the figure of 2,000 soldiers.") == [(2000, None, None)]
