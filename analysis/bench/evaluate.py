"""Grade automatic extraction against a gold file (the format of shared/dev-articles/gold.yaml).

Only what extraction produced is graded: the folder's own annotations, if any, are ignored.
A figure is found when the same article yields the same value (and range end); its claimant is
right when the names match fuzzily (spellings such as Zelenskiy/Zelenskyy differ); a date is
right when it equals the gold date or lies inside the gold window (a day inside a gold month).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import yaml
from rapidfuzz import fuzz

from analysis.common.errors import InputError
from analysis.dataset.build import build_dataset
from analysis.extract.date_windows import DateRef
from analysis.ingest.folder import ANNOTATIONS_FILE

PEOPLE_CATEGORIES = ("troops", "casualties")


@dataclass
class Score:
    name: str
    correct: int
    total: int
    misses: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else float("nan")


def gold_window(value) -> DateRef | None:
    """A gold date ('2024-10-18', '2024-10', '2024', 'START/END') as a window."""
    if value is None:
        return None
    text = str(value)
    if "/" in text:
        start, end = (date.fromisoformat(part) for part in text.split("/"))
    elif re.fullmatch(r"\d{4}", text):
        start, end = date(int(text), 1, 1), date(int(text), 12, 31)
    elif re.fullmatch(r"\d{4}-\d{2}", text):
        start = date.fromisoformat(f"{text}-01")
        end = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
    else:
        start = end = date.fromisoformat(text)
    return DateRef(start, end, text, None, "gold")


def date_matches(predicted_start, predicted_end, gold) -> bool:
    window = gold_window(gold)
    if window is None:
        return pd.isna(predicted_start)
    if pd.isna(predicted_start):
        return False
    return window.start <= pd.Timestamp(predicted_start).date() and pd.Timestamp(predicted_end).date() <= window.end


RELAYED = re.compile(r"\((?:citing|quoting|via|as\s|told|according)[^)]*\)", re.I)


def _speaker(text: str) -> str:
    """A gold claimant without the source it cites ("X, citing Y" and "X (via Y)" -> "X")."""
    return re.split(r",?\s+(?:citing|quoting)\s", re.sub(RELAYED, " ", text))[0]


def _name(text) -> str:
    """A claimant without parenthetical notes, a cited source (", citing Y") and generic titles,
    for fuzzy comparison."""
    text = _speaker(re.sub(r"\(.*?\)", " ", str(text or ""))).lower()
    return re.sub(r"\b(the|president|minister|spokesman|secretary general)\b", " ", text).strip()


def _acronyms(text) -> set[str]:
    """The acronyms a name is known by: those written in it ("NIS", "(HUR)") and the initials of
    its last run of capitalised words ("South Korea's National Intelligence Service" -> "nis")."""
    text = _speaker(str(text or ""))
    written = {w.lower() for w in re.findall(r"\b[A-Z]{2,6}\b", text)}
    runs = re.findall(r"(?:\b[A-Z][a-z]+\b(?![’']s)\s*){2,}", re.sub(r"\(.*?\)", " ", text))
    capitals = [w[0] for w in runs[-1].split() if w != "The"] if runs else []
    return written | ({"".join(capitals).lower()} if len(capitals) > 1 else set())


GOLD_SUBJECTS = (  # the gold file describes what a number counts in words; its class, first match wins
    ("casualties", r"killed or wounded|killed and wounded|casualt"),
    ("killed", r"\bkilled\b|\bdead\b|\bdied\b"),
    ("wounded", r"\bwounded\b|\binjured\b"),
    ("captured", r"\bcaptured\b|\bprisoners?\b"),
    ("missing", r"\bmissing\b"),
    ("deployed", r"\b(troops|soldiers|forces|military|personnel|servicemen)\b"),
    ("other", r"\bworkers\b|\bships?\b|\bvessels\b"),
)


def gold_subject(text) -> str:
    """The subject class of a gold figure's free-text subject; troops by default ("deployed")."""
    return next((name for name, pattern in GOLD_SUBJECTS if re.search(pattern, str(text or ""), re.I)), "deployed")


def _names(text: str) -> list[str]:
    """A claimant and, for "Org (Person)" or "Person (Org)", the one in brackets too: gold writers
    name a spokesperson's claim either way. A bracket that relays ("citing ...", "via ...") is
    no other name for the claimant."""
    inner = re.fullmatch(r"(.*?)\s*\((.*)\)\s*", text)
    return [text] + ([inner.group(2)] if inner and not RELAYED.fullmatch(f"({inner.group(2)})") else [])


def claimant_matches(predicted, gold) -> bool:
    if not isinstance(predicted, str) or not gold:
        return False
    return any(_same_claimant(p, g) for p in _names(predicted) for g in _names(str(gold)))


def _same_claimant(predicted: str, gold: str) -> bool:
    a, b = _name(predicted), _name(gold)
    if _acronyms(predicted) & _acronyms(gold):  # "NIS" is "South Korea's National Intelligence Service"
        return True
    return bool(a and b) and fuzz.partial_ratio(a, b) >= 80


