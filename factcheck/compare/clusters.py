"""Clusters: facts joined into groups by evidence, strongest evidence first.

Each candidate pair of facts (:mod:`.candidates`) is weighed (:mod:`.evidence`) on a few of their
claims; pairs that reach :data:`.evidence.JOIN` are joined in order of their score (ties by the facts'
canonical order, so the result never depends on input order), unless the join would

* give one source two different figures in one group (a source's restatements of one value may join:
  "Amazon's $38bn deal" and "OpenAI's $38 billion contract" in one article), or
* put together two facts whose own evidence is against it (a veto, such as two different deals, or a
  score below zero, such as different parties with different cue words), or
* pair two figures that cannot both be true while one's source states the other's value elsewhere in the
  block (each outlet's "$22.4 billion" is the other's, not its "$6.5 billion").

A group remembers the weakest evidence that joined it: reports show it ("same cue 'warrant' · shared
party amd, openai") and verdicts use it (a conflict is a dispute only where the alignment is strong).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..claims import Claim
from .candidates import Fact
from .evidence import (JOIN, MOST_FROM_CONTEXT, WEIGHTS, Context, Evidence, company_key, far_apart, parties,
                       structure_score, weigh)
from .verdicts import consistent, other_deal, same_value

#: Claims of each fact that stand for it when two facts are weighed.
REPRESENTATIVES = 3


@dataclass
class Cluster:
    """Facts joined as one quantity, and the evidence of each join."""

    facts: list[Fact]
    links: list[Evidence] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return [c for fact in self.facts for c in fact.claims]

    @property
    def weakest(self) -> Evidence | None:
        return min(self.links, key=lambda e: e.score) if self.links else None


def representatives(fact: Fact) -> list[Claim]:
    """A few claims of a fact, one per source first, to weigh it against another."""
    seen: set[str] = set()
    chosen = []
    for claim in fact.claims:
        if claim.source not in seen:
            seen.add(claim.source)
            chosen.append(claim)
        if len(chosen) == REPRESENTATIVES:
            break
    return chosen


def value_key(claim: Claim) -> float | None:
    return float(f"{claim.value:.6g}") if claim.value == claim.value and math.isfinite(claim.value) else None


Stated = dict[tuple[str, float], list[Claim]]


def stated_values(facts: list[Fact]) -> Stated:
    """The claims of a block by source and value (to six digits)."""
    values: Stated = {}
    for fact in facts:
        for claim in fact.claims:
            key = value_key(claim)
            if key is not None:
                values.setdefault((claim.source, key), []).append(claim)
    return values


def states_elsewhere(x: Claim, y: Claim, values: Stated) -> bool:
    """Figures that cannot both be true, where one's source gives the other's value to the same company: each
    outlet's "$22.4 billion" is the other's "$22.4 billion", not its "$6.5 billion"."""
    return _twin(x, y, values) or _twin(y, x, values)


def _twin(x: Claim, y: Claim, values: Stated) -> bool:
    """Does y's source state x's value of x's subject or of y's?"""
    key = value_key(x)
    if key is None:
        return False
    subjects = {company_key(x.subject), company_key(y.subject)}
    return any(z is not y and company_key(z.subject) in subjects for z in values.get((y.source, key), ()))


def fact_evidence(a: Fact, b: Fact, context: Context, values: Stated) -> Evidence:
    """The best evidence between two facts' representatives.

    Figures that cannot both be true while a source states the other's value veto the pair; a veto of one
    pair of claims (two deals named) leaves the others to decide, as outlets name counterparties unevenly.
    """
    if upper_bound(a, b, context) < JOIN:  # a fact's claims are one kind of figure: cheap to rule out
        return Evidence(-math.inf, ("cannot reach the score to align",))
    best: Evidence | None = None
    for x in representatives(a):
        for y in representatives(b):
            if not consistent(x, y) and states_elsewhere(x, y, values):
                return Evidence(-math.inf, (), veto="each source states the other's figure elsewhere")
            evidence = weigh(x, y, context, need=JOIN)
            if best is None or (best.veto and not evidence.veto) or (not evidence.veto and evidence.score > best.score):
                best = evidence
    assert best is not None
    return best


def restates(a: Claim, b: Claim) -> bool:
    """Two claims of one source about the same figure: the same subject, or one's subject a party of the other's."""
    if company_key(a.subject) == company_key(b.subject):
        return True
    return company_key(a.subject) in parties(b) or company_key(b.subject) in parties(a)


def upper_bound(a: Fact, b: Fact, context: Context) -> float:
    """The most :func:`.evidence.weigh` could give two facts' claims: a fact's claims are one kind of figure
    (type, cue, subject), so their first claims give the structure; any two values that can both be true, the
    most a value adds."""
    score = structure_score(a.first, b.first, context)
    if any(consistent(x, y) for x in representatives(a) for y in representatives(b)):
        score += WEIGHTS["same figure"] + WEIGHTS["distinctive figure"]
    return score + MOST_FROM_CONTEXT


def cluster(facts: list[Fact], pairs: list[tuple[int, int]], context: Context, tol: float) -> list[Cluster]:
    """Join facts into clusters by evidence (see the module); clusters come in the order of their first fact."""
    values = stated_values(facts)
    scored = []
    for i, j in pairs:
        evidence = fact_evidence(facts[i], facts[j], context, values)
        if evidence.aligned:
            scored.append((-evidence.score, i, j, evidence))
    scored.sort(key=lambda item: item[:3])
    root = list(range(len(facts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(facts))}
    links: dict[int, list[Evidence]] = {i: [] for i in range(len(facts))}

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for _, i, j, evidence in scored:
        ri, rj = find(i), find(j)
        if ri == rj or not _may_join(members[ri], members[rj], facts, context, tol):
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        root[gone] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
        links[keep] = links[keep] + links.pop(gone) + [evidence]
    return [Cluster([facts[i] for i in members[r]], links[r]) for r in sorted(members)]


def _may_join(left: list[int], right: list[int], facts: list[Fact], context: Context, tol: float) -> bool:
    """One figure per source (restatements aside), and no evidence against between any two of their facts.

    A source that states a figure on both sides restates it only if it gives it the same value and, somewhere,
    the same subject or a subject that the other figure names as a party: "Samsung and SK hynix will each
    receive 50,000 GPUs" is two figures, not one.
    """
    by_source: dict[str, list[Claim]] = {}
    for i in left:
        for claim in facts[i].claims:
            by_source.setdefault(claim.source, []).append(claim)
    shared: dict[str, list[Claim]] = {}
    for j in right:
        for claim in facts[j].claims:
            if claim.source in by_source:
                if not same_value(by_source[claim.source][0].value, claim.value, tol):
                    return False
                shared.setdefault(claim.source, []).append(claim)
    for source, theirs in shared.items():
        if not any(restates(x, y) for x in by_source[source] for y in theirs):
            return False
    for i in left:
        for j in right:
            x, y = facts[i].first, facts[j].first
            if other_deal(x, y) or structure_score(x, y, context) - (3.0 if far_apart(x, y) else 0.0) < 0:
                return False
    return True
