"""Who claims each figure: the claimant grammar of one sentence, references across an article,
and one canonical name per claimant across the corpus. Sentences are invented in the style of
news reports."""

import json

import pytest

from analysis.dataset.build import build_dataset
from analysis.dataset.claimants import canonical_names
from analysis.extract.claimant_keys import surname_key
from analysis.extract.attribution import attribution_in
from analysis.extract.claimants import Claimants, claimants_of_article
from analysis.extract.figures import figures_in
from analysis.extract.sentences import sentences

from conftest import write_article


def _who(sentence):
    found = attribution_in(sentence)
    return (found.claimant.name if found.claimant else None), found.source


@pytest.mark.parametrize("sentence, claimant, source", [
    # the subject of a speech verb, with adverbs, dates and asides in between
    ("Defence Minister Ivan Petrenko told reporters on Monday that 4,000 troops had crossed.", "Ivan Petrenko", None),
    ("The Foreign Ministry in a statement said 2,000 soldiers were stationed there.", "Foreign Ministry", None),
    ("Olga Marenko, a researcher at the Baltic Policy Institute, said 800 men had been moved.", "Olga Marenko", None),
    ("Tomas Brand, of the Danube Institute in Vienna, said the plan was ready.", "Tomas Brand", None),
    # inversions
    ('"We counted 5,000 of them," said Erik Halvorsen, a retired colonel.', "Erik Halvorsen", None),
    ("About 900 fighters were moved, the Finnish defence ministry said.", "Finnish defence ministry", None),
    ('"They arrived last week," the Pentagon said.', "Pentagon", None),
    # according to: the agent, or the agent a document belongs to; never the document
    ("According to Lithuanian intelligence estimates, 3,000 soldiers took part.", "Lithuanian intelligence", None),
    ("According to a report by the Polish Institute, 700 workers left.", "Polish Institute", None),
    ("According to the full text of the accord, both sides will help.", None, None),
    ("According to the summit declaration, the sides agreed.", None, None),
    ("According to the agreement's annex, the sides agreed.", None, None),
    # chains: the claimant and whom it cites
    ("The outlet Baltic Wire reported, citing military sources, that 600 troops moved.", "Baltic Wire",
     "military sources"),
    ("Minister Ivan Petrenko, citing satellite images, said 1,200 troops had gathered.", "Ivan Petrenko",
     "satellite images"),
    ("According to Finnish intelligence, 2,000 troops have moved, Minister Anna Koski said.", "Anna Koski",
     "Finnish intelligence"),
    ("The figure of 400 was given by the ministry, as reported by Nordic Daily.", "Nordic Daily", None),
    ("The plan was announced at a briefing by Navy spokesman Karl Berg.", "Navy (Karl Berg)", None),
    ("TASS quoted Oleg Sorokin as saying 300 soldiers had been wounded.", "TASS", "Oleg Sorokin"),
    ("This was stated at a briefing by Navy press secretary Karl Berg.", "Navy (Karl Berg)", None),
    ("According to him, 400 troops crossed.", "him", None),  # a pronoun, resolved in the article
    ("European Commission President Ursula von der Leyen said 300 soldiers were there.", "Ursula von der Leyen", None),
    ("The Institute for the Study of Conflict said 300 soldiers were there.", "Institute for the Study of Conflict",
     None),
    ("Kyrylo Marchuk, the head of the border service, said 300 soldiers were there.", "Kyrylo Marchuk", None),
    ("Officials in Warsaw said 300 soldiers were there.", "Officials in Warsaw", None),
    # described speakers without a name
    ("A senior Polish official added that 1,000 troops were expected.", "senior Polish official", None),
    ("U.S. officials said 2,500 soldiers had arrived.", "U.S. officials", None),
    ("Kremlin spokesman Oleg Sorokin said the reports were false.", "Kremlin (Oleg Sorokin)", None),
    # never a claimant
    ("The agreement said both sides would help each other.", None, None),
    ("The summit called for 300 observers.", None, None),
    ("The lawmakers did not comment on the treaty's reported content.", None, None),
    ("Intelligence data showed 500 troops had moved.", None, None),
    ("On Tuesday said nothing.", None, None),
    ("According to intelligence data, 500 troops moved.", None, None),
    ("President said 500 troops moved.", None, None),
    ("Both sides moved closer to the North, and have accused it of trading arms.", None, None),
])
def test_claimant_grammar(sentence, claimant, source):
    assert _who(sentence) == (claimant, source)


