"""Talking to LanguageTool through language-tool-python, with the limits a linter needs.

language-tool-python builds the requests (``/v2/languages``, ``/v2/check`` with
language, enabled/disabled rules and categories, picky level) and manages a local
install (Java, a server on a local port, shut down at exit). Three of its methods are
narrowed here, because a pre-commit hook must never hang and must see HTTP statuses:

- ``_query_server``: one attempt with our timeout that keeps the status code (the
  library retries blindly, waits up to 300 s and reads any body as JSON); retries with
  backoff are the session's job, so 429/5xx can be told from 413 and from no server.
- ``_start_server_on_free_port``: one start on a port the OS says is free (the library
  walks some 900 ports, up to 15 s each, when a broken install keeps failing).
- ``_wait_for_server_ready``: waits ``startup-timeout`` seconds, not a fixed 15.

Nothing here is imported until a check needs the server.
"""

from __future__ import annotations

import socket
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from .settings import PUBLIC, PUBLIC_URL, request_rules

INSTALL_HINT = (
    "python -c \"import language_tool_python as l; l.LanguageTool('en-US').close()\""
)


class Unavailable(Exception):
    """LanguageTool cannot be used this run; the message says why, in a few words."""


class ServerProblem(Exception):
    """A request failed: ``status`` is the HTTP status, or None when nothing answered."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def _base_url(url: str) -> str | None:
    """The server root the library appends ``v2/`` to: ``http://host:8010/v2`` works too."""
    if not url:
        return None
    url = PUBLIC_URL if url == PUBLIC else url.rstrip("/")
    return url.removesuffix("/v2").rstrip("/") + "/"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


@lru_cache(maxsize=1)
def _client_class():
    """Define the client only when LanguageTool is really used (the import costs ~0.1 s)."""
    import urllib.parse

    import language_tool_python
    import requests

    class Client(language_tool_python.LanguageTool):
        def __init__(self, settings: Mapping[str, Any]):
            self._request_timeout = settings["timeout"]
            self._startup_timeout = settings["startup-timeout"]
            self._http = requests.Session()
            self._http.headers["User-Agent"] = "copylint"
            super().__init__(settings["language"], remote_server=_base_url(settings["url"]))
            rules = request_rules(settings)
            self.enabled_rules = set(rules["enabled-rules"])
            self.disabled_rules = set(rules["disabled-rules"])
            self.enabled_categories = set(rules["enabled-categories"])
            self.disabled_categories = set(rules["disabled-categories"])
            self.picky = settings["picky"]

        def check_json(self, text: str) -> dict[str, Any]:
            """POST /v2/check; LanguageTool's JSON answer, offsets still in UTF-16 units."""
            url = urllib.parse.urljoin(self._url, "check")
            return self._query_server(url, self._create_params(text), method="post")

        def _query_server(self, url, params=None, num_tries=1, method="get"):
            try:
                if method == "post":
                    response = self._http.post(url, data=params, timeout=self._request_timeout)
                else:
                    response = self._http.get(url, params=params, timeout=self._request_timeout)
            except requests.Timeout:
                raise ServerProblem(f"no answer within {self._request_timeout:g} s") from None
            except requests.RequestException as exc:
                raise ServerProblem(_short_reason(exc)) from None
            with response:
                if response.status_code != 200:
                    body = " ".join(response.text.split())[:200]
                    raise ServerProblem(
                        f"HTTP {response.status_code}: {body}" if body else f"HTTP {response.status_code}",
                        status=response.status_code,
                        retry_after=_retry_after(response.headers.get("Retry-After")),
                    )
                try:
                    return response.json()
                except ValueError:
                    raise ServerProblem("answer is not LanguageTool JSON", status=response.status_code) from None

        def _start_server_on_free_port(self) -> None:
            self._port = _free_port()
            self._url = f"http://{self._host}:{self._port}/v2/"
            try:
                self._start_local_server()
            except BaseException:
                self._terminate_server()
                raise

        def _wait_for_server_ready(self, timeout: int | None = None) -> None:
            super()._wait_for_server_ready(timeout=self._startup_timeout)

        def close(self) -> None:
            super().close()
            self._http.close()

    return Client


def _short_reason(exc: Exception) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "timed out", "Connection reset"):
        if marker in text:
            return marker.lower()
    return type(exc).__name__


def check_local_install(version: str | None = None) -> None:
    """Raise :class:`Unavailable` unless Java and a LanguageTool install are present.

    copylint never starts a 250 MB download in the middle of a lint run: the install is
    made once, by language-tool-python, with the command in ``INSTALL_HINT``.
    """
    import os
    import shutil

    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool
    from language_tool_python.utils import LTP_JAR_DIR_PATH_ENV_VAR

    if not shutil.which("java"):
        raise Unavailable("Java is not installed (LanguageTool needs Java 17 or later)")
    if os.environ.get(LTP_JAR_DIR_PATH_ENV_VAR):
        return
    wanted = LocalLanguageTool.from_version_name(version or LTP_DOWNLOAD_VERSION)
    if wanted not in LocalLanguageTool.get_installed_versions():
        raise Unavailable(
            f"LanguageTool {wanted.version_name} is not installed; install it once with: {INSTALL_HINT}"
        )


def connect(settings: Mapping[str, Any]):
    """A ready client, or :class:`Unavailable` with the reason.

    A local server is started in a worker thread and given ``startup-timeout``
    seconds in all, so even a Java that hangs cannot hang the lint run.
    """
    try:
        client_class = _client_class()
    except ImportError:
        raise Unavailable("language-tool-python is not installed (pip install 'copylint[grammar]')") from None
    if not settings["local"]:
        return _construct(client_class, settings)
    check_local_install()
    import threading

    outcome: dict[str, Any] = {}

    def start() -> None:
        try:
            outcome["client"] = _construct(client_class, settings)
        except BaseException as exc:  # handed to the waiting thread
            outcome["error"] = exc

    worker = threading.Thread(target=start, name="copylint-languagetool-start", daemon=True)
    worker.start()
    worker.join(settings["startup-timeout"] + 5)
    if worker.is_alive():
        raise Unavailable(f"local server did not start within {settings['startup-timeout']:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["client"]


def _construct(client_class, settings: Mapping[str, Any]):
    from language_tool_python.exceptions import LanguageToolError

    try:
        return client_class(settings)
    except ServerProblem as exc:
        raise Unavailable(str(exc)) from None
    except ValueError as exc:  # LanguageTag: the server does not know the language
        raise Unavailable(f"language {settings['language']!r} not offered ({exc})") from None
    except (LanguageToolError, OSError, SystemError, SystemExit, ModuleNotFoundError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise Unavailable(f"local server failed: {reason}") from None
