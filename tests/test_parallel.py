"""Parallel and distributed scans give exactly the result of a one-process scan."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import executors
from factcheck.cli import app
from factcheck.report import json as json_report
from factcheck.scan import scan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Enough generated articles for the process pool to be used (and a broken file among them)."""
    folder = tmp_path_factory.mktemp("corpus")
    count = executors.MIN_FILES_FOR_POOL + 6
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(count), str(folder), "--seed", "5"],
                   check=True, stdout=subprocess.DEVNULL)
    sorted(folder.iterdir())[2].write_bytes(b"binary\x00data")  # unreadable: a problem, in its place
    return folder


def _json(result) -> str:
    out = io.StringIO()
    json_report.write(json_report.document(result.sources, result.claims, result.groups, result.problems), out)
    return out.getvalue()


def test_jobs_2_output_is_byte_identical_to_jobs_1(corpus, tmp_path, monkeypatch):
    pools = []
    real_pool = executors._run_pool
    monkeypatch.setattr(executors, "_run_pool", lambda *a, **k: pools.append(a[2]) or real_pool(*a, **k))
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"jobs{jobs}.json"
        result = runner.invoke(app, ["scan", str(corpus), "--format", "json", "--output", str(target),
                                     "--jobs", jobs])
        assert result.exit_code == 2, result.output  # the binary file is an input error …
        outputs.append(target.read_bytes())
    assert pools == [2], "--jobs 2 did not use the process pool"
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    assert len(data["sources"]) == executors.MIN_FILES_FOR_POOL + 5  # … and every other file was scanned
    assert data["claims"] and data["groups"]
    assert [p["path"] for p in data["problems"] if p["severity"] == "error"] == [f"{corpus}/{sorted(corpus.iterdir())[2].name}"]
    order = [s["path"] for s in data["sources"]]
    assert order == sorted(order)  # input order, whichever worker finished first


def test_claims_come_in_input_order_across_chunks(corpus, rules):
    result = scan([str(corpus)], rules, jobs=2, group=False)
    sources = [c.source for c in result.claims]
    assert sources == sorted(sources, key=[s.path for s in result.sources].index)


def test_workers_get_rule_folders_not_compiled_rules(rules):
    spec = executors.rule_spec(rules)
    assert spec == tuple(rules.folders)
    assert executors.rules_from(spec) is rules


def test_bad_jobs_and_unknown_executor_are_usage_errors(corpus):
    runner = CliRunner()
    result = runner.invoke(app, ["scan", str(corpus), "--jobs", "0"])
    assert result.exit_code == 2 and "--jobs must be at least 1" in result.output
    result = runner.invoke(app, ["scan", str(corpus), "--executor", "spark"])
    assert result.exit_code == 2 and "unknown executor 'spark'" in result.output
    assert "Traceback" not in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_when_quiet():
    from factcheck.progress import progress_bar

    pipe = io.StringIO()
    with progress_bar(stream=pipe, threshold=2) as progress:
        assert progress is None
    terminal = _Terminal()
    with progress_bar(quiet=True, stream=terminal, threshold=2) as progress:
        assert progress is None
    with progress_bar(stream=terminal, threshold=2) as progress:
        progress(1, 5)
        progress(5, 5)
    assert "5/5" in terminal.getvalue()
    small = _Terminal()
    with progress_bar(stream=small, threshold=10) as progress:
        progress(5, 5)  # too few files to be worth a bar
    assert small.getvalue() == ""


def test_dask_local_cluster_gives_the_local_result(corpus, rules):
    pytest.importorskip("distributed", reason="the dask extra is not installed (pip install '.[dask]')")
    local = scan([str(corpus)], rules, jobs=1)
    distributed = scan([str(corpus)], rules, executor="dask", jobs=2)
    assert _json(distributed) == _json(local)
    # an archive scan: the Dask workers pack their claims by partition and the client keeps them on disk
    on_disk = scan([str(corpus)], rules, executor="dask", jobs=2, spill=True)
    assert type(on_disk.claims).__name__ == "SpilledClaims"
    assert _json(on_disk) == _json(local)
