"""The grader on a small synthetic gold file (the shared dev texts stay outside the project)."""

import textwrap

import pytest

from analysis.__main__ import main
from analysis.bench.evaluate import claimant_matches, date_matches, evaluate
from analysis.common.errors import InputError

ARTICLE = ("Example headline about troops\n2024-11-10T02:15:52Z\n"
           "Zelenskiy said on Thursday that North Korea has sent 11,000 troops to Russia. "
           "Officials said some 500 workers arrived.\n")


@pytest.fixture
def gold(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "gold.yaml"
    path.write_text(textwrap.dedent("""\
        articles:
        - file: articles/a.txt
          publication_date: '2024-11-10'
          figures:
          - value: 11000
            claimant: Zelenskyy
            claim_date: '2024-11-07'
          - value: 700
            claimant: Nobody
            claim_date: null
          events:
          - quote: Zelenskiy said on Thursday that North Korea has sent 11,000 troops to Russia.
            date: '2024-11-07'
            date_phrase: on Thursday
        """), encoding="utf-8")
    return path


def test_scores_and_misses(gold):
    scores = {s.name: s for s in evaluate(gold)[0]}
    assert (scores["figures recall"].correct, scores["figures recall"].total) == (1, 2)
    assert any("700" in m for m in scores["figures recall"].misses)
    assert scores["figures precision"].value == 1.0  # the 500 workers are 'other', not a troop figure
    assert scores["claimant accuracy"].value == 1.0 and scores["claim date accuracy"].value == 1.0
    assert scores["event date accuracy"].value == 1.0 and scores["article date accuracy"].value == 1.0


def test_command_prints_a_table(gold, capsys):
    assert main(["evaluate", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "figures recall" in out and "0.50" in out and "misses:" in out


def test_bad_gold_file(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text("articles: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected an 'articles' list"):
        evaluate(path)


def test_matching_rules():
    assert claimant_matches("Ukrainian President Volodymyr Zelenskiy", "Zelenskyy (citing intelligence)")
    assert not claimant_matches("Peskov", "South Korea's NIS")
    assert not claimant_matches(None, "NIS")
    assert date_matches("2024-10-25", "2024-10-31", "2024-10")      # a window inside the gold month
    assert not date_matches("2024-10-01", "2024-11-01", "2024-10")
    assert date_matches(None, None, None) and not date_matches("2024-10-01", "2024-10-01", None)


def test_gold_subjects_are_classed_by_what_is_counted():
    from analysis.bench.evaluate import gold_subject

    assert gold_subject("soldiers killed or wounded since December") == "casualties"
    assert gold_subject("soldiers killed in three days of fighting") == "killed"
    assert gold_subject("troops wounded near the border") == "wounded"
    assert gold_subject("special forces carried by naval vessels") == "deployed"
    assert gold_subject("construction workers sent abroad") == "other"
    assert gold_subject(None) == "deployed"


def test_a_claimant_matches_by_acronym_but_not_by_the_source_it_cites():
    assert claimant_matches("NIS", "South Korea's National Intelligence Service")
    assert claimant_matches("HUR", "Ukraine's military intelligence agency (HUR)")
    assert claimant_matches("Lee Seong-kweun", "South Korean lawmaker Lee Seong-kweun, citing the NIS")
    assert not claimant_matches("NIS", "South Korean lawmaker Lee Seong-kweun, citing the NIS")
    assert not claimant_matches("Pentagon", "South Korea's National Intelligence Service")


def test_a_spokesperson_claim_matches_either_name_but_not_a_relayed_source():
    assert claimant_matches("Pentagon", "Sabrina Singh (Pentagon deputy press secretary)")
    assert claimant_matches("Sabrina Singh", "Pentagon (spokeswoman Sabrina Singh)")
    assert not claimant_matches("NIS", "South Korean MP Lee Seong-kweun (citing NIS briefing)")
    assert not claimant_matches("CNN", "Ukraine's special operations forces (via CNN)")
