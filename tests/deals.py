"""Scoring a scan of a fixture deal against its ``expected.yaml``.

Used by the end-to-end test and by ``python -m tests.deals`` (which prints the
figures per deal: expected groups found with the right verdict, false
disputes, unattributed claims).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.compare import UNATTRIBUTED
from factcheck.scan import scan

DEALS = Path(__file__).resolve().parent / "fixtures" / "deals"


@dataclass
class Score:
    deal: str
    expected: int = 0
    found: int = 0
    right_verdict: int = 0
    false_disputes: list[str] = field(default_factory=list)
    unattributed: int = 0
    claims: int = 0
    misses: list[str] = field(default_factory=list)


def _about(group, subject: str) -> bool:
    """The group's subject, or one of the parties of a deal written from both sides (factcheck/deals.py)."""
    return group.subject == subject or subject in group.parties


def _states(group, value: float) -> bool:
    return any(math.isclose(claim.value, value, rel_tol=1e-6, abs_tol=1e-9) for claim in group.claims)


def _holds(group, value: float) -> bool:
    """A group that states the value, or (when none does) one of several claims whose intervals hold it."""
    return _states(group, value) or (any(c.interval.contains(value) for c in group.claims) and len(group.claims) > 1)


def score(folder: Path, rules=None) -> Score:
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    result = scan([str(folder)], rules)
    s = Score(folder.name, claims=len(result.claims),
              unattributed=sum(1 for c in result.claims if c.subject == UNATTRIBUTED))
    matched = set()
    for item in expected.get("groups", []):
        s.expected += 1
        value = item["value"]
        if isinstance(value, str):  # dates are compared as ISO strings
            from factcheck.report.json import number_or_iso
            candidates = [g for g in result.groups if g.type == item["type"] and _about(g, item["subject"])
                          and any(number_or_iso(c.value, c.unit) == value for c in g.claims)]
        else:
            about = [g for g in result.groups if g.type == item["type"] and _about(g, item["subject"])]
            candidates = ([g for g in about if _states(g, float(value))]  # groups that state the figure first
                          or [g for g in about if _holds(g, float(value))])
        if not candidates:
            s.misses.append(f"missing: {item['type']} {item['subject']} {value} ({item['verdict']})")
            continue
        s.found += 1
        best = next((g for g in candidates if g.verdict == item["verdict"]), candidates[0])
        matched.add(id(best))
        if best.verdict == item["verdict"]:
            s.right_verdict += 1
        else:
            s.misses.append(f"verdict: {item['type']} {item['subject']} {value}: expected {item['verdict']}, "
                            f"got {best.verdict}")
    expected_disputes = {(i["type"], i["subject"]) for i in expected.get("groups", []) if i["verdict"] == "disputed"}
    for g in result.groups:
        if g.verdict == "disputed" and not any((g.type, name) in expected_disputes for name in [g.subject, *g.parties]):
            s.false_disputes.append(f"{g.type} {g.subject} {g.attribute}: "
                                    + " vs ".join(sorted({c.text for c in g.claims})))
    return s


def main() -> None:
    print(f"{'deal':16} {'expected':>8} {'found':>6} {'verdict ok':>10} {'false disputes':>15} {'unattributed':>13}")
    for folder in sorted(p for p in DEALS.iterdir() if (p / "expected.yaml").exists()):
        s = score(folder)
        pending = " (pending)" if yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")).get("pending") else ""
        print(f"{s.deal:16} {s.expected:>8} {s.found:>6} {s.right_verdict:>10} {len(s.false_disputes):>15} "
              f"{s.unattributed:>10}/{s.claims}{pending}")
        if "-v" in sys.argv:
            for line in s.misses + [f"false dispute: {d}" for d in s.false_disputes]:
                print("    " + line)


if __name__ == "__main__":
    main()
