"""The seed story: one geography finding, on line 17 ("arrived in the United States")."""

from __future__ import annotations

from pathlib import Path

from copylint.config import config_from_mapping
from copylint.engine import Linter


def test_seed_has_one_geography_finding_on_line_17(seed_path, seed_expected):
    linter = Linter(config_from_mapping({"select": ["geography"]}, "<test>", Path.cwd()))
    findings = linter.lint_text(seed_path.read_text(encoding="utf-8"), str(seed_path))
    expected_lines = {e["line"] for e in seed_expected if "geography" in e["cat"]}
    assert expected_lines == {17}
    assert [(f.line, f.rule) for f in findings] == [(17, "geography/wrong-country")]
    assert "Kazakhstan" in findings[0].message
