"""Evidence: do two claims of different sources state the same quantity?

Outlets phrase one fact differently — one makes Amazon the subject of a $38 billion deal, another
OpenAI; one calls a sum a "commitment", another gives it no cue word at all — so claims are not
compared by an exact key but by the evidence for and against their being one figure:

* **for**: the same cue word (attribute), both a deal's figure, the same subject or one's subject a party
  of the other's figure (its counterparty, the maker of what it counts), the same stated value or values that can
  both be true, the same claim type, words of the two sentences that are rare in the scan;
* **against**: different cue words, parties that share no one, figures that name two different
  deals (a veto), another claim type.

The score decides whether two claims are aligned at all (:data:`JOIN`); whether a conflict between
them is a *dispute* is a stricter question (:func:`Evidence.strong`): the same measured thing — a cue
word, or a rule whose figures all measure one thing — and overlapping parties.  A figure with no cue
word is never disputed on its value alone.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import regex

from ..claims import UNATTRIBUTED, Claim
from .verdicts import consistent, measured_apart, other_deal, same_statement

#: Claims whose evidence scores at least this are aligned (shown in one group).
JOIN = 4.0

#: What each signal adds to the score.
WEIGHTS = {
    "same cue": 3.0,  # the same attribute, named by a cue word or by a rule that measures one thing
    "both a deal's figure": 0.5,  # "contract value" / "investment" / "spending" of the same parties
    "different cues": -3.0,  # revenue against backlog, a share price against a valuation
    "same subject": 2.0,
    "shared party": 1.5,
    "sides of one deal": 1.5,  # the two subjects name each other somewhere in the scan
    "one names the other": -3.0,  # "SK Group's GPUs for SK hynix's memory": not SK hynix's own figure
    "different parties": -4.0,
    "same figure": 2.5,  # the same stated value
    "figures can both be true": 1.5,
    "distinctive figure": 1.0,  # "117%", "410 pence", "$14.2 billion": not a round number many things share
    "far apart": -3.0,  # outlets disagree by a few per cent, not by a factor of four: two quantities
    "same type": 0.5,
    "different type": -0.5,
    "measured at different times": -1.0,
}
#: Rare words shared by the two sentences add at most this much.
MOST_FROM_CONTEXT = 1.5

_WORD = regex.compile(r"\p{L}[\p{L}'’-]{2,}")
_STOP = frozenset("""
the and for with that this from into over than more about after before their its his her they them are was were
will would could said says has have had been being also which who what when where while amid under such other
some most many much per new one two three four five six seven eight nine ten all any both each year years
company companies firm deal deals billion million trillion thousand percent shares share stock
""".split())


@dataclass(frozen=True)
class Evidence:
    """How two claims compare: the score, the signals behind it, and whether it can carry a dispute."""

    score: float
    signals: tuple[str, ...]
    strong: bool = False  # the same measured thing and overlapping parties: a conflict is a dispute
    veto: str = ""  # why they can never be one figure

    @property
    def aligned(self) -> bool:
        return not self.veto and self.score >= JOIN

    def describe(self) -> str:
        return self.veto or " · ".join(self.signals) or "no evidence"


@dataclass
class Context:
    """What evidence needs of the whole scan: which attributes name nothing measured, which are a deal's,
    and how rare each sentence word is among the sources (to weigh shared words)."""

    generic: frozenset[tuple[str, str]] = frozenset()
    deal: frozenset[tuple[str, str]] = frozenset()
    rarity: dict[str, float] | None = None  # word → weight in [0, 1]; None: no context words used
    words: dict[int, frozenset[str]] | None = None  # id(claim) → its context words
    sides: frozenset[frozenset[str]] = frozenset()  # pairs of parties that name each other (:func:`deal_sides`)
    #: values far apart are evidence of two quantities between outlets; a draft checked against its sources may
    #: simply be wrong by a factor of six ("10,000 GPUs" for "over 60,000"), so ``check`` turns it off
    far_apart_counts: bool = True
    memo: dict = field(default_factory=dict)  # what two kinds of figure give (:func:`_structure`), per block

    @classmethod
    def of(cls, claims: Iterable[Claim], rules=None, sides: frozenset[frozenset[str]] = frozenset()) -> Context:
        """The context of one block of claims (what is rare is decided among the claims compared)."""
        claims = list(claims)
        words = {id(c): context_words(c) for c in claims}
        return cls(rules.generic_attributes if rules is not None else frozenset(),
                   rules.deal_attributes if rules is not None else frozenset(),
                   word_rarity(claims, words), words, sides)

    def words_of(self, claim: Claim) -> frozenset[str]:
        found = self.words.get(id(claim)) if self.words is not None else None
        return found if found is not None else context_words(claim)

    def is_generic(self, claim: Claim) -> bool:
        return (claim.type, claim.attribute) in self.generic

    def is_deal(self, claim: Claim) -> bool:
        return (claim.type, claim.attribute) in self.deal


def context_words(claim: Claim) -> frozenset[str]:
    """Content words of the claim's sentence, without the figure itself."""
    start, end = claim.quote_span
    text = claim.quote[:start] + " " + claim.quote[end:] if end > start else claim.quote
    return frozenset(w for w in (m.group().casefold().rstrip("'’").removesuffix("'s").removesuffix("’s")
                                 for m in _WORD.finditer(text)) if w not in _STOP and len(w) > 2)


