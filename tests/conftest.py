"""Shared fixtures: paths, the seed story (skipped with a reason where absent), a CLI runner."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The per-user cache of parsed packs and data (copylint.diskcache) goes to a
# throwaway folder for the test session, inherited by CLI subprocesses.
os.environ["COPYLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="copylint-test-cache-")
atexit.register(shutil.rmtree, os.environ["COPYLINT_CACHE_DIR"], True)
SHARED_FIXTURES = ROOT.parent / "shared" / "fixtures"
SEED = SHARED_FIXTURES / "seed-efe-kazakhstan.txt"
SEED_EXPECTED = SHARED_FIXTURES / "seed-efe-kazakhstan.expected.yaml"
SEED_MISSING = (
    "../shared/fixtures/seed-efe-kazakhstan.txt is not here: it exists beside the "
    "repository in CI only, not in a user's clone"
)


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(SEED_MISSING)
    return SEED


@pytest.fixture
def seed_expected():
    if not SEED_EXPECTED.is_file():
        pytest.skip(SEED_MISSING)
    import yaml

    return yaml.safe_load(SEED_EXPECTED.read_text(encoding="utf-8"))


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m copylint`` as a user would, in a subprocess."""
    full_env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "copylint", *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def cli():
    return run_cli
