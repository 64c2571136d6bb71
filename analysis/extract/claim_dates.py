"""When a claim was made: the dating phrase attached to the verb that reports it ("On October 28,
the Pentagon said", "said on Monday that", "told reporters Thursday", "Zelenskiy this week
accused"), never a phrase inside what is reported ("said troops were sent in October"): that one
dates the event the claim is about. A claim whose own clause has no such phrase takes the date of
the lead when the lead reports the same statement (the same claimant, or the same number);
otherwise it stays undated: a neighbouring sentence's date is not borrowed."""

from __future__ import annotations

import re
from typing import Callable

from analysis.extract.dates import DatePhrase
from analysis.extract.numbers import find_numbers
from analysis.extract.sentences import Sentence

REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|announced|announces|reported|reports|claimed|claims|estimated|"
    r"estimates|confirmed|confirms|wrote|warned|warns|accused|accuses|added|noted|stressed|revealed|disclosed|"
    r"assessed|believes|insisted|declined|denied|denies|called|described|according\s+to)\b", re.I)
# What may stand between a reporting verb and its dating phrase: the one told, where it was said,
# or what was issued ("told reporters Monday", "said in a statement on Friday", "told a press
# conference on Monday", "according to figures released on Tuesday").
_AFTER_VERB = re.compile(
    r"\s*(?:(?:reporters|journalists|lawmakers|legislators|parliament|(?:a|an)\s+[\w-]+(?:\s+[\w-]+){0,2}|"
    r"(?:in|at|during|on|via|through)\s+(?:a|an|the|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+){0,3}|"
    r"on\s+(?:social\s+media|television|state\s+TV|Telegram|X)|"
    r"(?:[\w’'-]+\s+){0,4}?(?:released|published|issued|posted|made|given|delivered|dated))\s*,?\s*)?", re.I)
# After "told", the one told may be a name ("told CNN on Sunday", "told The War Zone on Monday").
_TOLD = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,4}")
# A fronted clause of its own: a dating phrase after one of these words dates another happening.
_SUBORDINATE = re.compile(r"\b(?:after|before|since|when|while|as|although|though|because|following|until|once|"
                          r"if|and|but|which|who|that)\b|[;:]", re.I)
