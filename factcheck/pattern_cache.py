"""Compiled rule patterns, kept on disk between runs.

The rule files expand into about 150 regular expressions and 140,000
characters of pattern text.  The ``regex`` package compiles in Python, and
that took most of a second at every start: longer than the rest of a CI check
of one draft.  Compiling produces plain data (a list of opcodes and a few
tables) that the package's C engine turns into a pattern object at once, so
that data is saved the first time a pattern is compiled and reused after, the
way Python keeps ``.pyc`` files.  The required words of each pattern
(literals.py) are kept with it.

The cache is one file per ``regex`` and Python version, in
``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``, else
``~/.cache/factcheck``.  ``FACTCHECK_NO_CACHE=1`` turns it off.  A cache
that cannot be read is ignored and one that cannot be written is not written:
the rules are then compiled as before, only slower.  The file is JSON (it is
read in about 10 ms) with a SHA-256 of its entries: a file that was damaged
(opcodes with a flipped digit could make the engine loop) is not used.  Like
``.pyc`` files, it is trusted as much as the user's own home directory.

Capturing the opcodes relies on how ``regex`` hands them to its C engine (an
internal step).  Should that change in a future release, nothing is captured
and every pattern is compiled normally.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import regex

from .literals import ANALYSIS, Literals, required_literals
from .starts import ANALYSIS as STARTS_ANALYSIS, match_starts

#: Patterns kept at most.  Past this (many edited rule files, many custom catalogues), a run keeps only the
#: patterns it used itself.
MOST_ENTRIES = 600

_CAPTURE_LOCK = threading.Lock()


def cache_dir() -> Path | None:
    """Where compiled patterns are kept, or None when caching is turned off."""
    if os.environ.get("FACTCHECK_NO_CACHE", "").strip() not in ("", "0"):
        return None
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    home = os.path.expanduser("~")
    if not os.environ.get("XDG_CACHE_HOME") and not os.path.isabs(home):  # no home folder: no cache, never "./~"
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return Path(base) / "factcheck"


class CompiledPatterns:
    """Patterns compiled through this object are saved by :meth:`save` and reused by later runs."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder / f"patterns-regex{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.json"
                     if folder is not None else None)
        self._code: dict[str, list] = {}  # "flags pattern" → the arguments of the engine's compile
        self._literals: dict[str, list[str] | None] = {}  # "analysis flags pattern" → required words
        self._read()
        self._used: set[str] = set()  # keys this process compiled or read
        self._dirty = False
        self.hits = 0
        self.misses = 0

    @classmethod
    def default(cls) -> CompiledPatterns:
        return cls(cache_dir())

    @staticmethod
    @functools.cache
    def shared() -> CompiledPatterns:
        """The process's cache (read once), for patterns built outside rule files: aliases, date forms.

        What it learns is written when the rules finish loading and, for later patterns, at exit.
        """
        patterns = CompiledPatterns.default()
        atexit.register(patterns.save)
        return patterns

    def compile(self, pattern: str, flags: int = 0) -> regex.Pattern:
        """``regex.compile(pattern, flags)``, from the cache when the pattern was compiled before."""
        key = f"{int(flags)} {pattern}"
        self._used.add(key)
        args = self._code.get(key)
        if args is not None:
            try:
                compiled = regex._main._regex.compile(*_engine_args(args, pattern, flags))
                self.hits += 1
                return compiled
            except Exception:  # a stale or damaged entry: compile it again
                del self._code[key]
        self.misses += 1
        compiled, args = _compile_capturing(pattern, flags)
        if args is not None and self.path is not None:
            self._code[key] = args
            self._dirty = True
        return compiled

    def literals(self, pattern: regex.Pattern) -> Literals | None:
        """The words without which the pattern cannot match (literals.py), analysed once."""
        key = f"{ANALYSIS} {int(pattern.flags)} {pattern.pattern}"  # a changed analysis finds other words
        self._used.add(key)
        if key in self._literals:
            known = self._literals[key]
            return frozenset(known) if known is not None else None
        found = required_literals(pattern.pattern, pattern.flags)
        self._literals[key] = sorted(found) if found is not None else None  # also remembered without a file
        if self.path is not None:
            self._dirty = True
        return found

    def starts(self, pattern: regex.Pattern) -> re.Pattern | None:
        """Where the pattern can start a match (starts.py), analysed once: compiled for the standard engine."""
        key = f"starts{STARTS_ANALYSIS} {int(pattern.flags)} {pattern.pattern}"
        self._used.add(key)
        if key not in self._literals:
            found = match_starts(pattern.pattern, pattern.flags)
            self._literals[key] = [found] if found is not None else None
            if self.path is not None:
                self._dirty = True
        known = self._literals[key]
        return _starts_pattern(known[0]) if known else None

    def save(self) -> None:
        """Write what was compiled for the first time; a cache that cannot be written is left alone."""
        if not self._dirty or self.path is None:
            return
        if len(self._code) + len(self._literals) > MOST_ENTRIES:
            self._code = {k: v for k, v in self._code.items() if k in self._used}
            self._literals = {k: v for k, v in self._literals.items() if k in self._used}
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-", suffix=".tmp")
            entries = json.dumps({"code": self._code, "literals": self._literals}, separators=(",", ":"),
                                 sort_keys=True)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps({"sha256": hashlib.sha256(entries.encode()).hexdigest()}) + "\n" + entries)
            os.replace(tmp, self.path)  # atomic: a concurrent run reads the old file or the new one
            self._dirty = False
        except (OSError, ValueError):
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def _read(self) -> None:
        if self.path is None:
            return
        try:
            with open(self.path, encoding="utf-8") as f:
                head, entries = f.readline(), f.read()
            if json.loads(head)["sha256"] != hashlib.sha256(entries.encode()).hexdigest():
                return
            data = json.loads(entries)
            code, literals = data["code"], data["literals"]
        except (OSError, ValueError, TypeError, KeyError):
            return
        if isinstance(code, dict) and isinstance(literals, dict):
            self._code, self._literals = code, literals


