"""The seed story (Spanish to English MT): one calque, on line 15, and none elsewhere."""

from __future__ import annotations

from pathlib import Path

from copylint.config import config_from_mapping
from copylint.engine import Linter


def _calque_findings(text: str, path: str, **settings):
    config = config_from_mapping({"select": ["calque"], **settings}, "<test>", Path.cwd())
    return [f for f in Linter(config).lint_text(text, path) if f.rule.startswith("calque/")]


def test_seed_has_its_calque_on_line_15_only(seed_path, seed_expected):
    text = seed_path.read_text(encoding="utf-8")
    findings = _calque_findings(text, str(seed_path))
    expected_lines = {
        line
        for entry in seed_expected
        if "calque" in entry["cat"]
        for line in (entry["line"] if isinstance(entry["line"], list) else [entry["line"]])
    }
    assert expected_lines == {15}
    assert {f.line for f in findings} == expected_lines, [
        f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings
    ]
    (finding,) = findings
    assert text.splitlines()[14][finding.column - 1:finding.end_column - 1] == "always according to"
    assert finding.suggestion == "according to"


def test_seed_calque_is_gated_by_source_language(seed_path):
    """"Always according to" is Spanish "siempre según" (and its Romance twins
    "toujours selon", "sempre secondo"), not German: found for es, not for de."""
    text = seed_path.read_text(encoding="utf-8")
    (finding,) = _calque_findings(text, str(seed_path), **{"source-languages": ["es"]})
    assert finding.rule == "calque/always-according-to"
    assert not _calque_findings(text, str(seed_path), **{"source-languages": ["de"]})
