"""Which numbers of a sentence count people, what noun they count and what happened to them
(the subject). A number counts people when a people noun follows it ("1,500 soldiers", "10,000 of
its military", "a 50,000-strong force", `"at least 10,000" North Korean forces`), stands before it
("a contingent of 10,000", "troops numbering 10,000"), or is left out after a casualty or deployment
verb in a sentence about people ("100 soldiers were killed and 1,000 wounded"). Years, dates,
money, shares, ages, times, distances, article and serial numbers never count people, nor do vague
counts ("dozens of", "hundreds of", "thousands of"): they are no figure to compare."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.common.vocabulary import MONTHS_RE
from analysis.extract.numbers import NumberMention, find_numbers
from analysis.extract.subjects import clause_after, subject_of

PEOPLE = (r"troops|soldiers|servicemen|service\s*members|personnel|special\s+forces|fighters|forces|"
          r"military\s+personnel|workers|men|mercenaries|people|casualties|dead|prisoners|POWs|officers|"
          r"engineers|specialists|commandos|recruits|conscripts|infantry|units|servicemembers|North\s+Koreans|"
          r"labou?rers|civilians|sailors|pilots|marines|paratroopers|reservists|volunteers|generals|commanders|"
          r"guards|snipers|gunners|operators|crews|crewmen|militants|combatants|cadets|trainees|instructors|"
          r"advis[eo]rs|contractors|detainees|captives|deserters|defectors|riflemen|artillerymen|servicewomen")
PEOPLE_RE = re.compile(rf"\b(?:{PEOPLE})\b", re.I)
# Nouns that a count can stand for after "of its/their" ("10,000 of its military") or "-strong".
_BODY = rf"{PEOPLE}|military|army|citizens|nationals"
_UNITS = (r"force|forces|group|contingent|army|corps|brigade|battalion|division|detachment|unit|units|"
          r"deployment|expeditionary\s+force|troops|regiment")
# Words that cannot stand between a number and the noun it counts: prepositions, and units
# of measure or time ("30 kilometres from the troops", "20 years of soldiers").
_GAP_STOP = (r"of|in|into|to|from|for|with|by|at|on|per|than|over|under|near|within|across|since|during|"
             r"km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|kg|tonnes?|tons?|hours?|minutes?|days?|weeks?|"
             r"months?|years?|year-old|times|percent|rounds|shells|tanks|missiles|drones|vehicles|guns")
# ... nor verbs: "3,000 were sent to reinforce Russian troops" counts the troops sent, not the Russians.
_GAP_VERBS = (r"were|was|are|is|have|has|had|been|be|being|killed|wounded|injured|dead|captured|missing|sent|"
              r"deployed|fighting|fought|died|went|arrived|moved|reinforce|join|joined|support|replace")
_GAP = rf"(?:(?!(?:{_GAP_STOP}|{_GAP_VERBS})\b)[\w’'.()-]+\s+){{0,4}}?"
_QUOTE_CLOSE = r"\+?[\"”’]?\s*"  # "10,000+ troops", `"at least 10,000" North Korean forces`
# "military" alone is a noun only where no noun follows it ("10,000 North Korean military to Russia").
_MILITARY = r"military(?=\s+(?:to|in|into|for|were|was|have|had|are|is|who|that|already|now)\b|\s*[.,;]|$)"
DIRECT = re.compile(rf"{_QUOTE_CLOSE}{_GAP}({PEOPLE}|{_MILITARY})\b(?![’']s\b)", re.I)
OF_THEIR = re.compile(rf"\s+of\s+(?:its|their|his|her|our|the|these|those|[A-Z][\w.’'-]*['’]s)\s+"
                      rf"(?:[\w’',-]+\s+){{0,3}}?({_BODY})\b", re.I)
OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
STRONG = re.compile(rf"-(?:strong|man|member|person|soldier)\s+(?:[\w’'-]+\s+){{0,3}}?({_UNITS})\b", re.I)
_RISEN = (r"(?:(?:has|have|had|is|are|was|were)\s+)?(?:(?:been\s+)?(?:risen|rose|rises?|reached|climbed|climbs?|"
          r"grown|grew|grows?|stood|stands|totall?ed|numbered|exceeded|exceeds?|increased|reach(?:es)?|tops?|topped|"
          r"surpass(?:ed|es)?|rang(?:e|es|ed|ing)(?:\s+between)?)"
          r"(?:\s+to|\s+at)?|(?:estimated|put|pegged|assessed)\s+at)")
# A word for a count that names no people: "a total of", "the figure of", "the total was expected to reach".
# ("a number of 152mm shells" is no count: "number" is not read before "of").
_TALLY = r"total|toll|tally|figures?|estimates?|numbers?|count"
# A speaker's estimate put at a number: "put the number in Kursk at", "have put the contingent at",
# "pegged North Korean losses at": the count, or the force it sizes, then a place or time before "at".
_PUT_AT = (rf"(?:put|puts|putting|pegged|pegging|placed|placing|estimated|estimating)\s+(?:the|their|its|this|that)?"
           rf"\s*(?:[\w’'-]+\s+){{0,2}}?(?:{_TALLY}|{_UNITS}|losses|casualties|deaths|{PEOPLE})"
           rf"(?:\s+(?:in|inside|near|on|there|now|so\s+far|alone|[A-Z][\w’'-]*)){{0,3}}\s+at")
# An event that raises a count to a number: "bringing the total to", "raised the toll to".
_BRING_TO = (rf"(?:bring|brings|bringing|brought|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|push(?:es|ed|ing)?)\s+"
             rf"(?:the|their|its)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_TALLY}|losses|deaths|casualties|{PEOPLE})\s+to")
NOUN_BEFORE = re.compile(rf"\b(?:(?:{_UNITS}|total|toll|tally|figure|estimate|losses|casualties|deaths)\s+of|"
                         rf"(?:{PEOPLE}|{_UNITS}),?\s+(?:numbering|totall?ing)|{_BRING_TO}|"
                         rf"(?:troop\s+)?(?:{PEOPLE}|{_TALLY}|losses|deaths),?\s+(?:[\w’'-]+\s+){{0,4}}?{_RISEN}|"
                         rf"{_PUT_AT})\s+$", re.I)
# A number whose people noun is left out: "100 were killed", "1,000 wounded", "sent 10,000 to Russia",
# "8,000 were in Kursk".
ELIDED = re.compile(r"\s+(?:more\s+|others?\s+)?(?:(?:were|was|are|is|have|has|had|been|being|be|reportedly|already|"
                    r"also|now|could|would|will|may|might|soon|(?:thought|believed|said|reported|estimated)\s+to)"
                    r"\s+){0,4}(killed|wounded|injured|dead|captured|missing|taken\s+prisoner|sent|"
                    r"deployed|stationed|dispatched|transferred|moved|training|trained|expected|arriving|arrived|"
                    r"heading|bound|based|serving|fighting|massed|gathered|"
                    r"(?:(?<=were\s)|(?<=are\s)|(?<=be\s)|(?<=now\s)|(?<=already\s))(?:in|inside)\s+(?-i:[A-Z])\w+)\b", re.I)
# Plural nouns of what is not people, which a number names right after it: then it counts them
# ("a total of four brigades", "sent 12 ships"), even where a tally frame stands before it.
FORMATIONS = re.compile(r"\s+(?:[\w-]+\s+)?(?:brigades|battalions|divisions|regiments|companies|platoons|squads|"
                        r"formations|ships|vessels|flights|planes|aircraft|trains|convoys|batches|waves|rotations|"
                        r"shipments|transports|contingents|groups|rounds|shells|missiles|tanks|systems)\b", re.I)
NUMBER_OF = re.compile(rf"\bnumber\s+of\s+(?:[\w’'-]+\s+){{0,3}}?({PEOPLE})\b", re.I)
SENT_BEFORE = re.compile(r"\b(?:sent|send|sending|deployed|deploy|deploying|dispatched|transferred)\s+"
                         r"(?:(?:an?\s+)?(?:further|additional|another)\s+)?$", re.I)
SENT_AFTER = re.compile(r"\s+(?:to|into|in\s+(?:total|all)|so\s+far|altogether)\b", re.I)
# A casualty verb before a number whose noun is left out: "killed 100 and wounded 900".
HIT_BEFORE = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|captured|capturing|eliminated|"
                        r"eliminating)\s+$", re.I)
_NAMED_BEFORE = re.compile(rf"\b(?:{PEOPLE}|{_UNITS}|troop|losses|casualties|deaths|toll)\b", re.I)
# A number compared with an earlier count counts what that one counts ("10,000 soldiers, up from the 8,000").
COMPARED = re.compile(r"\b(?:(?:up|down|rising|risen|rose|increased?|higher|lower)\s+from(?:\s+the)?|compared\s+"
                      r"(?:with|to)(?:\s+the)?|than\s+the)\s+(?:(?:earlier|previous|initial|first)\s+)?$", re.I)
# A number a speaker gives without its noun, closing the sentence ("Then the ministry said 3,000."): it counts
# what the count before it counted.
BARE_CLAIM = re.compile(r"\b(?:said|says|put\s+it\s+at|estimated|reported|claimed|(?:it|that|this)\s+(?:was|is|"
                        r"stood\s+at|had\s+become|had\s+grown\s+to))\s+$", re.I)
# A number that is the whole a part is taken from ("some 3,000 of the 11,000 troops").
PART_OF = re.compile(r"\b(?:out\s+of|of)\s+(?:the|its|their|his|her|these|those|an\s+estimated)\s+$", re.I)
# What just before or after a number shows it counts no one.
NOT_BEFORE = re.compile(rf"(?:\b(?:Articles?|No\.?|Nos\.|Resolutions?|Sections?|Paragraphs?|Clauses?|Chapters?|"
                        rf"Points?|Number|aged|age|ages|Flight|Route|Highway|Decree|Law|Unit|Brigade|Battalion|"
                        rf"Division|Regiment|Corps|{MONTHS_RE})\.?|[#$€£₽¥]|\d[:.])\s*$",
                        re.I)
NOT_AFTER = re.compile(r"\s*(?:%|percent|per\s*cent|[:.]\d|(?:st|nd|rd|th)\b|-?year|-?(?:km|kilomet|mile|met(?:er|re)|"
                       r"hour|minute|day|week|month)\w*\b|\s*(?:a\.m|p\.m|GMT|UTC)\b|dollars|rubles|roubles|won\b|"
                       r"euros|yuan|pounds|billion|million\s+(?:dollars|rubles|won|euros))", re.I)
YEAR_LEAD = re.compile(r"\b(?:in|since|by|until|of|from|before|after|during|year|early|late|mid)\s*$", re.I)


@dataclass(frozen=True)
class Count:
    """A number that counts people, with what it counts and what happened to them."""

    number: NumberMention
    what: str
    subject: str


def _not_a_count(text: str, n: NumberMention) -> bool:
    before, after = text[max(0, n.start - 16):n.start], text[n.end:n.end + 14]
    if NOT_BEFORE.search(before) or NOT_AFTER.match(after) or re.search(r"[A-Za-z]-?$", before):
        return True  # the last test: a model or code ("F-16 pilots", "G7 leaders")
    if re.fullmatch(r"(?:19|20)\d{2}s?", n.text.strip()) and (YEAR_LEAD.search(before) or not DIRECT.match(after)):
        return True
    return n.value <= 1 and not n.text[-1:].isdigit()  # "one of", "one" as a pronoun


def _counted(text: str, n: NumberMention, previous: Count | None = None) -> tuple[str, int] | None:
    """The noun the number counts, as written, and where the words about it go on (after the noun
    when it follows the number), or None when the number counts no one."""
    after = text[n.end:n.end + 90]
    for pattern in (DIRECT, OF_THEIR, STRONG):
        m = pattern.match(after)
        if m:
            return " ".join(re.sub(r"^\s*of\s", "", m.group(0)).strip(" \"”’-").split()), n.end + m.end()
    them = OF_THEM.match(after)
    if them:
        return them.group(0).strip(), n.end + them.end()
    noun = NOUN_BEFORE.search(text, max(0, n.start - 70), n.start)
    words = " ".join(noun.group(0).split()) if noun else ""
    if noun and FORMATIONS.match(after):
        return None  # "a total of four brigades": it counts formations, not people
    if noun and (_NAMED_BEFORE.search(words) or words.endswith(" of")):  # "troops numbering", "a figure of"
        return (words if _NAMED_BEFORE.search(words) else _people_noun(text) or words), n.end
    if noun and not re.search(r"\bof\s", words):  # "the total rose to": people the sentence or the last count names
        who = _people_noun(text) or _number_of(text) or (previous.what if previous else None)
        if who:
            return who, n.end
    elided = (ELIDED.match(after) or HIT_BEFORE.search(text, max(0, n.start - 20), n.start)
              or (SENT_BEFORE.search(text, max(0, n.start - 40), n.start) and SENT_AFTER.match(after)))
    if elided and FORMATIONS.match(after):
        return None  # "sent two brigades": it counts formations, not people
    what = (_people_noun(text) or (previous.what if previous else None) if elided else None) or _number_of(text)
    return (what, n.end) if what else None


@lru_cache(maxsize=256)
def _people_noun(text: str) -> str | None:
    """The sentence's first people noun, which a count without its own noun stands for (once per sentence)."""
    m = PEOPLE_RE.search(text)
    return m.group(0) if m else None


