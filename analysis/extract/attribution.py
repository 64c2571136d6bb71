"""Who one sentence attributes its claim to, and whom that claimant cites: the subject of a
speech verb ("X said", "X told", "X estimates"), an inverted one ('"...," said X'), "according
to X", "as reported by X"; a chain "X, citing Y" or "according to Y, ..., X said" keeps Y apart
as the source. Nothing here reads beyond the sentence (see `claimants` for the article)."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from analysis.extract.claimant_names import (DETERMINERS, OPENERS, ORG_HEADS, PARTICLES, PERSON_HEADS,
                                             SUBORDINATORS, Mention, is_np_word, is_proper, mention_of, plain)
from analysis.extract.dates import date_pattern_for
from analysis.extract.described import described
from analysis.extract.frames import LABEL_REACH, closing_speaker, speaker_label
from analysis.extract.numbers import find_numbers
from analysis.extract.parse import attribution
from analysis.extract.speech_verbs import (ACCORDING, AS_X_PUTS_IT, CITES, CITING, IN_WORDS, INVERTIBLE, PROGRESSIVE,
                                           PUT, PUT_COUNT, SPEECH_VERBS)

LIST_NUMBERS = 12  # a "sentence" with more numbers is a list or a table: the rules read it, not the parser
_WORDS = re.compile(r"[A-Za-z]+")
_TOKEN = re.compile(r"[\w\u00C0-\u024F](?:[\w\u00C0-\u024F.’'-]*[\w’'])?\.?|[,;:“”\"()—–]|(?<=\s)-(?=\s)")
_PUNCT = frozenset(",;:“”\"()—–-")
_AUX = frozenset("also has have had not did does do would will could may might later earlier previously reportedly "
                 "then again is are be being was were been has just further repeatedly publicly recently on once "
                 "first".split())
_ASIDE = re.compile(r"\s+(?:in|on|during|at)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:statement|interview|post|video|address|briefing|speech|message|conference|meeting|report)\s*$",
                    re.I)
_ASIDE_OPENERS = frozenset("a an of from who which whose in at speaking citing quoting with for according as "
                           "when after during".split())
_ACRONYM_NOTE = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,7})\)")
SUBJECT_REACH = 250  # characters before a verb its subject (and an aside or two) may take up
_JOINS = frozenset({"of", "for", "and", "&", "in", "from"})
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
_PASSIVE_AGENT = re.compile(r"(?:\s+(?:at|in|during|on)\s+(?:a|an|the|his|her|its|their)?\s*[\w-]+(?:\s+[\w-]+)?)?"
                            r"\s+by\s+")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom)\s*$")


@dataclass(frozen=True)
class Attribution:
    """The claimant a sentence names (or None), the source it cites, and where it says so."""

    claimant: Mention | None
    source: str | None
    at: int | None
    framed: bool = False  # named by what frames the whole sentence ("According to X, ...", "..., X said.")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _subject(before: str) -> tuple[list[str], bool, str | None]:
    """The noun phrase a speech verb's subject ends with, whether it opens a clause after a
    comma or quote (a trailing "..., X said."), and a source cited in an aside before the verb."""
    pattern = date_pattern_for(before)
    if pattern is not None:
        before = pattern.sub(" ", before)
    before = _ASIDE.sub(" ", before)
    tokens = _tokens(before)
    if tokens and tokens[-1] in "“”\"":  # '"...," said X': the speaker follows the verb
        return [], False, None
    while tokens and (tokens[-1].lower() in _AUX or tokens[-1] == ","):
        tokens.pop()
    source = None
    for _ in range(3):  # a subject may stand before an aside or two ("X, of Y, said")
        cut = max((i for i, t in enumerate(tokens) if t in _PUNCT), default=-1)
        segment = tokens[cut + 1:]
        words = _phrase_back(segment)
        start = len(segment) - len(words)
        covered = start == 0 or plain(segment[start - 1]) in SUBORDINATORS or all(
            plain(t) in OPENERS for t in segment[:start])
        if words and covered:
            named = _named_before(tokens[:cut]) if plain(segment[0]) in DETERMINERS and tokens[cut] == "," else []
            return named or words, cut >= 0 and tokens[cut] != "(", source
        if cut < 0 or len(segment) < 2 or not (plain(segment[0]) in _ASIDE_OPENERS or segment[0].islower()):
            return [], False, source
        if plain(segment[0]) in ("citing", "quoting"):
            source = " ".join(segment[1:])
        tokens = tokens[:cut]
        while tokens and tokens[-1] in _PUNCT:
            tokens.pop()
    return [], False, source


def _named_before(tokens: list[str]) -> list[str]:
    """The name an apposition follows: "Anna Koski, the head of the agency, said"."""
    cut = max((i for i, t in enumerate(tokens) if t in _PUNCT), default=-1)
    segment = tokens[cut + 1:]
    words = _phrase_back(segment)
    adverb = len(words) == 1 and (plain(words[0]) in OPENERS | SUBORDINATORS or plain(words[0]).endswith("ly"))
    return words if words and len(words) == len(segment) and all(map(is_proper, words)) and not adverb else []


def _phrase_back(segment: list[str]) -> list[str]:
    """The longest run of noun-phrase words ending the segment; a determiner opens the phrase."""
    i = len(segment)
    while i > 0:
        t = segment[i - 1]
        low = t.lower()
        nxt = segment[i] if i < len(segment) else ""
        inner = i > 1 and nxt != "" and (is_np_word(nxt) or nxt in PARTICLES or nxt == "the")
        if low in DETERMINERS and not (low == "the" and inner and segment[i - 2].lower() in ("of", "for")):
            i -= 1
            break
        joins = inner and (low in ("of", "for", "and", "&", "the") or low in ("in", "from")
                           and plain(segment[i - 2]) in PERSON_HEADS | ORG_HEADS
                           or low in PARTICLES and (is_proper(segment[i - 2]) or segment[i - 2] in PARTICLES))
        if not (is_np_word(t) or joins) or low in _AUX or low in SPEECH_VERBS:
            break
        i -= 1
    while i < len(segment) and segment[i].lower() in _JOINS:  # a phrase never opens with "of"
        i += 1
    return segment[i:]


def _phrase_forward(text: str) -> list[str]:
    out: list[str] = []
    for t in _tokens(text)[:8]:
        if t in _PUNCT or (out or t.lower() not in DETERMINERS) and not is_np_word(t):
            break
        out.append(t)
    if out and out[-1].endswith(".") and out[-1].count(".") == 1:
        out[-1] = out[-1][:-1]  # the sentence's full stop, not an abbreviation's ("U.S.")
    return out


def _speech(sentence: str) -> tuple[Mention | None, int | None, bool, str | None]:
    """The first speech verb with an agent for its subject (or after it, inverted)."""
    verbs = SPEECH_VERBS.intersection(_WORDS.findall(sentence))
    if not verbs:
        return None, None, False, None
    curly = straight = last = 0  # quotation marks so far: a verb inside a quotation is no attribution
    for m in re.finditer(r"\b(?:" + "|".join(sorted(verbs)) + r")\b", sentence):
        passed, last = sentence[last:m.start()], m.start()
        curly, straight = curly + passed.count("“") - passed.count("”"), straight + passed.count('"')
        before = sentence[max(0, m.start() - SUBJECT_REACH):m.start()]
        if curly > 0 or straight % 2 or _RELATIVE.search(before) or m.group(0) in PUT and not (
                PUT_COUNT.match(sentence, m.end())) or m.group(0).endswith("ing") and not PROGRESSIVE.search(before):
            continue
        agent = _PASSIVE_AGENT.match(sentence, m.end()) if _PASSIVE.search(before) else None
        if agent:  # "was stated at a briefing by X"
            who = mention_of(_phrase_forward(sentence[agent.end():]))
            if who is not None:
                return who, m.start(), False, None
        words, trailing, source = _subject(before)
        if words:
            who = mention_of(words)
            who = _outlet(who, m.group(0))
            if who is not None:  # trailing: "..., X said." frames what went before
                if m.group(0) in CITES:  # "TASS quoted X as saying": X is the source
                    source = _trimmed(" ".join(_phrase_forward(sentence[m.end():]))) or source
                return who, m.start(), trailing and len(sentence) - m.end() < len(sentence) / 3, source
            continue
        if m.group(0) in INVERTIBLE and (not before.strip() or before.rstrip()[-1] in ",“”\""):
            who = _outlet(mention_of(_phrase_forward(sentence[m.end():])), m.group(0))
            if who is not None:
                return who, m.start(), True, None
    return None, None, False, None


def _outlet(who: Mention | None, verb: str) -> Mention | None:
    """A lone name that "reported" something is an outlet ("Reuters reported"), not a person."""
    if who is not None and who.kind == "person" and verb.startswith("report") and " " not in who.name:
        return Mention(who.name, "organisation", who.head)
    return who


def attribution_in(sentence: str, at: int | None = None, parse: bool = True) -> Attribution:
    """A sentence's claimant for what stands at offset `at` (its first number by default): what
    the rules read (a speech verb's subject, "according to X", a closing "..., X said"), else,
    when they find no one, the parse's subject of the reporting verb that governs the number
    (or of a verb over a claim noun: "X cooked up the story of ..."), when the claimant grammar
    accepts it as an agent. The rules are exact where they apply and cost nothing; the parse
    (milliseconds a sentence) reads the constructions they have no pattern for. A transcript's
    speaker label is no part of the sentence (see `frames`). Without `parse`, the rules alone."""
    label = speaker_label(sentence) if ":" in sentence[:LABEL_REACH] else None
    if label is not None:
        found = attribution_in(sentence[label[2]:], None if at is None else max(0, at - label[2]), parse)
        return Attribution(found.claimant, found.source, None if found.at is None else found.at + label[2], found.framed)
    ruled = _by_rules(sentence)
    if not parse or ruled.claimant is not None:
        return ruled
    if at is None:
        numbers = find_numbers(sentence)
        at = numbers[0].start if numbers else 0
    parsed = attribution(sentence, at)
    if parsed is None or _inside_quotes(sentence, parsed.start):  # '"We believe ...," X said'
        return ruled
    who = mention_of(_tokens(parsed.phrase))
    if who is None or ruled.source and ruled.source in parsed.phrase:
        return ruled  # no agent, or the source the rules saw cited
    return Attribution(who, ruled.source if ruled.source != who.name else None, parsed.start)


def _inside_quotes(sentence: str, at: int) -> bool:
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@lru_cache(maxsize=1024)  # a sentence of many numbers asks once per number
def _by_rules(sentence: str) -> Attribution:
    """A sentence's claimant and cited source: a speech verb's subject, else "according to X";
    when both stand in a sentence, the one that frames it is the claimant and the other its
    source ("According to X, ... Y said": Y cites X; "According to X, Y said ...": X tells it)."""
    text = _ACRONYM_NOTE.sub(lambda m: " " * len(m.group(0)), sentence)  # "Service (NIS)": an alias, not a word
    speaker, at, trailing, source = _speech(text)
    closing = closing_speaker(text, at + 1) if speaker is not None and not trailing else None
    framing = mention_of(_tokens(closing[0])) if closing else None
    if framing is not None and not (speaker.person and framing.person is None):  # not "X said ..., the envoy said"
        # "The agency confirmed that ..., he said.": he relays what the agency said
        return Attribution(framing, source or (speaker.name if speaker.kind != "pronoun" else None), closing[1], True)
    as_it = AS_X_PUTS_IT.search(text) if " it" in text else None  # "N troops, as X describes it"
    named = described(as_it.group(1)) if as_it else None
    if named is not None:
        return Attribution(named, speaker.name if speaker and speaker.kind != "pronoun" and speaker != named else None,
                           as_it.start(1), True)
    according = ACCORDING.search(text) if ("ccording" in text or " by " in text or "er " in text) else None
    named = described(according.group(1)) if according else None
    if according and according.group(0)[:2].lower() == "as" and named is not None:
        return Attribution(named, speaker.name if speaker and speaker.kind != "pronoun" else None, according.start(), True)
    if named is not None and speaker is not None:
        if according.start() == 0 and not trailing:
            return Attribution(named, None, 0)
        source = named.name
    elif named is not None:
        return Attribution(named, None, according.start())
    in_words = IN_WORDS.search(text) if speaker is None and ("n " in text or "y " in text) else None
    if in_words:  # "In his words, ...": the speaker named before; "By Kyiv's count, ..."
        pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(in_words.group(1) or "")
        who = mention_of([pronoun] if pronoun else in_words.group(2).split())
        if who is not None:
            return Attribution(who, None, in_words.start())
    if speaker is None:
        m = re.search(r"\b(?:has|have)\s+not\s+(?:been\s+)?confirmed", text) if "confirmed" in text else None
        words = _subject(text[:m.start()])[0] if m else []
        who = mention_of(words) if words else None
        return Attribution(who, None, m.start() if who else None)
    cited = (CITING.match(text) or CITING.search(text, at)) if source is None and (  # "Citing X, the outlet said"
        "iting" in text or "uoting" in text) else None
    if cited:
        found = described(cited.group(1))
        source = found.name if found else _trimmed(cited.group(1))
    return Attribution(speaker, source, at)


def _trimmed(phrase: str) -> str:
    words = phrase.split()[:8]
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)
