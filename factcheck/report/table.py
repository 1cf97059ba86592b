"""Terminal tables (rich): claims per source, and groups with their verdicts.

Article text is placed in ``rich.text.Text`` objects, never parsed as markup,
and control characters are made visible, so an article cannot style or
control the terminal.
"""

from __future__ import annotations

import math
from itertools import groupby, islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import regex
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..claims import NO_TEXT, VERDICTS, Claim, Group, Problem, Source
from ..compare import UNATTRIBUTED
from ..numbers import format_value
from ..spill import select

VERDICT_STYLE = {"disputed": "bold red", "compatible": "yellow", "related": "magenta", "agreed": "green", "single": "dim"}
#: Controls (C0, DEL, C1: ANSI escapes), format characters (bidi overrides, zero-width marks,
#: tags), line/paragraph separators and lone surrogates: none may reach the terminal raw.
_CONTROL = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]")


def clean(text: str) -> str:
    """Control and invisible characters (ANSI escapes, bidi overrides) shown as visible escapes."""
    return _CONTROL.sub(_visible, text.replace("\t", " ").replace("\r", " ").replace("\n", " "))


def _visible(m: regex.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def has_figure(claim: Claim) -> bool:
    """Does the claim state a figure?  A quote, paraphrase or role states words: it has no interval to show."""
    return not claim.extra.get("kind")


def interval_text(claim: Claim) -> str:
    """The normalised figure: "> 50,000", "≤ 60,000", "≈ 3 billion", "45,000–55,000"; "" for a quote or role."""
    if not has_figure(claim):
        return ""
    if claim.unit == "date":
        from .json import number_or_iso
        low, high = number_or_iso(claim.low, "date"), number_or_iso(claim.high, "date")
        if claim.extra.get("year") == "unknown":  # "Monday" with no publication date: the date as written
            return "date unknown" if "as_written" in claim.extra else "year unknown"
        if low is None and high is None:
            return "?"
        if low is None:
            return ("≤ " if claim.high_closed else "< ") + high
        if high is None:
            return ("≥ " if claim.low_closed else "> ") + low
        shown = number_or_iso(claim.value, "date") if low == high else f"{low} – {high}"
        if str(claim.extra.get("year", "")).startswith("assumed"):
            shown += " (date assumed)" if "as_written" in claim.extra else " (year assumed)"
        return shown
    lo, hi = claim.low, claim.high
    if math.isinf(hi) and not math.isinf(lo):
        return ("≥ " if claim.low_closed else "> ") + format_value(lo)
    if claim.qualifier in ("up_to", "under") or (lo <= 0 and not math.isinf(hi) and claim.qualifier != "range"):
        return ("≤ " if claim.high_closed else "< ") + format_value(hi)
    if claim.qualifier == "about":
        return "≈ " + format_value(claim.value)
    return f"{format_value(lo)} – {format_value(hi)}"


def figure_text(claim: Claim) -> str:
    """The normalised figure with its unit ("7,600 – 8,400 servers"); "" for a quote or role (words only)."""
    return f"{interval_text(claim)} {claim.unit}" if has_figure(claim) else ""


def line_text(claim: Claim) -> str:
    """The claim's line in the scanned text, and in the file it was extracted from (HTML) when known."""
    file_line = claim.extra.get("file_line")
    return f"{claim.line} (file line {file_line})" if file_line else str(claim.line)


def value_text(claim: Claim) -> str:
    """The Value cell: a figure's interval and unit; for a quote or role, what kind of statement it is."""
    kind = claim.extra.get("kind") if claim.extra else None
    if kind == "role":
        return f"{claim.extra.get('tense', 'current')} role"
    if kind:
        return "paraphrase" if claim.attribute == "paraphrase" else "quote"
    return interval_text(claim) + ("" if claim.unit == "date" else f" {claim.unit}")


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


def render_claims(console: Console, sources: list[Source], claims: Iterable[Claim]) -> None:
    """``factcheck extract``: one table of claims per source.

    The claims come in input order, a source's claims together (as a scan
    gives them), and are read once: an archive's claims kept on disk are
    printed source by source, never all held.
    """
    runs = groupby(claims, key=lambda c: c.source)
    run = next(runs, None)
    count = 0
    for source in sources:
        rows: list[Claim] = []
        if run is not None and run[0] == source.path:
            rows = list(run[1])
            run = next(runs, None)
        count += len(rows)
        title = Text(clean(source.name), style="bold")
        title.append(f"  {clean(source.path)}", style="dim")
        title.append(f"  published {source.pub_date} ({source.pub_date_origin or 'given'})" if source.pub_date
                     else "  publication date unknown", style="dim")
        table = Table(title=title, title_justify="left", expand=True, show_lines=False)
        table.add_column("Line", justify="right", no_wrap=True)
        table.add_column("Type", overflow="fold")
        table.add_column("Subject · attribute", overflow="fold", ratio=2)
        table.add_column("Figure", overflow="fold", ratio=2)
        table.add_column("Value", overflow="fold", ratio=1)
        table.add_column("Quote", overflow="fold", ratio=5)
        for c in rows:
            table.add_row(line_text(c), c.type, Text(clean(f"{c.subject} · {c.attribute}")), Text(clean(c.text)),
                          Text(value_text(c)), quote_text(c, 120))
        if not rows:
            table.add_row("", "", Text("no claims found", style="dim"), "", "", "")
        console.print(table)
    console.print(Text(f"{len(sources)} sources · {count} claims", style="bold"))


def write_scan(result, console: Console) -> None:
    """``factcheck scan``'s table report of a :class:`~factcheck.scan.ScanResult`: figures, then quotes and roles.

    The result's groups and claims may be lists or collections read back from
    disk (an archive scan): each is read as it is printed, never held whole.
    """
    from ..compare.text import text_kind

    figures = select(result.groups, lambda g: not text_kind(g.claims[0]))
    statements = select(result.groups, lambda g: bool(text_kind(g.claims[0])))
    if _any(figures) or not _any(statements):  # "--type quote" shows no empty figures table
        unattributed = sum(1 for c in result.claims if c.subject == UNATTRIBUTED and not text_kind(c))
        render_groups(console, result.sources, figures, unattributed, len(result.failed_inputs),
                      no_text_count(result.problems))
    render_text_groups(console, result.sources, statements)
    render_lints(console, result.lints)


def no_text_count(problems: Iterable[Problem]) -> int:
    """Inputs that were read but hold no article text (warnings, counted in the summaries)."""
    return sum(1 for p in problems if p.kind == NO_TEXT)


def no_text_note(count: int) -> str:
    return f"{count} input{'s' if count != 1 else ''} with no article text (see above)"


def render_groups(console: Console, sources: list[Source], groups: Iterable[Group], unattributed: int = 0,
                  problems: int = 0, no_text: int = 0) -> None:
    """``factcheck scan``: one row per group, disputed first, every source quoted."""
    by_path = {s.path: s for s in sources}

    def new_table(header: bool) -> Table:
        table = Table(expand=True, show_lines=True, show_header=header, title="Figures across sources" if header
                      else None, title_justify="left")
        table.add_column("Claim", ratio=2, overflow="fold")
        table.add_column("Verdict", width=14, overflow="fold")
        table.add_column("Sources", ratio=7, overflow="fold")
        return table

    counts = {v: 0 for v in VERDICTS}
    claims = 0

    def rows() -> Iterator[tuple[Text, Text, Text]]:
        nonlocal claims
        for group in groups:
            counts[group.verdict] += 1
            claims += len(group.claims)
            yield _group_row(group, by_path)

    print_table(console, new_table, rows())
    parts = [f"{len(sources)} sources", f"{claims} claims", f"{sum(counts.values())} groups: "
             + ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS if v != "related" or counts.get(v))]
    parts.append(f"{unattributed} unattributed claim{'s' if unattributed != 1 else ''}")
    if problems:
        parts.append(f"{problems} input problem{'s' if problems != 1 else ''} (see above)")
    if no_text:
        parts.append(no_text_note(no_text))
    console.print(Text(" · ".join(parts), style="bold"))
    undated = [s for s in sources if not s.pub_date]
    if undated:
        names = ", ".join(clean(short_name(s, s.path)) for s in undated)
        console.print(Text(f"publication date unknown ({len(undated)}): {names} — relative dates there are left "
                           "unresolved; give one with --pub-date FILE=YYYY-MM-DD", style="dim"))


