"""Write the dataset as CSV files with a Frictionless data package descriptor, so it can be
used without Jupyter. Files are written beside their target and moved into place, so a
failed run never leaves a half-written table."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.common.files import atomic_write
from analysis.dataset.files import DESCRIPTIONS, PACKAGE
from analysis.dataset.schemas import TABLES, table_schema
from analysis.dataset.tables import Dataset



def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\n").encode("utf-8")


def write_dataset(ds: Dataset, out: Path) -> list[Path]:
    out = Path(out)
    tables = {name: getattr(ds, name) for name in DESCRIPTIONS}
    resources = []
    for name in tables:
        resource = {"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
                    "encoding": "utf-8", "description": DESCRIPTIONS[name]}
        if name in TABLES:
            resource["schema"] = table_schema(TABLES[name])
        resources.append(resource)
    package = {
        "name": "nk-russia-treaty-reporting",
        "title": "News reporting on the 2024 Russia-North Korea treaty: articles, figures and events",
        "resources": resources,
    }
    written = []
    for name, df in tables.items():
        atomic_write(out / f"{name}.csv", csv_bytes(df))
        written.append(out / f"{name}.csv")
    atomic_write(out / PACKAGE, (json.dumps(package, indent=2, sort_keys=True) + "\n").encode())
    written.append(out / PACKAGE)
    return written
