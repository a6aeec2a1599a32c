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

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(f"{self._fingerprint}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / digest[:2] / f"{digest}.json"

    def get(self, text: str) -> list[dict[str, Any]] | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(text), encoding="utf-8") as handle:
                value = json.load(handle)
        except (OSError, ValueError):
            return None
        return value if isinstance(value, list) else None

    def put(self, text: str, results: list[dict[str, Any]]) -> None:
        if self.folder is None:
            return
        path = self._path(text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(results, out, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            self.folder = None  # read-only or full disk: run on without a cache