def _group_row(group: Group, by_path: dict[str, Source]) -> tuple[Text, Text, Text]:
    """A figure group's row: what it is about, its verdict (and which figures clash), every source quoted."""
    claim_cell = Text(clean(group.subject), style="bold")
    claim_cell.append("\n" + clean(group.attribute) + (f" · {clean(group.unit)}" if group.unit else ""))
    claim_cell.append("\n" + group.type, style="dim")
    verdict = Text(group.verdict, style=VERDICT_STYLE.get(group.verdict, ""))
    for i, j in group.conflicts:  # the sources are named on the right; here, which figures clash
        a, b = group.claims[i], group.claims[j]
        verdict.append(f"\n{interval_text(a)}\n  ✕ {interval_text(b)}", style="red")
    cell = Text()
    shown: set[tuple[str, float, float]] = set()
    for claim in group.claims:
        key = (claim.source, claim.low, claim.high)
        if key in shown:
            continue
        shown.add(key)
        if cell:
            cell.append("\n")
        cell.append(clean(claim.text), style="bold")
        if has_figure(claim):
            cell.append(f"  {interval_text(claim)}", style="cyan")
        if "converted_from" in claim.extra:
            was = claim.extra["converted_from"]
            cell.append(f" {claim.unit} (from {format_value(was['value'])} {was['unit']} at {was['rate']} "
                        f"{was['per']:,.10g}, {was['date']})", style="cyan")
        name = short_name(by_path.get(claim.source), claim.source)
        if name != Path(claim.source).name:  # a front-matter source or title, else the path says it all
            cell.append(f"  {clean(name)}", style="")
        cell.append(f"  {clean(claim.source)}:{line_text(claim)}", style="dim")
        cell.append("\n  ")
        cell.append(quote_text(claim))
    if group.note:
        cell.append("\n" + clean(group.note), style="dim")
    if group.alignment.get("signals"):
        cell.append("\naligned by: " + clean(alignment_line(group.alignment)), style="dim")
    return claim_cell, verdict, cell


