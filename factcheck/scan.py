"""A scan: paths → documents → claims → groups, as one result object.

The library entry point behind ``factcheck extract`` and ``factcheck scan``;
reports only format a :class:`ScanResult`.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterable, Mapping, Sequence

from .claims import Claim, Group, Problem, Source
from .compare import group_claims
from .documents import DEFAULT_MAX_BYTES, TEXT_SUFFIXES, Document, iter_documents, iter_input_files
from .executors import Progress
from .extract import extract_claims
from .lints import Lint
from .rules import RuleSet, load_rules
from .spill import Spill, partitions_for


@dataclass
class ScanResult:
    """What a scan found.  ``claims`` and ``groups`` are lists, or, for a scan kept on disk
    (``spill``), collections that are read back each time they are iterated."""

    sources: list[Source]
    claims: Collection[Claim]
    groups: Collection[Group] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lints: list[Lint] = field(default_factory=list)  # editorial findings (empty attribution, unbalanced quote)

    @property
    def failed_inputs(self) -> list[Problem]:
        """Inputs that could not be read at all (the run exits 2 when there are any)."""
        return [p for p in self.problems if p.fatal]

    def verdict_counts(self) -> Counter[tuple[str, str]]:
        """Groups per (type, verdict), without reading groups kept on disk back."""
        counts = getattr(self.groups, "counts", None)
        return Counter(counts) if counts is not None else Counter((g.type, g.verdict) for g in self.groups)


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


def apply_pub_dates(documents: Iterable[Document], overrides: Mapping[str, str]) -> list[Problem]:
    """Set publication dates given by the user (``--pub-date FILE=YYYY-MM-DD``); they beat what the file says.

    FILE is an input as the reports name it, its file name, or another path to
    the same file.  A FILE that names no input is a problem (the run exits 2).
    """
    documents = list(documents)
    problems = []
    for given, day in overrides.items():
        matched = [d for d in documents if same_input(d.path, given)]
        if not matched:
            problems.append(Problem(given, "--pub-date: no input file has this name"))
        for document in matched:
            document.pub_date, document.pub_date_origin = day, "option"
    return problems


def same_input(path: str, given: str) -> bool:
    """Does ``given`` (from --pub-date) name this input: as reported, by file name, or as another path to it?"""
    if path == given or Path(path).name == given:
        return True
    try:
        return os.path.samefile(path, given)
    except OSError:
        return False


def scanned_text(document: Document) -> str:
    """The text the rules read, line for line as claim lines count them (non-scanned parts blank)."""
    lines = document.scan_text.splitlines()
    return "\n".join(line.rstrip() for line in lines) + ("\n" if lines else "")


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


#: From this many input files a scan keeps its claims on disk (spill.py) rather than in memory.
SPILL_FROM = 5_000


def scan(
    paths: Sequence[str],
    rules: RuleSet | None = None,
    group: bool = True,
    pub_dates: Mapping[str, str] | None = None,
    strict: bool = False,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
    suffixes: tuple[str, ...] = TEXT_SUFFIXES,
    spill: bool | None = None,
) -> ScanResult:
    """Read, extract and (unless ``group`` is false) compare: the whole pipeline.

    ``pub_dates`` maps inputs to ISO publication dates that override what the
    files say.  ``jobs`` > 1 extracts in a process pool, ``executor="dask"`` on
    a Dask cluster (``scheduler`` address, or a LocalCluster); the result is
    the same as with one job.  ``progress(done, total)`` is called as files
    finish.  Documents are dropped once extracted, so memory holds claims, not
    texts.  ``strict`` lets an extraction bug raise instead of becoming a problem.

    ``spill``: keep the claims on disk and group them one partition at a
    time, so that an archive's claims never all sit in memory (default: from
    :data:`SPILL_FROM` files on).  The result's ``claims`` and ``groups`` are
    then collections read back from disk each time they are iterated, with
    the same items in the same order as lists would hold.
    """
    from .executors import extract_chunks

    rules = rules or load_rules()
    files, problems = iter_input_files(paths, follow_links=follow_links, suffixes=suffixes)
    overrides = dict(pub_dates or {})
    for given in overrides:
        if not any(same_input(display, given) for display, _ in files):
            problems.append(Problem(given, "--pub-date: no input file has this name"))
    if spill is None:
        spill = len(files) >= SPILL_FROM
    store = Spill(partitions_for(len(files))) if spill else None
    sources: list[Source] = []
    claims: list[Claim] = []
    lints: list[Lint] = []
    for chunk in extract_chunks(files, rules, jobs=jobs, executor=executor, scheduler=scheduler,
                                max_bytes=max_bytes, stdin=stdin, progress=progress, pub_dates=overrides,
                                strict=strict, partitions=store.partitions if store else 0):
        if store is not None:
            store.add(chunk.packed)
        for result in chunk.files:
            if result.source is not None:
                sources.append(result.source)
            claims.extend(result.claims)
            problems.extend(result.problems)
            lints.extend(result.lints)
    if store is not None:
        groups = store.group(rules, jobs=jobs if executor == "local" else 1) if group else []
        return ScanResult(sources, store.claims(), groups, problems, lints)
    groups = group_claims(claims, rules) if group else []
    return ScanResult(sources, claims, groups, problems, lints)