def test_a_bare_role_is_someone_named_before():
    found = attribution_in("The navy posted on its channel that 300 sailors arrived.").claimant
    assert (found.name, found.kind) == ("navy", "role")
    assert Claimants(sentences("The navy posted on its channel that 300 sailors arrived."))(0) == (None, 9)


def test_two_speakers_are_not_glued_together():
    who, _ = _who("During a call with the Polish leader, the Finnish president then described the pact as vital.")
    assert who == "Finnish president"


def test_pronouns_and_roles_take_the_nearest_named_claimant_of_their_kind():
    body = ("The Baltic Security Service said 800 troops had arrived. Border Minister Anna Koski said it was calm. "
            "She said 300 more were expected. The agency said 1,100 were trained. It added that 200 were wounded. "
            "The spokesman said 50 had deserted.")
    sents = sentences(body)
    c = Claimants(sents)
    names = [c(i)[0] for i in range(len(sents))]
    assert names == ["Baltic Security Service", "Anna Koski", "Anna Koski", "Baltic Security Service",
                     "Baltic Security Service", "Anna Koski"]


def test_a_surname_stands_for_the_full_name_given_before():
    body = ("Marta Vidal, a professor in Lisbon, said the pact mattered. Vidal said 700 troops were sent. "
            "Vidal added that 90 soldiers had died.")
    assert claimants_of_article(sentences(body)) == ["Marta Vidal"]
    assert {f.figure.value: f.figure.claimant for f in figures_in(body) if f.figure.value} == {
        700: "Marta Vidal", 90: "Marta Vidal"}


def test_who_an_article_quotes_is_listed_once_each():
    body = ("Marr said the talks were over. The Baltic Security Bureau (BSB) said 300 troops came. "
            "Analyst Lukas Marr said it again. The BSB added that 100 more were due.")
    assert claimants_of_article(sentences(body)) == ["Lukas Marr", "Baltic Security Bureau"]


def test_a_described_role_refers_back_only_to_a_matching_title():
    body = ("Deputy Foreign Minister Ivan Petrenkov said 300 troops came. The senior Latvian diplomat also said "
            "100 more soldiers were due. During a call with him, the Latvian president then said 50 soldiers had died.")
    assert [f.figure.claimant for f in figures_in(body) if f.figure.value] == [
        "Ivan Petrenkov", "Ivan Petrenkov", "Latvian president"]


def test_a_headline_names_the_claimant_of_the_figure_it_states():
    body = "North Korea has sent 7,000 troops to the region. Some 7,000 troops are training. 300 soldiers died."
    found = {f.figure.value: (f.figure.claimant, f.figure.claimant_kind)
             for f in figures_in(body, "7,000 Troops in Region, Finnish Ministry Says") if f.figure.value}
    assert found == {7000: ("Finnish Ministry", "organisation"), 300: (None, None)}


@pytest.mark.parametrize("body, headline, claimant", [
    ('Minister Anna Koski said: "We know where they are. About 800 soldiers came by rail."', None, "Anna Koski"),
    ("About 800 soldiers came by rail. This was stated by Minister Anna Koski in her address.", None, "Anna Koski"),
    ("Minister Anna Koski spoke in parliament. About 800 soldiers came by rail.", None, None),
    ("Minister Anna Koski said the border was calm. About 800 soldiers came by rail.", None, "Anna Koski"),
    ("Minister Anna Koski said the border was calm.\n\nAbout 800 soldiers came by rail.", None, None),
    ("About 800 soldiers came by rail.\n\nSource: Latvian Defence Ministry on Telegram", None,
     "Latvian Defence Ministry"),
    ("About 800 soldiers came by rail.", "Koski: 800 soldiers came by rail", "Koski"),
    ("About 800 soldiers came by rail.", "800 soldiers came by rail – Latvian army", "Latvian army"),
    ("About 800 soldiers came by rail.", "Rail brought soldiers, officials say", None),  # not the same figure
])
def test_a_figure_without_its_own_attribution(body, headline, claimant):
    assert [f.figure.claimant for f in figures_in(body, headline) if f.figure.value] == [claimant]


def test_a_restated_figure_keeps_its_claimant():
    body = "The Danish navy said 450 troops were sent. The 450 troops arrived by sea."
    assert [f.figure.claimant for f in figures_in(body) if f.figure.value] == ["Danish navy", "Danish navy"]


@pytest.mark.parametrize("a, b", [("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelenskyy"), ("Podolyak", "Podoliak")])
def test_transliterations_share_a_key_or_nearly(a, b):
    from rapidfuzz import fuzz

    assert surname_key(a) == surname_key(b) or fuzz.ratio(surname_key(a), surname_key(b)) >= 88


