"""Which outlet an article comes from, and how we know: a grammar of the places where a page
credits an outlet, never a list of outlets. In order of trust:

1. front matter: `outlet`, else `agency`; for a saved web page, its markup (ingest.html);
2. the dateline's credit: "VALLETTA, May 3 (Nordpress) -", "VALLETTA, May 3. /BNA/." (ingest.datelines);
3. a credit line that opens the article: "(Name) —", "Name -" alone on a line, "Name — text" when
   the name looks like an outlet;
4. a credit in the text: "reported Name," / "Name reports" / "Name could not verify", when Name is
   an outlet rather than a person (below);
5. the web address in front matter: its registered domain as written ("nordpress.com"), no name guessed;
6. the copy it carries: a credit line after the article's own text opens a copied story. The
   article's own outlet is then unknown, and it is named by what it carries: "via Name".

A dateline outranks a credit in the text because the text often credits a third party ("X
reported") while the dateline is the story's own. A name is an outlet when its form says so: a
word of the outlet table ("Baltic Wire", "Daily Post"), a web name ("Example.Net") or a bare
acronym ("BNA", not "the ISB"). A single ordinary word ("Nordpress", "Borin") is as likely a person's
surname, so it counts only when the page also credits it in one of the positions 2, 3 or 6.
Every scan looks at bounded windows, so a page is read in linear time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from analysis.common.vocabulary import MONTHS, WEEKDAY_NAMES
from analysis.ingest.datelines import Dateline

# How the outlet was found, in order of trust; the last when it was not.
SOURCES = ("front matter", "front matter (agency)", "page metadata (JSON-LD publisher)",
           "page metadata (publisher tag)", "page metadata (og:site_name)", "page <title>", "dateline", "credit line", "credit in the text",
           "web address", "copy it carries", "not found")
# Words that make a proper name a news outlet's ("Baltic Wire", "Harbour News Agency").
OUTLET_WORDS = frozenset(
    "news agency press times post daily herald journal gazette telegraph tribune wire radio tv television "
    "broadcasting broadcaster network media channel chronicle courier express mirror weekly magazine "
    "reporters independent dispatch bulletin newswire sun star guardian observer".split())
# Titles that make a name a person's ("Press Secretary Borin", "News Editor Borin").
PERSON_TITLES = frozenset(
    "secretary minister spokesman spokeswoman spokesperson president chairman chairwoman director editor "
    "correspondent reporter officer chief general colonel senator ambassador adviser advisor mr mrs ms dr".split())
# Words that open a sentence before its subject ("Earlier, BNA reported").
OPENERS = frozenset("earlier later meanwhile also and but then separately previously now today yesterday "
                    "reportedly as in on".split())

_WORD = r"[A-Z][\w&.'’-]{0,40}"
_NAME = rf"(?:{_WORD})(?: {_WORD}){{0,4}}"
_WEB_NAME = re.compile(r"[A-Z][\w-]+\.[A-Za-z]{2,6}")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_CREDIT_LINE = re.compile(rf"(?:\((?P<paren>{_NAME})\)|/(?P<slash>{_NAME})/|(?P<bare>{_NAME}))"
                          r"[ \t]*(?:-{1,2}|[–—])[ \t]*(?P<rest>\S?)")
_VERB = re.compile(r"\b(?:report(?:s|ed)|wr(?:ote|ites)|(?:could|can|has|have|was|were|is|did)(?:n[o’']t| not)"
                   r"(?: been able to| immediately| independently)* (?:verify|confirm))\b")
_AFTER = re.compile(rf" (?P<name>{_NAME})(?:[,.;]|$)")
_TRAIL = re.compile(rf"(?P<name>(?:\b[Tt]he )?{_NAME})[ ,]*$")
_WINDOW = 160  # characters read on either side of a reporting verb
_BODY_WORDS = 30  # a paragraph this long is the article's own text, not a heading or caption


@dataclass(frozen=True)
class Outlet:
    """The outlet the article is named by (None when unknown) and which rule found it."""

    name: str | None
    source: str = "not found"


def looks_like_outlet(name: str, definite: bool = False) -> bool:
    """An organisation's name that only an outlet would have (see the module's docstring)."""
    words = name.split()
    low = [w.strip(".,’'").lower() for w in words]
    if any(w in PERSON_TITLES for w in low):
        return False
    if any(w in OUTLET_WORDS for w in low) or any(_WEB_NAME.fullmatch(w) for w in words):
        return True
    return len(words) == 1 and not definite and bool(_ACRONYM.fullmatch(words[0]))


def _plain_name(name: str) -> tuple[str | None, bool]:
    """The name without sentence openers or "The", and whether "the" stood before it; no name
    for a date word or a possessive ("North Korea's")."""
    words = name.split()
    ends = [k for k, w in enumerate(words[:-1]) if w.endswith(".") and not _INITIALS.fullmatch(w)]
    words = words[ends[-1] + 1:] if ends else words  # "Korea. News.Az": a sentence ended before the name
    while len(words) > 1 and words[0].lower() in OPENERS:
        words = words[1:]
    definite = len(words) > 1 and words[0].lower() == "the"
    words = words[definite:]
    if not words or re.search(r"[’']s?$", words[-1]) or {w.lower().strip(".") for w in words} & (
            set(MONTHS) | WEEKDAY_NAMES):
        return None, definite
    return " ".join(words), definite


def credit_lines(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """The credit line that opens the article (its own outlet) and the first that opens a copied
    story after the article's own text: "(Name) —", "/NAME/", "Name -" alone, "Name — text"."""
    own = carried = None
    in_body = False
    for paragraph in paragraphs:
        m = _CREDIT_LINE.match(paragraph[:_WINDOW])
        name = _plain_name(m["paren"] or m["slash"] or m["bare"])[0] if m else None
        if name and (not m["rest"] or not m["bare"] or looks_like_outlet(name)) and not (
                m["bare"] and name.isupper() and m["rest"]):  # "LONDON — text" is a dateline
            if not in_body and own is None:
                own = name
            elif in_body and carried is None:
                carried = name
        in_body = in_body or len(paragraph.split()) >= _BODY_WORDS
    return own, carried


