"""The report's opening: two to four sentences, computed from the data, that tell the arc of the
reporting: what the articles span, the first troop figure, how the figures grew to the latest,
and who denied or would not confirm. Every figure links to the quote it rests on."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.sections.html import render
from analysis.sections.words import day, plural, when, window

# The treaty's milestones (event kinds of analysis.extract.events), as the lede names them.
MILESTONES = {"treaty-signing": "its signing", "text-published": "the publication of its text",
              "submission-for-ratification": "its submission for ratification", "ratification": "its ratification",
              "lower-house-ratification": "ratification by the lower house",
              "upper-house-ratification": "ratification by the upper house",
              "signed-into-law": "the decree signing it into law", "entry-into-force": "its entry into force"}
DEPLOYED = "troops"  # the category of deployment figures
GROWTH_CLAUSES = 3  # claimants named in turn as the figures grew; earlier rises are counted

Sentence = list[tuple[str, str | None]]  # pieces of text, each with the quote reference it links to


def _number(claim) -> str:
    top = f"–{int(claim['value_max']):,}" if pd.notna(claim["value_max"]) else ""
    return f"{int(claim['value']):,}{top}"


def _who(claimant) -> str:
    return "an unnamed source" if pd.isna(claimant) else str(claimant)


def _first_ref(claim) -> str:
    return str(claim["refs"]).split()[0]


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def span_sentence(articles: pd.DataFrame, events: pd.DataFrame) -> Sentence:
    """What the collection spans: its articles' dates, and the treaty milestones they date."""
    dated = articles["published"].dropna()
    opening = f"{plural(len(articles), 'article')}"
    if len(dated):
        opening += f" published between {day(dated.min())} and {day(dated.max())}" if dated.min() != dated.max() \
            else f" published on {day(dated.min())}"
    milestones = (events[events["kind"].isin(list(MILESTONES)) & events["date_start"].notna()]
                  .sort_values(["date_start", "ref"]).drop_duplicates("kind"))
    if milestones.empty:
        return [(opening + (" makes" if len(articles) == 1 else " make") + " up this report.", None)]
    first, last = milestones.iloc[0], milestones.iloc[-1]
    pieces: Sentence = [(f"{opening} {'follows' if len(articles) == 1 else 'follow'} the treaty from {MILESTONES[first['kind']]} (", None),
                        (window(first["date_start"], first["date_end"]), first["ref"])]
    if len(milestones) > 1:
        pieces += [(f") to {MILESTONES[last['kind']]} (", None), (window(last["date_start"], last["date_end"]), last["ref"])]
    return pieces + [(").", None)]


def figure_sentences(claims: pd.DataFrame) -> list[Sentence]:
    """The first troop figure, then each figure that topped the ones before it, up to the latest."""
    numbers = claims[(claims["category"] == DEPLOYED) & (claims["stance"] == "asserts") & claims["value"].notna()]
    if numbers.empty:
        return []
    first = numbers.iloc[0]  # claims come in order of when they were said
    out: list[Sentence] = [[(f"The first figure for North Korean troops in Russia came from {_who(first['claimant'])}: ",
                             None), (_number(first), _first_ref(first)),
                            (f", said {when(first['said_start'], first['said_end'], first['said_phrase'])}.", None)]]
    higher, top = [], first["value"]
    for _, claim in numbers.iloc[1:].iterrows():
        if claim["value"] > top:
            higher.append(claim)
            top = claim["value"]
    latest = numbers.iloc[-1]
    if higher:
        last = ", the latest figure." if latest["claim_id"] == higher[-1]["claim_id"] else "."
        out.append(growth(higher) + [(last, None)])
    if latest["claim_id"] != first["claim_id"] and (not higher or latest["claim_id"] != higher[-1]["claim_id"]):
        out.append([("The latest figure is ", None), (_number(latest), _first_ref(latest)),
                    (f", from {_who(latest['claimant'])}, said {when(latest['said_start'], latest['said_end'])}.", None)])
    return out


def growth(higher: list) -> Sentence:
    """ "X then put it at 3,000 (in Feb 2025); then Y put it at 5,000 and 6,000 (on 1 Mar 2025)":
    one clause per claimant in turn, with its numbers; beyond GROWTH_CLAUSES, only the last ones,
    after a count of the rises before them."""
    clauses: list[list] = []
    for claim in higher:
        if clauses and _who(clauses[-1][0]["claimant"]) == _who(claim["claimant"]):
            clauses[-1].append(claim)
        else:
            clauses.append([claim])
    skipped = sum(map(len, clauses[:-GROWTH_CLAUSES]))
    sentence: Sentence = [(f"After {plural(skipped, 'higher figure')}, " if skipped else "", None)]
    for i, clause in enumerate(clauses[-GROWTH_CLAUSES:]):
        sentence.append((("; then " if i else "") + f"{_who(clause[0]['claimant'])} {'' if i else 'then '}put it at ",
                         None))
        for k, claim in enumerate(clause):
            sentence += [(", " if 0 < k < len(clause) - 1 else " and " if k else "", None),
                         (_number(claim), _first_ref(claim))]
        sentence.append((f" ({when(clause[-1]['said_start'], clause[-1]['said_end'])})", None))
    return sentence if skipped else sentence[1:]


def denial_sentence(claims: pd.DataFrame) -> Sentence:
    """Who denied the deployment, and who would not confirm it."""
    said = []
    for stance, verb in (("denies", "denied"), ("declines to confirm", "declined to confirm")):
        who = claims[(claims["category"] == DEPLOYED) & (claims["stance"] == stance)]
        names = list(dict.fromkeys(_who(c) for c in who["claimant"]))
        if names:
            said.append(f"{_names(names)} {verb} {'them' if said else 'the reports'}")
    text = ", and ".join(said)
    return [(text[0].upper() + text[1:] + ".", None)] if said else []


def lede_sentences(claims: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame) -> list[Sentence]:
    """At most four sentences: the span of the collection gives way when the figures need the room."""
    story = [s for s in (*figure_sentences(claims), denial_sentence(claims)) if s]
    return story if len(story) >= 4 else [span_sentence(articles, events), *story]


def lede_html(claims: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame) -> Markup:
    return render("lede.html.j2", sentences=lede_sentences(claims, events, articles))
