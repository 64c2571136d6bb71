"""The dataset as partitioned Parquet beside the CSV: every table reads back as the frame it was
written from, in row order and with its types; identical tables give identical bytes; the
descriptor lists both formats and Frictionless validates them (each Parquet part on its own:
Frictionless reads only the first file of a resource with several)."""

import json
import re

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.dataset import files
from analysis.dataset.build import build_dataset
from analysis.dataset.export import write_dataset
from analysis.dataset.files import DESCRIPTIONS, PACKAGE
from conftest import write_article

# The Parquet type each Frictionless field type is written as.
ARROW_OF = {"string": pa.string(), "integer": pa.int64(), "date": pa.date32(), "boolean": pa.bool_(),
            "number": pa.float64()}


def read_back(folder, name) -> pd.DataFrame:
    """A table from its parts, with the dates as the frame holds them (Parquet dates read as days)."""
    table = pq.read_table(folder / name)
    df = table.to_pandas()
    dates = [f.name for f in table.schema if f.type == pa.date32()]
    return df.astype({column: "datetime64[ns]" for column in dates})


def package(folder) -> dict[str, dict]:
    return {r["name"]: r for r in json.loads((folder / PACKAGE).read_text(encoding="utf-8"))["resources"]}


def test_every_table_reads_back_as_written(tmp_path, seeds_dataset):
    write_dataset(seeds_dataset, tmp_path)
    for name in DESCRIPTIONS:
        frame = getattr(seeds_dataset, name)
        assert [p.name for p in (tmp_path / name).iterdir()] == ["part-00000.parquet"], name
        pd.testing.assert_frame_equal(read_back(tmp_path, name), frame.reset_index(drop=True), check_exact=True)
        assert pd.read_parquet(tmp_path / name).dtypes.astype(str).to_dict() == {
            c: ("object" if str(t).startswith("datetime") else str(t)) for c, t in frame.dtypes.items()}, name


def test_parquet_types_are_the_descriptors(tmp_path, seeds_dataset):
    write_dataset(seeds_dataset, tmp_path)
    resources = package(tmp_path)
    assert list(resources) == [f"{n}{suffix}" for n in DESCRIPTIONS for suffix in ("", "-parquet")]
    for name in DESCRIPTIONS:
        csv, parquet = resources[name], resources[f"{name}-parquet"]
        assert (csv["format"], parquet["format"], parquet["path"]) == ("csv", "parquet", [f"{name}/part-00000.parquet"])
        assert csv.get("schema") == parquet.get("schema")
        schema = pq.read_schema(tmp_path / parquet["path"][0])
        for field in parquet.get("schema", {}).get("fields", []):
            assert schema.field(field["name"]).type == ARROW_OF[field["type"]], (name, field["name"])


def test_identical_tables_give_identical_parquet(tmp_path, seeds_dataset):
    write_dataset(seeds_dataset, tmp_path / "a")
    write_dataset(seeds_dataset, tmp_path / "b")
    parts = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.parquet"))
    assert len(parts) == len(DESCRIPTIONS)
    assert all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in parts)
    metadata = pq.read_metadata(tmp_path / "a" / parts[0])
    assert metadata.num_row_groups == 1 and metadata.row_group(0).column(0).compression == "ZSTD"


