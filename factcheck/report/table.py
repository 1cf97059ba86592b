"""Terminal tables (rich): claims per source, and groups with their verdicts.

Article text is placed in ``rich.text.Text`` objects, never parsed as markup,
and control characters are made visible, so an article cannot style or
control the terminal.
"""

from __future__ import annotations

import math
from pathlib import Path

import regex
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..claims import Claim, Group, Source
from ..numbers import format_value

VERDICT_STYLE = {"disputed": "bold red", "compatible": "yellow", "agreed": "green", "single": "dim"}
#: Controls (C0, DEL, C1: ANSI escapes), format characters (bidi overrides, zero-width marks,
#: tags), line/paragraph separators and lone surrogates: none may reach the terminal raw.
_CONTROL = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]")


def clean(text: str) -> str:
    """Control and invisible characters (ANSI escapes, bidi overrides) shown as visible escapes."""
    return _CONTROL.sub(_visible, text.replace("\t", " ").replace("\r", " ").replace("\n", " "))


def _visible(m: regex.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def interval_text(claim: Claim) -> str:
    """The normalised figure: "> 50,000", "≤ 60,000", "≈ 3 billion", "45,000–55,000"."""
    if claim.unit == "date":
        from .json import number_or_iso
        low, high = number_or_iso(claim.low, "date"), number_or_iso(claim.high, "date")
        return number_or_iso(claim.value, "date") if low == high else f"{low} – {high}"
    lo, hi = claim.low, claim.high
    if math.isinf(hi) and not math.isinf(lo):
        return ("≥ " if claim.low_closed else "> ") + format_value(lo)
    if claim.qualifier in ("up_to", "under") or (lo <= 0 and not math.isinf(hi) and claim.qualifier != "range"):
        return ("≤ " if claim.high_closed else "< ") + format_value(hi)
    if claim.qualifier == "about":
        return "≈ " + format_value(claim.value)
    return f"{format_value(lo)} – {format_value(hi)}"


def short_name(source: Source | None, path: str, width: int = 28) -> str:
    name = source.name if source else Path(path).name
    return name if len(name) <= width else name[: width - 1] + "…"


def quote_text(claim: Claim, width: int = 150) -> Text:
    """The sentence quoted with the figure highlighted, trimmed around it."""
    quote = claim.quote
    a, b = claim.quote_span
    if not (0 <= a < b <= len(quote)):
        a, b = 0, 0
    start, end = 0, len(quote)
    if len(quote) > width:
        room = max(0, width - (b - a)) // 2
        start, end = max(0, a - room), min(len(quote), b + room)
    text = Text("“" + ("…" if start > 0 else ""), style="italic")
    text.append(clean(quote[start:a]), style="italic")
    text.append(clean(quote[a:b]), style="bold underline")
    text.append(clean(quote[b:end]), style="italic")
    text.append(("…" if end < len(quote) else "") + "”", style="italic")
    return text


def render_claims(console: Console, sources: list[Source], claims: list[Claim]) -> None:
    """``factcheck extract``: one table of claims per source."""
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    for source in sources:
        rows = by_source.get(source.path, [])
        title = Text(clean(source.name), style="bold")
        title.append(f"  {clean(source.path)}", style="dim")
        title.append(f"  published {source.pub_date}" if source.pub_date else "  publication date unknown", style="dim")
        table = Table(title=title, title_justify="left", expand=True, show_lines=False)
        table.add_column("Line", justify="right", no_wrap=True)
        table.add_column("Type", overflow="fold")
        table.add_column("Subject · attribute", overflow="fold", ratio=2)
        table.add_column("Figure", overflow="fold", ratio=2)
        table.add_column("Value", overflow="fold", ratio=1)
        table.add_column("Quote", overflow="fold", ratio=5)
        for c in rows:
            table.add_row(str(c.line), c.type, Text(clean(f"{c.subject} · {c.attribute}")), Text(clean(c.text)),
                          Text(f"{interval_text(c)} {c.unit}"), quote_text(c, 120))
        if not rows:
            table.add_row("", "", Text("no claims found", style="dim"), "", "", "")
        console.print(table)
    console.print(Text(f"{len(sources)} sources · {len(claims)} claims", style="bold"))


def render_groups(console: Console, sources: list[Source], groups: list[Group], counts: dict[str, int],
                  unattributed: int, problems: int = 0) -> None:
    """``factcheck scan``: one row per group, disputed first, every source quoted."""
    by_path = {s.path: s for s in sources}
    table = Table(expand=True, show_lines=True, title="Figures across sources", title_justify="left")
    table.add_column("Claim", ratio=2, overflow="fold")
    table.add_column("Verdict", ratio=1, overflow="fold")
    table.add_column("Sources", ratio=7, overflow="fold")
    for group in groups:
        claim_cell = Text(clean(group.subject), style="bold")
        claim_cell.append("\n" + clean(group.attribute) + (f" · {clean(group.unit)}" if group.unit else ""))
        claim_cell.append("\n" + group.type, style="dim")
        verdict = Text(group.verdict, style=VERDICT_STYLE.get(group.verdict, ""))
        for i, j in group.conflicts:
            a, b = group.claims[i], group.claims[j]
            names = (short_name(by_path.get(a.source), a.source, 14), short_name(by_path.get(b.source), b.source, 14))
            verdict.append(f"\n{interval_text(a)} ({clean(names[0])}) ✕ {interval_text(b)} ({clean(names[1])})",
                           style="red")
        cell = Text()
        shown: set[tuple[str, float]] = set()
        for claim in group.claims:
            key = (claim.source, claim.low, claim.high)
            if key in shown:
                continue
            shown.add(key)
            if cell:
                cell.append("\n")
            cell.append(clean(claim.text), style="bold")
            cell.append(f"  {interval_text(claim)}", style="cyan")
            cell.append(f"  {clean(short_name(by_path.get(claim.source), claim.source))}", style="")
            cell.append(f"  {clean(claim.source)}:{claim.line}", style="dim")
            cell.append("\n  ")
            cell.append(quote_text(claim))
        if group.note:
            cell.append("\n" + clean(group.note), style="dim")
        table.add_row(claim_cell, verdict, cell)
    console.print(table)
    parts = [f"{len(sources)} sources", f"{sum(len(g.claims) for g in groups)} claims", f"{len(groups)} groups: "
             + ", ".join(f"{counts.get(v, 0)} {v}" for v in ("disputed", "compatible", "agreed", "single"))]
    parts.append(f"{unattributed} unattributed claim{'s' if unattributed != 1 else ''}")
    if problems:
        parts.append(f"{problems} input problem{'s' if problems != 1 else ''} (see above)")
    console.print(Text(" · ".join(parts), style="bold"))
