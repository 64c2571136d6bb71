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
# ## The story in brief

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
from analysis.sections.html import notice, table_or_notice
from analysis.sections.words import plural

p, ds, everything = load(globals())

# %%
from analysis.sections.common import timeline_events
from analysis.sections.filters import filter_banner
from analysis.sections.lede import lede_html

events = timeline_events(ds.events)
on_story = everything.articles["relevant"] & everything.articles["copy_of"].isna()  # not set aside
HTML(filter_banner(p, shown=len(ds.articles), total=int(on_story.sum()))
     + (lede_html(ds.claims, events, ds.articles) if len(ds.articles) else notice("No articles in this report.")))

# %%
from analysis.sections.troops import claims_chart_html

claimants = everything.claimants  # the whole collection's: a claimant keeps its colour under any filter
deployments = ds.claims[ds.claims["category"] == "troops"]
HTML(claims_chart_html(deployments, claimants, p["figure_format"]))

# %% [markdown]
# **How to read this report.** Articles often date what they report with a phrase: "on Thursday",
# "last week", "recently". Such a phrase gives a window of days, not a day, and the report shows
# the window ("between 7 and 13 Oct 2024", or "by 24 Oct 2024" when only the latest possible day is
# known), never its first day as if it were exact. Claims whose windows overlap are marked ≈: the
# order between them is not known. Every figure and date links (F1, E3) to the sentence it comes
# from, quoted under Sources. In the charts of claims each claimant keeps one colour, whatever the
# filters.

# %% [markdown]
# ## What we know, and who says so
#
# One row per claim, however many articles repeat it, in the order the claims were made: who made
# it, what they said, when they said it, the first article that reported it, and the quotes it
# rests on. Treaty figures (the number of articles, Article 4) are under The treaty text.

# %%
from analysis.sections.claims import what_we_know

known = what_we_know(ds.claims, ds.articles)
HTML(table_or_notice(
    known, "None of these articles reports a claim.", links={"quotes": "q-"}, titles={"first reported in": "first_article"},
    caption=f"{plural(len(known), 'claim')} by {plural(ds.claims['claimant'].nunique(), 'claimant')}, in the order "
            "they were made (≈: order uncertain, the dates overlap)"))

# %% [markdown]
# ## Timeline of events
#
# When each event happened, as the articles date it, and when each article reported it: the gap
# between the two is how long the news took to appear.

# %%
from analysis.sections.timeline import event_table, timeline_html

HTML(timeline_html(events, ds.articles, p["figure_format"]) + event_table(events, ds.articles))

# %% [markdown]
# ## Casualties
#
# Reported numbers of North Korean soldiers killed, wounded or captured, by who reported them,
# kept apart from the numbers deployed.

# %%
from analysis.sections.casualties import casualties_chart_html

losses = ds.claims[ds.claims["category"] == "casualties"]
HTML(casualties_chart_html(losses, claimants, p["figure_format"]))

# %% [markdown]
# ## Coverage over time
#
# How many articles appeared each week, by outlet, and when each fact first appeared.

# %%
from analysis.sections.coverage import coverage_chart_html

HTML(coverage_chart_html(ds.articles, ds.claims, events, p["figure_format"]))

# %% [markdown]
# ## Articles
#
# Every article in publication order. The page date is what the page prints; the publication
# date is the best estimate after checking it against the text (Data quality lists every
# correction and its reason).

# %%
from analysis.sections.articles import contradicted_dates
from analysis.sections.words import day

in_order = ds.articles.sort_values(["published", "id"])
listing = in_order.assign(page_date=in_order["page_date"].map(day), published=in_order["published"].map(day))[
    ["name", "headline", "page_date", "published", "n_words", "id"]].rename(columns={
        "name": "article", "page_date": "page date", "published": "published (estimate)", "n_words": "words"})
HTML(table_or_notice(listing, "No articles in this report.", titles={"article": "id"},
                     caption=f"{plural(len(listing), 'article')} in publication order")
     + contradicted_dates(in_order))
