"""How the report was built: parameters, input hashes and versions. Nothing here depends on
the clock or the machine's paths, so identical inputs give identical text."""

from __future__ import annotations

import hashlib
import platform
from datetime import date
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from analysis.annotations import ANNOTATIONS_FILE
from analysis.dataset import Dataset
from analysis.html import table_html

PACKAGES = ["pandas", "matplotlib", "papermill", "nbconvert", "jupytext", "dateparser", "pandera", "rapidfuzz"]


def input_hashes(ds: Dataset, seeds_dir: str) -> pd.DataFrame:
    rows = [{"input": a.path.name, "sha256": a.sha256} for a in ds.corpus.values()]
    notes = Path(seeds_dir) / ANNOTATIONS_FILE
    if notes.exists():
        rows.append({"input": ANNOTATIONS_FILE, "sha256": hashlib.sha256(notes.read_bytes()).hexdigest()})
    return pd.DataFrame(rows, columns=["input", "sha256"])


def versions() -> dict[str, str]:
    return {"python": platform.python_version(), **{p: version(p) for p in PACKAGES}}


def build_html(ds: Dataset, params: dict) -> str:
    shown = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items() if k != "seeds_dir"}
    shown["seeds_dir"] = Path(params["seeds_dir"]).name  # the folder, not this machine's path
    parameters = pd.DataFrame({"parameter": list(shown), "value": [str(v) for v in shown.values()]})
    packages = pd.DataFrame({"package": list(versions()), "version": list(versions().values())})
    return (table_html(parameters, caption="Parameters of this build")
            + table_html(input_hashes(ds, params["seeds_dir"]), caption="Inputs (SHA-256 of the raw files)")
            + table_html(packages, caption="Software versions"))
