# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# ## The treaty text
#
# What the articles say about the treaty itself: how many articles it has, which of its articles
# they cite, and Article 4 (mutual military assistance) in the words each source quotes.

# %% tags=["parameters"]
seeds_dir = "../seeds"
start_date = None
end_date = None
sources = None
claimants = None
figure_format = "svg"
show_code = False
title = "How the news reported the 2024 Russia–North Korea treaty"
topic = "North Korea, North Korean, DPRK, Pyongyang + Russia, Russian, Kremlin, Moscow; Comprehensive Strategic Partnership"

# %%
from IPython.display import HTML

from analysis.build.notebook import load
from analysis.sections.html import table_or_notice
from analysis.sections.words import plural

p, ds, everything = load(globals())

# %%
from analysis.sections.common import first_refs, listed
from analysis.sections.treaty import TREATY_CATEGORIES, renderings_html

treaty = (ds.figures[ds.figures["category"].isin(list(TREATY_CATEGORIES))]
          .merge(ds.articles[["id", "published"]], left_on="article_id", right_on="id")
          .sort_values(["published", "article_id"]))  # articles listed in publication order
facts = (treaty.assign(fact=treaty["category"].map(TREATY_CATEGORIES), value=treaty["value"].astype("Int64"),
                       article=treaty["article_id"].map(ds.articles.set_index("id")["name"]))
         .groupby(["fact", "value"], sort=True)
         .agg(articles=("article_id", "nunique"), stated_by=("article", listed), quotes=("ref", first_refs))
         .reset_index()
         .rename(columns={"stated_by": "stated by"}))
HTML(table_or_notice(facts, "None of these articles states a treaty figure.", links={"quotes": "q-"},
                     caption=f"Treaty figures: {plural(len(facts), 'fact')}, each with every article that states it")
     + renderings_html(ds.renderings, ds.articles))

# %% [markdown]
# ## Who reports what
#
# Which article reports which fact, in publication order (★ where a fact first appears), and whom
# each article quotes or cites.

# %%
from analysis.sections.common import timeline_events
from analysis.sections.coverage import coverage_matrix_html

in_order = ds.articles.sort_values(["published", "id"])
quoted = (in_order[["id", "name"]].merge(ds.quoted.rename(columns={"name": "quoted"}), left_on="id", right_on="article_id")
          .groupby("id", sort=False)
          .agg(article=("name", "first"), quoted=("quoted", "; ".join), names=("quoted", "size"))
          .reset_index()
          .rename(columns={"quoted": "quoted or cited"}))
HTML(coverage_matrix_html(ds.articles, ds.claims, timeline_events(ds.events), ds.figures)
     + table_or_notice(quoted, "None of these articles quotes anyone by name.", titles={"article": "id"},
                       caption="Who each article quotes or cites, in the article's order"))

# %% [markdown]
# ## Reuse between articles
#
# Passages one article shares with an earlier one, such as wire copy appended to a later story.
# A date such as "on Thursday" in a copied passage is read against the date of the article it was
# copied from.

# %%
from analysis.sections.reuse import passages_html

names = everything.articles.set_index("id")["name"]  # a copy's source may be an article the filters leave out
shared = (ds.copies.groupby(["article_id", "source_id"], as_index=False)
          .agg(characters=("n_chars", "sum"), share=("share", "sum"))
          .sort_values("share", ascending=False, kind="stable"))
shared = shared.assign(article=shared["article_id"].map(names), copied_from=shared["source_id"].map(names),
                       share=shared["share"].map("{:.0%}".format))
HTML(table_or_notice(shared[["article", "copied_from", "characters", "share"]].rename(
                         columns={"copied_from": "copied from", "share": "share of the article"}),
                     "None of these articles copies a passage from another.",
                     caption="Articles that copy passages from an earlier one, most copied first")
     + passages_html(ds.copies, ds.corpus, names))

# %% [markdown]
# ## Data quality
#
# What to know before trusting the numbers: page dates the articles' own text contradicts, dates
# known only to a month or that could not be resolved, conflicts, rows not yet confirmed by a
# person, and what cleaning removed from each page.

# %%
from analysis.sections.quality import quality_html, set_aside_html

HTML(set_aside_html(everything.articles) + quality_html(ds))

# %% [markdown]
# ## Methods and data
#
# **Where the facts come from.** Each article is read as plain text: page furniture (menus,
# "related articles", share buttons) is removed and listed under Data quality. Sentences are
# split, and a figure is kept only with the sentence that states it and its place in the article,
# so that every row in the data is a verbatim quote.
#
# **Who said it.** The claimant is the subject of a reporting verb ("said", "told reporters",
# "according to") in the figure's sentence, found by grammar rules and, where they find no one,
# by a small English parser. Names are matched across articles ("Dmitry Peskov", "Peskov", "the
# Kremlin spokesman") into one canonical claimant, so one claim repeated by many articles is one
# row in "What we know".
#
# **Dates.** An article's publication date is taken, in order of trust, from its metadata, a
# "Published" line, a date line, its web address or its dateline, and then checked against the
# text: a page date that would put "on Thursday" on a day that contradicts a date the articles
# write out is re-estimated and the correction listed under Data quality. Relative phrases ("on
# Thursday", "last week", "recently") are resolved against the publication date of the article,
# or of the article a passage was copied from, and keep their precision: a day, a week, a month,
# or a window such as the 30 days before publication.
#
# **Automatic and reviewed.** Everything is extracted automatically; rows that a person has
# confirmed in the collection's annotations file are marked reviewed, and Data quality lists
# the rest. Automatic extraction, measured on news articles it was not tuned on, finds most
# figures but names the claimant or the date of a claim less reliably: check a claim's quote
# before citing it.

# %%
from analysis.sections.methods import data_links

HTML(data_links(everything))

# %% [markdown]
# ## Sources
#
# Every article, and the quotes the report relies on; the references in the text, tables and
# chart captions link here.

# %%
from analysis.sections.sources import sources_html

HTML(sources_html(ds))

# %% [markdown]
# ## How this was built

# %%
from analysis.build.buildinfo import build_html

HTML(build_html(p))
