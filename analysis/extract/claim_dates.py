"""When a claim was made: the dating phrase attached to the verb that reports it ("On October 28,
the Pentagon said", "said on Monday that", "told reporters Thursday", "Zelenskiy this week
accused"), never a phrase inside what is reported ("said troops were sent in October"): that one
dates the event the claim is about. A claim whose own clause has no such phrase takes the date of
the lead when the lead reports the same statement (the same number, or the same claimant), else
that of the same speaker's nearest earlier dated statement ("Rutte said Monday ... Rutte said
600,000 ..."); otherwise it stays undated. Another speaker's sentence lends no date, nor does any
sentence to a claim said to be older ("said earlier"; "has claimed" takes only the lead's)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice
from typing import Callable

from analysis.extract.claimant_keys import initials
from analysis.extract.dates import DatePhrase
from analysis.extract.numbers import find_numbers
from analysis.extract.reporting_verbs import SAID_NOW, SAYS_ONLY, SPEAKING, alternation, forms
from analysis.extract.sentences import Sentence

# The verbs a dating phrase may follow: the past of any speaking verb or of one that records a
# statement ("declined", "tweeted", "testified"), but "believed"/"thought" ("troops believed killed")
# and "put" (below); "-s" of verbs that speak in the present; the base only in "say"; "adding", "noting".
_DATED = ((forms(SPEAKING, "past") - forms("believe think put", "past"))
          | forms("decline deny cite mention point_out comment assert tweet tally testify concede project calculate "
                  "record document observe highlight underline conclude", "past")
          | forms(f"{SAID_NOW} {SAYS_ONLY}", "third")
          | forms("say", "base") | forms("say add note", "ing"))
_REVISED = forms("raise lower revise update place peg", "past") | forms("put", "base", "third", "ing")  # an estimate
REPORTING = re.compile(
    rf"\b(?:{alternation(_DATED)}|gave(?=\s+(?:in|on|at|last|this|earlier)\b|\s*[,.])|according\s+to|"
    rf"(?:{alternation(_REVISED)})(?=\s+(?:its|their|the|his|her)\s+(?:\w+\s+)?"
    r"(?:estimate|figure|assessment|count|toll|number|total|contingent|force|deployment)\b))\b",
    re.I)
# What may stand between a reporting verb and its dating phrase: the one told, where it was said,
# or what was issued ("told reporters Monday", "said in a statement on Friday", "told a press
# conference on Monday", "according to figures released on Tuesday").
_AFTER_VERB = re.compile(
    r"\s*(?:(?:also|again|later|separately|publicly|repeatedly|late|early)\s+)?"
    r"(?:(?:reporters|journalists|lawmakers|legislators|parliament|(?:a|an)\s+[\w-]+(?:\s+[\w-]+){0,4}|"
    r"(?:in|at|during|on|via|through)\s+(?:(?:a|an|the|his|her|its|their)\s+)?[\w-]+(?:\s+[\w-]+){0,4}|"
    r"on\s+(?:social\s+media|television|state\s+TV|Telegram|X)|"
    r"(?:[\w’'-]+\s+){0,4}?(?:released|published|issued|posted|made|given|delivered|dated))\s*,?\s*){0,2}", re.I)
# After "told", the one told may be a name ("told CNN on Sunday", "told The War Zone on Monday").
_TOLD = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,4}(?:(?:news\s+agency|newspaper|broadcaster|radio|"
                   r"television|TV|channel|daily|magazine)\s+)?")
# After "according to", the source in a few words ("according to the agency's statement on Monday").
_SOURCE = re.compile(r"\s*(?:[\w’'.-]+\s+){1,5}")
# A fronted clause of its own: a dating phrase after one of these words dates another happening.
_SUBORDINATE = re.compile(r"\b(?:after|before|since|when|where|while|as|although|though|because|following|until|"
                          r"once|if|and|but|which|who|that)\b|[;:]", re.I)
# A pronoun reporting again what the speaker before it said ("said on Friday, in what it described as").
# or a participle after a comma ("said on Friday that ..., adding that").
_SAME_SPEAKER = re.compile(r"(?:\b(?:what|which|as)\s+(?:it|he|she|they)\s+(?:also\s+)?|,\s*)\w{3}$", re.I)
# A definite count whose own speaker follows it ("the 8,000 Washington cited", "the 500 that officials gave").
_CITED_AFTER = re.compile(r"(?:[a-z]+\s+){0,2}?[\d,.]+(?:\s+[a-z]+){0,2}?\s+(?:(?:that|which)\s+)?"
                          r"(?:[A-Z][\w.’'-]*\s+){1,3}")
LEAD_SENTENCES = 3
LOOK_BACK = 40  # sentences searched back for the speaker's dated statement (keeps long texts linear)


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages, in order and apart: between curly quotes, or pairs of straight double quotes."""
    spans = [m.span() for m in re.finditer(r"“[^”]*”?", text)]
    straight = [m.start() for m in re.finditer('"', text)]
    spans += list(zip(straight[::2], [e + 1 for e in straight[1::2]] + [len(text)]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):  # one quotation may hold another
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_OPENING = re.compile(r"\s*(?:(?:On|In|At|During|By|As\s+of|Speaking|Earlier|Later|Also|Separately|Meanwhile)\b"
                      r"[^,;:]*(?:,\s*(?:released|published|issued|made|delivered|posted)\b[^,;:]*)?)?")
REACH = 300  # characters around a reporting verb read for its phrase (keeps a long sentence linear)


def _fronted(text: str, start: int, end: int, verb_start: int) -> bool:
    """A phrase before the reporting verb in its own clause: opening the sentence ("On October 28,",
    "In a statement released on Friday,") or between the speaker and the verb ("X this week said")."""
    if _SUBORDINATE.search(text, max(0, start - REACH), start):
        return False
    if start < REACH and _OPENING.fullmatch(text, 0, start):
        return True
    between = text[end:verb_start]
    if re.fullmatch(r"\s*,\s*", between):  # "Zelensky, in his address on Monday, said"
        return True
    return not re.search(r"[,;:\"“”]", between) and len(between.split()) <= 6


class _Sentence:
    """A sentence read once, however many figures it holds: its reporting verbs and dating phrases
    outside quotations, in order."""

    def __init__(self, s: Sentence, phrases: tuple[DatePhrase, ...]):
        self.text, self.start, self.phrases = s.text, s.start, phrases
        quotes = _quoted(s.text) if phrases else []
        starts = [q[0] for q in quotes]

        def inside(at: int) -> bool:
            k = bisect_right(starts, at - 1)
            return k > 0 and at < quotes[k - 1][1]

        self.verbs = [m for m in REPORTING.finditer(s.text) if not inside(m.start())] if phrases else []
        self.verb_starts = [v.start() for v in self.verbs]
        self.local = [(p.start - s.start, p) for p in phrases if not inside(p.start - s.start)]
        self.positions = [pos for pos, _ in self.local]

    def _between(self, lo: int, hi: int) -> list[tuple[int, DatePhrase]]:
        return self.local[bisect_left(self.positions, lo):bisect_left(self.positions, hi)]

    def _after_verb(self, verb: re.Match) -> DatePhrase | None:
        """A phrase right after the reporting verb, with at most the one told and the setting between."""
        text, word = self.text, verb.group(0).lower()
        told, according = word in ("told", "tells"), word.startswith("according")
        for at, phrase in self._between(verb.end(), verb.end() + REACH):
            if re.match(r"[’']s\b", text[at + len(phrase.text):]):
                continue  # "said Monday's attack killed ..." dates the attack
            named = _TOLD.match(text, verb.end(), at) if told else None  # "told CNN in an interview on Sunday"
            if (_AFTER_VERB.fullmatch(text, verb.end(), at) or (named and _AFTER_VERB.fullmatch(text, named.end(), at))
                    or (according and _SOURCE.fullmatch(text, verb.end(), at))):
                return phrase
        return None

    def claim_phrase(self, figure_at: int | None) -> DatePhrase | None:
        """The phrase that dates the sentence's claim, or None. `figure_at` is where the number stands
        in the body (None for a claim without a number)."""
        text = self.text
        if self.phrases and re.match(r"Sources?:", text):  # "Source: the minister in an address on 4 May"
            return self.phrases[0]
        if not self.verbs:
            return None
        at = None if figure_at is None else figure_at - self.start
        k = len(self.verbs) if at is None else bisect_left(self.verb_starts, at)
        if (at is not None and k < len(self.verbs) and re.search(r"\b(?:the|of)\s+$", text[max(0, at - 5):at])
                and _CITED_AFTER.fullmatch(text, at, self.verb_starts[k])):
            found = self._after_verb(self.verbs[k])  # "up from the 8,000 Washington cited last week"
            if found:
                return found
        if k:  # the verb comes first: a phrase right after it, or before it in its clause
            verb = self.verbs[k - 1] if at is not None else self.verbs[0]
            found = self._after_verb(verb)
            if found:
                return found
            fronted = [p for pos, p in self._between(verb.start() - REACH, verb.start())
                       if _fronted(text, pos, pos + len(p.text), verb.start())]
            if fronted:
                return fronted[-1]
            k = k - 1 if at is not None else 0
            while k and _SAME_SPEAKER.search(text, max(0, self.verb_starts[k] - 30), self.verb_starts[k] + 3):
                k -= 1  # "said on Friday, in what it described as": the same statement, dated by the verb before
                found = self._after_verb(self.verbs[k])
                if found:
                    return found
            return None
        verb = self.verbs[0]  # the claim comes first ("..., Singh told reporters Monday")
        found = self._after_verb(verb)
        if found:
            return found
        lo = max(at, verb.start() - REACH)
        cut = max(text.rfind(mark, lo, verb.start()) for mark in ',”"')
        between = self._between(cut + 1, verb.start()) if cut >= 0 else []
        return between[-1][1] if between else None


def _names(claimant: str | None) -> tuple[set[str], str]:
    """The words that name a claimant (its capitalised words without possessives, else its last
    word) and the acronym it would have (claimant_keys.initials: "National Intelligence Service"
    -> NIS)."""
    words = [re.sub(r"[’']s$", "", w) for w in re.findall(r"[\w’'-]+", claimant or "")]
    names = [w for w in words if w[:1].isupper() and w not in ("The", "A", "An", "On", "In", "Earlier")]
    return set(names or words[-1:]), initials(claimant or "")


def same_claimant(a: str | None, b: str | None) -> bool:
    """Whether two claimants name the same speaker ("Zelenskiy" and "President Zelenskiy", "NIS"
    and "the National Intelligence Service")."""
    (na, ia), (nb, ib) = _names(a), _names(b)
    return bool(na and nb and (na <= nb or nb <= na or ia in nb or ib in na))


def _words(text: str) -> set[str]:
    return {re.sub(r"[’']s$", "", w) for w in re.findall(r"[\w’'-]+", text)}


def _mentions(words: set[str], claimant: str) -> bool:
    names, initials = _names(claimant)
    return bool(names) and (names <= words or initials in words)


# A claim said to be older ("said earlier") is dated by no other sentence; one in the perfect ("has
# claimed") is not the speaker's other dated statement, though a lead may date it.
_EARLIER = re.compile(r"\b(?:said|stated|claimed|reported)\s+(?:earlier|previously|before|in\s+the\s+past)\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:long\s+|also\s+|previously\s+|repeatedly\s+)?(?:claimed|said|stated|"
                      r"warned|reported|estimated|alleged|accused|insisted|maintained|argued)\b", re.I)


class ClaimDates:
    """The phrase that dates each claim of an article: its own (the reporting verb's), else the
    lead's when the lead reports the same number or claimant, else the same speaker's nearest
    earlier dated statement, unless the claim is said to be older. Each sentence is read once."""

    def __init__(self, sents: tuple[Sentence, ...], phrases_of: tuple[tuple[DatePhrase, ...], ...],
                 claimant_of: Callable[[int], str | None]):
        self.sents, self.phrases_of, self.claimant_of = sents, phrases_of, claimant_of
        self._read: dict[int, _Sentence] = {}
        self._statements: dict[int, DatePhrase | None] = {}
        self._older: dict[int, str] = {}  # whether a sentence's claim is said to be older
        # The lead: the first sentences of some length (a caption or a credit line is shorter).
        self.lead = list(islice((j for j, s in enumerate(sents) if len(s.text.split()) >= 5), LEAD_SENTENCES))
        self._lead_values = {j: {n.value for n in find_numbers(sents[j].text)} for j in self.lead}
        self._lead_words = {j: _words(sents[j].text) for j in self.lead}

    def own(self, i: int, figure_at: int | None) -> DatePhrase | None:
        if i not in self._read:
            self._read[i] = _Sentence(self.sents[i], self.phrases_of[i])
        return self._read[i].claim_phrase(figure_at)

    def statement(self, j: int) -> DatePhrase | None:
        """The date of sentence j's own statement."""
        if j not in self._statements:
            self._statements[j] = self.own(j, None)
        return self._statements[j]

    def __call__(self, i: int, figure_at: int | None, value: int | None) -> DatePhrase | None:
        return self.own(i, figure_at) or self.borrowed(i, value)

    def borrowed(self, i: int, value: int | None) -> DatePhrase | None:
        """The date of the same statement told elsewhere in the article."""
        if i not in self._older:  # read once per sentence, however many figures it holds
            text = self.sents[i].text
            self._older[i] = "earlier" if _EARLIER.search(text) else "perfect" if _PERFECT.search(text) else ""
        if self._older[i] == "earlier":
            return None
        claimant, lead = self.claimant_of(i), [j for j in self.lead if j != i]
        dated = [(j, p) for j in lead for p in [self.statement(j)] if p]
        for j, phrase in dated:
            if value is not None and value in self._lead_values[j]:
                return phrase
        perfect = self._older[i] == "perfect"  # "officials have said": a lead naming them may date it, no other speaker
        if claimant and len(dated) == 1 and (_mentions(self._lead_words[dated[0][0]], claimant) or not perfect
                                             and any(same_claimant(claimant, self.claimant_of(j)) for j in lead)):
            return dated[0][1]
        for j in range(i - 1, max(-1, i - LOOK_BACK), -1) if claimant and not perfect else ():
            if same_claimant(claimant, self.claimant_of(j)) and self.statement(j):
                return self.statement(j)
        return None
