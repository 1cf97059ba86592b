"""The ``factcheck`` console script: answers ``--version`` before loading the command machinery.

Importing typer and the commands costs more than a CI gate's whole budget for
``factcheck --version``, so that one question is answered here.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"factcheck {__version__}")
        return
    from .cli import main as cli_main

    cli_main()
