"""One generated article's values for the slots of the seed templates (analysis.bench.corpus_pool):
a name for each person, a number for each number, one shift for every date and weekday, an
outlet, a house spelling; synonyms and asides drawn afresh at each place they may go."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from analysis.bench.corpus_pool import MONTH_NAMES, WEEKDAY_NAMES
from analysis.bench.corpus_words import ASIDES, CITIES, FIRST_NAMES, SPELLINGS, SURNAMES, SYNONYMS

ASIDE_CHANCE = 0.5  # that an aside point gets an aside, until one sentence has one


def redrawn(number: str, rng: random.Random) -> str:
    """A number drawn again within a factor of two of its value, rounded to as many significant
    digits and written in the same way ("1,500" -> "2,300", "12" -> "9", "2.5" -> "3.1")."""
    digits = number.replace(",", "")
    value = float(digits) * 2 ** rng.uniform(-1, 1)
    if "." in digits:
        return f"{value:.{len(digits.split('.')[1])}f}"
    significant = max(1, len(digits.rstrip("0")))
    scale = 10 ** max(0, len(str(round(value))) - significant)
    new = max(1, round(value / scale) * scale)
    return f"{new:,}" if "," in number else str(new)


@dataclass
class Filler:
    """One article's values for the slots: its people (a name each, the same all through), its
    numbers, its date shift (every date and weekday moves by it), its credited outlet and its
    house spelling (an index into each pair of SPELLINGS); synonyms and asides are drawn afresh
    at each place they may go, one aside a sentence at most."""

    rng: random.Random
    shift: timedelta
    outlet: str
    spelling: int
    people: dict[int, tuple[str, str]] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)

    def person(self, k: int) -> tuple[str, str]:
        if k not in self.people:
            taken = {last for _, last in self.people.values()}
            last = self.rng.choice(SURNAMES)
            while last in taken and len(taken) < len(SURNAMES):
                last = self.rng.choice(SURNAMES)
            self.people[k] = (self.rng.choice(FIRST_NAMES), last)
        return self.people[k]

    def fill(self, template: tuple) -> str:
        """The sentence a template (corpus_pool) gives with this article's values."""
        out, aside_given = [], False
        for piece in template:
            if piece.__class__ is str:
                out.append(piece)
                continue
            kind = piece[0]
            if kind == "a":
                if aside_given or self.rng.random() >= ASIDE_CHANCE:
                    out.append(piece[1])
                    continue
                aside_given = True
                aside = self.rng.choice(ASIDES).format(outlet=self.outlet, city=self.rng.choice(CITIES).title())
                out.append(f", {aside}{piece[1] if piece[1] == '.' else ', '}")
            elif kind == "v":
                word = self.rng.choice(SYNONYMS[piece[1]])
                out.append(word[0].upper() + word[1:] if piece[2] else word)
            elif kind == "b":
                word = SPELLINGS[piece[1]][self.spelling]
                out.append(word[0].upper() + word[1:] if piece[2] else word)
            elif kind == "d":
                out.append(_date_text(piece[1] + self.shift, piece[2]))
            elif kind == "#":
                if piece[1] not in self.numbers:
                    self.numbers[piece[1]] = redrawn(piece[1], self.rng)
                out.append(self.numbers[piece[1]])
            elif kind == "p":
                out.append(" ".join(self.person(piece[1])))
            elif kind == "s":
                out.append(self.person(piece[1])[1])
            elif kind == "w":
                out.append(WEEKDAY_NAMES[(piece[1] + self.shift.days) % 7])
            else:
                out.append(self.outlet)
        return "".join(out)


def _date_text(when: date, form: str) -> str:
    month = MONTH_NAMES[when.month]
    return {"mdy": f"{month} {when.day}, {when.year}", "dmy": f"{when.day} {month} {when.year}",
            "my": f"{month} {when.year}", "md": f"{month} {when.day}", "dm": f"{when.day} {month}", "m": month,
            "y": str(when.year)}[form]
