"""Documentation that is generated from the code stays in step with it."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_rules_doc_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_readme_quick_start_has_exactly_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in quick.splitlines() if line.strip()]
    assert commands == [
        "pip install . && copylint check examples/dirty-story.txt",
        "pip install -e '.[dev]' && python -m pytest -q",
    ]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[dev]'" in ci and "python -m pytest -q" in ci
