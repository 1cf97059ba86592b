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


PathsArg = typer.Argument(..., help="Files or folders (searched recursively for .txt and .md); '-' reads stdin.")
RulesOpt = typer.Option(None, "--rules", help="A folder of extra rule files (repeatable); same claim type replaces.")
FormatOpt = typer.Option("table", "--format", "-f", help="Output format: table or json.")
OutputOpt = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output.")
FollowOpt = typer.Option(False, "--follow-links", help="Follow symbolic links inside folders.")
MaxBytesOpt = typer.Option(64 * 1024 * 1024, "--max-bytes", help="Refuse input files larger than this.")
DebugOpt = typer.Option(False, "--debug", help="Show tracebacks for errors.")
JobsOpt = typer.Option(None, "--jobs", "-j", help="Processes (or Dask workers) to extract with [default: the number of cores].")
ExecutorOpt = typer.Option("local", "--executor", help="Where to extract: local (this machine) or dask (a Dask cluster).")
SchedulerOpt = typer.Option(None, "--scheduler", help="Dask scheduler address for --executor dask [default: a local cluster].")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar.")


def _load_rules(rule_dirs: Optional[List[str]]):
    from .rules import RuleError, load_rules

    try:
        return load_rules(rule_dirs or ())
    except RuleError as exc:
        raise Failure(str(exc)) from None


def _read_stdin(paths: List[str]) -> bytes | None:
    return sys.stdin.buffer.read() if "-" in paths else None


def _run_scan(paths, ruleset, parallel, group=True, **options):
    """The library scan with --jobs/--executor/--scheduler and a progress bar on a terminal."""
    from .executors import ExecutorError, default_jobs
    from .progress import progress_bar
    from .scan import scan

    jobs, executor, scheduler, quiet = parallel
    try:
        with progress_bar(quiet) as progress:
            return scan(paths, ruleset, group=group, jobs=default_jobs() if jobs is None else jobs,
                        executor=executor, scheduler=scheduler, progress=progress, stdin=_read_stdin(paths),
                        **options)
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
        width = int(os.environ.get("COLUMNS", "120") or 120)
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
    jobs: Optional[int] = JobsOpt,
    executor: str = ExecutorOpt,
    scheduler: Optional[str] = SchedulerOpt,
    quiet: bool = QuietOpt,
    debug: bool = DebugOpt,
) -> None:
    """List the figure claims found in each source."""
    parallel = (jobs, executor, scheduler, quiet)
    _run(debug, lambda: _extract(paths, rules, format, output, follow_links, max_bytes, parallel))


def _extract(paths, rule_dirs, fmt, output, follow_links, max_bytes, parallel) -> int:
    _check_format(fmt, ("table", "json"))
    ruleset = _load_rules(rule_dirs)
    result = _run_scan(paths, ruleset, parallel, group=False, follow_links=follow_links, max_bytes=max_bytes)
    _report_problems(result.problems)
    out = _open_output(output)
    try:
        if fmt == "json":
            from .report import json as json_report

            json_report.write(json_report.document(result.sources, result.claims, problems=result.problems),
                              out or sys.stdout)
        else:
            from .report import table

            table.render_claims(_console(out), result.sources, result.claims)
    finally:
        if out:
            out.close()
    return EXIT_ERROR if result.failed_inputs else EXIT_OK


@app.command()
def scan(
    paths: List[str] = PathsArg,
    rules: Optional[List[str]] = RulesOpt,
    format: str = FormatOpt,
    output: Optional[str] = OutputOpt,
    only: Optional[str] = typer.Option(None, "--only", help="Show only these verdicts, e.g. disputed,compatible."),
    claim_type: Optional[str] = typer.Option(None, "--type", help="Show only these claim types, e.g. money,power."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 when a group has this verdict (disputed or compatible)."),
    follow_links: bool = FollowOpt,
    max_bytes: int = MaxBytesOpt,
    jobs: Optional[int] = JobsOpt,
    executor: str = ExecutorOpt,
    scheduler: Optional[str] = SchedulerOpt,
    quiet: bool = QuietOpt,
    debug: bool = DebugOpt,
) -> None:
    """Group the claims of all sources and show which figures they agree on or dispute."""
    parallel = (jobs, executor, scheduler, quiet)
    _run(debug, lambda: _scan(paths, rules, format, output, only, claim_type, fail_on, follow_links, max_bytes,
                              parallel))


def _split(option: Optional[str]) -> set[str]:
    return {part.strip() for part in (option or "").split(",") if part.strip()}


def _scan(paths, rule_dirs, fmt, output, only, claim_type, fail_on, follow_links, max_bytes, parallel) -> int:
    from .claims import VERDICTS
    from .compare import UNATTRIBUTED, summary

    _check_format(fmt, ("table", "json"))
    verdicts, types = _split(only), _split(claim_type)
    for v in verdicts | _split(fail_on):
        if v not in VERDICTS:
            raise Failure(f"unknown verdict {v!r} (choose from: {', '.join(VERDICTS)})")
    ruleset = _load_rules(rule_dirs)
    known = {r.type for r in ruleset.rules}
    for t in types - known:
        raise Failure(f"unknown claim type {t!r} (rules loaded: {', '.join(sorted(known))})")
    result = _run_scan(paths, ruleset, parallel, follow_links=follow_links, max_bytes=max_bytes)
    _report_problems(result.problems)
    groups = [g for g in result.groups if (not verdicts or g.verdict in verdicts) and (not types or g.type in types)]
    claims = [c for c in result.claims if not types or c.type in types]
    out = _open_output(output)
    try:
        if fmt == "json":
            from .report import json as json_report

            json_report.write(json_report.document(result.sources, claims, groups, result.problems), out or sys.stdout)
        else:
            from .report import table

            unattributed = sum(1 for c in claims if c.subject == UNATTRIBUTED)
            table.render_groups(_console(out), result.sources, groups, summary(groups), unattributed,
                                len(result.failed_inputs))
    finally:
        if out:
            out.close()
    if result.failed_inputs:
        return EXIT_ERROR
    failing = _split(fail_on)
    if failing and any(g.verdict in failing for g in result.groups if not types or g.type in types):
        return EXIT_FINDINGS
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


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:  # answer without loading the command machinery
        print(f"factcheck {__version__}")
        return
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