def evaluate(gold_path: Path) -> tuple[list[Score], pd.DataFrame]:
    gold_path = Path(gold_path)
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{gold_path}: cannot read gold file: {exc}") from exc
    entries = gold.get("articles") if isinstance(gold, dict) else None
    if not entries:
        raise InputError(f"{gold_path}: expected an 'articles' list.")
    with tempfile.TemporaryDirectory() as tmp:
        for entry in entries:
            source = gold_path.parent / entry["file"]
            if not source.exists():
                raise InputError(f"{gold_path}: article file {entry['file']} not found.")
            shutil.copy(source, Path(tmp) / source.name)
        if (Path(tmp) / ANNOTATIONS_FILE).exists():
            raise InputError(f"{gold_path}: an article is named {ANNOTATIONS_FILE}.")
        ds = build_dataset(Path(tmp))
    figures = ds.figures[ds.figures["category"].isin(PEOPLE_CATEGORIES) & ds.figures["value"].notna()]
    events, articles = ds.events, ds.articles.set_index("id")

    found, claimants, subjects, claim_dates, event_dates, article_dates = (
        Score("figures recall", 0, 0), Score("claimant accuracy", 0, 0), Score("subject accuracy", 0, 0),
        Score("claim date accuracy", 0, 0), Score("event date accuracy", 0, 0), Score("article date accuracy", 0, 0))
    predicted_keys, matched_keys = set(), set()
    for entry in entries:
        aid = Path(entry["file"]).stem
        mine = figures[figures["article_id"] == aid]
        predicted_keys |= {(aid, int(v), None if pd.isna(m) else int(m)) for v, m in zip(mine["value"], mine["value_max"])}
        for g in entry.get("figures") or []:
            key = (aid, int(g["value"]), g.get("value_max"))
            found.total += 1
            rows = mine[(mine["value"] == key[1]) & (mine["value_max"].fillna(-1) == (key[2] if key[2] else -1))]
            if rows.empty:
                found.misses.append(f"{aid}: figure {key[1]:,} ({g['claimant']}) not found")
                continue
            found.correct += 1
            matched_keys.add(key)
            claimants.total += 1
            if any(claimant_matches(c, g["claimant"]) for c in rows["claimant"]):
                claimants.correct += 1
            else:
                claimants.misses.append(f"{aid}: {key[1]:,} claimant {list(rows['claimant'])} vs gold {g['claimant']!r}")
            subjects.total += 1
            if gold_subject(g.get("subject")) in set(rows["subject"]):
                subjects.correct += 1
            else:
                subjects.misses.append(f"{aid}: {key[1]:,} subject {list(rows['subject'])} vs gold "
                                       f"{gold_subject(g.get('subject'))} ({g.get('subject')!r})")
            claim_dates.total += 1
            if any(date_matches(s, e, g.get("claim_date")) for s, e in zip(rows["claim_date_start"], rows["claim_date_end"])):
                claim_dates.correct += 1
            else:
                claim_dates.misses.append(f"{aid}: {key[1]:,} claim date {list(rows['claim_date'])} vs gold {g.get('claim_date')}")
        body = ds.corpus[aid].body
        for g in entry.get("events") or []:
            event_dates.total += 1
            start = body.find(g["quote"])
            rows = events[(events["article_id"] == aid) & (events["span_start"] < start + len(g["quote"]))
                          & (events["span_end"] > start)] if start >= 0 else events.iloc[0:0]
            if any(date_matches(s, e, g["date"]) for s, e in zip(rows["mention_date_start"], rows["mention_date_end"])):
                event_dates.correct += 1
            else:
                event_dates.misses.append(f"{aid}: {g['date_phrase']!r} -> {list(rows['mention_date'])} vs gold {g['date']}")
        article_dates.total += 1
        published = articles.loc[aid, "published"]
        if entry.get("publication_date") is None and pd.isna(published) or (
                not pd.isna(published) and str(published.date()) == str(entry.get("publication_date"))):
            article_dates.correct += 1
        else:
            article_dates.misses.append(f"{aid}: published {published} vs gold {entry.get('publication_date')}")
    precision = Score("figures precision", len(predicted_keys & matched_keys), len(predicted_keys),
                      [f"{a}: {v:,} extracted but not in gold" for a, v, _ in sorted(predicted_keys - matched_keys)])
    return [precision, found, claimants, subjects, claim_dates, event_dates, article_dates], ds.figures


def format_scores(scores: list[Score]) -> str:
    lines = [f"{'measure':<24}{'score':>8}{'correct':>10}{'of':>6}"]
    lines += [f"{s.name:<24}{s.value:>8.2f}{s.correct:>10}{s.total:>6}" for s in scores]
    misses = [m for s in scores for m in s.misses]
    if misses:
        lines += ["", "misses:"] + [f"  - {m}" for m in misses]
    return "\n".join(lines)
