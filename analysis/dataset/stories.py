"""Articles that are one story: a wire story republished, a page saved twice, one article saved as
text and as a web page. Counted once, they do not look like several confirmations.

The rule: two articles are copies of each other when each is almost wholly the other, that is
when their shared word 8-grams (extract.reuse) are at least `SAME_SHARE` of each one's 8-grams.
Words are compared lower-cased, without punctuation or layout, so line breaks, curly or straight
quotes and a dropped line of page furniture do not matter. A copy that adds a paragraph (or drops
one) fails the test for the longer text and stays a story of its own; its shared passage is in
the copies table. The story's original is its earliest published member (undated after dated,
ties by id); every other member is a copy of it.

The pairs are found by joins on the 8-grams (`analysis.dataset.shingles`): only articles that
share one of their rarest 8-grams are compared (a prefix filter: two sets that share at least 90%
of each must share one of the first 10% + 1 of each, in any common order, so no copy is missed).
Work grows with the corpus, not with its pairs, unless many articles share rare text. Articles
without a whole 8-gram (every sentence shorter than eight words) are their own stories."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

SAME_SHARE = 0.9  # shared 8-grams, as a share of each article's 8-grams, for two articles to be one story


def story_order(dates: dict[str, date | None]) -> list[str]:
    """Earliest published first, undated last, ties by id: the first of a story is its original."""
    return sorted(dates, key=lambda a: (dates[a] is None, dates[a] or date.min, a))


def story_members(articles: pd.DataFrame) -> pd.Series:
    """Each story's number of copies, indexed by its original's id (0 for an article no one
    copied), in the table's order: so a count of stories can say how many copies it includes."""
    originals = articles.loc[articles["copy_of"].isna(), "id"]
    copies = articles["copy_of"].dropna().value_counts()
    return copies.reindex(originals.to_numpy(), fill_value=0).rename("n_copies").rename_axis("story").astype(int)
