"""Which of the dates a page gives about itself is the article's publication date, and why.

Every date the page gives is a candidate; the first in this order of trust wins:

1. front matter `published:`: a person set it, and it overrides the page.
   For a saved web page, then its metadata: JSON-LD datePublished, article:published_time (ingest.html).
2. a "Published" / "Posted" / "First published" line: the page says when it first appeared.
3. a bare date line at the top or foot of the page ("Sunday, November 24, 2024").
4. a date in the front matter url (/2024/06/20/, /20240620/, -2024-06-20-): set when the page
   was first made, to the day.
5. the dateline's date ("SEOUL, April 28 (Reuters) -", "MOSCOW, October 24. /TASS/."): the day
   the story was filed, on or before the day a page printed it (a wire story appears later,
   or in another time zone), so a date the page prints about itself comes first. The later
   of the two is also the safer anchor: "said on Thursday" read against a Wednesday would
   mean the Thursday a week before. Without a year, a dateline takes the latest year that
   puts it on or before the page's other dates; with none, the corpus decides (dataset.dating).
   For a web page, after the text's own date lines and url: the first date line printed on the page
   outside its main text, then htmldate's guess.
6. an "Updated" / "Last updated" line (for a web page, its metadata's dateModified / modified_time
   first): publication was on or before it. Kept as `updated`.

The losing candidates, with their dates, are kept in a note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from analysis.ingest.datelines import Dateline
from analysis.ingest.page_dates import DateLine, url_date

TIME_ZONE_GRACE = timedelta(days=1)  # a dateline may be a day after a page date printed in another zone
REASONS = {
    "front matter": "set by hand, it overrides the page",
    "published line": "the page says when it first appeared",
    "date line": "the date the page prints about itself",
    "url": "the day the page's address was made",
    "dateline": "the day the story was filed; the page prints no publication date of its own",
    "updated line": "only an update date is printed: published on or before it",
    "page metadata (JSON-LD datePublished)": "the web page's own metadata says when it was published",
    "page metadata (article:published_time)": "the web page's own metadata says when it was published",
    "date line printed on the page": "the first date the web page prints outside its main text",
    "htmldate": "htmldate's reading of the web page's dates (a heuristic)",
    "page metadata (JSON-LD dateModified)": "only an update date is in the page's metadata: published on or before it",
    "page metadata (article:modified_time)": "only an update date is in the page's metadata: published on or before it",
    "htmldate (latest)": "only htmldate's latest date of the page: published on or before it",
}


@dataclass(frozen=True)
class Candidate:
    """One date the page gives about itself, where it says so."""

    source: str
    day: date
    basis: str


@dataclass
class Publication:
    """The page's publication date, its source and why; `month_day` is a dateline's month
    and day whose year nothing on the page gives (the corpus decides it)."""

    day: date | None = None
    source: str | None = None
    basis: str = "no date on the page or in a dateline"
    note: str | None = None
    updated: date | None = None
    month_day: tuple[int, int] | None = None


def page_candidates(lines: list[tuple[str, DateLine]], url: str | None) -> list[Candidate]:
    """The dates the page prints about itself, and its url's, in order of trust."""
    found = [Candidate("published line", line.published, f"'published' line on the page: {text!r}")
             for text, line in lines if line.published]
    found += [Candidate("date line", line.plain, f"date line on the page: {text!r}") for text, line in lines if line.plain]
    if url_date(url):
        found.append(Candidate("url", url_date(url), f"date in the url {url!r}"))
    return found


def _dateline_candidate(dateline: Dateline, others: list[Candidate]) -> tuple[Candidate | None, str | None]:
    """The dateline's full date, its year printed or taken from the page's other dates; or why not."""
    if dateline.year:
        try:
            day = date(dateline.year, dateline.month, dateline.day)
        except ValueError:
            return None, f"dateline {dateline.text!r} is not a calendar day"
        return Candidate("dateline", day, f"dateline {dateline.text!r}"), None
    if not others:
        return None, None
    bound = min(others, key=lambda c: c.day)
    for year in (bound.day.year, bound.day.year - 1):
        try:
            day = date(year, dateline.month, dateline.day)
        except ValueError:  # 29 February in a common year
            continue
        if day <= bound.day + TIME_ZONE_GRACE:
            basis = f"dateline {dateline.text!r}, year {year} from the {bound.source} ({bound.day})"
            return Candidate("dateline", day, basis), None
    return None, f"dateline {dateline.text!r} fits no year of the page's dates"


def _note(winner: Candidate, rest: list[Candidate], set_aside: str | None) -> str | None:
    if not rest and not set_aside:
        return None
    parts = [f"{winner.source} {winner.day} chosen"]
    if rest:
        others = ", ".join(f"{c.source} {c.day}" + (" (same day)" if c.day == winner.day else "") for c in rest)
        parts[0] += f" over {others}"
    parts[0] += f": {REASONS[winner.source]}"
    if set_aside:
        parts.append(set_aside)
    return "; ".join(parts)


def choose_publication(front: date | None, lines: list[tuple[str, DateLine]], dateline: Dateline | None,
                       url: str | None, web: tuple[list[Candidate], list[Candidate]] = ([], [])) -> Publication:
    """The publication date from the page's own dates, by the order of trust above; `web` holds a
    web page's published and updated dates from its markup (ingest.html), each in order of trust."""
    web_published, web_updated = web
    metadata = [c for c in web_published if c.source.startswith("page metadata")]
    printed = metadata + page_candidates(lines, url) + [c for c in web_published if c not in metadata]
    updates = web_updated + [Candidate("updated line", line.updated, f"'updated' line on the page: {text!r} (published on or before it)")
               for text, line in lines if line.updated]
    candidates = ([Candidate("front matter", front, "front matter 'published'")] if front else []) + printed
    set_aside = None
    if dateline and dateline.dated:
        found, set_aside = _dateline_candidate(dateline, printed + updates)
        candidates += [found] if found else []
    candidates += updates
    if not candidates:
        year_left = dateline and dateline.dated and not dateline.year
        return Publication(month_day=(dateline.month, dateline.day) if year_left else None)
    winner, rest = candidates[0], candidates[1:]
    updated = updates[0].day if updates else None
    return Publication(winner.day, winner.source, winner.basis, _note(winner, rest, set_aside), updated)
