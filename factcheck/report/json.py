"""JSON output: the contract scripts and CI rely on (``"factcheck": 1``).

Field names are fixed; new fields may be added, none renamed.
"""

from __future__ import annotations

import datetime as _dt
import io
import json as _json
import math
import re
from typing import Any, Iterable, TextIO

import orjson

from ..claims import Claim, Group, Problem, Source

SCHEMA_VERSION = 1


def number_or_iso(value: float, unit: str) -> Any:
    """Numbers as JSON numbers (null for an open end); dates as ISO strings."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):  # open end, or year unknown
        return None
    if unit == "date":
        return _dt.date.fromordinal(int(value)).isoformat()
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return round(value, 10)


def claim_dict(claim: Claim) -> dict[str, Any]:
    data = {
        "source": claim.source,
        "type": claim.type,
        "subject": claim.subject,
        "attribute": claim.attribute,
        "text": claim.text,
        "qualifier": claim.qualifier,
        "value": number_or_iso(claim.value, claim.unit),
        "low": number_or_iso(claim.low, claim.unit),
        "high": number_or_iso(claim.high, claim.unit),
        "unit": claim.unit,
        "line": claim.line,
        "column": claim.column,
        "quote": claim.quote,
        "low_inclusive": claim.low_closed and not math.isinf(claim.low),
        "high_inclusive": claim.high_closed and not math.isinf(claim.high),
    }
    if claim.time:
        data["time"] = claim.time
    data.update({k: v for k, v in claim.extra.items() if k not in data})
    return data


def source_dict(source: Source) -> dict[str, Any]:
    return {"path": source.path, "name": source.name, "pub_date": source.pub_date,
            "pub_date_origin": source.pub_date_origin}


def group_dict(group: Group) -> dict[str, Any]:
    data = {
        "type": group.type,
        "subject": group.subject,
        "attribute": group.attribute,
        "unit": group.unit,
        "verdict": group.verdict,
        "conflicts": [list(pair) for pair in group.conflicts],
        "claims": [claim_dict(c) for c in group.claims],
    }
    if group.note:
        data["note"] = group.note
    if group.parties:
        data["parties"] = list(group.parties)
    if group.alignment:
        data["alignment"] = dict(group.alignment)
    return data


def problem_dict(problem: Problem) -> dict[str, Any]:
    return {"path": problem.path, "line": problem.line, "message": problem.message,
            "severity": "error" if problem.fatal else "warning"}


def lint_dict(lint) -> dict[str, Any]:
    return {"path": lint.path, "line": lint.line, "column": lint.column, "kind": lint.kind,
            "message": lint.message, "quote": lint.quote}


def document(sources: list[Source], claims: list[Claim], groups: list[Group] | None = None,
             problems: list[Problem] | None = None, lints: list | None = None, *, streamed: bool = False,
             **extra: Any) -> dict[str, Any]:
    """The report as a dict.  ``streamed``: claims and groups become dicts only as :func:`write` writes
    them, so that a scan of an archive never holds its whole report in memory (the dict is then only
    for ``write``)."""
    data: dict[str, Any] = {
        "factcheck": SCHEMA_VERSION,
        "sources": [source_dict(s) for s in sources],
        "claims": _Converted(claims, claim_dict) if streamed else [claim_dict(c) for c in claims],
    }
    if groups is not None:
        data["groups"] = _Converted(groups, group_dict) if streamed else [group_dict(g) for g in groups]
    if problems:
        data["problems"] = [problem_dict(p) for p in problems]
    if lints is not None:
        data["lints"] = [lint_dict(x) for x in lints]
    data.update(extra)
    return data


class _Converted:
    """Items that :func:`write` reads one at a time, each converted only when it is written
    (the items may be a list, or claims and groups read back from disk)."""

    def __init__(self, items: Iterable, convert) -> None:
        self._items = items
        self._convert = convert

    def __iter__(self):
        return map(self._convert, self._items)


#: Characters JSON may carry raw but that act on a terminal or hide text when the output is
#: viewed (DEL, C1 controls, line/paragraph separators, bidi and zero-width marks, BOM) and lone
#: surrogates (not encodable as UTF-8).  ``json`` already escapes C0 controls, quotes and backslashes.
_UNSAFE = re.compile(  # the standard engine scans a plain class several times faster
    r"[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    r"\ud800-\udfff\U000e0000-\U000e007f]")


def dumps(data: dict[str, Any]) -> str:
    """The report as JSON text: UTF-8 safe, with invisible and control characters written as \\u escapes.

    Those characters only ever occur inside JSON strings, where a \\u escape
    means the same character, so any JSON parser reads the same data.  The
    layout is that of ``json.dumps(data, indent=2, ensure_ascii=False)``;
    a number that is not finite is written as null.
    """
    out = io.StringIO()
    write(data, out)
    return out.getvalue()[:-1]


def _escape(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:  # outside the BMP: a UTF-16 surrogate pair, as JSON requires
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def write(data: dict[str, Any], out: TextIO) -> None:
    """Write the report as :func:`dumps` gives it, piece by piece: a large report is never one string in memory.

    Each item of a top-level list (a claim, a group) is encoded on its own by
    orjson, which is some ten times faster than the standard encoder with
    indentation, and indented to its place.
    """
    pieces: list[str] = ["{"]
    size = 0
    for n, (key, value) in enumerate(data.items()):
        pieces.append(("\n  " if n == 0 else ",\n  ") + _encode(key, 1) + ": ")
        if isinstance(value, (list, _Converted)):
            pieces.append("[")
            count = 0
            for item in value:  # a streamed list converts each item here
                pieces.append(("\n    " if count == 0 else ",\n    ") + _encode(item, 2))
                count += 1
                size += len(pieces[-1])
                if size >= _BATCH:  # a group of thousands of claims is megabytes: flush by size, not by count
                    _flush(pieces, out)
                    size = 0
            pieces.append("\n  ]" if count else "]")
        else:
            pieces.append(_encode(value, 1))
    pieces.append("\n}\n" if data else "}\n")
    _flush(pieces, out)


#: Characters of JSON gathered before they are written.
_BATCH = 1 << 20


def _encode(value: Any, level: int) -> str:
    """One value as indented JSON, its lines after the first indented by ``level`` steps of two spaces."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except orjson.JSONEncodeError:  # e.g. a lone surrogate, which orjson refuses: the standard encoder
        text = _json.dumps(_finite(value), ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("\n", "\n" + "  " * level) if "\n" in text else text


def _finite(value: Any) -> Any:
    """``value`` with every number that is not finite replaced by None, as orjson writes it."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def _flush(pieces: list[str], out: TextIO) -> None:
    out.write(_UNSAFE.sub(lambda m: _escape(m.group()), "".join(pieces)))
    pieces.clear()


def finding_dict(finding, sources: dict[str, Source] | None = None) -> dict[str, Any]:
    """A finding: its status, the draft claim, the evidence, and which evidence excludes the draft."""
    from .messages import finding_message

    against = [i for i, c in enumerate(finding.evidence) if any(c is a for a in finding.against)]
    data: dict[str, Any] = {
        "status": finding.status,
        "claim": claim_dict(finding.claim),
        "evidence": [claim_dict(c) for c in finding.evidence],
        "against": against,
        "conflicts": [list(pair) for pair in finding.conflicts],
        "ledger": finding.ledger,
        "suppressed": finding.suppressed is not None,
        "baselined": finding.baselined,
        "message": finding_message(finding, sources),
    }
    if finding.suppressed:
        data["reason"] = finding.suppressed
    return data


def check_document(result, fail_on: str = "contradicted") -> dict[str, Any]:
    """``factcheck check --format json``: every input in ``sources``, the drafts' claims in ``claims``, plus findings."""
    by_path = {s.path: s for s in result.sources}
    data = document([*result.drafts, *result.sources], [f.claim for f in result.findings], problems=result.problems)
    data["drafts"] = [s.path for s in result.drafts]
    data["findings"] = [finding_dict(f, by_path) for f in result.findings]
    data["unused_suppressions"] = [problem_dict(p) for p in result.stale_suppressions]
    data["lints"] = [lint_dict(x) for x in result.lints]
    data["summary"] = {**result.counts(), "suppressed": len(result.suppressed), "baselined": len(result.baselined),
                       "failing": len(result.failing(fail_on)), "fail_on": fail_on}
    return data


def diff_document(result, show_all: bool = True) -> dict[str, Any]:
    """``factcheck diff --format json``: per file pair, the changed, removed, added and unchanged figures."""
    files = []
    for pair in result.files:
        entry: dict[str, Any] = {
            "a": pair.a,
            "b": pair.b,
            "changed": [{"a": claim_dict(a), "b": claim_dict(b)} for a, b in pair.changed],
            "only_a": [claim_dict(c) for c in pair.only_a],
            "only_b": [claim_dict(c) for c in pair.only_b],
            "unchanged_count": len(pair.unchanged),
        }
        if show_all:
            entry["unchanged"] = [{"a": claim_dict(a), "b": claim_dict(b)} for a, b in pair.unchanged]
        files.append(entry)
    claims = []
    for pair in result.files:  # A's claims then B's, each in text order
        claims += sorted([a for a, _ in pair.changed] + pair.only_a + [a for a, _ in pair.unchanged],
                         key=lambda c: c.offset)
        claims += sorted([b for _, b in pair.changed] + pair.only_b + [b for _, b in pair.unchanged],
                         key=lambda c: c.offset)
    data: dict[str, Any] = {"factcheck": SCHEMA_VERSION, "sources": [source_dict(s) for s in result.sources],
                            "claims": [claim_dict(c) for c in claims], "files": files, "differs": result.differs}
    if result.problems:
        data["problems"] = [problem_dict(p) for p in result.problems]
    return data
