"""The dataset handed from the builder to the notebook kernels it starts: an environment
variable tells a kernel where the pickled dataset is and which articles folder it was made
from, so the kernel loads it instead of extracting it again."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

from analysis.ingest.sources import canonical

DATASET_ENV = "REPORT_DATASET"


def kernel_env(pickle_path: Path, seeds_dir: str) -> dict[str, str]:
    """What a kernel needs to find the dataset made for `seeds_dir`."""
    return {DATASET_ENV: json.dumps({"pickle": str(Path(pickle_path).resolve()), "seeds_dir": seeds_dir})}


def load_prepared(seeds_dir: str):
    """In a kernel started by the builder: the dataset it prepared for this articles folder,
    or None (run by hand in Jupyter, or for another folder), and the notebook builds its own."""
    given = os.environ.get(DATASET_ENV)
    if not given:
        return None
    where = json.loads(given)
    if where["seeds_dir"] != canonical(seeds_dir):
        return None
    return pickle.loads(Path(where["pickle"]).read_bytes())
