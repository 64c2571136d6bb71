"""HTML pieces for the report. Article text is untrusted: everything from the data is
escaped here (charts are embedded by `analysis.charts`)."""

from __future__ import annotations

import html

import pandas as pd

TABLE_ROWS = 60  # rows a table shows; the rest are in the data files


def table_html(df: pd.DataFrame, caption: str | None = None, max_rows: int = TABLE_ROWS,
               links: dict[str, str] | None = None) -> str:
    """An escaped HTML table; long tables are cut with a visible count. `links` turns a
    column's values (each space-separated reference) into links to the anchor prefix."""
    links = links or {}
    shown = df.head(max_rows)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for _, row in shown.iterrows():
        cells = []
        for col, value in row.items():
            text = "" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else str(value)
            cell = html.escape(text)
            if col in links and text:
                cell = " ".join(f'<a href="#{html.escape(links[col] + t)}">{html.escape(t)}</a>' for t in text.split())
            cells.append(f"<td>{cell}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if len(df) > max_rows:
        note = f'<p class="truncated">Showing {max_rows} of {len(df):,} rows; all rows are in the data files.</p>'
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<div class="table-wrap"><table class="data">{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>{note}')


def linked_refs(df: pd.DataFrame, column: str, max_rows: int = TABLE_ROWS) -> set[str]:
    """The references `table_html(df, links={column: ...}, max_rows=max_rows)` links to."""
    return {ref for cell in df[column].head(max_rows).dropna() for ref in str(cell).split()}


def quote_list(rows: pd.DataFrame) -> str:
    """Each quote with its anchor (`q-<ref>`) so that chart and table notes can link to it."""
    items = []
    for _, r in rows.iterrows():
        items.append(
            f'<li id="q-{html.escape(r["ref"])}"><b>{html.escape(r["ref"])}</b> '
            f'<span class="article">[{html.escape(r["article_id"])}]</span> '
            f"<q>{html.escape(r['quote'])}</q></li>"
        )
    return f'<ol class="quotes">{"".join(items)}</ol>'


def notice(text: str) -> str:
    return f'<p class="notice">{html.escape(text)}</p>'
