"""The treaty text as the articles give it: which figures name its parts, and the wording of
its articles as each source quotes it (the dataset's `renderings` table)."""

from __future__ import annotations

import difflib

import pandas as pd
from markupsafe import Markup

from analysis.dataset.claims import TREATY_CATEGORIES as TEXT_FIGURES
from analysis.sections.common import ref_number
from analysis.sections.html import EMPTY, notice, render

# The treaty's own figures (which stay out of the claims), each as a reader names it.
TREATY_CATEGORIES = dict(zip(TEXT_FIGURES, ("number of articles", "article of the treaty", "UN Charter article")))


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


def renderings_html(renderings: pd.DataFrame, articles: pd.DataFrame) -> Markup:
    """For each treaty article the articles quote, its wording as each source quotes it: the first
    two side by side with the words they do not share marked, then any others; or the only one."""
    if renderings.empty:
        return notice("None of these articles quotes the wording of a treaty article.")
    names = articles.set_index("id")["name"]
    out = EMPTY
    for number, group in renderings.sort_values("ref", key=ref_number).groupby("treaty_article", sort=True):
        quoted = group.assign(name=group["article_id"].map(names)).to_dict("records")
        if len(quoted) == 1:
            out += render("article4_only.html.j2", number=int(number), only=quoted[0])
            continue
        first, second = quoted[0], quoted[1]
        similarity = difflib.SequenceMatcher(a=first["text"].lower().split(), b=second["text"].lower().split()).ratio()
        out += render("article4_compared.html.j2", compared=[first, second],
                      marked=highlight_differences(first["text"], second["text"]),
                      caption=f"Article {int(number)} as two sources quote it ({similarity:.0%} of words in common; "
                              "differences highlighted)", others=quoted[2:])
    return out
