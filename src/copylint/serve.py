"""``copylint serve``: a local page where an editor pastes or uploads a story and
sees the highlighted report, and ``POST /api/check`` for tools.

Starlette and uvicorn are an optional extra (``pip install 'copylint[serve]'``),
imported only here so ``copylint check`` stays light. The server binds to
127.0.0.1 by default, refuses bodies over ``MAX_BODY`` bytes (413), answers bad
JSON, non-UTF-8 text and bad configs with a one-line message (400), and, on a
loopback address, answers only requests addressed to a loopback host name (so a
web page elsewhere cannot reach it through DNS rebinding).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

MAX_BODY = 2 * 1024 * 1024
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_FORBIDDEN_CONFIG = ("packs",)  # a request must not make the server read files


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: 413 for a request body over ``limit`` bytes, whether it
    announces its length or streams it."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await self._refuse(scope, send)
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope, send):
        from starlette.responses import JSONResponse

        mb = self.limit / 1024 / 1024
        response = JSONResponse(
            {"error": f"request body is over the {mb:g} MB limit; check a shorter text"},
            status_code=413,
        )
        await response(scope, None, send)


class _BadRequest(Exception):
    """A one-line message for the user; answered with 400."""


def create_app(config, max_body: int = MAX_BODY, loopback_only: bool = True):
    """The Starlette application: GET/POST ``/`` (the page) and POST ``/api/check``."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse
    from starlette.routing import Route

    from .engine import Linter

    default_linter = Linter(config)

    def linter_for(overrides) -> Linter:
        if overrides is None:
            return default_linter
        from .config import ConfigError, config_from_mapping

        if not isinstance(overrides, dict):
            raise _BadRequest("'config' must be an object in the .copylint.yaml format")
        for key in _FORBIDDEN_CONFIG:
            if key in overrides:
                raise _BadRequest(f"'config.{key}' cannot be set over the API")
        try:
            return Linter(config_from_mapping(overrides, "config", Path.cwd()))
        except ConfigError as exc:
            raise _BadRequest(str(exc)) from None

    def lint(text: str, filename: str, linter: Linter):
        from .engine import RuleCrash
        from .formatters import Report

        try:
            findings = sorted(linter.lint_text(text, filename))
        except RuleCrash as exc:
            raise _BadRequest(str(exc)) from None
        return Report(findings, [filename], [], linter.registry.rules, sources={filename: text})

    async def api_check(request: Request):
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            return _error("send JSON with Content-Type: application/json", 415)
        body = await request.body()
        try:
            data = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            return _error("the request body is not valid UTF-8")
        except json.JSONDecodeError as exc:
            return _error(f"the request body is not valid JSON: {exc.msg} at line {exc.lineno}, "
                          f"column {exc.colno}")
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            return _error('expected a JSON object with a string field "text"')
        filename = data.get("filename") or "<text>"
        if not isinstance(filename, str):
            return _error('"filename" must be a string')
        try:
            report = lint(data["text"], filename, linter_for(data.get("config")))
        except _BadRequest as exc:
            return _error(str(exc))
        return JSONResponse({"filename": filename,
                             "findings": [f.to_dict() for f in report.findings]})

    async def index(request: Request):
        if request.method == "GET":
            return HTMLResponse(_page())
        from .source import InputError, decode

        try:
            form = await request.form(max_files=1, max_fields=4, max_part_size=max_body)
        except Exception as exc:  # malformed multipart: say so instead of a 500
            return HTMLResponse(_page(notice=f"The form could not be read: {exc}"), status_code=400)
        text = form.get("text") or ""
        upload = form.get("file")
        filename = (form.get("filename") or "").strip() or "pasted story"
        if upload is not None and getattr(upload, "filename", ""):
            data = await upload.read()
            filename = upload.filename
            try:
                text = decode(data, filename)
            except InputError as exc:
                return HTMLResponse(_page(notice=str(exc)), status_code=400)
        if not isinstance(text, str) or not text.strip():
            return HTMLResponse(_page(notice="Paste a story or choose a file to check."), status_code=400)
        try:
            report = lint(text, filename, default_linter)
        except _BadRequest as exc:
            return HTMLResponse(_page(notice=str(exc)), status_code=400)
        return HTMLResponse(_page(text=text if upload is None or not upload.filename else "",
                                  filename=filename, report=report))

    middleware = [Middleware(BodyLimit, limit=max_body)]
    if loopback_only:
        middleware.append(Middleware(TrustedHostMiddleware,
                                     allowed_hosts=["127.0.0.1", "localhost", "[::1]"]))
    return Starlette(
        routes=[Route("/", index, methods=["GET", "POST"]),
                Route("/api/check", api_check, methods=["POST"])],
        middleware=middleware,
    )


def _error(message: str, status: int = 400):
    from starlette.responses import JSONResponse

    return JSONResponse({"error": message}, status_code=status)


def _page(text: str = "", filename: str = "", report=None, notice: str = "") -> str:
    from html import escape

    from .formatters.html import page, report_body

    parts = [
        "<header class=\"top\"><h1>copylint</h1><p class=\"summary-line\">Paste a story or choose a "
        "file, then press <strong>Check</strong> to see its problems marked in the text.</p></header>",
        "<section class=\"wrap\" aria-label=\"Check a story\"><form class=\"paste\" method=\"post\" action=\"/\" enctype=\"multipart/form-data\">",
    ]
    if notice:
        parts.append(f"<p class=\"notice\" role=\"alert\">{escape(notice)}</p>")
    parts.append(
        "<label for=\"text\">Story text</label>"
        f"<textarea id=\"text\" name=\"text\" spellcheck=\"false\">{escape(text)}</textarea>"
        "<label for=\"filename\">Name (optional; ending .md or .html reads Markdown or HTML)</label>"
        f"<input type=\"text\" id=\"filename\" name=\"filename\" value=\"{escape(filename if text else '')}\" "
        "size=\"40\">"
        "<label for=\"file\">Or choose a file</label>"
        "<input type=\"file\" id=\"file\" name=\"file\" accept=\".txt,.md,.markdown,.html,.htm,.xml,text/*\">"
        f"<p class=\"hint\">UTF-8 text, up to {MAX_BODY // 1024 // 1024} MB. The text is checked by this server and not kept.</p>"
        "<button type=\"submit\">Check</button></form></section>"
    )
    if report is not None:
        parts.append(report_body(report, heading=f"Report for {report.files[0]}"))
    return page("copylint", "\n".join(parts))


def run(args, config) -> int:
    try:
        import uvicorn
        import starlette  # noqa: F401  (checked here for a clear message)
    except ImportError:
        print("copylint: error: `copylint serve` needs the serve extra: "
              "pip install 'copylint[serve]'", file=sys.stderr)
        return 2
    loopback = args.host in LOOPBACK
    if not loopback:
        print(f"copylint: warning: serving on {args.host}: anyone who can reach this address "
              "can use the checker", file=sys.stderr)
    app = create_app(config, loopback_only=loopback)
    print(f"copylint: serving on http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
