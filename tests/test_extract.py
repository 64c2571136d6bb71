
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.dataset.build import build_dataset
from analysis.extract.claimants import claimant_in, stance_of
from analysis.extract.figures import figures_in
from analysis.extract.sentences import sentences

from conftest import SEEDS, write_article


def _found(text):
    """What each figure found in the text says."""
    return [found.figure for found in figures_in(text)]


def _figures(text):
    return [(f.value, f.value_max, f.category, f.claimant, f.stance) for f in _found(text) if f.value is not None]


@pytest.mark.parametrize("text, expected", [
    ("Zelensky said Monday that over 3,000 North Korean soldiers have been killed or wounded.",
     [(3000, None, "casualties", "Zelensky", "asserts")]),
    ("According to the NIS, the navy moved some 15-hundred special forces to Vladivostok.",
     [(1500, None, "troops", "NIS", "asserts")]),
    ("Ukraine's Defence Intelligence reported that Russia deployed more than 7,000 North Korean soldiers.",
     [(7000, None, "troops", "Ukraine's Defence Intelligence", "asserts")]),
    ("Zelenskiy said on Thursday that North Korea has sent 11,000 troops and some of them suffered casualties.",
     [(11000, None, "troops", "Zelenskiy", "asserts")]),
    ("Officials estimated that between 10,000 and 12,000 troops were sent.",
     [(10000, 12000, "troops", "Officials", "asserts")]),
])
def test_figures_with_claimant_and_category(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize("text", [
    "The treaty was signed on June 19, 2024, in Pyongyang.",          # dates and years
    "Article 4 of the agreement provides for mutual assistance.",     # article numbers count as treaty facts only
    "Four landing ships and 3 convoys of the Pacific Fleet sailed.",  # vessels are not people
    "Trade rose by 40% to $34 million in 2023.",                      # money and percentages
    "The last time the fleet visited was in 1990.",
])
def test_numbers_that_are_not_troop_figures(text):
    assert [f for f in _found(text) if f.category in ("troops", "casualties") and f.value is not None] == []


def test_treaty_facts():
    found = {(f.category, f.value) for f in _found(
        "There are 23 articles in the treaty. Article 4 invokes Article 51 of the UN Charter.")}
    assert found == {("treaty_articles", 23), ("treaty_article", 4), ("un_charter_article", 51)}


@pytest.mark.parametrize("sentence, stance", [
    ("The ministry denied reports of North Korean troop movements.", "denies"),
    ("The mission called the allegations groundless stereotypical rumours.", "denies"),
    ("Peskov said the alleged involvement of North Korean troops was fake news.", "denies"),
    ("Russia has not confirmed the presence of the North Korean troops.", "declines to confirm"),
    ("The Pentagon declined to confirm the number of troops.", "declines to confirm"),
    ("Zelenskiy said 11,000 troops were sent.", "asserts"),
])
def test_stance(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize("sentence, who", [
    ("Recently, South Korean intelligence reported that 1,500 soldiers were sent.", "South Korean intelligence"),
    ("Ukrainian President Volodymyr Zelenskiy this week accused North Korea of transferring personnel.",
     "Volodymyr Zelenskiy"),
    ("The treaty would include a defence clause, reported Reuters, citing a decree.", "Reuters"),
    ("According to the NIS, the navy said 1,500 troops moved.", "NIS"),
    ("North Korea’s UN mission also called the allegations rumours.", "North Korea’s UN mission"),
])
def test_claimant(sentence, who):
    assert claimant_in(sentence)[0] == who


def test_pronoun_claimant_and_speaker_date_elsewhere():
    body = ("NATO chief Mark Rutte said Monday that troops were sent to Kursk. "
            "Rutte said more than 600,000 soldiers have been killed or wounded. He said 10,000 soldiers are training.")
    figures = {f.figure.value: f for f in figures_in(body) if f.figure.value}
    assert figures[600000].date_phrase.text == "Monday" and figures[600000].figure.category == "casualties"
    assert figures[10000].figure.claimant == "Mark Rutte"  # the surname stands for the full name given before


def test_sentences_without_space_after_full_stop():
    texts = [s.text for s in sentences("Sending began Oct. 8.In a statement released on Friday, the U.S. agency spoke.")]
    assert texts == ["Sending began Oct. 8.", "In a statement released on Friday, the U.S. agency spoke."]


def test_copied_block_from_unknown_source_is_not_dated_by_the_outer_article(tmp_path):
    write_article(tmp_path, "a.txt", "Headline of the later story\n2024-11-10T02:15:52Z\n"
                  "Officials said on Thursday that 2,000 troops had arrived.\nReuters -\n"
                  "Russia said on Tuesday that 3,000 troops were expected.\n")
    ds = build_dataset(tmp_path)
    by_value = ds.figures.set_index("value")
    assert by_value.loc[2000, "claim_date"] == "2024-11-07"
    assert pd.isna(by_value.loc[3000, "claim_date"])
    assert "source not in the corpus" in by_value.loc[3000, "claim_date_basis"]


@pytest.fixture(scope="module")
def extracted_only(tmp_path_factory):
    folder = tmp_path_factory.mktemp("no_annotations")
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    return build_dataset(folder)


def test_every_annotated_figure_is_found_automatically(seeds_dataset, extracted_only):
    auto = extracted_only.figures
    for _, row in seeds_dataset.figures.iterrows():
        assert row["source"] == "extraction", row["quote"]
        same = auto[(auto["article_id"] == row["article_id"]) & (auto["span_start"] < row["span_end"])
                    & (auto["span_end"] > row["span_start"]) & (auto["stance"] == row["stance"])]
        same = same[same["value"].isna()] if pd.isna(row["value"]) else same[same["value"] == row["value"]]
        assert len(same) >= 1, row["quote"]
        if row["claim_date"] is not pd.NA and not pd.isna(row["claim_date"]):
            assert row["claim_date"] in set(same["claim_date"]), (row["quote"], list(same["claim_date"]))


def test_every_annotated_dated_event_is_found_automatically(seeds_dataset, extracted_only):
    auto = extracted_only.events
    dated = seeds_dataset.events[seeds_dataset.events["date_phrase"].notna()]
    for _, row in dated.iterrows():
        assert row["source"] == "extraction", row["quote"]
        phrase = row["date_phrase"].lower()
        same = auto[(auto["article_id"] == row["article_id"])
                    & auto["date_phrase"].str.lower().map(lambda p: p in phrase or phrase in p)]
        assert row["mention_date"] in set(same["mention_date"]), (row["quote"], list(same["mention_date"]))


def test_contradicted_page_dates_found_without_annotations(extracted_only):
    a = extracted_only.articles.set_index("id")
    assert sorted(i[:3] for i in a.index[a["page_date_contradicted"]]) == ["000", "001"]
    assert set(a.loc[a["page_date_contradicted"], "published"]) == {pd.Timestamp("2024-10-24")}


def test_claimant_chain():
    (f,) = [f for f in _found("Ukrainian President Volodymyr Zelenskiy said on Monday, citing his intelligence "
                                  "agencies, that 11,000 troops were in Kursk.") if f.value]
    assert (f.claimant, f.cited_source) == ("Volodymyr Zelenskiy", "intelligence agencies")


def test_ranges_are_drawn_as_bars():
    from analysis.sections.charts.claims import claims_over_time

    claims = pd.DataFrame([{"claim_id": "F1", "claimant": "X", "category": "troops", "subject": "deployed",
                            "stance": "asserts", "value": 10000, "value_max": 12000, "qualifier": None,
                            "said_start": pd.Timestamp("2024-10-01"), "said_end": pd.Timestamp("2024-10-01"),
                            "said_precision": "day", "first_published": pd.Timestamp("2024-10-02")}])
    claimants = pd.DataFrame({"claimant": ["X"], "n_figures": [1]})
    fig = claims_over_time(claims, claimants, narrow=False)
    bars = [c for c in fig.axes[0].collections if c.get_segments()]
    assert bars and bars[0].get_segments()[0][:, 1].tolist() == [10000, 12000]


def texts_of(vocabulary: str, alphabet: str, max_words: int):
    """Texts of words from the vocabulary mixed with random chunks of the alphabet."""
    return st.lists(st.one_of(st.sampled_from(vocabulary.split()), st.text(alphabet=alphabet, max_size=8)),
                    max_size=max_words).map(" ".join)


KEYWORDS = (
    "ratified ratify endorsed approved passed voted lower house State Duma upper Federation Council signed into law "
    "decree ratification document submitted entered come force published released text treaty pact concluded "
    "signing killed wounded casualties sent send deployed transferred transported stationed arrived troops soldiers "
    "North Koreans denied deny denial groundless fake news rumours rumors defamation baseless nonsense fabricated "
    "provocation not confirmed declined to confirm comment would could not refused neither nor said says told "
    "accused noted")


@given(texts_of(KEYWORDS, "abcdefghijklmnopqrstuvwxyz ,.'-", 12))
def test_pattern_hints_are_necessary(text):
    """A pattern is skipped when none of its hints is in the text; it must never match then."""
    from analysis.extract.claimants import DECLINE, DECLINE_HINTS, DENIAL, DENIAL_HINTS

    for pattern, hints in [(DENIAL, DENIAL_HINTS), (DECLINE, DECLINE_HINTS)]:
        if pattern.search(text):
            assert any(hint in text.lower() for hint in hints), (pattern.pattern[:40], text)


DATEISH = (
    "on Thursday last week this month between Monday and Friday of last week 24 October Oct. 8 2024-10-15 in June "
    "in early November mid-October the previous day the day before yesterday today recently in recent weeks "
    "two weeks ago 3 days later nearly five months after in 2024 May may the first week of July , .")


@given(texts_of(DATEISH, "abcdefghijklmnopqrstuvwxyz0123456789 ,.-", 16))
def test_date_pattern_for_finds_what_the_whole_pattern_finds(text):
    """Dropping the forms whose words a text lacks changes nothing that is found."""
    from analysis.extract.dates import DATE_PHRASE, date_pattern_for

    pattern = date_pattern_for(text)
    assert [m.span() for m in (pattern.finditer(text) if pattern else ())] == [m.span() for m in DATE_PHRASE.finditer(text)]


def test_a_pronoun_takes_the_nearest_earlier_name():
    body = ("Rutte said 600 soldiers have been killed. The weather was cold. He said 10,000 soldiers are training. "
            "She added that 2,000 troops arrived. Zelenskiy said the front was quiet. He said 12,000 soldiers were sent.")
    assert {f.value: f.claimant for f in _found(body) if f.value} == {600: "Rutte", 10000: "Rutte", 2000: "Rutte",
                                                                         12000: "Zelenskiy"}
    long_run = "Rutte said it. " + "He said 5 soldiers came. " * 2000  # looked back once per sentence, not quadratically
    assert {f.claimant for f in _found(long_run) if f.value} == {"Rutte"}


def test_a_page_without_punctuation_becomes_bounded_sentences():
    """A 'sentence' past MAX_SENTENCE characters is cut at spaces, so every per-sentence reading
    stays bounded; the spans still point at the text."""
    from analysis.extract.sentences import MAX_SENTENCE, sentences

    body = "Troops moved. The column" + " moved on Monday and the column" * 300 + " stopped. Then it rained."
    found = sentences(body)
    assert all(len(s.text) <= MAX_SENTENCE and body[s.start:s.end] == s.text for s in found)
    assert found[0].text == "Troops moved." and found[-1].text == "Then it rained."
    assert "".join(s.text + " " for s in found[1:-1]).split() == body[14:body.index(" Then")].split()