LEAD_SENTENCES = 3


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages: between curly quotes, or pairs of straight double quotes."""
    spans = [m.span() for m in re.finditer(r"“[^”]*”?", text)]
    straight = [m.start() for m in re.finditer('"', text)]
    spans += list(zip(straight[::2], [e + 1 for e in straight[1::2]] + [len(text)]))
    return spans


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < at < e for s, e in spans)


_OPENING = re.compile(r"\s*(?:(?:On|In|At|During|By|As\s+of|Speaking|Earlier|Later|Also|Separately|Meanwhile)\b[^,;:]*)?")


def _fronted(text: str, start: int, end: int, verb_start: int) -> bool:
    """A phrase before the reporting verb in its own clause: opening the sentence ("On October 28,",
    "In a statement released on Friday,") or between the speaker and the verb ("X this week said")."""
    if _SUBORDINATE.search(text, 0, start):
        return False
    if _OPENING.fullmatch(text, 0, start):
        return True
    between = text[end:verb_start]
    if re.fullmatch(r"\s*,\s*", between):  # "Zelensky, in his address on Monday, said"
        return True
    return not re.search(r"[,;:\"“”]", between) and len(between.split()) <= 6


def _after_verb(text: str, verb: re.Match, phrases: list[tuple[int, DatePhrase]]) -> DatePhrase | None:
    """A phrase right after the reporting verb, with at most the one told or the setting between."""
    told = verb.group(0).lower() in ("told", "tells")
    for at, phrase in phrases:
        if at < verb.end() or re.match(r"[’']s\b", text[at + len(phrase.text):]):
            continue  # "said Monday's attack killed ..." dates the attack
        if _AFTER_VERB.fullmatch(text, verb.end(), at) or (told and _TOLD.fullmatch(text, verb.end(), at)):
            return phrase
    return None


def own_claim_phrase(s: Sentence, phrases: tuple[DatePhrase, ...], figure_at: int | None) -> DatePhrase | None:
    """The phrase of the sentence that dates its claim, or None. `figure_at` is where the number
    stands in the body (None for a claim without a number)."""
    if not phrases:
        return None
    text, quotes = s.text, _quoted(s.text)
    if re.match(r"Sources?:", text):  # an attribution line: "Source: the minister in an address on 4 May"
        return phrases[0]
    verbs = [m for m in REPORTING.finditer(text) if not _inside(m.start(), quotes)]
    if not verbs:
        return None
    local = [(p.start - s.start, p) for p in phrases if not _inside(p.start - s.start, quotes)]
    at = None if figure_at is None else figure_at - s.start
    before = [v for v in verbs if at is None or v.start() < at]
    if before:  # the verb comes first: a phrase before it in its clause, or right after it
        verb = before[-1] if at is not None else before[0]
        found = _after_verb(text, verb, local)
        if found:
            return found
        fronted = [p for pos, p in local if pos < verb.start() and _fronted(text, pos, pos + len(p.text), verb.start())]
        return fronted[-1] if fronted else None
    verb = verbs[0]  # the claim comes first ("..., Singh told reporters Monday")
    found = _after_verb(text, verb, local)
    if found:
        return found
    cut = max(text.rfind(",", at, verb.start()), text.rfind("”", at, verb.start()), text.rfind('"', at, verb.start()))
    between = [p for pos, p in local if cut >= 0 and cut < pos < verb.start()]
    return between[-1] if between else None


def _keys(claimant: str | None) -> set[str]:
    """The words that name a claimant: its capitalised words and their initials ("National
    Intelligence Service (NIS)" -> NIS), else its last word."""
    words = re.findall(r"[\w’'-]+", re.sub(r"\(citing.*?\)", " ", claimant or ""))
    names = [w for w in words if w[:1].isupper() and w not in ("The", "A", "An", "On", "In")]
    if len(names) > 1:
        names.append("".join(w[0] for w in names))
    return set(names or words[-1:])


def same_claimant(a: str | None, b: str | None) -> bool:
    """Whether two claimants name the same speaker ("Zelenskiy" and "President Zelenskiy", "NIS"
    and "the National Intelligence Service")."""
    ka, kb = _keys(a), _keys(b)
    return bool(ka and kb and (ka <= kb or kb <= ka))


# A claim said to be older ("said earlier") is dated by no other sentence; one in the perfect ("has
# claimed") is not the speaker's other dated statement, though a lead may date it.
_EARLIER = re.compile(r"\b(?:said|stated|claimed|reported)\s+(?:earlier|previously|before|in\s+the\s+past)\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:long\s+|also\s+|previously\s+|repeatedly\s+)?(?:claimed|said|stated|"
                      r"warned|reported|estimated|alleged|accused|insisted|maintained|argued)\b", re.I)


def _lead(sents: tuple[Sentence, ...]) -> list[int]:
    """The lead: the article's first sentences of some length (a caption or credit line is shorter)."""
    return [j for j, s in enumerate(sents) if len(s.text.split()) >= 5][:LEAD_SENTENCES]


def _mentions(text: str, claimant: str) -> bool:
    return all(re.search(rf"\b{re.escape(k)}\b", text) for k in _keys(claimant))


def borrowed_phrase(sents: tuple[Sentence, ...], phrases_of: tuple[tuple[DatePhrase, ...], ...], i: int,
                    claimant_of: Callable[[int], str | None], value: int | None) -> DatePhrase | None:
    """The date of the same statement told elsewhere: the lead's (first sentences) when it reports the
    same number or the same claimant, else the same speaker's nearest earlier dated statement."""
    if _EARLIER.search(sents[i].text):
        return None
    claimant = claimant_of(i)
    lead = [j for j in _lead(sents) if j != i]
    dated = [(j, p) for j in lead for p in [own_claim_phrase(sents[j], phrases_of[j], None)] if p]
    for j, phrase in dated:
        if value is not None and any(n.value == value for n in find_numbers(sents[j].text)):
            return phrase
    if claimant and len(dated) == 1 and (_mentions(sents[dated[0][0]].text, claimant)
                                         or any(same_claimant(claimant, claimant_of(j)) for j in lead)):
        return dated[0][1]
    for j in range(i - 1, -1, -1) if claimant and not _PERFECT.search(sents[i].text) else ():
        if same_claimant(claimant, claimant_of(j)):
            phrase = own_claim_phrase(sents[j], phrases_of[j], None)
            if phrase:
                return phrase
    return None
