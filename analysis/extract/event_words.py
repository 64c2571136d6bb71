"""What counts as an event: a table of event words (verbs and the nouns that name a happening),
each with its class; where a sentence's clauses begin; and whether a clause is about the story
(the treaty, its ratification, North Korean troops, the war, the summit, sanctions)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.extract.figures import PEOPLE
from analysis.extract.reporting_verbs import SAID_NOW, SAYS_ONLY, SPEAKING, alternation, forms

# The verbs of a statement: the past of every speaking verb, the "-s" of those that speak in the
# present, the base only where no noun shares it ("say", "warn"; not "report", "call", "note").
STATING = (forms(f"{SPEAKING} address", "past")
           | forms(f"{SAID_NOW} {SAYS_ONLY}", "third")
           | forms("say tell announce warn accuse address", "base"))
# Class of happening: its verbs, and the nouns that name it. A date goes to the nearest verb of
# its clause, and to a noun only when the clause has no verb ("during their meeting on June 19").
# The first class is of phrases ("enter into force"), found before the words ("entered" a border).
EVENT_WORDS = [
    ("force", r"(?:enter(?:s|ed|ing)?|c[oa]me|comes|coming|go(?:es)?|went)\s+into\s+(?:legal\s+)?force|"
              r"t(?:ake|akes|ook|aken|aking)\s+effect", r"entry\s+into\s+force"),
    ("sign", r"sign(?:s|ed)?|conclu(?:de|des|ded|ding)|inked", r"signing"),
    ("ratify", r"ratif(?:y|ies|ied|ying)|endors(?:e|es|ed|ing)|approv(?:e|es|ed)|adopt(?:s|ed)|vot(?:e|es|ed)|passed",
     r"ratification|approval|voting"),
    ("submit", r"submit(?:s|ted|ting)?|introduc(?:e|es|ed)|tabled", r"submission"),
    ("publish", r"publish(?:es|ed|ing)?|releas(?:e|es|ed|ing)|post(?:s|ed)|appear(?:s|ed)|unveil(?:s|ed)",
     r"publication"),
    ("casualty", r"kill(?:s|ed|ing)?|wound(?:s|ed)?|die[ds]?|captured", r"casualties|deaths?"),
    ("deploy", r"deploy(?:s|ed|ing)?|sen[dt]|sends|sending|dispatch(?:es|ed)?|transferr?(?:s|ed|ing)?|"
               r"transport(?:s|ed|ing)?|stationed|arriv(?:e|es|ed)|enter(?:s|ed)|crossed|withdr[ae]w\w*",
     r"deployment|arrival|transfer"),
    ("attack", r"attack(?:s|ed|ing)?|strikes?|struck|shell(?:s|ed|ing)|invad(?:e|es|ed|ing)|launch(?:es|ed)?|"
               r"fought|fight(?:s)?|clash(?:es|ed)?|bomb(?:s|ed|ing)",
     r"invasion|incursion|offensive|combat|fighting|hostilities"),
    ("meet", r"me(?:et|ets|t)|visit(?:s|ed|ing)?|host(?:s|ed)|flew|travell?ed", r"meeting|summit|talks|trip"),
    ("sanction", r"sanction(?:ed)?|imposed", r"sanctions"),
    ("deny", r"den(?:y|ied|ies)|rejected|dismissed", r"groundless|fake|rumou?rs?|baseless|fabricat\w+"),
    ("state", alternation(STATING),
     r"statement|briefing|interview|speech|denial"),
]
NOUN = "__noun"  # suffix of the group that matched a noun
_PHRASES = re.compile(r"\b(?:{0})\b|\b(?P<force__noun>{1})\b".format(EVENT_WORDS[0][1], EVENT_WORDS[0][2]), re.I)
_WORD = re.compile("|".join(rf"(?P<{name}>{verbs})|(?P<{name}{NOUN}>{nouns})"
                            for name, verbs, nouns in EVENT_WORDS[1:]), re.I)
_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class EventWord:
    start: int
    end: int
    text: str
    group: str  # the class, with NOUN after it for a noun

    @property
    def cls(self) -> str:
        return self.group.removesuffix(NOUN)

    @property
    def is_noun(self) -> bool:
        return self.group.endswith(NOUN)


@lru_cache(maxsize=8192)
def _group_of(word: str) -> str | None:
    m = _WORD.fullmatch(word)
    return m.lastgroup if m else None


def event_words(text: str) -> list[EventWord]:
    """The event words of a text, in order. Word by word (a cached look-up), which is several
    times faster than one pattern of every form tried at every position."""
    found = []
    if "force" in text or "effect" in text:
        found = [EventWord(m.start(), m.end(), m.group(0), m.lastgroup or "force") for m in _PHRASES.finditer(text)]
    taken = [(w.start, w.end) for w in found]
    for m in _LETTERS.finditer(text):
        group = _group_of(m.group(0).lower())
        if group and not any(a <= m.start() < b for a, b in taken):
            found.append(EventWord(m.start(), m.end(), m.group(0), group))
    return sorted(found, key=lambda w: w.start) if taken else found


STATEMENT_CLASSES = {"state", "deny"}

# Where a clause begins: a semicolon, colon or dash; a subordinating or relative word; a comma
# before "and"/"but", a participle ("..., saying") or a speech verb ("..., reported the agency").
CLAUSE_START = re.compile(  # (?=[...]): the first letters of those words, so most positions fail at once
    r"[;:]|\s[-–—]\s|\b(?=[abtwsuiABTWSUI])(?:that|which|who|whom|whose|where|when|while|whereas|although|though|"
    r"because|after|before|since|until|if)\b|,\s*(?=(?:and|but|or|yet|citing|according|\w+ing|said|says|reported|"
    r"told|added)\b)", re.I)

TOPIC = re.compile(
    rf"\b(?:north\s+korea\w*|dprk|pyongyang|korean|russia\w*|kremlin|moscow|duma|federation\s+council|"
    rf"parliament|lawmakers|treaty|pact|agreement|accord|partnership|alliance|ratif\w*|troop\w*|{PEOPLE}|military|"
    rf"army|ukrain\w*|kyiv|kursk|war|front|combat|battlefield|invasion|sanctions?|summit|nato|pentagon)\b", re.I)


def clause_bounds(text: str) -> list[int]:
    """The offsets where the sentence's clauses begin (0 first), and its length last."""
    return [0, *(m.start() for m in CLAUSE_START.finditer(text) if m.start() > 0), len(text)]


def on_topic(text: str) -> bool:
    return TOPIC.search(text) is not None
