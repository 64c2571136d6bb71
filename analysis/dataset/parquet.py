"""The dataset's tables as Parquet: columnar files that DuckDB, Dask or pandas read a column or a
part at a time, where a CSV must be read whole. Every writer option is spelled out and Parquet
records no time of writing, so identical tables give identical bytes (with the locked pyarrow);
the CSV's YYYY-MM-DD dates are Parquet dates, not nanosecond timestamps."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pandas.api import types

from analysis.dataset import files

MEDIATYPE = "application/vnd.apache.parquet"

# All of pyarrow's writer options that shape the bytes, so a change of its defaults changes no file: zstd at its
# usual level; statistics kept, so a query engine skips parts a filter rules out; one row group a part (below).
OPTIONS = {"compression": "zstd", "compression_level": 3, "version": "2.6", "data_page_version": "1.0",
           "use_dictionary": True, "write_statistics": True, "store_schema": True, "write_page_index": False,
           "write_page_checksum": False, "use_byte_stream_split": False}


def arrow_type(dtype) -> pa.DataType:
    """The Parquet type of a pandas column: Int64 and int64 as 64-bit integers (nullable in
    Parquet either way), dates as dates, text as UTF-8. Any other dtype is a mistake upstream."""
    if types.is_bool_dtype(dtype):
        return pa.bool_()
    if types.is_integer_dtype(dtype):
        return pa.int64()
    if types.is_float_dtype(dtype):
        return pa.float64()
    if types.is_datetime64_dtype(dtype):
        return pa.date32()  # the tables hold days, which the CSV too writes as YYYY-MM-DD
    if types.is_string_dtype(dtype):
        return pa.string()
    raise TypeError(f"no Parquet type for the dtype {dtype}")


def arrow_schema(df: pd.DataFrame) -> pa.Schema:
    return pa.schema([pa.field(name, arrow_type(dtype)) for name, dtype in df.dtypes.items()])


def parquet_parts(df: pd.DataFrame) -> Iterator[bytes]:
    """The table as Parquet files of at most `files.PART_ROWS` rows each, in row order, one at a time (an
    empty table is one file with its columns). pandas' own metadata is kept, so pandas reads the
    nullable integers and text back as Int64 and string."""
    schema, rows = arrow_schema(df), files.PART_ROWS
    for start in range(0, max(len(df), 1), rows):
        table = pa.Table.from_pandas(df.iloc[start:start + rows], schema=schema, preserve_index=False)
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, row_group_size=rows, **OPTIONS)
        yield sink.getvalue().to_pybytes()
