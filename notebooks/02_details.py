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
# What the articles say about the treaty itself, and Article 4 (mutual military assistance)
# as each source quotes it.

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
from analysis.sections.treaty import treaty_html

HTML(treaty_html(ds))

# %% [markdown]
# ## Coverage
#
# Which article reports which fact, in publication order, and whom each article quotes (for
# many articles: where each fact first appeared, and who is quoted most).

# %%
from analysis.sections.coverage import coverage_html

HTML(coverage_html(ds))

# %% [markdown]
# ## Reuse between articles
#
# Passages one article shares with another, such as wire copy appended to a later story.

# %%
from analysis.sections.reuse import reuse_html

HTML(reuse_html(ds))

# %% [markdown]
# ## Data quality
#
# What to know before trusting the numbers: corrected page dates, vague or unresolved dates,
# conflicts, rows not yet confirmed by an annotation, and what cleaning removed.

# %%
from analysis.sections.quality import quality_html

HTML(quality_html(ds))

# %% [markdown]
# ## Sources
#
# Every article, and the quotes the report relies on; the references in chart captions and
# tables link here. For a large corpus the list holds the quotes the report links to, and the
# data files hold every one.

# %%
from analysis.sections.sources import sources

HTML(sources(ds))

# %% [markdown]
# ## How this was built

# %%
from analysis.build.buildinfo import build_html

HTML(build_html(p))
