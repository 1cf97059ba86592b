"""Every example of every packaged rule is a test: the sentence must give exactly the claims expected."""

from __future__ import annotations

import pytest

from factcheck.rules import load_rules
from factcheck.ruletest import check_example, example_ids

RULES = load_rules()
IDS = example_ids(RULES)


@pytest.mark.parametrize(("claim_type", "index"), IDS, ids=[f"{t}[{i}]" for t, i in IDS])
def test_packaged_rule_example(claim_type: str, index: int) -> None:
    rule = RULES.by_type(claim_type)
    result = check_example(rule, index, RULES)
    if result.xfail and not result.passed:
        pytest.xfail(result.xfail)
    assert result.passed, f"{result.text!r}:\n  " + "\n  ".join(result.differences)


def test_every_packaged_rule_has_examples() -> None:
    assert RULES.rules
    for rule in RULES.rules:
        assert rule.examples, f"{rule.path} has no examples"
