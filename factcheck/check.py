"""Checking drafts against sources: every draft figure gets a status.

``check_claims`` is the pure core: the sources' figures are grouped as ``scan``
groups them, each draft figure is aligned by the same evidence to the group
that states the same quantity (compare/evidence.py: cue words, parties,
values, …, whatever attribute word the draft used), and given a status:

* ``supported``: every source that states the figure is compatible with it;
* ``contradicted``: some source excludes it, and the evidence that it states the
  same quantity is strong (or a ledger entry excludes it);
* ``disputed-sources``: the sources disagree among themselves, so the draft
  takes one side of a dispute;
* ``unsupported``: no source states it (or it conflicts only with figures
  aligned to it weakly).

A ledger entry (see ``ledger.py``) outranks the sources: when one exists for
the key, it alone decides between supported and contradicted.
``check`` is the file-level entry point behind ``factcheck check``.
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .claims import Claim, Group, Problem, Source
from .compare import UNATTRIBUTED, block_of, consistent, distance, group_claims, judge, weigh
from .compare.evidence import Context, strongly_aligned
from .compare.text import text_kind
from .rules import RuleSet, load_rules

#: Statuses from least to most severe; ``--fail-on X`` fails on X and everything after it.
STATUSES = ("supported", "unsupported", "disputed-sources", "contradicted")


@dataclass
class Finding:
    """The status of one draft claim, with the source (or ledger) claims that decided it."""

    status: str
    claim: Claim
    evidence: list[Claim] = field(default_factory=list)  # every source claim about the same figure
    against: list[Claim] = field(default_factory=list)  # evidence that excludes the draft figure
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # evidence pairs that exclude each other
    ledger: bool = False  # decided by a ledger entry
    suppressed: str | None = None  # why a suppression comment silenced it ("" when no reason was given)
    baselined: bool = False  # already recorded in the baseline file

    @property
    def gating(self) -> bool:
        """Can this finding fail a run (neither suppressed nor in the baseline)?"""
        return self.suppressed is None and not self.baselined


def severity(status: str) -> int:
    return STATUSES.index(status)


def at_or_above(status: str, threshold: str) -> bool:
    return severity(status) >= severity(threshold)


def check_claims(
    draft_claims: Iterable[Claim],
    source_claims: Iterable[Claim] | SourceFigures,
    ledger: Iterable[Claim] = (),
    rules: RuleSet | None = None,
) -> list[Finding]:
    """One finding per draft claim, in the draft's order.

    Each draft figure is aligned, by the evidence ``scan`` uses (compare/evidence.py), to the sources'
    group that states the same quantity, whatever attribute word the draft used; quotes and roles are
    matched by person as ``scan`` groups them.
    """
    figures = source_claims if isinstance(source_claims, SourceFigures) else SourceFigures(source_claims, rules)
    ledger_by_key: dict[tuple, list[Claim]] = defaultdict(list)
    for entry in ledger:
        ledger_by_key[entry.key].append(entry)
    return [judge_claim(claim, figures, ledger_by_key.get(claim.key, [])) for claim in draft_claims]


class SourceFigures:
    """The sources' claims grouped as ``scan`` groups them, for draft figures to be aligned to."""

    def __init__(self, claims: Iterable[Claim], rules: RuleSet | None = None) -> None:
        claims = [c for c in claims if c.subject != UNATTRIBUTED or not text_kind(c)]
        self.rules = rules
        self.tolerance = rules.tolerance if rules is not None else (lambda _t: 0.0)
        self._dimensions = rules.dimensions if rules is not None else {}
        self.by_block: dict[tuple, list[Group]] = defaultdict(list)
        self.text_by_key: dict[tuple, list[Claim]] = defaultdict(list)
        self.by_key: dict[tuple, list[Claim]] = defaultdict(list)  # figures by key: a draft's "Monday" is placed by them
        figures = []
        for claim in claims:
            if text_kind(claim):
                self.text_by_key[claim.key].append(claim)
            else:
                figures.append(claim)
                self.by_key[claim.key].append(claim)
        self.groups = group_claims(figures, rules)
        for group in self.groups:
            self.by_block[block_of(group.claims[0], self._dimensions)].append(group)
        self.contexts = {block: dataclasses.replace(Context.of([c for g in groups for c in g.claims], rules),
                                                    far_apart_counts=False)
                         for block, groups in self.by_block.items()}

    def aligned(self, claim: Claim) -> tuple[list[Claim], Context | None]:
        """The source claims that state the same quantity as the draft's ``claim`` (its best-aligned group)."""
        if text_kind(claim):
            return self.text_by_key.get(claim.key, []), None
        block = block_of(claim, self._dimensions)
        context = self.contexts.get(block)
        best: tuple | None = None
        for rank, group in enumerate(self.by_block.get(block, ())):
            evidence = max((weigh(claim, c, context) for c in group.claims[:MOST_WEIGHED]), key=lambda e: e.score)
            if not evidence.aligned:
                continue
            nearest = min(distance(claim.value, c.value) if claim.value == claim.value and c.value == c.value else 1.0
                          for c in group.claims)
            candidate = (-evidence.score, nearest, rank)
            if best is None or candidate < best[0]:
                best = (candidate, group)
        return (best[1].claims if best else []), context


#: Claims of a source group weighed against a draft figure (the best decides).
MOST_WEIGHED = 12


