"""The claimant a phrase after "according to" or "citing" names: an agent itself, or the agent
a document belongs to ("Ukrainian intelligence estimates", "a report by the ministry")."""

from __future__ import annotations

import re

from analysis.extract.claimant_names import DOCUMENTS, Mention, is_proper, mention_of, plain

_CHUNK = re.compile(r"\s+(?:(of(?=\s+[a-z])|from|by|released\s+by|published\s+by|issued\s+by|provided\s+by|cited\s+by)|"
                    r"in|on|at|with|that|which|who|to|for(?=\s+[a-z]))\s+")
_DOCUMENT_ADJECTIVES = frozenset("latest new recent preliminary official own updated initial first final fresh "
                                 "earlier previous current".split())


def described(text: str) -> Mention | None:
    """The claimant a phrase after "according to" or "citing" names: the phrase itself when its
    head is an agent, else the agent a document belongs to ("Ukrainian intelligence estimates",
    "a report by the ministry"); "the full text of the pact" names none."""
    text = text.strip()
    cut = _CHUNK.search(text)
    words = [w for w in (text[:cut.start()] if cut else text).split()[:10] if w.lower() not in _DOCUMENT_ADJECTIVES]
    if words and plain(words[-1]) in DOCUMENTS:
        owner = mention_of(words[:-1]) if any(map(is_proper, words[:-1])) else None  # not "intelligence data"
        if owner is None and cut and cut.group(1):  # "a report by X", "data from X"
            return described(text[cut.end():])
        return owner
    return mention_of(words)
