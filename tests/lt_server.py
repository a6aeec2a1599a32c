"""A small stand-in for a LanguageTool server, speaking its real HTTP API, for the tests.

It listens on 127.0.0.1 (a random port), answers ``GET /v2/languages``,
``GET /v2/healthcheck`` and ``POST /v2/check`` (form fields ``text``, ``language``,
``enabledRules``, ``disabledRules``, ``enabledCategories``, ``disabledCategories``,
``level``) with the JSON LanguageTool writes: ``software``, ``warnings``, ``language``,
``matches`` (message, shortMessage, replacements [{value}], offset, length, context
{text, offset, length}, sentence, type {typeName}, rule {id, description, issueType,
category {id, name}}, ignoreForIncompleteSentence, contextForSureMatch) and
``sentenceRanges``. Offsets and the text-length limit count UTF-16 code units, as Java
does. Errors are plain text, as the real server sends them ("Error: ...").

Its "grammar" is a handful of regex rules named and typed like LanguageTool's own, so
that what the client does with each kind of match can be checked. It can be made slow,
made to fail the next requests with a status (500, 503, 429, 413...), or stopped.

Run it alone with ``python tests/lt_server.py --port 8081`` (the tests' stand-in Java
does, to play a local install).
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "Spanish", "code": "es", "longCode": "es"},
]
MISSPELLINGS = {
    "recieved": ["received"],
    "goverment": ["government"],
    "agreemnet": ["agreement", "agreements"],
    "Tokayevv": ["Tokayev"],
    "Almatyy": ["Almaty"],
    "colour": ["color"],  # en-US only
}


def _rule(rule_id, description, issue, category_id, category_name, pattern, message, replace, flags=0):
    return {
        "id": rule_id, "description": description, "issueType": issue,
        "category": {"id": category_id, "name": category_name},
        "pattern": re.compile(pattern, flags), "message": message, "replace": replace,
    }


RULES = [
    _rule("EN_A_VS_AN", "Use of 'a' vs. 'an'", "misspelling", "MISC", "Miscellaneous",
          r"\b([Aa]) (?=[aeiouAEIOU]\w)", "Use \u201can\u201d instead of \u201ca\u201d if the following "
          "word starts with a vowel sound, e.g. \u2018an article\u2019, \u2018an hour\u2019.",
          lambda m: [m.group(1) + "n"]),
    _rule("PLURAL_VERB_AFTER_THIS", "Subject-verb agreement", "grammar", "GRAMMAR", "Grammar",
          r"\b(?:ministers|officials|they|leaders) (has)\b",
          "The verb \u2018has\u2019 does not agree with the plural subject. Did you mean \u2018have\u2019?",
          lambda m: ["have"]),
    _rule("ENGLISH_WORD_REPEAT_RULE", "Word repetition (e.g. 'will will')", "duplication", "MISC",
          "Miscellaneous", r"\b(\w+) \1\b", "Possible typo: you repeated a word.",
          lambda m: [m.group(1)]),
    _rule("WHITESPACE_RULE", "Whitespace repetition (bad formatting)", "whitespace", "TYPOGRAPHY",
          "Typography", r"(?<=\S)  +(?=\S)", "Possible typo: you repeated a whitespace",
          lambda m: [" "]),
    _rule("EN_PLAIN_ENGLISH_REPLACE", "Wordy phrases", "style", "PLAIN_ENGLISH", "Plain English",
          r"\bin order to\b", "\u2018In order to\u2019 may be wordy; consider \u2018to\u2019.",
          lambda m: ["to"]),
]


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status: int, body: str, content_type: str, headers=None):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = urlparse(self.path).path
        if path == "/v2/languages":
            self._send(200, json.dumps(LANGUAGES), "application/json")
        elif path == "/v2/healthcheck":
            self._send(200, "OK", "text/plain")
        else:
            self._send(404, "Error: Not found", "text/plain")

    def do_POST(self):
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        fields = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True).items()}
        if urlparse(self.path).path != "/v2/check":
            self._send(404, "Error: Not found", "text/plain")
            return
        fake._record(fields)
        if fake.delay:
            time.sleep(fake.delay)
        failure = fake._next_failure()
        if failure:
            status, retry_after = failure
            headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
            self._send(status, f"Error: {fake.FAILURE_TEXT.get(status, 'Internal Error: test failure')}",
                       "text/plain", headers)
            return
        text = fields.get("text", "")
        language = fields.get("language", "")
        if language not in {entry["longCode"] for entry in LANGUAGES}:
            self._send(400, f"Error: '{language}' is not a language code known to LanguageTool.", "text/plain")
            return
        if _utf16(text) > fake.max_text_length:
            self._send(413, f"Error: Your text exceeds the limit of {fake.max_text_length} characters "
                            f"(it's {_utf16(text)} characters). Please submit a shorter text.", "text/plain")
            return
        self._send(200, json.dumps(fake.check(text, fields)), "application/json")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: "FakeLanguageTool"


class FakeLanguageTool:
    """``with FakeLanguageTool() as lt: ... lt.url ...``; see the module docstring."""

    FAILURE_TEXT = {
        413: "Your text exceeds the limit of 20 characters. Please submit a shorter text.",
        429: "Access denied: too many requests. Please try again later.",
        500: "Internal Error: java.lang.RuntimeException: test failure",
        503: "There are currently too many parallel requests. Please try again later.",
    }

    def __init__(self, port: int = 0, max_text_length: int = 20000, delay: float = 0.0):
        self.max_text_length = max_text_length
        self.delay = delay
        self.requests: list[dict[str, str]] = []
        self._failures: list[tuple[int, float | None]] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self.max_in_flight_seen = 0
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.fake = self
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> "FakeLanguageTool":
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def fail_next(self, status: int, count: int = 1, retry_after: float | None = None) -> None:
        with self._lock:
            self._failures.extend([(status, retry_after)] * count)

    @property
    def texts(self) -> list[str]:
        return [r.get("text", "") for r in self.requests]

    def _record(self, fields):
        with self._lock:
            self.requests.append(fields)
            self._in_flight += 1
            self.max_in_flight_seen = max(self.max_in_flight_seen, self._in_flight)
        # released after the answer is computed: see check()

    def _next_failure(self):
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
            if failure:
                self._in_flight -= 1
            return failure

    def check(self, text: str, fields: dict[str, str]) -> dict:
        try:
            return self._check(text, fields)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _check(self, text: str, fields: dict[str, str]) -> dict:
        split = lambda name: {v for v in fields.get(name, "").split(",") if v}  # noqa: E731
        disabled, disabled_categories = split("disabledRules"), split("disabledCategories")
        enabled_only = fields.get("enabledOnly") == "true"
        enabled = split("enabledRules")
        language = fields["language"]
        spelling_id = "MORFOLOGIK_RULE_" + ("EN_GB" if language == "en-GB" else "EN_US")
        found = []
        for rule in RULES:
            active = rule["id"] in enabled if enabled_only else rule["id"] not in disabled
            if not active or rule["category"]["id"] in disabled_categories:
                continue
            for m in rule["pattern"].finditer(text):
                start, end = m.span(1) if m.re.groups and rule["id"] != "ENGLISH_WORD_REPEAT_RULE" else m.span()
                found.append((start, end, rule, rule["replace"](m)))
        spelling = {
            "id": spelling_id, "description": "Possible spelling mistake", "issueType": "misspelling",
            "category": {"id": "TYPOS", "name": "Possible Typo"}, "message": "Possible spelling mistake found.",
        }
        if spelling_id not in disabled and "TYPOS" not in disabled_categories and not enabled_only:
            for m in re.finditer(r"\w+", text):
                word = m.group()
                if word in MISSPELLINGS and not (word == "colour" and language == "en-GB"):
                    found.append((m.start(), m.end(), spelling, MISSPELLINGS[word]))
        found.sort(key=lambda item: item[0])
        return {
            "software": {"name": "LanguageTool", "version": "6.8-fake", "buildDate": "2025-01-01 00:00:00 +0000",
                         "apiVersion": 1, "premium": False, "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {"name": language, "code": language,
                         "detectedLanguage": {"name": language, "code": language, "confidence": 0.99,
                                              "source": "ngram"}},
            "matches": [self._match(text, *item) for item in found],
            "sentenceRanges": [[_utf16(text[:s.start()]), _utf16(text[:s.end()])]
                               for s in re.finditer(r"[^.!?\n]+[.!?]*", text)],
        }

    @staticmethod
    def _match(text: str, start: int, end: int, rule: dict, replacements: list[str]) -> dict:
        left = max(0, start - 40)
        context = text[left:end + 40].replace("\n", " ")
        sentence = next((s.group().strip() for s in re.finditer(r"[^.!?\n]+[.!?]*", text)
                         if s.start() <= start < s.end()), "")
        public_rule = {k: rule[k] for k in ("id", "description", "issueType", "category")}
        return {
            "message": rule["message"],
            "shortMessage": "Spelling mistake" if rule["issueType"] == "misspelling" else "",
            "replacements": [{"value": r} for r in replacements],
            "offset": _utf16(text[:start]),
            "length": _utf16(text[start:end]),
            "context": {"text": context, "offset": _utf16(text[left:start]), "length": _utf16(text[start:end])},
            "sentence": sentence,
            "type": {"typeName": "UnknownWord" if rule["issueType"] == "misspelling" else "Other"},
            "rule": public_rule,
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8081)
    args = parser.parse_args()
    server = FakeLanguageTool(port=args.port)
    try:
        server._server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