def judge_claim(claim: Claim, figures: SourceFigures, ledger: list[Claim]) -> Finding:
    """The status of one draft claim given the sources (and the ledger entries of its key)."""
    if claim.subject == UNATTRIBUTED:
        return Finding("unsupported", claim)
    if claim.unit == "date" and not math.isfinite(claim.value):  # "on Monday": placed by the sources' dates
        from .dates import placed_against

        claim, evidence = placed_against(claim, figures.by_key.get(claim.key, []))
        context = None
    else:
        evidence, context = figures.aligned(claim)
    if ledger:
        entry = min(ledger, key=lambda e: distance(e.value, claim.value))
        if not consistent(claim, entry):
            return Finding("contradicted", claim, [entry, *evidence], [entry], ledger=True)
        return Finding("supported", claim, [entry, *evidence], ledger=True)
    if not evidence:
        return Finding("unsupported", claim)
    tol = figures.tolerance(claim.type)
    if context is None:  # quotes and roles: one key, every alignment as strong as before
        against = [e for e in evidence if not consistent(claim, e)]
        conflicts = judge(claim.key, evidence, tol).conflicts
    else:
        strong = {id(e): strongly_aligned(claim, e, context) for e in evidence}
        against = [e for e in evidence if not consistent(claim, e) and strong[id(e)]]
        weakly_against = any(not consistent(claim, e) and not strong[id(e)] for e in evidence)
        if not against and weakly_against and not any(consistent(claim, e) and strong[id(e)] for e in evidence):
            # it conflicts with figures aligned to it only weakly, and none states the same quantity for sure
            return Finding("unsupported", claim, evidence)
        conflicts = judge(claim.key, evidence, tol, lambda a, b: strongly_aligned(a, b, context)).conflicts
    if conflicts and len(against) < len(evidence):
        return Finding("disputed-sources", claim, evidence, against, conflicts)
    if against:
        return Finding("contradicted", claim, evidence, against, conflicts)
    return Finding("supported", claim, evidence)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per status, for the summary line."""
    tally = Counter(f.status for f in findings if f.gating or f.status == "supported")
    return {status: tally.get(status, 0) for status in STATUSES}


# --------------------------------------------------------------------------- files


@dataclass
class CheckResult:
    """Everything ``factcheck check`` reports: the findings and what they were built from."""

    drafts: list[Source]
    sources: list[Source]
    findings: list[Finding]
    problems: list[Problem] = field(default_factory=list)
    stale_suppressions: list[Problem] = field(default_factory=list)  # suppressions that silenced nothing
    ledger: list[Claim] = field(default_factory=list)
    lints: list = field(default_factory=list)  # editorial lints of the drafts (lints.Lint)
    draft_texts: dict[str, str] = field(default_factory=dict)  # each draft's text, for reports that show it

    @property
    def failed_inputs(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]

    def failing(self, fail_on: str = "contradicted") -> list[Finding]:
        """The findings that fail the run: at or above ``fail_on``, not suppressed, not in the baseline."""
        return [f for f in self.findings if f.gating and f.status != "supported" and at_or_above(f.status, fail_on)]

    def counts(self) -> dict[str, int]:
        return counts(self.findings)

    @property
    def suppressed(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is not None]

    @property
    def baselined(self) -> list[Finding]:
        return [f for f in self.findings if f.baselined and f.suppressed is None]


def check(
    drafts: Sequence[str],
    against: Sequence[str],
    rules: RuleSet | None = None,
    ledger: Sequence[Claim] = (),
    baseline=None,
    strict: bool = False,
    **read_options,
) -> CheckResult:
    """Read drafts and sources, extract their claims and check every draft claim.

    A file given both as a draft and as a source is only a draft: a draft
    never confirms itself.  Suppression comments in drafts are honoured
    (``suppress.py``); ``baseline`` (a :class:`factcheck.baseline.Baseline`)
    marks findings already recorded.  The drafts' editorial lints come too;
    ``strict`` adds a lint for every figure whose sentence and paragraph name
    no source.
    """
    from .lints import lint_documents
    from .scan import extract_documents, read_sources
    from .suppress import apply_suppressions, blank_directives, parse_suppressions

    rules = rules or load_rules()
    stdin = read_options.pop("stdin", None)
    draft_docs, problems = read_sources(drafts, stdin=stdin, **read_options)
    source_docs, source_problems = read_sources(against, **read_options)
    problems.extend(source_problems)
    draft_files = {_real(d.path) for d in draft_docs}
    source_docs = [d for d in source_docs if _real(d.path) not in draft_files]
    source_claims = SourceFigures(extract_documents(source_docs, rules, problems), rules)
    findings: list[Finding] = []
    stale: list[Problem] = []
    lints = []
    for document in draft_docs:
        suppressions = parse_suppressions(document, problems)
        claims = extract_documents([blank_directives(document, suppressions)], rules, problems)
        lints.extend(lint_documents([document], rules, claims, strict=strict))
        doc_findings = check_claims(claims, source_claims, ledger, rules)
        stale.extend(apply_suppressions(doc_findings, suppressions, document.path))
        findings.extend(doc_findings)
    if baseline is not None:
        baseline.mark(findings)
    return CheckResult([d.source for d in draft_docs], [d.source for d in source_docs], findings, problems, stale,
                       list(ledger), lints, {d.path: d.text for d in draft_docs})


def _real(path: str) -> str:
    return path if path == "-" else os.path.realpath(path)
