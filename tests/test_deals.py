"""Four deals the rules were not written for: the verdicts a fact-checker expects."""

from __future__ import annotations

import pytest

from .deals import DEALS, score

FOLDERS = sorted(p for p in DEALS.iterdir() if (p / "expected.yaml").exists())


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_expected_groups_and_verdicts(folder, rules):
    s = score(folder, rules)
    assert not s.false_disputes, s.false_disputes
    assert s.unattributed <= s.claims // 10, f"{s.unattributed} of {s.claims} claims unattributed"
    assert s.right_verdict >= 0.8 * s.expected, "\n".join(s.misses)


def test_there_are_four_deal_types():
    assert {f.name for f in FOLDERS} >= {"chip_supply", "funding_round", "acquisition", "cloud_contract"}
