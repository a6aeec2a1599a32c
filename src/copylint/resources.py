"""Where the shipped rule packs and data files live.

In a wheel the top-level ``rules/`` folder is installed as ``copylint/_packs``;
in a source checkout (editable install, tests) it is read in place.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def builtin_pack_dir() -> Path:
    installed = Path(__file__).resolve().parent / "_packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def data_path(name: str) -> Path:
    """A data file (gazetteer, glossary ...) under ``rules/data/``."""
    return builtin_pack_dir() / "data" / name


@lru_cache(maxsize=None)
def load_data(name: str):
    """A shipped YAML data file, parsed once per process (rules call this lazily)
    and, across processes, once per content (see diskcache)."""
    from .diskcache import cached

    path = data_path(name)

    def parse():
        import yaml

        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    return cached("data", path, parse)
