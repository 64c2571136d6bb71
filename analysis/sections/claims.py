""""What we know, and who says so": the dataset's claims (one row per claim, however many
articles repeat it) in the words a reader uses, in order of when they were said, with the order
marked as uncertain where the dates are windows that overlap."""

from __future__ import annotations

import pandas as pd

from analysis.sections.common import first_refs
from analysis.sections.words import plural, window

UNCERTAIN = "≈"  # marks a claim whose order against another is not known
STANCE_WORDS = {"denies": "denies reports of", "declines to confirm": "declines to confirm"}


def claim_words(claim) -> str:
    """ "1,500 North Korean soldiers transferred to Russia (allegedly)"; "denies reports of
    North Korean troops in Russia"."""
    what = str(claim["what"])
    if claim["stance"] in STANCE_WORDS:
        return f"{STANCE_WORDS[claim['stance']]} {what}"
    if pd.isna(claim["value"]):
        return what
    number = f"{int(claim['value']):,}" + (f"–{int(claim['value_max']):,}" if pd.notna(claim["value_max"]) else "")
    qualifier = f" ({claim['qualifier']})" if pd.notna(claim["qualifier"]) else ""
    return f"{number}: {what}{qualifier}"


def what_we_know(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The table as shown: one row per claim in the order the claims were said. `first_article`
    is kept for the tooltip of "first reported in" (ids are data, not names)."""
    names = articles.set_index("id")["name"]
    # Syndicated copies of one story count once: "2 articles (and 3 copies of them)".
    copies = claims["n_copies"] if "n_copies" in claims else pd.Series(0, index=claims.index)
    repeated = [plural(int(k), "article") + (f" (and {plural(int(c), 'copy')} of {'it' if k == 1 else 'them'})"
                                             if c else "") for k, c in zip(claims["n_stories"], copies)]
    return pd.DataFrame({
        "claimant": claims["claimant"].fillna("unattributed"),
        "claim": claims.apply(claim_words, axis=1),
        "said on": [f"{UNCERTAIN} " * bool(u) + window(s, e, p) for s, e, p, u
                    in zip(claims["said_start"], claims["said_end"], claims["said_phrase"], claims["order_uncertain"])],
        "first reported in": claims["first_article"].map(names),
        "reported in": repeated,
        "quotes": claims["refs"].map(lambda refs: first_refs(refs.split())),
        "first_article": claims["first_article"],
    }).reset_index(drop=True)
