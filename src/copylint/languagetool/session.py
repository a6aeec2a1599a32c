"""One LanguageTool session per run: cache first, then batched, bounded, retried requests.

A session is shared by every document linted with the same settings. It connects only
when a unit is missing from the cache (a warm pre-commit run never imports
language-tool-python), keeps at most ``max-in-flight`` requests open, retries 429, 5xx
and dropped connections with backoff, halves a batch the server refuses as too large
(413), and gives up on the server for the rest of the run after the first failure that
retries do not cure: one warning line, then no more waiting.
"""

from __future__ import annotations

import atexit
import json
import sys
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .cache import Cache, default_dir, fingerprint
from .client import ServerProblem, Unavailable, connect
from .settings import PUBLIC, validate_settings
from .units import SEPARATOR, Unit, batches, split_matches, utf16_len

BACKOFF = 0.5  # seconds before the first retry, doubled each time
MAX_WAIT = 10.0  # never sleep longer than this for one retry, whatever Retry-After says
_RETRIED = frozenset({408, 425, 426, 429})


class Skipped(Exception):
    """LanguageTool gave no answer for this document; the message is for the user."""


class TooLong(Exception):
    """The server refused one unit as too long even on its own."""


class Session:
    def __init__(self, settings: Mapping[str, Any]):
        self.settings = settings
        folder = Path(settings["cache-dir"]).expanduser() if settings["cache-dir"] else default_dir()
        self.cache = Cache(folder if settings["cache"] else None, fingerprint(settings))
        self.where = (
            "the public LanguageTool API" if settings["url"] == PUBLIC
            else f"LanguageTool at {settings['url']}" if settings["url"]
            else "the local LanguageTool install"
        )
        # The public API allows about 20 requests a minute: never more than one at a time.
        self.in_flight = 1 if settings["url"] == PUBLIC else settings["max-in-flight"]
        self._client = None
        self._failure: str | None = None
        self._warned: set[str] = set()
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    # -- public ------------------------------------------------------------
    def results(self, units: list[Unit]) -> list[list[dict[str, Any]]]:
        """Each unit's LanguageTool findings (unit-relative), from the cache or the server.

        A whole unchanged story is one cache read; a changed one reuses every unchanged
        paragraph and sends only the rest.

        Raises :class:`Skipped` when the server cannot answer; units it refused as too
        long come back empty after a warning.
        """
        whole = "\x00".join(u.text for u in units)  # the common case: the story did not change
        stored = self.cache.get(whole, "story")
        if stored is not None and len(stored) == len(units):
            return stored
        found = {u.text: self.cache.get(u.text) for u in units}
        missing = list({u.text: u for u in units if found[u.text] is None}.values())
        if missing:
            found.update(self._fetch(missing))
        results = [found[u.text] or [] for u in units]
        if all(found[u.text] is not None for u in units):
            self.cache.put(whole, results, "story")
        return results

    def warn_once(self, kind: str, message: str) -> None:
        """Print one warning line of this kind per run."""
        with self._lock:
            if kind in self._warned:
                return
            self._warned.add(kind)
        print(f"copylint: warning: {message}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        if self._client is not None:
            self._client.close()
            self._client = None

    # -- requests ----------------------------------------------------------
    def _connect(self):
        with self._lock:
            if self._failure is None and self._client is None:
                try:
                    self._client = connect(self.settings)
                    self._pool = ThreadPoolExecutor(self.in_flight, thread_name_prefix="copylint-lt")
                    atexit.register(self.close)
                except Unavailable as exc:
                    self._failure = f"{self.where} not reachable ({exc})"
            if self._failure is not None:
                raise Skipped(self._failure)
            return self._client

    def _fetch(self, units: list[Unit]) -> dict[str, list[dict[str, Any]] | None]:
        client = self._connect()
        groups = batches(units, self.settings["batch-size"])
        answers = list(self._pool.map(lambda batch: self._send(client, batch), groups))
        fetched: dict[str, list[dict[str, Any]] | None] = {}
        for batch, answer in zip(groups, answers):
            for unit, results in zip(batch, answer):
                fetched[unit.text] = results
                if results is not None:
                    self.cache.put(unit.text, results)
        return fetched

    def _send(self, client, batch: list[Unit]) -> list[list[dict[str, Any]] | None]:
        """One batch, retried; a batch refused as too large is halved and sent again."""
        try:
            return split_matches(batch, self._post(client, SEPARATOR.join(u.text for u in batch)))
        except TooLong as exc:
            if len(batch) > 1:
                half = len(batch) // 2
                return self._send(client, batch[:half]) + self._send(client, batch[half:])
            self.warn_once(
                "too-long",
                f"{self.where} refused a paragraph of {utf16_len(batch[0].text)} characters as too "
                f"long ({exc}); set languagetool batch-size below the server's limit"
            )
            return [None]

    def _post(self, client, text: str) -> dict[str, Any]:
        attempt = 0
        while True:
            if self._failure is not None:
                raise Skipped(self._failure)
            try:
                return client.check_json(text)
            except ServerProblem as exc:
                if exc.status == 413:
                    raise TooLong(str(exc)) from None
                retried = exc.status is None or exc.status in _RETRIED or exc.status >= 500
                if not retried or attempt == self.settings["retries"]:
                    verb = "not reachable" if exc.status is None else "failed"
                    with self._lock:
                        self._failure = self._failure or f"{self.where} {verb} ({exc})"
                    raise Skipped(self._failure) from None
                wait = exc.retry_after if exc.retry_after is not None else BACKOFF * 2**attempt
                time.sleep(min(wait, MAX_WAIT))
                attempt += 1


_SESSIONS: dict[str, Session] = {}


def session_for(options: Mapping[str, Any]) -> Session:
    """The run's session for these settings (one server connection per process).

    ``options`` are validated once, when the session is made: a rule option set under
    ``rules:`` gets the same checks as the ``languagetool:`` section.
    """
    key = json.dumps(options, sort_keys=True, default=str)
    session = _SESSIONS.get(key)
    if session is None:
        session = _SESSIONS[key] = Session(validate_settings("rules.grammar/languagetool", dict(options)))
    return session
