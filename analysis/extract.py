"""Automatic extraction from any article: figures about people, who claims them and with what
stance, treaty facts, and dated event mentions. Rules are general (no article is special-cased);
their quality is measured against gold annotations by `python -m analysis evaluate`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.numbers import MONTH_NAMES, MONTHS_RE, find_numbers

ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms",
    "dr", "st", "gen", "lt", "col", "sgt", "prof", "rep", "sen", "gov", "no", "vs", "etc", "inc", "corp", "jr",
}
PEOPLE = (r"troops|soldiers|servicemen|service\s*members|personnel|special\s+forces|fighters|forces|"
          r"military\s+personnel|workers|men|mercenaries|people|casualties|dead|prisoners|officers|"
          r"engineers|specialists|commandos|recruits|conscripts|infantry|units|servicemembers|North\s+Koreans")
CASUALTY_WORDS = re.compile(r"\b(killed|wounded|casualt\w*|dead|died|injured|losses|lost|captured|deaths?)\b", re.I)
TROOP_TOPIC = re.compile(rf"\b({PEOPLE}|troop|military\s+units?|deploy\w*)\b", re.I)
ALLEGATION = re.compile(r"\b(allegations?|reports?|claims?|statements?)\b", re.I)
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


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DatePhrase:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AutoFigure:
    span: tuple[int, int]
    value: int | None
    value_max: int | None
    qualifier: str | None
    category: str
    what: str
    claimant: str | None
    stance: str
    date_phrase: DatePhrase | None


@dataclass(frozen=True)
class AutoEvent:
    span: tuple[int, int]
    date_phrase: DatePhrase
    kind: str


@lru_cache(maxsize=8)
def sentences(body: str) -> tuple[Sentence, ...]:
    """Sentence spans; tolerant of a missing space after a full stop ("Oct. 8.In a statement").
    Cached: figures, events and copy detection all read the same article's sentences."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", body):
        text, base, start = para.group(0), para.start(), 0
        for m in re.finditer(r"[.!?][\"”’')\]]*(?=\s*[\"“‘(]?[A-Z])", text):
            before = re.search(r"(\S+)$", text[start:m.start()])
            token = before.group(1).lower().strip("\"“‘(") if before else ""
            if token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token):
                continue
            piece = text[start:m.end()]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(base + start + lead, base + m.end(), piece.strip()))
            start = m.end()
        piece = text[start:]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Sentence(base + start + lead, base + start + lead + len(piece.strip()), piece.strip()))
    return tuple(out)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_AFTER = r"(?:,?\s+(?:19|20)\d{2})?"
# Each form of dating phrase, and the kinds of word it cannot match without.
_DATE_FORMS = [
    (rf"between\s+{_WEEKDAY}\s+and\s+{_WEEKDAY}\s+of\s+(?:last|this)\s+week", {"weekday", "period"}),
    (r"\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b", {"digit"}),
    (rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS_RE}\.?{_YEAR_AFTER}\b", {"digit", "month"}),
    (rf"\b{MONTHS_RE}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b{_YEAR_AFTER}", {"digit", "month"}),
    (rf"\b(?:in\s+)?(?:the\s+)?(?:last|first)\s+week\s+of\s+{MONTHS_RE}\b(?:\s+(?:19|20)\d{{2}})?", {"month"}),
    (rf"\b(?:in\s+)?(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[-\s]+{MONTHS_RE}\b"
     rf"(?:\s+(?:19|20)\d{{2}})?", {"month"}),
    (rf"\bin\s+{MONTHS_RE}\b(?:\s+(?:19|20)\d{{2}})?", {"month"}),
    (r"\bin\s+(?:19|20)\d{2}\b", {"digit"}),
    (rf"\b(?:on\s+|last\s+|earlier\s+|late\s+|early\s+)?{_WEEKDAY}\b", {"weekday"}),
    (r"\b(?:earlier\s+)?(?:today|yesterday|tonight)\b", {"today"}),
    (r"\bthe\s+(?:previous|day\s+before)\s*(?:day)?\b", {"previous"}),
    (r"\b(?:earlier\s+this|this|last|previous)\s+(?:week|month|year)\b", {"period"}),
    (r"\b(?:nearly|almost|about|around|some|more\s+than|over)?\s*(?:\d+|one|two|three|four|five|six|seven|"
     r"eight|nine|ten|eleven|twelve)\s+(?:day|week|month)s?\s+(?:ago|after|later)\b", {"ago"}),
    (r"\b(?:recently|in\s+recent\s+(?:days|weeks))\b", {"recent"}),
]
DATE_PHRASE = re.compile("|".join(pattern for pattern, _ in _DATE_FORMS), re.I)
_WORD_KINDS = {
    **{m.lower(): "month" for m in MONTH_NAMES},
    **{d: "weekday" for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")},
    **dict.fromkeys(("today", "yesterday", "tonight"), "today"), **dict.fromkeys(("previous", "before"), "previous"),
    **dict.fromkeys(("week", "month", "year"), "period"), **dict.fromkeys(("ago", "after", "later"), "ago"),
    **dict.fromkeys(("recently", "recent"), "recent"),
}
_LETTERS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=None)
def _date_pattern(kinds: frozenset[str]) -> re.Pattern | None:
    forms = [pattern for pattern, needs in _DATE_FORMS if needs <= kinds]
    return re.compile("|".join(forms), re.I) if forms else None


