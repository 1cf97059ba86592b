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
from .executors import Progress, extract_files
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


def extract_documents(documents: Iterable[Document], rules: RuleSet, problems: list[Problem]) -> list[Claim]:
    claims: list[Claim] = []
    for document in documents:
        claims.extend(extract_claims(document, rules, problems))
    return claims


def scan(
    paths: Sequence[str],
    rules: RuleSet | None = None,
    group: bool = True,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
    suffixes: tuple[str, ...] = TEXT_SUFFIXES,
) -> ScanResult:
    """Read, extract and (unless ``group`` is false) compare: the whole pipeline.

    ``jobs`` > 1 extracts in a process pool, ``executor="dask"`` on a Dask
    cluster (``scheduler`` address, or a LocalCluster); the result is the same
    as with one job.  ``progress(done, total)`` is called as files finish.
    Documents are dropped once extracted, so memory holds claims, not texts.
    """
    rules = rules or load_rules()
    files, problems = iter_input_files(paths, follow_links=follow_links, suffixes=suffixes)
    results = extract_files(files, rules, jobs=jobs, executor=executor, scheduler=scheduler,
                            max_bytes=max_bytes, stdin=stdin, progress=progress)
    sources: list[Source] = []
    claims: list[Claim] = []
    for result in results:
        if result.source is not None:
            sources.append(result.source)
        claims.extend(result.claims)
        problems.extend(result.problems)
    groups = group_claims(claims, rules) if group else []
    return ScanResult(sources, claims, groups, problems)