def text_credits(body: str) -> Iterator[tuple[str, bool]]:
    """Names in a credit position of the text, each with whether its form says outlet:
    "reported Name,", "Name reports", "Name could not independently verify"."""
    for verb in _VERB.finditer(body):
        after = _AFTER.match(body, verb.end(), verb.end() + _WINDOW) if verb[0].startswith(("rep", "wr")) else None
        before = _TRAIL.search(body[max(0, verb.start() - _WINDOW):verb.start()])
        for m in filter(None, (after, before)):
            name, definite = _plain_name(m["name"])
            if name:
                yield name, looks_like_outlet(name, definite)


def web_domain(url: str | None) -> str | None:
    """The registered domain of a web address, as written: "https://www.example.co.uk/x" gives
    "example.co.uk"."""
    host = (urlsplit(url if "//" in str(url) else f"//{url}").hostname or "") if url else ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    second_level = len(labels) > 2 and len(labels[-1]) == 2 and len(labels[-2]) <= 3
    return ".".join(labels[-3:] if second_level else labels[-2:])


def find_outlet(paragraphs: list[str], front: dict, dateline: Dateline | None) -> Outlet:
    """The outlet by the first rule (in order of trust) that finds one."""
    if front.get("outlet"):
        return Outlet(str(front["outlet"]), "front matter")
    if front.get("agency"):
        return Outlet(str(front["agency"]), "front matter (agency)")
    if dateline and dateline.agency:
        return Outlet(dateline.agency, "dateline")
    own, carried = credit_lines(paragraphs)
    if own:
        return Outlet(own, "credit line")
    credited = {name.lower() for name in (own, carried) if name}
    for name, outlet_like in text_credits("\n".join(paragraphs)):
        if outlet_like or name.lower() in credited:
            return Outlet(name, "credit in the text")
    domain = web_domain(front.get("url"))
    if domain:
        return Outlet(domain, "web address")
    if carried:
        return Outlet(f"via {carried}", "copy it carries")
    return Outlet(None)
