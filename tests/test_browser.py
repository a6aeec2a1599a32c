"""Render the HTML report and the serve page in headless Chromium and take
screenshots (kept under pytest's tmp_path for a person to look at).

Skipped, with the reason, where Debian's ``chromium`` is not on PATH; CI installs it.
"""

from __future__ import annotations

import shutil
import struct
import subprocess

import pytest

from conftest import run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no `chromium` on PATH (Debian: apt-get install chromium); .ci/run installs it",
)
WIDTH, HEIGHT = 1200, 900


def screenshot(url: str, tmp_path, name: str):
    """A PNG of ``url``; returns its path and (width, height)."""
    target = tmp_path / f"{name}.png"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={target}",
         f"--window-size={WIDTH},{HEIGHT}", url],
        capture_output=True, timeout=180,
    )
    assert target.is_file(), result.stderr.decode(errors="replace")[-2000:]
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return target, (width, height), data


def _distinct_bytes(data: bytes) -> int:
    return len(set(data[len(data) // 4:]))


def test_report_renders(tmp_path):
    report = tmp_path / "report.html"
    result = run_cli("check", "--isolated", "--format", "html", "-o", str(report),
                     "examples/dirty-story.txt", "examples/clean-story.txt")
    assert result.returncode == 1, result.stderr
    png, size, data = screenshot(report.as_uri(), tmp_path, "report")
    assert size == (WIDTH, HEIGHT)
    # A blank or error page compresses to a few kilobytes of near-identical bytes.
    assert len(data) > 20_000 and _distinct_bytes(data) > 200


def test_serve_page_renders(tmp_path):
    pytest.importorskip("uvicorn", reason="the serve extra is not installed")
    from test_serve import serve_in_thread

    from copylint.config import Config
    from copylint.serve import create_app

    url, server, thread = serve_in_thread(create_app(Config()))
    try:
        png, size, data = screenshot(f"{url}/", tmp_path, "serve")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert size == (WIDTH, HEIGHT) and len(data) > 10_000


def test_report_on_the_seed_renders(tmp_path, seed_path):
    report = tmp_path / "seed.html"
    run_cli("check", "--isolated", "--format", "html", "-o", str(report), str(seed_path))
    assert report.stat().st_size > 10_000
    _, size, data = screenshot(report.as_uri(), tmp_path, "seed")
    assert size == (WIDTH, HEIGHT) and len(data) > 20_000

