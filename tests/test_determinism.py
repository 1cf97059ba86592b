"""Determinism: the same inputs give byte-identical JSON whatever the order of
files on disk, the locale, the time zone or Python's hash seed."""

from __future__ import annotations

import os
import shutil

import pytest

from .cli_helpers import ROOT, SEEDS, run_cli
from factcheck import documents
from factcheck.report import json as json_report
from factcheck.scan import scan

FIXTURES = ROOT / "tests" / "fixtures" / "deals"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Seeds and deal fixtures in one folder tree, as a newsroom archive would hold them."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(FIXTURES, root / "deals")
    return root


@pytest.fixture(scope="module")
def reference(corpus):
    run = run_cli("scan", "-f", "json", corpus.name, cwd=corpus.parent)
    assert run.code == 0, run.err
    assert run.json["claims"] and run.json["groups"]
    return run.out


def _json_bytes(paths, rules) -> str:
    result = scan(paths, rules)
    return json_report.dumps(json_report.document(result.sources, result.claims, result.groups, result.problems))


def test_order_of_files_on_disk_does_not_matter(tmp_path, rules, monkeypatch):
    """The same files created in opposite orders, and listed by the OS in reverse, give the same report."""
    names = sorted(p.name for p in SEEDS.iterdir())
    forward, backward = tmp_path / "a" / "corpus", tmp_path / "b" / "corpus"
    for target, order in ((forward, names), (backward, names[::-1])):
        target.mkdir(parents=True)
        for name in order:
            shutil.copy(SEEDS / name, target / name)
    monkeypatch.chdir(tmp_path / "a")
    first = _json_bytes(["corpus"], rules)
    monkeypatch.chdir(tmp_path / "b")
    second = _json_bytes(["corpus"], rules)
    assert first == second


def test_reversed_directory_listing_gives_the_same_report(monkeypatch, corpus, rules):
    monkeypatch.chdir(corpus.parent)
    plain = _json_bytes([corpus.name], rules)
    real_walk = os.walk

    def reversed_walk(top, *args, **kwargs):
        for dirpath, dirnames, filenames in real_walk(top, *args, **kwargs):
            dirnames.reverse()
            filenames.reverse()
            yield dirpath, dirnames, filenames

    monkeypatch.setattr(documents.os, "walk", reversed_walk)
    assert _json_bytes([corpus.name], rules) == plain


@pytest.mark.parametrize("env", [
    {"LC_ALL": "C"},
    {"LC_ALL": "C.UTF-8"},
    {"LC_ALL": "POSIX", "LANG": "POSIX"},
    {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},  # an ASCII standard output
    {"LANG": "de_DE.UTF-8", "LC_NUMERIC": "de_DE.UTF-8", "LC_TIME": "tr_TR.UTF-8"},
    {"PYTHONIOENCODING": "latin-1"},
], ids=["C", "C.UTF-8", "POSIX", "ascii-stdout", "de-tr", "latin-1-io"])
def test_locale_does_not_change_the_json(corpus, reference, env):
    run = run_cli("scan", "-f", "json", corpus.name, cwd=corpus.parent, env=env)
    assert run.code == 0, run.err
    assert run.out == reference


@pytest.mark.parametrize("tz", ["UTC", "Asia/Seoul", "America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12"])
def test_time_zone_does_not_change_the_json(corpus, reference, tz):
    run = run_cli("scan", "-f", "json", corpus.name, cwd=corpus.parent, env={"TZ": tz})
    assert run.code == 0, run.err
    assert run.out == reference


@pytest.mark.parametrize("seed", ["0", "1", "4242"])
def test_hash_seed_does_not_change_the_json(corpus, reference, seed):
    run = run_cli("scan", "-f", "json", corpus.name, cwd=corpus.parent, env={"PYTHONHASHSEED": seed})
    assert run.code == 0, run.err
    assert run.out == reference


def test_table_on_an_ascii_terminal_does_not_fail(corpus):
    run = run_cli("scan", corpus.name, cwd=corpus.parent, env={"LC_ALL": "C", "PYTHONUTF8": "0",
                                                             "PYTHONCOERCECLOCALE": "0"})
    assert run.code == 0, run.err
    assert "groups" in run.out.decode("ascii", "replace")


def test_written_piece_by_piece_the_json_is_the_same(rules):
    """The CLI writes a report as it goes (an archive's report is never one string in memory): same bytes."""
    import io

    result = scan([str(SEEDS), str(ROOT / "tests" / "fixtures" / "ko")], rules)
    whole = json_report.dumps(json_report.document(result.sources, result.claims, result.groups, result.problems,
                                                   result.lints)) + "\n"
    out = io.StringIO()
    json_report.write(json_report.document(result.sources, result.claims, result.groups, result.problems,
                                           result.lints, streamed=True), out)
    assert out.getvalue() == whole
    assert '"groups": [' in whole and whole.count('"verdict"') == len(result.groups) > 20
    # and the layout is the standard library's, indent=2 (only unsafe characters escaped on top)
    import json

    data = json_report.document(result.sources, result.claims, result.groups, result.problems, result.lints)
    standard = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert whole == json_report._UNSAFE.sub(lambda m: json_report._escape(m.group()), standard)
