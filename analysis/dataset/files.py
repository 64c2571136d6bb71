"""The data files a build writes, in order, with what each holds in plain words: the export
writes them into the data package, and the report's Methods section links to them (without
loading the schemas, which need pandera)."""

PACKAGE = "datapackage.json"
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
