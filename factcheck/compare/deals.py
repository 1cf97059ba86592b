"""Two-party deals: which subjects' figures speak of the same deal.

Claims meet by key (type, subject, attribute, unit).  A deal has two
parties, and outlets differ in which one they make the subject of its own
figures: "Oracle signs a $30 billion deal with OpenAI" / "OpenAI agreed to
rent capacity from Oracle in a deal worth about $30 billion".  Keyed by
subject, those figures would never be compared.

So before grouping, the keys of a deal's figures (a rule file lists the
attributes that are: ``attributes: deal:``, such as a contract's value, not a
share price) are joined when the scan shows they are one deal's:

* **the two parties name each other**: some figure of A's names B as its
  counterparty or as the maker of what it counts, and some figure of B's
  names A ("… with OpenAI" / "… from Oracle" / "1 million Google TPUs"), in
  any deal attribute;
* **neither key speaks of another deal**: every figure in the two keys names
  at most A, B and parties both keys name (an "Nvidia GPUs" that both sides
  mention), and comes from a source that names the deal (a figure of A's
  naming B or of B's naming A).  So "Oracle's 4.5 GW" joins the OpenAI deal
  in an article about that deal, but "NVIDIA's 260,000 GPUs" is not one
  customer's 50,000 when NVIDIA's figures name five customers, and an
  article that mentions a company's figure in passing keeps its key apart;
* a key stated by more than :data:`MOST_SOURCES` sources is never joined.

A scan of a newsroom archive states every large company's figures in many
articles about many deals, so there the keys stay apart, as they were; the
join is for the handful of outlets that cover one deal from both sides.

Everything is decided from a :class:`DealIndex`, which is small (party sets
per key, not claims) and is gathered from every process of a scan, so the
result does not depend on how the claims were partitioned (spill.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..claims import UNATTRIBUTED, Claim

Key = tuple[str, str, str, str]  # Claim.key: type, subject (case-folded), attribute, unit
#: A key stated by more sources than this is not one deal's coverage, and is never joined (nor are its sources kept).
MOST_SOURCES = 64


def parties_of(claim: Claim) -> frozenset[str]:
    """The claim's subject and counterparties, case-folded: the parties of the deal it states."""
    return frozenset([claim.subject.casefold(), *(p.casefold() for p in claim.extra.get("counterparties") or ())])


@dataclass
class DealIndex:
    """What deciding the joins needs of a scan's deal figures: per key, the party sets its figures name."""

    parties: dict[Key, set[frozenset[str]]] = field(default_factory=lambda: defaultdict(set))
    claims: Counter[Key] = field(default_factory=Counter)
    #: the sources stating each key, and the sources naming each pair of parties (None: more than MOST_SOURCES)
    sources: dict[Key, set[str] | None] = field(default_factory=dict)
    naming: dict[frozenset[str], set[str] | None] = field(default_factory=dict)

    def add(self, claim: Claim, deal_attributes: frozenset[tuple[str, str]]) -> None:
        if (claim.type, claim.attribute) not in deal_attributes or claim.subject == UNATTRIBUTED:
            return
        key = claim.key
        self.claims[key] += 1
        _add_source(self.sources, key, {claim.source})
        named = parties_of(claim)
        if claim.extra.get("vendor"):  # "1 million Google TPUs": the subject's deal with Google
            named |= {claim.extra["vendor"].casefold()}
        if len(named) > 1:
            self.parties[key].add(named)
            for party in named - {key[1]}:
                _add_source(self.naming, frozenset((key[1], party)), {claim.source})

    def update(self, other: DealIndex) -> None:
        for key, sets in other.parties.items():
            self.parties[key] |= sets
        self.claims.update(other.claims)
        for key, found in other.sources.items():
            _add_source(self.sources, key, found)
        for pair, found in other.naming.items():
            _add_source(self.naming, pair, found)

    def joins(self) -> dict[Key, Key]:
        """Each key that is grouped under another key, to that key (see the module's rules)."""
        named: dict[str, set[str]] = defaultdict(set)  # subject -> the parties its deal figures name
        for key, sets in self.parties.items():
            for party_set in sets:
                named[key[1]] |= party_set - {key[1]}
        by_rest: dict[tuple[str, str, str], list[str]] = defaultdict(list)  # (type, attribute, unit) -> subjects
        for key in self.claims:
            by_rest[(key[0], key[2], key[3])].append(key[1])
        parent: dict[Key, Key] = {}

        def root(key: Key) -> Key:
            while key in parent:
                key = parent[key]
            return key

        for (claim_type, attribute, unit), subjects in sorted(by_rest.items()):
            present = set(subjects)
            for a in sorted(present):
                for b in sorted(named[a] & present):
                    if a >= b or a not in named[b]:
                        continue  # each pair once, and only parties that name each other
                    ka, kb = (claim_type, a, attribute, unit), (claim_type, b, attribute, unit)
                    if not self._one_deal(ka, kb, named):
                        continue
                    ra, rb = root(ka), root(kb)
                    if ra != rb:
                        keep, join = sorted((ra, rb), key=lambda k: (-self.claims[k], k[1]))
                        parent[join] = keep
        return {key: root(key) for key in parent}

    def _one_deal(self, ka: Key, kb: Key, named: dict[str, set[str]]) -> bool:
        """Do the two keys' figures speak of the deal of their two subjects and of no other?"""
        a, b = ka[1], kb[1]
        covering, stating_a, stating_b = self.naming.get(frozenset((a, b))), self.sources[ka], self.sources[kb]
        if covering is None or stating_a is None or stating_b is None or not (stating_a | stating_b) <= covering:
            return False  # a source that states one of the keys does not name the deal, or too many sources
        own_a = set().union(*self.parties.get(ka, ())) - {a, b}
        own_b = set().union(*self.parties.get(kb, ())) - {a, b}
        allowed = {a, b} | (own_a & own_b)
        for key, subject in ((ka, a), (kb, b)):
            sets = self.parties.get(key)
            if sets:
                if any(not party_set <= allowed for party_set in sets):
                    return False
                if not any((b if subject == a else a) in party_set for party_set in sets):
                    return False  # it names someone, but not the other party
            elif not named[subject] <= allowed:
                return False  # its figures name no one, and its subject has other deals in the scan
        return True


def _add_source(table: dict, key, found: set[str] | None) -> None:
    """Add sources to a table entry, which becomes None (too many to be one deal's) past MOST_SOURCES."""
    if key in table and table[key] is None:
        return
    merged = None if found is None else table.get(key, set()) | found
    table[key] = merged if merged is not None and len(merged) <= MOST_SOURCES else None


def deal_index(claims: Iterable[Claim], deal_attributes: frozenset[tuple[str, str]]) -> DealIndex:
    index = DealIndex()
    for claim in claims:
        index.add(claim, deal_attributes)
    return index
