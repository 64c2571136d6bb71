"""A dating phrase as the steps across articles read it, taken from its article once, where the
article is read: its words, the tense of its clause, and, for a phrase that counts from its
passage's own date ("the next day", "the same day"), the article's other dating phrases.

Dating then never reads an article's body again. It used to: each pass over the mentions (the
events, their re-dating, the figures) split the article into sentences and read the clause's
tense anew, through caches of a fixed size that a large collection outgrew, so that the cost
per mention rose with the collection (2.4x the time for 2x the articles, from 8,000 to 16,000)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from analysis.extract.date_tense import tense_at
from analysis.extract.date_text import SENTENCE_RELATIVE, in_background
from analysis.extract.sentences import phrases_by_sentence, sentences


@dataclass(frozen=True, slots=True)  # one per dated mention: kept small
class Phrase:
    text: str
    tense: str  # of its clause: "past", "future" or "" (extract.date_tense)
    start: int
    sentence: int  # the index of its sentence in the body
    background: bool = False  # in a ", which ..." clause: it gives no passage its date
    passage: Passage | None = None  # for a phrase counting from its passage's date: the body's phrases


class Passage:
    """An article's dating phrases in order, for its phrases that count from their passage's own
    date. `dating` keeps here the phrases' dates against the last anchor it read them against: an
    article's mentions are read one after another against one anchor."""

    __slots__ = ("phrases", "starts", "anchor", "dates")

    def __init__(self, phrases: tuple[Phrase, ...]) -> None:
        self.phrases = phrases
        self.starts = [p.start for p in phrases]
        self.anchor: object = None
        self.dates: list | None = None

    def __getstate__(self) -> tuple:
        return self.phrases  # not the dates: they are made again where they are needed

    def __setstate__(self, phrases: tuple) -> None:
        self.__init__(phrases)


def _tensed(body: str, span: tuple[int, int], starts: list[int]) -> tuple[int, str]:
    i = max(bisect_right(starts, span[0]) - 1, 0)
    s = sentences(body)[i]
    return i, tense_at(s.text, span[0] - s.start, span[1] - s.start)


def passage_of(body: str) -> Passage:
    """Every dating phrase of the body, in order."""
    sents = sentences(body)
    starts = [s.start for s in sents]
    return Passage(tuple(Phrase(p.text, _tensed(body, (p.start, p.end), starts)[1], p.start, j,
                                in_background(body, sents[j].start, p.start))
                         for j, phrases in enumerate(phrases_by_sentence(body)) for p in phrases))


class Reader:
    """Reads the phrases of one article; its other phrases are found once, and only when a phrase
    counts from its passage's date."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.starts = [s.start for s in sentences(body)]
        self._passage: Passage | None = None

    def phrase(self, span: tuple[int, int]) -> Phrase:
        text = self.body[span[0]:span[1]]
        i, tense = _tensed(self.body, span, self.starts)
        passage = None
        if SENTENCE_RELATIVE.search(text):
            if self._passage is None:
                self._passage = passage_of(self.body)
            passage = self._passage
        return Phrase(text, tense, span[0], i, passage=passage)
