"""Dated event mentions: every dating phrase with its sentence as the quote, and the kind of
happening it dates (a treaty milestone, a deployment, a casualty report, a denial, a statement)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract.claimants import CLAIM_VERBS, DENIAL, DENIAL_HINTS
from analysis.extract.dates import DatePhrase
from analysis.extract.figures import PEOPLE
from analysis.extract.sentences import Sentence, phrases_by_sentence, sentences


@dataclass(frozen=True)
class FoundEvent:
    span: tuple[int, int]
    date_phrase: DatePhrase
    kind: str


# Each kind: its pattern, and lower-case text the pattern cannot match without (so that a
# clause is only scanned by the patterns it might match; a test checks the hints).
EVENT_KINDS = [
    ("lower-house-ratification", r"(?=.*\b(ratif|endorsed|approved|passed|voted))(?=.*\b(lower\s+house|State\s+Duma|Duma)\b)",
     ("duma", "lower")),
    ("upper-house-ratification", r"(?=.*\b(ratif|approved))(?=.*\b(upper\s+house|Federation\s+Council)\b)",
     ("upper", "federation")),
    ("signed-into-law", r"\bsigned\b.*\binto\s+law\b|\bdecree\b.*\bratification\b|\bratification\s+document\b",
     ("law", "decree", "document")),
    ("submission-for-ratification", r"\bsubmitted\b.*\bratification\b", ("submitted",)),
    ("entry-into-force", r"\b(entered|enter|come|came|comes)\s+(into\s+)?force\b", ("force",)),
    ("text-published", r"\b(published|released)\b.*\b(text|treaty)\b|\btext\b.*\breleased\b", ("published", "released")),
    ("ratification", r"\bratif(ied|ies|y)\b", ("ratif",)),
    ("treaty-signing", r"(?=.*\b(signed|concluded|signing)\b)(?=.*\b(treaty|pact|agreement|accord)\b)",
     ("signed", "concluded", "signing")),
    ("casualty-report", r"\b(killed|wounded|casualties)\b", ("killed", "wounded", "casualties")),
    ("troop-deployment", rf"(?=.*\b(sent|sending|send|deploy\w*|transferr\w*|transport\w*|stationed|arrived)\b)"
                         rf"(?=.*\b({PEOPLE}|troop)\b)", ("sen", "deploy", "transfer", "transport", "stationed", "arrived")),
    ("denial", DENIAL.pattern, DENIAL_HINTS),
    ("statement", rf"\b({CLAIM_VERBS})\b", tuple(CLAIM_VERBS.split("|"))),
]
EVENT_LABELS = {
    "lower-house-ratification": "Lower house (State Duma) ratifies the treaty",
    "upper-house-ratification": "Upper house (Federation Council) ratifies the treaty",
    "signed-into-law": "Ratification signed into law",
    "submission-for-ratification": "Treaty submitted for ratification",
    "entry-into-force": "Treaty enters into force",
    "text-published": "Treaty text published",
    "ratification": "Treaty ratified (chamber not named)",
    "treaty-signing": "Treaty signed",
    "casualty-report": "Casualties reported",
    "troop-deployment": "North Korean troops sent or deployed",
    "denial": "Reports denied",
    "statement": "Statement",
    "other": "Other dated mention",
}
SINGULAR_KINDS = {"lower-house-ratification", "upper-house-ratification", "signed-into-law",
                  "submission-for-ratification", "entry-into-force", "text-published", "treaty-signing"}


# Patterns made of look-aheads ("mentions A and B anywhere") are anchored at the start, so each
# is tried once per sentence rather than at every position.
_KIND_PATTERNS = [(kind, re.compile(("^" if pattern.startswith("(?=") else "") + pattern, re.I), hints)
                  for kind, pattern, hints in EVENT_KINDS]


def event_kind(sentence: str) -> str:
    lower = sentence.lower()
    for kind, pattern, hints in _KIND_PATTERNS:
        if any(hint in lower for hint in hints) and pattern.search(sentence):
            return kind
    return "other"


CLAUSE_BREAK = re.compile(r";|,\s*(?:while|but|although|whereas)\b|\bthat\b")


def _clause(sentence: Sentence, phrase: DatePhrase) -> str:
    at = phrase.start - sentence.start
    breaks = [0, *(m.start() for m in CLAUSE_BREAK.finditer(sentence.text)), len(sentence.text)]
    left = max(b for b in breaks if b <= at)
    right = min(b for b in breaks if b > at) if any(b > at for b in breaks) else len(sentence.text)
    return sentence.text[left:right]


def events_in(body: str) -> list[FoundEvent]:
    """Every dating phrase, with its sentence as the quote and the kind of happening it dates:
    the kind of its own clause, else of the whole sentence."""
    found = []
    for s, phrases in zip(sentences(body), phrases_by_sentence(body)):
        for p in phrases:
            kind = event_kind(_clause(s, p))
            found.append(FoundEvent((s.start, s.end), p, kind if kind != "other" else event_kind(s.text)))
    return found
