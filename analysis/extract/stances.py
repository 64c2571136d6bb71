"""A claim's stance: whether its speaker asserts it, denies it ("groundless", "fake news") or
declines to confirm it ("would not confirm", "neither confirm nor deny")."""

from __future__ import annotations

import re

STANCES = ("asserts", "denies", "declines to confirm")
DENIAL = re.compile(r"\b(den(?:y|ied|ies|ial)|groundless|fake\s+news|rumou?rs?|defamation|baseless|"
                    r"nonsense|fabricat\w+|provocation)\b", re.I)
DENIAL_HINTS = ("den", "groundless", "fake", "rumo", "defamation", "baseless", "nonsense", "fabricat", "provocation")
DECLINE = re.compile(r"\b(not\s+(?:been\s+)?confirmed|declined\s+to\s+(?:confirm|comment)|(?:would|could|did)\s+not\s+"
                     r"confirm|refused\s+to\s+confirm|neither\s+confirm\w*\s+nor\s+den\w+)\b", re.I)
DECLINE_HINTS = ("confirm", "comment")


def stance_of(sentence: str) -> str:
    lower = sentence.lower()
    if any(hint in lower for hint in DECLINE_HINTS) and DECLINE.search(sentence):
        return "declines to confirm"
    if any(hint in lower for hint in DENIAL_HINTS) and DENIAL.search(sentence):
        return "denies"
    return "asserts"
