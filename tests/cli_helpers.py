"""Running the real command in a subprocess, as a user or a CI job does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@dataclass
class Run:
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")

    @property
    def json(self) -> dict:
        return json.loads(self.out)

    @property
    def messages(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("factcheck:")]


def run_cli(*args: str, input: bytes | None = None, cwd: str | Path | None = None,
            env: dict[str, str] | None = None, timeout: float = 120) -> Run:
    """``python -m factcheck ARGS`` with the current interpreter; stdin is empty unless given."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "PYTHONHASHSEED"))}
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], input=input or b"", capture_output=True,
                          cwd=cwd, env=full_env, timeout=timeout)
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"))


def no_traceback(run: Run) -> bool:
    return "Traceback" not in run.err and b"Traceback" not in run.out
