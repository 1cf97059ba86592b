"""The ``factcheck`` command: parses arguments, calls the library, picks a report.

Exit codes: 0 the run worked (whatever the verdicts); 1 a finding at or above
``--fail-on``; 2 a usage or input error (any input that could not be read).
"""

from __future__ import annotations

import sys
from typing import List, Optional

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Fact-check tech-deal coverage: which figures do the sources agree on, which do they dispute?",
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Failure(Exception):
    """A user-caused error: printed as one line, exit code 2."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Fact-check tech-deal coverage."""


PathsArg = typer.Argument(..., help="Files or folders (searched recursively for .txt, .md and .html); '-' reads stdin.")
RulesOpt = typer.Option(None, "--rules", help="A folder of extra rule files (repeatable); a rule of the same claim "
                                               "type replaces the packaged one, 'extends: TYPE' adds to it.")
FormatOpt = typer.Option("table", "--format", "-f", help="Output format: table or json.")
ScanFormatOpt = typer.Option("table", "--format", "-f", help="Output format: table, json or html (a self-contained page).")
OutputOpt = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output.")
FollowOpt = typer.Option(False, "--follow-links", help="Follow symbolic links inside folders.")
_MAX_BYTES = 64 * 1024 * 1024  # documents.DEFAULT_MAX_BYTES, without importing it at start-up
MaxBytesOpt = typer.Option(_MAX_BYTES, "--max-bytes", min=1, help="Refuse input files larger than this.")
DebugOpt = typer.Option(False, "--debug", help="Show tracebacks for errors.")
PubDateOpt = typer.Option(None, "--pub-date", metavar="FILE=YYYY-MM-DD",
                          help="Publication date of an input (repeatable); overrides front matter and datelines.")
JobsOpt = typer.Option(None, "--jobs", "-j", help="Processes (or Dask workers) to extract with [default: the number of cores].")
ExecutorOpt = typer.Option("local", "--executor", help="Where to extract: local (this machine) or dask (a Dask cluster).")
SchedulerOpt = typer.Option(None, "--scheduler", help="Dask scheduler address for --executor dask [default: a local cluster].")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar.")
SpillOpt = typer.Option(None, "--spill/--no-spill", help="Keep claims on disk while grouping and writing, so memory "
                        "stays small on an archive [default: from 5,000 files].")


def _load_rules(rule_dirs: Optional[List[str]]):
    from .rules import RuleError, load_rules

    try:
        return load_rules(rule_dirs or ())
    except RuleError as exc:
        raise Failure(str(exc)) from None


def _pub_dates(specs: Optional[List[str]]) -> dict[str, str]:
    from .dates import parse_pub_date_override

    overrides = {}
    for spec in specs or ():
        try:
            given, day = parse_pub_date_override(spec)
        except ValueError as exc:
            raise Failure(str(exc)) from None
        overrides[given] = day
    return overrides


def _read_stdin(paths: List[str], max_bytes: int) -> bytes | None:
    """Standard input for '-': one byte past --max-bytes is enough to refuse it, so no more is read."""
    return sys.stdin.buffer.read(max_bytes + 1) if "-" in paths else None


def _check_output(output: Optional[str], paths: List[str]) -> None:
    """Refuse an --output that is one of the inputs: factcheck never writes to what it reads."""
    import os

    from .documents import TEXT_SUFFIXES

    if output is None or not os.path.isfile(output):
        return
    real = os.path.realpath(output)
    for path in paths:
        if path == "-" or not os.path.exists(path):
            continue
        if os.path.isdir(path):  # a text file inside an input folder is read as an input
            inside = real.startswith(os.path.realpath(path).rstrip(os.sep) + os.sep)
            if not (inside and real.lower().endswith(TEXT_SUFFIXES)):
                continue
        elif not os.path.samefile(output, path):
            continue
        raise Failure(f"{output}: --output is one of the inputs: refused")


def _stdout(fmt: str):
    """Standard output that an encoding cannot break.

    JSON is UTF-8 whatever the locale (RFC 8259), so the same run gives the
    same bytes everywhere; a table on a terminal whose encoding lacks a
    character shows a replacement instead of failing.
    """
    stream = sys.stdout
    if hasattr(stream, "reconfigure"):
        if fmt == "json":
            stream.reconfigure(encoding="utf-8")
        elif (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="replace")
    return stream


