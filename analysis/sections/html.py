"""HTML pieces for the report, rendered from the Jinja2 templates in `templates/`.

Article text is untrusted, so escaping is automatic, never a call to remember. The environment
has autoescape on, and its `finalize` hook (`escaped`), which Jinja calls on every value a
template prints, escapes the value with Python's `html.escape` and marks the result `Markup`, which
autoescape then leaves alone: the report keeps the escaping it has always had (`&#x27;` and
`&quot;`, where markupsafe alone would write `&#39;` and `&#34;`). Only a `Markup` value is printed
as it is, and the one place that marks HTML as safe is `render`, whose output these templates
produced: that is how a rendered table goes inside a section (or joins another with `+`), and why
templates need no `|safe`. Templates print values, not constants or the output of filters that
escape on their own (`join`, `format`): those would be escaped before the hook sees them.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TABLE_ROWS = 60  # rows a table shows; the rest are in the data files
EMPTY = Markup()  # what a part of a section shows when it has nothing to add
TEMPLATES = Path(__file__).resolve().parent / "templates"


def escaped(value) -> Markup:
    """What a template prints: HTML that `render` made as it is, anything else as text."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value)))


ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=True, finalize=escaped, undefined=StrictUndefined,
    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, auto_reload=False,
)
ENVIRONMENT.filters["thousands"] = "{:,}".format


def render(template_name: str, **values) -> Markup:
    """A template of `templates/` filled with `values`, as HTML safe to place in another."""
    return Markup(ENVIRONMENT.get_template(template_name).render(**values))


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else str(value)


def _cell(value, anchor_prefix: str | None, title=None) -> dict:
    """A cell: its text, its tooltip, and for a column of references the (anchor, reference) of each link."""
    text = _text(value)
    links = [(anchor_prefix + ref, ref) for ref in text.split()] if anchor_prefix is not None else []
    return {"text": text, "title": _text(title), "links": links}


def table_html(df: pd.DataFrame, caption: str | None = None, max_rows: int = TABLE_ROWS,
               links: dict[str, str] | None = None, titles: dict[str, str] | None = None) -> Markup:
    """An escaped HTML table; long tables are cut with a visible count. `links` turns a
    column's values (each space-separated reference) into links to the anchor prefix; `titles`
    gives a column the tooltips held in another column (such as article ids behind article
    names), which is not shown."""
    links, titles = links or {}, titles or {}
    shown = df.head(max_rows)
    columns = [c for c in shown.columns if c not in titles.values()]
    rows = [[_cell(row[c], links.get(c), row[titles[c]] if c in titles else None) for c in columns]
            for _, row in shown.iterrows()]
    return render("table.html.j2", caption=caption, columns=columns, rows=rows, shown=max_rows, total=len(df))


def linked_refs(df: pd.DataFrame, column: str, max_rows: int = TABLE_ROWS) -> set[str]:
    """The references `table_html(df, links={column: ...}, max_rows=max_rows)` links to."""
    return {ref for cell in df[column].head(max_rows).dropna() for ref in str(cell).split()}


def quote_list(rows: pd.DataFrame) -> Markup:
    """Each quote with its anchor (`q-<ref>`) so that chart and table notes can link to it."""
    return render("quote_list.html.j2", quotes=rows[["ref", "article_id", "name", "quote"]].to_dict("records"))


def notice(text: str) -> Markup:
    return render("notice.html.j2", text=text)


def table_or_notice(df: pd.DataFrame, nothing: str, **table) -> Markup:
    """The table, or for no rows one line saying what there is none of (not bare headers)."""
    return table_html(df, **table) if len(df) else notice(nothing)
