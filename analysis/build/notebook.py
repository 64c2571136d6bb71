"""What every notebook starts with: its parameters validated, and the dataset (the one the
builder prepared, or, opened by hand in Jupyter, built from `seeds_dir`) with the filters applied."""

from __future__ import annotations

from analysis.build import params
from analysis.dataset.model import Dataset
from analysis.sections.filters import apply_filters, on_topic
from analysis.speed import handoff


def load(namespace: dict) -> tuple[dict, Dataset, Dataset]:
    """The parameters, the filtered dataset, and the whole one (for what must not change with a
    filter, such as each claimant's colour, and for saying how much a filter keeps). Takes the
    notebook's globals, so that the parameter cell stays plain assignments."""
    p = params.validate({name: namespace[name] for name in params.Parameters.model_fields if name in namespace})
    ds = handoff.load_prepared(p["seeds_dir"]) or _built(p["seeds_dir"])
    params.check_names(p, params.known_names(ds.articles, ds.figures))
    everything = on_topic(ds, p["topic"])
    return p, apply_filters(everything, p), everything


def _built(seeds_dir: str) -> Dataset:
    """The dataset, built here: the notebook was opened by hand. Imported only then, so that a kernel
    the builder started loads no extraction or dating rules."""
    from analysis.speed import engine

    return engine.build_dataset(seeds_dir)
