"""The CI commands: ``factcheck check``, ``factcheck diff`` and ``factcheck ledger``.

Registered on the main typer app (``cli.py``); like the other commands they
only parse arguments, merge them with the project configuration
(``config.py``; the command line wins) and call the library.
"""

from __future__ import annotations

import sys
from typing import List, Optional

import typer
from typer.core import TyperCommand

from .cli import (EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, DebugOpt, Failure, FollowOpt, MaxBytesOpt, OutputOpt, RulesOpt,
                  _check_format, _console, _load_rules, _open_output, _read_stdin, _report_problems, _run, app)

from .report import CHECK_FORMATS  # noqa: E402
DIFF_FORMATS = ("table", "json", "github", "markdown")
FAIL_ON = ("unsupported", "disputed-sources", "contradicted")


def _config():
    from .config import ConfigError, load_config

    try:
        return load_config(".")
    except ConfigError as exc:
        raise Failure(str(exc)) from None


def _load_ledger(path: Optional[str], ruleset):
    if not path:
        return []
    from .ledger import LedgerError, load_ledger

    try:
        return load_ledger(path, ruleset)
    except LedgerError as exc:
        raise Failure(str(exc)) from None


class _SourcesAfterAgainst(TyperCommand):
    """``check DRAFT... --against SOURCE...``: every word after --against, up to the next option, is a source.

    Without this, ``--against seeds/ wires/`` would silently check the wires
    as drafts; ``--against`` may still be repeated.
    """

    def parse_args(self, ctx, args):
        expanded: list[str] = []
        taking, pending = False, ""
        for arg in args:
            if arg in ("--against", "-a"):
                taking = True
                pending = arg
                continue
            if taking and (arg == "--" or (arg.startswith("-") and arg != "-")):
                taking = False
                if pending:
                    expanded.append(pending)  # --against with no value: let the parser say so
            if taking:
                expanded += ["--against", arg]
                pending = ""
                continue
            expanded.append(arg)
        if taking and pending:
            expanded.append(pending)
        return super().parse_args(ctx, expanded)


@app.command(cls=_SourcesAfterAgainst)
def check(
    drafts: List[str] = typer.Argument(..., help="Draft files or folders to check; '-' reads stdin."),
    against: Optional[List[str]] = typer.Option(
        None, "--against", "-a", help="Source files or folders to check against: every path after it, up to the next "
                                      "option (config: sources)."),
    rules: Optional[List[str]] = RulesOpt,
    ledger: Optional[str] = typer.Option(None, "--ledger", help="A ledger of verified figures (YAML); it outranks sources."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="table, json, sarif, github, markdown or html."),
    output: Optional[str] = OutputOpt,
    fail_on: Optional[str] = typer.Option(
        None, "--fail-on", help="Exit 1 on a finding at or above: unsupported, disputed-sources, contradicted (default)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report findings but exit 0 (input errors still exit 2)."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Fail only on findings not recorded in this file."),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", help="Record the current findings in this file."),
    strict: bool = typer.Option(False, "--strict", help="Also list every draft figure whose sentence and paragraph "
                                                          "name no source (an editorial lint; it does not fail the run)."),
    follow_links: bool = FollowOpt,
    max_bytes: int = MaxBytesOpt,
    debug: bool = DebugOpt,
) -> None:
    """Check the figures of drafts against sources: supported, contradicted, disputed-sources or unsupported.

    Exit codes: 0 nothing at or above --fail-on, 1 some finding is, 2 a usage or input error.
    """
    _run(debug, lambda: _check(drafts, against, rules, ledger, format, output, fail_on, exit_zero, baseline,
                               write_baseline, follow_links, max_bytes, strict))


