"""Who an article attributes each claim to, and with what stance (asserts, denies, declines to
confirm). One sentence's attribution comes from `attribution`; here a pronoun or a role ("he",
"the agency", "the spokesman") is taken back to the nearest earlier named claimant of its kind,
a surname to the full name the article gave before, and a figure whose sentence names nobody
to the claimant of the same figure earlier in the article or in the headline."""

from __future__ import annotations

import re

from analysis.extract.attribution import LIST_NUMBERS, attribution_in, described
from analysis.extract.claimant_keys import initials
from analysis.extract.claimant_names import PERSON_HEADS, Mention, is_proper, mention_of
from analysis.extract.frames import LABEL_REACH, TranscriptSpeakers, lead_label, opening_mention
from analysis.extract.headlines import headline_claimant
from analysis.extract.numbers import find_numbers
from analysis.extract.references import fits
from analysis.extract.sentences import Sentence
from analysis.extract.stances import DECLINE, DECLINE_HINTS, DENIAL, DENIAL_HINTS, STANCES, stance_of  # noqa: F401

CONTRAST = re.compile(r"[,;]\s+(?:while|whereas|though|although|but|and)\s+|;\s+")  # clauses with a speaker each
SPOKE = re.compile(r"\b(?:remarks?|comments?|briefing|reporters|spoke|speaking|interview|told)\b")
INTRODUCED = 3  # sentences after "a lawmaker said" the article may name them in
LOOKBACK = 12  # sentences a pronoun or role looks back over: a reference further back is no reference
STATED_AFTER = re.compile(r"(?:This|That|These|It|The\s+(?:statement|announcement|report|information|news))\s+"
                          r"(?:was|were|is|has\s+been|have\s+been)\s+\w+\s")
FIRST_PERSON = frozenset({"i", "we"})
# "Source: X" closing a report; a fact check's "Claimed by: X" ("Claim:" heads what they said).
LABEL = re.compile(r"(?:Sources?|Claimed\s+by|Claimant|Made\s+by)\s*:\s*([^;.\n]+)")


def claimant_in(sentence: str) -> tuple[str | None, int | None]:
    """The claimant one sentence names and where ("<pronoun>" for he/she/they/it; a role such
    as "the agency" as written): for a single sentence, without the article around it."""
    found = attribution_in(sentence)
    who = found.claimant
    if who is None:
        return None, None
    return ("<pronoun>" if who.kind == "pronoun" else who.name), found.at


