"""The words and patterns by which news reports speech: the verbs whose subject is a claimant
("X said", "X put the number at"), the phrases that name one ("according to X", "as X describes
it", "citing X"). Tables of forms, for `attribution` to read a sentence with."""

from __future__ import annotations

import re

from analysis.extract.reporting_verbs import SAID_NOW, SAYS_ONLY, SPEAKING, forms

CITES = forms("quote cite", "past")  # "TASS quoted X as saying": X is the source
# The past, not a participle that differs from it: "what is written down" is no one speaking.
SPEECH_VERBS = (forms(SPEAKING, "past") | forms(f"{SAID_NOW} put {SAYS_ONLY}", "third") | forms(f"{SAID_NOW} put", "base")
                | forms("say put", "ing") | CITES)
# "put the number at", "put the contingent at 10,000": a speech verb only before a count or a number
PUT_COUNT = re.compile(r"\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:number|figure|toll|total|count|estimate)"
                       r"|(?:\s+[\w’'-]+){1,5}?\s+at\s+(?:[a-z]+\s+){0,3}?(?:\d|(?:a|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand)\b)")
PUT = forms("put", "base", "third", "ing")
# An -ing form speaks only in a progressive ("Washington was saying"), not "quoted X as saying".
PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?$")
# "as X describes it": the words are X's characterisation
AS_X_PUTS_IT = re.compile(r"\b[Aa]s\s+((?:[\w.’'-]+\s+){0,5}?[\w.’'-]+)\s+(?:has\s+|have\s+)?"
                          r"(?:describes|described|puts|put|calls|called|characteri[sz]es|characteri[sz]ed|"
                          r"estimates|estimated)\s+it\b")
# "In his words", "By Kyiv's count", "In Seoul's telling": whose reckoning the sentence gives
IN_WORDS = re.compile(r"\b(?:[Ii]n|[Bb]y)\s+(?:(his|her|their|its)|((?:[A-Z][\w.’'-]*\s+){0,4}?[A-Z][\w.-]*)[’']s)"
                      r"\s+(?:own\s+|latest\s+|official\s+)?(?:words|view|estimation|estimate|assessment|opinion|"
                      r"telling|count|tally|reckoning|calculations?)\b")
INVERTIBLE = forms("say add report write note state continue explain", "past", "third")  # "..., said X"
# a phrase after "according to": "U.S." inside, not a full stop
PHRASE = r"((?:[A-Z][\w.’'-]*,\s+)*(?:[^,.;:“”\"]|(?<=[A-Z])\.(?=\s?[A-Za-z]))+)"
CITING = re.compile(r"\b(?:[Cc]iting|[Qq]uoting)\s+" + PHRASE)
ACCORDING = re.compile(r"\b(?:[Aa]ccording\s+to|[Aa]s\s+(?:cited|reported|quoted|stated|confirmed|announced)\s+by|"
                       r"[Pp]er(?=\s+(?:the\s|[A-Z])))\s+" + PHRASE)
