"""Turning command-line paths into the files to lint, with include/exclude globs."""

from __future__ import annotations

import os
from pathlib import Path

from .config import DEFAULT_EXCLUDE, Config, matches_any


def _relative(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path.resolve(), root)
    except ValueError:
        return str(path)


def collect_paths(paths: list[str], config: Config) -> tuple[list, list[str]]:
    """Files to lint (``"-"`` for stdin) and one error per missing path.

    Folders are walked (skipping VCS and build folders and ``exclude`` globs) for
    files matching ``include``; files named explicitly are linted whatever their
    extension, unless excluded.
    """
    files: list = []
    errors: list[str] = []
    seen: set = set()
    excluded = config.exclude
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        if not path.exists():
            errors.append(f"{raw}: no such file or directory")
            continue
        if path.is_dir():
            for folder, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(
                    d for d in dirnames
                    if d not in DEFAULT_EXCLUDE
                    and not matches_any(_relative(Path(folder) / d, config.root), excluded)
                )
                for name in sorted(filenames):
                    candidate = Path(folder) / name
                    rel = _relative(candidate, config.root)
                    if matches_any(name, config.include) and not matches_any(rel, excluded):
                        key = candidate.resolve()
                        if key not in seen:
                            seen.add(key)
                            files.append(candidate)
        elif not matches_any(_relative(path, config.root), excluded):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, errors
