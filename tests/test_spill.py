"""A scan kept on disk (spill.py) gives exactly the report of a scan held in memory."""

from __future__ import annotations

import gc
import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import spill
from factcheck.cli import app
from factcheck.compare import group_claims, reduce_key
from factcheck.report import json as json_report
from factcheck.scan import scan

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Generated deal articles (many sources per subject: agreements, disputes, quotes) plus the seeds."""
    folder = tmp_path_factory.mktemp("spill-corpus")
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "90", str(folder), "--seed", "11"],
                   check=True, stdout=subprocess.DEVNULL)
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    for deal in ("gpu_lease", "compute_capacity"):  # one deal written from both sides: aligned by evidence
        for article in (ROOT / "tests" / "fixtures" / "deals" / deal).iterdir():
            if article.suffix in (".txt", ".md"):
                (folder / f"{deal}_{article.name}").write_bytes(article.read_bytes())
    return folder


def _report(result) -> str:
    out = io.StringIO()
    json_report.write(json_report.document(result.sources, result.claims, result.groups, result.problems,
                                           result.lints, streamed=True), out)
    return out.getvalue()


@pytest.mark.parametrize("jobs", [1, 2])
def test_report_on_disk_is_byte_identical_to_the_report_in_memory(corpus, rules, jobs):
    in_memory = scan([str(corpus)], rules, jobs=jobs, spill=False)
    on_disk = scan([str(corpus)], rules, jobs=jobs, spill=True)
    assert isinstance(on_disk.claims, spill.SpilledClaims) and isinstance(on_disk.groups, spill.SpilledGroups)
    assert len(on_disk.claims) == len(in_memory.claims) > 1000
    assert len(on_disk.groups) == len(in_memory.groups)
    assert {g.verdict for g in in_memory.groups} >= {"disputed", "agreed", "single"}
    assert _report(on_disk) == _report(in_memory)
    assert on_disk.verdict_counts() == in_memory.verdict_counts()


@pytest.mark.parametrize("partitions", [1, 3, 17])
def test_grouping_partition_by_partition_equals_grouping_everything(corpus, rules, partitions):
    claims = list(scan([str(corpus)], rules, group=False, spill=False).claims)
    store = spill.Spill(partitions)
    for start in range(0, len(claims), 500):  # chunks, as executors send them
        store.add_claims(claims[start:start + 500])
    assert repr(list(store.claims())) == repr(claims)  # input order restored (repr: a year-less date is NaN)
    expected = group_claims(claims, rules)
    assert repr(list(store.group(rules))) == repr(expected)
    assert any(g.parties for g in expected if g.type != "quote")  # a deal written from both sides was aligned …
    assert any(g.parties for g in expected if g.type == "quote")  # … and a quote given to two speakers
    assert any(len({c.type for c in g.claims}) > 1 for g in expected)  # … and figures of two claim types


@pytest.mark.parametrize("jobs", [1, 2])
def test_grouping_on_disk_in_a_pool_equals_grouping_in_memory(corpus, rules, jobs):
    claims = list(scan([str(corpus)], rules, group=False, spill=False).claims)
    store = spill.Spill(7)
    for start in range(0, len(claims), 300):
        store.add_claims(claims[start:start + 300])
    assert repr(list(store.group(rules, jobs=jobs))) == repr(group_claims(claims, rules))


def test_claims_that_may_meet_share_a_partition(corpus, rules):
    """Two spellings of one person's name, and every figure of one unit (all it may be aligned with), land in
    one partition."""
    claims = scan([str(corpus)], rules, group=False, spill=False).claims
    by_key: dict[tuple, set[int]] = {}
    for claim in claims:
        by_key.setdefault(reduce_key(claim), set()).add(spill.partition_of(claim, 7))
    assert all(len(parts) == 1 for parts in by_key.values())
    assert len({p for parts in by_key.values() for p in parts}) == 7  # and the keys are spread


def test_the_files_are_removed_with_the_result(corpus, rules):
    result = scan([str(corpus)], rules, spill=True)
    folder = result.claims._spill.folder
    assert os.path.isdir(folder) and oct(os.stat(folder).st_mode & 0o777) == "0o700"
    del result
    gc.collect()
    assert not os.path.exists(folder)


def test_a_spill_file_cannot_make_the_reader_run_code(tmp_path):
    store = spill.Spill(1)
    store.add_claims([])
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    store.close()
    with open(store._path("claims", 0), "wb") as f:
        f.write(pickle.dumps(0) + pickle.dumps(([0], [Evil()])))
    with pytest.raises(pickle.UnpicklingError, match="claims and groups only"):
        list(store.claims())
    assert not marker.exists()


def test_cli_spill_option_gives_the_same_json_and_exit_code(corpus, tmp_path):
    runner = CliRunner()
    outputs = []
    for option in ("--no-spill", "--spill"):
        target = tmp_path / f"{option}.json"
        run = runner.invoke(app, ["scan", str(corpus), "-f", "json", "-o", str(target), "--jobs", "1",
                                  "--only", "disputed,agreed", "--type", "money,quote", "--fail-on", "disputed",
                                  option])
        assert run.exit_code == 1, run.output  # the corpus has disputed money figures
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert b'"verdict": "disputed"' in outputs[0] and b'"verdict": "compatible"' not in outputs[0]


def test_partitions_grow_with_the_archive():
    assert spill.partitions_for(10) == 8
    assert 8 < spill.partitions_for(100_000) <= 256
    assert spill.partitions_for(10_000_000) == 256


@pytest.mark.parametrize("command, fmt", [("scan", "table"), ("scan", "html"), ("extract", "json"),
                                          ("extract", "table")])
def test_every_format_reads_a_scan_kept_on_disk(command, fmt, tmp_path):
    runner = CliRunner()
    outputs = []
    for option in ("--no-spill", "--spill"):
        target = tmp_path / f"{option}.out"
        run = runner.invoke(app, [command, str(SEEDS), "-f", fmt, "-o", str(target), option],
                            env={"COLUMNS": "160"})
        assert run.exit_code == 0, run.output
        outputs.append(target.read_text())
    assert outputs[0] == outputs[1]
    assert "NVIDIA" in outputs[0]
