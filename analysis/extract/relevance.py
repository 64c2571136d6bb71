"""Whether an article is about the story: a collected folder always holds pages about something
else. The test is a `topic`, written as a reader would: alternatives separated by ";", each a
set of term groups joined by "+", each group terms separated by ","; an article is on the topic
when, for some alternative, its text names a term of every group. The default reads: North Korea
(or the DPRK, Pyongyang) together with Russia (or the Kremlin, Moscow), or the treaty by name.

Only the article's own text counts: the cleaning removes "related articles" boxes and the like
first, so a page that names the story only in such a box is not on it. Each group is one regular
expression searched once, so the test is linear in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DEFAULT_TOPIC = ("North Korea, North Korean, DPRK, Pyongyang + Russia, Russian, Kremlin, Moscow; "
                 "Comprehensive Strategic Partnership")


@dataclass(frozen=True)
class Relevance:
    relevant: bool
    reason: str


def parse_topic(topic: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The topic's alternatives, each a tuple of term groups; ValueError names what is empty."""
    alternatives = []
    for alternative in topic.split(";"):
        groups = tuple(tuple(t.strip() for t in group.split(",") if t.strip()) for group in alternative.split("+"))
        if not groups or any(not group for group in groups):
            raise ValueError(f"'{alternative.strip()}' has an empty term group (write terms separated by ',', "
                             "groups joined by '+', alternatives separated by ';')")
        alternatives.append(groups)
    return tuple(alternatives)


@lru_cache(maxsize=64)
def _patterns(topic: str) -> tuple[tuple[tuple[tuple[str, ...], re.Pattern], ...], ...]:
    return tuple(tuple((group, re.compile(r"\b(?:" + "|".join(re.escape(t) for t in group) + r")\b", re.I))
                       for group in groups) for groups in parse_topic(topic))


def relevance(text: str, topic: str = DEFAULT_TOPIC) -> Relevance:
    """On the topic or not, and why: the terms found, or the group no term of which appears."""
    missing = []
    for groups in _patterns(topic):
        found = [(group, pattern.search(text)) for group, pattern in groups]
        if all(match for _, match in found):
            return Relevance(True, "names " + " and ".join(f"'{match.group()}'" for _, match in found))
        missing.extend(group for group, match in found if not match)
    named = "; ".join(", ".join(group) for group in dict.fromkeys(missing))
    return Relevance(False, f"off the topic: names none of {named}")
