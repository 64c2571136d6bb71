"""Dated event mentions: each dating phrase goes to the event word it modifies (the nearest one
in its clause), and the kind of happening comes from that word and the words around it. A
phrase with no event word in its clause, or whose event is off the story, is kept as another
dated mention (kind "other", with the reason), so that only real events are counted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract.claimants import DENIAL
from analysis.extract.dates import DatePhrase
from analysis.extract.event_words import STATEMENT_CLASSES, EventWord, clause_bounds, event_words, on_topic
from analysis.extract.figures import PEOPLE
from analysis.extract.sentences import Sentence, phrases_by_sentence, sentences


@dataclass(frozen=True)
class FoundEvent:
    span: tuple[int, int]
    date_phrase: DatePhrase
    kind: str
    reason: str

    @property
    def is_event(self) -> bool:
        return self.kind != "other"


_TREATY = r"\b(?:treaty|pact|agreement|accord|partnership)\b"
# For each class of event word, its kinds in order, each with the words (in its clause, else in
# the sentence) that make it that kind; the last kind of a class needs nothing more.
KIND_RULES = {
    "force": [("entry-into-force", None)],
    "sign": [("signed-into-law", r"\binto\s+law\b|\bdecree\b"), ("treaty-signing", _TREATY), ("signing", None)],
    "ratify": [("lower-house-ratification", r"\b(?:lower\s+house|State\s+Duma|Duma)\b"),
               ("upper-house-ratification", r"\b(?:upper\s+house|Federation\s+Council|senators)\b"),
               ("ratification", rf"\bratif|{_TREATY}"), ("vote", None)],
    "submit": [("submission-for-ratification", rf"\bratif|\bparliament\b|\bDuma\b|{_TREATY}"), ("submission", None)],
    "publish": [("signed-into-law", rf"^(?=.*\bdecree\b)(?=.*(?:\bratif|{_TREATY}))"),
                ("text-published", r"\btext\b|\b(?:treaty|pact)\s+(?:was\s+|were\s+)?(?:published|released)\b"),
                ("statement", r"\b(?:statement|report|video|interview|message)\b"), ("publication", None)],
    "casualty": [("casualty-report", None)],
    "deploy": [("troop-deployment", rf"\b(?:{PEOPLE}|troop)\b"), ("movement", None)],
    "attack": [("fighting", None)],
    "meet": [("meeting", None)],
    "sanction": [("sanctions", None)],
    "deny": [("denial", None)],
    "state": [("denial", DENIAL.pattern), ("statement", None)],
}
_KIND_PATTERNS = {cls: [(kind, re.compile(p, re.I) if p else None) for kind, p in rules]
                  for cls, rules in KIND_RULES.items()}
EVENT_LABELS = {
    "lower-house-ratification": "Lower house (State Duma) ratifies the treaty",
    "upper-house-ratification": "Upper house (Federation Council) ratifies the treaty",
    "signed-into-law": "Ratification signed into law",
    "submission-for-ratification": "Treaty submitted for ratification",
    "entry-into-force": "Treaty enters into force",
    "text-published": "Treaty text published",
    "ratification": "Treaty ratified (chamber not named)",
    "treaty-signing": "Treaty signed",
    "signing": "Document signed",
    "vote": "Vote or approval",
    "submission": "Submitted for approval",
    "publication": "Published",
    "casualty-report": "Casualties reported",
    "troop-deployment": "North Korean troops sent or deployed",
    "movement": "Forces moved",
    "fighting": "Fighting or attack",
    "meeting": "Meeting, visit or summit",
    "sanctions": "Sanctions",
    "denial": "Reports denied",
    "statement": "Statement",
    "other": "Other dated mention",
}
SINGULAR_KINDS = {"lower-house-ratification", "upper-house-ratification", "signed-into-law",
                  "submission-for-ratification", "entry-into-force", "text-published", "treaty-signing"}
_JOINS = re.compile(r"[\s,(\[]*(?:on|of)?\s*")  # between two phrases that date one word together


def kind_of(cls: str, clause: str, sentence: str) -> str:
    """The kind of an event word's class that its clause, else its sentence, names."""
    for text in (clause, sentence):
        for kind, pattern in _KIND_PATTERNS[cls]:
            if pattern is not None and pattern.search(text):
                return kind
    return _KIND_PATTERNS[cls][-1][0]


