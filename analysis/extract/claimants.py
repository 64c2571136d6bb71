"""Who a sentence attributes its claim to, and with what stance (asserts, denies, declines to
confirm): the subject of a claim verb, an "according to", a titled name cut to its surname, a
pronoun taken back to the last name before it."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.extract.dates import DATE_PHRASE, date_pattern_for
from analysis.extract.sentences import Sentence

STANCES = ("asserts", "denies", "declines to confirm")
DENIAL = re.compile(r"\b(den(?:y|ied|ies|ial)|groundless|fake\s+news|rumou?rs?|defamation|baseless|"
                    r"nonsense|fabricat\w+|provocation)\b", re.I)
DENIAL_HINTS = ("den", "groundless", "fake", "rumo", "defamation", "baseless", "nonsense", "fabricat", "provocation")
DECLINE = re.compile(r"\b(not\s+(?:been\s+)?confirmed|declined\s+to\s+(?:confirm|comment)|(?:would|could|did)\s+not\s+"
                     r"confirm|refused\s+to\s+confirm|neither\s+confirm\w*\s+nor\s+den\w+)\b", re.I)
DECLINE_HINTS = ("confirm", "comment")
CLAIM_VERBS = (r"said|says|told|tells|stated|states|reported|reports|claimed|claims|estimated|estimates|"
               r"confirmed|confirms|announced|wrote|warned|accused|accuses|believes|added|called|described|"
               r"insisted|noted|stressed|revealed|disclosed|assessed")
ROLE_WORDS = {
    "intelligence", "agency", "ministry", "mission", "spokesman", "spokeswoman", "spokesperson", "officials",
    "official", "service", "services", "estimates", "president", "media", "military", "government", "office",
    "spy", "army", "command", "staff", "chief", "of", "minister", "secretary", "general", "the", "defence",
    "defense", "foreign", "state", "national", "leader", "aide",
}
PRONOUNS = {"he", "she", "they", "it", "the president", "the agency", "the ministry"}


def _clean_claimant(words: list[str]) -> str | None:
    while words and (words[0].lower() in {"the", "of", "and", "but", "also", "meanwhile", "however", "as", "in"}
                     or words[0].lower().endswith("ly") or DATE_PHRASE.fullmatch(words[0])):
        words = words[1:]
    name = " ".join(words).strip(" ,;:\"“”'’")
    return name or None


def _subject_before(text: str) -> str | None:
    """The noun phrase just before a claim verb: capitalised words, possessives and role nouns.
    Dating words in between ("Zelenskiy this week accused") are skipped."""
    pattern = date_pattern_for(text)
    if pattern is not None:
        text = pattern.sub(" ", text)
    tokens = re.findall(r"[\w’'.()-]+", text)
    while tokens and tokens[-1].lower() in {"also", "has", "have", "had", "not", "did", "does", "later",
                                            "earlier", "previously", "reportedly", "then", "again", "on"}:
        tokens.pop()
    picked: list[str] = []
    for token in reversed(tokens[-8:]):
        plain = token.lower().strip("’'")
        if token[:1].isupper() or plain in ROLE_WORDS or re.fullmatch(r"\w+[’']s", token):
            picked.insert(0, token)
        else:
            break
    name = _clean_claimant(picked)
    if name and name.lower() in PRONOUNS:
        return "<pronoun>"
    return name


TITLED_NAME = re.compile(
    r"\b(?:President|spokesman|spokeswoman|spokesperson|Minister|Secretary(?:\s+General)?|chief|leader|aide|"
    r"Chairman|Commander|Ambassador|Envoy)\s+(?:[A-Z][\w.’'-]+\s+)*(?P<surname>[A-Z][\w’'-]+)$")


CITING = re.compile(r",?\s*\b(?:citing|quoting|based\s+on)\s+(?:his|her|its|their|the)?\s*([^,.;]+)", re.I)


def short_claimant(name: str | None) -> str | None:
    """A person named with a title is known by surname ("Ukrainian President Volodymyr
    Zelenskiy" -> "Zelenskiy"); institutions keep their name; a chain keeps its source
    ("Zelenskiy (citing intelligence agencies)")."""
    if not name:
        return name
    name, chain = re.match(r"(.*?)(\s*\(citing .*\))?$", name).groups()
    m = TITLED_NAME.search(name)
    return (m.group("surname") if m else name) + (chain or "")


ACCORDING = re.compile(r"\b(?:according\s+to|citing)\s+(?:the\s+)?(?:most\s+recent\s+|latest\s+)?([^,.;]+)", re.I)
_CLAIM_VERB_SET = frozenset(CLAIM_VERBS.split("|"))
_ASCII_WORDS = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1024)
def _whole_words(words: frozenset[str]) -> re.Pattern:
    """An alternation of just the words a sentence holds: a long alternation tried at every
    position is the slow part of a regex scan."""
    return re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")


def claimant_in(sentence: str) -> tuple[str | None, int | None]:
    """Who the sentence attributes its claim to, and where the attribution is: an opening
    "According to X", else the subject of a claim verb (with the source it cites), else
    "according to"/"citing" anywhere."""
    lower = sentence.lower()
    according = (ACCORDING.search(sentence) if "according" in lower or "citing" in lower else None)
    if according and according.start() == 0:
        return _clean_claimant(according.group(1).split()[:6]), 0
    verbs = _CLAIM_VERB_SET.intersection(_ASCII_WORDS.findall(sentence))
    for m in _whole_words(frozenset(verbs)).finditer(sentence) if verbs else ():
        before = sentence[:m.start()]
        if re.search(r"\b(that|which|who)\s*$", before):
            continue
        who = _subject_before(before)
        if not who:
            after = re.match(r"\s+((?:[A-Z][\w’'-]+\s*){1,4})", sentence[m.end():])
            who = _clean_claimant(after.group(1).split()) if after else None
        if who:
            chain = CITING.search(sentence, m.end())
            return (f"{who} (citing {chain.group(1).strip()})" if chain and who != "<pronoun>" else who), m.start()
    if according:
        return _clean_claimant(according.group(1).split()[:6]), according.start()
    m = re.search(r"\b(?:has|have)\s+not\s+(?:been\s+)?confirmed", sentence) if "confirmed" in sentence else None
    if m:
        return _subject_before(sentence[:m.start()]), m.start()
    return None, None


def stance_of(sentence: str) -> str:
    lower = sentence.lower()
    if any(hint in lower for hint in DECLINE_HINTS) and DECLINE.search(sentence):
        return "declines to confirm"
    if any(hint in lower for hint in DENIAL_HINTS) and DENIAL.search(sentence):
        return "denies"
    return "asserts"


class Claimants:
    """Who each sentence of an article attributes its claim to, worked out only for the sentences
    that need it (most carry no figure). A pronoun ("he said") stands for the nearest earlier
    sentence's claimant that is a name."""

    def __init__(self, sents: tuple[Sentence, ...]):
        self.sents = sents
        self.own: dict[int, tuple[str | None, int | None]] = {}
        self.resolved: dict[int, str | None] = {}  # pronoun sentences already looked back from

    def _own(self, i: int) -> tuple[str | None, int | None]:
        if i not in self.own:
            self.own[i] = claimant_in(self.sents[i].text)
        return self.own[i]

    def __call__(self, i: int) -> tuple[str | None, int | None]:
        who, at = self._own(i)
        if who == "<pronoun>":
            if i not in self.resolved:
                self.resolved[i] = self._name_before(i)
            who = self.resolved[i]
        return who, at

    def _name_before(self, i: int) -> str | None:
        for j in range(i - 1, -1, -1):
            if j in self.resolved:  # a pronoun already resolved: the same name (each step back is taken once)
                return self.resolved[j]
            who = self._own(j)[0]
            if who not in (None, "<pronoun>"):
                return who
        return None
