"""Project configuration: ``.factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

Read from the working directory only (a CI job runs there), so a repository
can fix its sources, ledger and gate once instead of in every command line.
Command-line options always win over the file.  Keys (``-`` or ``_``)::

    rules: [newsroom-rules/]       # extra rule folders
    sources: [sources/]            # what `check` compares drafts with (--against)
    ledger: facts.yaml
    fail-on: contradicted          # unsupported | disputed-sources | contradicted
    format: table                  # table | json | sarif | github | markdown
    baseline: .factcheck-baseline.json
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .rules import read_yaml

YAML_NAME = ".factcheck.yaml"
KEYS = ("rules", "sources", "ledger", "fail_on", "format", "baseline")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file (and line)."""


@dataclass
class Config:
    rules: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    ledger: str | None = None
    fail_on: str | None = None
    format: str | None = None
    baseline: str | None = None
    path: str | None = None  # the file it came from


def load_config(directory: str | Path = ".") -> Config:
    """The configuration in ``directory``: ``.factcheck.yaml`` first, else ``pyproject.toml``, else defaults."""
    directory = Path(directory)
    yaml_path = directory / YAML_NAME
    if yaml_path.is_file():
        return _from_mapping(read_yaml(yaml_path, ConfigError, "configuration"), str(yaml_path))
    toml_path = directory / "pyproject.toml"
    if toml_path.is_file():
        try:
            with open(toml_path, "rb") as handle:
                data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{toml_path}: invalid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"{toml_path}: cannot read: {exc.strerror or exc}") from None
        section = (data.get("tool") or {}).get("factcheck")
        if section is not None:
            return _from_mapping(section, f"{toml_path} [tool.factcheck]")
    return Config()


def _from_mapping(data: dict, where: str) -> Config:
    config = Config(path=where)
    for raw_key, value in data.items():
        key = str(raw_key).replace("-", "_")
        if key == "against":
            key = "sources"
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown setting {raw_key!r} (known: {', '.join(k.replace('_', '-') for k in KEYS)})")
        if key in ("rules", "sources"):
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                raise ConfigError(f"{where}: {raw_key} must be a path or a list of paths")
            setattr(config, key, list(items))
        else:
            if not isinstance(value, str):
                raise ConfigError(f"{where}: {raw_key} must be a string, not {type(value).__name__}")
            setattr(config, key, value)
    return config
