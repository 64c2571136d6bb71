"""The word tables of the generated corpus (analysis.bench.corpus): invented people and outlets,
places of filing, the words a person's title precedes, and the words coverage varies (synonyms
that keep a sentence's grammar, and house spellings). Every name is invented or a capital city;
none comes from an article the project is graded on."""

from __future__ import annotations

FIRST_NAMES = tuple(
    "Alden Brina Caspar Delia Emre Farah Gideon Halla Ivo Jonna Kasimir Leira Matteo Nadia Orrin Priya Quentin "
    "Rosalind Soren Talia Ulric Vesna Wendell Xenia Yara Zoltan Anouk Bastian Corin Dagny Elio Fenna Goran Hedda "
    "Ilse Jarek Kaito Lorna Milos Nerys Oskar Petra Rafael Saskia Tobias Viggo Wilma".split())
SURNAMES = tuple(
    "Ambrose Brandt Calloway Dervish Ekholm Falk Gorski Halloran Iversen Jarvik Kestrel Lindqvist Marchetti Novak "
    "Okafor Pellegrin Quill Rasmussen Sandoval Tennant Ulloa Varga Whitlock Yarrow Zeller Abernethy Bellamy Corvino "
    "Drummond Estrada Fairweather Galloway Hartigan Ingram Juhasz Koval Lachance Moreau Nyberg Ostrow Pruitt "
    "Quarles Rinaldi Strand Thorne Underhill Vance Wexley Zamora Aldous Brisco Carrow Delacroix Eberhardt "
    "Fennimore Greaves Hollis Ives Jessup Kormos Lazaro Merrick Nilsen".split())
# An outlet is a stem and a word that only an outlet's name has (ingest.outlets.OUTLET_WORDS):
# 30 x 14 names. No word of an event ("Post", "Dispatch") so a dateline names no happening.
OUTLET_STEMS = tuple(
    "Harbour Meridian Northgate Lantern Beacon Compass Granite Silverline Eastbank Westmoor Highland Lakeside "
    "Ironbridge Bayview Crestwood Fairhaven Kingsport Millbrook Oakridge Pinecrest Redcliff Stonebridge Thornbury "
    "Valemont Windmere Ashford Brightwater Coldstream Dunmore Elmhurst".split())
OUTLET_KINDS = tuple("Wire News Times Herald Journal Gazette Telegraph Tribune Chronicle Courier Observer Bulletin "
                     "Mirror Newswire".split())
CITIES = ("SEOUL", "TOKYO", "WASHINGTON", "KYIV", "BEIJING", "LONDON", "BERLIN", "PARIS", "BRUSSELS", "GENEVA",
          "VIENNA", "HELSINKI", "WARSAW", "TALLINN", "PRAGUE", "OSLO", "STOCKHOLM", "OTTAWA", "CANBERRA",
          "SINGAPORE", "BANGKOK", "HANOI", "JAKARTA", "MANILA", "TAIPEI", "NEW DELHI", "ANKARA", "NAIROBI")

# What a rewritten wire story adds to a sentence, at a comma or before its full stop.
ASIDES = ("according to {outlet}", "{outlet} reported", "officials in {city} said", "a source in {city} told {outlet}",
          "{outlet} said, citing officials", "as {outlet} first reported", "diplomats in {city} said")

# Words before a person's name ("Kremlin spokesman Dmitry Peskov", "Secretary General Jens
# Stoltenberg"): a capitalised run of two or three words after one of them is a person's name.
TITLES = ("President", "president", "Minister", "minister", "Secretary", "secretary", "General", "general",
          "leader", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "ambassador",
          "envoy", "official", "analyst", "Chairman", "chairman", "Professor", "professor", "Director",
          "director", "Governor", "governor", "Senator", "senator", "Premier", "premier", "commander")
# Capitalised words that are never part of a person's name: places, bodies, months.
NOT_NAMES = frozenset(
    "North South East West Korea Korean Russia Russian United States Nations Security Council Foreign Ministry "
    "Defence Defense Federation Strategic Partnership Comprehensive Treaty Republic People White House State "
    "Duma Kremlin Charter Union European Asia Pacific Institute University The Of January February March April "
    "May June July August September October November December".split())