def alignment_line(alignment: dict) -> str:
    """Why a group's claims were aligned, in one short line: "same cue 'warrant' · shared party amd, openai"."""
    return " · ".join(alignment.get("signals", ())) + ("" if alignment.get("strong") else " (weak: no dispute)")


#: Rows laid out at a time by :func:`print_table`.
BATCH_ROWS = 100


def print_table(console: Console, new_table: Callable[[bool], Table], rows: Iterable[Sequence],
                batch: int | None = None) -> None:
    """Print one table whose rows come from an iterable, laid out ``batch`` rows at a time.

    rich lays a table out whole before printing it, so the groups of an archive
    scan would sit in memory as rendered lines (a gigabyte for a thousand
    articles).  Here each batch is a table of its own (``new_table(header)``:
    title and header on the first only), printed without its bottom edge, and
    the next batch's top edge is drawn as a row separator, so the batches read
    as one table.  The tables' columns must not size themselves from their
    content (ratio or fixed widths), so that every batch lines up; then the
    text is the same as that of the whole table printed at once.
    """
    bottom = ""  # the last batch's bottom edge, written once no batch follows
    first = True
    for chunk in _batches(rows, batch or BATCH_ROWS):
        table = new_table(first)
        for row in chunk:
            table.add_row(*row)
        with console.capture() as captured:
            console.print(table)
        lines = captured.get().split("\n")  # ends with "": the text ends with a newline
        if not first:  # its top edge → the line between the previous batch's last row and its first
            lines[0] = lines[0].translate(_row_separator(console, table))
        console.file.write("\n".join(lines[:-2]) + "\n")
        bottom = lines[-2] + "\n"
        first = False
    if first:  # no rows: the table's header alone
        console.print(new_table(True))
    else:
        console.file.write(bottom)


def _row_separator(console: Console, table: Table) -> dict[int, str]:
    """How a headless table's top edge becomes the line between two rows (for the box rich draws it with)."""
    if table.box is None:
        return {}
    box = table.box.substitute(console.options, safe=console.safe_box if table.safe_box is None else table.safe_box)
    box = box.get_plain_headed_box()
    return str.maketrans({box.top_left: box.row_left, box.top: box.row_horizontal,
                          box.top_divider: box.row_cross, box.top_right: box.row_right})


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _any(items: Iterable) -> bool:
    """Is there an item, reading at most one (a collection kept on disk is not read through)."""
    return next(iter(items), None) is not None


STATUS_STYLE = {"contradicted": "bold red", "disputed-sources": "yellow", "unsupported": "magenta",
                "supported": "green"}


