"""Where extraction runs: in this process, in a local process pool, or on a Dask cluster.

Extraction is a pure function of one file and the rules (:func:`process_file`),
so it is a map; grouping (compare/) is the reduce.  Every executor cuts the
input list into chunks, extracts each chunk where it runs, and returns the
per-file results in input order, so the merged claims — and every report made
from them — are the same byte for byte whichever executor and however many
jobs produced them.

Workers never receive compiled rules: they get the rule folders and load them
once per process (``rules.load_rules`` caches by folder), which is cheap to
send and works on a remote cluster that sees the same folders.  Only a rule
set that was not loaded from folders is sent as an object.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Sequence

from .claims import Claim, Problem, Source
from .documents import DEFAULT_MAX_BYTES, InputError, read_document
from .extract import extract_claims
from .rules import RuleError, RuleSet, _load

if TYPE_CHECKING:
    from .spill import PackedClaims

#: Executors ``scan`` knows (``--executor``).
EXECUTORS = ("local", "dask")

#: Below this many files a process pool costs more than it saves: extract in this process.
MIN_FILES_FOR_POOL = 64

#: (done, total) files: called as results arrive, in input order.
Progress = Callable[[int, int], None]

#: A file to read: (display path, file path).
FileEntry = tuple[str, Path]


@dataclass
class FileResult:
    """What one input file gave: its source (None when it could not be read), claims and problems."""

    source: Source | None
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lints: list = field(default_factory=list)  # lints.Lint: editorial findings of this file


@dataclass(frozen=True)
class ReadOptions:
    """How every worker reads its files (the size limit, --pub-date overrides, --debug) and returns claims."""

    max_bytes: int = DEFAULT_MAX_BYTES
    pub_dates: tuple[tuple[str, str], ...] = ()
    strict: bool = False
    partitions: int = 0  # > 0: pack each chunk's claims into this many partitions (spill.py)


class ExecutorError(Exception):
    """An executor that cannot run (not installed, scheduler unreachable); the message says which."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def process_file(display: str, path: Path, rules: RuleSet, max_bytes: int = DEFAULT_MAX_BYTES,
                 data: bytes | None = None, pub_dates: Mapping[str, str] | None = None,
                 strict: bool = False) -> FileResult:
    """Read one file, extract its claims and lints; a file that cannot be read becomes a problem.

    ``pub_dates`` (--pub-date) override the file's own publication date.  A
    bug while extracting one file is reported for that file and the run goes
    on, unless ``strict`` (--debug), where it raises with its traceback.
    """
    from .lints import lint_documents
    from .scan import same_input

    try:
        document = read_document(display, path, max_bytes=max_bytes, data=data)
    except InputError as exc:
        return FileResult(None, [], [Problem(display, str(exc), exc.line)])
    for given, day in (pub_dates or {}).items():
        if same_input(document.path, given):
            document.pub_date, document.pub_date_origin = day, "option"
    problems = list(document.warnings)
    try:
        claims = extract_claims(document, rules, problems)
        lints = lint_documents([document], rules, claims)
    except Exception as exc:  # noqa: BLE001 - one document never stops the run
        if strict:
            raise
        problems.append(Problem(display, f"internal error while extracting: {type(exc).__name__}: {exc} "
                                         "(run with --debug for details)"))
        return FileResult(document.source, [], problems)
    return FileResult(document.source, claims, problems, lints)


@dataclass
class ChunkResult:
    """What one chunk of files gave, in input order.  With ``packed``, the claims are not in
    ``files`` but pickled by partition (spill.py), so that whoever receives them need not read them."""

    files: list[FileResult]
    packed: "PackedClaims | None" = None


def extract_files(files: Sequence[FileEntry], rules: RuleSet, **options) -> list[FileResult]:
    """Extract every file with the chosen executor; results in input order (options: :func:`extract_chunks`)."""
    return [result for chunk in extract_chunks(files, rules, **options) for result in chunk.files]


def extract_chunks(
    files: Sequence[FileEntry],
    rules: RuleSet,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
    progress: Progress | None = None,
    pub_dates: Mapping[str, str] | None = None,
    strict: bool = False,
    partitions: int = 0,
) -> Iterator[ChunkResult]:
    """Extract every file with the chosen executor, yielding chunk results in input order as they come.

    ``partitions`` > 0: each chunk's claims are packed into that many
    partitions where they are extracted (spill.py).
    """
    options = ReadOptions(max_bytes, tuple((pub_dates or {}).items()), strict, partitions)
    if executor not in EXECUTORS:
        raise ExecutorError(f"unknown executor {executor!r} (choose from: {', '.join(EXECUTORS)})")
    if jobs < 1:
        raise ExecutorError(f"--jobs must be at least 1, not {jobs}")
    tasks = [(display, str(path), stdin if display == "-" else None) for display, path in files]
    if executor == "dask":
        return _run_dask(tasks, rules, jobs, scheduler, options, progress)
    if jobs == 1 or len(tasks) < MIN_FILES_FOR_POOL:
        return _run_here(tasks, rules, options, progress)
    return _run_pool(tasks, rules, jobs, options, progress)