def _clause_of(text: str, bounds: list[int], start: int, end: int) -> tuple[int, int]:
    """The clause around a phrase; a clause that is only the phrase ("On Monday, when ...") is
    taken with the next one."""
    left = max(b for b in bounds if b <= start)
    right = min(b for b in bounds if b >= end)
    if not re.search(r"[A-Za-z]{2}", text[left:start] + text[end:right]) and right < len(text):
        right = min(b for b in bounds if b > right)
    return left, right


def _topic_text(text: str, clause: tuple[int, int], word: EventWord) -> str:
    """What the topic test reads: the clause with the clauses before it (a subordinate clause is
    about what its sentence is about; a sentence's first clause stands alone), and for a
    statement, what was said (the rest of the sentence)."""
    return text[:clause[1]] + (text[clause[1]:] if word.cls in STATEMENT_CLASSES else "")


def _preference(word: EventWord, a: int, b: int) -> tuple[bool, bool, int]:
    """How likely a word is the one a date at a..b modifies, best first: a verb before a noun; the
    verb the date follows ("signed the treaty in June") before the one it precedes, which is the
    rule only for a date put first ("On Monday, NATO said"); then the nearer."""
    after = word.start >= b
    return word.is_noun, after, word.start - b if after else a - word.end


def _dated_words(s: Sentence, phrases: tuple[DatePhrase, ...]) -> list[tuple[DatePhrase, EventWord | None, tuple]]:
    """Each phrase with the event word of its clause it modifies (None if the clause has none)."""
    text, bounds = s.text, clause_bounds(s.text)
    local = [(p.start - s.start, p.end - s.start) for p in phrases]
    words = [w for w in event_words(text) if not any(a < w.end and w.start < b for a, b in local)]
    out = []
    for p, (a, b) in zip(phrases, local):
        clause = _clause_of(text, bounds, a, b)
        near = [w for w in words if clause[0] <= w.start and w.end <= clause[1]]
        best = min(near, key=lambda w: _preference(w, a, b), default=None)
        out.append((p, best, clause))
    return out


def _joined(text: str, offset: int, group: list[DatePhrase]) -> list[DatePhrase]:
    """Phrases of one event word that stand together ("on Wednesday, June 19") made one."""
    out = [group[0]]
    for p in group[1:]:
        if _JOINS.fullmatch(text[out[-1].end - offset:p.start - offset]):
            out[-1] = DatePhrase(out[-1].start, p.end, text[out[-1].start - offset:p.end - offset])
        else:
            out.append(p)
    return out


def _sentence_events(s: Sentence, phrases: tuple[DatePhrase, ...]) -> list[FoundEvent]:
    text, span = s.text, (s.start, s.end)
    found: list[FoundEvent] = []
    by_word: dict[int, tuple[EventWord, tuple, list[DatePhrase]]] = {}
    for p, word, clause in _dated_words(s, phrases):
        if word is None:
            found.append(FoundEvent(span, p, "other", "no event word in the clause of the date"))
        elif not on_topic(_topic_text(text, clause, word)):
            found.append(FoundEvent(span, p, "other", f"off the story: {word.text!r} is not about its subject"))
        else:
            by_word.setdefault(word.start, (word, clause, []))[2].append(p)
    for word, clause, group in by_word.values():
        said = word.text
        units = _joined(text, s.start, group)
        at = (s.start + word.start, s.start + word.end)
        nearest = min(units, key=lambda u: u.start - at[1] if u.start >= at[1] else at[0] - u.end)
        kind = kind_of(word.cls, text[clause[0]:clause[1]], text)
        for u in units:
            found.append(FoundEvent(span, u, kind, f"event word {said!r}") if u is nearest else
                         FoundEvent(span, u, "other", f"a second date for {said!r}, which a nearer one dates"))
    return sorted(found, key=lambda f: f.date_phrase.start)


def events_in(body: str) -> list[FoundEvent]:
    """Every dating phrase once, with its sentence as the quote: the event it dates, or why it
    dates none."""
    found = []
    for s, phrases in zip(sentences(body), phrases_by_sentence(body)):
        if phrases:
            found.extend(_sentence_events(s, phrases))
    return found
