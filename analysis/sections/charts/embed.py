"""A chart in the page: both renderings (wide and narrow) as data URIs in a <picture>, so a
phone gets the narrow one, with alt text, a caption and the source note."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import matplotlib.pyplot as plt
from markupsafe import Markup

from analysis.sections.charts import style  # noqa: F401  (the Agg backend and SVG settings)
from analysis.sections.html import render

MIME = {"svg": "image/svg+xml", "png": "image/png"}
PNG_DPI = 144  # one and a half image pixels per CSS pixel: sharp on most screens, a third of the work of two
CSS_PX_PER_INCH = 96


def figure_bytes(fig, fmt: str) -> bytes:
    """The chart as SVG or PNG at exactly its figure size (no tight bounding box, which grows a
    figure past its size), without the timestamps that make builds differ."""
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    fig.savefig(buffer, format=fmt, metadata=metadata, dpi=PNG_DPI)
    return buffer.getvalue()


def _rendering(draw: Callable, narrow: bool, fmt: str) -> dict:
    fig = draw(narrow)
    w, h = fig.get_size_inches()
    try:
        data = base64.b64encode(figure_bytes(fig, fmt)).decode("ascii")
    finally:
        plt.close(fig)
    return {"data": data, "width": round(w * CSS_PX_PER_INCH), "height": round(h * CSS_PX_PER_INCH)}


def figure_html(draw: Callable, fmt: str, alt: str, caption: str, source: str, refs: Markup) -> Markup:
    """The chart `draw(narrow)` as an embedded image in both renderings; the caption ends with
    its source, named by `source` and linked by `refs` (see `common.ref_links`)."""
    return render("figure.html.j2", mime=MIME[fmt], wide=_rendering(draw, False, fmt),
                  narrow=_rendering(draw, True, fmt), alt=alt, caption=caption, source=source, refs=refs)
