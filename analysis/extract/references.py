"""What a pronoun or a role may refer back to: "he" and a person's title a person, "it" and an
agency-like head an organisation; a role described with a name ("the Russian diplomat") only a
person of a matching title."""

from __future__ import annotations

from analysis.extract.claimant_names import PERSON_HEADS, Mention, is_proper


def fits(ref: Mention, candidate: Mention) -> bool:
    """Whether a named claimant can be what a pronoun or role refers to: a person for "he",
    "she" and a person's title, an organisation for "it" and an agency-like head; a role
    described with a name ("the Russian diplomat") only a person of a matching title."""
    if candidate.kind in ("pronoun", "role"):
        return False
    if ref.kind == "pronoun":
        wants = {"he": "person", "she": "person", "i": "person", "it": "organisation"}.get(ref.head)
    else:
        wants = "person" if ref.head in PERSON_HEADS else "organisation"
    if wants == "person":
        if candidate.person is None:
            return False
        if ref.kind == "role" and any(map(is_proper, ref.name.split())):
            return candidate.head == ref.head or candidate.head in ROLE_TITLES.get(ref.head, ())
        return True
    if wants == "organisation":
        return candidate.kind in ("organisation", "government")
    return True


# Titles a described role may stand for ("the Russian diplomat": a minister named before).
ROLE_TITLES = {"diplomat": {"minister", "ambassador", "envoy", "secretary", "deputy"},
               "leader": {"president", "premier", "chairman", "chancellor", "king"},
               "official": set(PERSON_HEADS), "minister": {"deputy", "secretary"}}
