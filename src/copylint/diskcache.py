"""Per-user cache of work derived from shipped files (validated packs, parsed data).

Why: parsing YAML and compiling patterns costs far more than linting one story,
and a pre-commit hook pays it on every run. Entries are keyed by the source
file's bytes and copylint's version, never by time, so a stale entry cannot be
used; the folder (``$COPYLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/copylint``,
else ``~/.cache/copylint``) is always safe to delete. Where it cannot be
written, copylint simply works uncached.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")
FORMAT = 2  # bump when the shape or meaning of cached values changes


def cache_root() -> Path:
    explicit = os.environ.get("COPYLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "copylint"


def module_stamp(module) -> bytes:
    """Which install of ``module`` this is (file, size, time: a reinstall rewrites the
    file), for the key of a value that pickles the module's objects (a pyahocorasick
    automaton, a compiled ``regex`` pattern: only valid for the build that made it)."""
    info = os.stat(module.__file__)
    return f"{module.__file__}\0{info.st_size}\0{info.st_mtime_ns}".encode()


def cached(kind: str, source: Path | tuple[Path, ...], build: Callable[[], T]) -> T:
    """``build()``'s value for the current bytes of ``source`` (a file, or the data file
    and the modules that turn it into the value), from the cache when possible."""
    paths = source if isinstance(source, tuple) else (source,)
    try:
        data = b"\0".join(path.read_bytes() for path in paths)
    except OSError:
        return build()
    return cached_by_key(kind, data, build)


def cached_by_key(kind: str, key: bytes, build: Callable[[], T]) -> T:
    """``build()``'s value for ``key`` (which must change whenever the value would)."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{kind}\0".encode() + key).hexdigest()
    entry = cache_root() / kind / f"{digest[:32]}.pickle"
    try:
        with entry.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        pass
    value = build()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, entry)
    except OSError:
        pass  # read-only home: run uncached
    return value
