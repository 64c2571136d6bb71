"""One name per claimant across the corpus. Articles spell and shorten names differently:
transliterations ("Zelensky", "Zelenskiy", "Zelenskyy") are one person when the rest of the
name agrees, a surname alone is the full name the corpus gives for it ("Lukin": "Artyom
Lukin"), an acronym is its expansion ("NIS": "National Intelligence Service"), a capital is
its country ("Seoul's spy agency": "South Korea's intelligence service"). Mentions are grouped
by normalised keys (fuzzy matching only among surnames sharing a first letter), so the work
grows with the number of distinct names, not its square.

The canonical name of a person is their fullest name in the corpus (most frequent spelling
first, then alphabetical); of an organisation its longest proper name, with the acronym the
group knows it by ("South Korea's National Intelligence Service (NIS)"), else its acronym, else
its most frequent name; of a government its most frequent name. Ties are broken by sorting."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from rapidfuzz import fuzz

from analysis.dataset.rows import Row
from analysis.extract.claimant_keys import ACRONYM, ascii_lower, country_split, initials, surname_key
from analysis.extract.claimant_names import COUNTRY_OF, MODIFIERS, ORG_HEADS, PERSON_HEADS, is_proper, plain

KINDS = ("person", "organisation", "government")
# Heads that name the same kind of body ("spy agency" = "intelligence service").
HEAD_SYNONYMS = {"spy": "intelligence", "agency": "", "service": "", "services": "", "agencies": "",
                 "defence": "defense", "ministry": "ministry", "national": "", "state": "", "federal": ""}
_PAREN = re.compile(r"^(?P<outer>.*?)\s*\((?P<inner>[^()]*)\)$")
SURNAME_SIMILARITY = 88  # rapidfuzz ratio of two transliterated surnames of one person


def name_like(name: str) -> bool:
    """A personal name: capitalised words, none of them a title or an organisation word."""
    words = name.split()
    if not words or " ".join(map(plain, words)) in COUNTRY_OF:
        return False
    return all(is_proper(w) and plain(w) not in PERSON_HEADS | ORG_HEADS and not ACRONYM.match(w) for w in words)


def _split(name: str) -> tuple[str | None, str]:
    """A spokesperson's mention "Kremlin (Dmitry Peskov)" as (organisation, person); a note in
    brackets that is not a name ("Rutte (NATO chief)") is dropped."""
    m = _PAREN.match(name)
    if not m:
        return None, name
    if name_like(m.group("inner")):
        return m.group("outer") or None, m.group("inner")
    return None, m.group("outer")


def org_key(name: str) -> str:
    """An organisation or government: its country folded from any country word, a leading
    article dropped, heads folded to their synonym ("Seoul's spy agency" and "South Korea's
    National Intelligence Service" both give "south korea|intelligence")."""
    country, rest = country_split(name.split())
    words = [HEAD_SYNONYMS.get(w, w) for w in map(plain, rest) if w not in ("of", "for", "the", "and")]
    return f"{country}|{' '.join(ascii_lower(w) for w in words if w)}"


class _Groups:
    """Union-find over mention strings."""

    def __init__(self, names):
        self.parent = {n: n for n in names}

    def find(self, n: str) -> str:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, a: str, b: str) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _join_people(groups: _Groups, people: dict[str, str]) -> None:
    """Full names whose surnames are one transliterated surname, and whose first names agree;
    then each lone surname to the one full name the corpus gives for it (none if several)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for mention in sorted(people):
        by_key[surname_key(people[mention].split()[-1])].append(mention)
    surnames = _Groups(by_key)
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in sorted(by_key):
        blocks[key[:1]].append(key)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if fuzz.ratio(a, b) >= SURNAME_SIMILARITY:
                    surnames.join(a, b)
    same_surname: dict[str, list[str]] = defaultdict(list)
    for key, mentions in by_key.items():
        same_surname[surnames.find(key)].extend(mentions)
    for mentions in same_surname.values():
        by_first: dict[str, list[str]] = defaultdict(list)
        for m in sorted(m for m in mentions if len(people[m].split()) > 1):
            by_first[surname_key(people[m].split()[0])[:3]].append(m)
        for full in by_first.values():
            for m in full[1:]:
                groups.join(full[0], m)
        lone = sorted(m for m in mentions if len(people[m].split()) == 1)
        if len(by_first) == 1 or lone and not by_first:  # one person the surname can stand for
            target = next(iter(by_first.values()))[0] if by_first else lone[0]
            for m in lone:
                groups.join(target, m)


def canonical_names(kinds: dict[str, str], counts: Counter) -> dict[str, tuple[str, str]]:
    """Each mention's canonical name and kind."""
    groups = _Groups(kinds)
    people = {}
    by_key: dict[str, list[str]] = defaultdict(list)
    acronyms: dict[str, list[str]] = defaultdict(list)
    for mention, kind in kinds.items():
        org, person = _split(mention)
        if name_like(person) and (kind == "person" or org):
            people[mention] = person
            continue
        by_key[(kind == "government", org_key(person))].append(mention)
        if ACRONYM.match(person.split()[-1]) and len(person.split()) == 1:
            acronyms[person].append(mention)
    _join_people(groups, people)
    for mentions in by_key.values():
        for m in mentions[1:]:
            groups.join(mentions[0], m)
    same_rest: dict[tuple[bool, str], list] = defaultdict(list)  # keys by all but their country: linear, not K x K
    for k in by_key:
        same_rest[(k[0], k[1].split("|")[1])].append(k)
    for (government, key), mentions in sorted(by_key.items()):  # "National Intelligence Service": the one country's
        countries = [k for k in same_rest[(government, key.split("|")[1])] if k[1] != key]
        if key.startswith("|") and key != "|" and len(countries) == 1 and not countries[0][1].startswith("|"):
            groups.join(by_key[countries[0]][0], mentions[0])
    for mentions in by_key.values():
        for m in mentions:
            letters = initials(_split(m)[1])
            for acronym in acronyms.get(letters, []):
                groups.join(acronym, m)
    members: dict[str, list[str]] = defaultdict(list)
    for mention in kinds:
        members[groups.find(mention)].append(mention)
    out = {}
    for group in members.values():
        kind = _group_kind(group, kinds)
        name = _canonical(group, kind, people, counts)
        out.update({m: (name, kind) for m in group})
    return out


