"""The table of reporting verbs: forms spelled by rule or as listed, and the subsets read from it."""

import re

from analysis.extract.attribution import attribution_in
from analysis.extract.claim_tense import VERB, spoken_turns
from analysis.extract.event_words import event_words
from analysis.extract.frames import turn_label
from analysis.extract.headlines import HEADLINE_VERB, headline_claimant
from analysis.extract.reporting_verbs import TABLE, alternation, forms
from analysis.extract.sentences import sentences


def test_regular_and_irregular_forms():
    assert TABLE["deny"] == {"base": "deny", "third": "denies", "past": "denied", "participle": "denied",
                             "ing": "denying"}
    assert TABLE["stress"]["third"] == "stresses" and TABLE["note"]["ing"] == "noting"
    assert (TABLE["write"]["past"], TABLE["write"]["participle"]) == ("wrote", "written")
    assert TABLE["admit"]["past"] == "admitted" and TABLE["put"]["ing"] == "putting"
    assert TABLE["point out"]["past"] == "pointed out"


def test_forms_and_alternation():
    assert forms("say tell", "past") == {"said", "told"}
    pattern = re.compile(rf"\b(?:{alternation(forms('say point_out', 'third', 'past'))})\b")
    assert pattern.fullmatch("pointed  out") and pattern.fullmatch("says") and not pattern.fullmatch("say")


def test_subsets_keep_their_tense_and_case():
    assert VERB.search("The ministry estimates").lastgroup == "now"
    assert VERB.search("The ministry estimated").lastgroup == "then"
    assert HEADLINE_VERB.search("Troops Died, Ministry Says") and not HEADLINE_VERB.search("ministry says")
    assert [w.cls for w in event_words("The envoy announced it")] == ["state"]
    assert event_words("The state report") == []


def test_one_notion_of_a_transcript_turn():
    assert [turn_label(t) for t in ("MS. ROE: We see it.", "Q: And?", "REPORTER: Why?", "UPDATE: none", "No label")] \
        == ["speaker", "question", "question", "other", None]
    text = "MS. ROE: We see 500. They moved. Q: How many? ANN LEE: About 900. A: Later."
    assert spoken_turns(sentences(text)) == ["speaker", "speaker", "question", "speaker", None]


def test_shared_present_verbs_speak_but_maintain_only_dates():
    assert attribution_in("Analysts argue 5,000 troops were sent.").claimant.name == "Analysts"
    assert attribution_in("Officials think 8,000 troops arrived.").claimant.name == "Officials"
    assert attribution_in("Russia will maintain about 11,000 troops in Kursk.").claimant is None
    assert VERB.search("Moscow maintains that 11,000 troops left").lastgroup == "now"
    assert headline_claimant("Pentagon Confirmed 3,000 Troops in Kursk").name == "Pentagon"
    assert not HEADLINE_VERB.search("Seoul Notes Rise in Troop Numbers")
