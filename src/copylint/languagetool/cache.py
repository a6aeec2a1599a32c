"""An on-disk cache of LanguageTool results, one small JSON file per unit of text.

The key hashes the unit's text with everything that changes LanguageTool's answer
(server, language, rule and category lists, picky mode), so a pre-commit rerun on
unchanged files sends nothing. The folder only ever holds derived data: deleting it is
always safe. Writes are atomic (write, then rename), so parallel runs never see half a
file; a cache that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .settings import request_rules

FORMAT = 1  # bump when the stored shape changes


def default_dir() -> Path:
    """The platform cache folder: $XDG_CACHE_HOME, %LOCALAPPDATA% or ~/.cache."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return Path(base or Path.home() / ".cache") / "copylint" / "languagetool"


def fingerprint(settings: Mapping[str, Any]) -> str:
    """What, besides the text, decides LanguageTool's answer."""
    server = settings.get("url") or "local"
    parts = [FORMAT, server, settings.get("language"), request_rules(settings), settings.get("picky")]
    return json.dumps(parts, sort_keys=True)


class Cache:
    def __init__(self, folder: Path | None, settings_fingerprint: str):
        self.folder = folder
        self._fingerprint = settings_fingerprint

    def _path(self, text: str, kind: str) -> str:
        key = f"{self._fingerprint}\0{kind}\0{text}"
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        return os.path.join(self.folder, digest[:2], f"{digest}.json")

    def get(self, text: str, kind: str = "unit") -> list | None:
        """The stored results for ``text``: one unit's matches, or (kind "story") each unit's."""
        if self.folder is None:
            return None
        try:
            with open(self._path(text, kind), encoding="utf-8") as handle:
                value = json.load(handle)
        except (OSError, ValueError):
            return None
        return value if isinstance(value, list) else None

    def put(self, text: str, results: list, kind: str = "unit") -> None:
        if self.folder is None:
            return
        path = self._path(text, kind)
        temporary = None
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(results, out, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            if temporary and os.path.exists(temporary):
                os.unlink(temporary)
            self.folder = None  # read-only or full disk: run on without a cache