def _run_scan(paths, ruleset, parallel, group=True, **options):
    """The library scan with --jobs/--executor/--scheduler and a progress bar on a terminal."""
    from .executors import ExecutorError, default_jobs
    from .progress import progress_bar
    from .scan import scan

    jobs, executor, scheduler, quiet = parallel
    try:
        with progress_bar(quiet) as progress:
            return scan(paths, ruleset, group=group, jobs=default_jobs() if jobs is None else jobs,
                        executor=executor, scheduler=scheduler, progress=progress,
                        stdin=_read_stdin(paths, options.get("max_bytes", _MAX_BYTES)), **options)
    except ExecutorError as exc:
        raise Failure(str(exc)) from None


def _report_problems(problems) -> None:
    for problem in problems:
        prefix = "error" if problem.fatal else "warning"
        typer.echo(f"factcheck: {prefix}: {problem}", err=True)


def _console(output):
    import os

    from rich.console import Console

    width = None
    if not (output or sys.stdout).isatty():
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() and int(columns) > 0 else 120
    return Console(file=output or sys.stdout, width=width, markup=False, emoji=False, highlight=False,
                   soft_wrap=False)


def _open_output(path: Optional[str]):
    if path is None:
        return None
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise Failure(f"{path}: cannot write: {exc.strerror or exc}") from None


def _check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise Failure(f"unknown --format {fmt!r} (choose from: {', '.join(allowed)})")
    return fmt


@app.command()
def extract(
    paths: List[str] = PathsArg,
    rules: Optional[List[str]] = RulesOpt,
    format: str = FormatOpt,
    output: Optional[str] = OutputOpt,
    follow_links: bool = FollowOpt,
    max_bytes: int = MaxBytesOpt,
    pub_date: Optional[List[str]] = PubDateOpt,
    show_text: bool = typer.Option(False, "--show-text", help="Print the text that is scanned in each source "
                                   "(for a web page: the extracted article) instead of its claims."),
    jobs: Optional[int] = JobsOpt,
    executor: str = ExecutorOpt,
    scheduler: Optional[str] = SchedulerOpt,
    quiet: bool = QuietOpt,
    spill: Optional[bool] = SpillOpt,
    debug: bool = DebugOpt,
) -> None:
    """List the figure claims found in each source."""
    if show_text:
        _run(debug, lambda: _show_text(paths, output, follow_links, max_bytes))
    parallel = (jobs, executor, scheduler, quiet)
    _run(debug, lambda: _extract(paths, rules, format, output, follow_links, max_bytes, pub_date, debug, parallel,
                                 spill))


def _show_text(paths, output, follow_links, max_bytes) -> int:
    from .scan import read_sources, scanned_text

    documents, problems = read_sources(paths, follow_links=follow_links, max_bytes=max_bytes,
                                       stdin=_read_stdin(paths, max_bytes))
    _report_problems(problems)
    out = _open_output(output)
    stream = out or sys.stdout
    try:
        for i, document in enumerate(documents):
            if len(documents) > 1:
                stream.write(("\n" if i else "") + f"==> {document.path} <==\n")
            stream.write(scanned_text(document))
    finally:
        if out:
            out.close()
    return EXIT_ERROR if any(p.fatal for p in problems) else EXIT_OK


def _extract(paths, rule_dirs, fmt, output, follow_links, max_bytes, pub_date=None, debug=False,
             parallel=(None, "local", None, False), spill=None) -> int:
    from .scan import scan

    _check_format(fmt, ("table", "json"))
    _check_output(output, paths)
    pub_dates = _pub_dates(pub_date)
    ruleset = _load_rules(rule_dirs)
    result = _run_scan(paths, ruleset, parallel, group=False, follow_links=follow_links, max_bytes=max_bytes,
                       pub_dates=pub_dates, strict=debug, spill=spill)
    _report_problems(result.problems)
    out = _open_output(output)
    try:
        if fmt == "json":
            from .report import json as json_report

            json_report.write(json_report.document(result.sources, result.claims, problems=result.problems,
                                                   streamed=True),
                              out or _stdout(fmt))
        else:
            from .report import table

            table.render_claims(_console(out or _stdout(fmt)), result.sources, result.claims)
    finally:
        if out:
            out.close()
    return EXIT_ERROR if result.failed_inputs else EXIT_OK