def word_rarity(claims: list[Claim], words: dict[int, frozenset[str]]) -> dict[str, float] | None:
    """Each sentence word's weight: 1 for a word only two sources use, falling to 0 for one every source uses.

    Computed over sources, not claims, so that an article repeating a word does not make it common; with
    fewer than three sources no word is rare, and context words add nothing.
    """
    by_word: dict[str, set[str]] = defaultdict(set)
    sources = set()
    for claim in claims:
        sources.add(claim.source)
        for word in words[id(claim)]:
            by_word[word].add(claim.source)
    n = len(sources)
    if n < 3:
        return None
    top = math.log(n / 2)
    return {w: max(0.0, math.log(n / len(found)) / top) for w, found in by_word.items() if len(found) >= 2}


#: Words that end a company's name without naming another company: "Nebius Group" is Nebius, "Oracle Corp." Oracle.
_DESIGNATOR = regex.compile(r"(?:[\s,]+(?:group|holdings?|inc|incorporated|corp|corporation|co|company|ltd|limited|plc|n\.?v"
                            r"|ag|se|s\.?a|llc|platforms)\.?)+$", regex.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def company_key(name: str) -> str:
    """A company's name as compared: case-folded, without a trailing designator ("Nebius Group NV" → "nebius")."""
    key = _DESIGNATOR.sub("", name).strip()
    return (key or name).casefold()


def naming_of(claims: Iterable[Claim]) -> set[tuple[str, str]]:
    """(subject, party) for every party a figure of that subject names: its counterparties, the maker of what
    it counts (case-folded).  Small: a scan's distinct pairs, gathered from every process (spill.py)."""
    named: set[tuple[str, str]] = set()
    for claim in claims:
        if claim.subject == UNATTRIBUTED or "kind" in claim.extra:  # figures only, not quotes and roles
            continue
        subject = company_key(claim.subject)
        named.update((subject, p) for p in parties(claim) if p != subject)
    return named


def deal_sides(named: set[tuple[str, str]]) -> frozenset[frozenset[str]]:
    """Pairs of parties each of which names the other in some figure of the scan: the two sides of a deal
    ("Oracle's contract with OpenAI" … "OpenAI's deal with Oracle").  One-way naming proves less: an article
    puts the government beside a carmaker's GPUs without the government's figures naming the carmaker."""
    return frozenset(frozenset(pair) for pair in named if (pair[1], pair[0]) in named)


#: Central values further apart than this factor are evidence of two quantities ("72 GPUs a rack" and "1.3 million
#: GPUs by the end of the year"), not of two outlets' readings of one.
FAR_APART = 4.0


def far_apart(a: Claim, b: Claim) -> bool:
    if a.unit == "date" or not (a.value > 0 and b.value > 0) or math.isinf(a.value) or math.isinf(b.value):
        return False
    return max(a.value, b.value) / min(a.value, b.value) >= FAR_APART


def distinctive(claim: Claim) -> bool:
    """A figure with two or more significant digits ("$14.2 billion", "117%"): unlike "50,000" or "$5 billion",
    few quantities of one story share it by chance.  Dates and vague amounts are not figures of this kind."""
    if claim.unit == "date" or claim.qualifier in ("vague", "range") or not math.isfinite(claim.value) or not claim.value:
        return False
    digits = f"{abs(claim.value):.6e}".split("e")[0].replace(".", "").rstrip("0")
    return len(digits) >= 2


def parties(claim: Claim) -> frozenset[str]:
    """Subject, counterparties and the maker of what is counted, as compared (:func:`company_key`)."""
    return _parties(claim.subject, tuple(claim.extra.get("counterparties") or ()), claim.extra.get("vendor"))


@functools.lru_cache(maxsize=65536)
def _parties(subject: str, counterparties: tuple[str, ...], vendor: str | None) -> frozenset[str]:
    named = set(company_key(p) for p in counterparties)
    if vendor:
        named.add(company_key(str(vendor)))
    if subject != UNATTRIBUTED:
        named.add(company_key(subject))
    return frozenset(named)


def weigh(a: Claim, b: Claim, context: Context, need: float | None = None) -> Evidence:
    """The evidence that ``a`` and ``b`` state the same quantity (symmetric in its score and verdict).

    ``need``: the score the caller needs; when even the sentences' words could not lift the pair to it, they
    are not compared (the result's score is then a lower bound).
    """
    if other_deal(a, b):
        return Evidence(-math.inf, (), veto="figures of two different deals")
    score, found, strong = _structure(a, b, context)
    signals = list(found)

    def add(name: str, detail: str = "") -> None:
        nonlocal score
        score += WEIGHTS[name]
        signals.append(f"{name} {detail}".strip())

    if same_statement(a, b):
        add("same figure")
        if distinctive(a):
            add("distinctive figure", f"({a.text})")
    elif consistent(a, b) and bool(a.extra.get("cap")) == bool(b.extra.get("cap")):
        add("figures can both be true")  # a figure under a cap is no sign of being the capped quantity
    if context.far_apart_counts and far_apart(a, b):
        add("far apart", f"({a.text}, {b.text})")
    if context.rarity and (need is None or score + MOST_FROM_CONTEXT >= need):
        named = {w for p in parties(a) | parties(b) for w in p.split()}  # names weigh as parties, not as context
        words = sorted(w for w in context.words_of(a) & context.words_of(b)
                       if context.rarity.get(w, 0.0) > 0 and w not in named)
        gain = min(MOST_FROM_CONTEXT, 0.75 * sum(context.rarity[w] for w in words))
        if gain > 0:
            score += gain
            signals.append("shared words " + ", ".join(f"'{w}'" for w in words[:4]))
    return Evidence(round(score, 6), tuple(signals), strong)


def strongly_aligned(a: Claim, b: Claim, context: Context) -> bool:
    """Is the evidence that two figures measure the same thing strong enough to call their conflict a dispute?
    (The part of :func:`weigh` that does not depend on their values or sentences.)"""
    return not other_deal(a, b) and _structure(a, b, context)[2]


def _structure(a: Claim, b: Claim, context: Context) -> tuple[float, tuple[str, ...], bool]:
    """Score, signals and strength from what two figures measure and whose they are: cue words, parties, claim
    type, time of measurement.  The same for every pair of claims so described, so it is remembered."""
    key = (_described(a), _described(b))
    found = context.memo.get(key)
    if found is None:
        found = context.memo[key] = _weigh_structure(a, b, context)
    return found


def structure_score(a: Claim, b: Claim, context: Context) -> float:
    """The part of the score that does not depend on the two figures' values or sentences."""
    return _structure(a, b, context)[0]


def _described(claim: Claim) -> tuple:
    return (claim.type, claim.attribute, claim.subject, tuple(claim.extra.get("counterparties") or ()),
            claim.extra.get("vendor"), claim.time, claim.unit)


def _weigh_structure(a: Claim, b: Claim, context: Context) -> tuple[float, tuple[str, ...], bool]:
    signals: list[str] = []
    score = 0.0

    def add(name: str, detail: str = "") -> None:
        nonlocal score
        score += WEIGHTS[name]
        signals.append(f"{name} {detail}".strip())

    generic_a, generic_b = context.is_generic(a), context.is_generic(b)
    same_cue = False
    if not generic_a and not generic_b:
        if a.attribute == b.attribute:
            add("same cue", f"'{a.attribute}'")
            same_cue = True
        elif context.is_deal(a) and context.is_deal(b):
            add("both a deal's figure", f"('{a.attribute}', '{b.attribute}')")
        else:
            add("different cues", f"('{a.attribute}', '{b.attribute}')")
    shared = False
    # whom a figure names matters for a deal's figures (and for sums with no cue); a share move, a valuation or a
    # revenue is a company's own, whoever else its sentence names
    own_figure = not (context.is_deal(a) or context.is_generic(a)) or not (context.is_deal(b) or context.is_generic(b))
    if a.subject != UNATTRIBUTED and b.subject != UNATTRIBUTED:
        if company_key(a.subject) == company_key(b.subject):
            add("same subject", f"{a.subject}")
            shared = True
        elif own_figure:
            add("different parties", f"({a.subject}, {b.subject})")
        else:
            # each subject a party of the other's figure ("Oracle's deal with OpenAI" / "OpenAI's deal with Oracle"),
            # or two subjects that name each other elsewhere in the scan; a third party both name (the maker of
            # every GPU counted) is no evidence, and one figure naming the other's subject proves little
            pa, pb = parties(a), parties(b)
            sa, sb = company_key(a.subject), company_key(b.subject)
            sides = frozenset((sa, sb)) in context.sides
            if sa in pb and sb in pa:
                add("shared party", ", ".join(sorted(pa & pb)))
                shared = True
            elif sides:
                add("sides of one deal", f"({a.subject}, {b.subject})")
                shared = True
            elif sa in pb or sb in pa:
                add("one names the other", f"({a.subject}, {b.subject})")
            else:
                add("different parties", f"({a.subject}, {b.subject})")
    add("same type" if a.type == b.type else "different type")
    apart = measured_apart(a, b)
    if apart:
        add("measured at different times", f"({a.time}, {b.time})")
    # a deal's sum or count naming its other party and one naming none may be two deals of one company (a date
    # of the story's event is the story's, whoever announced it)
    one_sided = (context.is_deal(a) and a.unit != "date"
                 and bool(a.extra.get("counterparties")) != bool(b.extra.get("counterparties")))
    if one_sided and same_cue and shared:
        signals.append("only one names the other party")
    return score, tuple(signals), same_cue and shared and not apart and not one_sided
