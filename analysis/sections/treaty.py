"""What the articles say about the treaty text, and Article 4 as each source renders it."""

from __future__ import annotations

import difflib
import re

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections.common import MANY, NO_DATA
from analysis.sections.html import linked_refs, notice, render, table_html

TREATY_CATEGORIES = {"treaty_articles": "number of articles", "treaty_article": "article of the treaty",
                     "un_charter_article": "UN Charter article"}
_QUOTED = re.compile(r"[\"“]([^\"“”]{40,})[\"”]")


def treaty_facts(ds: Dataset) -> pd.DataFrame:
    f = ds.figures[ds.figures["category"].isin(list(TREATY_CATEGORIES))]
    return pd.DataFrame({
        "fact": f["category"].map(TREATY_CATEGORIES), "value": f["value"].astype("Int64"),
        "article": f["article_id"], "source": f["ref"],
    }).sort_values(["fact", "value", "article"])


def article4_renderings(ds: Dataset) -> pd.DataFrame:
    """The words each article quotes as Article 4: a quotation in the sentence that names
    Article 4 (before or after the name)."""
    rows = []
    refs = ds.figures[(ds.figures["category"] == "treaty_article") & (ds.figures["value"] == 4)]
    for _, r in refs.iterrows():
        body = ds.corpus[r["article_id"]].body
        sentence_start = body.rfind("\n", 0, r["span_start"]) + 1
        sentence_end = body.find("\n", r["span_end"])
        paragraph = body[sentence_start: len(body) if sentence_end < 0 else sentence_end]
        quoted = _QUOTED.search(paragraph)
        if quoted:
            rows.append({"article_id": r["article_id"], "ref": r["ref"], "text": quoted.group(1).strip(" ,.")})
    return pd.DataFrame(rows, columns=["article_id", "ref", "text"]).drop_duplicates("text")


def highlight_differences(a: str, b: str) -> tuple[Markup, Markup]:
    """Both texts as HTML with the words the other does not share marked."""
    wa, wb = a.split(), b.split()
    runs_a, runs_b = [], []  # (marked, words), as the template of marked words takes them
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=[w.lower() for w in wa], b=[w.lower() for w in wb],
                                                      autojunk=False).get_opcodes():
        left, right = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
        for runs, words in ((runs_a, left), (runs_b, right)):
            if op == "equal" or words:
                runs.append((op != "equal", words))
    return render("marked_words.html.j2", runs=runs_a), render("marked_words.html.j2", runs=runs_b)


def treaty_facts_summary(ds: Dataset) -> pd.DataFrame:
    """The facts folded for many articles: each value, how many articles state it, and the
    first of their quotes."""
    grouped = treaty_facts(ds).groupby(["fact", "value"], sort=True)
    return pd.DataFrame({
        "articles": grouped["article"].nunique(),
        "first sources": grouped["source"].agg(lambda refs: " ".join(refs.head(MANY))),
        "more sources": grouped["source"].agg(lambda refs: max(0, len(refs) - MANY)),
    }).reset_index()


def _facts_table(ds: Dataset) -> tuple[pd.DataFrame, str]:
    """The table of treaty facts, and its column of quote references: every mention for a
    few articles, folded by value for many."""
    if len(ds.articles) > MANY:
        return treaty_facts_summary(ds), "first sources"
    return treaty_facts(ds), "source"


def quoted_refs(ds: Dataset) -> set[str]:
    """The quotes this section links to."""
    facts, column = _facts_table(ds)
    renderings = article4_renderings(ds)
    compared = set(renderings["ref"].head(2)) if len(renderings) >= 2 else set()  # as treaty_html links them
    return linked_refs(facts, column) | compared


def treaty_html(ds: Dataset) -> Markup:
    facts, column = _facts_table(ds)
    if facts.empty:
        return notice(NO_DATA)
    caption = (f"Treaty facts as {len(ds.articles):,} articles state them (every mention is in data/figures.csv)"
               if len(ds.articles) > MANY else "Treaty facts as the articles state them")
    out = table_html(facts, caption=caption, links={column: "q-"})
    renderings = article4_renderings(ds)
    if renderings.empty:
        return out + notice("No article quotes the wording of Article 4 for these parameters.")
    return out + article4_html(renderings)


def article4_html(renderings: pd.DataFrame) -> Markup:
    """The first two renderings of Article 4 side by side, the words they do not share marked,
    then any others; or the only one."""
    if len(renderings) == 1:
        return render("article4_only.html.j2", only=renderings.iloc[0].to_dict())
    first, second = renderings.iloc[0].to_dict(), renderings.iloc[1].to_dict()
    similarity = difflib.SequenceMatcher(a=first["text"].lower().split(), b=second["text"].lower().split()).ratio()
    return render("article4_compared.html.j2", compared=[first, second],
                  marked=highlight_differences(first["text"], second["text"]),
                  caption=f"Article 4 as two sources quote it ({similarity:.0%} of words in common; "
                          "differences highlighted)",
                  others=renderings.iloc[2:].to_dict("records"))