def test_canonical_names_across_articles():
    kinds = {"Ivan Petrenkov": "person", "Ivan Petrenkoff": "person", "Petrenkov": "person",
             "Oksana Petrenkov": "person",
             "Lukas Marr": "person", "Marr": "person", "NSB": "organisation",
             "Norway's National Security Bureau": "organisation", "Oslo's security bureau": "organisation",
             "Seoul": "government", "South Korea": "government", "Kremlin (Oleg Sorokin)": "person",
             "Sorokin": "person", "Pentagon": "organisation"}
    counts = dict.fromkeys(kinds, 1) | {"Ivan Petrenkoff": 3}
    out = canonical_names(kinds, counts)
    assert out["Ivan Petrenkov"] == out["Ivan Petrenkoff"] == ("Ivan Petrenkoff", "person")  # most frequent spelling
    assert out["Oksana Petrenkov"] == ("Oksana Petrenkov", "person")  # another first name: another person
    assert out["Petrenkov"] == ("Petrenkov", "person")  # a surname two people share stays alone
    assert out["Marr"] == ("Lukas Marr", "person")
    assert out["NSB"] == out["Norway's National Security Bureau"] == out["Oslo's security bureau"] == (
        "Norway's National Security Bureau (NSB)", "organisation")  # the readable name, with its acronym
    assert canonical_names({"NSB": "organisation", "Oslo's security bureau": "organisation"}, {})["NSB"] == (
        "NSB", "organisation")  # no proper name in the corpus: the acronym
    assert out["Seoul"] == out["South Korea"]
    assert out["Sorokin"] == ("Kremlin (Oleg Sorokin)", "person")
    assert out["Pentagon"] == ("Pentagon", "organisation")
    assert canonical_names(dict(reversed(kinds.items())), counts) == out  # order of input does not matter


def test_claimants_table_is_written_and_described(tmp_path):
    write_article(tmp_path / "in", "a.txt", "Troops in the region\n2024-11-10T02:15:52Z\n"
                  "Defence Minister Ivan Petrenkov said on Thursday that 2,000 North Korean troops had arrived in "
                  "Russia.\n")
    write_article(tmp_path / "in", "b.txt", "More troops in the region\n2024-11-12T02:15:52Z\n"
                  "Petrenkoff said on Monday that 3,000 North Korean troops had arrived in Russia, citing border "
                  "guards.\n")
    from analysis.dataset.export import write_dataset

    ds = build_dataset(tmp_path / "in")
    assert list(ds.figures["claimant"]) == ["Ivan Petrenkov", "Ivan Petrenkov"]
    assert list(ds.figures["cited_source"].fillna("-")) == ["-", "border guards"]
    row = ds.claimants.iloc[0]
    assert (row["claimant"], row["kind"], row["aliases"], row["articles"], row["n_figures"]) == (
        "Ivan Petrenkov", "person", "Ivan Petrenkov; Petrenkoff", "a, b", 2)
    write_dataset(ds, tmp_path / "out")
    first = (tmp_path / "out" / "claimants.csv").read_bytes()
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text())
    assert "claimants" in [r["name"] for r in package["resources"]]
    write_dataset(build_dataset(tmp_path / "in"), tmp_path / "again")
    assert (tmp_path / "again" / "claimants.csv").read_bytes() == first


def test_a_sentence_of_many_numbers_is_read_once(monkeypatch):
    """Work stays linear: the claimant of each of a sentence's numbers does not re-read the
    whole sentence (it did, once per number: quadratic on a page without punctuation)."""
    import analysis.extract.claimants as claimants
    from analysis.extract.figures import figures_in

    calls = []
    original = claimants.find_numbers
    monkeypatch.setattr(claimants, "find_numbers", lambda text: calls.append(len(text)) or original(text))
    body = "Headline\n" + " ".join(["the minister said 1,500 soldiers moved and"] * 200) + "\n"
    assert len([f for f in figures_in(body) if f.figure.value == 1500]) == 200
    assert sum(calls) <= 3 * len(body)


def test_a_passive_participle_names_no_speaker():
    """'what is written down' is no one speaking (it once made 'However' a claimant)."""
    from analysis.extract.attribution import attribution_in

    sentence = ("However, the strength of a pact lies not in what is written down, and a clause "
                "does not mean automatic war, he said.")
    found = attribution_in(sentence, parse=False).claimant
    assert found is None or found.kind == "pronoun"
