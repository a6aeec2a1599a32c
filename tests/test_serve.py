"""`copylint serve` over real HTTP on 127.0.0.1: the page, the JSON API, limits and
bad input."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

import pytest

pytest.importorskip("starlette", reason="the serve extra is not installed: pip install 'copylint[serve]'")
uvicorn = pytest.importorskip("uvicorn", reason="the serve extra is not installed")

from conftest import ROOT  # noqa: E402
from copylint.config import Config  # noqa: E402
from copylint.serve import create_app  # noqa: E402

STORY = ("Floods kill 15 in Brazil\n\nPORTO ALEGRE, Brazil (AP) - Losses reached 1,5 billion "
         "reais, officials said.\n\nShare this article\n")
LIMIT = 64 * 1024


def serve_in_thread(app):
    """Run ``app`` with uvicorn on a free 127.0.0.1 port; yields the base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "server did not start"
    return f"http://127.0.0.1:{port}", server, thread


@pytest.fixture(scope="module")
def base_url():
    url, server, thread = serve_in_thread(create_app(Config(), max_body=LIMIT))
    yield url
    server.should_exit = True
    thread.join(timeout=10)


def request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def post_json(base_url, payload, raw: bytes | None = None, content_type="application/json"):
    body = raw if raw is not None else json.dumps(payload).encode("utf-8")
    return request(f"{base_url}/api/check", body, {"Content-Type": content_type})


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for name, (filename, data) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_api_returns_the_findings_json(base_url):
    status, headers, body = post_json(base_url, {"text": STORY, "filename": "brazil.txt"})
    assert status == 200 and headers["content-type"].startswith("application/json")
    data = json.loads(body)
    assert data["filename"] == "brazil.txt"
    rules = {f["rule"]: f for f in data["findings"]}
    assert rules["numbers/decimal-comma"]["line"] == 3 and rules["numbers/decimal-comma"]["suggestion"] == "1.5"
    assert rules["boilerplate/share-prompt"]["line"] == 5
    assert set(rules["boilerplate/share-prompt"]) == {
        "path", "line", "column", "end_line", "end_column", "rule", "severity", "message",
        "suggestion", "context"}


def test_api_config_selects_rules_and_bad_config_is_400(base_url):
    status, _, body = post_json(base_url, {"text": STORY, "config": {"select": ["numbers"]}})
    assert status == 200
    assert {f["rule"] for f in json.loads(body)["findings"]} == {"numbers/decimal-comma"}
    status, _, body = post_json(base_url, {"text": STORY, "config": {"select": ["nonsense/rule"]}})
    assert status == 400 and "no rule or category named 'nonsense/rule'" in json.loads(body)["error"]
    status, _, body = post_json(base_url, {"text": STORY, "config": {"packs": ["/etc"]}})
    assert status == 400 and "cannot be set over the API" in json.loads(body)["error"]


@pytest.mark.parametrize("raw, content_type, status, message", [
    (b"{not json", "application/json", 400, "not valid JSON"),
    (b'{"text": "caf\xe9"}', "application/json", 400, "not valid UTF-8"),
    (b'["text"]', "application/json", 400, 'string field "text"'),
    (b'{"text": 5}', "application/json", 400, 'string field "text"'),
    (b'{"text": "x"}', "text/plain", 415, "Content-Type: application/json"),
])
def test_api_bad_input_gets_a_clear_message(base_url, raw, content_type, status, message):
    got, _, body = post_json(base_url, None, raw=raw, content_type=content_type)
    assert got == status
    assert message in json.loads(body)["error"]


def test_request_size_is_limited(base_url):
    big = json.dumps({"text": "word " * (LIMIT // 4)}).encode()
    status, _, body = post_json(base_url, None, raw=big)
    assert status == 413 and "limit" in json.loads(body)["error"]


def test_streamed_body_over_the_limit_is_refused(base_url):
    """Without a Content-Length (chunked upload) the limit still holds."""
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        chunk = b"x" * 16384
        try:
            for _ in range(LIMIT // len(chunk) + 2):
                conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            conn.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server may close as soon as it has answered
        reply = conn.recv(4096)
    assert reply.startswith(b"HTTP/1.1 413")


def test_page_shows_the_form(base_url):
    status, headers, body = request(f"{base_url}/")
    page = body.decode("utf-8")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert '<label for="text">' in page and '<textarea id="text" name="text"' in page
    assert '<input type="file" id="file" name="file"' in page


def test_page_pasted_story_gets_the_highlighted_report(base_url):
    body, headers = multipart({"text": STORY}, {})
    status, _, page = request(f"{base_url}/", body, headers)
    page = page.decode("utf-8")
    assert status == 200
    assert '<mark class="hl warning anchor"' in page and "1,5" in page and 'id="filters"' in page
    assert "Report for pasted story" in page


def test_page_uploaded_file_and_bad_uploads(base_url):
    body, headers = multipart({"text": ""}, {"file": ("brazil.md", STORY.encode("utf-8"))})
    status, _, page = request(f"{base_url}/", body, headers)
    assert status == 200 and b"Report for brazil.md" in page and b"boilerplate/share-prompt" in page
    body, headers = multipart({"text": ""}, {"file": ("latin1.txt", "caf\xe9 con leche".encode("latin-1"))})
    status, _, page = request(f"{base_url}/", body, headers)
    assert status == 400 and b"not valid UTF-8" in page and b'role="alert"' in page
    body, headers = multipart({"text": "   "}, {})
    status, _, page = request(f"{base_url}/", body, headers)
    assert status == 400 and b"Paste a story or choose a file" in page


def test_foreign_host_header_is_refused(base_url):
    status, _, _ = request(f"{base_url}/", headers={"Host": "attacker.example"})
    assert status == 400


def test_cli_serve_binds_loopback_and_stops(tmp_path):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    proc = subprocess.Popen([sys.executable, "-m", "copylint", "serve", "--isolated", "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        status = None
        while time.monotonic() < deadline:
            try:
                status, _, _ = request(f"http://127.0.0.1:{port}/")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert status == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert f"serving on http://127.0.0.1:{port}/".encode() in err


def test_check_does_not_import_the_web_stack():
    code = ("import sys; from copylint.cli import main; "
            "main(['check', '--isolated', '--format', 'html', 'examples/clean-story.txt', '-o', '/dev/null']); "
            "print('starlette' in sys.modules, 'uvicorn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().endswith("False False"), out.stderr
