"""Safety: no tracebacks, article text never becomes markup or terminal control,
rules are data and never code, and a run has no side effects."""

from __future__ import annotations

import ast
import io
import json
import os
import shutil
import socket
import time
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from .cli_helpers import ROOT, SEEDS, no_traceback, run_cli
from factcheck.documents import document_from_text
from factcheck.extract import extract_claims
from factcheck.report import json as json_report
from factcheck.report import table
from factcheck.rules import RuleError, load_rules, packaged_rules_dir
from factcheck.scan import scan

GOOD = "Nvidia will supply 50,000 GPUs to Samsung.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    return tmp_path


def write_rule(folder: Path, name: str, body: str) -> Path:
    """A rule file; every rule needs an example to be valid, so one that expects nothing is added."""
    folder.mkdir(parents=True, exist_ok=True)
    if "examples:" not in body:
        body += "examples: [{text: 'nothing here', expect: []}]\n"
    (folder / name).write_text(body)
    return folder


# --------------------------------------------------------------------------- no tracebacks


def _bad_inputs(tmp: Path) -> dict[str, list[str]]:
    """Every kind of mistake a user can make, as command lines."""
    (tmp / "blob.txt").write_bytes(b"\x00\x01")
    (tmp / "empty_dir").mkdir()
    os.mkfifo(tmp / "pipe.txt")
    (tmp / "big.txt").write_text(GOOD * 50)
    rules = tmp / "rules"
    write_rule(rules / "yaml", "broken.yaml", "type: x\npatterns: [unclosed\n")
    write_rule(rules / "regex", "bad.yaml", "type: x\npatterns: ['(unclosed']\n")
    write_rule(rules / "shape", "shape.yaml", "type: x\npatterns: ['\\d+']\nunits: [{match: ['GPUs']}]\n")
    write_rule(rules / "list", "list.yaml", "- just\n- a list\n")
    write_rule(rules / "piece", "piece.yaml", "type: x\npatterns: ['{nosuchpiece}']\n")
    write_rule(rules / "empty", "empty.yaml", "type: x\n")
    write_rule(rules / "entities", "entities.yaml", "entities:\n  - aliases: [NoName]\n")
    (rules / "binary").mkdir()
    (rules / "binary" / "bin.yaml").write_bytes(b"\xff\xfe\x00\x00garbage")
    good = str(tmp / "good.txt")
    cases = {
        "missing file": ["scan", str(tmp / "missing.txt")],
        "empty folder": ["scan", str(tmp / "empty_dir")],
        "binary": ["scan", str(tmp / "blob.txt")],
        "fifo": ["scan", str(tmp / "pipe.txt")],
        "device": ["extract", "/dev/null"],
        "too big": ["extract", "--max-bytes", "10", str(tmp / "big.txt")],
        "unknown format": ["scan", "-f", "xml", good],
        "unknown verdict": ["scan", "--only", "maybe", good],
        "unknown fail-on": ["scan", "--fail-on", "never", good],
        "unknown type": ["scan", "--type", "weather", good],
        "missing rules": ["scan", "--rules", str(tmp / "no_rules"), good],
        "rules is a file": ["scan", "--rules", good, good],
        "bad max-bytes": ["scan", "--max-bytes", "many", good],
        "unknown option": ["scan", "--colour", good],
        "no paths": ["scan"],
        "unknown command": ["frobnicate"],
        "output in missing folder": ["scan", "-o", str(tmp / "nowhere" / "out.json"), good],
        "output is a folder": ["scan", "-o", str(tmp), good],
        "output is the input": ["scan", "-o", good, good],
    }
    for name in ("yaml", "regex", "shape", "list", "piece", "empty", "entities", "binary"):
        cases[f"rule file: {name}"] = ["scan", "--rules", str(rules / name), good]
    return cases


