"""What every chart shares: matplotlib set up for stable SVG, type sizes that stay legible as
rendered, the two figure widths, colours fixed per claimant, and the date axis.

Sizes are in points. An SVG figure shows at its natural width (width in pt x 4/3 px) unless the
page is narrower, so the wide figure (720 pt = 960 px) fits the ~1,050 px column unscaled and the
narrow one (262 pt = 350 px) fits a 390 px phone; 9 pt text then renders at 12 px."""

from __future__ import annotations

import textwrap

import matplotlib
import matplotlib.dates as mdates
import pandas as pd

matplotlib.use("Agg")

FONT = 9.0  # every label, tick and legend entry, in points (12 px as rendered)
TITLE = 11.0
WIDE_WIDTH, NARROW_WIDTH = 10.0, 3.64  # inches: 960 px and 350 px natural width
TEXT = "#222222"
GRID = "#dddddd"

matplotlib.rcParams.update({
    "svg.hashsalt": "nk-russia-treaty-report",  # stable ids in SVG output
    "svg.fonttype": "none",  # text stays text: searchable and smaller
    "font.size": FONT, "axes.titlesize": TITLE, "axes.labelsize": FONT, "xtick.labelsize": FONT,
    "ytick.labelsize": FONT, "legend.fontsize": FONT, "figure.titlesize": TITLE, "legend.title_fontsize": FONT,
    "axes.spines.top": False, "axes.spines.right": False, "text.color": TEXT, "axes.labelcolor": TEXT,
})

# Okabe-Ito, distinguishable with the common forms of colour blindness; its yellow is left out
# (too faint on white for thin marks), so seven colours remain.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"]
OTHER = "#8c8c8c"  # every claimant beyond the first seven
UNATTRIBUTED = "#adadad"  # a claim nobody is named for
UNATTRIBUTED_NAME = "unattributed"


def claimant_colours(claimants: pd.DataFrame) -> dict[str, str]:
    """A colour per claimant of the (unfiltered) claimants table: the seven who make the most
    claims get the palette in that order (ties by name), the rest one grey. The same dataset
    gives the same colours in every build and under every filter, and a filtered claims table
    cannot shift them because they are never computed from it."""
    ranked = claimants.sort_values(["n_figures", "claimant"], ascending=[False, True])["claimant"]
    colours = {name: PALETTE[i] if i < len(PALETTE) else OTHER for i, name in enumerate(ranked)}
    colours[UNATTRIBUTED_NAME] = UNATTRIBUTED
    return colours


def colour_of(colours: dict[str, str], claimant) -> str:
    return colours.get(claimant if isinstance(claimant, str) else UNATTRIBUTED_NAME, OTHER)


def claimant_name(claimant) -> str:
    return claimant if isinstance(claimant, str) else UNATTRIBUTED_NAME


def width(narrow: bool) -> float:
    return NARROW_WIDTH if narrow else WIDE_WIDTH


def wrap(text: str, chars: int) -> str:
    """A label broken into lines of at most `chars` characters (a long word stays whole)."""
    return "\n".join(textwrap.wrap(text, max(chars, 8), break_long_words=False)) or text


def chars_for(points: float, size: float = FONT) -> int:
    """About how many characters of text at `size` fit in `points` (DejaVu Sans averages ~0.58 em)."""
    return int(points / (0.58 * size))


def date_limits(ax, dates: pd.Series, pad_days: int = 4) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x range: every date with a margin, at least two weeks wide so a single day stays centred."""
    dates = pd.to_datetime(pd.Series(dates)).dropna()
    low, high = dates.min(), dates.max()
    span = max((high - low).days, 14)
    margin = pd.Timedelta(days=max(pad_days, round(span * 0.06)))
    middle = low + (high - low) / 2
    low, high = min(low, middle - pd.Timedelta(days=7)) - margin, max(high, middle + pd.Timedelta(days=7)) + margin
    ax.set_xlim(low, high)
    return low, high


def date_axis(ax, narrow: bool, label: str | None = None) -> None:
    """Dates as '8 Oct', a month's first day as 'Oct 2024' (the year written where it turns);
    fewer ticks on a phone."""
    locator = mdates.AutoDateLocator(minticks=2 if narrow else 4, maxticks=4 if narrow else 9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
        locator, formats=["%Y", "%b %Y", "%-d %b", "%H:%M", "%H:%M", "%S"],
        zero_formats=["", "%Y", "%b %Y", "%-d %b", "%H:%M", "%H:%M"], show_offset=False))
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    if label:
        ax.set_xlabel(label)
