"""The compiled-pattern cache: later runs read patterns back instead of compiling them, and get the same claims."""

from __future__ import annotations

import json

import pytest
import regex

from factcheck.documents import read_document
from factcheck.extract import extract_claims
from factcheck.pattern_cache import CompiledPatterns, cache_dir
from factcheck.rules import _load, packaged_rules_dir

from .cli_helpers import SEEDS, run_cli

PATTERNS = [r"(?i:over\s+(?P<number>\d[\d,]*)\s+(?P<unit>GPUs?))", r"(?P<a>x)|(?P<b>y)(?=z)", r"\p{Hangul}+만"]


def _claims(rules) -> list[tuple]:
    out = []
    for path in sorted(SEEDS.iterdir()):
        if path.suffix in (".txt", ".md"):
            out += [(c.type, c.subject, c.attribute, c.text, c.value, c.line) for c in
                    extract_claims(read_document(str(path)), rules)]
    return out


def test_patterns_read_back_match_like_compiled_ones(tmp_path):
    first = CompiledPatterns(tmp_path)
    compiled = [first.compile(p, regex.V0) for p in PATTERNS]
    first.save()
    again = CompiledPatterns(tmp_path)
    read_back = [again.compile(p, regex.V0) for p in PATTERNS]
    assert (again.hits, again.misses) == (len(PATTERNS), 0)
    for text in ["Over 50,000 GPUs", "xyz yz", "엔비디아 26만", "nothing"]:
        for a, b in zip(compiled, read_back):
            ma, mb = a.search(text), b.search(text)
            assert (ma and (ma.span(), ma.groupdict())) == (mb and (mb.span(), mb.groupdict()))
    assert [p.groupindex for p in read_back] == [p.groupindex for p in compiled]


def test_the_rules_give_the_same_claims_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    folders = (str(packaged_rules_dir()),)

    def fresh_process() -> None:  # what a new run starts with: no rules loaded, the cache file not yet read
        _load.cache_clear()
        CompiledPatterns.shared.cache_clear()

    fresh_process()
    try:
        compiled_now = _load(folders)
        assert list(tmp_path.iterdir())  # written
        fresh_process()
        from_cache = _load(folders)
        assert CompiledPatterns.shared().hits > 100 and CompiledPatterns.shared().misses == 0
    finally:
        fresh_process()
    assert from_cache is not compiled_now
    assert _claims(from_cache) == _claims(compiled_now)
    assert [r.pattern_needs for r in from_cache.rules] == [r.pattern_needs for r in compiled_now.rules]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "edited", "wrong shape"])
def test_a_damaged_cache_is_not_used(tmp_path, damage):
    first = CompiledPatterns(tmp_path)
    expected = first.compile(PATTERNS[0], regex.V0).search("over 12 GPUs").groupdict()
    first.save()
    path = next(tmp_path.iterdir())
    text = path.read_text()
    if damage == "garbage":
        path.write_bytes(b"\x00\xff not json")
    elif damage == "truncated":
        path.write_text(text[: len(text) // 2])
    elif damage == "edited":  # a digit changed in the opcodes: the checksum no longer holds
        head, body = text.split("\n", 1)
        path.write_text(head + "\n" + body.replace("[", "[9", 1))
    else:
        body = json.dumps({"code": [], "literals": 3})
        path.write_text(json.dumps({"sha256": __import__("hashlib").sha256(body.encode()).hexdigest()}) + "\n" + body)
    again = CompiledPatterns(tmp_path)
    assert again.compile(PATTERNS[0], regex.V0).search("over 12 GPUs").groupdict() == expected
    assert (again.hits, again.misses) == (0, 1)


def test_the_cache_can_be_turned_off_or_fail_to_write(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    assert cache_dir() is None
    monkeypatch.delenv("FACTCHECK_NO_CACHE")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = CompiledPatterns(blocked / "sub")  # cannot be created: nothing is written, nothing fails
    assert cache.compile("a+b", regex.V0).search("caab")
    cache.save()
    assert blocked.read_text() == "not a folder"


def test_an_unwritable_cache_folder_does_not_stop_a_scan(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    run = run_cli("scan", "-f", "json", str(SEEDS), env={"FACTCHECK_CACHE_DIR": str(blocked)})
    assert run.code == 0, run.err
    assert len(run.json["claims"]) > 50


def test_a_second_run_compiles_nothing_whatever_the_hash_seed(tmp_path):
    """Every pattern's text is the same in every process, so the second run reads them all from the cache."""
    import os
    import subprocess
    import sys

    code = ("from factcheck.pattern_cache import CompiledPatterns\n"
            "from factcheck.cli import main\n"
            "import sys\n"
            "sys.argv = ['factcheck', 'scan', '-f', 'json', '-o', '/dev/null', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(CompiledPatterns.shared().misses, CompiledPatterns.shared().hits)\n")
    counts = []
    for seed in ("1", "2"):
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path), "PYTHONHASHSEED": seed}
        env.pop("FACTCHECK_NO_CACHE", None)
        run = subprocess.run([sys.executable, "-c", code, str(SEEDS)], capture_output=True, text=True, env=env,
                             timeout=300)
        assert run.returncode == 0, run.stderr
        counts.append([int(x) for x in run.stdout.split()[-2:]])
    (first_misses, _), (second_misses, second_hits) = counts
    assert first_misses > 100
    assert second_misses == 0 and second_hits >= first_misses


def test_without_a_home_folder_nothing_is_cached_in_the_working_folder(monkeypatch):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr("os.path.expanduser", lambda path: path)  # what Python gives with no HOME and no user entry
    assert cache_dir() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/someone")
    assert str(cache_dir()) == "/var/cache/someone/factcheck"
