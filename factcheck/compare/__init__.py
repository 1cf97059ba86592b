"""Comparison: claims → groups of claims about the same thing, each with a verdict.

Grouping is a reduce by key (type, subject, attribute, unit).  Within a key,
one source may state several different figures (a value now and a value three
months ago): those are different facts, so each source's figures are aligned
with the nearest figures of the other sources and every aligned set becomes a
group of its own.  Verdicts come from the claims' intervals alone:

* ``disputed``: two sources' intervals exclude each other (the pair is named);
* ``agreed``: every source states the same central value (within the rule's tolerance);
* ``compatible``: all intervals share a point but the stated values differ;
* ``single``: one source.

A deal's figures may be written with either party as the subject ("Oracle's
$30 billion deal with OpenAI" / "OpenAI's $30 billion deal with Oracle"):
:mod:`factcheck.deals` joins such keys before grouping.  Likewise, the same
words given to two speakers by two sources are compared (:mod:`factcheck.speakers`).

Quotes and roles are claims that are not figures: they are grouped and
judged by their own rules (:mod:`factcheck.compare_text`).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..claims import EVERY_PAIR_UP_TO, MOST_CONFLICTS, UNATTRIBUTED, VERDICTS, Claim, Group, Interval
from ..currency import conversion_note, convert
from .text import group_text_claims, text_kind
from .deals import DealIndex, Key, deal_index, parties_of
from .speakers import SpeakerIndex, is_speaker_quote, speaker_index
from ..people import person_key


@dataclass
class Joins:
    """What a whole scan joins before grouping: the two sides of a deal (deals.py) and speakers given the same
    words (speakers.py).  Worked out from indexes small enough to gather from every process of a scan."""

    keys: dict[Key, Key] = field(default_factory=dict)  # a figure key → the key it is grouped under
    speakers: dict[str, str] = field(default_factory=dict)  # a person key → the person key it is grouped under

    @classmethod
    def of(cls, deals: DealIndex, speakers: SpeakerIndex) -> Joins:
        return cls(deals.joins(), speakers.joins())


def scan_joins(claims: list[Claim], rules) -> Joins:
    """The joins of a scan whose claims are all here (``rules``: their deal attributes)."""
    return Joins.of(deal_index(claims, rules.deal_attributes if rules is not None else frozenset()),
                    speaker_index(claims))


def group_claims(claims: Iterable[Claim], rules=None, tolerance: Callable[[str], float] | None = None,
                 joins: Joins | None = None) -> list[Group]:
    """Group claims by key, align each source's figures, and give every group its verdict.

    ``joins``: what the whole scan joins (:func:`scan_joins`) when ``claims``
    are only part of it (one partition of spill.py); by default they are
    worked out from ``claims`` (without rules, no deal keys are joined).
    """
    if tolerance is None:
        tolerance = rules.tolerance if rules is not None else (lambda _type: 0.0)
    if rules is not None and any(rule.exchange_rates for rule in rules.rules):
        claims = convert(claims, rules.exchange_rates)  # only where a rule states a dated rate
    if joins is None:
        claims = list(claims)
        joins = scan_joins(claims, rules)
    by_key: dict[Key, list[Claim]] = defaultdict(list)
    text_claims: list[Claim] = []
    for claim in claims:
        if text_kind(claim):
            text_claims.append(claim)
        else:
            key = claim.key
            by_key[joins.keys.get(key, key)].append(claim)
    groups: list[Group] = []
    for key, members in by_key.items():
        tol = tolerance(key[0])
        apart: list[Claim] = []
        kept_apart: list[list[Claim]] = []
        if key[3] == "date" and key[1] != UNATTRIBUTED:  # year-less dates: placed by the other sources, or apart
            from ..dates import apart_clusters, place_undated

            members, apart = place_undated(members)
            kept_apart = apart_clusters(apart)  # "Monday" and "Monday" agree as written; nothing more is known
        if key[1] == UNATTRIBUTED:
            clusters = [[c] for c in members]  # no subject: never compared with anything
        else:
            clusters = align(members, tol) if members else []
        clusters += kept_apart
        notes = _separate_figures(clusters) if len(clusters) > 1 and key[1] != UNATTRIBUTED else None
        subject = _subject_as_written([c for c in members + apart if c.subject.casefold() == key[1]]
                                      or members + apart)
        shown = (key[0], subject, key[2], key[3])
        for i, cluster in enumerate(clusters):
            group = judge(shown, cluster, tol)
            if notes:
                group.note = (group.note + "; " if group.note else "") + notes[i]
            joined = _joined_deal(group)
            if joined:
                group.note = (group.note + "; " if group.note else "") + joined
            converted = conversion_note(group)
            if converted:
                group.note = (group.note + "; " if group.note else "") + converted
            groups.append(group)
    groups.extend(group_text_claims(text_claims, rules, joins.speakers))
    groups.sort(key=group_sort_key)
    return groups


def _joined_deal(group: Group) -> str:
    """For a group of one deal's figures written from both sides: the parties, and who wrote it the other way."""
    own = group.subject.casefold()
    others = [c for c in group.claims if c.subject.casefold() != own]
    if not others:
        return ""
    group.parties = [group.subject] + sorted({c.subject for c in others}, key=str.casefold)
    sources = sorted({c.source for c in others})
    return (f"one deal of {' and '.join(group.parties)}: "
            f"{', '.join(sources)} {'gives' if len(sources) == 1 else 'give'} it as {others[0].subject}'s")


