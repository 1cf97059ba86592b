"""Bad input, file by file: each case gets a one-line message naming the file,
the other files are still processed, and the run exits 2 when an input could
not be read (the JSON report lists it under ``problems``)."""

from __future__ import annotations

import codecs
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from .cli_helpers import no_traceback, run_cli
from factcheck import documents
from factcheck.documents import MAX_SENTENCE_CHARS, document_from_text, read_document, split_sentences
from factcheck.extract import extract_claims
from factcheck.scan import read_sources, scan

GOOD = "Nvidia will supply 50,000 GPUs to Samsung.\n"


@pytest.fixture
def folder(tmp_path):
    """A folder with one good article, to check that it is still read next to bad input."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def claims_of(run, name):
    return [c for c in run.json["claims"] if c["source"].endswith(name)]


def problem_of(run, name):
    found = [p for p in run.json.get("problems", []) if p["path"].endswith(name)]
    assert found, f"no problem reported for {name}: {run.json.get('problems')}"
    return found[0]


def assert_reported(run, name, words, code=2, severity="error"):
    """One message on stderr naming the file, the good file still read, the exit code and the JSON problem."""
    lines = [m for m in run.messages if name in m]
    assert len(lines) == 1, run.err
    assert words in lines[0], lines[0]
    assert run.code == code, run.err
    assert claims_of(run, "good.txt"), "the other file was not processed"
    assert problem_of(run, name)["severity"] == severity
    assert no_traceback(run)


# --------------------------------------------------------------------------- paths


def test_missing_path_is_reported_and_the_rest_is_read(folder):
    run = run_cli("extract", "-f", "json", str(folder / "good.txt"), str(folder / "nope.txt"))
    assert_reported(run, "nope.txt", "no such file or folder")


def test_folder_without_text_files_is_an_error(folder):
    (folder / "images").mkdir()
    (folder / "images" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    run = run_cli("extract", "-f", "json", str(folder / "good.txt"), str(folder / "images"))
    assert_reported(run, "images", "no text files")


def test_binary_file_is_skipped(folder):
    (folder / "blob.txt").write_bytes(b"Nvidia 50,000 GPUs\x00\x01\x02")
    run = run_cli("extract", "-f", "json", str(folder))
    assert_reported(run, "blob.txt", "binary file")
    assert not claims_of(run, "blob.txt")


def test_invalid_utf8_is_decoded_with_a_warning_giving_the_byte_offset(folder):
    (folder / "latin.txt").write_bytes(b"Caf\xe9 news.\nNvidia will supply 50,000 GPUs.\n")
    run = run_cli("extract", "-f", "json", str(folder))
    assert_reported(run, "latin.txt", "invalid UTF-8 at byte 3", code=0, severity="warning")
    assert problem_of(run, "latin.txt")["line"] == 1
    [claim] = claims_of(run, "latin.txt")
    assert (claim["text"], claim["line"], claim["column"]) == ("50,000 GPUs", 2, 20)


def test_invalid_utf8_offset_counts_the_bom():
    document = read_document("x.txt", data=codecs.BOM_UTF8 + b"ab\xffc")
    [warning] = document.warnings
    assert "byte 5" in warning.message  # 3 bytes of BOM, then "ab"
    assert document.text == "ab\ufffdc"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
])
def test_byte_order_marks_are_read(folder, encoding, bom):
    text = "Intro line.\nNvidia will supply 50,000 GPUs to Samsung.\n"
    (folder / "bom.txt").write_bytes(bom + text.encode(encoding))
    run = run_cli("extract", "-f", "json", str(folder))
    assert run.code == 0 and not run.messages, run.err
    [claim] = claims_of(run, "bom.txt")
    assert (claim["text"], claim["line"], claim["column"]) == ("50,000 GPUs", 2, 20)
    assert claim["subject"] == claims_of(run, "good.txt")[0]["subject"]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_keep_line_numbers(tmp_path, newline):
    lines = ["Seoul, Oct. 31", "", "A first paragraph.", "Nvidia will supply 50,000 GPUs to Samsung.", "",
             "Separately, SK hynix will spend $3 billion."]
    (tmp_path / "a.txt").write_bytes(newline.join(lines).encode())
    run = run_cli("extract", "-f", "json", str(tmp_path / "a.txt"))
    assert run.code == 0, run.err
    found = {(c["text"], c["line"], c["column"]) for c in run.json["claims"]}
    assert ("50,000 GPUs", 4, 20) in found
    assert ("$3 billion", 6, 33) in found


def test_empty_file_is_a_warning_not_an_error(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"  \r\n\n")
    run = run_cli("extract", "-f", "json", str(folder))
    assert run.code == 0
    for name in ("empty.txt", "blank.md"):
        assert problem_of(run, name)["severity"] == "warning"
        assert any(name in m and "empty file" in m for m in run.messages)
    assert claims_of(run, "good.txt")


_NAVIGATION_ONLY = ("<!doctype html><html><head><title>Velmont News</title></head><body>"
                    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/markets'>Markets</a></li>"
                    "<li><a href='/about'>About us</a></li></ul></nav>"
                    "<footer><a href='/privacy'>Privacy</a> · <a href='/terms'>Terms</a></footer></body></html>")
SEED = Path(__file__).resolve().parent.parent / "seeds" / "002_f7b0ea8d848e503f.txt"


@pytest.fixture
def textless(tmp_path):
    """Readable inputs with nothing to check: an empty .txt, a navigation-only page, a file without words."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "menu.html").write_text(_NAVIGATION_ONLY, encoding="utf-8")
    (tmp_path / "rules.md").write_text("----\n* * *\n\n1.\n", encoding="utf-8")
    return [tmp_path / "empty.txt", tmp_path / "menu.html", tmp_path / "rules.md"]


