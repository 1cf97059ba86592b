"""Clusters: facts joined into groups by evidence, strongest evidence first.

Each candidate pair of facts (:mod:`.candidates`) is weighed (:mod:`.evidence`) on a few of their
claims; pairs that reach :data:`.evidence.JOIN` are joined in order of their score (ties by the facts'
canonical order, so the result never depends on input order), unless the join would

* give one source two different figures in one group (a source's restatements of one value may join:
  "Amazon's $38bn deal" and "OpenAI's $38 billion contract" in one article), or
* put together two facts whose own evidence is against it (a veto, such as two different deals, or a
  score below zero, such as different parties with different cue words).

A group remembers the weakest evidence that joined it: reports show it ("same cue 'warrant' · shared
party amd, openai") and verdicts use it (a conflict is a dispute only where the alignment is strong).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..claims import Claim
from .candidates import Fact
from .evidence import Context, Evidence, parties, weigh
from .verdicts import same_value

#: Claims of each fact that stand for it when two facts are weighed.
REPRESENTATIVES = 4


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


def fact_evidence(a: Fact, b: Fact, context: Context) -> Evidence:
    """The best evidence between two facts' representatives (a veto between any of them vetoes)."""
    best: Evidence | None = None
    for x in representatives(a):
        for y in representatives(b):
            evidence = weigh(x, y, context)
            if evidence.veto:
                return evidence
            if best is None or evidence.score > best.score:
                best = evidence
    assert best is not None
    return best


def restates(a: Claim, b: Claim) -> bool:
    """Two claims of one source about the same figure: the same subject, or parties that name each other."""
    if a.subject.casefold() == b.subject.casefold():
        return True
    return a.subject.casefold() in parties(b) and b.subject.casefold() in parties(a)


def cluster(facts: list[Fact], pairs: list[tuple[int, int]], context: Context, tol: float) -> list[Cluster]:
    """Join facts into clusters by evidence (see the module); clusters come in the order of their first fact."""
    scored = []
    for i, j in pairs:
        evidence = fact_evidence(facts[i], facts[j], context)
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
    the same subject or two parties that name each other: "Samsung and SK hynix will each receive 50,000 GPUs"
    is two figures, not one.
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
            evidence = weigh(facts[i].first, facts[j].first, context)
            if evidence.veto or evidence.score < 0:
                return False
    return True
