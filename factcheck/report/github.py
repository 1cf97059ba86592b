"""GitHub Actions workflow commands: one annotation per finding or figure difference.

``::error file=F,line=L,col=C,title=T::message``.  The runner reads one
command per line and decodes ``%25``, ``%0D`` and ``%0A`` in the message,
and additionally ``%3A`` and ``%2C`` in properties; so article text is
escaped that way and can neither end a line (start a second annotation) nor
smuggle in a property.  Only lines this module writes start with ``::``.
"""

from __future__ import annotations

from typing import TextIO

from ..claims import Claim, Problem
from .messages import STATUS_TITLES, about, diff_summary, finding_message, pair_message

COMMANDS = {"contradicted": "error", "disputed-sources": "warning", "unsupported": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, file: str | None = None, line: int | None = None,
               col: int | None = None, end_col: int | None = None, title: str | None = None) -> str:
    props = []
    if file and file != "-":  # standard input has no file to annotate
        props.append(f"file={escape_property(file)}")
    if line:
        props.append(f"line={int(line)}")
    if col:
        props.append(f"col={int(col)}")
    if end_col:
        props.append(f"endColumn={int(end_col)}")
    if title:
        props.append(f"title={escape_property(title)}")
    return f"::{command}{' ' + ','.join(props) if props else ''}::{escape_data(message)}"


def _claim_annotation(command: str, claim: Claim, title: str, message: str) -> str:
    single_line = "\n" not in claim.text and "\r" not in claim.text
    return annotation(command, message, claim.source, claim.line, claim.column,
                      claim.column + len(claim.text) if single_line else None, title)


def _problem_annotation(problem: Problem) -> str:
    return annotation("error" if problem.fatal else "warning", problem.message, problem.path, problem.line,
                      title="factcheck: input problem" if problem.fatal else "factcheck")


def write_check(result, out: TextIO, fail_on: str = "contradicted") -> None:
    """Annotations for the findings that are reported (suppressed, baselined and supported ones are not)."""
    from .table import check_summary

    sources = {s.path: s for s in result.sources}
    for problem in result.problems:
        out.write(_problem_annotation(problem) + "\n")
    for finding in result.findings:
        if finding.status == "supported" or not finding.gating:
            continue
        title = f"factcheck: {finding.status} ({about(finding.claim)})"
        out.write(_claim_annotation(COMMANDS[finding.status], finding.claim, title,
                                    f"{STATUS_TITLES[finding.status]}: {finding_message(finding, sources)}") + "\n")
    for problem in result.stale_suppressions:
        out.write(annotation("warning", problem.message, problem.path, problem.line,
                             title="factcheck: unused suppression") + "\n")
    out.write(escape_data(check_summary(result, fail_on)).lstrip(":") + "\n")


def write_diff(result, out: TextIO) -> None:
    """A notice per changed figure (at B's location), and per figure only in one version."""
    for problem in result.problems:
        out.write(_problem_annotation(problem) + "\n")
    for pair in result.files:
        for a, b in pair.changed:
            out.write(_claim_annotation("warning", b, f"factcheck: figure changed ({about(b)})", pair_message(a, b)) + "\n")
        for a in pair.only_a:
            out.write(_claim_annotation("notice", a, f"factcheck: figure only in {pair.a or 'A'}", pair_message(a, None)) + "\n")
        for b in pair.only_b:
            out.write(_claim_annotation("notice", b, f"factcheck: figure only in {pair.b or 'B'}", pair_message(None, b)) + "\n")
    out.write(escape_data(diff_summary(result)).lstrip(":") + "\n")