def date_pattern_for(text: str) -> re.Pattern | None:
    """DATE_PHRASE without the forms that cannot match this text (they need a word it lacks).
    Every position of a sentence is tried against every form, so this is most of the saving
    in extraction: most sentences need two or three forms, many none."""
    kinds = {_WORD_KINDS[w] for w in _LETTERS.findall(text.lower()) if w in _WORD_KINDS}
    if _DIGIT.search(text):
        kinds.add("digit")
    return _date_pattern(frozenset(kinds))


def date_phrases(text: str, offset: int = 0) -> tuple[DatePhrase, ...]:
    pattern = date_pattern_for(text)
    if pattern is None:
        return ()
    found = []
    for m in pattern.finditer(text):
        phrase = m.group(0).strip()
        if phrase.lower() == "may":
            continue
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        found.append(DatePhrase(offset + m.start() + lead, offset + m.start() + lead + len(phrase), phrase))
    return tuple(found)


@lru_cache(maxsize=8)
def phrases_by_sentence(body: str) -> tuple[tuple[DatePhrase, ...], ...]:
    """The dating phrases of each sentence of the body; cached because figures and events
    both read them, article by article."""
    return tuple(date_phrases(s.text, s.start) for s in sentences(body))


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


def _counted(body: str, end: int) -> str | None:
    """The people noun a number counts ("1,500 soldiers", "11,000 DPRK troops", "of them")."""
    after = body[end:end + 80]
    m = re.match(rf"\s*(?:[\w’'-]+\s+){{0,4}}?({PEOPLE})\b", after, re.I)
    if m:
        return re.sub(r"\s+", " ", m.group(0).strip())
    if re.match(r"\s+of\s+them\b", after):
        return "of them"
    return None


def _is_other_number(body: str, start: int, end: int, text: str) -> bool:
    """Years, dates, money, percentages and article numbers are not counts of people."""
    before, after = body[max(0, start - 14):start], body[end:end + 12]
    if re.search(rf"(?:Articles?|No\.|{MONTHS_RE}\.?)\s*$", before, re.I):
        return True
    if re.match(r"\s*(?:%|percent|per\s+cent|dollars|rubles|roubles|won|euros|billion|million\s+dollars)", after, re.I):
        return True
    if re.search(r"[$€£₽]\s*$", before):
        return True
    return bool(re.fullmatch(r"(?:19|20)\d{2}s?", text.strip()))


SPEECH = re.compile(r"\b(said|says|told|address|statement|speech|interview|wrote|posted|briefing|"
                    r"press\s+conference)\b", re.I)


def _date_from_context(sents: tuple[Sentence, ...], phrases: tuple[tuple[DatePhrase, ...], ...], i: int,
                       who: str | None) -> DatePhrase | None:
    """A claim dated elsewhere: an "According to ..." sentence continues the dated statement
    before it; otherwise the speaker's own dated statement in the article ("Rutte said Monday",
    "Zelenskyy in an evening video address on 4 November") dates what the speaker said."""
    if i and re.match(r"According\s+to\b", sents[i].text):
        if phrases[i - 1] and SPEECH.search(sents[i - 1].text):
            return phrases[i - 1][0]
    surname = (who or "").split()[-1:] or []
    if not surname or not surname[0][:1].isupper():
        return None
    speaker = re.compile(rf"\b{re.escape(surname[0])}\b(?!['’]s)")
    for j, other in enumerate(sents):
        if j != i and phrases[j] and speaker.search(other.text) and SPEECH.search(other.text):
            return phrases[j][0]
    return None