def render_findings(console: Console, result, fail_on: str = "contradicted") -> None:
    """``factcheck check``: one row per draft claim, worst first, with the source claims that decided it."""
    from ..check import severity
    from .messages import evidence_line, finding_message

    by_path = {s.path: s for s in result.sources}
    table = Table(expand=True, show_lines=True, title="Draft figures checked against the sources",
                  title_justify="left")
    table.add_column("Where", ratio=2, overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Claim", ratio=3, overflow="fold")
    table.add_column("Evidence", ratio=7, overflow="fold")
    ordered = sorted(result.findings, key=lambda f: (-severity(f.status), f.claim.source, f.claim.offset))
    for finding in ordered:
        claim = finding.claim
        status = Text(finding.status, style=STATUS_STYLE.get(finding.status, ""))
        if finding.suppressed is not None:
            status = Text(f"{finding.status}\nsuppressed", style="dim")
        elif finding.baselined:
            status.append("\nin baseline", style="dim")
        if finding.ledger:
            status.append("\nby the ledger", style="dim")
        cell = Text(clean(f"{claim.subject} · {claim.attribute}"), style="bold")
        cell.append("\n" + clean(claim.text), style="bold")
        if has_figure(claim):
            cell.append(f"  {clean(figure_text(claim))}", style="cyan")
        if finding.suppressed:
            cell.append(f"\nchecked by hand: {clean(finding.suppressed)}", style="dim")
        evidence = Text()
        shown = finding.against if finding.status == "contradicted" else finding.evidence
        if finding.status == "disputed-sources":
            shown = sorted({i for pair in finding.conflicts for i in pair})
            shown = [finding.evidence[i] for i in shown]
        for c in shown[:4]:
            if evidence:
                evidence.append("\n")
            if finding.status == "supported" and not c.extra.get("ledger"):
                evidence.append(f"{clean(short_name(by_path.get(c.source), c.source))}: {clean(c.text)}")
                evidence.append(f"  {clean(c.source)}:{c.line}", style="dim")
                continue
            style = "red" if any(c is a for a in finding.against) else ""
            evidence.append(clean(evidence_line(c, by_path)), style=style)
        if len(shown) > 4:
            evidence.append(f"\n… and {len(shown) - 4} more", style="dim")
        if not shown:
            evidence.append(clean(finding_message(finding, by_path).split("; ", 1)[-1]), style="dim")
        table.add_row(Text(clean(claim.location)), status, cell, evidence)
    console.print(table)
    for problem in result.stale_suppressions:
        console.print(Text(f"warning: {clean(str(problem))}", style="yellow"))
    console.print(Text(check_summary(result, fail_on), style="bold"))


def check_summary(result, fail_on: str = "contradicted") -> str:
    """The closing line of a check: counts per status, suppressed, baselined and what fails."""
    counts = result.counts()
    parts = [f"{len(result.drafts)} draft{'s' if len(result.drafts) != 1 else ''}",
             f"{len(result.sources)} source{'s' if len(result.sources) != 1 else ''}",
             f"{len(result.findings)} figures: " + ", ".join(f"{counts[s]} {s}" for s in
                                                            ("contradicted", "disputed-sources", "unsupported",
                                                             "supported"))]
    if result.suppressed:
        parts.append(f"{len(result.suppressed)} suppressed")
    if result.baselined:
        parts.append(f"{len(result.baselined)} in baseline")
    if result.stale_suppressions:
        parts.append(f"{len(result.stale_suppressions)} unused suppression"
                     f"{'s' if len(result.stale_suppressions) != 1 else ''}")
    no_text = no_text_count(result.problems)
    if no_text:
        parts.append(no_text_note(no_text))
    failing = len(result.failing(fail_on))
    parts.append(f"{failing} failing (--fail-on {fail_on})" if failing else f"nothing at or above {fail_on}")
    return " · ".join(parts)


DIFF_STYLE = {"changed": "bold yellow", "only in A": "red", "only in B": "green", "unchanged": "dim"}


def render_diff(console: Console, result, show_all: bool = False) -> None:
    """``factcheck diff``: per file pair, changed figures with A's and B's quotes side by side."""
    from .messages import diff_summary

    for pair in result.files:
        rows = ([("changed", a, b) for a, b in pair.changed] + [("only in A", a, None) for a in pair.only_a]
                + [("only in B", None, b) for b in pair.only_b])
        if show_all:
            rows += [("unchanged", a, b) for a, b in pair.unchanged]
        title = Text(f"A: {clean(pair.a or '(no file)')}  B: {clean(pair.b or '(no file)')}", style="bold")
        if not rows:
            console.print(title)
            console.print(Text(f"  no figure differs · {len(pair.unchanged)} unchanged", style="dim"))
            continue
        table = Table(title=title, title_justify="left", expand=True, show_lines=True)
        table.add_column("Change", ratio=1, overflow="fold")
        table.add_column("Claim", ratio=2, overflow="fold")
        table.add_column("A", ratio=5, overflow="fold")
        table.add_column("B", ratio=5, overflow="fold")
        for kind, a, b in rows:
            claim = a or b
            about_cell = Text(clean(f"{claim.subject} · {claim.attribute}"), style="bold")
            about_cell.append("\n" + claim.type, style="dim")
            cells = []
            for c in (a, b):
                if c is None:
                    cells.append(Text("—", style="dim"))
                    continue
                cell = Text(clean(c.text), style="bold")
                if has_figure(c):
                    cell.append(f"  {clean(figure_text(c))}", style="cyan")
                cell.append(f"  line {c.line}", style="dim")
                cell.append("\n")
                cell.append(quote_text(c))
                cells.append(cell)
            table.add_row(Text(kind, style=DIFF_STYLE[kind]), about_cell, *cells)
        console.print(table)
        if not show_all and pair.unchanged:
            console.print(Text(f"{len(pair.unchanged)} figures unchanged (--all lists them)", style="dim"))
    console.print(Text(diff_summary(result), style="bold"))


def render_text_groups(console: Console, sources: list[Source], groups: Iterable[Group]) -> None:
    """``factcheck scan``: quotes and roles across sources, disputed first, every version quoted."""
    if not _any(groups):
        return
    by_path = {s.path: s for s in sources}

    def new_table(header: bool) -> Table:
        table = Table(expand=True, show_lines=True, show_header=header,
                      title="Quotes and roles across sources" if header else None, title_justify="left")
        table.add_column("Who", ratio=2, overflow="fold")
        table.add_column("Verdict", ratio=2, overflow="fold")
        table.add_column("Sources", ratio=7, overflow="fold")
        return table

    counts = {v: 0 for v in VERDICTS}

    def rows() -> Iterator[tuple[Text, Text, Text]]:
        for group in groups:
            counts[group.verdict] += 1
            yield _text_group_row(group, by_path)

    print_table(console, new_table, rows())
    console.print(Text(f"{sum(counts.values())} quote and role groups: "
                       + ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS if v != "related" or counts.get(v)),
                       style="bold"))


