"""Plain-text sentences about findings and figure differences, shared by every format.

Each format escapes these strings its own way; nothing here is markup.
"""

from __future__ import annotations

from pathlib import Path

from ..claims import Claim, Source
from .table import has_figure

STATUS_TITLES = {
    "contradicted": "a source contradicts this figure",
    "disputed-sources": "the sources disagree about this figure",
    "unsupported": "no source states this figure",
    "supported": "the sources support this figure",
}


def figure(claim: Claim) -> str:
    """ "70,000 GPUs" (65,000 – 75,000 accelerators)"; a quote or role has no figure: its words only."""
    from .table import interval_text

    if not has_figure(claim):
        return f"\u201c{claim.text}\u201d"
    unit = f" {claim.unit}" if claim.unit else ""
    return f"\u201c{claim.text}\u201d ({interval_text(claim)}{unit})"


def about(claim: Claim) -> str:
    """What a claim is about: "Samsung Electronics · total"."""
    return f"{claim.subject} \u00b7 {claim.attribute}"


def source_name(claim: Claim, sources: dict[str, Source] | None = None) -> str:
    if claim.extra.get("ledger"):
        return f"ledger {claim.source}:{claim.line}"
    source = (sources or {}).get(claim.source)
    return source.name if source else Path(claim.source).name


def quoted(claim: Claim, width: int = 160) -> str:
    """The claim's sentence, trimmed around the figure."""
    quote = claim.quote
    if claim.extra.get("ledger"):
        return quote
    if len(quote) > width:
        a, b = claim.quote_span
        room = max(0, width - (b - a)) // 2
        start, end = max(0, a - room), min(len(quote), b + room)
        quote = ("\u2026" if start else "") + quote[start:end] + ("\u2026" if end < len(claim.quote) else "")
    return f"\u201c{quote}\u201d"


def evidence_line(claim: Claim, sources: dict[str, Source] | None = None) -> str:
    """One source claim: who says it, where, the figure and the quote."""
    where = f"{claim.source}:{claim.line}"
    if claim.extra.get("ledger"):
        note = ", ".join(p for p in (f"checked {claim.extra['checked']}" if claim.extra.get("checked") else "",
                                     claim.quote) if p)
        return f"ledger {where}: {figure(claim)}" + (f" ({note})" if note else "")
    return f"{source_name(claim, sources)} ({where}): {figure(claim)} \u2014 {quoted(claim)}"


def finding_message(finding, sources: dict[str, Source] | None = None) -> str:
    """One paragraph saying what the draft states and what decided its status."""
    claim = finding.claim
    head = f"{about(claim)}: the draft says {figure(claim)}"
    status = finding.status
    if status == "unsupported":
        if claim.subject == "unattributed":
            return f"{head}; no subject was found for this figure, so no source can confirm it"
        return f"{head}; no source states {about(claim)}" + (f" in {claim.unit}" if claim.unit and has_figure(claim) else "")
    if status == "contradicted":
        first, more = finding.against[0], len(finding.against) - 1
        text = f"{head}; contradicted by {evidence_line(first, sources)}"
        return text + (f" (and {more} more source claim{'s' if more > 1 else ''})" if more else "")
    if status == "disputed-sources":
        sides = []
        for i, j in finding.conflicts[:2]:
            a, b = finding.evidence[i], finding.evidence[j]
            sides.append(f"{evidence_line(a, sources)} \u2715 {evidence_line(b, sources)}")
        return f"{head}; the sources disagree: " + "; ".join(sides)
    backers = [c for c in finding.evidence]
    names = sorted({source_name(c, sources) for c in backers})
    return f"{head}; supported by " + ", ".join(names)


def pair_message(a: Claim | None, b: Claim | None) -> str:
    """A figure difference between two versions: "A says …; B says …"."""
    claim = a or b
    if a is not None and b is not None:
        return f"{about(claim)}: {figure(a)} became {figure(b)} \u2014 was {quoted(a)}, now {quoted(b)}"
    if a is not None:
        return f"{about(claim)}: {figure(a)} only in the first version \u2014 {quoted(a)}"
    return f"{about(claim)}: {figure(b)} only in the second version \u2014 {quoted(b)}"


def diff_summary(result) -> str:
    """ "1 changed, 1 only in A, 0 only in B, 21 unchanged (2 files)"."""
    changed = sum(len(f.changed) for f in result.files)
    only_a = sum(len(f.only_a) for f in result.files)
    only_b = sum(len(f.only_b) for f in result.files)
    same = sum(len(f.unchanged) for f in result.files)
    files = len(result.files)
    return (f"{changed} changed, {only_a} only in A, {only_b} only in B, {same} unchanged "
            f"({files} file pair{'s' if files != 1 else ''})")
