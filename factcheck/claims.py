"""The objects that flow through the pipeline: sources, claims, groups.

Plain dataclasses with no behaviour beyond small derived properties, so that
they pickle cheaply (process pools, Dask) and every stage can be read on its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

INF = math.inf

#: Qualifiers a figure can carry (the JSON contract's ``qualifier`` values).
QUALIFIERS = ("exact", "about", "over", "at_least", "up_to", "under", "range", "vague")

#: Verdicts over a group, in the order a report shows them (and ``--fail-on`` reads them: a verdict and those before it).
#: ``related``: figures that cannot all be true but were aligned only weakly, so not called a dispute.
VERDICTS = ("disputed", "compatible", "related", "agreed", "single")
#: The subject of a claim whose subject could not be found: such claims are never compared.
UNATTRIBUTED = "unattributed"


@dataclass(frozen=True)
class Interval:
    """What a figure commits to: a set of values between ``low`` and ``high``.

    Open ends are written with ``-inf``/``inf``; ``low_closed``/``high_closed``
    say whether the end value itself belongs to the interval ("at least 50,000"
    includes 50,000, "over 50,000" does not).
    """

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    def contains(self, x: float) -> bool:
        above = x > self.low or (self.low_closed and x == self.low)
        below = x < self.high or (self.high_closed and x == self.high)
        return above and below


@dataclass(frozen=True)
class Figure:
    """A normalised figure: a central value, its interval and the hedge that shaped it."""

    value: float
    interval: Interval
    qualifier: str
    precision: float = 0.0  # a cap's written precision, half a unit of its last digit (see numbers.cap_number)


@dataclass(frozen=True)
class Source:
    """One input document as the reports name it."""

    path: str
    name: str
    pub_date: str | None = None
    pub_date_origin: str | None = None  # "front matter", "dateline", "html", "option"


@dataclass
class Claim:
    """A figure stated by a source about a subject.

    Field names up to ``quote`` are the JSON contract; the rest are extensions.
    ``value``/``low``/``high`` are numbers in the claim's unit (days since
    0001-01-01 for dates; reports render those as ISO strings).
    """

    source: str
    type: str
    subject: str
    attribute: str
    text: str
    qualifier: str
    value: float
    low: float
    high: float
    unit: str
    line: int
    column: int
    quote: str
    low_closed: bool = True
    high_closed: bool = True
    offset: int = 0  # character offset of the figure in the decoded file
    rule: str = ""  # rule file stem that produced the claim
    pattern: int = 0  # index of the pattern within the rule
    subject_reason: str = ""  # why this subject was chosen (for `rules explain`)
    time: str = ""  # when the figure was measured ("early trading", "close"), if stated
    quote_span: tuple[int, int] = (0, 0)  # where ``text`` sits inside ``quote``
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high, self.low_closed, self.high_closed)

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What the claim is about: figures with the same key are compared.

        The subject is compared without case: a company the catalogue lacks is named as written, and
        outlets write it "NOVARA" and "Novara" alike.
        """
        return (self.type, self.subject.casefold(), self.attribute, self.unit)

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}:{self.column}"


#: Beyond this many claims a group names only some of its conflicts (every pair would be quadratic) …
EVERY_PAIR_UP_TO = 60
#: … at most this many, one per pair of sources.
MOST_CONFLICTS = 20


@dataclass
class Group:
    """Claims from one or more sources about the same thing, with a verdict."""

    type: str
    subject: str
    attribute: str
    unit: str
    verdict: str
    claims: list[Claim]
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # indices into ``claims``
    note: str = ""
    parties: list[str] = field(default_factory=list)  # a deal written from both sides: its parties
    #: why these claims were aligned: {"score": weakest link's score, "strong": bool, "signals": [...]}
    alignment: dict[str, Any] = field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        seen: dict[str, None] = {}
        for claim in self.claims:
            seen.setdefault(claim.source, None)
        return list(seen)


#: ``Problem.kind`` of a readable input with nothing to check (an empty file, a page with no article).
NO_TEXT = "no_text"


@dataclass
class Problem:
    """An input that could not be (fully) used: reported, never fatal to the run."""

    path: str
    message: str
    line: int | None = None
    fatal: bool = True  # True: the input was not read; False: a warning
    kind: str = ""  # what a report counts it as: NO_TEXT, or "" for any other problem

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