def _warned(run, paths):
    for path in paths:
        [line] = [m for m in run.messages if str(path) in m]  # one line per input
        assert line.startswith(f"factcheck: warning: {path}: no article text found"), line
    assert not [m for m in run.messages if m.startswith("factcheck: error")], run.err


def test_inputs_with_no_article_text_are_a_warning_in_a_scan(textless):
    run = run_cli("scan", *map(str, textless), str(SEED))
    assert run.code == 0, run.err
    _warned(run, textless)
    assert "3 inputs with no article text" in " ".join(run.text.split())
    data = run_cli("scan", "-f", "json", *map(str, textless), str(SEED)).json
    assert {Path(p["path"]).name: p["severity"] for p in data["problems"]} == {
        "empty.txt": "warning", "menu.html": "warning", "rules.md": "warning"}
    assert any(c["source"] == str(SEED) for c in data["claims"])


def test_inputs_with_no_article_text_are_a_warning_in_a_check(textless):
    as_drafts = run_cli("check", *map(str, textless), str(SEED), "--against", str(SEED))
    assert as_drafts.code == 0, as_drafts.err
    _warned(as_drafts, textless)
    assert "3 inputs with no article text" in " ".join(as_drafts.text.split())
    as_sources = run_cli("check", str(SEED), "--against", *map(str, textless), str(SEED))
    assert as_sources.code == 0, as_sources.err
    _warned(as_sources, textless)
    assert "supported" in as_sources.text