class Claimants:
    """The claimants of an article's sentences, worked out only for the sentences that need
    them (most carry no figure); each sentence is read once and looks back a bounded way."""

    def __init__(self, sents: tuple[Sentence, ...], headline: str | None = None, parse: bool = True):
        self.sents = sents
        self.headline, self.headline_values = headline, {n.value for n in find_numbers(headline or '')}  # read once
        self.parse = parse  # False: the rules alone, without loading the parser
        self.own: dict[int, tuple[Mention | None, str | None, int | None]] = {}
        self.resolved: dict[int, Mention | None] = {}
        self.full_names: dict[tuple[int, str], Mention] = {}  # (0, surname) or (1, a leading family name) -> full
        self.by_value: dict[int, tuple[str, str | None, str]] = {}
        self.label: Mention | None | bool = False  # not looked for yet
        self.relayed: dict[int, str] = {}  # sentence -> the source a role names, relayed by an earlier speaker
        self.speakers: TranscriptSpeakers | None = None  # made when a sentence has a speaker label
        self.clauses: dict[int, tuple[bool, bool, list[tuple[int, int]]]] = {}  # sentence -> several?, parsed?, cuts

    def _own(self, i: int) -> tuple[Mention | None, str | None, int | None]:
        if i not in self.own:
            numbers = len(find_numbers(text := self.sents[i].text))  # parsed: a few numbers or a stance, no list
            carries = 0 < numbers <= LIST_NUMBERS or not numbers and stance_of(text) != "asserts"
            found = attribution_in(text, parse=self.parse and carries)
            self._named(found.claimant)
            self.own[i] = (found.claimant, found.source, found.at)
        return self.own[i]

    def _named(self, who: Mention | None) -> None:
        """Remember a full name for the surname (or leading family name) that may stand for it."""
        if who is not None and who.person and " " in who.person:  # "Lee Seong-kweun": Lee leads
            for k, name in enumerate((who.person.split()[-1], who.person.split()[0])):
                self.full_names.setdefault((k, name.lower()), who)

    def mention(self, i: int) -> Mention | None:
        """The named claimant sentence i stands for, references resolved."""
        if i in self.resolved:
            return self.resolved[i]
        who = self._own(i)[0]
        self.resolved[i] = who = self._continued(i) or self._closed_later(i) or self._stated_after(i) or \
            self._speaking(i) or self._led(i) if who is None else self._resolve(i, who)
        return who

    def _resolve(self, i: int, who: Mention) -> Mention | None:
        """A pronoun or role taken back to whom it stands for, an introduced role ("a lawmaker
        said") forward to the name the article gives next, a surname to its full name."""
        if who.kind == "role" and not who.definite:
            return self._introduced(i, who)
        if who.kind == "pronoun" and who.head in FIRST_PERSON:  # in a transcript, the turn's speaker
            return self._speaking(i) or self._referent(i, who)
        if who.kind in ("pronoun", "role"):
            return self._referent(i, who)
        if who.kind == "person" and who.person and " " not in who.person:
            return self._full_name(i, who)
        return who

    def _introduced(self, i: int, role: Mention) -> Mention | None:
        """News names an anonymous speaker of its opening in the next paragraphs ("..., a lawmaker
        said. / Rep. Ann Roe made the remarks after ..."): the first person a following sentence
        opens with, within INTRODUCED sentences, where it says they spoke ("made the remarks",
        "told reporters"): an anonymous source stays so when the next sentences turn to others."""
        for j in range(i + 1, min(len(self.sents), i + 1 + INTRODUCED)):
            if not SPOKE.search(self.sents[j].text):
                continue
            for who in (self._own(j)[0], opening_mention(self.sents[j].text)):
                if who is not None and who.kind == "person" and who.person and " " in who.person:
                    self._named(who)
                    return who
        return None

    def _speaking(self, i: int) -> Mention | None:
        if self.speakers is None:
            self.speakers = TranscriptSpeakers(self.sents)
        return self.speakers(i)

    def _led(self, i: int) -> Mention | None:
        """The agent a title-case label heading sentence i's paragraph names ("Baltic Wire: ...")."""
        j = i
        while j > max(0, i - LOOKBACK) and self.sents[j].start - self.sents[j - 1].end < 2:
            j -= 1
        return lead_label(self.sents[j].text) if ":" in self.sents[j].text[:LABEL_REACH] else None

    def _continued(self, i: int) -> Mention | None:
        """The speaker of a quotation or a colon that sentence i goes on with ('X said: "... .
        ... ."'): sentences inside the quotation carry no quote marks of their own."""
        for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            text = self.sents[j].text
            if text.count("“") > text.count("”") or text.count('"') % 2 == 1 or text.rstrip().endswith(":"):
                return self.mention(j) if self._own(j)[0] is not None else None
            if any(mark in text for mark in '“”"') or self._own(j)[0] is not None:
                return None
        return None

    def _closed_later(self, i: int) -> Mention | None:
        """The speaker named where a quotation opened in sentence i closes ('"... . ...," X said.')."""
        text = self.sents[i].text
        if not (text.count("“") > text.count("”") or text.count('"') % 2 == 1):
            return None
        for j in range(i + 1, min(len(self.sents), i + 1 + INTRODUCED)):
            if any(mark in self.sents[j].text for mark in '“”"'):
                who = self._own(j)[0]
                return self._resolve(j, who) if who is not None else None
        return None

    def _stated_after(self, i: int) -> Mention | None:
        """The speaker the next sentence names for this one ("... . This was stated by X.")."""
        if i + 1 < len(self.sents) and STATED_AFTER.match(self.sents[i + 1].text):
            who = self._own(i + 1)[0]
            return who if who is not None and who.kind not in ("pronoun", "role") else None
        return None

    def _label(self) -> Mention | None:
        """The article's "Source: X" line, as some outlets open or close a report with."""
        if self.label is False:
            found = (LABEL.match(s.text) for s in self.sents if s.text.startswith(("Source", "Claim", "Made")))
            m = next((m for m in found if m), None)
            self.label = described(m.group(1)) if m else None
        return self.label

    def _referent(self, i: int, ref: Mention) -> Mention | None:
        for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            candidate = self.mention(j) if j in self.resolved else self._own(j)[0]
            if candidate is None and j == i - 1:  # "X has given a higher figure. It has said ..."
                candidate = opening_mention(self.sents[j].text)
            if candidate is not None and fits(ref, candidate):
                return self._resolve(j, candidate) if candidate.kind == "person" else candidate  # its full name
            cited = mention_of(self._own(j)[1].split()) if candidate is not None and self._own(j)[1] else None
            if cited is not None and ref.kind == "role" and ref.head not in PERSON_HEADS and cited.kind in (
                    "organisation", "government") and is_proper(cited.name) and candidate.kind == "person":  # "X said, citing the agency. ..."
                self.relayed[i] = self._own(j)[1]  # "... According to the agency, ...": X still relays it
                return self.mention(j)
        # A described role ("the Russian president") stands on its own; a bare one does not.
        words = ref.name.split()
        person = ref.head in PERSON_HEADS
        return Mention(ref.name, "person" if person else "organisation", ref.head,
                       person=ref.name if person else None) if any(map(is_proper, words)) else None

    def _full_name(self, i: int, who: Mention) -> Mention:
        surname = who.person.lower()
        for j in range(max(0, i - LOOKBACK), i):
            self._own(j)
        return self.full_names.get((0, surname)) or self.full_names.get((1, surname), who)

    def __call__(self, i: int) -> tuple[str | None, int | None]:
        """Compatible with the sentence-level reading: the resolved name and where it is."""
        who = self.mention(i)
        return (who.name if who else None), self._own(i)[2]

    def _at(self, i: int, at: int | None) -> tuple[Mention | None, str | None]:
        """The claimant and source of what stands at offset `at` of sentence i: as the clause holding
        it words it ("X put it at 100, while Y said 300"; "The Times reported ...; Y said 300")."""
        own, text = self._own(i), self.sents[i].text
        if at is None:
            return self.mention(i), own[1]
        if i not in self.clauses:  # once per sentence, however many numbers it holds
            count = len(find_numbers(text))
            self.clauses[i] = (count > 1, self.parse and count <= LIST_NUMBERS,
                               [(0, 0), *((m.start(), m.end()) for m in CONTRAST.finditer(text)), (len(text), len(text))])
        several, prose, cuts = self.clauses[i]
        k = max(k for k in range(len(cuts) - 1) if cuts[k][1] <= at)
        later = own[2] is not None and own[2] < cuts[k][1]  # the sentence's speaker stands in an earlier clause
        found = attribution_in(text[cuts[k][1]:cuts[k + 1][0]], at - cuts[k][1], several and prose) if len(
            cuts) > 2 and (several or later) else None
        whole = found is None or found.claimant is None
        if whole and not several:
            return self.mention(i), own[1]
        found = attribution_in(text, at, prose) if whole else found
        same = found.claimant is None or whole and found.claimant == own[0] or (
            found.claimant.kind == "pronoun" and own[0] is not None and fits(found.claimant, own[0]))
        if same:
            return self.mention(i), own[1]  # "X said ..., in what it described as ...": it is X
        return self._resolve(i, found.claimant), found.source

    def for_figure(self, i: int, value: int | None, at: int | None = None) -> tuple[str | None, str | None,
                                                                                  str | None]:
        """Claimant, cited source and kind of claimant of a figure in sentence i (at offset `at` in
        it): its own sentence's, else (for a number restated without attribution) the same
        number's claimant earlier in the article or in a headline that states it ("10,000 troops
        in Russia, Pentagon says")."""
        who, source = self._at(i, at)
        if who is not None:
            found = (who.name, source or self.relayed.get(i), who.kind)
            if value is not None:
                self.by_value.setdefault(value, found)
            return found
        if value is None:
            return None, None, None
        if value in self.by_value:
            return self.by_value[value]
        if i and self.sents[i].start - self.sents[i - 1].end < 2 and self.mention(i - 1) is not None:
            who = self.mention(i - 1)  # the paragraph's statement goes on ("X said A. B.")
            return who.name, self._own(i - 1)[1], who.kind
        label = self._label()
        if label is not None and label.kind not in ("pronoun", "role"):
            return label.name, None, label.kind
        if self.headline and value in self.headline_values:
            said = headline_claimant(self.headline)
            if said is not None:
                return said.name, None, said.kind
        role = self._own(i)[0]  # "the administration said 3,000": a role the article never names is the claimant
        if role is not None and role.kind == "role" and role.definite:
            return role.name, self._own(i)[1], "person" if role.head in PERSON_HEADS else "organisation"
        return None, None, None


def claimants_of_article(sents: tuple[Sentence, ...]) -> list[str]:
    """Everyone an article attributes words to, in its order, each once (references resolved;
    a surname said before the full name is given still stands for it). The rules alone read
    them: the report lists them without loading the parser (figures.csv holds each figure's
    claimant as extraction found it)."""
    resolver = Claimants(sents, parse=False)
    found = [resolver.mention(i) for i in range(len(sents))]
    full = {who.person.split()[-1]: who.name for who in found if who is not None and who.person and " " in who.person}
    full.update({initials(who.name): who.name for who in reversed(found)
                 if who is not None and who.kind == "organisation" and initials(who.name)})  # "NIS": its expansion
    names: list[str] = []
    for who in found:
        name = full.get(who.name, who.name) if who is not None else None
        if name is not None and name not in names:
            names.append(name)
    return names
