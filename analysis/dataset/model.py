"""The dataset as the report reads it: its tables, and the articles they come from. Kept apart
from the modules that build the tables, so that a notebook kernel unpickling a dataset imports
pandas and this, not the extraction and dating rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analysis.ingest.article import Article

# Rows of the conflicts table that are notes on reading the input, not conflicts (dataset.build.input_notes).
INPUT_NOTE_KINDS = ("folder entry skipped", "bad bytes replaced", "negative number", "number too large",
                    "long run cut")

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class Dataset:
    articles: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame
    removals: pd.DataFrame
    conflicts: pd.DataFrame
    copies: pd.DataFrame
    claimants: pd.DataFrame
    claims: pd.DataFrame  # one row per claim of the figures (analysis.dataset.claims)
    quoted: pd.DataFrame  # whom each article quotes or cites
    renderings: pd.DataFrame  # the words each article quotes as a treaty article's text
    corpus: dict[str, Article] = field(repr=False)