@functools.lru_cache(maxsize=1024)
def _starts_pattern(source: str) -> re.Pattern:
    """One compiled expression per source: rules that share a figure's opening share its positions, too."""
    return re.compile(source)


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile`` through the process's shared cache."""
    return CompiledPatterns.shared().compile(pattern, flags)


def _compile_capturing(pattern: str, flags: int) -> tuple[regex.Pattern, tuple | None]:
    """Compile, and catch the data ``regex`` passes to its C engine (None if it could not be caught)."""
    captured: list[tuple] = []
    main = getattr(regex, "_main", None)
    engine = getattr(main, "_regex", None)
    if engine is None or not hasattr(engine, "compile"):
        return regex.compile(pattern, flags), None

    class _Recorder:  # stands in for the C module during one compile and records the call
        def __getattr__(self, name: str) -> Any:
            return getattr(engine, name)

        @staticmethod
        def compile(*args: Any) -> Any:
            captured.append(args)
            return engine.compile(*args)

    with _CAPTURE_LOCK:
        main._regex = _Recorder()
        try:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            main._regex = engine
    if len(captured) != 1:
        return compiled, None
    return compiled, _kept_args(captured[0], pattern)


def _kept_args(args: tuple, pattern: str) -> list | None:
    """The engine's compile arguments as JSON data, or None for a shape this module does not know."""
    try:
        (source, flags, code, group_index, index_group, named_lists, named_list_indexes,
         req_offset, req_chars, req_flags, group_count) = args
    except ValueError:
        return None
    if source != pattern or named_lists or any(named_list_indexes):  # named lists (\L<name>) are not kept
        return None
    return [int(flags), [int(c) for c in code], {str(k): int(v) for k, v in group_index.items()},
            int(req_offset), [int(c) for c in req_chars] if req_chars is not None else None, int(req_flags),
            int(group_count)]


def _engine_args(kept: list, pattern: str, flags: int) -> tuple:
    """The kept arguments back in the shape the engine's compile takes."""
    engine_flags, code, group_index, req_offset, req_chars, req_flags, group_count = kept
    group_index = {str(k): int(v) for k, v in group_index.items()}
    index_group = {v: k for k, v in group_index.items()}
    return (pattern, int(engine_flags), list(code), group_index, index_group, {}, [], int(req_offset),
            tuple(req_chars) if req_chars is not None else None, int(req_flags), int(group_count))