@lru_cache(maxsize=256)
def _number_of(text: str) -> str | None:
    """ "the number of North Korean troops" in a sentence whose count has no noun of its own."""
    m = NUMBER_OF.search(text) if "umber" in text else None
    return text[m.start():m.end()] if m else None


def _borrowed(text: str, n: NumberMention, found: list[Count], previous: Count | None) -> Count | None:
    """A number without a noun that repeats an earlier count's kind: compared with one of its
    sentence ("up from the 8,000"), or given bare by a speaker after one ("Then the ministry said 3,000.")."""
    before = text[max(0, n.start - 40):n.start]
    if found and COMPARED.search(before):
        return Count(n, found[-1].what, found[-1].subject)
    earlier = found[-1] if found else previous
    if earlier and BARE_CLAIM.search(before) and re.fullmatch(r"\s*[.!?]?[\"”’]?\s*", text[n.end:]):
        return Count(n, earlier.what, earlier.subject)
    return None


def counts_in(text: str, previous: Count | None = None) -> list[Count]:
    """The numbers of one sentence that count people; `previous` is the last count before the
    sentence, which a bare number closing it may repeat the kind of."""
    numbers = find_numbers(text)
    found: list[Count] = []
    for n in numbers:
        if _not_a_count(text, n):
            continue
        counted = _counted(text, n, found[-1] if found else previous)
        if counted is None:
            borrowed = _borrowed(text, n, found, previous)
            found += [borrowed] if borrowed else []
            continue
        what, words_from = counted
        before = text[max(0, n.start - 40):n.start]
        if PART_OF.search(before):  # "of the 11,000 troops": the whole a part is taken from
            found.append(Count(n, what, subject_of(what, "", before)))
            continue
        limit = next((m.start for m in numbers if m.start >= words_from), len(text))
        found.append(Count(n, what, subject_of(what, clause_after(text, words_from, limit), before)))
    return found