def test_a_scan_with_only_textless_inputs_still_fails_on_an_unreadable_one(textless, tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01")
    run = run_cli("scan", *map(str, textless), str(tmp_path / "blob.txt"))
    assert run.code == 2
    assert any(m.startswith("factcheck: error") and "blob.txt" in m for m in run.messages)


# --------------------------------------------------------------------------- size


def test_ten_megabyte_single_line_is_read_in_linear_time():
    """A scraped page on one line: sentence splitting and extraction stay fast and positions stay right."""
    filler = "The board met on a sunny afternoon and discussed plans at length with the staff. " * 125_000
    text = filler + "Nvidia will supply 50,000 GPUs to Samsung."
    assert len(text) > 10_000_000 and "\n" not in text
    start = time.perf_counter()
    spans = split_sentences(text)
    split_seconds = time.perf_counter() - start
    document = document_from_text("line.txt", text)
    claims = extract_claims(document, _rules())
    total_seconds = time.perf_counter() - start
    assert split_seconds < 20 and total_seconds < 60, (split_seconds, total_seconds)
    assert len(spans) > 100_000
    [claim] = claims
    assert (claim.line, claim.column) == (1, len(filler) + 20)


def test_long_text_without_sentence_ends_is_not_quadratic():
    """Dense figures with no full stop (a table dump) once took minutes for 100 kB: work per sentence is bounded."""
    unit = "Nvidia ships 5,000 GPUs to Samsung, "

    def seconds(repeat: int) -> float:
        document = document_from_text("dump.txt", unit * repeat)
        start = time.perf_counter()
        claims = extract_claims(document, _rules())
        assert len(claims) == repeat
        return time.perf_counter() - start

    seconds(50)  # warm up
    small, large = seconds(400), seconds(1600)
    assert large < 8 * small + 1, (small, large)  # linear: about 4x; quadratic would be 16x


def test_sentences_are_bounded_in_length():
    text = ("word " * 3000 + ", " + "more " * 3000).strip()
    spans = split_sentences(text)
    assert max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_file_over_max_bytes_is_refused_before_it_is_read(folder):
    big = folder / "huge.txt"
    with open(big, "wb") as handle:  # 200 MB, sparse: costs no disk
        handle.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    documents_, problems = read_sources([str(folder)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024, peak
    [problem] = problems
    assert problem.path.endswith("huge.txt") and "larger than --max-bytes" in problem.message
    assert [d.path for d in documents_] == [str(folder) + "/good.txt"]
    run = run_cli("extract", "-f", "json", str(folder))
    assert_reported(run, "huge.txt", "larger than --max-bytes")


def test_max_bytes_option_refuses_smaller_files(folder):
    (folder / "long.txt").write_text(GOOD * 100)
    run = run_cli("extract", "-f", "json", "--max-bytes", "1000", str(folder))
    assert_reported(run, "long.txt", "larger than --max-bytes (1,000 bytes)")


def test_max_bytes_applies_to_stdin():
    run = run_cli("extract", "-f", "json", "--max-bytes", "100", "-", input=GOOD.encode() * 10)
    assert run.code == 2 and "-: larger than --max-bytes" in run.err and no_traceback(run)


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_bad_max_bytes_value_is_a_usage_error(folder, value):
    run = run_cli("extract", "--max-bytes", value, str(folder))
    assert run.code == 2 and "--max-bytes" in run.err and no_traceback(run)


# --------------------------------------------------------------------------- links and special files


def test_symlink_loop_is_not_followed_and_never_hangs(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "self").symlink_to("..", target_is_directory=True)
    run = run_cli("extract", "-f", "json", str(folder), timeout=60)
    assert any("sub/self" in m and "not followed" in m for m in run.messages)
    assert run.code == 0 and len(run.json["sources"]) == 1
    run = run_cli("extract", "-f", "json", "--follow-links", str(folder), timeout=60)
    assert any("sub/self" in m and "loop" in m for m in run.messages), run.err
    assert run.code == 0 and len(run.json["sources"]) == 1, "each file is read once"


def test_symlink_out_of_the_folder_is_followed_only_when_asked(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Samsung will spend $3 billion.\n")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD)
    (articles / "link.txt").symlink_to(outside / "secret.txt")
    (articles / "dir").symlink_to(outside, target_is_directory=True)
    run = run_cli("extract", "-f", "json", str(articles))
    assert run.code == 0
    assert {Path(s["path"]).name for s in run.json["sources"]} == {"good.txt"}
    assert sum("not followed (use --follow-links)" in m for m in run.messages) == 2
    run = run_cli("extract", "-f", "json", "--follow-links", str(articles))
    assert {Path(s["path"]).name for s in run.json["sources"]} == {"good.txt", "link.txt", "secret.txt"}


def test_symlink_named_on_the_command_line_is_read(folder):
    (folder / "alias.txt").symlink_to(folder / "good.txt")
    run = run_cli("extract", "-f", "json", str(folder / "alias.txt"))
    assert run.code == 0 and claims_of(run, "alias.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    run = run_cli("extract", "-f", "json", str(folder / "good.txt"), str(folder / "dangling.txt"))
    assert_reported(run, "dangling.txt", "symbolic link to a missing file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file; see the simulated test below")
def test_permission_denied(folder):
    locked = folder / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    run = run_cli("extract", "-f", "json", str(folder))
    assert_reported(run, "locked.txt", "permission denied")


def test_permission_denied_simulated(folder, monkeypatch):
    (folder / "locked.txt").write_text(GOOD)
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(documents.os, "open", deny)
    result = scan([str(folder)], _rules())
    [problem] = result.problems
    assert problem.path.endswith("locked.txt") and problem.message == "permission denied" and problem.fatal
    assert [s.path for s in result.sources] == [str(folder) + "/good.txt"]


def test_fifo_is_skipped_and_never_blocks(folder):
    os.mkfifo(folder / "pipe.txt")
    run = run_cli("extract", "-f", "json", str(folder), timeout=30)
    assert_reported(run, "pipe.txt", "not a regular file")
    run = run_cli("extract", "-f", "json", str(folder / "good.txt"), str(folder / "pipe.txt"), timeout=30)
    assert_reported(run, "pipe.txt", "not a regular file")


def test_fifo_swapped_in_after_listing_does_not_block(folder):
    """The check is made on the open file, not only on the folder listing."""
    os.mkfifo(folder / "late.txt")
    start = time.perf_counter()
    item = next(documents.iter_documents([("late.txt", folder / "late.txt")]))
    assert time.perf_counter() - start < 5
    assert "not a regular file" in item.message


def test_device_file_is_skipped(folder):
    run = run_cli("extract", "-f", "json", str(folder / "good.txt"), "/dev/zero", timeout=30)
    assert_reported(run, "/dev/zero", "not a regular file")


# --------------------------------------------------------------------------- names and stdin


@pytest.mark.parametrize("name", ["with spaces.txt", "it's \"quoted\".txt", "für Ümlaut – 한국어.md", "-dash.txt"])
def test_unusual_file_names(folder, name):
    (folder / name).write_text(GOOD)
    run = run_cli("extract", "-f", "json", "--", str(folder / name), str(folder / "good.txt"))
    assert run.code == 0, run.err
    assert [s["path"] for s in run.json["sources"]][0] == str(folder / name)
    run = run_cli("extract", "-f", "json", str(folder))
    assert name in {Path(s["path"]).name for s in run.json["sources"]}


def test_file_name_that_is_not_utf8_is_shown_with_a_replacement(folder):
    os.close(os.open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), os.O_CREAT | os.O_WRONLY))
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as handle:
        handle.write(GOOD)
    run = run_cli("extract", "-f", "json", str(folder))
    assert run.code == 0, run.err
    run.out.decode("utf-8")  # valid UTF-8 throughout
    assert "caf\ufffd.txt" in {Path(s["path"]).name for s in run.json["sources"]}
    assert claims_of(run, "caf\ufffd.txt")


def test_dash_reads_stdin(folder):
    run = run_cli("extract", "-f", "json", "-", str(folder / "good.txt"), input=b"SK hynix will spend $3 billion.")
    assert run.code == 0
    [claim] = claims_of(run, "-")
    assert claim["text"] == "$3 billion" and claim["source"] == "-"
    assert claims_of(run, "good.txt")


def test_every_unreadable_input_is_listed_and_the_run_exits_2(folder):
    (folder / "blob.txt").write_bytes(b"\x00")
    run = run_cli("scan", "-f", "json", str(folder), str(folder / "missing.md"))
    assert run.code == 2
    assert {Path(p["path"]).name for p in run.json["problems"] if p["severity"] == "error"} == {"blob.txt",
                                                                                                "missing.md"}
    table = run_cli("scan", str(folder), str(folder / "missing.md"))
    assert table.code == 2 and "2 input problems" in table.text


def _rules():
    from factcheck.rules import load_rules

    return load_rules()


def test_a_document_that_breaks_extraction_does_not_stop_the_others(folder, monkeypatch):
    """A bug met in one file (as fuzzing once found) is reported for that file; the rest is still read."""
    import factcheck.executors as scan_module  # where each file is extracted, whatever the executor

    (folder / "trigger.txt").write_text("SK hynix will spend $3 billion.\n")
    real = scan_module.extract_claims

    def flaky(document, rules, problems=None):
        if document.path.endswith("trigger.txt"):
            raise IndexError("no such group")
        return real(document, rules, problems)

    monkeypatch.setattr(scan_module, "extract_claims", flaky)
    result = scan([str(folder)], _rules())
    [problem] = result.failed_inputs
    assert problem.path.endswith("trigger.txt") and "IndexError: no such group" in problem.message
    assert [c.source for c in result.claims] == [str(folder) + "/good.txt"]
    with pytest.raises(IndexError):
        scan([str(folder)], _rules(), strict=True)


def test_link_to_an_enclosing_folder_reads_each_file_once(tmp_path):
    articles = tmp_path / "articles"
    (articles / "sub").mkdir(parents=True)
    (articles / "good.txt").write_text(GOOD)
    (tmp_path / "other.txt").write_text("SK hynix will spend $3 billion.\n")
    (articles / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    run = run_cli("extract", "-f", "json", "--follow-links", str(articles), timeout=60)
    assert run.code == 0, run.err
    assert sorted(Path(s["path"]).name for s in run.json["sources"]) == ["good.txt", "other.txt"]
    assert any("already read through a symbolic link" in m for m in run.messages), run.err
