"""Comparison: claims → groups of claims that state the same quantity, each with a verdict.

The stage reads top to bottom in its modules:

1. :mod:`.candidates` — blocks of one dimension (a currency, a count of one thing, power, a percentage,
   a date), facts aligned by key within a block, and candidate pairs of facts from an index;
2. :mod:`.evidence` — for and against two claims being one quantity: cue words, parties, values, type,
   rare words the sentences share;
3. :mod:`.clusters` — facts joined by evidence, strongest first, one figure per source;
4. :mod:`.verdicts` — agreed / compatible / related / disputed / single from the intervals, a dispute
   only where the alignment is strong.

Quotes and roles are claims that are not figures: they are grouped and judged by their own rules
(:mod:`.text`), and the same words given to two speakers are compared (:mod:`.speakers`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..claims import UNATTRIBUTED, VERDICTS, Claim, Group
from ..currency import conversion_note, convert
from ..people import person_key
from .candidates import Block, align, block_of, candidate_pairs, claim_order, facts_of
from .clusters import Cluster, cluster
from .evidence import JOIN, Context, Evidence, deal_sides, naming_of, strongly_aligned, weigh
from .speakers import SpeakerIndex, is_speaker_quote, speaker_index
from .text import group_text_claims, text_kind
from .verdicts import consistent, distance, judge, overlap, same_statement, same_value

__all__ = ["JOIN", "Joins", "UNATTRIBUTED", "align", "block_of", "consistent", "distance", "group_claims",
           "group_sort_key", "judge", "overlap", "reduce_key", "same_statement", "same_value", "scan_joins",
           "summary", "weigh"]


@dataclass
class Joins:
    """What grouping needs of the whole scan: speakers given the same words (speakers.py), and the parties
    that name each other as the other side of a figure (the sides of one deal, evidence.py).  Worked out
    from indexes small enough to gather from every process of a scan."""

    speakers: dict[str, str] = field(default_factory=dict)  # a person key → the person key it is grouped under
    sides: frozenset[frozenset[str]] = frozenset()

    @classmethod
    def of(cls, speakers: SpeakerIndex, naming: set[tuple[str, str]]) -> Joins:
        return cls(speakers.joins(), deal_sides(naming))


def scan_joins(claims: list[Claim]) -> Joins:
    """The joins of a scan whose claims are all here."""
    return Joins.of(speaker_index(claims), naming_of(claims))


def group_claims(claims: Iterable[Claim], rules=None, tolerance: Callable[[str], float] | None = None,
                 joins: Joins | None = None) -> list[Group]:
    """Align the claims of different sources that state the same quantity and give every group its verdict.

    ``joins``: what the whole scan joins (:func:`scan_joins`) when ``claims``
    are only part of it (one partition of spill.py); by default they are
    worked out from ``claims``.
    """
    if tolerance is None:
        tolerance = rules.tolerance if rules is not None else (lambda _type: 0.0)
    if rules is not None and any(rule.exchange_rates for rule in rules.rules):
        claims = convert(claims, rules.exchange_rates)  # only where a rule states a dated rate
    claims = list(claims)
    if joins is None:
        joins = scan_joins(claims)
    dimensions = rules.dimensions if rules is not None else {}
    blocks: dict[Block, list[Claim]] = defaultdict(list)
    text_claims: list[Claim] = []
    for claim in claims:
        if text_kind(claim):
            text_claims.append(claim)
        else:
            blocks[block_of(claim, dimensions)].append(claim)
    groups: list[Group] = []
    for block in sorted(blocks):
        groups.extend(group_block(blocks[block], rules, tolerance, joins.sides))
    groups.extend(group_text_claims(text_claims, rules, joins.speakers))
    groups.sort(key=group_sort_key)
    return groups


def group_block(claims: list[Claim], rules, tolerance: Callable[[str], float],
                sides: frozenset[frozenset[str]] = frozenset()) -> list[Group]:
    """The groups of one block: facts by key, joined by evidence, judged."""
    context = Context.of(claims, rules, sides)
    tol = max((tolerance(t) for t in {c.type for c in claims}), default=0.0)
    facts = facts_of(claims, context, tol)
    clusters = cluster(facts, candidate_pairs(facts, context), context, tol)
    return [group_of(found, context, tol) for found in clusters]


def group_of(found: Cluster, context: Context, tol: float) -> Group:
    """One cluster as a group: its name, its verdict, why it was aligned, and what a reader should know."""
    claims = sorted(found.claims, key=claim_order)
    shown = _shown_key(claims, context)
    group = judge(shown, claims, tol, lambda a, b: strongly_aligned(a, b, context))
    group.alignment = _alignment(found, claims, context)
    notes = [group.note] if group.note else []
    notes += sorted({fact.note for fact in found.facts if fact.note})
    joined = _joined_deal(group)
    if joined:
        notes.append(joined)
    converted = conversion_note(group)
    if converted:
        notes.append(converted)
    if group.verdict == "related":
        notes.append("figures that cannot all be true, aligned only weakly: not called a dispute")
    group.note = "; ".join(notes)
    return group


def _shown_key(claims: list[Claim], context: Context) -> tuple[str, str, str, str]:
    """The type, subject, attribute and unit a group is shown under: the most frequent, preferring a subject
    to none and a cue word to a generic attribute; the subject as the claims write it most often."""
    def most(values: list[str]) -> str:
        counted = Counter(values)
        return min(counted, key=lambda v: (-counted[v], v))

    attributed = [c for c in claims if c.subject != UNATTRIBUTED] or claims
    subject_key = most([c.subject.casefold() for c in attributed])
    subject = most([c.subject for c in attributed if c.subject.casefold() == subject_key])
    cued = [c for c in claims if not context.is_generic(c)] or claims
    attribute = most([c.attribute for c in cued])
    claim_type = most([c.type for c in claims])
    return (claim_type, subject, attribute, claims[0].unit)


def _alignment(found: Cluster, claims: list[Claim], context: Context) -> dict:
    """Why the group's claims were put together: the weakest evidence that joined them (JSON ``alignment``)."""
    evidence: Evidence | None = found.weakest
    if evidence is None:
        others = [c for c in claims if c.source != claims[0].source]
        if not others:
            return {}
        evidence = weigh(claims[0], others[0], context)
    return {"score": evidence.score, "strong": evidence.strong, "signals": list(evidence.signals)}


def _joined_deal(group: Group) -> str:
    """For a group whose sources make different parties its subject: the parties, and who wrote it which way."""
    own = group.subject.casefold()
    others = [c for c in group.claims if c.subject.casefold() != own and c.subject != UNATTRIBUTED]
    if not others:
        return ""
    group.parties = [group.subject] + sorted({c.subject for c in others}, key=str.casefold)
    sources = sorted({c.source for c in others})
    return (f"one deal of {' and '.join(group.parties)}: "
            f"{', '.join(sources)} {'gives' if len(sources) == 1 else 'give'} it as {others[0].subject}'s")


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

    Figures meet within their unit (a block is a dimension and a unit, :mod:`.candidates`); quotes and
    roles by person (all spellings of a name), and speakers given the same words together (``joins``).
    """
    if text_kind(claim):
        person = person_key(claim.subject)
        if joins and joins.speakers and is_speaker_quote(claim):
            person = joins.speakers.get(person, person)
        return (claim.type, person, claim.attribute)
    return ("figure", claim.unit)


def summary(groups: list[Group]) -> dict[str, int]:
    counts = {v: 0 for v in VERDICTS}
    for g in groups:
        counts[g.verdict] += 1
    return counts
