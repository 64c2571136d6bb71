"""Figures about people (troops, casualties, workers), treaty facts (its number of articles, the
articles it names, the UN Charter article it cites) and troop claims without a number (denials,
refusals to confirm, accusations), each with its sentence as the quote, its claimant, stance and
the phrase that dates the claim."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from analysis.extract.claim_dates import ClaimDates
from analysis.extract.claim_tense import said_on_publication, spoken_turns
from analysis.extract.claimants import Claimants, stance_of
from analysis.extract.counts import PEOPLE, counts_in
from analysis.extract.dates import DatePhrase
from analysis.extract.numbers import find_numbers
from analysis.extract.sentences import phrases_by_sentence, sentences
from analysis.extract.subjects import category_of

CATEGORIES = ("troops", "casualties", "treaty_articles", "treaty_article", "un_charter_article", "other")
TROOP_TOPIC = re.compile(rf"\b(?:{PEOPLE}|troop|military\s+units?|deploy\w*)\b", re.I)
ALLEGATION = re.compile(r"\b(allegations?|reports?|claims?|statements?)\b", re.I)


@dataclass(frozen=True)
class Figure:
    """What a figure says, whether extraction found it or an annotation states it."""

    value: int | None
    value_max: int | None
    qualifier: str | None
    category: str
    what: str
    claimant: str | None
    stance: str
    cited_source: str | None = None  # whom the claimant cites ("X, citing Y": Y)
    claimant_kind: str | None = None  # person, organisation or government (for the claimants table)

    def fields(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class FoundFigure:
    """A figure extraction found: the sentence it stands in and the phrase that dates it."""

    span: tuple[int, int]
    figure: Figure
    date_phrase: DatePhrase | None
    subject: str | None = None  # what a count of people counts (subjects.SUBJECTS); None for treaty facts
    said_on_publication: bool = False  # no phrase dates it, but it was made on the publication day (claim_tense)


def _troop_claim(text: str, previous: str, stance: str) -> bool:
    """A sentence about the troops (or about allegations, after one) that denies, declines to
    confirm, or accuses someone of sending them."""
    if stance == "asserts" and not re.search(r"\baccus\w+\b.*\b(transferr|send|sent|deploy)", text, re.I):
        return False
    return bool(TROOP_TOPIC.search(text) or (ALLEGATION.search(text) and TROOP_TOPIC.search(previous)))


def figures_in(body: str, headline: str | None = None) -> list[FoundFigure]:
    """Figures about people, treaty facts, and troop claims without a number (denials,
    refusals to confirm, accusations), each with its sentence as the quote (the headline
    may name the claimant of a figure it states)."""
    found: list[FoundFigure] = []
    sents, phrases_of = sentences(body), phrases_by_sentence(body)
    claimant_of = Claimants(sents, headline)
    dates = ClaimDates(sents, phrases_of, lambda j: claimant_of(j)[0])
    spoken = spoken_turns(sents)

    def dated(i: int, figure: Figure, at: int | None, subject: str) -> FoundFigure:
        """The figure with the phrase that dates its claim, or whether it was made on the publication day."""
        phrase = dates(i, at, figure.value)
        now = phrase is None and said_on_publication(sents[i].text, None if at is None else at - sents[i].start,
                                                     spoken[i])
        return FoundFigure((sents[i].start, sents[i].end), figure, phrase, subject, now)

    last_count = None  # the article's last count before the sentence: what a number without a noun counts
    for i, s in enumerate(sents):
        numbered, stance = False, stance_of(s.text)
        counts = counts_in(s.text, last_count)
        last_count = counts[-1] if counts else last_count
        for count in counts:
            n = count.number
            who, cited, kind = claimant_of.for_figure(i, n.value, n.start)
            figure = Figure(n.value, n.value_max, n.qualifier, category_of(count.subject), count.what,
                            who, stance, cited, kind)
            found.append(dated(i, figure, s.start + n.start, count.subject))
            numbered = True
        treaty_facts = "rticle" in s.text  # cheap test before the article patterns
        for m in re.finditer(r"\b(\d+|twenty-three|[a-z]+)\s+articles\b", s.text) if treaty_facts else ():
            if re.search(r"\b(treaty|agreement|pact|document)\b", s.text, re.I):
                value = find_numbers(m.group(1))
                if value:
                    figure = Figure(value[0].value, None, None, "treaty_articles", "articles in the treaty",
                                    claimant_of(i)[0], "asserts")
                    found.append(FoundFigure((s.start, s.end), figure, None))
        for m in (re.finditer(r"\bArticle\s+(\d+)(\s+of\s+the\s+(?:UN|U\.N\.|United\s+Nations)\s+Charter)?", s.text)
                  if treaty_facts else ()):
            category = "un_charter_article" if m.group(2) else "treaty_article"
            what = "UN Charter article cited by the treaty" if m.group(2) else "article of the treaty"
            figure = Figure(int(m.group(1)), None, None, category, what, claimant_of(i)[0], "asserts")
            found.append(FoundFigure((s.start, s.end), figure, None))
        if not numbered:
            if _troop_claim(s.text, sents[i - 1].text if i else "", stance) and claimant_of(i)[0]:
                who, cited, kind = claimant_of.for_figure(i, None)
                figure = Figure(None, None, None, "troops", "North Korean troops in Russia", who, stance, cited, kind)
                found.append(dated(i, figure, None, "deployed"))
    return found
