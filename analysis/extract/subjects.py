"""What a count of people counts (its `subject`): troops deployed, killed, wounded, casualties
(killed and wounded together), captured, missing, or other people (workers). The subject is read
from the number's own clause: the verb that takes it as object ("lost 3,000 soldiers", "killed 120
and wounded 300"), else the words right after it ("100 were killed", "1,000 wounded", "3,000
casualties"), never the rest of the sentence, so "Of the 11,000 troops deployed, 100 were killed"
gives one figure of each. The report's `category` follows from the subject, so the two never disagree."""

from __future__ import annotations

import re

SUBJECTS = ("deployed", "killed", "wounded", "casualties", "captured", "missing", "other")
CASUALTY_SUBJECTS = ("killed", "wounded", "casualties", "captured", "missing")

# Words that say what happened to the people counted, one subject each; "killed" and
# "wounded" together make casualties. Read in this order: the first subject found wins.
SUBJECT_WORDS = (
    ("casualties", r"casualt\w*|losses|lost|killed\s+(?:or|and|&)\s+(?:wounded|injured)|dead\s+(?:or|and)\s+"
                   r"(?:wounded|injured)|killed,\s+wounded|(?:wounded|injured)\s+(?:or|and)\s+killed"),
    ("captured", r"captured|prisoners?|POWs?|taken\s+prisoner|taken\s+captive|surrendered"),
    ("missing", r"missing"),
    ("killed", r"killed|dead|died|deaths?|(?:death\s+)?toll|perished|slain|eliminated|fatalities|bodies"),
    ("wounded", r"wounded|injured|injuries|hurt"),
)
_SUBJECT_RE = [(subject, re.compile(rf"\b(?:{words})\b", re.I)) for subject, words in SUBJECT_WORDS]
# Verbs (and nouns with "of") that take the count as their object: "Ukraine killed 200 soldiers",
# "Russia lost 600,000", "the deaths of 100 soldiers".
_VERB_BEFORE = re.compile(r"\b(kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|captur(?:ed|ing)|los(?:t|ing)|"
                          r"suffer(?:ed|ing)|sustain(?:ed|ing)|eliminat(?:ed|ing)|deaths?\s+of|loss(?:es)?\s+of|"
                          r"capture\s+of)\s+(?:(?:an?|the|some|another|over|nearly)\s+)?$", re.I)
_VERB_SUBJECT = {"kill": "killed", "deat": "killed", "elim": "killed", "woun": "wounded", "inju": "wounded",
                 "capt": "captured", "lost": "casualties", "losi": "casualties", "loss": "casualties",
                 "suff": "casualties", "sust": "casualties"}
# People who are not soldiers: a count of them is "other" ("12 people were killed in the strike").
OTHER_PEOPLE = re.compile(r"\b(workers|labou?rers|civilians|people|residents|children|students|doctors|construction)\b"
                          r"(?![’']s)", re.I)
# Where a number's clause ends: punctuation, a clause conjunction, or the next number.
CLAUSE_END = re.compile(r"[;:()\u2014]|,(?!\s*(?:wounded|injured|killed|captured|missing|dead)\b)|"
                        r"\s(?:while|whereas|but|although|though|as|after|since|before|because)\s|"
                        r"\s(?:and|or)\s(?!(?:wounded|injured|killed|dead|captured|missing|taken|troops|soldiers|"
                        r"officers|servicemen)\b)", re.I)


def clause_after(text: str, end: int, limit: int) -> str:
    """The words after a number up to the end of its clause (or `limit`, the next number)."""
    tail = text[end:limit]
    m = CLAUSE_END.search(tail)
    return tail[:m.start()] if m else tail


def subject_of(counted: str, clause: str, before: str) -> str:
    """The subject of a count: from the verb that takes it as object (`before`: "killed 120 and
    wounded 300"), else the words after the number (`clause`), else its people noun; troops are
    deployed unless said otherwise."""
    if OTHER_PEOPLE.search(counted):
        return "other"
    verb = _VERB_BEFORE.search(before[-40:])
    if verb:
        return _VERB_SUBJECT[verb.group(1)[:4].lower()]
    for words in (clause, counted):
        for subject, pattern in _SUBJECT_RE:
            if pattern.search(words):
                return subject
    return "deployed"


def category_of(subject: str) -> str:
    """The report's category of a count of people, made from its subject."""
    if subject in CASUALTY_SUBJECTS:
        return "casualties"
    return "other" if subject == "other" else "troops"


def subject_of_annotation(category: str, what: str) -> str | None:
    """The subject of an annotated figure: from what it counts, within its category."""
    if category not in ("troops", "casualties", "other"):
        return None
    subject = subject_of(what, what, "")
    if category_of(subject) == category:
        return subject
    return {"troops": "deployed", "casualties": "casualties", "other": "other"}[category]
