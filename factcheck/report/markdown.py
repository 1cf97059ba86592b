"""Markdown for a pull-request comment: counts first, then the findings as tables.

Article text is escaped so that it renders literally: Markdown punctuation
is backslash-escaped (``$`` too: no maths), ``<``, ``>`` and ``&`` become entities (no HTML, no
comments), ``@`` cannot ping anyone and line breaks cannot end a table row.
"""

from __future__ import annotations

from typing import TextIO

import regex

from .messages import about, evidence_line, figure, quoted

STATUS_MARK = {"contradicted": "\u274c", "disputed-sources": "\u26a0\ufe0f", "unsupported": "\u2754",
               "supported": "\u2705"}
_PUNCT = regex.compile(r"([\\`*_{}\[\]()#+\-.!|~:$])")
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """Text that renders as itself in GitHub-flavoured Markdown, inside a table cell too."""
    text = _CONTROL.sub(" ", text.replace("\r\n", " ").replace("\r", " ").replace("\n", " "))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _PUNCT.sub(r"\\\1", text)
    return text.replace("@", "&#64;")


def _where(claim) -> str:
    return escape(f"{claim.source}:{claim.line}:{claim.column}")


def write_check(result, out: TextIO, fail_on: str = "contradicted") -> None:
    from .table import check_summary

    sources = {s.path: s for s in result.sources}
    counts = result.counts()
    failing = result.failing(fail_on)
    head = "\u274c" if failing else "\u2705"
    out.write(f"## {head} factcheck: {counts['contradicted']} contradicted, {counts['disputed-sources']} disputed, "
              f"{counts['unsupported']} unsupported, {counts['supported']} supported\n\n")
    reported = [f for f in result.findings if f.status != "supported" and f.gating]
    if reported:
        out.write("| | Where | Claim | Evidence |\n|---|---|---|---|\n")
        for f in sorted(reported, key=lambda f: ("contradicted", "disputed-sources", "unsupported").index(f.status)):
            shown = f.against if f.status == "contradicted" else (
                [f.evidence[i] for i in sorted({i for pair in f.conflicts for i in pair})]
                if f.status == "disputed-sources" else [])
            evidence = "<br>".join(escape(evidence_line(c, sources)) for c in shown[:3]) or "no source states it"
            out.write(f"| {STATUS_MARK[f.status]} {escape(f.status)} | {_where(f.claim)} | "
                      f"{escape(about(f.claim))}: {escape(figure(f.claim))} | {evidence} |\n")
        out.write("\n")
    quiet = [f for f in result.findings if f.status != "supported" and not f.gating]
    if quiet:
        out.write("<details><summary>Suppressed or in the baseline</summary>\n\n")
        for f in quiet:
            why = ("suppressed" + (f": {escape(f.suppressed)}" if f.suppressed else "")) if f.suppressed is not None \
                else "in baseline"
            out.write(f"- {_where(f.claim)} {escape(f.status)}, {why}: {escape(about(f.claim))} "
                      f"{escape(figure(f.claim))}\n")
        out.write("\n</details>\n\n")
    supported = [f for f in result.findings if f.status == "supported"]
    if supported:
        out.write("<details><summary>Supported figures</summary>\n\n")
        for f in supported:
            names = ", ".join(sorted({escape(evidence_line(c, sources).split(" (")[0]) for c in f.evidence}))
            out.write(f"- {_where(f.claim)} {escape(about(f.claim))}: {escape(figure(f.claim))} \u2014 {names}\n")
        out.write("\n</details>\n\n")
    for problem in [*result.problems, *result.stale_suppressions]:
        out.write(f"- \u26a0\ufe0f {escape(str(problem))}\n")
    out.write(f"\n{escape(check_summary(result, fail_on))}\n")


def write_diff(result, out: TextIO, show_all: bool = False) -> None:
    from .messages import diff_summary

    out.write(f"## factcheck diff: {escape(diff_summary(result))}\n\n")
    for pair in result.files:
        if not (pair.changed or pair.only_a or pair.only_b or show_all):
            continue
        out.write(f"### {escape(pair.a or '(none)')} \u2192 {escape(pair.b or '(none)')}\n\n")
        rows = ([("changed", a, b) for a, b in pair.changed] + [("only in A", a, None) for a in pair.only_a]
                + [("only in B", None, b) for b in pair.only_b])
        if show_all:
            rows += [("unchanged", a, b) for a, b in pair.unchanged]
        if rows:
            out.write("| | Claim | A | B |\n|---|---|---|---|\n")
            for kind, a, b in rows:
                side = [f"{escape(figure(c))} at {_where(c)}<br>{escape(quoted(c))}" if c else "\u2014" for c in (a, b)]
                out.write(f"| {kind} | {escape(about(a or b))} | {side[0]} | {side[1]} |\n")
            out.write("\n")
        out.write(f"{len(pair.unchanged)} figures unchanged\n\n")
