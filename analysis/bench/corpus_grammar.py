"""Small template grammars of the generated corpus (analysis.bench.corpus): headlines for articles
on the story, and pages about something else (markets, weather, sport, local news) as a collected
folder always holds; the topic test (extract.relevance) must set those aside, so no word of them
names either country of the story. In a template `{a|b}` is a choice of words and `{Slot}` a draw
from the article's `slots` (its people, places, numbers)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from analysis.bench.corpus_pool import MONTH_NAMES, WEEKDAY_NAMES
from analysis.bench.corpus_words import CITIES, FIRST_NAMES, OUTLET_KINDS, OUTLET_STEMS, SURNAMES

_CHOICE = re.compile(r"\{([^{}]*)\}")

HEADLINES = (
    "{Russia} and {North} {deepen|cement|expand} {military|defence|security} ties",
    "{Russia} says {treaty|pact} with {North} is {clear|unambiguous|purely defensive}",
    "{North} and {Russia} {agree|pledge} {mutual|immediate} military {aid|assistance}",
    "{Lawmakers|Parliament|Deputies} in {Moscow|Russia} {ratify|approve|back} {treaty|pact} with {North}",
    "What the {new|landmark} {Russia|Moscow}-{North} {treaty|pact} {says|means|changes}",
    "{Seoul|Kyiv|Washington|Tokyo} {alarmed|concerned|wary} over {Russia|Moscow}-{North} {pact|treaty}",
    "{Analysts|Experts} {question|weigh} how far {Russia|Moscow}-{North} {alliance|partnership} will go",
    "{Kremlin|Moscow} {declines|refuses} to say how {defence|mutual defence} clause would work",
    "{Treaty|Pact} with {North} {enters into force|takes effect} as {Russia|Moscow} completes ratification",
    "{North} troops in Russia? {Seoul|Kyiv} and {Moscow|the Kremlin} {trade claims|disagree}",
    "{Officials|Diplomats} {react|respond} to {Russia|Moscow}'s new {pact|treaty} with {North}",
    "Inside the {Russia|Moscow}-{North} {defence|security} {pact|treaty}: {key points|what we know}",
)
HEADLINE_SLOTS = {"Russia": ("Russia", "Moscow", "Kremlin"), "North": ("North Korea", "Pyongyang")}

# An outlet's own sentences about the story: who says it, how, and what, each with a choice every
# two or three words, so that two articles rarely share eight words in a row of them.
OWN = ("{Source} {Verb} that {claim}.", "{Claim}, {source} {verb}.", "According to {source}, {claim}.",
       "{Source} {verb} on {Weekday} that {claim}.")
OWN_SOURCES = (
    "{Person}, {a senior fellow|a researcher|an analyst|a lecturer} at the {Institute},", "{Person} of the {Institute}",
    "officials in {City}", "{diplomats|analysts|observers|lawmakers|commentators} in {City}",
    "{Person}, a {former|retired} {diplomat|general|intelligence officer|envoy},",
    "a {senior|regional|veteran} {official|diplomat} in {City}, speaking on condition of anonymity,",
    "{Person}, {a spokesperson|a spokeswoman|a spokesman} for the {foreign|defence} ministry in {City},",
)
OWN_VERBS = ("said", "argued", "noted", "warned", "suggested", "told {Outlet}", "wrote in a {note|commentary|report}")
OWN_CLAIMS = (
    ("the {pact|treaty|deal|agreement} {could|would|might} {change|alter|shift|reshape|test} {the balance|the "
     "calculus|relations|the security picture} {in the region|on the peninsula|across {Region}} {for years|in the long "
     "run|within months|sooner than expected}"),
    ("{Moscow|the Kremlin} {needed|wanted|sought} {shells|labour|soldiers|diplomatic cover|missiles} more than "
     "{Pyongyang|North Korea} {needed|wanted|sought} {oil|food|technology|cash|fighter jets}"),
    ("the {wording|text|language} {leaves|left} {much|a great deal|plenty} {open to interpretation|to later "
     "negotiation|undefined|unsaid} {on purpose|for now|by design}"),
    ("{Washington|Seoul|Tokyo|Beijing|NATO} {would|should|must} {watch|weigh|answer} the {move|deal|pact} "
     "{carefully|calmly|firmly} {with|alongside} its {allies|partners|neighbours}"),
    ("{weapons|advisers|engineers|shells|missiles} {could|might} be {sent|moved|shipped} {abroad|to the front|"
     "across the border|by rail|by sea} {within weeks|by {Month}|before winter|this year}"),
    ("the two governments had {long|often|repeatedly} {promised|spoken of|talked up} {closer|deeper|broader} {ties|"
     "co-operation|links} {without saying how|than they delivered|for decades}"),
    ("{satellite images|shipping records|rail data|customs figures} {showed|suggested|pointed to} {increased|heavy|"
     "unusual|steady} {traffic|activity|movement} {near|along|at} {the border|a port in the Far East|a rail "
     "terminal|an air base} {in {Month}|since {Month}|on {Weekday}}"),
    ("{sanctions|export controls|price caps} had {done little|failed|done much} to {slow|stop|limit} {the trade|the "
     "transfers|the flow of arms|the co-operation} {so far|this year|since {Month}}"),
)

OFF_TOPIC = {
    "markets": (
        (("{Stocks|Shares|Markets} {rise|fall|edge higher|slip} as {investors|traders} {weigh|await} {earnings|rate "
          "decision|inflation data}"), "{Company} shares {jump|slide} after {profit|sales} {update|warning}"),
        (("Shares in {Company} {rose|fell|climbed|dropped} {pct} percent on {Weekday} after the company {reported|"
          "forecast} {higher|lower|weaker|stronger} {quarterly|annual} {profits|sales|revenue}."),
         ("The {Stem} Composite {closed|ended} {up|down} {pct} percent at {points} points, its {best|worst} "
          "{day|session|week} since {Month}."),
         ("{Person}, {a strategist|an analyst|a portfolio manager} at {Firm}, said {investors|traders} were {cautious|"
          "nervous|upbeat} ahead of {the central bank's next meeting|new inflation figures|the holiday weekend}."),
         "Trading volumes were {light|heavy|thin|above average}, with about {count} million shares changing hands.",
         ("The {dollar|euro|yen|pound} {strengthened|weakened} {slightly|sharply} against {major currencies|a basket "
          "of currencies}, while {bond yields|oil prices|gold prices} {rose|fell|held steady}."),
         ("{Company} said it would {cut|add} about {count} jobs {over the next year|by the end of the year|in its "
          "home market}."),
         "{Firm} raised its price target for {Company}, citing {strong demand|lower costs|a new product line}.",
         ("Retail {sales|spending} {rose|fell} {pct} percent in {Month}, {more|less} than {economists|analysts} "
          "had expected."))),
    "weather": (
        ("{Heavy rain|Strong winds|Snow|Heatwave|Storms} {expected|forecast} across {Region} this {week|weekend}",
         "{Flood|Frost|Heat} warnings issued for {count} districts"),
        (("Forecasters in {Town} {expect|warn of|predict} {heavy rain|strong winds|snow|a heatwave|thunderstorms} "
          "{over the weekend|later this week|in the coming days}."),
         "Temperatures {could reach|may drop to|are expected to hover around} {temp} degrees in {Region}.",
         ("{Officials|Emergency services} {advised|urged} residents to {avoid unnecessary travel|stay indoors|check "
          "on elderly neighbours|carry water}."),
         ("The {national weather service|meteorological office} issued {a yellow|an amber|an orange} warning for "
          "{count} districts on {Weekday}."),
         "Schools in {small} towns {closed early|stayed shut|delayed opening} on {Weekday}.",
         ("Up to {count} millimetres of rain fell in {Town} in {small} hours, {Person} of the {weather service|"
          "regional office} said."),
         ("{Farmers|Growers} in {Region} said the {dry spell|late frost|wet summer} had {hurt|delayed} the "
          "{harvest|planting}."))),
    "sport": (
        ("{Team} {beat|edge past|hold} {Rival} to {stay top|reach the final|keep hopes alive}",
         "{Person} {strikes twice|scores late|sees red} as {Team} {win|draw|lose} at {Rival}"),
        (("{Team} beat {Rival} {small}-{score} on {Weekday} {night|afternoon|evening} to {move top of the table|"
          "reach the final|stay in contention}."),
         "{Person} scored {twice|the winner|a late equaliser} in front of {count} fans.",
         ("The {coach|manager} of {Team}, {Person}, said the {team|squad|side} had {played with real spirit|struggled "
          "in the first half|deserved the win}."),
         "{Team} have won {small} of their last ten games in all competitions.",
         ("Tickets for the {final|next home game|derby} {sold out|went on sale} {within hours|within a day|in the "
          "first hour}."),
         "{Rival} {will host|travel to} {Team} again in {Month} in the return fixture.",
         ("The {league|federation} said it would review the {decision|incident} after complaints from {both clubs|"
          "the visiting side}."))),
    "local": (
        ("{Town} council {approves|rejects|delays} plans for new {library|bus depot|swimming pool|bridge}",
         "Residents {oppose|welcome} {Town} {housing|road|park} plan"),
        (("The {Town} {town|district} council {approved|rejected|postponed} plans for a new {library|bus depot|"
          "swimming pool|housing estate|bridge} on {Weekday}."),
         "The project is expected to cost about {count} million {euros|dollars|pounds} and to take {small} years.",
         ("{Person}, who {chairs|leads} the {planning|transport|finance} committee, said residents had been {consulted|"
          "kept informed|asked for their views}."),
         "Work on the {road|school|park|market hall} {will begin|is due to start|began} in {Month}.",
         "A public meeting {will be held|was held} at the {town hall|community centre|public library} on {Weekday}.",
         ("About {count} people {signed a petition|attended the meeting|wrote to the council} {opposing|supporting} "
          "the plan."),
         ("Local {shop owners|businesses|parents} said the {changes|works|closures} would {affect|help} "
          "{trade|traffic|families} in the {centre|old town|harbour district}."))),
}


def expand(template: str, rng: random.Random, slots: dict[str, Callable[[], str]]) -> str:
    """The template with each `{Slot}` drawn from `slots` and each `{a|b}` choice made, innermost
    first, so that a choice may hold a slot ("{by {Month}|this year}")."""
    while "{" in template:
        template = _CHOICE.sub(lambda m: slots[m[1]]() if m[1] in slots else rng.choice(m[1].split("|")), template)
    return template


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def outlet_name(rng: random.Random) -> str:
    return f"{rng.choice(OUTLET_STEMS)} {rng.choice(OUTLET_KINDS)}"


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def slots(rng: random.Random, outlet: str) -> dict:
    """The slots of an article's templates, each a draw of its own random numbers: people, places,
    institutes, companies, teams, numbers, and the parts of an outlet's own sentence."""
    def stem() -> str:  # a place's or a company's name, as well as an outlet's
        return rng.choice(OUTLET_STEMS)

    table: dict[str, Callable[[], str]] = {
        "Outlet": lambda: outlet, "City": lambda: rng.choice(CITIES).title(),
        "source": lambda: expand(rng.choice(OWN_SOURCES), rng, table),
        "Source": lambda: capitalised(table["source"]()),
        "verb": lambda: expand(rng.choice(OWN_VERBS), rng, table),
        "Verb": lambda: table["verb"](), "claim": lambda: expand(rng.choice(OWN_CLAIMS), rng, table),
        "Claim": lambda: capitalised(table["claim"]()),
        "Institute": lambda: f"{stem()} {rng.choice(('Institute', 'Centre', 'Foundation'))} for "
                             f"{rng.choice(('Asian', 'Security', 'Strategic', 'Defence', 'Regional'))} "
                             f"{rng.choice(('Studies', 'Affairs', 'Policy'))}",
        "Person": lambda: person_name(rng), "Stem": stem, "Town": stem, "Weekday": lambda: rng.choice(WEEKDAY_NAMES),
        "Month": lambda: rng.choice(MONTH_NAMES[1:]),
        "Region": lambda: f"the {stem()} {rng.choice(('valley', 'coast', 'region'))}",
        "Company": lambda: f"{stem()} {rng.choice(('Holdings', 'Industries', 'Foods', 'Motors', 'Logistics'))}",
        "Firm": lambda: f"{stem()} {rng.choice(('Capital', 'Securities', 'Partners'))}",
        "Team": lambda: f"{stem()} {rng.choice(('United', 'Rovers', 'Athletic'))}",
        "Rival": lambda: f"{stem()} {rng.choice(('City', 'Wanderers', 'Albion'))}",
        "pct": lambda: f"{rng.uniform(0.1, 6):.1f}", "points": lambda: f"{rng.randrange(1000, 40000):,}",
        "count": lambda: str(rng.randrange(10, 900)), "small": lambda: str(rng.randint(2, 9)),
        "score": lambda: str(rng.randint(0, 1)), "temp": lambda: str(rng.randint(-12, 38)),
    }
    return table
