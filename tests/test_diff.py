"""`factcheck diff`: figures changed, only in A, only in B, unchanged; exit codes like diff."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.diff import diff_claims, diff_paths

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_f7b0ea8d848e503f.txt"
DELETED = ("Samsung is building a semiconductor AI factory with over 50,000 GPUs to revolutionize chip "
           "manufacturing and advance its home robotics portfolio. ")
runner = CliRunner()


@pytest.fixture
def edited(tmp_path) -> Path:
    """The seed with one figure changed ($3 → $4 billion) and one sentence deleted."""
    text = SEED.read_text(encoding="utf-8")
    assert DELETED in text and text.count("approximately $3 billion") == 1
    path = tmp_path / SEED.name
    path.write_text(text.replace("approximately $3 billion", "approximately $4 billion").replace(DELETED, ""),
                    encoding="utf-8")
    return path


def test_one_changed_figure_and_one_deleted_sentence(edited, rules):
    result = diff_paths(str(SEED), str(edited), rules)
    [pair] = result.files
    assert [(a.text, b.text) for a, b in pair.changed] == [("approximately $3 billion", "approximately $4 billion")]
    assert [(c.subject, c.text) for c in pair.only_a] == [("Samsung Electronics", "over 50,000 GPUs")]
    assert pair.only_b == []
    assert len([a for a, _ in pair.unchanged if a.unit not in ("quote", "role")]) == 6  # figures; quotes too are compared
    assert result.differs


def test_cli_exit_codes(edited, tmp_path):
    changed = runner.invoke(app, ["diff", str(SEED), str(edited)])
    assert changed.exit_code == 1
    text = " ".join(changed.stdout.split())
    assert "1 changed, 1 only in A, 0 only in B, 10 unchanged" in text  # 6 figures, 4 quotes and roles
    same = runner.invoke(app, ["diff", str(SEED), str(SEED)])
    assert same.exit_code == 0
    assert runner.invoke(app, ["diff", str(SEED), str(tmp_path / "missing.txt")]).exit_code == 2
    assert runner.invoke(app, ["diff", str(SEED), str(SEED), "--format", "sarif"]).exit_code == 2


def test_json_and_all(edited):
    data = json.loads(runner.invoke(app, ["diff", str(SEED), str(edited), "-f", "json", "--all"]).stdout)
    [pair] = data["files"]
    assert pair["changed"][0]["a"]["text"] == "approximately $3 billion"
    assert pair["changed"][0]["b"]["line"] == 5
    assert len(pair["unchanged"]) == pair["unchanged_count"] == 10  # 6 figures, 4 quotes and roles
    assert len(data["claims"]) == 12 + 11  # the contract's claims of both versions (figures, quotes, roles)
    listed = runner.invoke(app, ["diff", str(SEED), str(edited), "--all"]).stdout
    assert "unchanged" in listed and "13,000 units" in listed


def test_folders_pair_files_by_name(edited, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    shutil.copy(SEED, a / SEED.name)
    shutil.copy(edited, b / SEED.name)
    shutil.copy(ROOT / "seeds" / "003_ef4a831ec945dd86.txt", a / "extra.txt")
    shutil.copy(ROOT / "seeds" / "003_ef4a831ec945dd86.txt", b / "extra.txt")
    result = diff_paths(str(a), str(b))
    assert [(Path(f.a).name, Path(f.b).name) for f in result.files] == [(SEED.name, SEED.name),
                                                                          ("extra.txt", "extra.txt")]
    assert [f.differs for f in result.files] == [True, False]


def test_repeated_figure_and_moved_sentence_are_unchanged(extract, rules):
    a = extract("Samsung will get 50,000 GPUs. SK Group will get 60,000 GPUs. Samsung's 50,000 GPUs arrive soon.")
    b = extract("SK Group will get 60,000 GPUs. Samsung will get 50,000 GPUs.")
    pair = diff_claims(a, b, rules)
    assert pair.changed == [] and pair.only_b == []
    assert [c.text for c in pair.only_a] == ["50,000 GPUs"]  # one mention fewer
    assert len(pair.unchanged) == 2


def test_hedge_change_is_a_change(extract, rules):
    pair = diff_claims(extract("Samsung will get 50,000 GPUs."), extract("Samsung will get over 50,000 GPUs."), rules)
    assert [(a.qualifier, b.qualifier) for a, b in pair.changed] == [("exact", "over")]


# --------------------------------------------------------------------------- a file against itself

_SELF_DIFF_INPUTS = sorted([*(ROOT / "seeds").iterdir(),
                            *(p for p in (ROOT / "tests" / "fixtures").rglob("*")
                              if p.suffix in (".txt", ".md", ".html", ".htm"))])


@pytest.mark.parametrize("path", _SELF_DIFF_INPUTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_bundled_input_is_unchanged_against_itself(path):
    result = runner.invoke(app, ["diff", str(path), str(path)])
    assert result.exit_code == 0, result.stdout
    assert "0 changed, 0 only in A, 0 only in B" in " ".join(result.stdout.split())


def test_a_date_without_its_year_is_the_same_as_itself(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Veltrix Corp. announced the purchase of 8,000 servers on March 12.\n", encoding="utf-8")
    pair = diff_paths(str(path), str(path)).files[0]
    assert any(a.unit == "date" for a, _ in pair.unchanged)  # the yearless date was found, and is unchanged
    result = runner.invoke(app, ["diff", str(path), str(path)])
    assert result.exit_code == 0 and "changed ·" not in result.stdout


# --------------------------------------------------------------------------- quotes and roles have no figure

_PLAIN = "Veltrix will buy 8,000 servers from Orbana, the company said.\n"
_QUOTED = (_PLAIN + "\n“We are building the next decade of computing together,” said Dana Whitlock, "
           "chief executive of Veltrix.\n")


@pytest.mark.parametrize("fmt", ["table", "markdown", "github"])
def test_a_quote_or_role_in_a_diff_shows_its_words_and_no_figure(tmp_path, fmt):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_PLAIN, encoding="utf-8")
    b.write_text(_QUOTED, encoding="utf-8")
    result = runner.invoke(app, ["diff", str(a), str(b), "-f", fmt])
    assert result.exit_code == 1
    text = " ".join(result.stdout.split())
    assert "together," in text and "Veltrix" in text
    assert "≤ 0" not in text and "(quote)" not in text and "(role)" not in text
    assert " quote line" not in text and " role line" not in text


@pytest.mark.parametrize("fmt", ["table", "markdown", "github", "sarif", "html"])
def test_a_quote_or_role_checked_in_a_draft_shows_its_words_and_no_figure(tmp_path, fmt):
    source, draft = tmp_path / "source.txt", tmp_path / "draft.md"
    source.write_text(_PLAIN, encoding="utf-8")
    draft.write_text(_QUOTED.replace("8,000", "9,000"), encoding="utf-8")  # the quote and role: unsupported
    result = runner.invoke(app, ["check", str(draft), "--against", str(source), "-f", fmt, "--fail-on", "unsupported"])
    assert result.exit_code == 1
    text = " ".join(result.stdout.split())
    assert "Whitlock" in text and "together," in text
    assert "≤ 0" not in text and "(quote)" not in text and "(role)" not in text
    assert " in quote" not in text and " in role" not in text


def test_a_quote_or_role_in_the_html_report_of_a_scan_shows_no_figure(tmp_path):
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(_QUOTED, encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path), "-f", "html"])
    assert result.exit_code == 0
    assert "Whitlock" in result.stdout and "≤ 0" not in result.stdout
