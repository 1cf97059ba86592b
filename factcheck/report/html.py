"""HTML report: one self-contained page an editor can open offline or attach to a ticket.

The page is rendered by Jinja2 templates shipped with the package
(``factcheck/report/templates``) with autoescaping on, so text taken from
articles (quotes, figures, titles, file names) is always escaped and can
never add markup or script.  A Content-Security-Policy that forbids scripts
and any request leaving the page guards against the rest.

Like every report, this module only *formats*: it reshapes a ScanResult into
plain view objects for the template and computes no verdict.  Two pages:
the scan (a matrix of groups × sources) and the check (each draft with its
checked figures highlighted, their evidence beside them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import jinja2

from .. import __version__
from ..claims import VERDICTS, Claim, Group, Source
from ..compare import UNATTRIBUTED, summary
from .table import clean, figure_text, interval_text, short_name

if TYPE_CHECKING:
    from ..scan import ScanResult


@dataclass(frozen=True)
class Palette:
    """The colours of one verdict: cell background, text on it, and the accent (border, swatch)."""

    background: str
    text: str
    accent: str


#: Verdict colours. Text on its background reaches WCAG AAA (7:1, tested), and every
#: verdict also carries an icon and its word, so colour is never the only signal.
PALETTE: dict[str, Palette] = {
    "disputed": Palette("#fde4e4", "#7a1212", "#c62828"),
    "compatible": Palette("#fff1cc", "#5c3d00", "#a86b00"),
    "related": Palette("#efe7fb", "#3b1670", "#6b3fa0"),
    "agreed": Palette("#dff3e6", "#0f4d2a", "#2e7d4f"),
    "single": Palette("#eceff4", "#2f3a4a", "#667085"),
}

#: The icon shown with each verdict (the word is shown beside it wherever there is room).
ICONS = {"disputed": "✕", "compatible": "≈", "related": "↔", "agreed": "✓", "single": "•"}

#: What each verdict means, for the legend.
MEANINGS = {
    "disputed": "two sources state figures that cannot both be true as written (two caps: different maxima)",
    "compatible": "the figures can all be true (a rounded figure, a hedge, a cap), but the stated values differ",
    "related": "figures that cannot all be true, aligned only weakly (no cue word, other parties): read, not a dispute",
    "agreed": "every source states the same value (hedges that name it aside)",
    "single": "only one source states this figure",
}

#: The longest quote shown in full; longer ones are cut around the figure.
QUOTE_WIDTH = 320


@dataclass(frozen=True)
class QuoteView:
    """A quoted sentence split around the figure, so the template can highlight it."""

    before: str
    figure: str
    after: str
    location: str  # file:line


@dataclass(frozen=True)
class SourceView:
    """A matrix column: one source, numbered in input order."""

    number: int
    path: str
    name: str
    short: str
    pub_date: str | None


@dataclass(frozen=True)
class FigureView:
    """One claim as the report shows it: the figure as written, its normalised form, its quote."""

    text: str
    normalised: str
    quote: QuoteView
    excludes: list[str] = field(default_factory=list)  # "≤ 50,000 (source)" for each conflicting claim


@dataclass(frozen=True)
class CellView:
    """What one source says about one group (empty when the source is silent)."""

    source: SourceView
    figures: list[FigureView]

    @property
    def texts(self) -> list[str]:
        """The distinct figures as written (a source may repeat one figure in several sentences)."""
        return list(dict.fromkeys(f.text for f in self.figures))

    @property
    def conflicting(self) -> bool:
        return any(f.excludes for f in self.figures)


@dataclass(frozen=True)
class GroupView:
    number: int
    subject: str
    attribute: str
    unit: str
    type: str
    verdict: str
    cells: list[CellView]
    conflicts: list[tuple[FigureView, SourceView, FigureView, SourceView]]
    note: str


def quote_view(claim: Claim, width: int = QUOTE_WIDTH) -> QuoteView:
    """The claim's sentence split at ``Claim.quote_span``, cut around the figure when very long."""
    quote = claim.quote
    a, b = claim.quote_span
    if not (0 <= a < b <= len(quote)):
        a = b = 0
    start, end = 0, len(quote)
    if len(quote) > width:
        room = max(0, width - (b - a)) // 2
        start, end = max(0, a - room), min(len(quote), b + room)
    before = ("…" if start > 0 else "") + quote[start:a]
    after = quote[b:end] + ("…" if end < len(quote) else "")
    return QuoteView(clean(before), clean(quote[a:b]), clean(after), f"{clean(claim.source)}:{claim.line}")


def source_views(sources: list[Source], claims: list[Claim]) -> dict[str, SourceView]:
    """The matrix columns by source path: the listed sources, then any source only a claim names."""
    listed = {s.path: s for s in sources}
    for claim in claims:
        listed.setdefault(claim.source, Source(claim.source, Path(claim.source).name))
    return {path: SourceView(n, clean(s.path), clean(s.name), clean(short_name(s, s.path, 40)), s.pub_date)
            for n, (path, s) in enumerate(listed.items(), 1)}


def group_view(number: int, group: Group, columns: dict[str, SourceView]) -> GroupView:
    """One matrix row: the group's claims laid out by source, with its conflicting pairs named."""
    excludes: dict[int, list[str]] = {}
    for i, j in group.conflicts:
        a, b = group.claims[i], group.claims[j]
        excludes.setdefault(i, []).append(f"{interval_text(b)} ({columns[b.source].short})")
        excludes.setdefault(j, []).append(f"{interval_text(a)} ({columns[a.source].short})")
    figures = [FigureView(clean(c.text), interval_text(c), quote_view(c), excludes.get(k, []))
               for k, c in enumerate(group.claims)]
    cells = [CellView(column, [f for c, f in zip(group.claims, figures) if c.source == path])
             for path, column in columns.items()]
    conflicts = [(figures[i], columns[group.claims[i].source], figures[j], columns[group.claims[j].source])
                 for i, j in group.conflicts]
    return GroupView(number, clean(group.subject), clean(group.attribute), clean(group.unit), group.type,
                     group.verdict, cells, conflicts, clean(group.note))