def _troop_claim(text: str, previous: str, stance: str) -> bool:
    """A sentence about the troops (or about allegations, after one) that denies, declines to
    confirm, or accuses someone of sending them."""
    if stance == "asserts" and not re.search(r"\baccus\w+\b.*\b(transferr|send|sent|deploy)", text, re.I):
        return False
    return bool(TROOP_TOPIC.search(text) or (ALLEGATION.search(text) and TROOP_TOPIC.search(previous)))


class _Claimants:
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


def figures_in(body: str) -> list[AutoFigure]:
    """Figures about people, treaty facts, and troop claims without a number (denials,
    refusals to confirm, accusations), each with its sentence as the quote."""
    found: list[AutoFigure] = []
    sents, phrases_of = sentences(body), phrases_by_sentence(body)
    claimant_of = _Claimants(sents)
    for i, s in enumerate(sents):
        phrases = phrases_of[i]

        def claim_date() -> DatePhrase | None:
            who, at = claimant_of(i)
            if phrases:
                return phrases[0] if at is None else min(phrases, key=lambda p: abs(p.start - (s.start + at)))
            return _date_from_context(sents, phrases_of, i, who)

        numbered = False
        for n in find_numbers(s.text):
            start, end = s.start + n.start, s.start + n.end
            if _is_other_number(body, start, end, n.text):
                continue
            counted = _counted(body, end)
            if counted is None:
                lead = re.search(rf"\bnumber\s+of\s+(?:[\w’'-]+\s+){{0,3}}?({PEOPLE})\b", s.text, re.I)
                if not lead:
                    continue
                counted = s.text[lead.start():lead.end() + 25]
            clause = re.split(r",\s|;|\s(?:and\s+some|while|but)\s", body[start:s.end])[0]
            category = "casualties" if CASUALTY_WORDS.search(clause + " " + counted) else "troops"
            if re.search(r"\bworkers\b", counted, re.I):
                category = "other"
            found.append(AutoFigure((s.start, s.end), n.value, n.value_max, n.qualifier, category,
                                    counted, short_claimant(claimant_of(i)[0]), stance_of(s.text), claim_date()))
            numbered = True
        treaty_facts = "rticle" in s.text  # cheap test before the article patterns
        for m in re.finditer(r"\b(\d+|twenty-three|[a-z]+)\s+articles\b", s.text) if treaty_facts else ():
            if re.search(r"\b(treaty|agreement|pact|document)\b", s.text, re.I):
                value = find_numbers(m.group(1))
                if value:
                    found.append(AutoFigure((s.start, s.end), value[0].value, None, None, "treaty_articles",
                                            "articles in the treaty", claimant_of(i)[0], "asserts", None))
        for m in (re.finditer(r"\bArticle\s+(\d+)(\s+of\s+the\s+(?:UN|U\.N\.|United\s+Nations)\s+Charter)?", s.text)
                  if treaty_facts else ()):
            category = "un_charter_article" if m.group(2) else "treaty_article"
            what = "UN Charter article cited by the treaty" if m.group(2) else "article of the treaty"
            found.append(AutoFigure((s.start, s.end), int(m.group(1)),
                                    None, None, category, what, claimant_of(i)[0], "asserts", None))
        if not numbered:
            stance = stance_of(s.text)
            if _troop_claim(s.text, sents[i - 1].text if i else "", stance) and claimant_of(i)[0]:
                found.append(AutoFigure((s.start, s.end), None, None, None, "troops", "North Korean troops in Russia",
                                        short_claimant(claimant_of(i)[0]), stance, claim_date()))
    return found


