"""A scan: paths → documents → claims → groups, as one result object.

The library entry point behind ``factcheck extract`` and ``factcheck scan``;
reports only format a :class:`ScanResult`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .claims import Claim, Group, Problem, Source
from .compare import group_claims
from .documents import DEFAULT_MAX_BYTES, TEXT_SUFFIXES, Document, iter_documents, iter_input_files
from .extract import extract_claims
from .rules import RuleSet, load_rules


@dataclass
class ScanResult:
    sources: list[Source]
    claims: list[Claim]
    groups: list[Group] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed_inputs(self) -> list[Problem]:
        """Inputs that could not be read at all (the run exits 2 when there are any)."""
        return [p for p in self.problems if p.fatal]


def read_sources(
    paths: Sequence[str],
    follow_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
    suffixes: tuple[str, ...] = TEXT_SUFFIXES,
) -> tuple[list[Document], list[Problem]]:
    """Read every input; unreadable ones become problems, the rest documents."""
    files, problems = iter_input_files(paths, follow_links=follow_links, suffixes=suffixes)
    documents: list[Document] = []
    for item in iter_documents(files, max_bytes=max_bytes, stdin=stdin):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            documents.append(item)
            problems.extend(item.warnings)
    return documents, problems


def extract_documents(
    documents: Iterable[Document], rules: RuleSet, problems: list[Problem], strict: bool = False
) -> list[Claim]:
    """Claims of every document.  A document whose extraction fails on a bug is
    reported as a problem and the others are still read, unless ``strict``
    (``--debug``), where the exception propagates with its traceback."""
    claims: list[Claim] = []
    for document in documents:
        try:
            claims.extend(extract_claims(document, rules, problems))
        except Exception as exc:  # noqa: BLE001 - one document never stops the run
            if strict:
                raise
            problems.append(Problem(document.path, f"internal error while extracting: {type(exc).__name__}: {exc} "
                                                   "(run with --debug for details)"))
    return claims


def scan(
    paths: Sequence[str],
    rules: RuleSet | None = None,
    group: bool = True,
    strict: bool = False,
    **read_options,
) -> ScanResult:
    """Read, extract and (unless ``group`` is false) compare: the whole pipeline."""
    rules = rules or load_rules()
    documents, problems = read_sources(paths, **read_options)
    claims = extract_documents(documents, rules, problems, strict=strict)
    groups = group_claims(claims, rules) if group else []
    return ScanResult([d.source for d in documents], claims, groups, problems)
