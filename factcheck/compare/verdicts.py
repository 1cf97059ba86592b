"""Verdicts: what a set of aligned figures says, from their intervals alone.

* ``disputed``: two sources' figures cannot both be true as written, and the evidence says they measure
  the same thing (a strong alignment, :mod:`.evidence`); the pairs are named;
* ``related``: they cannot both be true, but they were aligned only weakly (a figure with no cue word,
  parties that differ): shown together, never called a dispute;
* ``compatible``: all can be true together, but the stated values differ;
* ``agreed``: every source states the same value (hedges that name it aside);
* ``single``: one source.
"""

from __future__ import annotations

import math
from typing import Callable

from ..claims import EVERY_PAIR_UP_TO, MOST_CONFLICTS, Claim, Group, Interval


def parties_of(claim: Claim) -> frozenset[str]:
    """The claim's subject and counterparties, case-folded: the parties of the deal it states."""
    return frozenset([claim.subject.casefold(), *(p.casefold() for p in claim.extra.get("counterparties") or ())])


def other_deal(a: Claim, b: Claim) -> bool:
    """Both figures name the other party of their deal, and the deals differ (they share fewer than two parties)."""
    return bool(a.extra.get("counterparties") and b.extra.get("counterparties")
                and len(parties_of(a) & parties_of(b)) < 2)


def distance(a: float, b: float) -> float:
    scale = max(abs(a), abs(b), 1e-12)
    return abs(a - b) / scale


def same_value(a: float, b: float, tol: float) -> bool:
    return distance(a, b) <= max(tol, 1e-9)


def overlap(a: Interval, b: Interval) -> bool:
    """Do two intervals share a point (open and closed ends respected)?"""
    low, low_closed = (a.low, a.low_closed) if a.low > b.low else (b.low, b.low_closed) if b.low > a.low else (
        a.low, a.low_closed and b.low_closed)
    high, high_closed = (a.high, a.high_closed) if a.high < b.high else (b.high, b.high_closed) if b.high < a.high else (
        a.high, a.high_closed and b.high_closed)
    if low < high:
        return True
    return low == high and low_closed and high_closed and not math.isinf(low)


def consistent(a: Claim, b: Claim) -> bool:
    """Can both figures be true as written?

    Their intervals share a point, except between two caps, which name their maxima: "up to 10%" and
    "as much as 9%" disagree although [0, 10] and [0, 9] meet, so two caps compare their numbers with
    the written precision (``extra["cap"]``).  A rule's tolerance never enters here: it cannot make two
    precise figures ("$14.2 billion", "$14.4 billion") agree; only a hedge ("about") widens a figure,
    and that is in its interval already.
    """
    cap_a, cap_b = a.extra.get("cap"), b.extra.get("cap")
    if cap_a and cap_b:
        return overlap(Interval(cap_a[0], cap_a[1], True, False), Interval(cap_b[0], cap_b[1], True, False))
    return overlap(a.interval, b.interval)


def same_statement(a: Claim, b: Claim, tol: float = 0.0) -> bool:
    """Do two figures state the same value (hedges aside when they name the same number)?  ``agreed`` needs this.

    The same number, exactly; a figure converted from another currency at a stated rate was never written
    in this one, so for it the rule's tolerance says what "the same" is ("약 4조 3천억 원" ≈ $3 billion).
    """
    if "converted_from" in a.extra or "converted_from" in b.extra:
        return same_value(a.value, b.value, tol)
    if a.value != a.value and b.value != b.value:  # dates nothing could place ("Tuesday"): the same as written
        from ..dates import same_as_written

        return same_as_written(a, b)
    return same_value(a.value, b.value, 0.0)


def measured_apart(a: Claim, b: Claim) -> bool:
    """Figures measured at different times ("early trading", "the close") cannot conflict."""
    return bool(a.time and b.time and a.time != b.time)


def judge(key: tuple[str, str, str, str], claims: list[Claim], tol: float,
          strong: Callable[[Claim, Claim], bool] | None = None) -> Group:
    """The verdict for one aligned set of claims, with the conflicting pairs named.

    ``strong(a, b)``: is the evidence that two conflicting figures measure the same thing strong enough to
    call their conflict a dispute?  Where no conflict is, the set is ``related`` (by default every
    alignment is strong, as for figures of one key).
    """
    claim_type, subject, attribute, unit = key
    sources = {c.source for c in claims}
    group = Group(claim_type, subject, attribute, unit, "single", claims)
    if len(sources) < 2:
        return group
    group.conflicts = conflicting_pairs(claims)
    if group.conflicts:
        disputes = [(i, j) for i, j in group.conflicts if strong is None or strong(claims[i], claims[j])]
        group.verdict = "disputed" if disputes else "related"
        group.conflicts = disputes or group.conflicts
    elif all(same_statement(c, claims[0], tol) for c in claims):
        group.verdict = "agreed"
    else:
        group.verdict = "compatible"
    times = _apart_in_time(claims)
    if times:
        group.note = f"measured at different times ({'; '.join(times)}): not compared"
    return group


def _apart_in_time(claims: list[Claim]) -> list[str]:
    """The times of figures that would exclude each other but were measured at different times ("early trading",
    "the close"), so that a reader sees why 24 % and more than 34 % are not a dispute."""
    if len(claims) > EVERY_PAIR_UP_TO or len({c.time for c in claims if c.time}) < 2:
        return []
    times: set[str] = set()
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.source != b.source and measured_apart(a, b) and not other_deal(a, b) and not consistent(a, b):
                times.update((a.time, b.time))
    return sorted(times)


def conflicting_pairs(claims: list[Claim]) -> list[tuple[int, int]]:
    """Pairs of claims (indices) from different sources that cannot both be true, one per source pair.

    A small group is checked pair by pair.  In a large one, the pairs that can
    conflict most are tried first: the claims whose intervals end lowest
    against those that start highest; at most :data:`MOST_CONFLICTS` are named.
    """
    n = len(claims)
    if n <= EVERY_PAIR_UP_TO:
        candidates = ((i, j) for i in range(n) for j in range(i + 1, n))
        limit = n * n
    else:
        low_ends = sorted(range(n), key=lambda k: claims[k].high)[:MOST_CONFLICTS]
        high_starts = sorted(range(n), key=lambda k: -claims[k].low)[:MOST_CONFLICTS]
        candidates = (tuple(sorted((i, j))) for i in low_ends for j in high_starts if i != j)
        limit = MOST_CONFLICTS
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[str, str]] = set()
    for i, j in candidates:
        a, b = claims[i], claims[j]
        key = tuple(sorted((a.source, b.source)))
        if a.source == b.source or key in seen or measured_apart(a, b):
            continue
        if other_deal(a, b) or consistent(a, b):
            continue
        seen.add(key)
        pairs.append((i, j))
        if len(pairs) >= limit:
            break
    return sorted(pairs)