# Each kind: its pattern, and lower-case text the pattern cannot match without (so that a
# clause is only scanned by the patterns it might match; a test checks the hints).
EVENT_KINDS = [
    ("lower-house-ratification", r"(?=.*\b(ratif|endorsed|approved|passed|voted))(?=.*\b(lower\s+house|State\s+Duma|Duma)\b)",
     ("duma", "lower")),
    ("upper-house-ratification", r"(?=.*\b(ratif|approved))(?=.*\b(upper\s+house|Federation\s+Council)\b)",
     ("upper", "federation")),
    ("signed-into-law", r"\bsigned\b.*\binto\s+law\b|\bdecree\b.*\bratification\b|\bratification\s+document\b",
     ("law", "decree", "document")),
    ("submission-for-ratification", r"\bsubmitted\b.*\bratification\b", ("submitted",)),
    ("entry-into-force", r"\b(entered|enter|come|came|comes)\s+(into\s+)?force\b", ("force",)),
    ("text-published", r"\b(published|released)\b.*\b(text|treaty)\b|\btext\b.*\breleased\b", ("published", "released")),
    ("ratification", r"\bratif(ied|ies|y)\b", ("ratif",)),
    ("treaty-signing", r"(?=.*\b(signed|concluded|signing)\b)(?=.*\b(treaty|pact|agreement|accord)\b)",
     ("signed", "concluded", "signing")),
    ("casualty-report", r"\b(killed|wounded|casualties)\b", ("killed", "wounded", "casualties")),
    ("troop-deployment", rf"(?=.*\b(sent|sending|send|deploy\w*|transferr\w*|transport\w*|stationed|arrived)\b)"
                         rf"(?=.*\b({PEOPLE}|troop)\b)", ("sen", "deploy", "transfer", "transport", "stationed", "arrived")),
    ("denial", DENIAL.pattern, DENIAL_HINTS),
    ("statement", rf"\b({CLAIM_VERBS})\b", tuple(CLAIM_VERBS.split("|"))),
]
EVENT_LABELS = {
    "lower-house-ratification": "Lower house (State Duma) ratifies the treaty",
    "upper-house-ratification": "Upper house (Federation Council) ratifies the treaty",
    "signed-into-law": "Ratification signed into law",
    "submission-for-ratification": "Treaty submitted for ratification",
    "entry-into-force": "Treaty enters into force",
    "text-published": "Treaty text published",
    "ratification": "Treaty ratified (chamber not named)",
    "treaty-signing": "Treaty signed",
    "casualty-report": "Casualties reported",
    "troop-deployment": "North Korean troops sent or deployed",
    "denial": "Reports denied",
    "statement": "Statement",
    "other": "Other dated mention",
}
SINGULAR_KINDS = {"lower-house-ratification", "upper-house-ratification", "signed-into-law",
                  "submission-for-ratification", "entry-into-force", "text-published", "treaty-signing"}


# Patterns made of look-aheads ("mentions A and B anywhere") are anchored at the start, so each
# is tried once per sentence rather than at every position.
_KIND_PATTERNS = [(kind, re.compile(("^" if pattern.startswith("(?=") else "") + pattern, re.I), hints)
                  for kind, pattern, hints in EVENT_KINDS]


def event_kind(sentence: str) -> str:
    lower = sentence.lower()
    for kind, pattern, hints in _KIND_PATTERNS:
        if any(hint in lower for hint in hints) and pattern.search(sentence):
            return kind
    return "other"


CLAUSE_BREAK = re.compile(r";|,\s*(?:while|but|although|whereas)\b|\bthat\b")


def _clause(sentence: Sentence, phrase: DatePhrase) -> str:
    at = phrase.start - sentence.start
    breaks = [0, *(m.start() for m in CLAUSE_BREAK.finditer(sentence.text)), len(sentence.text)]
    left = max(b for b in breaks if b <= at)
    right = min(b for b in breaks if b > at) if any(b > at for b in breaks) else len(sentence.text)
    return sentence.text[left:right]


def events_in(body: str) -> list[AutoEvent]:
    """Every dating phrase, with its sentence as the quote and the kind of happening it dates:
    the kind of its own clause, else of the whole sentence."""
    found = []
    for s, phrases in zip(sentences(body), phrases_by_sentence(body)):
        for p in phrases:
            kind = event_kind(_clause(s, p))
            found.append(AutoEvent((s.start, s.end), p, kind if kind != "other" else event_kind(s.text)))
    return found