Task = tuple[str, str, "bytes | None"]


def chunks(tasks: Sequence[Task], workers: int, largest: int = 64) -> list[list[Task]]:
    """Cut the tasks into chunks: about 8 per worker (so a slow chunk does not hold the end), at most ``largest``."""
    size = max(1, min(largest, -(-len(tasks) // (workers * 8))))
    return [list(tasks[i:i + size]) for i in range(0, len(tasks), size)]


def _run_here(tasks: Sequence[Task], rules: RuleSet, options: ReadOptions,
              progress: Progress | None) -> Iterator[ChunkResult]:
    done = 0
    for part in chunks(tasks, 1) if options.partitions else [[task] for task in tasks]:
        yield _chunk_result([_process(display, path, data, rules, options) for display, path, data in part], options,
                            rules)
        done += len(part)
        if progress:
            progress(done, len(tasks))


def rule_spec(rules: RuleSet) -> tuple[str, ...] | RuleSet:
    """What to send a worker: the rule folders when they load to these very rules, else the rules themselves."""
    folders = tuple(rules.folders)
    if folders:
        try:
            if _load(folders) is rules:
                return folders
        except RuleError:
            pass
    return rules


def rules_from(spec: tuple[str, ...] | RuleSet) -> RuleSet:
    """The rules a worker uses; folders are loaded once per process (``_load`` caches them)."""
    return spec if isinstance(spec, RuleSet) else _load(tuple(spec))


def extract_chunk(chunk: Sequence[Task], spec: tuple[str, ...] | RuleSet, options: ReadOptions) -> ChunkResult:
    """A worker's job: every file of one chunk, in order."""
    rules = rules_from(spec)
    return _chunk_result([_process(display, path, data, rules, options) for display, path, data in chunk], options,
                         rules)


def _chunk_result(results: list[FileResult], options: ReadOptions, rules: RuleSet) -> ChunkResult:
    if not options.partitions:
        return ChunkResult(results)
    from .spill import pack

    packed = pack([claim for result in results for claim in result.claims], options.partitions)
    for result in results:
        result.claims = []
    return ChunkResult(results, packed)


def _process(display: str, path: str, data: bytes | None, rules: RuleSet, options: ReadOptions) -> FileResult:
    return process_file(display, Path(path), rules, options.max_bytes, data, dict(options.pub_dates), options.strict)


# --------------------------------------------------------------------------- local process pool

_worker_spec: tuple[str, ...] | RuleSet | None = None  # set once in each pool process by _init_worker


def _init_worker(spec: tuple[str, ...] | RuleSet) -> None:
    global _worker_spec
    _worker_spec = spec
    rules_from(spec)  # compile the rules now, once, not inside the first chunk


def _pool_chunk(chunk: Sequence[Task], options: ReadOptions) -> ChunkResult:
    return extract_chunk(chunk, _worker_spec, options)


def _run_pool(tasks: Sequence[Task], rules: RuleSet, jobs: int, options: ReadOptions,
              progress: Progress | None) -> Iterator[ChunkResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    parts = chunks(tasks, jobs)
    # fork shares the already-compiled rules with the workers at no cost; elsewhere they load them once each
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    done = 0
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(rule_spec(rules),)) as pool:
        for part in pool.map(_pool_chunk, parts, [options] * len(parts)):
            yield part
            done += len(part.files)
            if progress:
                progress(done, len(tasks))


# --------------------------------------------------------------------------- Dask


def _run_dask(tasks: Sequence[Task], rules: RuleSet, jobs: int, scheduler: str | None, options: ReadOptions,
              progress: Progress | None) -> Iterator[ChunkResult]:
    """Extract on a Dask cluster: the one at ``scheduler``, or a LocalCluster of ``jobs`` worker processes.

    Workers read the files themselves, so on a remote cluster the input paths
    (and rule folders) must be visible to them under the same names.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ExecutorError("the dask executor needs the dask extra: pip install 'factcheck[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ExecutorError(f"cannot reach the Dask scheduler {scheduler or 'LocalCluster'}: {exc}") from None
    try:
        spec = rule_spec(rules)
        if isinstance(spec, RuleSet):
            spec = client.scatter(spec, broadcast=True)  # sent once per worker, not once per chunk
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        futures = client.map(extract_chunk, chunks(tasks, workers), spec=spec, options=options, pure=False)
        done = 0
        for future in futures:  # in input order
            part = future.result()
            future.release()
            yield part
            done += len(part.files)
            if progress:
                progress(done, len(tasks))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

