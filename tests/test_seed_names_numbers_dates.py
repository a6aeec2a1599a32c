"""The seed story: names, numbers and dates findings exactly where the annotations put them."""

from __future__ import annotations

from pathlib import Path

from copylint.config import config_from_mapping
from copylint.engine import Linter


def _findings(seed_path):
    linter = Linter(config_from_mapping({"select": ["names", "numbers", "dates"]}, "<seed>",
                                        Path.cwd()))
    return linter.lint_text(seed_path.read_text(encoding="utf-8"), str(seed_path))


def test_findings_only_on_annotated_lines(seed_path, seed_expected):
    findings = _findings(seed_path)
    allowed = {
        (line, cat)
        for item in seed_expected
        for line in (item["line"] if isinstance(item["line"], list) else [item["line"]])
        for cat in item["cat"]
        if cat in ("names", "numbers", "dates")
    }
    stray = [f for f in findings if (f.line, f.rule.split("/")[0]) not in allowed]
    assert not stray, "\n".join(f"{f.line}:{f.column} {f.rule} {f.message}" for f in stray)


def test_each_annotated_artifact_is_found(seed_path):
    by_category = {}
    for finding in _findings(seed_path):
        by_category.setdefault(finding.rule.split("/")[0], []).append(finding)
    assert [(f.line, f.rule) for f in by_category["names"]] == [(16, "names/glossary")]
    assert by_category["names"][0].suggestion == "Kassym-Jomart Tokayev"
    assert [(f.line, f.rule) for f in by_category["numbers"]] == [
        (18, "numbers/inconsistent-format")
    ]
    assert by_category["numbers"][0].suggestion == "3,000"
    assert [f.line for f in by_category["dates"]] in ([1], [13])