def _text_group_row(group: Group, by_path: dict[str, Source]) -> tuple[Text, Text, Text]:
    """A quote or role group's row: who, the verdict (and which versions clash), every version quoted."""
    who = Text(clean(group.subject), style="bold")
    who.append("\n" + clean(group.attribute))
    who.append("\n" + group.type, style="dim")
    verdict = Text(group.verdict, style=VERDICT_STYLE.get(group.verdict, ""))
    for i, j in group.conflicts:
        a, b = group.claims[i], group.claims[j]
        names = (short_name(by_path.get(a.source), a.source, 14), short_name(by_path.get(b.source), b.source, 14))
        verdict.append(f"\n{clean(_short(a.text, 40))} ({clean(names[0])}) ✕ "
                       f"{clean(_short(b.text, 40))} ({clean(names[1])})", style="red")
    cell = Text()
    for claim in group.claims:
        if cell:
            cell.append("\n")
        if claim.extra.get("kind") == "role":
            cell.append(clean(claim.text), style="bold")
            if claim.extra.get("tense") in ("past", "future"):
                cell.append(f"  ({claim.extra['tense']})", style="cyan")
        else:
            cell.append(clean("“" + _short(claim.text, 300) + "”"), style="italic")
            cell.append(f"  {clean(claim.extra.get('form', ''))}", style="cyan")
        cell.append(f"  {clean(short_name(by_path.get(claim.source), claim.source))}")
        cell.append(f"  {clean(claim.source)}:{claim.line}", style="dim")
        if claim.extra.get("kind") == "role":
            cell.append("\n  ")
            cell.append(quote_text(claim))
    if group.note:
        cell.append("\n" + clean(group.note), style="dim")
    return who, verdict, cell


def render_lints(console: Console, lints: list) -> None:
    """Editorial lints, each at its file:line, with the sentence it is in."""
    if not lints:
        return
    table = Table(expand=True, show_lines=False, title="Editorial lints", title_justify="left")
    table.add_column("Where", no_wrap=True)
    table.add_column("Lint", no_wrap=True)
    table.add_column("Finding", ratio=1, overflow="fold")
    for lint in lints:
        finding = Text(clean(lint.message))
        if lint.quote:
            finding.append("\n  “" + clean(_short(lint.quote, 160)) + "”", style="italic")
        finding.append(f"\n  {clean(lint.location)}", style="dim")
        where = f"{_short(Path(lint.path).name, 36)}:{lint.line}:{lint.column}"
        table.add_row(Text(clean(where)), Text(lint.kind, style="yellow"), finding)
    console.print(table)
    console.print(Text(f"{len(lints)} editorial lint{'s' if len(lints) != 1 else ''}", style="bold"))


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