def _group_kind(group: list[str], kinds: dict[str, str]) -> str:
    votes = Counter(kinds[m] for m in group)
    return sorted(votes, key=lambda k: (-votes[k], KINDS.index(k)))[0]


def _canonical(group: list[str], kind: str, people: dict[str, str], counts: Counter) -> str:
    if all(m in people for m in group):
        spelling = Counter()
        for m in group:
            spelling[people[m].split()[-1]] += counts.get(m, 0)
        best_surname = sorted(spelling, key=lambda s: (-spelling[s], s))[0]
        name = sorted((people[m] for m in group), key=lambda p: (-len(p.split()), p.split()[-1] != best_surname,
                                                                   -counts.get(p, 0), p))[0]
        orgs = Counter(_split(m)[0] for m in group if _split(m)[0])
        org = sorted(orgs, key=lambda o: (-orgs[o], o))[0] if orgs else None
        return f"{org} ({name})" if org else name
    names = [m for m in group if m not in people]
    short = sorted(m for m in names if ACRONYM.match(m)) if kind == "organisation" else []
    proper = [m for m in names if m not in short and all(is_proper(w) or w in ("of", "for", "and") for w in m.split())]
    if kind == "organisation" and proper:  # the name readers can read, with the acronym they will meet
        name = sorted(proper, key=lambda m: (-len(m.split()), -counts.get(m, 0), -len(m), m))[0]
        acronym = next((a for a in short if a == initials(name) and a not in name.split()), None)
        return f"{name} ({acronym})" if acronym else name
    return sorted(short or names, key=lambda m: (-counts.get(m, 0), -len(m), m))[0]


