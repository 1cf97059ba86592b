"""A progress bar for long runs: on stderr, only when stderr is a terminal.

CI logs and pipes stay clean (no bar when stderr is not a terminal), short
runs stay silent (no bar under ``threshold`` files), and ``--quiet`` turns it off.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO

#: Runs over fewer files than this finish too soon for a bar to help.
PROGRESS_THRESHOLD = 300


@contextmanager
def progress_bar(quiet: bool = False, label: str = "Extracting", stream: TextIO | None = None,
                 threshold: int = PROGRESS_THRESHOLD) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a ``progress(done, total)`` callback, or None when no bar is to be shown."""
    stream = stream or sys.stderr
    if quiet or not _is_terminal(stream):
        yield None
        return
    state: dict = {}

    def update(done: int, total: int) -> None:
        if total < threshold:
            return
        if "bar" not in state:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("files"), TimeRemainingColumn(),
                           console=Console(file=stream), transient=True)
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task(label, total=total)
        state["bar"].update(state["task"], completed=done)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].stop()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
