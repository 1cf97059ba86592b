"""Rule files are validated: every problem names file:line:column, the rule and what was expected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.rules import RuleError, load_rules, packaged_rules_dir
from factcheck.schema import check_folders

LOCATION = re.compile(r"^(?P<file>[^:]+\.yaml):(?P<line>\d+):(?P<column>\d+): ")

GOOD = """\
type: headcount
units:
  - name: people
    match: ['people', 'employees']
patterns:
  - '{amount}\\s+{unit}\\b'
examples:
  - text: "Intel employs 4,500 people."
    expect: [{subject: Intel, value: 4500, unit: people}]
"""

# A misspelled key (line 2), a regex that does not compile (line 4), a wrong type (line 5)
# and a missing required field (examples).
FOUR_ERRORS = """\
type: headcount
patern: '{amount} people'
patterns:
  - '{amount}\\s+(people'
priority: high
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_rules_are_valid() -> None:
    assert check_folders([packaged_rules_dir()]) == []


def test_valid_user_rule_has_no_issues(tmp_path: Path) -> None:
    write(tmp_path, "headcount.yaml", GOOD)
    assert check_folders([tmp_path], [packaged_rules_dir()]) == []


def test_four_errors_each_with_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "headcount.yaml", FOUR_ERRORS)
    issues = check_folders([tmp_path], [packaged_rules_dir()])
    assert len(issues) == 4, "\n".join(map(str, issues))
    by_line = {i.line: i for i in issues}
    assert str(by_line[2]).startswith(f"{path}:2:1: headcount: patern: unknown key 'patern'")
    assert "did you mean 'patterns'" in by_line[2].message
    # the column points at the end of the pattern, where the ')' is missing
    assert by_line[4].column == 5 + 1 + len("{amount}\\s+(people")
    assert "invalid regex" in by_line[4].message and by_line[4].where == "patterns[0]"
    assert by_line[5].where == "priority" and "expected a whole number" in by_line[5].message
    assert by_line[5].column == len("priority: ") + 1
    assert by_line[1].where == "" and "missing required key 'examples'" in by_line[1].message


def test_cli_validate_reports_four_errors_exit_2_no_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "headcount.yaml", FOUR_ERRORS)
    result = CliRunner().invoke(app, ["rules", "validate", str(tmp_path)])
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if LOCATION.match(line)]
    assert len(lines) == 4
    assert all(line.startswith(f"{path}:") for line in lines)
    assert "Traceback" not in result.stdout + result.stderr
    assert "4 problems in 1 file" in result.stdout


def test_cli_validate_packaged_rules_exit_0() -> None:
    result = CliRunner().invoke(app, ["rules", "validate"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("ok:")


def test_scan_with_invalid_rules_folder_lists_problems_and_exits_2(tmp_path: Path) -> None:
    rules = write(tmp_path / "rules", "headcount.yaml", FOUR_ERRORS).parent
    article = write(tmp_path, "a.txt", "Intel employs 4,500 people.")
    result = CliRunner().invoke(app, ["scan", "--rules", str(rules), str(article)])
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: error: 4 problems in rule files:")
    assert len([line for line in result.stderr.splitlines() if LOCATION.match(line)]) == 4
    assert "Traceback" not in result.stderr


def test_load_rules_raises_rule_error_with_issues(tmp_path: Path) -> None:
    write(tmp_path, "headcount.yaml", FOUR_ERRORS)
    with pytest.raises(RuleError) as caught:
        load_rules([tmp_path])
    assert len(caught.value.issues) == 4


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("'(?P<amout>\\d+) people'", "unknown group 'amout' (groups used by the engine: qualifier, number"),
        ("'{amont} people'", "unknown piece {amont}"),
        ("'{amount} {unit}'", "unknown piece {unit}"),  # no units defined
    ],
)
def test_pattern_problems_are_named(tmp_path: Path, pattern: str, message: str) -> None:
    write(tmp_path, "headcount.yaml", GOOD.replace("units:\n  - name: people\n    match: ['people', 'employees']\n", "")
          .replace("'{amount}\\s+{unit}\\b'", pattern))
    issues = check_folders([tmp_path], [packaged_rules_dir()])
    assert any(message in i.message for i in issues), "\n".join(map(str, issues))
    assert all(i.where.startswith("patterns[0]") for i in issues if message in i.message)


def test_unknown_group_column_points_at_the_group(tmp_path: Path) -> None:
    write(tmp_path, "headcount.yaml", GOOD.replace("'{amount}\\s+{unit}\\b'", "'{amount} (?P<amout>x) {unit}'"))
    (issue,) = check_folders([tmp_path], [packaged_rules_dir()])
    assert (issue.line, issue.column) == (6, 5 + 1 + len("{amount} (?P"))


def test_unknown_keys_in_nested_mappings_and_examples(tmp_path: Path) -> None:
    text = GOOD.replace("    match: ['people', 'employees']", "    match: ['people']\n    multipler: 2") \
               .replace("expect: [{subject: Intel, value: 4500, unit: people}]",
                        "expect: [{subjet: Intel, value: 4500}]")
    write(tmp_path, "headcount.yaml", text)
    messages = [str(i) for i in check_folders([tmp_path], [packaged_rules_dir()])]
    assert any("units[0].multipler: unknown key 'multipler'" in m and "did you mean 'multiplier'" in m
               for m in messages), messages
    assert any("examples[0].expect[0].subjet: unknown key 'subjet'" in m for m in messages), messages


def test_empty_examples_and_duplicate_keys(tmp_path: Path) -> None:
    text = GOOD.split("examples:")[0] + "priority: 1\npriority: 2\nexamples: []\n"
    write(tmp_path, "headcount.yaml", text)
    messages = [i.message for i in check_folders([tmp_path], [packaged_rules_dir()])]
    assert "needs at least 1 example" in messages
    assert any(m.startswith("duplicate key 'priority'") for m in messages)


def test_extends_must_name_a_loaded_rule(tmp_path: Path) -> None:
    write(tmp_path, "fines.yaml", "extends: monee\npatterns: ['{money}']\n"
                                  "examples: [{text: 'Meta was fined $1 billion.', expect: []}]\n")
    (issue,) = check_folders([tmp_path], [packaged_rules_dir()])
    assert issue.where == "extends" and "no rule of type 'monee'" in issue.message


def test_extension_may_not_set_rule_wide_keys(tmp_path: Path) -> None:
    write(tmp_path, "fines.yaml", "extends: money\npriority: 5\n"
                                  "examples: [{text: 'Meta was fined $1 billion.', expect: []}]\n")
    (issue,) = check_folders([tmp_path], [packaged_rules_dir()])
    assert issue.line == 2 and "'priority' is not allowed in a rule that extends another" in issue.message


def test_invalid_yaml_is_one_located_issue(tmp_path: Path) -> None:
    write(tmp_path, "headcount.yaml", "type: headcount\npatterns: ['a'\n")
    (issue,) = check_folders([tmp_path])
    assert issue.message.startswith("invalid YAML") and issue.line >= 2
