"""Rule-authoring reports: the rules in effect, validation issues, example runs, explanations.

Plain lines for what a person or an editor reads line by line (issues and
example failures as ``file:line: …``), a rich table for the rule list.
"""

from __future__ import annotations

from typing import Iterable, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..numbers import format_value
from .table import clean, interval_text


def render_rule_list(console: Console, summaries, folders: Iterable[str]) -> None:
    table = Table(title="Rules in effect", title_justify="left")
    for column in ("claim type", "file", "from", "patterns", "cues", "examples", "priority", "notes"):
        table.add_column(column, justify="right" if column in ("patterns", "cues", "examples", "priority") else "left")
    for s in summaries:
        notes = []
        if s.replaces:
            notes.append(f"replaces {s.replaces}")
        if s.extended_by:
            notes.append("extended by " + ", ".join(s.extended_by))
        table.add_row(Text(s.type), Text(s.path), Text(s.origin), str(s.patterns), str(s.cues), str(s.examples),
                      str(s.priority), Text("; ".join(notes)))
    console.print(table)
    console.print(Text("Rule folders, in order: " + ", ".join(folders)))


def render_issues(out: TextIO, issues, files_checked: int) -> None:
    """One ``file:line:column: rule: where: message`` line per issue (never wrapped: editors jump to them)."""
    for issue in issues:
        print(issue, file=out)
    if issues:
        files = len({i.path for i in issues})
        print(f"{len(issues)} problem{'s' if len(issues) != 1 else ''} in {files} file{'s' if files != 1 else ''}",
              file=out)
    else:
        print(f"ok: {files_checked} file{'s' if files_checked != 1 else ''} valid", file=out)


def _claim_fields(claim) -> dict:
    return {k: getattr(claim, k) for k in ("text", "subject", "attribute", "value", "qualifier", "unit")}


def render_example_results(out: TextIO, results, verbose: bool = False) -> None:
    """Each failing example with the expected and the actual claims and what differs; a count at the end."""
    from ..ruletest import format_claim

    for r in results:
        if r.status == "pass" and not verbose:
            continue
        label = {"pass": "PASS", "fail": "FAIL", "xfail": "XFAIL", "xpass": "XPASS"}[r.status]
        print(f"{label} {r.path}: {r.name}: {clean(r.text)!r}", file=out)
        if r.status == "xfail":
            print(f"  known gap: {r.xfail}", file=out)
        elif r.status == "xpass":
            print(f"  marked xfail ({r.xfail}) but passes now: remove the mark", file=out)
        if r.status in ("fail", "xfail"):
            expected = ", ".join(format_claim(e) for e in r.expected) or "no claim"
            actual = ", ".join(format_claim(_claim_fields(c)) for c in r.actual) or "no claim"
            print(f"  expected: {expected}", file=out)
            print(f"  actual:   {clean(actual)}", file=out)
            for difference in r.differences:
                print(f"  - {clean(difference)}", file=out)
    counts = {status: sum(1 for r in results if r.status == status) for status in ("pass", "fail", "xfail", "xpass")}
    parts = [f"{counts['pass']} examples passed", f"{counts['fail']} failed"]
    if counts["xfail"]:
        parts.append(f"{counts['xfail']} known gaps (xfail)")
    if counts["xpass"]:
        parts.append(f"{counts['xpass']} xfail now passing")
    print("rules test: " + ", ".join(parts), file=out)


def render_explanation(out: TextIO, explanation) -> None:
    """Every pattern match in the text: rule, pattern, groups, and the claim it gave or why none."""
    print(f"text: {clean(explanation.text)}", file=out)
    if not explanation.matches:
        print("no rule pattern matches this text", file=out)
    for n, pm in enumerate(explanation.matches, 1):
        print(file=out)
        print(clean(f"{n}. {pm.text!r} ← {pm.rule} patterns[{pm.pattern}] ({pm.file})"), file=out)
        print(f"   pattern:   {pm.source}", file=out)
        groups = ", ".join(f"{k}={v!r}" for k, v in pm.groups.items())
        print(clean(f"   groups:    {groups or '(none)'}"), file=out)
        if pm.outcome != "claim":
            print(f"   no claim:  {pm.outcome}", file=out)
            continue
        for claim in pm.claims:
            print(f"   value:     {format_value(claim.value)} {claim.unit}, qualifier {claim.qualifier}, "
                  f"interval {interval_text(claim)}", file=out)
            print(f"   attribute: {claim.attribute}", file=out)
            print(clean(f"   subject:   {claim.subject} ({claim.subject_reason})"), file=out)
    for problem in explanation.problems:
        print(f"warning: {problem}", file=out)


def render_alignment(out: TextIO, pairs) -> None:
    """Each pair of figures of the two texts: the evidence, the score and what became of the pair."""
    if not pairs:
        print("no figure of the first text has a figure of the same dimension in the second", file=out)
    for n, pair in enumerate(pairs, 1):
        a, b, ev = pair.a, pair.b, pair.evidence
        print(file=out)
        print(clean(f"{n}. A {a.text!r} ({a.type}, {a.subject} · {a.attribute})"), file=out)
        print(clean(f"   B {b.text!r} ({b.type}, {b.subject} · {b.attribute})"), file=out)
        print(clean(f"   evidence:  {ev.describe()}"), file=out)
        if not ev.veto:
            print(f"   score:     {ev.score:g}{' (strong: a conflict would be a dispute)' if ev.strong else ''}", file=out)
        print(clean(f"   outcome:   {pair.outcome}"), file=out)
