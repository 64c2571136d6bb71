"""Write the dataset as Parquet parts, and as CSV for a collection small enough to open in a
spreadsheet, with a Frictionless data package descriptor listing both, so it can be used
without Jupyter. Files are written beside their target and moved into place, so a failed run
never leaves a half-written table, and files of an earlier export into the same folder that
this one does not write are removed: a reader of `<table>/*.parquet` gets this export's rows."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.common.files import atomic_write
from analysis.dataset.files import DESCRIPTIONS, PACKAGE, parquet_paths, writes_csv
from analysis.dataset.parquet import MEDIATYPE, parquet_parts
from analysis.dataset.schemas import TABLES, table_schema
from analysis.dataset.model import Dataset


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\n").encode("utf-8")


def resources(name: str, n_rows: int, with_csv: bool) -> list[dict]:
    """The table's entries in the descriptor: `name` for its CSV, `name-parquet` for its parts."""
    described = {"description": DESCRIPTIONS[name]}
    if name in TABLES:
        described["schema"] = table_schema(TABLES[name])
    parquet = {"name": f"{name}-parquet", "path": parquet_paths(name, n_rows), "format": "parquet",
               "mediatype": MEDIATYPE, **described}
    if not with_csv:
        return [parquet]
    return [{"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             **described}, parquet]


def write_dataset(ds: Dataset, out: Path) -> list[Path]:
    out = Path(out)
    with_csv = writes_csv(len(ds.articles))
    written, listed = [], []
    for name in DESCRIPTIONS:
        df = getattr(ds, name)
        listed.extend(resources(name, len(df), with_csv))
        if with_csv:
            atomic_write(out / f"{name}.csv", csv_bytes(df))
            written.append(out / f"{name}.csv")
        paths = [out / path for path in parquet_paths(name, len(df))]
        for path, data in zip(paths, parquet_parts(df), strict=True):
            atomic_write(path, data)
        written.extend(paths)
        _remove_others(out, name, with_csv, paths)
    package = {
        "name": "nk-russia-treaty-reporting",
        "title": "News reporting on the 2024 Russia-North Korea treaty: articles, figures and events",
        "resources": listed,
    }
    atomic_write(out / PACKAGE, (json.dumps(package, indent=2, sort_keys=True) + "\n").encode())
    written.append(out / PACKAGE)
    return written


def _remove_others(out: Path, name: str, with_csv: bool, parts: list[Path]) -> None:
    """An earlier export's parts of the table beyond this one's, and its CSV once there is none."""
    stale = [p for p in (out / name).glob("part-*.parquet") if p not in parts]
    for path in stale + ([] if with_csv else [out / f"{name}.csv"]):
        path.unlink(missing_ok=True)
