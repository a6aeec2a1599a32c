"""Content cache: a file whose bytes, path, config and rules are unchanged is not
linted again (keyed by content hashes, never by mtime, so it is safe in CI).

Entries live in the per-user cache (see :mod:`copylint.diskcache`), never in
the project being linted; deleting them is always safe.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import __version__
from .finding import Finding, Severity

def _stamp_tree(digest, folder: Path, suffixes: tuple[str, ...]) -> None:
    """Path, size and modification time of each file: any edit or reinstall changes
    them, and stat is far cheaper than reading copylint's whole source each run."""
    if not folder.is_dir():
        return
    # os.walk, not Path.rglob: a pre-commit re-run spends milliseconds in pathlib.
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        relative = os.path.relpath(root, folder).replace(os.sep, "/")
        for name in sorted(files):
            if os.path.splitext(name)[1] in suffixes:
                stat = os.stat(os.path.join(root, name))
                digest.update(f"{relative}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())


def rules_fingerprint(config) -> str:
    """What the findings of a file depend on besides its bytes and path: copylint's
    code and packs, the config, and the installed plugins (computed without
    importing any rule, so a fully cached run stays cheap)."""
    from . import rules as builtin_rules
    from .plugins import plugin_environment
    from .resources import builtin_pack_dir

    digest = hashlib.sha256(__version__.encode())
    digest.update(repr(sorted(vars(config).items(), key=lambda kv: kv[0])).encode())
    _stamp_tree(digest, Path(builtin_rules.__file__).parent.parent, (".py",))
    for folder in (builtin_pack_dir(), *config.packs):
        _stamp_tree(digest, Path(folder), (".yaml", ".yml"))
    digest.update(plugin_environment().encode())
    return digest.hexdigest()


class ContentCache:
    def __init__(self, fingerprint: str, folder: Path | None = None):
        from .diskcache import cache_root

        self.folder = folder or cache_root() / "content"
        self.fingerprint = fingerprint

    def key(self, name: str, data: bytes, input_format: str | None) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(f"\0{name}\0{input_format}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> list[Finding] | None:
        import json  # here: a run with --no-cache never needs it

        try:
            raw = json.loads((self.folder / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
            return [Finding(**{**item, "severity": Severity.parse(item["severity"])}) for item in raw]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        import json
        import tempfile

        folder = self.folder / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump([f.to_dict() for f in findings], out, ensure_ascii=False)
            os.replace(temp, folder / f"{key}.json")
        except OSError:
            pass  # a read-only checkout simply runs uncached
