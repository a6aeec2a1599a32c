"""Configuration: defaults, then the project file, then command-line flags.

One schema validates every source, so a misspelt key is an error, never silently
ignored. Files: ``.copylint.yaml`` / ``.copylint.yml`` or ``[tool.copylint]`` in
``pyproject.toml``, found upward from the working directory, or ``--config``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import re

from .finding import Severity

CONFIG_NAMES = (".copylint.yaml", ".copylint.yml", "pyproject.toml")
DEFAULT_INCLUDE = (
    "*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml", "*.xml", "*.nitf",
    "*.xlf", "*.xliff",
)
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox",
    "build", "dist",
)
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """Bad configuration; the message says which file and key."""


class Config:
    """A run's settings. Never changed once made: :meth:`with_overrides` makes a new one.

    A plain class, not a dataclass: importing dataclasses (and inspect) and building
    the class costs a one-file run more than it lints the story.
    """

    def __init__(
        self, *,
        select: tuple[str, ...] | None = None,  # None: every rule enabled by default
        ignore: tuple[str, ...] = (),
        fail_on: str = "warning",
        rules: Mapping[str, Mapping[str, Any]] | None = None,
        per_file_ignores: Mapping[str, tuple[str, ...]] | None = None,
        include: tuple[str, ...] = DEFAULT_INCLUDE,
        exclude: tuple[str, ...] = (),
        packs: tuple[Path, ...] = (),
        source_languages: tuple[str, ...] = (),
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        languagetool: Mapping[str, Any] | None = None,
        root: Path | None = None,  # None: the working directory
        source: str = "defaults",
    ) -> None:
        vars(self).update(
            select=select, ignore=ignore, fail_on=fail_on, rules=rules if rules is not None else {},
            per_file_ignores=per_file_ignores if per_file_ignores is not None else {},
            include=include, exclude=exclude, packs=packs, source_languages=source_languages,
            max_file_size=max_file_size, languagetool=languagetool if languagetool is not None else {},
            root=root if root is not None else Path.cwd(), source=source,
        )

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Config is never changed (set {name} with with_overrides)")

    def __repr__(self) -> str:
        return f"Config({', '.join(f'{name}={value!r}' for name, value in vars(self).items())})"

    def __eq__(self, other: object) -> bool:
        return vars(self) == vars(other) if isinstance(other, Config) else NotImplemented

    __hash__ = None  # equal by value, and its dicts are not hashable

    def with_overrides(self, **changes: Any) -> Config:
        """Flags override the file: only values actually given replace it."""
        return Config(**{**vars(self), **{k: v for k, v in changes.items() if v is not None}})


def _str_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def parse_size(where: str, value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*", str(value), re.IGNORECASE)
    if not match:
        raise ConfigError(f"{where}: 'max-file-size' must be bytes or a size like '10MB'")
    scale = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[match[2].upper()]
    return int(float(match[1]) * scale)


def config_from_mapping(data: Any, where: str, root: Path) -> Config:
    """Validate a parsed config mapping (from YAML, TOML or the library API)."""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: the configuration must be a mapping")
    handlers = {
        "select": lambda v: {"select": _str_list(where, "select", v)},
        "ignore": lambda v: {"ignore": _str_list(where, "ignore", v)},
        "fail-on": lambda v: {"fail_on": _choice(where, "fail-on", v, FAIL_ON)},
        "rules": lambda v: {"rules": _rule_settings(where, v)},
        "per-file-ignores": lambda v: {"per_file_ignores": _per_file(where, v)},
        "include": lambda v: {"include": _str_list(where, "include", v)},
        "exclude": lambda v: {"exclude": _str_list(where, "exclude", v)},
        "packs": lambda v: {
            "packs": tuple(root / p for p in _str_list(where, "packs", v))
        },
        "source-languages": lambda v: {
            "source_languages": tuple(
                s.lower() for s in _str_list(where, "source-languages", v)
            )
        },
        "max-file-size": lambda v: {"max_file_size": parse_size(where, v)},
        "languagetool": lambda v: {"languagetool": _languagetool(where, v)},
    }
    values: dict[str, Any] = {"root": root, "source": where}
    for key, value in data.items():
        if key not in handlers:
            known = ", ".join(sorted(handlers))
            raise ConfigError(f"{where}: unknown key '{key}' (known keys: {known})")
        values.update(handlers[key](value))
    return Config(**values)


def _choice(where: str, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(choices)}, not {value!r}")
    return value


def _rule_settings(where: str, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'rules' maps rule ids or categories to settings")
    settings = {}
    for rule_id, options in value.items():
        if options is None:
            options = {}
        if isinstance(options, str):  # shorthand: `typography/space-run: info`
            options = {"severity": options}
        if not isinstance(options, Mapping):
            raise ConfigError(f"{where}: settings for '{rule_id}' must be a mapping")
        if "severity" in options:
            try:
                Severity.parse(options["severity"])
            except ValueError as exc:
                raise ConfigError(f"{where}: rules.{rule_id}: {exc}") from None
        settings[str(rule_id)] = dict(options)
    return settings


def _languagetool(where: str, value: Any) -> dict[str, Any]:
    """Validated by the LanguageTool integration itself, imported only when configured."""
    from .languagetool.settings import validate_settings

    return validate_settings(where, value)


def _per_file(where: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'per-file-ignores' maps globs to rule lists")
    return {str(g): _str_list(where, f"per-file-ignores.{g}", v) for g, v in value.items()}


def _read_file(path: Path) -> Any:
    """The config mapping in ``path`` (None: a pyproject.toml without one), parsed
    once per content (see diskcache): a pyproject.toml is found at every run, and
    importing a TOML or YAML parser costs more than linting a story."""
    from .diskcache import cached

    toml = path.name == "pyproject.toml" or path.suffix == ".toml"
    return cached("config-toml" if toml else "config-yaml", path, lambda: _parse_file(path, toml))


def _parse_file(path: Path, toml: bool) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    if toml:
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        return data.get("tool", {}).get("copylint")
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: invalid YAML: {getattr(exc, 'problem', exc)}") from None


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and _read_file(candidate) is None:
                    continue
                return candidate
    return None


def load_config(explicit: str | os.PathLike | None = None, start: Path | None = None) -> Config:
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
    else:
        path = find_config_file((start or Path.cwd()).resolve())
        if path is None:
            return Config(root=(start or Path.cwd()).resolve())
    data = _read_file(path)
    if path.suffix == ".toml" and data is None:
        raise ConfigError(f"{path}: no [tool.copylint] table")
    return config_from_mapping(data, str(path), path.resolve().parent)


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern:
    """Compile a glob: ``**`` spans folders, ``*`` does not; no slash matches any depth."""
    pattern = pattern.strip("/")
    anchored = "/" in pattern
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"{prefix}{''.join(out)}(?:/.*)?")


def matches_any(relative_path: str, globs) -> bool:
    path = relative_path.replace(os.sep, "/")
    path = path[2:] if path.startswith("./") else path
    return any(glob_regex(g).fullmatch(path) for g in globs)
