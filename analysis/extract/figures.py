"""Figures about people (troops, casualties, workers), treaty facts (its number of articles, the
articles it names, the UN Charter article it cites) and troop claims without a number (denials,
refusals to confirm, accusations), each with its sentence as the quote, its claimant, stance and
the phrase that dates the claim."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from analysis.common.vocabulary import MONTHS_RE
from analysis.extract.claimants import Claimants, stance_of
from analysis.extract.dates import DatePhrase
from analysis.extract.numbers import find_numbers
from analysis.extract.sentences import Sentence, phrases_by_sentence, sentences

CATEGORIES = ("troops", "casualties", "treaty_articles", "treaty_article", "un_charter_article", "other")
PEOPLE = (r"troops|soldiers|servicemen|service\s*members|personnel|special\s+forces|fighters|forces|"
          r"military\s+personnel|workers|men|mercenaries|people|casualties|dead|prisoners|officers|"
          r"engineers|specialists|commandos|recruits|conscripts|infantry|units|servicemembers|North\s+Koreans")
CASUALTY_WORDS = re.compile(r"\b(killed|wounded|casualt\w*|dead|died|injured|losses|lost|captured|deaths?)\b", re.I)
TROOP_TOPIC = re.compile(rf"\b({PEOPLE}|troop|military\s+units?|deploy\w*)\b", re.I)
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


def _counted(body: str, end: int) -> str | None:
    """The people noun a number counts ("1,500 soldiers", "11,000 DPRK troops", "of them")."""
    after = body[end:end + 80]
    m = re.match(rf"\s*(?:[\w’'-]+\s+){{0,4}}?({PEOPLE})\b", after, re.I)
    if m:
        return re.sub(r"\s+", " ", m.group(0).strip())
    if re.match(r"\s+of\s+them\b", after):
        return "of them"
    return None


def _is_other_number(body: str, start: int, end: int, text: str) -> bool:
    """Years, dates, money, percentages and article numbers are not counts of people."""
    before, after = body[max(0, start - 14):start], body[end:end + 12]
    if re.search(rf"(?:Articles?|No\.|{MONTHS_RE}\.?)\s*$", before, re.I):
        return True
    if re.match(r"\s*(?:%|percent|per\s+cent|dollars|rubles|roubles|won|euros|billion|million\s+dollars)", after, re.I):
        return True
    if re.search(r"[$€£₽]\s*$", before):
        return True
    return bool(re.fullmatch(r"(?:19|20)\d{2}s?", text.strip()))


SPEECH = re.compile(r"\b(said|says|told|address|statement|speech|interview|wrote|posted|briefing|"
                    r"press\s+conference)\b", re.I)


def _date_from_context(sents: tuple[Sentence, ...], phrases: tuple[tuple[DatePhrase, ...], ...], i: int,
                       who: str | None) -> DatePhrase | None:
    """A claim dated elsewhere: an "According to ..." sentence continues the dated statement
    before it; otherwise the speaker's own dated statement in the article ("Rutte said Monday",
    "Zelenskyy in an evening video address on 4 November") dates what the speaker said."""
    if i and re.match(r"According\s+to\b", sents[i].text):
        if phrases[i - 1] and SPEECH.search(sents[i - 1].text):
            return phrases[i - 1][0]
    surname = (who or "").replace(")", " ").split()[-1:] or []  # "Kremlin (Dmitry Peskov)": Peskov
    if not surname or not surname[0][:1].isupper():
        return None
    speaker = re.compile(rf"\b{re.escape(surname[0])}\b(?!['’]s)")
    for j, other in enumerate(sents):
        if j != i and phrases[j] and speaker.search(other.text) and SPEECH.search(other.text):
            return phrases[j][0]
    return None


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
    for i, s in enumerate(sents):
        phrases = phrases_of[i]

        def claim_date() -> DatePhrase | None:
            who, at = claimant_of(i)
            if phrases:
                return phrases[0] if at is None else min(phrases, key=lambda p: abs(p.start - (s.start + at)))
            return _date_from_context(sents, phrases_of, i, who)

        numbered = False
        for n in find_numbers(s.text):
            start, end = s.start + n.start, s.start + n.end
            if _is_other_number(body, start, end, n.text):
                continue
            counted = _counted(body, end)
            if counted is None:
                lead = re.search(rf"\bnumber\s+of\s+(?:[\w’'-]+\s+){{0,3}}?({PEOPLE})\b", s.text, re.I)
                if not lead:
                    continue
                counted = s.text[lead.start():lead.end() + 25]
            clause = re.split(r",\s|;|\s(?:and\s+some|while|but)\s", body[start:s.end])[0]
            category = "casualties" if CASUALTY_WORDS.search(clause + " " + counted) else "troops"
            if re.search(r"\bworkers\b", counted, re.I):
                category = "other"
            who, cited, kind = claimant_of.for_figure(i, n.value)
            figure = Figure(n.value, n.value_max, n.qualifier, category, counted, who, stance_of(s.text), cited, kind)
            found.append(FoundFigure((s.start, s.end), figure, claim_date()))
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
            stance = stance_of(s.text)
            if _troop_claim(s.text, sents[i - 1].text if i else "", stance) and claimant_of(i)[0]:
                who, cited, kind = claimant_of.for_figure(i, None)
                figure = Figure(None, None, None, "troops", "North Korean troops in Russia", who, stance, cited, kind)
                found.append(FoundFigure((s.start, s.end), figure, claim_date()))
    return found
