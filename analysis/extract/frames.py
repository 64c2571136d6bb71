"""What frames a sentence from outside its grammar: a transcript's speaker label ("KIM: ...",
"ANNA LEE, HOST: ..."), and a closing attribution that reports a statement made inside the
sentence ("The agency confirmed that ..., he said.": he is the claimant, the agency his source)."""

from __future__ import annotations

import re

from analysis.extract.claimant_names import (DETERMINERS, MODIFIERS, OPENERS, ORG_HEADS, PARTICLES, PERSON_HEADS,
                                             TITLE_ABBREVIATIONS, Mention, is_np_word, mention_of, plain)
from analysis.extract.sentences import Sentence

# An upper-case speaker label opening a transcript line, with an optional role after a comma.
LABEL = re.compile(r"([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,6})(?:, ([A-Z][A-Z ]{1,30}))?: ")
# A questioner's or answerer's mark ("Q:", "A:"): a turn with no named speaker.
_MARK = re.compile(r"[A-Z]{1,2}: ")
QUESTIONERS = frozenset({"question", "reporter"})  # labels whose turn asks: it relays what others said
LABEL_REACH = 64  # characters a label may take up
# A line's lead label, after a bullet or a live blog's timestamp ("- ", "10:32 GMT - ").
_LEAD = re.compile(r"(?:[-•*–—] |\d{1,2}[:.]\d\d(?: [A-Z]{2,4})?:? (?:[-–—|] )?)?"
                   r"([A-Z][\w’'.&-]*(?: (?:[A-Z][\w’'.&-]*|of|for|the|and)){0,5})(?: \([^()]{1,30}\))?: ")
# Rubrics that head a line without naming a speaker.
RUBRICS = frozenset("claim claims verdict rating update updates context background analysis summary note editor "
                    "correction takeaway takeaways events key what why how bottom line answer question q a "
                    "fact check our conclusion explainer opinion live watch read more breaking".split())
# Roles a label gives the people who present a programme: they relay, they do not claim.
PRESENTERS = frozenset("host anchor byline reporter correspondent presenter moderator interviewer narrator".split())
# ", he said." / ", a lawmaker said on Monday, adding that ..." closing a sentence; searched in its last characters only.
_CLOSING = re.compile(r",\s+((?:[\w.’'-]+\s+){0,5}?[\w.’'-]+)\s+(?:said|says|added|adds|told\s+reporters|told\s+\w+)"
                      r"(?:\s+(?:on\s+)?[A-Z]?\w+)?(?:,\s+adding\b[^.!?]*)?\s*[.!?]?[\"”’]?\s*$")
CLOSING_REACH = 160
TITLE_WORDS = PERSON_HEADS | ORG_HEADS | MODIFIERS
JOINS = frozenset({"of", "for", "and", "the"}) | PARTICLES  # words inside a name ("Ministry of Defence")


def speaker_label(sentence: str) -> tuple[str, str | None, int] | None:
    """A transcript label's speaker (title-cased), the role it gives them, and where the words
    spoken begin; None unless the label is written in capitals (a headline's "Kremlin: ..." is
    no label)."""
    m = LABEL.match(sentence)
    if not m or not any(c.isalpha() for c in m.group(1)) or len(m.group(1).replace(" ", "")) < 3:
        return None
    role = m.group(2).strip().lower() if m.group(2) else None
    words = m.group(1).title().split()
    while len(words) > 2 and plain(words[0]) in TITLE_WORDS or len(words) > 1 and words[0].lower() in (
            TITLE_ABBREVIATIONS):  # "DEPUTY PRESS SECRETARY ANN ROE": Ann Roe; "MS. ROE": Roe
        words.pop(0)
    return " ".join(words), role, m.end()


def turn_label(sentence: str) -> str | None:
    """The turn a transcript line's label opens: a named "speaker"'s ("MS. ROE:", "ANN ROE, HOST:"),
    a "question" ("Q:", "REPORTER:"), or an "other" that names no one ("A:", "UPDATE:", a lone
    "KIM:" that may be a rubric); None for a line that opens with no label."""
    if ":" not in sentence[:LABEL_REACH]:
        return None
    if _MARK.match(sentence):
        return "question" if sentence.startswith("Q:") else "other"
    if speaker_label(sentence) is None:
        return None
    words = LABEL.match(sentence).group(1)  # type: ignore[union-attr]  # speaker_label matched it
    return "question" if words.lower() in QUESTIONERS else "speaker" if " " in words else "other"


def lead_label(sentence: str) -> Mention | None:
    """The named agent a title-case label opening a line gives its words ("Baltic Wire (Riga):
    ...", "Kremlin: ..."), as press reviews and live blogs head an entry; a rubric ("Claim:",
    "Why it matters:") names no one."""
    m = _LEAD.match(sentence) if speaker_label(sentence) is None else None  # capitals: a transcript's speaker
    words = m.group(1).split() if m else []
    if not words or any(plain(w) in RUBRICS or plain(w) in OPENERS for w in words):
        return None
    who = mention_of(words)  # a lone word names a person only with a title ("Kursk:" is a place)
    return who if who is not None and who.kind not in ("pronoun", "role") and (
        len(words) > 1 or who.kind != "person") else None


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
    speaker); never whom a label makes the programme's host or reporter. A turn runs on to the
    next label (a questioner's "Q:" included) when the text has two labels or more: the
    sentences after a label are the same speaker's."""

    def __init__(self, sents: tuple[Sentence, ...]):
        self.sents = sents
        self.full: dict[str, tuple[str, bool]] = {}  # surname -> full name, and whether they present
        self.turn: list[int | None] = []  # the labelled sentence whose turn each sentence is in
        labels = [speaker_label(s.text) if ":" in s.text[:LABEL_REACH] else None for s in sents]
        transcript = sum(label is not None for label in labels) > 1
        current = None
        for i, (s, label) in enumerate(zip(sents, labels)):
            if label is not None and " " in label[0]:
                surname = label[0].split()[-1]
                self.full[surname] = (label[0], label[1] in PRESENTERS or self.full.get(surname, ("", False))[1])
            if turn_label(s.text) is not None:
                current = i if label is not None else None
            self.turn.append(i if label is not None else current if transcript else None)
        self.labels = labels

    def __call__(self, i: int) -> Mention | None:
        j = self.turn[i]
        label = self.labels[j] if j is not None else None
        if label is None or label[1] in PRESENTERS:
            return None
        name, presents = self.full.get(label[0].split()[-1], (label[0], False))
        return None if presents or " " not in name else Mention(name, "person", person=name)