def test_no_user_error_shows_a_traceback(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    cases = _bad_inputs(tmp_path)
    failures = []
    for name, args in cases.items():
        run = run_cli(*args, timeout=60)
        messages = [line for line in run.err.splitlines() if line.strip()]
        if run.code != 2 or not no_traceback(run) or not messages:
            failures.append((name, run.code, run.err[-300:]))
        elif name.startswith(("missing", "binary", "fifo", "device", "too big", "rule", "output")):
            # one line that says what is wrong and where
            assert any(line.startswith("factcheck: error:") for line in messages), (name, run.err)
    assert not failures, failures


def test_debug_shows_the_traceback(tmp_path):
    run = run_cli("scan", "--debug", "--rules", str(tmp_path / "missing"), str(SEEDS))
    assert run.code != 0 and "Traceback" in run.err
    run = run_cli("scan", "--rules", str(tmp_path / "missing"), str(SEEDS))
    assert run.code == 2 and no_traceback(run) and "rules folder not found" in run.err


def test_rule_file_errors_name_the_file(tmp_path):
    rules = write_rule(tmp_path / "r", "bad.yaml", "type: x\npatterns: ['\\d+']\nunits: [{match: ['GPUs']}]\n")
    with pytest.raises(RuleError, match=r"bad\.yaml:3:9: x: units\[0\]: missing required key 'name'"):
        load_rules([rules])


# --------------------------------------------------------------------------- safe output

HOSTILE = ("Nvidia :smile: [bold red]will[/bold red] supply \x1b[2J\x1b]0;x\x07 50,000 GPUs\u202e to "
           "Samsung\x9b31m [link=file:///x]here[/link]\u2028.\n")


def _hostile_claims(rules):
    claims = extract_claims(document_from_text("evil\x1b[31m.txt", HOSTILE), rules)
    assert claims and any("50,000" in c.text for c in claims)
    return claims


def test_table_shows_markup_and_escape_sequences_as_text(rules):
    claims = _hostile_claims(rules)
    buffer = io.StringIO()
    console = Console(file=buffer, width=300, force_terminal=True, color_system="truecolor", markup=False,
                      emoji=False, highlight=False)
    source = document_from_text("evil\x1b[31m.txt", HOSTILE).source
    table.render_claims(console, [source], claims)
    out = buffer.getvalue()
    for raw in ("\x1b[2J", "\x1b]0;", "\x07", "\x9b", "\u202e", "\u2028", "\x1b[31m.txt"):
        assert raw not in out, repr(raw)
    for shown in ("\\x1b[2J", "\\x1b]0;x\\x07", "\\u202e", "\\x9b31m", "[bold red]will[/bold red]",
                  "[link=file:///x]here[/link]", ":smile:"):
        assert shown in out, shown
    assert "\x1b]8;" not in out  # no hyperlink was made from the article's [link=…]
    assert "😄" not in out


def test_table_from_the_command_line_has_no_control_characters(tmp_path):
    (tmp_path / "evil.txt").write_text(HOSTILE)
    for command in ("extract", "scan"):
        run = run_cli(command, str(tmp_path / "evil.txt"))
        assert run.code == 0, run.err
        assert not any(ord(c) < 32 and c not in "\n" for c in run.text), repr(run.text)
        assert "[bold red]will[/bold red]" in run.text.replace("\n", "") or "[bold red]" in run.text


def test_json_escapes_control_characters_and_keeps_the_text(tmp_path, rules):
    (tmp_path / "evil.txt").write_text(HOSTILE)
    run = run_cli("extract", "-f", "json", str(tmp_path / "evil.txt"))
    assert run.code == 0
    raw = run.out.decode("utf-8")
    for char in ("\x1b", "\x07", "\x9b", "\u202e", "\u2028"):
        assert char not in raw, repr(char)
    assert "\\u001b[2J" in raw and "\\u202e" in raw
    data = json.loads(raw)
    assert [c["quote"] for c in data["claims"]] == [c.quote for c in _hostile_claims(rules)]


def test_json_report_is_strict_json():
    data = {"text": "a\x00b\x1b\u2028\ud800 \U000e0041", "n": 1}
    text = json_report.dumps(data)
    text.encode("utf-8")  # no lone surrogate left raw
    assert json.loads(text) == data
    # a number that is not finite would be invalid JSON: it is written as null, whichever encoder writes it
    for odd in ({"n": [float("nan"), float("inf")]}, {"n": [float("-inf")], "text": "\ud800"}):
        assert [v for v in json.loads(json_report.dumps(odd))["n"]] == [None] * len(odd["n"])


# --------------------------------------------------------------------------- rules are data


def test_yaml_python_tags_are_refused(tmp_path, folder):
    marker = tmp_path / "pwned"
    rules = write_rule(tmp_path / "rules", "evil.yaml",
                       f"type: evil\npatterns: !!python/object/apply:os.system ['touch {marker}']\n")
    run = run_cli("scan", "--rules", str(rules), str(folder))
    assert run.code == 2 and no_traceback(run)
    assert "evil.yaml:2" in run.err and "python/object" in run.err
    assert not marker.exists()
    write_rule(tmp_path / "rules", "evil.yaml", "type: evil\npatterns: !!python/object:factcheck.rules.Rule {}\n")
    run = run_cli("scan", "--rules", str(rules), str(folder))
    assert run.code == 2 and "python/object" in run.err


def test_rule_values_are_never_run_as_code(tmp_path):
    marker = tmp_path / "pwned"
    code = f"__import__('os').system('touch {marker}')"
    rules = write_rule(tmp_path / "rules", "evil.yaml",
                       f"type: evil\npatterns: ['(?P<number>\\d+) widgets']\ndescription: \"{code}\"\n"
                       f"unit: \"{code}\"\ntolerance: 0.1\n")
    (tmp_path / "a.txt").write_text("Acme made 12 widgets.\n")
    run = run_cli("extract", "-f", "json", "--rules", str(rules), str(tmp_path / "a.txt"))
    assert run.code == 0, run.err
    assert [c["unit"] for c in run.json["claims"] if c["type"] == "evil"] == [code]  # a string, as written
    assert not marker.exists()


def test_package_never_evaluates_or_unpickles():
    """No eval/exec, no unrestricted unpickling and no unsafe YAML loader anywhere in the package.

    (A scan kept on disk reads its own files back with an unpickler that builds claims and groups only:
    ``test_spill_reader_builds_claims_and_groups_only``.)"""
    banned_calls = {"eval", "exec", "compile", "__import__"}
    banned_attrs = {("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"), ("pickle", "loads"),
                    ("pickle", "load"), ("marshal", "loads")}
    for path in (ROOT / "factcheck").rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in banned_calls, f"{path}:{node.lineno}"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                assert (node.value.id, node.attr) not in banned_attrs, f"{path}:{node.lineno}"


@pytest.mark.parametrize("field, rule", [
    ("pattern", "type: slow\npatterns: ['(?P<number>(?:a|aa)+)+b']\n"),
    ("trigger", "type: slow\ntrigger: '(?:a|aa)+b'\npatterns: ['(?P<number>\\d+) widgets']\n"),
    ("cue", "type: slow\npatterns: ['(?P<number>\\d+) widgets']\n"
            "attributes: {cues: [{attribute: x, match: ['(?:a|aa)+b']}]}\n"),
])
def test_catastrophic_rule_patterns_time_out(tmp_path, field, rule):
    """A backtracking pattern is stopped by the timeout; the rule is skipped with a warning, the rest goes on."""
    rules = write_rule(tmp_path / "rules", "slow.yaml", rule)
    # the clause has a "b" ("by"), so the patterns' required word does not let it be skipped without running them
    text = "Acme made " + "a" * 40 + " c 12 widgets by hand while Nvidia will supply 50,000 GPUs to Samsung.\n"
    (tmp_path / "a.txt").write_text(text)
    start = time.perf_counter()
    run = run_cli("extract", "-f", "json", "--rules", str(rules), str(tmp_path / "a.txt"), timeout=120)
    assert time.perf_counter() - start < 60
    assert run.code == 0, run.err
    assert any("rule slow" in m and "timed out" in m for m in run.messages), run.err
    assert any(c["text"] == "50,000 GPUs" for c in run.json["claims"])


# --------------------------------------------------------------------------- no side effects


def _snapshot(*roots: Path) -> dict[str, tuple[int, int, bytes]]:
    state = {}
    for root in roots:
        for path in [root, *root.rglob("*")]:
            st = path.lstat()
            data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
            # a folder's own time changes when a file is added to it: its listing is what counts
            state[str(path)] = (0 if path.is_dir() else st.st_mtime_ns, st.st_mode, data)
    return state


def test_rules_and_inputs_are_never_written(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    before = _snapshot(rules, articles)
    run = run_cli("scan", "--rules", str(rules), str(articles))
    assert run.code == 0, run.err
    run = run_cli("scan", "-f", "json", "--rules", str(rules), str(articles))
    assert run.code == 0
    assert _snapshot(rules, articles) == before


@pytest.mark.parametrize("cache", ["default", "off"])
def test_files_are_written_only_where_an_option_names_them(tmp_path, cache):
    """Besides the output an option names, a run writes at most its pattern cache, and none when it is off."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir(), home.mkdir()
    shutil.copytree(SEEDS, work / "articles")
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "XDG_CONFIG_HOME": str(home / ".config"),
           "TMPDIR": str(home / "tmp"), "PYTHONDONTWRITEBYTECODE": "1"}
    if cache == "off":
        env["FACTCHECK_NO_CACHE"] = "1"
    before = _snapshot(work, home)
    for args in (["scan", "articles"], ["extract", "-f", "json", "articles"], ["scan", "-o", "report.json",
                                                                               "-f", "json", "articles"]):
        assert run_cli(*args, cwd=work, env=env).code == 0
    after = _snapshot(work, home)
    cached = {k for k in set(after) - set(before) if k.startswith(str(home / ".cache"))}
    assert set(after) - set(before) - cached == {str(work / "report.json")}
    if cache == "off":
        assert not cached
    else:  # one file in a folder of its own
        files = [Path(k) for k in cached if Path(k).is_file()]
        assert len(files) == 1 and files[0].parent == home / ".cache" / "factcheck", cached
        assert files[0].name.startswith("patterns-") and files[0].suffix == ".json"
    assert {k: v for k, v in after.items() if k in before} == before
    json.loads((work / "report.json").read_text())


def test_output_that_is_an_input_is_refused(folder):
    before = (folder / "good.txt").read_bytes()
    run = run_cli("scan", "-o", str(folder / "good.txt"), str(folder))
    assert run.code == 2 and "--output is one of the inputs" in run.err
    assert (folder / "good.txt").read_bytes() == before


def test_a_scan_opens_no_network_connection(monkeypatch, rules):
    """Every socket call fails: the whole pipeline still runs (reading, dates, extraction, grouping, reports)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in this test")

    for name in ("socket", "create_connection", "getaddrinfo", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    result = scan([str(SEEDS), str(ROOT / "tests" / "fixtures" / "deals")], rules)
    assert result.claims and result.groups and not result.failed_inputs
    json_report.dumps(json_report.document(result.sources, result.claims, result.groups, result.problems))
    table.write_scan(result, Console(file=io.StringIO(), width=200))
    assert attempts == []


@given(st.dictionaries(st.text(max_size=8), st.recursive(
    st.none() | st.booleans() | st.integers(-2**53, 2**53) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12), max_size=5))
@settings(max_examples=300, deadline=None)
def test_any_report_content_is_written_as_the_standard_encoder_writes_it(data):
    """Whatever text and numbers a report holds, the fast writer gives the standard layout, unsafe characters escaped.

    (A float in exponent form may be written 1e-7 where the standard library writes 1e-07: the same number.)"""
    ours = json_report.dumps(data)
    assert json.loads(ours) == data
    standard = json.dumps(data, ensure_ascii=False, indent=2)
    if not regex.search(r"\de[+-]", standard):
        assert ours == json_report._UNSAFE.sub(lambda m: json_report._escape(m.group()), standard)