def _subject_as_written(claims: list[Claim]) -> str:
    """The group's subject as the claims write it (keys compare it without case): the most frequent spelling."""
    spellings = Counter(c.subject for c in claims)
    return min(spellings, key=lambda s: (-spellings[s], s))


def _separate_figures(clusters: list[list[Claim]]) -> list[str]:
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


def group_sort_key(group: Group) -> tuple:
    """Report order: disputed first, then by type and subject; ties broken by the first claim's place.

    The order is total (it does not depend on the order groups were made in),
    so groups made one partition at a time merge into the same report (spill.py).
    """
    unattributed = group.subject == UNATTRIBUTED
    first = group.claims[0]
    value = (0, first.value) if first.value == first.value else (1, 0.0)  # NaN sorts last, and consistently
    return (unattributed, VERDICTS.index(group.verdict), group.type, group.subject.lower(), group.attribute,
            value, first.source, first.offset, first.rule, first.pattern, first.attribute, first.text,
            group.subject, group.unit, len(group.claims))


def reduce_key(claim: Claim, joins: Joins | None = None) -> tuple:
    """Claims with different reduce keys are never compared, so they may be grouped apart (spill.py).

    Figures meet by key; quotes and roles by person (all spellings of a
    name); an unattributed figure meets nothing, so its source is added to
    spread a large unattributed key over partitions.  ``joins``: what the
    scan groups together beyond that (:class:`Joins`).
    """
    if text_kind(claim):
        person = person_key(claim.subject)
        if joins and joins.speakers and is_speaker_quote(claim):
            person = joins.speakers.get(person, person)
        return (claim.type, person, claim.attribute)
    if claim.subject == UNATTRIBUTED:
        return (*claim.key, claim.source)
    return joins.keys.get(claim.key, claim.key) if joins else claim.key


def align(claims: list[Claim], tol: float) -> list[list[Claim]]:
    """Split one key's claims into facts: each source contributes at most one figure to each.

    A source's claims with the same central value are one figure.  The source
    with the most figures sets the anchors; every other figure joins the
    nearest anchor that has none from its source yet, or starts a new one.
    """
    figures_by_source: dict[str, list[list[Claim]]] = defaultdict(list)
    for claim in claims:
        figures = figures_by_source[claim.source]
        for figure in figures:
            if same_value(figure[0].value, claim.value, tol) and figure[0].time == claim.time:
                figure.append(claim)
                break
        else:
            figures.append([claim])
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
        """Does some claim here name another deal than ``claim`` does (see :func:`other_deal`)?"""
        if not claim.extra.get("counterparties"):
            return False
        parties = parties_of(claim)
        return any(len(deal & parties) < 2 for deal in self.deals)


def other_deal(a: Claim, b: Claim) -> bool:
    """Both figures name the other party of their deal, and the deals differ: two deals.

    A deal is its parties, subject included, so that a figure of Oracle's deal with OpenAI and one of
    OpenAI's deal with Oracle are one deal when their keys were joined (deals.py); two deals share
    fewer than two parties.
    """
    return bool(a.extra.get("counterparties") and b.extra.get("counterparties")
                and len(parties_of(a) & parties_of(b)) < 2)


