"""Baselines: gate a draft only on findings that are new since a recorded state.

An entry is keyed on the claim — file, type, subject, attribute and the
normalised figure — never on its line, so editing other paragraphs keeps the
baseline valid.  Entries are counted: if the baseline holds one contradicted
"70,000 GPUs" and the draft now states it twice, one of the two is new.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Iterable

from .claims import Claim

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read (the message names the file)."""


def claim_key(claim: Claim) -> tuple[str, str, str, str, str]:
    """(file, type, subject, attribute, normalised figure) — what a baseline entry is about."""
    figure = f"{claim.qualifier} {claim.value:.10g} {claim.unit}".strip()
    return (PurePosixPath(claim.source.replace("\\", "/")).as_posix(), claim.type, claim.subject, claim.attribute,
            figure)


@dataclass
class Baseline:
    """Recorded findings: (claim key, status) → how many times."""

    entries: Counter = field(default_factory=Counter)

    def mark(self, findings) -> None:
        """Flag the findings the baseline already holds (``Finding.baselined``), counting repeats."""
        left = Counter(self.entries)
        for finding in findings:
            key = (*claim_key(finding.claim), finding.status)
            if finding.status != "supported" and left[key] > 0:
                left[key] -= 1
                finding.baselined = True


def from_findings(findings: Iterable) -> Baseline:
    """The baseline that records every reported (not supported, not suppressed) finding."""
    return Baseline(Counter((*claim_key(f.claim), f.status) for f in findings
                            if f.status != "supported" and f.suppressed is None))


def dumps(baseline: Baseline) -> str:
    rows = []
    for (file, claim_type, subject, attribute, figure, status), n in sorted(baseline.entries.items()):
        rows.append({"file": file, "type": claim_type, "subject": subject, "attribute": attribute,
                     "figure": figure, "status": status, "count": n})
    return json.dumps({"factcheck_baseline": BASELINE_VERSION, "findings": rows}, ensure_ascii=False, indent=2) + "\n"


def write(baseline: Baseline, path: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(dumps(baseline))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: invalid JSON in baseline: {exc.msg}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("factcheck_baseline") != BASELINE_VERSION:
        raise BaselineError(f"{path}: not a factcheck baseline (expected \"factcheck_baseline\": {BASELINE_VERSION})")
    entries: Counter = Counter()
    for i, row in enumerate(data.get("findings") or []):
        try:
            key = tuple(str(row[k]) for k in ("file", "type", "subject", "attribute", "figure", "status"))
            entries[key] += int(row.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path}: findings[{i}] needs file, type, subject, attribute, figure and status") from None
    return Baseline(entries)
