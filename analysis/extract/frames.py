"""What frames a sentence from outside its grammar: a transcript's speaker label ("KIM: ...",
"ANNA LEE, HOST: ..."), and a closing attribution that reports a statement made inside the
sentence ("The agency confirmed that ..., he said.": he is the claimant, the agency his source)."""

from __future__ import annotations

import re

from analysis.extract.claimant_names import DETERMINERS, PARTICLES, Mention, is_np_word, mention_of, plain
from analysis.extract.sentences import Sentence

# An upper-case speaker label opening a transcript line, with an optional role after a comma.
LABEL = re.compile(r"([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,3})(?:, ([A-Z][A-Z ]{1,30}))?: ")
# Roles a label gives the people who present a programme: they relay, they do not claim.
PRESENTERS = frozenset("host anchor byline reporter correspondent presenter moderator interviewer narrator".split())
# ", he said." / ", a lawmaker said on Monday, adding that ..." closing a sentence; searched in its last characters only.
_CLOSING = re.compile(r",\s+((?:[\w.’'-]+\s+){0,5}?[\w.’'-]+)\s+(?:said|says|added|adds|told\s+reporters|told\s+\w+)"
                      r"(?:\s+(?:on\s+)?[A-Z]?\w+)?(?:,\s+adding\b[^.!?]*)?\s*[.!?]?[\"”’]?\s*$")
CLOSING_REACH = 160
JOINS = frozenset({"of", "for", "and", "the"}) | PARTICLES  # words inside a name ("Ministry of Defence")


def speaker_label(sentence: str) -> tuple[str, str | None, int] | None:
    """A transcript label's speaker (title-cased), the role it gives them, and where the words
    spoken begin; None unless the label is written in capitals (a headline's "Kremlin: ..." is
    no label)."""
    m = LABEL.match(sentence)
    if not m or not any(c.isalpha() for c in m.group(1)) or len(m.group(1).replace(" ", "")) < 3:
        return None
    role = m.group(2).strip().lower() if m.group(2) else None
    return m.group(1).title(), role, m.end()


def closing_speaker(sentence: str, after: int) -> tuple[str, int] | None:
    """The phrase of a closing ", X said." that stands after offset `after`, and its offset."""
    start = max(after, len(sentence) - CLOSING_REACH)
    m = _CLOSING.search(sentence, start)
    return (m.group(1), m.start(1)) if m else None


def opening_mention(sentence: str) -> Mention | None:
    """The named agent a sentence opens with, whatever its verb ("Kyiv's spy agency, the HUR,
    has given a higher figure."; "Rep. Ann Roe of the ruling party made the remarks"): what a
    pronoun or an introduced role in the next sentences may stand for."""
    words: list[str] = []
    for word in sentence.split()[:10]:
        bare = word.rstrip(",;:")
        if not (is_np_word(bare) or words and plain(bare) in JOINS or not words and plain(bare) in DETERMINERS):
            break
        words.append(bare)
        if bare != word:
            break
    while words and plain(words[-1]) in JOINS:
        words.pop()
    who = mention_of(words) if words else None
    return who if who is not None and who.kind not in ("pronoun", "role") else None


class TranscriptSpeakers:
    """The speaker a transcript's label gives a sentence that names no one else: a full name, or
    a surname some label gives in full ("WOOD:" after "ANN WOOD:"; a lone "UPDATE:" is no
    speaker); never whom a label makes the programme's host or reporter."""

    def __init__(self, sents: tuple[Sentence, ...]):
        self.sents = sents
        self.full: dict[str, tuple[str, bool]] = {}  # surname -> full name, and whether they present
        for s in sents:
            label = speaker_label(s.text) if ":" in s.text[:48] else None
            if label is not None and " " in label[0]:
                surname = label[0].split()[-1]
                self.full[surname] = (label[0], label[1] in PRESENTERS or self.full.get(surname, ("", False))[1])

    def __call__(self, i: int) -> Mention | None:
        text = self.sents[i].text
        label = speaker_label(text) if ":" in text[:48] else None
        if label is None or label[1] in PRESENTERS:
            return None
        name, presents = self.full.get(label[0].split()[-1], (label[0], False))
        return None if presents or " " not in name else Mention(name, "person", person=name)