def _check(drafts, against, rule_dirs, ledger_path, fmt, output, fail_on, exit_zero, baseline_path,
           write_baseline, follow_links, max_bytes, strict=False) -> int:
    from . import baseline as baseline_mod
    from .check import check as run_check

    config = _config()
    fmt = _check_format(fmt or config.format or "table", CHECK_FORMATS)
    fail_on = fail_on or config.fail_on or "contradicted"
    if fail_on not in FAIL_ON:
        raise Failure(f"unknown --fail-on {fail_on!r} (choose from: {', '.join(FAIL_ON)})")
    against = list(against or config.sources)
    if not against:
        raise Failure("no sources: give --against FILE_OR_FOLDER (or 'sources' in .factcheck.yaml)")
    ruleset = _load_rules(list(rule_dirs or config.rules))
    ledger_claims = _load_ledger(ledger_path or config.ledger, ruleset)
    recorded = None
    baseline_path = baseline_path or (config.baseline if not write_baseline else None)
    if baseline_path:
        try:
            recorded = baseline_mod.load(baseline_path)
        except baseline_mod.BaselineError as exc:
            raise Failure(str(exc)) from None
    result = run_check(drafts, against, ruleset, ledger_claims, recorded, strict=strict, follow_links=follow_links,
                       max_bytes=max_bytes, stdin=_read_stdin(drafts, max_bytes))
    _report_problems(result.problems)
    if write_baseline:
        try:
            baseline_mod.write(baseline_mod.from_findings(result.findings), write_baseline)
        except baseline_mod.BaselineError as exc:
            raise Failure(str(exc)) from None
        baseline_mod.from_findings(result.findings).mark(result.findings)
    out = _open_output(output)
    try:
        stream = out or sys.stdout
        if fmt == "json":
            from .report import json as json_report

            json_report.write(json_report.check_document(result, fail_on), stream)
        elif fmt == "sarif":
            from .report import sarif

            sarif.write(sarif.check_log(result, with_baseline=recorded is not None), stream)
        elif fmt == "github":
            from .report import github

            github.write_check(result, stream, fail_on)
        elif fmt == "markdown":
            from .report import markdown

            markdown.write_check(result, stream, fail_on)
        elif fmt == "html":
            from .report import html

            html.write_check(result, stream)
        else:
            from .report import table

            console = _console(out)
            table.render_findings(console, result, fail_on)
            table.render_lints(console, result.lints)
    finally:
        if out:
            out.close()
    if result.failed_inputs:
        return EXIT_ERROR
    if result.failing(fail_on) and not exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


@app.command()
def diff(
    a: str = typer.Argument(..., help="The first version: a file, or a folder (files are paired by name)."),
    b: str = typer.Argument(..., help="The second version: a file, or a folder."),
    rules: Optional[List[str]] = RulesOpt,
    format: str = typer.Option("table", "--format", "-f", help="table, json, github or markdown."),
    output: Optional[str] = OutputOpt,
    show_all: bool = typer.Option(False, "--all", help="List the unchanged figures too."),
    follow_links: bool = FollowOpt,
    max_bytes: int = MaxBytesOpt,
    debug: bool = DebugOpt,
) -> None:
    """Show figures that changed between two versions (or two outlets), like diff.

    Exit codes: 0 no figure differs, 1 some figure differs, 2 trouble.
    """
    _run(debug, lambda: _diff(a, b, rules, format, output, show_all, follow_links, max_bytes))


def _diff(a, b, rule_dirs, fmt, output, show_all, follow_links, max_bytes) -> int:
    from .diff import diff_paths

    _check_format(fmt, DIFF_FORMATS)
    ruleset = _load_rules(list(rule_dirs or _config().rules))
    result = diff_paths(a, b, ruleset, follow_links=follow_links, max_bytes=max_bytes)
    _report_problems(result.problems)
    out = _open_output(output)
    try:
        stream = out or sys.stdout
        if fmt == "json":
            from .report import json as json_report

            json_report.write(json_report.diff_document(result, show_all), stream)
        elif fmt == "github":
            from .report import github

            github.write_diff(result, stream)
        elif fmt == "markdown":
            from .report import markdown

            markdown.write_diff(result, stream, show_all)
        else:
            from .report import table

            table.render_diff(_console(out), result, show_all)
    finally:
        if out:
            out.close()
    if result.failed_inputs or not result.files:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.differs else EXIT_OK