# Words coverage varies: the first of each group, where a seed has it, becomes any of the group (the same
# grammar, the same number, the same first sound: "a pact", "an accord"; a word twice is drawn twice as often).
SYNONYMS = (
    ("treaty", "pact"), ("treaties", "pacts"), ("agreement", "accord"), ("countries", "nations"),
    ("troops", "soldiers", "servicemen"), ("soldiers", "troops", "servicemen"), ("weapons", "munitions"),
    ("weaponry", "materiel"), ("ties", "relations", "links"), ("closer", "tighter"),
    ("deepening", "growing", "widening"), ("rising", "mounting", "climbing"), ("increasingly", "ever more"),
    ("border", "frontier"), ("said", "said", "stated"), ("stressed", "highlighted"), ("noted", "remarked"),
    ("reporters", "journalists"), ("officials", "authorities"), ("experts", "analysts"),
    ("document", "text"), ("clause", "provision"), ("drills", "manoeuvres"), ("concerned", "worried"),
    ("alarmed", "anxious"), ("allegations", "accusations"), ("visit", "trip"), ("supplied", "provided"),
    ("big", "major"), ("muted", "subdued", "restrained"), ("sections", "parts"), ("details", "specifics"),
    ("unclear", "uncertain"), ("landmark", "historic"), ("pledged", "vowed"), ("vowed", "pledged"),
    ("boost", "strengthen", "bolster"), ("reinforce", "bolster"), ("prevent", "forestall"),
    ("involvement", "engagement"), ("possibly", "perhaps"), ("recently", "lately"),
    ("meanwhile", "separately"), ("assistance", "aid"), ("interfere", "intervene"), ("reaffirmed", "restated"),
    ("regretted", "lamented"), ("echoed", "echoed", "endorsed"), ("truly", "genuinely"),
    ("expansion", "enlargement"), ("mutual", "mutual", "reciprocal"), ("country", "nation", "state"),
    ("immediately", "instantly"), ("attack", "assault"), ("signed", "signed", "concluded"),
    ("aggression", "attack"), ("conflict", "confrontation"), ("declined", "refused"), ("determine", "decide"),
    ("directly", "plainly"), ("stressing", "saying"), ("obligations", "undertakings"),
    ("stipulates", "specifies"), ("designed", "meant"), ("radical", "dramatic", "fundamental"),
    ("increasing", "intensifying"), ("basis", "foundation"), ("full-scale", "full-blown"),
    ("suffered", "sustained"), ("areas", "arenas"), ("repel", "fend off", "repulse"), ("backing", "supporting"),
    ("prompting", "leading"), ("departed", "left"), ("revives", "restores"), ("defunct", "lapsed"),
    ("highest-profile", "most prominent", "boldest"), ("moves", "steps"), ("debris", "fragments", "remnants"),
    ("primarily", "mainly", "chiefly"), ("violating", "breaching"), ("affect", "influence"),
    ("several", "multiple"), ("explicitly", "openly", "expressly"), ("linking", "tying", "connecting"),
    ("harm", "damage", "hurt"), ("pledge", "commitment"), ("violate", "breach"), ("vow", "promise"),
    ("main", "chief", "principal"), ("stop", "halt", "curb"), ("friends", "partners"),
    ("corresponding", "matching", "similar"), ("certainly", "surely"), ("conducting", "holding"),
    ("arrangements", "agreements"), ("envisage", "envision"), ("purely", "strictly", "solely"),
    ("traces", "signs", "marks"), ("sites", "scenes"), ("likely", "set"),
    # The story's places by their other names, each a term of the topic (extract.relevance).
    ("North Korea", "North Korea", "Pyongyang", "the DPRK"), ("Pyongyang", "Pyongyang", "North Korea"),
    ("Russia", "Russia", "Moscow"), ("Moscow", "Moscow", "Russia", "the Kremlin"),
)
# House spellings: each article takes one column (British, American) for every pair.
SPELLINGS = (("defence", "defense"), ("stabilising", "stabilizing"), ("rumours", "rumors"),
             ("neighbour", "neighbor"), ("co-operation", "cooperation"), ("galvanises", "galvanizes"),
             ("programmes", "programs"), ("emphasised", "emphasized"), ("labour", "labor"))
