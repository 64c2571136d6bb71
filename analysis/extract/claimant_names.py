"""What a claimant noun phrase is: a person's name (perhaps after a title), an organisation (a
proper name with "the", an acronym, or a name whose head is an agency-like noun), a country or
capital speaking for its government, or a described speaker ("a senior US official"). The head
of the phrase must be an agent noun or a proper name: "the agreement", "intelligence data" and
"the summit" claim nothing. Tables of words, never of names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.common.vocabulary import MONTHS, WEEKDAY_NAMES

# Heads that name a person (or people) speaking; they also serve as titles before a name.
PERSON_HEADS = frozenset(
    "official officials lawmaker lawmakers legislator legislators spokesman spokeswoman spokesperson spokespeople "
    "diplomat diplomats minister ministers president vice-president leader leaders analyst analysts expert experts "
    "officer officers commander commanders general aide aides adviser advisers advisor advisors ambassador envoy "
    "researcher researchers professor senator senators deputy deputies chief secretary head director chairman "
    "chairwoman chair governor mayor representative representatives premier journalist journalists correspondent "
    "reporter reporters blogger bloggers observer observers colonel admiral marshal lieutenant prosecutor negotiator "
    "source sources sergeant captain commissioner ombudsman chancellor king emperor ruler member members "
    "military-blogger soldier soldiers witness witnesses resident residents activist activists scholar users".split())
# Spokespeople speak for the organisation named before their title ("Kremlin spokesman X").
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative"})
# Heads that name an organisation, institution or outlet.
ORG_HEADS = frozenset(
    "agency agencies ministry ministries service services government governments office military intelligence "
    "media newspaper newspapers outlet outlets broadcaster channel army navy command staff council parliament "
    "committee mission embassy department administration institute university forces headquarters directorate "
    "bureau presidency cabinet house assembly congress senate centre center group organisation organization "
    "alliance daily network radio station watchdog firm company authorities authority regime delegation "
    "coalition party court police guard corps kremlin pentagon duma tribunal commission secretariat "
    "think-tank monitor monitors paper weekly magazine tabloid channels".split())
# Words that may stand before a head ("senior", "spy", "foreign") without being names.
MODIFIERS = frozenset(
    "senior top former acting deputy chief spy defence defense foreign state national security military "
    "intelligence news presidential prime first vice general interior federal local western regional government "
    "anonymous unnamed several two three other high-ranking ranking unidentified some many affairs international "
    "staff armed border main public official independent state-run state-owned private press".split())
# Words after which a clause's subject may begin ("days after X told", "but X said").
SUBORDINATORS = frozenset("and but after before when while because since although though if as once until whereas "
                          "so yet then also meanwhile however moreover separately".split())
TITLE_ABBREVIATIONS = frozenset("gen. lt. col. maj. adm. sgt. capt. dr. prof. sen. rep. gov. mr mr. mrs mrs. ms ms. dr "
                                "president-elect".split())
ANAPHORIC = frozenset({"the", "his", "her", "its", "their", "our", "this", "that", "these", "those"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"})
# Pronouns a claimant may be named by, each as its subject form ("according to him": he).
PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she", "they": "they", "them": "they", "it": "it",
            "we": "we", "us": "we", "i": "i", "me": "i"}
# Lower-case particles inside names ("Ursula von der Leyen").
PARTICLES = frozenset("von van der den de del della da di du la le al el bin ibn ter".split())
# Words that open a sentence or clause but are no part of the name after them.
OPENERS = frozenset(
    "and but also meanwhile however as in on at now then still yet so earlier later today yesterday while when "
    "after before because since although though if that moreover separately additionally instead thus indeed "
    "previously recently reportedly again".split())
# A table of countries with their capitals and demonyms (comma-separated), for a government speaking through its
# country's or capital's name ("Seoul said") and for matching "Seoul's" with "South Korea's".
COUNTRIES = {
    "russia": ("moscow", "russian"), "ukraine": ("kyiv,kiev", "ukrainian"),
    "north korea": ("pyongyang", "north korean"), "south korea": ("seoul", "south korean"),
    "united states": ("washington", "american,us,u.s.,usa,u.s.a."), "china": ("beijing", "chinese"),
    "japan": ("tokyo", "japanese"), "united kingdom": ("london", "british,uk,u.k.,britain"),
    "france": ("paris", "french"), "germany": ("berlin", "german"), "iran": ("tehran", "iranian"),
    "belarus": ("minsk", "belarusian"), "poland": ("warsaw", "polish"), "india": ("new delhi", "indian"),
    "turkey": ("ankara", "turkish"), "israel": ("jerusalem", "israeli"), "syria": ("damascus", "syrian"),
    "georgia": ("tbilisi", "georgian"), "lithuania": ("vilnius", "lithuanian"), "latvia": ("riga", "latvian"),
    "estonia": ("tallinn", "estonian"), "finland": ("helsinki", "finnish"), "sweden": ("stockholm", "swedish"),
    "italy": ("rome", "italian"), "canada": ("ottawa", "canadian"), "australia": ("canberra", "australian"),
    "taiwan": ("taipei", "taiwanese"), "vietnam": ("hanoi", "vietnamese"), "mongolia": ("ulaanbaatar", "mongolian"),
    "kazakhstan": ("astana", "kazakh"), "hungary": ("budapest", "hungarian"), "moldova": ("chisinau", "moldovan"),
    "norway": ("oslo", "norwegian"), "denmark": ("copenhagen", "danish"), "netherlands": ("amsterdam", "dutch"),
    "spain": ("madrid", "spanish"), "czech republic": ("prague", "czech"), "slovakia": ("bratislava", "slovak"),
    "romania": ("bucharest", "romanian"), "bulgaria": ("sofia", "bulgarian"), "serbia": ("belgrade", "serbian"),
    "egypt": ("cairo", "egyptian"), "saudi arabia": ("riyadh", "saudi"), "pakistan": ("islamabad", "pakistani"),
    "iraq": ("baghdad", "iraqi"), "brazil": ("brasilia", "brazilian"), "mexico": ("mexico city", "mexican"),
    "south africa": ("pretoria", "south african"), "indonesia": ("jakarta", "indonesian"),
    "philippines": ("manila", "philippine,filipino"), "azerbaijan": ("baku", "azerbaijani"),
    "armenia": ("yerevan", "armenian"), "cuba": ("havana", "cuban"), "venezuela": ("caracas", "venezuelan"),
}
COUNTRY_OF: dict[str, str] = {"dprk": "north korea", "rok": "south korea", "us": "united states",
                              "the united states": "united states", "america": "united states"}
DEMONYMS: set[str] = set()  # "Ukrainian estimates": Ukraine's
for _country, (_capitals, _demonyms) in COUNTRIES.items():
    COUNTRY_OF[_country] = _country
    DEMONYMS.update(_demonyms.split(","))
    for _word in (*_capitals.split(","), *_demonyms.split(",")):
        COUNTRY_OF[_word] = _country


_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&-]{1,7}")
_POSSESSIVE = re.compile(r"[’']s?$")
_TRAILING = re.compile(r"[’']s?,?$|,$")


@dataclass(frozen=True)
class Mention:
    """A claimant as one sentence names it: `name` to show, `kind` (person, organisation,
    government, pronoun, role) and, for a spokesperson, the organisation they speak for."""

    name: str
    kind: str
    head: str = ""
    definite: bool = False
    org: str | None = None
    person: str | None = None


def plain(token: str) -> str:
    """A word without its possessive ending or list comma, lower-cased, for the tables."""
    return _TRAILING.sub("", token).lower()


def is_proper(token: str) -> bool:
    return token[:1].isupper() and not token.isdigit()


def is_np_word(token: str) -> bool:
    """A word that may stand inside a claimant noun phrase."""
    low = plain(token)
    return (is_proper(token) or low in PERSON_HEADS or low in ORG_HEADS or low in MODIFIERS
            or low in COUNTRY_OF)


def _country_name(words: list[str]) -> bool:
    return " ".join(plain(w) for w in words) in COUNTRY_OF


def _name_start(words: list[str], low: list[str]) -> int:
    """Where a personal name after a title begins ("U.S. Secretary of State Antony Blinken": at
    "Antony"), or -1 when the phrase ends in no titled name."""
    i = len(words)
    while (i > 0 and len(words) - i < 5 and (is_proper(words[i - 1]) or low[i - 1] in PARTICLES and i > 1)
           and low[i - 1] not in TABLE_WORDS
           and low[i - 1] not in COUNTRY_OF and not _ACRONYM.fullmatch(words[i - 1])):
        i -= 1
    return i if 0 < i < len(words) and any(w in PERSON_HEADS or w in TITLE_ABBREVIATIONS for w in low[:i]) else -1


def _titled(words: list[str], low: list[str], head: str) -> Mention | None:
    """A titled name: the person, or for a spokesperson "Organisation (Person)"."""
    start = _name_start(words, low)
    if start < 0:
        return None
    person = " ".join(words[start:])
    spokes = [k for k in range(start) if low[k] in SPOKESPEOPLE or k and low[k - 1] == "press"]
    if spokes and spokes[-1] and low[spokes[-1] - 1] == "press":  # "press secretary", "press officer"
        spokes[-1] -= 1
    before = words[:spokes[-1]] if spokes else []
    org = " ".join(_TRAILING.sub("", w) if w is before[-1] else w for w in before if plain(w) not in MODIFIERS)
    if org and not _country_name(before):
        return Mention(f"{org} ({person})", "person", head, org=org, person=person)
    return Mention(person, "person", low[start - 1], person=person)


def _with_place(words: list[str]) -> Mention | None:
    """"Officials in Seoul", "sources from the ministry": a speaker placed by a phrase."""
    low = [plain(w) for w in words]
    at = next((k for k in range(1, len(low)) if low[k] in ("in", "from", "at")), None)
    if at is None or low[at - 1] not in PERSON_HEADS | ORG_HEADS:
        return None
    core = mention_of(words[:at])
    if core is None or core.kind == "pronoun":
        return None
    kind = core.kind if core.kind != "role" else ("person" if core.head in PERSON_HEADS else "organisation")
    text = " ".join(words[1:] if low[0] in DETERMINERS else words)
    return Mention(text, kind, core.head)


def mention_of(words: list[str]) -> Mention | None:
    """The claimant a noun phrase names, or None when its head is no agent."""
    while words and plain(words[0]) in OPENERS and len(words) > 1:
        words = words[1:]
    if len(words) == 1 and words[0].lower() in PRONOUNS and (not words[0].isupper() or words[0] == "I"):
        return Mention(words[0].lower(), "pronoun", PRONOUNS[words[0].lower()])
    placed = _with_place(words) if len(words) > 2 else None
    if placed is not None:
        return placed
    definite = bool(words) and plain(words[0]) in ANAPHORIC
    introduced = bool(words) and plain(words[0]) in ("a", "an")  # "a lawmaker": someone named after
    if words and plain(words[0]) in DETERMINERS:
        words = words[1:]
    if not words or _POSSESSIVE.search(words[-1]) and not words[-1].endswith("s’"):
        return None  # "the agreement's" and the like: the phrase goes on past the verb's subject
    low = [plain(w) for w in words]
    k = next((k for k in range(1, len(low)) if low[k] in ("of", "for")), 0)
    head = low[k - 1] if k and low[k - 1] in PERSON_HEADS | ORG_HEADS else low[-1]  # "Ministry of Defence"
    if head in NON_AGENT or all(w in MONTHS or w in WEEKDAY_NAMES or w.isdigit() for w in low):
        return None
    titled = _titled(words, low, head)
    if titled is not None:
        return titled
    text = " ".join(words)
    if head in PERSON_HEADS:
        if head in SPOKESPEOPLE and len(words) > 1 and not _country_name(words[:-1]):
            org = " ".join(w for w in words[:-1] if plain(w) not in MODIFIERS)
            if org and all(is_proper(w) for w in org.split()):  # "the Pentagon spokesman": the Pentagon
                return Mention(org, "organisation", "agency", definite=True)
        if definite and (not head.endswith("s") or not any(map(is_proper, words))):
            return Mention(text, "role", head, definite)  # "the spokesman": someone named before
        if len(words) == 1 and not head.endswith("s"):
            return Mention(text, "role", head) if introduced else None  # a bare title
        return Mention(text, "person", head, definite)  # "a senior US official", "officials"
    if head in ORG_HEADS:
        lead = next((k for k, w in enumerate(words) if is_proper(w)), len(words))
        if 0 < lead <= len(words) - 2 and low[lead - 1] not in MODIFIERS and all(
                is_proper(w) or w in ("of", "for", "and") for w in words[lead:]):
            text = " ".join(words[lead:])  # "the puppet National Security Bureau": an epithet, no part of the name
        if any(map(is_proper, words)) or not definite:
            return Mention(text, "organisation", head, definite)
        return Mention(text, "role", head, definite)
    proper = len(words)
    while proper and (is_proper(words[proper - 1]) or plain(words[proper - 1]) in ("of", "for", "and")):
        proper -= 1
    if 0 < proper < len(words) and low[proper - 1] in ORG_HEADS:  # "the newspaper Nordic Daily"
        return Mention(" ".join(words[proper:]), "organisation", head, True)
    if not all(is_proper(w) or plain(w) in ("of", "for", "and", "the") or plain(w) in PARTICLES for w in words) \
            or not is_proper(words[-1]):
        return None
    if all(part.strip() in COUNTRY_OF for part in re.split(r"\band\b|,", " ".join(low))):
        if " ".join(low) in DEMONYMS and len(low[0]) > 3:  # "Ukrainian" speaks for Ukraine ("U.S." stays)
            text = COUNTRY_OF[" ".join(low)].title()
        return Mention(text, "government", head, definite)
    if definite or _ACRONYM.fullmatch(words[-1]):
        return Mention(text, "organisation", head, definite)
    return Mention(text, "person", head, person=text)


# Heads that never speak; documents among them may carry a speaker ("a report by X").
DOCUMENTS = frozenset(
    "data text report reports statement statements estimate estimates figures figure assessment assessments "
    "document documents findings analysis information tally count calculations survey study records record "
    "footage video post message letter release briefing decree publication publications materials".split())
NON_AGENT = DOCUMENTS | frozenset(
    "pact agreement treaty summit deal law bill charter article plan news images photos website page talks "
    "meeting conference visit war invasion operation accord protocol convention resolution".split())
TABLE_WORDS = PERSON_HEADS | ORG_HEADS | MODIFIERS | TITLE_ABBREVIATIONS