ledger_app = typer.Typer(help="Write and validate a ledger of verified figures.", no_args_is_help=True)
app.add_typer(ledger_app, name="ledger")


@ledger_app.command("add")
def ledger_add(
    ledger: str = typer.Argument(..., help="The ledger file (created if missing)."),
    sentence: Optional[str] = typer.Option(
        None, "--from", help="A sentence stating the verified figure(s), e.g. \"Hyundai will invest $3 billion.\""),
    subject: Optional[str] = typer.Option(None, "--subject"),
    claim_type: Optional[str] = typer.Option(None, "--type", help="Claim type (a rule), e.g. money."),
    attribute: Optional[str] = typer.Option(None, "--attribute"),
    value: Optional[str] = typer.Option(None, "--value", help="The exact figure, e.g. 3e9 or \"3 billion\"."),
    low: Optional[str] = typer.Option(None, "--low", help="Lower end of an interval (omit for open)."),
    high: Optional[str] = typer.Option(None, "--high", help="Upper end of an interval (omit for open)."),
    unit: Optional[str] = typer.Option(None, "--unit"),
    checked: Optional[str] = typer.Option(None, "--checked", help="Date checked (default: today)."),
    source: Optional[str] = typer.Option(None, "--source", help="Where the figure was verified."),
    rules: Optional[List[str]] = RulesOpt,
    debug: bool = DebugOpt,
) -> None:
    """Append verified figures to a ledger, from a sentence (--from) or from explicit fields."""
    _run(debug, lambda: _ledger_add(ledger, sentence, subject, claim_type, attribute, value, low, high, unit,
                                    checked, source, rules))


def _ledger_add(path, sentence, subject, claim_type, attribute, value, low, high, unit, checked, source,
                rule_dirs) -> int:
    import datetime as _dt

    from .ledger import LedgerError, append_entries, entry_from_claim

    ruleset = _load_rules(list(rule_dirs or _config().rules))
    checked = checked or _dt.date.today().isoformat()
    if sentence:
        from .compare import UNATTRIBUTED
        from .documents import document_from_text
        from .extract import extract_claims

        claims = extract_claims(document_from_text("--from", sentence), ruleset)
        claims = [c for c in claims if (not claim_type or c.type == claim_type) and (not subject or c.subject == subject)]
        if not claims:
            raise Failure("no figure found in the --from sentence (try naming the subject and the unit)")
        if any(c.subject == UNATTRIBUTED for c in claims):
            raise Failure("the --from sentence names no known subject for its figure; add --subject or rephrase")
        entries = [entry_from_claim(c, checked, source) for c in claims]
    else:
        if not (subject and claim_type):
            raise Failure("give --from SENTENCE, or --subject and --type with --value or --low/--high")
        entry = {"subject": subject, "type": claim_type}
        if attribute:
            entry["attribute"] = attribute
        if value is not None:
            entry["value"] = value
        elif low is not None or high is not None:
            entry["interval"] = [low, high]
        if unit:
            entry["unit"] = unit
        entry["checked"] = checked
        if source:
            entry["source"] = source
        entries = [entry]
    try:
        added = append_entries(path, entries, ruleset)
    except LedgerError as exc:
        raise Failure(str(exc)) from None
    except OSError as exc:
        raise Failure(f"{path}: cannot write: {exc.strerror or exc}") from None
    typer.echo(f"added to {path}:\n{added}", nl=False)
    return EXIT_OK


@ledger_app.command("check")
def ledger_check(
    ledger: str = typer.Argument(..., help="The ledger file to validate."),
    rules: Optional[List[str]] = RulesOpt,
    debug: bool = DebugOpt,
) -> None:
    """Validate a ledger against the rules and the entity catalogue."""
    def run() -> int:
        ruleset = _load_rules(list(rules or _config().rules))
        claims = _load_ledger(ledger, ruleset)
        typer.echo(f"{ledger}: {len(claims)} entr{'y' if len(claims) == 1 else 'ies'}, valid")
        return EXIT_OK

    _run(debug, run)
