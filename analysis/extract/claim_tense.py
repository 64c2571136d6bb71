"""Claims made on the day the article was published, though no phrase dates them: those spoken in
a dated transcript by a speaker whose turn it is ("MS. ROE: We now believe ..."), the record of
that day's briefing. A claim merely reported, in the past tense ("said") or the present ("says"),
without a phrase of its own is not: when the speaker said it only the lead or the claim's own
clause can tell, and a present tense in news is a habit of style, not a date (measured: dating
"says" by the publication day won one held-out claim and lost two)."""

from __future__ import annotations

import re

from analysis.extract.frames import turn_label
from analysis.extract.reporting_verbs import SAID_NOW, SAYS_ONLY, alternation, forms
from analysis.extract.sentences import Sentence

# Reporting verbs and their tense; the noun forms ("reports of", "the claims") are told apart below.
# Verbs whose tense tells when: "-s" and the past, and the base of those that report in the present
# ("put" only as "puts": one form serves both tenses). "Maintain" reports only in a claim already
# found ("Moscow maintains that ..."), so it gives its tense but names no speaker ("maintain troops").
_TENSED = f"{SAID_NOW} {SAYS_ONLY} maintain"
_NOW = forms(f"{_TENSED} put", "third") | forms(f"{SAID_NOW} maintain", "base")
_THEN = forms(_TENSED, "past")
VERB = re.compile(rf"\b(?:(?P<now>{alternation(_NOW)}|(?:is|are)\s+saying)|"
                  rf"(?P<then>{alternation(_THEN)}|(?:was|were)\s+saying|according\s+to))\b", re.I)
# A word before a present form that makes it an infinitive, a negation or a noun ("did not say",
# "to estimate", "the reports", "circulated claims").
_NOT_FINITE = re.compile(r"(?:\b(?:to|not|would|could|will|can|may|might|should|must|did|do|does|the|a|an|its|their|"
                         r"his|her|these|those|such|new|latest|earlier|recent|circulated|cited|denied|dismissed|"
                         r"rejected|of)|n[’']t)\s+$", re.I)


def _tense(text: str, at: int | None) -> str | None:
    """The tense of the reporting verb a claim hangs on: the last before the number, else the first
    after it ("now", "then" or None when no verb reports it)."""
    before, after = None, None
    for m in VERB.finditer(text):
        if m.group("now") and (_NOT_FINITE.search(text, max(0, m.start() - 14), m.start())
                               or re.match(r"\s+of\b", text[m.end():])):
            continue
        tense = "now" if m.group("now") else "then"
        if at is None or m.start() < at:
            before = tense
        elif after is None:
            after = tense
    return before or after


def spoken_turns(sents: tuple[Sentence, ...]) -> list[str | None]:
    """Whose turn of a transcript each sentence is spoken in: a "speaker"'s, from a speaker label
    up to the next label, or a "question" (from a label such as "Q:"); None outside a transcript
    (a text with fewer than two speaker labels)."""
    labels = [turn_label(s.text) for s in sents]  # frames': one notion of a transcript's turn
    if labels.count("speaker") < 2:
        return [None] * len(sents)
    out: list[str | None] = []
    for label in labels:
        turn = label or (out[-1] if out else None)
        out.append(None if turn == "other" else turn)
    return out


def said_on_publication(text: str, at: int | None, turn: str | None) -> bool:
    """Whether an undated claim of this sentence (its number at `at`) was made on the publication
    day: spoken in a speaker's turn of a transcript and not reported as said before ("we now
    believe", "the ministry says" are the speaker's own words that day). A question in a
    transcript relays what others said, at no known time."""
    return turn == "speaker" and _tense(text, at) != "then"
