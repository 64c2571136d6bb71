"""How a claim is drawn on a time axis, shared by the claims and casualties charts, and labels
set next to their marks without overlapping.

A claim said on a known day is a filled mark on that day; one known only to a window (`said_start`
to `said_end`: "last week") is a bar over the window with the mark at its middle; an undated one is
a hollow mark on the latest day it can have been said (its first report, or the end of a window only
a rule bounds, such as "recently") with a short arrow to the left: said by then. A
range of numbers (value to value_max) is a vertical bar."""

from __future__ import annotations

from dataclasses import dataclass, replace

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D

from analysis.sections.charts.style import FONT, TEXT, chars_for, wrap
from analysis.sections.words import is_bounded

MARK_SIZE = 8.0
GAP = 6.0  # points between a mark and its label
LINE = FONT * 1.25  # points per line of label text


@dataclass(frozen=True)
class When:
    """Where a claim sits on the time axis: `x` its mark, `left`..`right` what it covers."""

    x: pd.Timestamp
    left: pd.Timestamp
    right: pd.Timestamp
    kind: str  # "day", "window" or "undated"


def when(claim) -> When:
    """A day; a window the articles give (a week, a calendar month); or, for an undated claim or
    one whose window only a rule bounds ("recently"), its latest day: said by then."""
    start, end = claim["said_start"], claim["said_end"]
    if pd.isna(start):
        by = claim["first_published"] if pd.isna(end) else end
        return When(by, by, by, "undated")
    end = start if pd.isna(end) else end
    if claim["said_precision"] == "day" or end == start:
        return When(start, start, start, "day")
    if not is_bounded(start, end):
        return When(end, end, end, "undated")
    return When(start + (end - start) / 2, start, end, "window")


def draw_claim(ax, at: When, y: float, colour: str, marker: str = "o", arrow: pd.Timedelta | None = None,
               top: float | None = None) -> None:
    """One claim's marks at height `y` (and up to `top` for a range)."""
    if at.kind == "window":
        ax.plot([at.left, at.right], [y, y], color=colour, linewidth=5, alpha=0.45, solid_capstyle="butt", zorder=2)
        ax.plot([at.left, at.right], [y, y], linestyle="none", marker="|", markersize=9, color=colour, zorder=2)
    if top is not None and top > y:
        ax.vlines(at.x, y, top, color=colour, linewidth=6, alpha=0.45, zorder=2)
    hollow = at.kind == "undated"
    if hollow and arrow is not None:
        ax.annotate("", xy=(at.x - arrow, y), xytext=(at.x, y),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.4, "shrinkB": 0, "shrinkA": 4})
    ax.plot(at.x, y, marker, markersize=MARK_SIZE, color=colour, markerfacecolor="white" if hollow else colour,
            markeredgewidth=1.6, linestyle="none", zorder=3)


def labelled_span(at: When, arrow: pd.Timedelta) -> When:
    """What a label must keep clear of: the mark, and an undated mark's arrow."""
    return replace(at, left=at.x - arrow) if at.kind == "undated" else at


def key_handles(colour: str = "#555555", marker: str = "o") -> list:
    """Legend keys for the ways a claim's date is drawn."""
    return [
        Line2D([], [], marker=marker, color=colour, linestyle="none", markersize=MARK_SIZE,
               label="said on that day (filled)"),
        Line2D([], [], marker=marker, color=colour, linewidth=5, alpha=0.6, markersize=MARK_SIZE,
               label="said within a window (bar)"),
        Line2D([], [], marker=marker, color=colour, markerfacecolor="white", linestyle="none", markersize=MARK_SIZE,
               markeredgewidth=1.6, label="said by that day, date vague or not given (hollow, ←)"),
    ]


def label_after_layout(fig, ax, labels: list[tuple[When, float, str]]) -> None:
    """Lay the figure out, set the labels where they fit, and keep that layout: the labels sit
    inside the axes, so laying it out again when the figure is saved would only cost time."""
    fig.draw_without_rendering()
    place_labels(ax, labels)
    fig.set_layout_engine("none")


def place_labels(ax, labels: list[tuple[When, float, str]]) -> None:
    """Each label beside its mark: to the right where it fits on one line, else to the left, else
    above the mark, wrapped to the axes; a label that would overlap one already placed moves up
    (or down, near the top). Call after the layout is settled (`fig.draw_without_rendering()`)."""
    to_pt = 72 / ax.figure.dpi
    box = ax.get_window_extent()
    x_min, x_max, limits = box.x0 * to_pt + 2, box.x1 * to_pt - 2, (box.y0 * to_pt, box.y1 * to_pt)
    placed: list[tuple[float, float, float, float]] = []
    for at, y_data, text in sorted(labels, key=lambda item: (item[1], item[0].x)):
        (left, _), (mark, _), (right, y_mark) = ax.transData.transform(
            [(mx(at.left), y_data), (mx(at.x), y_data), (mx(at.right), y_data)]) * to_pt
        one_line = len(text) * 0.58 * FONT
        if right + GAP + one_line <= x_max:  # (text, its left edge, the date it hangs from, how it aligns, rise)
            shown, x0, anchor, ha, dy = text, right + GAP, at.right, "left", 0.0
        elif left - GAP - one_line >= x_min:
            shown, x0, anchor, ha, dy = text, left - GAP - one_line, at.left, "right", 0.0
        else:
            shown = wrap(text, chars_for(x_max - x_min))
            x0 = min(max(mark - text_width(shown) / 2, x_min), x_max - text_width(shown))
            anchor, ha, dy = at.x, "center", (shown.count("\n") + 1) * LINE / 2 + GAP
        width, height = text_width(shown), (shown.count("\n") + 1) * LINE
        y = _free_height(placed, x0, x0 + width, max(y_mark + dy, limits[0] + height / 2), height, limits[1])
        placed.append((x0, x0 + width, y - height / 2, y + height / 2))
        x_anchor = ax.transData.transform((mx(anchor), y_data))[0] * to_pt
        dx = {"left": x0, "right": x0 + width, "center": x0 + width / 2}[ha] - x_anchor
        ax.annotate(shown, xy=(mx(anchor), y_data), xytext=(dx, y - y_mark), textcoords="offset points", ha=ha,
                    va="center", fontsize=FONT, color=TEXT, zorder=5, annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.6, "shrinkA": 0, "shrinkB": 5}
                    if abs(y - y_mark - dy) > LINE * 0.6 else None)


def text_width(text: str) -> float:
    return max(map(len, text.split("\n"))) * 0.58 * FONT


def _free_height(placed, x0, x1, y, height, top_limit) -> float:
    """The nearest height to `y` where a label of `height` overlaps none placed beside it."""
    for direction in (1, -1):
        candidate = y
        for _ in range(len(placed) + 1):
            clash = [p for p in placed if p[0] < x1 and x0 < p[1] and p[2] < candidate + height / 2
                     and candidate - height / 2 < p[3]]
            if not clash:
                break
            candidate = (max(p[3] for p in clash) + height / 2 + 1 if direction > 0
                         else min(p[2] for p in clash) - height / 2 - 1)
        if not clash and (direction < 0 or candidate + height / 2 <= top_limit):
            return candidate
    return y


def mx(value: pd.Timestamp) -> float:
    """A date as matplotlib's axis number, for the transforms."""
    return mdates.date2num(pd.Timestamp(value))