def distance(a: float, b: float) -> float:
    scale = max(abs(a), abs(b), 1e-12)
    return abs(a - b) / scale


def same_value(a: float, b: float, tol: float) -> bool:
    return distance(a, b) <= max(tol, 1e-9)


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
    if a.unit == "date" and math.isnan(a.value) and math.isnan(b.value):  # dates kept as written ("Monday")
        from ..dates import same_as_written

        return same_as_written(a, b)
    return same_value(a.value, b.value, 0.0)


def overlap(a: Interval, b: Interval) -> bool:
    """Do two intervals share a point (open and closed ends respected)?"""
    low, low_closed = (a.low, a.low_closed) if a.low > b.low else (b.low, b.low_closed) if b.low > a.low else (
        a.low, a.low_closed and b.low_closed)
    high, high_closed = (a.high, a.high_closed) if a.high < b.high else (b.high, b.high_closed) if b.high < a.high else (
        a.high, a.high_closed and b.high_closed)
    if low < high:
        return True
    return low == high and low_closed and high_closed and not math.isinf(low)


def judge(key: tuple[str, str, str, str], claims: list[Claim], tol: float) -> Group:
    """The verdict for one aligned set of claims, with the conflicting pairs named."""
    claim_type, subject, attribute, unit = key
    sources = {c.source for c in claims}
    group = Group(claim_type, subject, attribute, unit, "single", claims)
    if len(sources) < 2:
        return group
    intervals = [c.interval for c in claims]
    group.conflicts = conflicting_pairs(claims, intervals)
    if group.conflicts:
        group.verdict = "disputed"
    elif all(same_statement(c, claims[0], tol) for c in claims):
        group.verdict = "agreed"
    else:
        group.verdict = "compatible"
    times = _apart_in_time(claims, intervals)
    if times:
        group.note = f"measured at different times ({'; '.join(times)}): not compared"
    return group


def _apart_in_time(claims: list[Claim], intervals: list[Interval]) -> list[str]:
    """The times of figures that would exclude each other but were measured at different times ("early trading",
    "the close"), so that a reader sees why 24 % and more than 34 % are not a dispute."""
    if len(claims) > EVERY_PAIR_UP_TO or len({c.time for c in claims if c.time}) < 2:
        return []
    times: set[str] = set()
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if (a.source != b.source and a.time and b.time and a.time != b.time and not other_deal(a, b)
                    and not consistent(a, b)):
                times.update((a.time, b.time))
    return sorted(times)


def conflicting_pairs(claims: list[Claim], intervals: list[Interval]) -> list[tuple[int, int]]:
    """Pairs of claims (indices) from different sources whose intervals exclude each other, one per source pair.

    A small group is checked pair by pair.  In a large one, the pairs that can
    conflict most are tried first: the claims whose intervals end lowest
    against those that start highest; at most :data:`MOST_CONFLICTS` are named.
    """
    n = len(claims)
    if n <= EVERY_PAIR_UP_TO:
        candidates = ((i, j) for i in range(n) for j in range(i + 1, n))
        limit = n * n
    else:
        low_ends = sorted(range(n), key=lambda k: intervals[k].high)[:MOST_CONFLICTS]
        high_starts = sorted(range(n), key=lambda k: -intervals[k].low)[:MOST_CONFLICTS]
        candidates = (tuple(sorted((i, j))) for i in low_ends for j in high_starts if i != j)
        limit = MOST_CONFLICTS
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[str, str]] = set()
    for i, j in candidates:
        a, b = claims[i], claims[j]
        key = tuple(sorted((a.source, b.source)))
        if a.source == b.source or key in seen or (a.time and b.time and a.time != b.time):
            continue  # figures measured at different times ("early trading", "the close") cannot conflict
        if other_deal(a, b) or consistent(a, b):
            continue
        seen.add(key)
        pairs.append((i, j))
        if len(pairs) >= limit:
            break
    return sorted(pairs)


def summary(groups: list[Group]) -> dict[str, int]:
    counts = {v: 0 for v in VERDICTS}
    for g in groups:
        counts[g.verdict] += 1
    return counts
