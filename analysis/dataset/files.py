"""The data files a build writes, in order, with what each holds in plain words, and where each
table's files go: the export writes them into the data package, and the report's Methods section
links to them (without loading pandera for the schemas, or pyarrow)."""

PACKAGE = "datapackage.json"

# Rows in one Parquet file: at a few hundred bytes a row in pandas for the widest tables (articles, events), a part
# loads whole into memory with room to spare, and a large table is several files that DuckDB or Dask read in parallel.
PART_ROWS = 250_000

# CSV is written beside the Parquet files for collections of at most this many articles. Spreadsheets open at most
# 1,048,576 rows, and the longest table grows fastest with the collection (removals, a row per menu, ticker or link
# cleaned away, runs to tens of rows an article), so up to here every CSV still opens in one; above it a CSV would
# cost time and disk for no reader.
CSV_UP_TO = 10_000

DESCRIPTIONS = {
    "articles": "one row per article: headline, outlet, page date and estimated publication date, and why; whether "
                "it is on the story's topic (relevant) and which story it belongs to (story, copy_of)",
    "claims": "one row per claim (who claimed what number, about what, and when), however many articles repeat it",
    "figures": "every mention of a figure or claim, with its verbatim quote and its place in the article",
    "events": "every dated mention of an event, with its quote, its own date and the event's agreed date",
    "claimants": "each claimant under one canonical name, with the other names articles use",
    "quoted": "who each article quotes or cites, in the article's order",
    "renderings": "the wording of a treaty article as each article quotes it",
    "copies": "passages of an article copied from an earlier one in the collection",
    "removals": "what cleaning removed from each article (menus, tickers, related links), by rule",
    "conflicts": "dates and claims the articles disagree on, and notes on reading the input (folder entries "
                 "skipped, bad bytes replaced, numbers not read, long runs cut)",
}


def parquet_paths(name: str, n_rows: int) -> list[str]:
    """The table's Parquet parts, relative to the data folder, in row order: at least one, so an
    empty table still says what its columns are."""
    return [f"{name}/part-{i:05d}.parquet" for i in range(max(1, -(-n_rows // PART_ROWS)))]


def writes_csv(n_articles: int) -> bool:
    return n_articles <= CSV_UP_TO
