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
# ## Articles
#
# Reads every article in `seeds_dir` with its annotations (`annotations.yaml`) and builds the
# dataset: articles, events and figures, each row resting on a verbatim quote. Writes nothing;
# the report build saves the same tables to `reports/data/`.

# %% tags=["parameters"]
seeds_dir = "../seeds"
start_date = None
end_date = None
figure_format = "svg"

# %%
from IPython.display import HTML

from analysis import params, views
from analysis.dataset import build_dataset

p = params.validate(dict(seeds_dir=seeds_dir, start_date=start_date, end_date=end_date, figure_format=figure_format))
ds = views.apply_filters(build_dataset(p["seeds_dir"]), p["start_date"], p["end_date"])
HTML(views.articles_table(ds))

# %% [markdown]
# The page date is what the page prints; the publication date is the best estimate after
# checking it against the text. Where an article reports an event "on Thursday" that other
# articles date to a day long before the page date, the page date is contradicted and the
# earliest consistent day is used instead.

# %% [markdown]
# ## Timeline of events

# %%
HTML(views.timeline_chart(ds, p["figure_format"]))

# %% [markdown]
# ## Troop figures and denials

# %%
HTML(views.troop_chart(ds, p["figure_format"]))

# %% [markdown]
# ## Sources
#
# Every quote the charts and tables rely on, by reference.

# %%
HTML(views.sources(ds))
