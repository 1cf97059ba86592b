"""Editorial lints: faults an editor fixes before publishing, each at its file:line.

* ``empty-attribution``: an attribution that names no source ("according to ."
  or "according to ," or "according to" at the end of a sentence);
* ``empty-quote``: quotation marks with nothing between them;
* ``unbalanced-quote``: a quotation mark that does not pair up in its paragraph
  (a quote continued in the next paragraph, opened again there, is fine);
* ``unattributed-figure``: a figure with no attribution in its sentence or
  paragraph — only in a strict check of a draft (:func:`lint_documents` with
  ``strict=True``), since published coverage attributes at the top of a story.

The phrases and cues are data (``rules/lints.yaml``); ``scan`` reports the
first three, ``check --strict`` all four.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import regex

from .claims import Claim, Problem
from .documents import Document
from .people import paragraph_of
from .quotes import quotations, words

#: Lint kinds, in the order a report shows them.
LINT_KINDS = ("empty-attribution", "empty-quote", "unbalanced-quote", "unattributed-figure")


@dataclass(frozen=True)
class Lint:
    """One editorial finding: where it is, what kind, and the words it is about."""

    path: str
    line: int
    column: int
    kind: str
    message: str
    quote: str = ""  # the sentence it is in, whitespace normalised

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class LintRule:
    """The compiled ``kind: lint`` rule file."""

    type: str
    path: str
    empty_attribution: regex.Pattern
    attribution_cue: regex.Pattern
    kind: str = "lint"
    produces_claims: bool = False
    description: str = ""
    examples: list[dict[str, Any]] = field(default_factory=list)

    def extract(self, document: Document, rules, problems: list[Problem] | None = None, mentions=None) -> list[Claim]:
        return []  # lints are findings, not claims


def compile_rule(data: dict[str, Any], path: Path, compiled: Any = None) -> LintRule:
    from .rules import RuleError
    from .rules import _compile as compile_one

    def _compile(pattern: str, where: str):
        return compile_one(pattern, where, compiled)

    where = str(path)
    phrases = [str(p) for p in data.get("attribution_phrases") or []]
    cues = [str(c) for c in data.get("attribution_cues") or []]
    if not phrases or not cues:
        raise RuleError(f"{where}: a lint rule needs attribution_phrases and attribution_cues")
    return LintRule(
        type=str(data.get("type") or path.stem),
        path=where,
        # the phrase, then punctuation (or the end of its sentence, checked by the caller)
        empty_attribution=_compile(r"(?i:\b(?:" + "|".join(phrases) + r"))\b(?P<stop>[ \t]*[.,;:!?)\]])?", where),
        attribution_cue=_compile(r"(?i:\b(?:" + "|".join(cues) + r")\b)", where),
        description=str(data.get("description", "")).strip(),
    )


def lint_document(document: Document, rules, claims: Iterable[Claim] | None = None, strict: bool = False) -> list[Lint]:
    """The editorial lints of one document; with ``strict``, also its figures with no attribution.

    ``claims`` are the document's claims (extracted here when not given and
    ``strict`` needs them).
    """
    rule = rules.text_rule("lint") if hasattr(rules, "text_rule") else None
    text = document.scan_text
    found: list[Lint] = []

    def add(offset: int, kind: str, message: str) -> None:
        line, column = document.position(offset)
        found.append(Lint(document.path, line, column, kind, message, _sentence(document, offset)))

    if rule is not None:
        sentence_ends = {e for _, e in document.sentences}
        for m in rule.empty_attribution.finditer(text):
            if not m.group("stop") and m.end() not in sentence_ends:
                continue  # "according to\nReuters": a wrapped line, the source follows
            shown = " ".join(text[m.start():m.end()].split())
            add(m.start(), "empty-attribution", f"attribution names no source: '{shown}'")
    spans, mark_problems = quotations(text, document.paragraphs)
    for span in spans:
        a, b = span.inner
        if span.closed and not words(text[a:b]):
            add(span.open, "empty-quote", "empty quotation: nothing between the quotation marks")
    for problem in mark_problems:
        add(problem.offset, "unbalanced-quote", f"unbalanced quotation: {problem.message}")
    if strict and rule is not None:
        if claims is None:
            from .extract import extract_claims

            claims = extract_claims(document, rules)
        found.extend(unattributed_figures(document, claims, rule, spans))
    found.sort(key=lambda x: (x.line, x.column, LINT_KINDS.index(x.kind)))
    return found


def unattributed_figures(document: Document, claims: Iterable[Claim], rule: LintRule, spans=None) -> list[Lint]:
    """Figures whose sentence and paragraph name no source (no attribution cue, no quotation)."""
    text = document.scan_text
    if spans is None:
        spans, _ = quotations(text, document.paragraphs)
    out: list[Lint] = []
    seen: set[int] = set()
    for claim in claims:
        if claim.source != document.path or claim.extra.get("kind") or claim.offset in seen:
            continue  # quotes and roles carry their own attribution
        seen.add(claim.offset)
        paragraph = paragraph_of(document.paragraphs, claim.offset)
        if rule.attribution_cue.search(text, *paragraph) or any(
                paragraph[0] <= s.open < paragraph[1] for s in spans):
            continue
        out.append(Lint(document.path, claim.line, claim.column, "unattributed-figure",
                        f"figure '{claim.text}' has no attribution in its sentence or paragraph",
                        _sentence(document, claim.offset)))
    return out


def lint_documents(documents: Iterable[Document], rules, claims: Iterable[Claim] | None = None,
                   strict: bool = False) -> list[Lint]:
    """The lints of several documents, in document order (what ``scan`` and ``check`` report)."""
    by_source: dict[str, list[Claim]] | None = None
    if claims is not None:
        by_source = {}
        for claim in claims:
            by_source.setdefault(claim.source, []).append(claim)
    out: list[Lint] = []
    for document in documents:
        own = by_source.get(document.path, []) if by_source is not None else None
        out.extend(lint_document(document, rules, own, strict))
    return out


def _sentence(document: Document, offset: int) -> str:
    for a, b in document.sentences:
        if a <= offset < b:
            return " ".join(document.text[a:b].split())
    line_start = document.text.rfind("\n", 0, offset) + 1
    line_end = document.text.find("\n", offset)
    return " ".join(document.text[line_start:line_end if line_end >= 0 else len(document.text)].split())
