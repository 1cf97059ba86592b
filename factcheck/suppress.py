"""Suppression comments: a draft marks figures it has checked by hand.

As linters do, a comment silences findings on the next line, or on its own
line when it follows text there::

    <!-- factcheck: ignore -->
    <!-- factcheck: ignore[money] reason="confirmed with the company" -->
    <!-- factcheck: off -->  …  <!-- factcheck: on -->

A suppression that silences nothing is reported, so stale ones get removed.
The comments themselves are blanked before extraction: a figure in a reason
is not a claim of the draft.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import regex

from .claims import Problem
from .documents import Document

#: Any comment that addresses factcheck; ones that do not parse are reported.
_COMMENT = regex.compile(r"<!--\s*factcheck\s*:(?P<body>.*?)-->", regex.S | regex.I)
_DIRECTIVE = regex.compile(
    r"\s*(?P<kind>ignore|off|on)\s*(?:\[(?P<types>[\w\s,-]*)\])?\s*"
    r"(?:reason\s*=\s*(?:\"(?P<reason>[^\"]*)\"|'(?P<reason2>[^']*)'))?\s*\Z",
    regex.I,
)


@dataclass
class Suppression:
    """One directive: the lines it covers, the claim types it names (none: all) and why."""

    kind: str  # ignore | off
    line: int  # where the comment is
    first: int  # first line covered
    last: int  # last line covered (inclusive)
    types: frozenset[str] = frozenset()
    reason: str = ""
    start: int = 0  # the comment's character span (blanked before extraction)
    end: int = 0
    used: int = 0

    def covers(self, claim) -> bool:
        return self.first <= claim.line <= self.last and (not self.types or claim.type in self.types)

    @property
    def label(self) -> str:
        types = f"[{','.join(sorted(self.types))}]" if self.types else ""
        return f"factcheck: {self.kind}{types}"


def parse_suppressions(document: Document, problems: list[Problem] | None = None) -> list[Suppression]:
    """The suppressions a draft declares; malformed or unbalanced comments become warnings."""
    text = document.text
    found: list[Suppression] = []
    spans: list[tuple[int, int]] = []
    open_block: Suppression | None = None
    last_line = document.position(len(text))[0] if text else 1
    for m in _COMMENT.finditer(text):
        line = document.position(m.start())[0]
        d = _DIRECTIVE.match(m.group("body"))
        if not d:
            _warn(problems, document.path, line, f"unknown factcheck comment {m.group(0)!r} "
                  "(expected ignore, ignore[type] reason=\"…\", off or on)")
            continue
        spans.append(m.span())
        kind = d.group("kind").lower()
        types = frozenset(t.strip() for t in (d.group("types") or "").split(",") if t.strip())
        reason = d.group("reason") or d.group("reason2") or ""
        if kind == "ignore":
            target = line if text[_line_start(text, m.start()):m.start()].strip() else _next_text_line(document, m.end())
            found.append(Suppression("ignore", line, target, target, types, reason, *m.span()))
        elif kind == "off":
            if open_block is not None:
                _warn(problems, document.path, line, f"'factcheck: off' inside the block opened at line {open_block.line}")
                continue
            open_block = Suppression("off", line, line, last_line, types, reason, *m.span())
            found.append(open_block)
        else:
            if open_block is None:
                _warn(problems, document.path, line, "'factcheck: on' without a 'factcheck: off' before it")
                continue
            open_block.last = line
            open_block = None
    return found


def blank_directives(document: Document, suppressions: list[Suppression]) -> Document:
    """The document with its directive comments blanked in ``scan_text`` (positions unchanged)."""
    if not suppressions:
        return document
    chars = list(document.scan_text)
    for s in suppressions:
        chars[s.start:s.end] = [c if c in "\r\n" else " " for c in chars[s.start:s.end]]
    return dataclasses.replace(document, scan_text="".join(chars), _sentences=None, _paragraphs=None)


def apply_suppressions(findings, suppressions: list[Suppression], path: str) -> list[Problem]:
    """Mark the findings the suppressions cover; return the suppressions that covered none.

    Only findings that would be reported count: a suppression over figures
    the sources support silences nothing and is stale.
    """
    for finding in findings:
        if finding.status == "supported":
            continue
        for s in suppressions:
            if s.covers(finding.claim):
                finding.suppressed = s.reason
                s.used += 1
                break
    return [Problem(path, f"unused suppression '{s.label}': no finding on "
                    + (f"line {s.first}" if s.kind == "ignore" else f"lines {s.first}-{s.last}")
                    + " (remove it?)", line=s.line, fatal=False)
            for s in suppressions if not s.used]


def _line_start(text: str, pos: int) -> int:
    return max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1


def _next_text_line(document: Document, pos: int) -> int:
    """The line of the first non-blank character after ``pos`` that is not another directive."""
    text = document.text
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        m = _COMMENT.match(text, pos)
        if not m:
            break
        pos = m.end()
    return document.position(min(pos, len(text)))[0] if text else 1


def _warn(problems: list[Problem] | None, path: str, line: int, message: str) -> None:
    if problems is not None:
        problems.append(Problem(path, message, line=line, fatal=False))