def canonical_claimants(rows: list[Row], set_aside: frozenset[str] = frozenset()
                        ) -> tuple[list[Row], list[dict]]:
    """The rows with each claimant's canonical name, and one row per canonical claimant:
    its kind, the mentions it stands for, the articles quoting it and its number of figures.
    Rows of articles the report sets aside (`set_aside` ids: syndicated copies, pages off the
    topic) are named like the others but weigh nothing in the choice of a name and are not
    counted in the table, so that they never change a name or a colour."""
    counted = [r for r in rows if r.article not in set_aside]
    canon = _canon(counted)
    if len(counted) < len(rows):  # a copy's own wording of a name joins the name its originals give
        every = _canon(rows)
        of_group = {every[m]: canon[m] for m in canon}
        canon.update({m: of_group.get(name, name) for m, name in every.items() if m not in canon})
    table: dict[str, dict] = {}
    in_table = {id(r) for r in counted}
    out = []
    for r in rows:
        mention = r.fields.get("claimant")
        if not mention:
            out.append(r)
            continue
        name, kind = canon[mention]
        out.append(replace(r, fields={**r.fields, "claimant": name, "claimant_kind": kind}))
        if id(r) not in in_table:
            continue
        entry = table.setdefault(name, {"claimant": name, "kind": kind, "aliases": set(), "articles": set(),
                                        "n_figures": 0})
        entry["aliases"].add(mention)
        entry["articles"].add(r.article)
        entry["n_figures"] += 1
    rows_out = [{**e, "aliases": "; ".join(sorted(e["aliases"])), "articles": ", ".join(sorted(e["articles"]))}
                for e in sorted(table.values(), key=lambda e: (-e["n_figures"], e["claimant"]))]
    return out, rows_out


def _canon(rows: list[Row]) -> dict[str, tuple[str, str]]:
    """Each claimant mention of the rows -> (canonical name, kind), weighed by the rows."""
    counts = Counter(r.fields["claimant"] for r in rows if r.fields.get("claimant"))
    kinds_seen: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r.fields.get("claimant"):
            kinds_seen[r.fields["claimant"]][r.fields.get("claimant_kind") or _guess_kind(r.fields["claimant"])] += 1
    kinds = {m: sorted(c, key=lambda k: (-c[k], KINDS.index(k)))[0] for m, c in kinds_seen.items()}
    return canonical_names(kinds, counts)


def _guess_kind(name: str) -> str:
    """The kind of an annotated claimant that does not state one."""
    org, person = _split(name)
    if name_like(person):
        return "person"
    words = [plain(w) for w in person.split()]
    if " ".join(words) in COUNTRY_OF:
        return "government"
    if words and words[-1] in PERSON_HEADS and words[-1] not in MODIFIERS:
        return "person"
    return "organisation"


def claimants_of_names(names: list[str], before: list[Row], after: list[Row]) -> dict[str, str | None]:
    """The canonical claimant each name an article quotes stands for. The names are grouped with
    the figures' claimant mentions (`before` canonical_claimants, `after` it, row for row) as those
    are grouped with each other; a name takes the one canonical claimant of the figures in its
    group, or None if its group holds none of them, or several."""
    figures = {b.fields["claimant"]: a.fields for b, a in zip(before, after) if b.fields.get("claimant")}
    kinds = {n: _guess_kind(n) for n in names} | {m: f["claimant_kind"] for m, f in figures.items()}
    groups = canonical_names(kinds, Counter())  # only the grouping is used: the names are the figures'
    in_group: dict[str, set[str]] = defaultdict(set)
    for mention, f in figures.items():
        in_group[groups[mention][0]].add(f["claimant"])
    return {n: next(iter(found)) if len(found := in_group.get(groups[n][0], set())) == 1 else None for n in names}
