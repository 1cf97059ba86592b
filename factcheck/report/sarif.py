"""SARIF 2.1.0: check findings for code-scanning tools (GitHub code scanning and others).

One rule per status; each finding that is not ``supported`` becomes a result
at the draft claim's location, with the deciding source claims as related
locations and the source quote in the message.  Suppressed findings carry a
SARIF ``suppressions`` entry and baselined ones ``baselineState``, so viewers
hide them instead of losing them.  Article text goes into JSON strings only,
which the JSON encoder escapes.
"""

from __future__ import annotations

import hashlib
import json as _json
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..claims import Claim, Source
from .messages import STATUS_TITLES, evidence_line, finding_message

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"contradicted": "error", "disputed-sources": "warning", "unsupported": "note", "supported": "none"}
HELP = {
    "contradicted": "A source (or the ledger) states a figure that excludes the draft's. Correct the figure, "
                    "or mark it as checked by hand with <!-- factcheck: ignore reason=\"...\" -->.",
    "disputed-sources": "The sources exclude each other about this figure; the draft sides with some of them. "
                        "Check which source is right and say so in the draft.",
    "unsupported": "No source states this figure. Add the source that does, or a ledger entry.",
    "supported": "Every source that states this figure is compatible with it.",
}
RULE_IDS = ("contradicted", "disputed-sources", "unsupported", "supported")
UNUSED_SUPPRESSION = "unused-suppression"


def uri(path: str) -> str:
    """A relative POSIX path stays relative (code scanning resolves it in the repository); others become file URIs."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePosixPath(path.replace("\\", "/")).as_posix(), safe="/")


def fingerprint(claim: Claim) -> str:
    """Stable across edits elsewhere in the draft: the claim's file, key and figure, not its line."""
    from ..baseline import claim_key

    return hashlib.sha256("\x1f".join(claim_key(claim)).encode()).hexdigest()[:32]


def location(claim: Claim, message: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, claim.line), "startColumn": max(1, claim.column)}
    if "\n" not in claim.text and "\r" not in claim.text:
        region["endColumn"] = region["startColumn"] + len(claim.text)
    region["snippet"] = {"text": claim.quote}
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri(claim.source)}, "region": region}}
    if message:
        loc["message"] = {"text": message}
    return loc


def rules() -> list[dict[str, Any]]:
    items = [{
        "id": status,
        "name": "".join(part.capitalize() for part in status.split("-")),
        "shortDescription": {"text": STATUS_TITLES[status].capitalize()},
        "fullDescription": {"text": HELP[status]},
        "help": {"text": HELP[status]},
        "defaultConfiguration": {"level": LEVELS[status]},
    } for status in RULE_IDS]
    items.append({
        "id": UNUSED_SUPPRESSION,
        "name": "UnusedSuppression",
        "shortDescription": {"text": "A factcheck suppression comment silences nothing"},
        "help": {"text": "Remove the comment: the figures it covers are no longer reported."},
        "defaultConfiguration": {"level": "warning"},
    })
    return items


def result_dict(finding, sources: dict[str, Source], with_baseline: bool) -> dict[str, Any]:
    related = finding.against if finding.status == "contradicted" else finding.evidence
    result: dict[str, Any] = {
        "ruleId": finding.status,
        "ruleIndex": RULE_IDS.index(finding.status),
        "level": LEVELS[finding.status],
        "message": {"text": finding_message(finding, sources)},
        "locations": [location(finding.claim)],
        "partialFingerprints": {"factcheckClaim/v1": fingerprint(finding.claim)},
    }
    if related:
        result["relatedLocations"] = [dict(location(c, evidence_line(c, sources)), id=i)
                                      for i, c in enumerate(related)]
    if finding.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed or "checked by hand"}]
    if with_baseline:
        result["baselineState"] = "unchanged" if finding.baselined else "new"
    return result


def check_log(result, with_baseline: bool = False) -> dict[str, Any]:
    """The SARIF log of a check."""
    sources = {s.path: s for s in result.sources}
    results = [result_dict(f, sources, with_baseline) for f in result.findings if f.status != "supported"]
    for problem in result.stale_suppressions:
        results.append({
            "ruleId": UNUSED_SUPPRESSION,
            "ruleIndex": len(RULE_IDS),
            "level": "warning",
            "message": {"text": problem.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(problem.path)},
                                                "region": {"startLine": problem.line or 1}}}],
        })
    notifications = [{
        "level": "error" if p.fatal else "warning",
        "message": {"text": p.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(p.path)},
                                            **({"region": {"startLine": p.line}} if p.line else {})}}],
    } for p in result.problems]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": rules()}},
            "invocations": [{"executionSuccessful": not result.failed_inputs,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def write(log: dict[str, Any], out: TextIO) -> None:
    _json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
