"""Score the date finder on TimeML documents as TempEval-3 scores DATE timexes.

Each .tml file's creation time (the TIMEX3 with functionInDocument="CREATION_TIME") is the
anchor; the text is <TEXT> with its tags stripped, and the gold DATE timexes are spans of it.
A found date matches a gold one when the spans overlap (relaxed) or are equal (strict); one
that overlaps only a gold TIME, DURATION or SET timex is neutral (neither right nor wrong:
TempEval-3 ignores the type for spans, and this finder looks for dates only). Value F1 is
TempEval-3's attribute F1: a found date counts when it matches a gold date and has its value.
The files are split by sorted name: even indexes tune, odd indexes check."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from analysis.common.errors import InputError
from analysis.extract.date_text import DatedMention, dated_mentions
from analysis.extract.date_values import timeml_value, unit_of


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimemlDoc:
    name: str
    text: str
    anchor: date
    timexes: tuple[Timex, ...]


_TOKEN = re.compile(r"<(/?)(\w+)([^>]*)>|&#?\w+;|[^<&]+|[<&]")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> TimemlDoc:
    source = Path(path).read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', source)
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    if not dct or not body:
        raise InputError(f"{path}: no creation time or no <TEXT>.")
    anchor = date.fromisoformat(dict(_ATTR.findall(dct.group(0)))["value"][:10])
    text, timexes, open_timex = [], [], None
    length = 0
    for m in _TOKEN.finditer(body.group(1)):
        if m.group(2) == "TIMEX3":
            if m.group(1):
                attrs, start = open_timex
                timexes.append(Timex(start, length, "".join(text)[start:length], attrs.get("type", ""),
                                     attrs.get("value", "")))
                open_timex = None
            else:
                open_timex = (dict(_ATTR.findall(m.group(3))), length)
        elif m.group(2) is None:
            piece = html.unescape(m.group(0))
            text.append(piece)
            length += len(piece)
    return TimemlDoc(Path(path).stem, "".join(text), anchor, tuple(timexes))


def split(directory: Path) -> dict[str, list[Path]]:
    paths = sorted(Path(directory).rglob("*.tml"), key=lambda p: p.name)
    if not paths:
        raise InputError(f"{directory}: no .tml files.")
    return {"tuning": paths[0::2], "check": paths[1::2], "all": paths}


@dataclass
class Tally:
    gold: int = 0
    found: int = 0  # found dates, less the neutral ones
    relaxed: int = 0  # gold dates overlapped by a found date
    found_relaxed: int = 0  # found dates overlapping a gold date
    strict: int = 0
    value: int = 0
    misses: list[str] | None = None

    @staticmethod
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float]:
        p, r = self.found_relaxed / max(self.found, 1), self.relaxed / max(self.gold, 1)
        sp, sr = self.strict / max(self.found, 1), self.strict / max(self.gold, 1)
        vp, vr = self.value / max(self.found, 1), self.value / max(self.gold, 1)
        return {"P": p, "R": r, "F1": self.f1(p, r), "strict P": sp, "strict R": sr, "strict F1": self.f1(sp, sr),
                "value F1": self.f1(vp, vr), "value acc": self.value / max(self.relaxed, 1)}


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def score_doc(doc: TimemlDoc, tally: Tally, finder: Callable[[str, date], list[DatedMention]]) -> None:
    found = finder(doc.text, doc.anchor)
    gold = [t for t in doc.timexes if t.type == "DATE"]
    other = [t for t in doc.timexes if t.type != "DATE"]
    tally.gold += len(gold)
    used: set[int] = set()
    for f in found:
        hits = [i for i, g in enumerate(gold) if _overlap(f, g)]
        if not hits:
            if not any(_overlap(f, t) for t in other):
                tally.found += 1
                if tally.misses is not None:
                    tally.misses.append(f"{doc.name}: extra {f.text!r} -> {timeml_value(f.ref)}")
            continue
        tally.found += 1
        tally.found_relaxed += 1
        free = [i for i in hits if i not in used]
        if not free:
            continue
        i = free[0]
        used.add(i)
        g, value = gold[i], timeml_value(f.ref)
        tally.relaxed += 1
        tally.strict += (f.start, f.end) == (g.start, g.end)
        tally.value += value == g.value
        if tally.misses is not None and value != g.value:
            tally.misses.append(f"{doc.name}: {f.text!r} -> {value} vs gold {g.text!r} {g.value} (dct {doc.anchor})")
    if tally.misses is not None:
        tally.misses += [f"{doc.name}: missed {g.text!r} {g.value}" for i, g in enumerate(gold)
                         if i not in used and not any(_overlap(f, g) for f in found)]


def score(paths: list[Path], finder=dated_mentions, misses: bool = False) -> Tally:
    tally = Tally(misses=[] if misses else None)
    for path in paths:
        score_doc(read_tml(path), tally, finder)
    return tally


def format_table(tallies: dict[str, Tally]) -> str:
    columns = list(Tally().row())
    lines = [f"{'TimeML DATE':<14}{'docs':>6}{'gold':>6}" + "".join(f"{c:>11}" for c in columns)]
    for name, (docs, tally) in tallies.items():
        row = tally.row()
        lines.append(f"{name:<14}{docs:>6}{tally.gold:>6}" + "".join(f"{row[c]:>11.3f}" for c in columns))
    return "\n".join(lines)


def evaluate_timeml(directory: Path, show_misses: bool = False) -> str:
    """The score table of the tuning half, the check half and all; the tuning half's misses if asked."""
    halves = split(directory)
    tallies = {name: (len(paths), score(paths, misses=show_misses and name == "tuning"))
               for name, paths in halves.items()}
    out = format_table(tallies)
    if show_misses:
        out += "\n\nmisses (tuning half):\n" + "\n".join(f"  - {m}" for m in tallies["tuning"][1].misses)
    return out


def dates_json(path: Path, anchor: date) -> str:
    """One file's dates as a JSON line: character offsets into its text, window and unit."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    dates = [{"start": m.start, "end": m.end, "text": m.text, "date_start": m.ref.start.isoformat(),
              "date_end": m.ref.end.isoformat(), "precision": unit_of(m.ref), "value": timeml_value(m.ref)}
             for m in dated_mentions(text, anchor)]
    return json.dumps({"doc": Path(path).stem, "dates": dates}, ensure_ascii=False)
