"""The pre-commit hook, exercised with `pre-commit try-repo` in a throwaway content repo.

pre-commit builds copylint from this checkout into its own environment (pip from
the package registry), so this is the slowest test: one shared hook home.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEED, SEED_MISSING

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN = (ROOT / "examples" / "clean-story.txt").read_text(encoding="utf-8")
DIRTY = (ROOT / "examples" / "dirty-story.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    return dict(
        os.environ,
        PRE_COMMIT_HOME=str(home),
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid",
        NO_COLOR="1",
    )


def content_repo(tmp_path, env, files):
    repo = tmp_path / "content"
    repo.mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", *files], cwd=repo, check=True, env=env)
    return repo


def try_repo(repo, env):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "copylint"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )


def test_hook_blocks_dirty_story_and_passes_clean_one(tmp_path, hook_env):
    dirty = try_repo(content_repo(tmp_path / "a", hook_env, {"story.txt": DIRTY}), hook_env)
    assert dirty.returncode == 1, dirty.stdout + dirty.stderr
    assert "copylint" in dirty.stdout and "Failed" in dirty.stdout
    assert "story.txt:" in dirty.stdout

    clean = try_repo(content_repo(tmp_path / "b", hook_env,
                                  {"story.md": CLEAN, "notes.py": "x = 1  # not prose\n"}), hook_env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


def test_hook_blocks_the_seed_story(tmp_path, hook_env):
    if not SEED.is_file():
        pytest.skip(SEED_MISSING)
    repo = content_repo(tmp_path, hook_env, {"kazakhstan.txt": SEED.read_text(encoding="utf-8")})
    result = try_repo(repo, hook_env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "kazakhstan.txt:9:" in result.stdout  # the doubled headline, among others