@app.command()
def scan(
    paths: List[str] = PathsArg,
    rules: Optional[List[str]] = RulesOpt,
    format: str = ScanFormatOpt,
    output: Optional[str] = OutputOpt,
    only: Optional[str] = typer.Option(None, "--only", help="Show only these verdicts, e.g. disputed,compatible."),
    claim_type: Optional[str] = typer.Option(None, "--type", help="Show only these claim types, e.g. money,power."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 when a group has this verdict or a worse one (disputed, compatible)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report but exit 0 (input errors still exit 2)."),
    follow_links: bool = FollowOpt,
    max_bytes: int = MaxBytesOpt,
    pub_date: Optional[List[str]] = PubDateOpt,
    jobs: Optional[int] = JobsOpt,
    executor: str = ExecutorOpt,
    scheduler: Optional[str] = SchedulerOpt,
    quiet: bool = QuietOpt,
    spill: Optional[bool] = SpillOpt,
    debug: bool = DebugOpt,
) -> None:
    """Group the claims of all sources and show which figures they agree on or dispute."""
    parallel = (jobs, executor, scheduler, quiet)
    _run(debug, lambda: _scan(paths, rules, format, output, only, claim_type, fail_on, follow_links, max_bytes,
                              exit_zero, pub_date, debug, parallel, spill))


def _split(option: Optional[str]) -> set[str]:
    return {part.strip() for part in (option or "").split(",") if part.strip()}


def _scan(paths, rule_dirs, fmt, output, only, claim_type, fail_on, follow_links, max_bytes, exit_zero=False,
          pub_date=None, debug=False, parallel=(None, "local", None, False), spill=None) -> int:
    from dataclasses import replace

    from .claims import VERDICTS
    from .spill import select

    _check_format(fmt, ("table", "json", "html"))
    verdicts, types = _split(only), _split(claim_type)
    for v in verdicts | _split(fail_on):
        if v not in VERDICTS:
            raise Failure(f"unknown verdict {v!r} (choose from: {', '.join(VERDICTS)})")
    pub_dates = _pub_dates(pub_date)
    ruleset = _load_rules(rule_dirs)
    known = set(ruleset.types)
    for t in types - known:
        raise Failure(f"unknown claim type {t!r} (rules loaded: {', '.join(sorted(known))})")
    _check_output(output, paths)
    result = _run_scan(paths, ruleset, parallel, follow_links=follow_links, max_bytes=max_bytes,
                       pub_dates=pub_dates, strict=debug, spill=spill)
    _report_problems(result.problems)
    groups = select(result.groups, lambda g: (not verdicts or g.verdict in verdicts) and (not types or g.type in types))
    claims = select(result.claims, lambda c: not types or c.type in types)
    shown = replace(result, claims=claims, groups=groups)
    out = _open_output(output)
    try:
        if fmt == "json":
            from .report import json as json_report

            json_report.write(json_report.document(result.sources, claims, groups, result.problems, result.lints,
                                                   streamed=True),
                              out or _stdout(fmt))
        elif fmt == "html":
            from .report import html

            html.write_scan(shown, out or _stdout(fmt))
        else:
            from .report import table

            table.write_scan(shown, _console(out or _stdout(fmt)))
    finally:
        if out:
            out.close()
    if result.failed_inputs:
        return EXIT_ERROR
    # "at or above": VERDICTS runs from the worst (disputed) down, so --fail-on compatible also fails on disputed
    threshold = max((VERDICTS.index(v) for v in _split(fail_on)), default=-1)
    failing = set(VERDICTS[:threshold + 1])
    counts = result.verdict_counts()
    if failing and not exit_zero and any(counts[(t, v)] for t, v in counts if v in failing and (not types or t in types)):
        return EXIT_FINDINGS
    return EXIT_OK


# --------------------------------------------------------------------------- factcheck rules …

rules_app = typer.Typer(
    no_args_is_help=True,
    help="Write and check extraction rules: list, validate, test their examples, explain a match.",
)
app.add_typer(rules_app, name="rules")

FolderArg = typer.Argument(None, help="A folder of rule files (default: the packaged rules).")


@rules_app.command("list")
def rules_list(rules: Optional[List[str]] = RulesOpt, debug: bool = DebugOpt) -> None:
    """The rule files in effect: claim types, where they come from, pattern and example counts."""
    _run(debug, lambda: _rules_list(rules))


def _rules_list(rule_dirs) -> int:
    from .report.rules import render_rule_list
    from .ruletest import summarise_rules

    ruleset = _load_rules(rule_dirs)
    render_rule_list(_console(None), summarise_rules(ruleset), ruleset.folders)
    return EXIT_OK


@rules_app.command("validate")
def rules_validate(folder: Optional[str] = FolderArg, debug: bool = DebugOpt) -> None:
    """Check rule files against the rule schema and compile their patterns (exit 2 on any problem)."""
    _run(debug, lambda: _rules_validate(folder))


def _rules_validate(folder) -> int:
    from pathlib import Path

    from .report.rules import render_issues
    from .rules import SPECIAL_FILES, packaged_rules_dir
    from .schema import check_folders

    packaged = packaged_rules_dir()
    target = Path(folder) if folder else packaged
    if not target.is_dir():
        raise Failure(f"{target}: rules folder not found")
    same = target.resolve() == packaged.resolve()
    issues = check_folders([target], () if same else [packaged])
    checked = sum(1 for p in target.glob("*.y*ml") if p.stem not in SPECIAL_FILES - {"pieces"})
    render_issues(sys.stdout, issues, checked)
    return EXIT_ERROR if issues else EXIT_OK


@rules_app.command("test")
def rules_test(
    folder: Optional[str] = FolderArg,
    rules: Optional[List[str]] = RulesOpt,
    claim_type: Optional[str] = typer.Option(None, "--type", help="Only these claim types, e.g. money,power."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show passing examples too."),
    debug: bool = DebugOpt,
) -> None:
    """Run each rule's examples and show every difference (exit 1 when one fails)."""
    _run(debug, lambda: _rules_test(folder, rules, claim_type, verbose))


def _rules_test(folder, rule_dirs, claim_type, verbose) -> int:
    from .report.rules import render_example_results
    from .ruletest import rules_from, run_examples

    dirs = list(rule_dirs or []) + ([folder] if folder else [])
    ruleset = _load_rules(dirs)
    types = set(rules_from(ruleset, folder)) if folder else None
    wanted = _split(claim_type)
    if wanted:
        known = {r.type for r in ruleset.rules}
        for t in wanted - known:
            raise Failure(f"unknown claim type {t!r} (rules loaded: {', '.join(sorted(known))})")
        types = wanted if types is None else types & wanted
    if types is not None and not types:
        raise Failure(f"{folder}: no rule files in this folder")
    results = run_examples(ruleset, types)
    render_example_results(sys.stdout, results, verbose)
    return EXIT_FINDINGS if any(r.failed for r in results) else EXIT_OK


@rules_app.command("explain")
def rules_explain(
    text: str = typer.Argument(..., help="A sentence or paragraph to explain; '-' reads stdin."),
    rules: Optional[List[str]] = RulesOpt,
    debug: bool = DebugOpt,
) -> None:
    """Which rule and pattern matched each figure, the groups, value, interval, subject and why."""
    _run(debug, lambda: _rules_explain(text, rules))


def _rules_explain(text, rule_dirs) -> int:
    from .explain import explain
    from .report.rules import render_explanation

    if text == "-":
        text = sys.stdin.read()
    ruleset = _load_rules(rule_dirs)
    render_explanation(sys.stdout, explain(text, ruleset))
    return EXIT_OK


@rules_app.command("align")
def rules_align(
    text_a: str = typer.Argument(..., help="A sentence or paragraph of one source."),
    text_b: str = typer.Argument(..., help="A sentence or paragraph of another source."),
    rules: Optional[List[str]] = RulesOpt,
    debug: bool = DebugOpt,
) -> None:
    """Why each figure of TEXT_A was or was not aligned with each figure of TEXT_B: the evidence and its score."""
    _run(debug, lambda: _rules_align(text_a, text_b, rules))


def _rules_align(text_a, text_b, rule_dirs) -> int:
    from .explain import explain_alignment
    from .report.rules import render_alignment

    render_alignment(sys.stdout, explain_alignment(text_a, text_b, _load_rules(rule_dirs)))
    return EXIT_OK


def _run(debug: bool, action) -> None:
    """Run a command; user errors become one line on stderr and exit code 2."""
    try:
        code = action()
    except Failure as exc:
        if debug:
            raise
        typer.echo(f"factcheck: error: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        typer.echo("factcheck: interrupted", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise typer.Exit(EXIT_OK) from None
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback without --debug
        if debug:
            raise
        typer.echo(f"factcheck: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    raise typer.Exit(code)


from . import cli_ci  # noqa: E402,F401 - registers check, diff and ledger


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:  # answer without loading the command machinery
        print(f"factcheck {__version__}")
        return
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