def test_a_large_table_is_several_parts_in_row_order(tmp_path, seeds_dataset, monkeypatch):
    monkeypatch.setattr(files, "PART_ROWS", 4)
    write_dataset(seeds_dataset, tmp_path)
    events = seeds_dataset.events
    parts = sorted((tmp_path / "events").iterdir())
    assert [p.name for p in parts] == [f"part-{i:05d}.parquet" for i in range(-(-len(events) // 4))]
    assert [pq.read_metadata(p).num_rows for p in parts] == [min(4, len(events) - 4 * i) for i in range(len(parts))]
    pd.testing.assert_frame_equal(read_back(tmp_path, "events"), events.reset_index(drop=True))
    resource = package(tmp_path)["events-parquet"]
    assert resource["path"] == [p.relative_to(tmp_path).as_posix() for p in parts]
    for path in resource["path"]:  # Frictionless would read only the first part of the resource
        report = frictionless.Resource(path=path, basepath=str(tmp_path), format="parquet",
                                       schema=frictionless.Schema.from_descriptor(resource["schema"])).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])

    monkeypatch.setattr(files, "PART_ROWS", 10)  # again into the same folder: the earlier parts beyond are gone
    write_dataset(seeds_dataset, tmp_path)
    assert len(list((tmp_path / "events").iterdir())) == -(-len(events) // 10)
    pd.testing.assert_frame_equal(read_back(tmp_path, "events"), events.reset_index(drop=True))


def test_a_large_collection_gets_parquet_only(tmp_path, seeds_dataset, monkeypatch):
    write_dataset(seeds_dataset, tmp_path)
    assert (tmp_path / "articles.csv").exists()
    monkeypatch.setattr(files, "CSV_UP_TO", len(seeds_dataset.articles) - 1)
    written = write_dataset(seeds_dataset, tmp_path)
    assert not list(tmp_path.glob("*.csv")) and not [p for p in written if p.suffix == ".csv"]
    assert list(package(tmp_path)) == [f"{n}-parquet" for n in DESCRIPTIONS]
    report = frictionless.validate(str(tmp_path / PACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])


def test_tables_without_a_schema_keep_their_types_when_empty(tmp_path, seeds_dataset):
    write_article(tmp_path / "in", "a.txt", "A headline of some words\nJune 20, 2024\nThe pact was signed.\n")
    ds = build_dataset(tmp_path / "in")
    assert ds.conflicts.empty and ds.removals.dtypes.to_dict() == seeds_dataset.removals.dtypes.to_dict()
    write_dataset(ds, tmp_path / "out")
    write_dataset(seeds_dataset, tmp_path / "seeds")
    empty, full = pq.read_table(tmp_path / "out" / "conflicts"), pq.read_table(tmp_path / "seeds" / "conflicts")
    assert empty.num_rows == 0 and full.num_rows > 0 and empty.schema.equals(full.schema, check_metadata=True)


def test_the_report_links_every_file_written(tmp_path, seeds_dataset, monkeypatch):
    from analysis.sections.methods import data_links

    for part_rows, csv_up_to in ((files.PART_ROWS, files.CSV_UP_TO), (10, len(seeds_dataset.articles) - 1)):
        monkeypatch.setattr(files, "PART_ROWS", part_rows)
        monkeypatch.setattr(files, "CSV_UP_TO", csv_up_to)
        out = tmp_path / str(part_rows)
        written = {p.relative_to(out).as_posix() for p in write_dataset(seeds_dataset, out)}
        assert set(re.findall(r'href="data/([^"]+)"', data_links(seeds_dataset))) == written


def test_duckdb_queries_the_parts_as_the_readme_shows(tmp_path, seeds_dataset):
    """The README's way to query a large dataset without loading it: DuckDB over the parts, with the
    same answer as pandas over the frame, and dates read as dates."""
    import duckdb

    write_dataset(seeds_dataset, tmp_path)
    parts = str(tmp_path / "figures" / "*.parquet")
    counted = duckdb.sql(f"SELECT claimant, count(*) AS n FROM '{parts}' WHERE claimant IS NOT NULL "
                         "GROUP BY 1 ORDER BY 1").fetchall()
    expected = seeds_dataset.figures["claimant"].dropna().value_counts().sort_index()
    assert counted == list(expected.items()) and counted
    types = dict(duckdb.sql(f"DESCRIBE SELECT * FROM '{tmp_path / 'events' / '*.parquet'}'").fetchall()[i][:2]
                 for i in range(len(seeds_dataset.events.columns)))
    assert types["date_start"] == types["first_reported"] == "DATE" and types["n_articles"] == "BIGINT"
