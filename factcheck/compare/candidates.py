"""Candidates: which claims may state the same quantity, found without comparing every pair.

1. **Blocks.** Only figures of one dimension can be one quantity: a currency, a count of one kind of
   thing, power, a percentage, a date.  A rule file says what its figures measure (``dimension:``,
   by default its claim type), so a deal's value and a company's valuation meet; a block is
   (dimension, unit).  Blocks never meet, so a scan may be grouped one block at a time (spill.py).
2. **Facts.** Within a block, claims with the same subject and the same cue word (a key: type,
   subject, attribute) that state the same figure are one fact; the evidence decides whether facts
   that differ are one quantity.  A key stated by more than :data:`MOST_FACTS` sources (an archive)
   is aligned by value instead: each source gives each fact at most one figure, the source with the
   most figures sets the anchors and every other figure joins the nearest (:func:`align`).  A figure
   with no subject, or whose attribute names nothing measured ("amount"), is a fact of its own.
3. **Pairs.** Facts that share a party, a stated value or a cue word are candidate pairs, found through
   an index on each; an index entry held by more than :data:`MOST_FACTS` facts (a newsroom archive's
   "NVIDIA") yields no pairs, which keeps the work near-linear.  Evidence (:mod:`.evidence`) then
   decides (:mod:`.clusters`).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..claims import UNATTRIBUTED, Claim
from .evidence import Context, distinctive, parties
from .verdicts import distance, parties_of, same_value

Block = tuple[str, str]  # (dimension, unit)
#: An index entry held by more facts than this (an archive's busiest company or value) yields no candidate pairs.
MOST_FACTS = 32


def block_of(claim: Claim, dimensions: dict[str, str] | None = None) -> Block:
    """What the claim measures and in which unit: only claims of one block can be one quantity."""
    return ((dimensions or {}).get(claim.type, claim.type), claim.unit)


@dataclass
class Fact:
    """Claims of one key aligned as one figure: at most one figure per source (and that source's restatements)."""

    claims: list[Claim]
    note: str = ""  # other figures the same key states ("a separate figure")
    apart: bool = False  # dates without a day that nothing placed ("Monday"): compared only as written

    @property
    def first(self) -> Claim:
        return self.claims[0]


def claim_order(claim: Claim) -> tuple:
    """A total order of claims that does not depend on the order they arrived in."""
    value = claim.value if claim.value == claim.value else math.inf
    return (claim.source, claim.offset, claim.rule, claim.pattern, claim.type, claim.subject, claim.attribute,
            claim.text, value)


def facts_of(claims: list[Claim], context: Context, tol: float) -> list[Fact]:
    """The facts of one block's claims, in a canonical order (see the module's step 2)."""
    by_key: dict[tuple, list[Claim]] = defaultdict(list)
    facts: list[Fact] = []
    for claim in claims:
        if claim.subject == UNATTRIBUTED or context.is_generic(claim):
            facts.append(Fact([claim]))
        else:
            by_key[claim.key].append(claim)
    for key, members in by_key.items():
        apart: list[Claim] = []
        kept_apart: list[list[Claim]] = []
        if key[3] == "date":  # year-less dates: placed by the other sources, or apart
            from ..dates import apart_clusters, place_undated

            members, apart = place_undated(members)
            kept_apart = apart_clusters(apart)  # "Monday" and "Monday" agree as written; nothing more is known
        archive = len({c.source for c in members}) > MOST_FACTS
        if archive:
            clusters = align(members, tol)  # an archive's key: its figures aligned by nearest value, as one key
        else:
            clusters = same_figures(members, tol)  # a story's coverage: evidence joins what differs
        notes = separate_figures(clusters) if archive and len(clusters) > 1 else [""] * len(clusters)
        facts.extend(Fact(sorted(cluster, key=claim_order), note) for cluster, note in zip(clusters, notes))
        facts.extend(Fact(sorted(cluster, key=claim_order), apart=True) for cluster in kept_apart)
    facts.sort(key=lambda f: claim_order(f.first))
    return facts


def same_figures(claims: list[Claim], tol: float) -> list[list[Claim]]:
    """One key's claims by the figure they state (the same value, measured at the same time)."""
    figures: list[list[Claim]] = []
    for claim in claims:
        for figure in figures:
            if same_value(figure[0].value, claim.value, tol) and figure[0].time == claim.time:
                figure.append(claim)
                break
        else:
            figures.append([claim])
    return figures


def separate_figures(clusters: list[list[Claim]]) -> list[str]:
    """Each cluster's note naming (the first three, sorted) figures as written in the key's other clusters.

    Counting how many clusters state each text makes this linear in the
    key's claims: a subject stated by thousands of articles has hundreds of clusters.
    """
    texts = [{c.text for c in cluster} for cluster in clusters]
    stating: Counter[str] = Counter()
    for own in texts:
        stating.update(own)
    ordered = sorted(stating)
    notes = []
    for own in texts:
        others: list[str] = []
        for text in ordered:
            if stating[text] > (text in own):  # stated by some other cluster
                others.append(text)
                if len(others) == 3:
                    break
        notes.append("same subject also stated as " + "; ".join(others) + " (a separate figure)")
    return notes


def candidate_pairs(facts: list[Fact], context: Context) -> list[tuple[int, int]]:
    """Pairs of facts (indices, i < j) that share a party, a cue word, or a stated value of one deal's parties
    (module, step 3): a round value alone ("$3 billion") is shared by too many unrelated figures of an archive
    to be indexed, a distinctive one ("$14.2 billion") is."""
    deal = _deals(context.sides)
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, fact in enumerate(facts):
        if fact.apart:
            continue
        keys = set()
        for claim in fact.claims:
            named = parties(claim)
            keys.update(("party", p) for p in named)
            if claim.value == claim.value and math.isfinite(claim.value):
                value = float(f"{claim.value:.6g}")
                keys.update(("value", value, deal.get(p, p)) for p in named or (UNATTRIBUTED,))
                if distinctive(claim):  # "$14.2 billion", "117%": few figures share it by chance
                    keys.add(("value", value))
            if not context.is_generic(claim):
                keys.add(("cue", claim.type, claim.attribute))
        for key in keys:
            index[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if 2 <= len(members) <= MOST_FACTS:
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    pairs.add((i, j))
    return sorted(pairs)


def _deals(sides: frozenset[frozenset[str]]) -> dict[str, str]:
    """Each party that names another (the sides of a deal) → one name for all parties so connected."""
    root: dict[str, str] = {}

    def find(p: str) -> str:
        while root.get(p, p) != p:
            p = root[p]
        return p

    for pair in sorted(tuple(sorted(pair)) for pair in sides if len(pair) == 2):
        a, b = find(pair[0]), find(pair[1])
        if a != b:
            root[max(a, b)] = min(a, b)
    return {p: find(p) for p in root}


# --------------------------------------------------------------------------- aligning one key's figures


def align(claims: list[Claim], tol: float) -> list[list[Claim]]:
    """Split one key's claims into facts: each source contributes at most one figure to each.

    A source's claims with the same central value are one figure.  The source
    with the most figures sets the anchors; every other figure joins the
    nearest anchor that has none from its source yet, or starts a new one.
    """
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source].append(claim)
    figures_by_source = {source: same_figures(own, tol) for source, own in by_source.items()}
    if all(len(figs) <= 1 for figs in figures_by_source.values()):
        return [claims]
    order = sorted(figures_by_source, key=lambda s: -len(figures_by_source[s]))
    anchors: list[_Anchor] = []
    # (value, index) of every anchor, sorted, for the nearest-anchor search; not when a value is NaN or infinite
    by_value: list[tuple[float, int]] | None = [] if all(math.isfinite(c.value) for c in claims) else None
    for source in order:
        pending = list(figures_by_source[source])
        pairs = sorted(
            (distance(fig[0].value, anchors[ai].value), fi, ai) for fi, fig in enumerate(pending)
            for ai in _nearest_anchors(fig[0], len(pending), anchors, by_value)
        )
        used_figs: set[int] = set()
        used_anchors: set[int] = set()
        for _, fi, ai in pairs:
            if fi in used_figs or ai in used_anchors:
                continue
            used_figs.add(fi)
            used_anchors.add(ai)
            anchors[ai].add(pending[fi])
        for fi, fig in enumerate(pending):
            if fi not in used_figs:
                if by_value is not None:
                    bisect.insort(by_value, (fig[0].value, len(anchors)))
                anchors.append(_Anchor(fig[0].value))
                anchors[-1].add(fig)
    return [sorted(a.claims, key=lambda c: (c.source, c.offset)) for a in anchors]


def _nearest_anchors(claim: Claim, wanted: int, anchors: list[_Anchor],
                     by_value: list[tuple[float, int]] | None) -> list[int]:
    """The anchors a figure may join, or at least the ``wanted`` nearest of them (and every one as near).

    The other figures of its source take at most ``wanted - 1`` anchors, so a
    figure joins one of its ``wanted`` nearest: looking no further gives the
    same alignment as trying every anchor, without a cost that grows with the
    square of a subject's deals when thousands of articles state it.
    Relative distance grows with the gap between two values of the same sign,
    so the search walks outwards from the figure's value among anchors of its
    sign; anchors of the other sign (distance ≥ 1) are added when too few.
    """
    value = claim.value
    if by_value is None or not value or len(anchors) <= 4 * wanted:
        return [ai for ai, anchor in enumerate(anchors) if not anchor.other_deal(claim)]
    zero = bisect.bisect_left(by_value, (0.0, -1)), bisect.bisect_right(by_value, (0.0, len(anchors)))
    low, high = (zero[1], len(by_value)) if value > 0 else (0, zero[0])  # the anchors of the figure's sign
    middle = bisect.bisect_left(by_value, (value, -1), low, high)
    found: list[int] = []
    for side in (range(middle - 1, low - 1, -1), range(middle, high)):
        valid, last = 0, math.inf
        for k in side:
            gap = distance(value, by_value[k][0])
            if valid >= wanted and gap > last * (1 + 1e-9) + 1e-12:
                break  # beyond the wanted nearest (and their ties, with a margin for rounding)
            ai = by_value[k][1]
            if not anchors[ai].other_deal(claim):
                found.append(ai)
                valid += 1
                if valid == wanted:
                    last = gap
    if len(found) < wanted:  # too few of the figure's sign: the others are all further
        found += [ai for k, (_, ai) in enumerate(by_value) if not low <= k < high and not anchors[ai].other_deal(claim)]
    return found


class _Anchor:
    """One fact being aligned: its value, its claims, and the deals they named.

    Each source is aligned once and gives each anchor at most one figure, so
    an anchor never holds two figures of a source.
    """

    def __init__(self, value: float) -> None:
        self.value = value
        self.claims: list[Claim] = []
        self.deals: set[frozenset[str]] = set()  # the parties of each claim that names a counterparty, once per set

    def add(self, claims: list[Claim]) -> None:
        self.claims.extend(claims)
        self.deals.update(parties_of(c) for c in claims if c.extra.get("counterparties"))

    def other_deal(self, claim: Claim) -> bool:
        """Does some claim here name another deal than ``claim`` does (see :func:`.verdicts.other_deal`)?"""
        if not claim.extra.get("counterparties"):
            return False
        named = parties_of(claim)
        return any(len(deal & named) < 2 for deal in self.deals)
