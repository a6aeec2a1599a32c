"""Baselines: record today's findings, report only new ones, robust to line shifts."""

from __future__ import annotations

import json

from test_cli import project  # noqa: F401  (fixture)


def test_baseline_survives_edits_above_and_reports_new_findings(cli, project):  # noqa: F811
    story = project / "dirty.txt"
    assert cli("check", "dirty.txt", "--write-baseline", "base.json", cwd=project).returncode == 0
    data = json.loads((project / "base.json").read_text())
    assert data["version"] == 1 and data["findings"][0]["rule"] == "boilerplate/test-marker"
    assert cli("check", "dirty.txt", "--baseline", "base.json", cwd=project).returncode == 0

    story.write_text("A headline here\n\nA new first paragraph.\n\nPlease click here now to read.\n")
    result = cli("check", "dirty.txt", "--baseline", "base.json", cwd=project)
    assert result.returncode == 0, result.stdout

    story.write_text(story.read_text() + "\nAnd click here now again, later.\n")
    result = cli("check", "dirty.txt", "--baseline", "base.json", "--format", "json", cwd=project)
    assert result.returncode == 1
    assert [f["line"] for f in json.loads(result.stdout)] == [7]


def test_bad_baseline_file(cli, project):  # noqa: F811
    (project / "base.json").write_text("{not json")
    result = cli("check", "dirty.txt", "--baseline", "base.json", cwd=project)
    assert result.returncode == 2 and "not a copylint baseline" in result.stderr.decode()
    result = cli("check", "dirty.txt", "--baseline", "nope.json", cwd=project)
    assert result.returncode == 2 and "baseline file not found" in result.stderr.decode()
