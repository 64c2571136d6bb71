"""Who a headline says said what it states: headlines drop the article and put the verb last
("..., Pentagon Says"), or name the speaker before a colon or after a dash."""

from __future__ import annotations

import re

from analysis.extract.attribution import attribution_in
from analysis.extract.claimant_names import Mention, mention_of
from analysis.extract.reporting_verbs import alternation, forms

# A headline's verbs, in its title case ("..., Pentagon Says", "Kremlin Denied ..."): only those that
# seldom mean anything else, as a headline drops the "that" that marks a claim ("Seoul Notes Rise").
_SAYS = forms("say warn claim confirm report estimate tell believe deny", "third", "past")
HEADLINE_VERB = re.compile(rf"\b({alternation(frozenset(w.title() for w in _SAYS))})\b")


def headline_claimant(headline: str) -> Mention | None:
    """Who a headline says said it: "..., Pentagon Says", "Kremlin says ...", "Zelensky: ..."."""
    said = attribution_in(HEADLINE_VERB.sub(lambda m: m.group(0).lower(), headline)).claimant
    if said is None and ":" in headline[:60]:  # "Zelensky: 11,000 troops ..."
        said = mention_of(headline.split(":", 1)[0].split())
    dash = re.search(r"\s[-–—]\s*([^-–—]{2,60})$", headline)
    if said is None and dash:  # "11,000 troops in Kursk - Zelensky"
        said = mention_of(dash.group(1).split())
    return said if said is not None and said.kind not in ("pronoun", "role") else None
