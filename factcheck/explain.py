"""Why a sentence gives the claims it gives: ``factcheck rules explain "TEXT"``.

For each figure: the rule and pattern that matched, the groups captured, the
normalised value and interval, the subject and the reason it was chosen.
Matches that did not become claims are listed too, with the reason (lost to
an overlapping match, not a figure, the rule's trigger absent, a unit the rule
does not know), since "why is this not found?" is the other question a rule
author asks.

``factcheck rules align "TEXT A" "TEXT B"`` asks the comparison's question:
why a figure of one text was, or was not, aligned with a figure of another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from .claims import Claim, Problem
from .compare.evidence import JOIN
from .documents import document_from_text
from .extract import _is_figure, _trim, _unit, extract_claims, figure_span
from .rules import PATTERN_TIMEOUT, Rule, RuleSet


@dataclass
class PatternMatch:
    """One match of one rule pattern in the text, and what became of it."""

    rule: str
    file: str  # the file the pattern was written in
    pattern: int
    source: str  # the pattern as written, pieces unexpanded
    text: str
    start: int
    end: int
    groups: dict[str, str]
    outcome: str  # "claim" or why it gave none
    claims: list[Claim] = field(default_factory=list)


@dataclass
class Explanation:
    text: str
    claims: list[Claim]
    matches: list[PatternMatch]
    problems: list[Problem] = field(default_factory=list)


def explain(text: str, rules: RuleSet) -> Explanation:
    """Run the rules over ``text`` and account for every pattern match."""
    document = document_from_text("<text>", text)
    problems: list[Problem] = []
    claims = extract_claims(document, rules, problems)
    scan = document.scan_text
    matches: list[PatternMatch] = []
    for s, e in document.sentences:
        for rule in rules.rules:
            triggered = rule.trigger is None or rule.trigger.search(scan, s, e) is not None
            for i, pattern in enumerate(rule.patterns):
                try:
                    found = list(pattern.finditer(scan, s, e, timeout=PATTERN_TIMEOUT))
                except TimeoutError:
                    continue  # reported by extract_claims as a problem
                for m in found:
                    matches.append(_account(rule, i, m, scan, claims, triggered))
    matches.sort(key=lambda pm: (pm.start, pm.outcome != "claim", pm.rule, pm.pattern))
    return Explanation(text, claims, matches, problems)


def _account(rule: Rule, index: int, m: regex.Match, scan: str, claims: list[Claim], triggered: bool) -> PatternMatch:
    start, end = _trim(scan, *figure_span(m))
    groups = {name: value for name, value in m.groupdict().items() if value}
    own = [c for c in claims if c.rule == rule.type and c.pattern == index and c.offset == start]
    if own:
        outcome = "claim"
    elif not triggered:
        outcome = "not run: none of the rule's trigger words is in the sentence"
    elif end <= start:
        outcome = "empty match"
    elif not _is_figure(scan, m, rule):
        outcome = "not a figure for this rule: a model number, a year, or a sum of money in a count"
    else:
        rival = next((c for c in claims if c.offset < end and start < c.offset + len(c.text)), None)
        if rival is not None:
            outcome = (f"lost to {rival.rule} patterns[{rival.pattern}] ({rival.text!r}): where matches overlap "
                       f"the higher priority, then the longer one wins")
        elif _unit(rule, m)[0] is None and rule.nouns is not None:
            outcome = f"no count: {rule.nouns.reading(groups.get('unit'))[1]}"
        elif _unit(rule, m)[0] is None:
            outcome = f"unit {groups.get('unit', '')!r} is none of the rule's units"
        else:
            outcome = "could not be read as a number"
    files = rule.pattern_files or [rule.path]
    return PatternMatch(rule.type, files[index] if index < len(files) else rule.path, index,
                        rule.pattern_sources[index], scan[start:end], start, end, groups, outcome, own)


@dataclass
class PairAlignment:
    """Why a claim of one text was or was not aligned with a claim of another (``rules align``)."""

    a: Claim
    b: Claim
    evidence: Any  # compare.evidence.Evidence
    consistent: bool
    grouped: bool  # the two ended in one group when both texts were scanned together

    @property
    def outcome(self) -> str:
        ev = self.evidence
        if ev.veto:
            return f"not aligned: {ev.veto}"
        if not ev.aligned:
            return f"not aligned: score {ev.score:g} is under {JOIN:g}"
        if not self.grouped:
            return "aligned, but grouped apart (a stronger alignment took one of them, or one source has two figures)"
        if self.consistent:
            return "aligned: both can be true"
        return "aligned: a dispute" if ev.strong else "aligned only weakly: related, not a dispute"


def explain_alignment(text_a: str, text_b: str, rules: RuleSet) -> list[PairAlignment]:
    """Every pair of figures of the same dimension, one from each text, with the evidence for and against their
    being one quantity, as ``scan`` weighs it when both texts are scanned together."""
    from .compare import block_of, group_claims
    from .compare.evidence import Context, weigh
    from .compare.text import text_kind
    from .compare.verdicts import consistent

    first = [c for c in extract_claims(document_from_text("A", text_a), rules) if not text_kind(c)]
    second = [c for c in extract_claims(document_from_text("B", text_b), rules) if not text_kind(c)]
    together = {id(c): i for i, g in enumerate(group_claims(first + second, rules)) for c in g.claims}
    contexts: dict[tuple, Context] = {}
    pairs = []
    for a in first:
        block = block_of(a, rules.dimensions)
        if block not in contexts:
            contexts[block] = Context.of([c for c in first + second if block_of(c, rules.dimensions) == block], rules)
        for b in second:
            if block_of(b, rules.dimensions) == block:
                pairs.append(PairAlignment(a, b, weigh(a, b, contexts[block]), consistent(a, b),
                                           together.get(id(a)) == together.get(id(b))))
    return pairs
