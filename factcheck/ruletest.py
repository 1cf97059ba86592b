"""Self-testing rules: run each rule's ``examples:`` and say what differs.

An example is a sentence and the claims the rule must find in it::

    examples:
      - text: "Samsung pledged 4.3 trillion won."
        expect: [{unit: KRW, value: 4300000000000, subject: Samsung Electronics}]
      - text: "The RTX PRO 6000 ships in 2026."
        expect: []            # nothing may be found
      - text: "..."
        expect: [...]
        xfail: "why this is a known gap"

The sentence is run through the whole rule set (so overlaps with other
rules are resolved as in a real scan) and the claims *of the example's rule*
are compared with the expected ones: every key given in an expected claim is
compared, numbers with a tiny relative tolerance.  ``factcheck rules test``
and ``tests/test_rule_examples.py`` both use :func:`run_examples`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable

from .claims import Claim
from .documents import document_from_text
from .extract import extract_claims
from .rules import Rule, RuleSet

#: Claim fields an example may state.
EXPECTABLE = ("text", "subject", "attribute", "qualifier", "value", "low", "high", "unit", "time")


@dataclass
class ExampleResult:
    """One example run: what was expected, what was found, and how they differ."""

    rule: str
    path: str
    index: int
    text: str
    expected: list[dict[str, Any]]
    actual: list[Claim]
    differences: list[str] = field(default_factory=list)
    xfail: str | None = None

    @property
    def passed(self) -> bool:
        return not self.differences

    @property
    def status(self) -> str:
        """pass, fail, xfail (a known gap, still failing) or xpass (a known gap that now works)."""
        if self.xfail:
            return "xpass" if self.passed else "xfail"
        return "pass" if self.passed else "fail"

    @property
    def failed(self) -> bool:
        return self.status == "fail"

    @property
    def name(self) -> str:
        return f"{self.rule}[{self.index}]"


def claim_fields(claim: Claim, keys: Iterable[str] = EXPECTABLE) -> dict[str, Any]:
    """The fields an example can expect; dates as ISO strings, as the JSON output gives them."""
    return {key: _field(claim, key) for key in keys}


def _field(claim: Claim, key: str) -> Any:
    value = getattr(claim, key, None)
    if key in ("value", "low", "high") and claim.unit == "date":
        from .report.json import number_or_iso
        return number_or_iso(value, "date")
    return value


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(actual, (int, float)):
        if math.isinf(expected) or math.isinf(actual):
            return expected == actual
        return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)
    return str(expected) == str(actual)


def differences(expected: dict[str, Any], claim: Claim) -> list[str]:
    """The keys of an expected claim whose value the actual claim does not have."""
    out = []
    for key, want in expected.items():
        got = _field(claim, key)
        if not _same(want, got):
            out.append(f"{key}: expected {_show(want)}, got {_show(got)}")
    return out


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and not math.isinf(value):
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def check_example(rule: Rule, index: int, rules: RuleSet) -> ExampleResult:
    """Run one example of a rule and compare the claims of that rule's type."""
    example = rule.examples[index]
    text = str(example.get("text", ""))
    expected = [dict(e) for e in example.get("expect") or []]
    document = document_from_text(f"{rule.path}#examples[{index}]", text)
    actual = [c for c in extract_claims(document, rules) if c.type == rule.type]
    result = ExampleResult(rule.type, rule.path, index, text, expected, actual, xfail=example.get("xfail"))
    unused = list(actual)
    for number, want in enumerate(expected):
        exact = next((c for c in unused if not differences(want, c)), None)
        if exact is not None:
            unused.remove(exact)
            continue
        if not unused:
            result.differences.append(f"expected claim {number + 1} not found: {format_claim(want)}")
            continue
        closest = min(unused, key=lambda c: len(differences(want, c)))
        unused.remove(closest)
        result.differences.append(f"claim {number + 1} ({closest.text!r}): " + "; ".join(differences(want, closest)))
    for extra in unused:
        shown = {k: v for k, v in claim_fields(extra).items() if k in ("text", "subject", "attribute", "value",
                                                                         "qualifier", "unit")}
        result.differences.append(f"unexpected claim: {format_claim(shown)}")
    return result


def format_claim(fields: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in fields.items()) + "}"


def run_examples(rules: RuleSet, types: Iterable[str] | None = None) -> list[ExampleResult]:
    """Every example of the rules (or of the given claim types), in rule order."""
    wanted = set(types) if types is not None else None
    results = []
    for rule in rules.rules:
        if wanted is not None and rule.type not in wanted:
            continue
        for index in range(len(rule.examples)):
            results.append(check_example(rule, index, rules))
    return results


def example_ids(rules: RuleSet) -> list[tuple[str, int]]:
    """(claim type, example index) for every example: what a test parametrises over."""
    return [(rule.type, i) for rule in rules.rules for i in range(len(rule.examples))]


# --------------------------------------------------------------------------- the rules in effect


@dataclass
class RuleSummary:
    """A rule in effect, for ``factcheck rules list``."""

    type: str
    path: str
    origin: str  # "packaged" or the folder it was added from
    patterns: int
    cues: int
    examples: int
    priority: int
    extended_by: list[str]
    replaces: str = ""  # the packaged file a user rule of the same type replaced


def summarise_rules(rules: RuleSet) -> list[RuleSummary]:
    """The rules in effect, where each comes from, and what it replaced or was extended by."""
    from pathlib import Path

    from .rules import load_rules, packaged_rules_dir

    packaged_dir = packaged_rules_dir().resolve()
    packaged = load_rules()
    out = []
    for rule in rules.rules:
        folder = Path(rule.path).resolve().parent
        origin = "packaged" if folder == packaged_dir else str(Path(rule.path).parent)
        base = packaged.by_type(rule.type)
        replaces = base.path if base is not None and origin != "packaged" else ""
        out.append(RuleSummary(rule.type, rule.path, origin, len(rule.patterns), len(rule.cues), len(rule.examples),
                               rule.priority, list(rule.extended_by), replaces))
    return out


def rules_from(rules: RuleSet, folder: str) -> list[str]:
    """Claim types a folder defines or extends: what ``rules test FOLDER`` runs."""
    from pathlib import Path

    where = Path(folder).resolve()
    types = []
    for rule in rules.rules:
        files = [rule.path, *rule.extended_by]
        if any(Path(f).resolve().parent == where for f in files):
            types.append(rule.type)
    return types