def scan_context(result: ScanResult) -> dict[str, Any]:
    """Everything the scan template shows, as plain values (escaping is the template's job)."""
    columns = source_views(result.sources, [c for g in result.groups for c in g.claims])
    groups = [group_view(n, g, columns) for n, g in enumerate(result.groups, 1)]
    return {
        "version": __version__,
        "sources": list(columns.values()),
        "groups": groups,
        "disputed": [g for g in groups if g.verdict == "disputed"],
        "counts": summary(result.groups),
        "claims_shown": sum(len(g.claims) for g in result.groups),
        "unattributed": sum(1 for c in result.claims if c.subject == UNATTRIBUTED),
        "problems": [{"where": clean(f"{p.path}:{p.line}" if p.line else p.path), "message": clean(p.message),
                      "severity": "error" if p.fatal else "warning"} for p in result.problems],
        "verdicts": VERDICTS,
        "palette": PALETTE,
        "icons": ICONS,
        "meanings": MEANINGS,
    }


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment: package templates, autoescaping always on, undefined names are errors.

    Built once per process, since compiling the templates is most of a render's cost.
    """
    return jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_scan(result: ScanResult) -> str:
    """The ``factcheck scan --format html`` page: the matrix of groups × sources, then the disputed groups."""
    return environment().get_template("scan.html.j2").render(scan_context(result))


def write_scan(result: ScanResult, out: TextIO) -> None:
    out.write(render_scan(result))


#: How each check status looks: the palette of the verdict it resembles, and its own icon.
STATUS_LOOK = {"contradicted": ("disputed", "✕"), "disputed-sources": ("compatible", "⚠"),
               "unsupported": ("single", "?"), "supported": ("agreed", "✓")}
STATUS_MEANINGS = {
    "contradicted": "a source (or the ledger) excludes the draft's figure",
    "disputed-sources": "the sources disagree among themselves",
    "unsupported": "no source states this figure",
    "supported": "every source that states it allows the draft's figure",
}


@dataclass
class FindingView:
    number: int
    status: str
    look: str  # the palette key
    icon: str
    subject: str
    attribute: str
    text: str
    normalised: str
    location: str
    note: str
    evidence: list[tuple[str, QuoteView, bool]]  # (source name, quote, excludes the draft figure)


@dataclass
class DraftView:
    path: str
    segments: list[tuple[str, FindingView | None]]  # the draft's text cut at each checked figure
    findings: list[FindingView]


def check_context(result: Any) -> dict[str, Any]:
    """The check page's view: each draft's text with its checked figures, and their evidence."""
    from ..check import STATUSES

    by_path = {s.path: s for s in result.sources}
    drafts = []
    number = 0
    for source in result.drafts:
        text = result.draft_texts.get(source.path, "")
        findings = sorted((f for f in result.findings if f.claim.source == source.path), key=lambda f: f.claim.offset)
        views, segments, at = [], [], 0
        for finding in findings:
            number += 1
            claim = finding.claim
            look, icon = STATUS_LOOK[finding.status]
            shown = finding.against if finding.status == "contradicted" else finding.evidence
            evidence = [(clean(short_name(by_path.get(c.source), c.source, 40)), quote_view(c),
                         any(c is a for a in finding.against)) for c in shown[:6]]
            note = ""
            if finding.suppressed is not None:
                note = "checked by hand" + (f": {finding.suppressed}" if finding.suppressed else "")
            elif finding.baselined:
                note = "in the baseline"
            elif finding.ledger:
                note = "decided by the ledger"
            view = FindingView(number, finding.status, look, icon, clean(claim.subject), clean(claim.attribute),
                               clean(claim.text), clean(figure_text(claim)),
                               clean(claim.location), clean(note), evidence)
            views.append(view)
            start, end = claim.offset, claim.offset + len(claim.text)
            if start >= at and text[start:end] == claim.text:  # one highlight per figure, in text order
                segments.append((text[at:start], None))
                segments.append((text[start:end], view))
                at = end
        segments.append((text[at:], None))
        drafts.append(DraftView(clean(source.path), [(_clean_lines(t), v) for t, v in segments], views))
    counts = {status: sum(1 for f in result.findings if f.status == status) for status in STATUSES}
    return {
        "version": __version__,
        "drafts": drafts,
        "sources": [clean(s.path) for s in result.sources],
        "statuses": [s for s in reversed(STATUSES)],
        "counts": counts,
        "look": STATUS_LOOK,
        "status_meanings": STATUS_MEANINGS,
        "verdicts": VERDICTS,
        "palette": PALETTE,
        "icons": ICONS,
        "problems": [{"where": clean(f"{p.path}:{p.line}" if p.line else p.path), "message": clean(p.message),
                      "severity": "error" if p.fatal else "warning"} for p in result.problems],
    }


def _clean_lines(text: str) -> str:
    """Control characters made visible, line breaks kept (the draft is shown as written)."""
    return "\n".join(clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def render_check(result: Any) -> str:
    """The ``factcheck check --format html`` page: each draft with its checked figures highlighted by
    status, and beside it the evidence that decided each one."""
    return environment().get_template("check.html.j2").render(check_context(result))


def write_check(result: Any, out: TextIO) -> None:
    out.write(render_check(result))
