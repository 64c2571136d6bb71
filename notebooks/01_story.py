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
# ## Summary
#
# Reads the articles in `seeds_dir` and their annotations; writes nothing. The key facts below
# are computed from the dataset, each with the references of the quotes it rests on.

# %% tags=["parameters"]
seeds_dir = "../seeds"
start_date = None
end_date = None
sources = None
claimants = None
figure_format = "svg"
show_code = False
title = "How the news reported the 2024 Russia–North Korea treaty"

# %%
from IPython.display import HTML

from analysis.build.notebook import load

p, ds = load(globals())

# %%
from analysis.sections.summary import summary_html

HTML(summary_html(ds))

# %% [markdown]
# ## Articles
#
# The page date is what the page prints; the publication date is the best estimate after
# checking it against the text (see Data quality for every correction and its reason).

# %%
from analysis.sections.articles import articles_table

HTML(articles_table(ds))

# %% [markdown]
# ## Timeline
#
# When each event happened, as the articles date it, and when each article reported it.

# %%
from analysis.sections.timeline import timeline_chart

HTML(timeline_chart(ds, p["figure_format"]))

# %% [markdown]
# ## Troop figures
#
# The reported numbers of North Korean troops in Russia, who claimed them and when, and the
# denials and refusals to confirm.

# %%
from analysis.sections.troops import troop_chart

HTML(troop_chart(ds, p["figure_format"]))
