"""The boilerplate, duplicate and typography rules on the seed story, on clean wire copy
of our own, and on the bundled examples."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from copylint.config import config_from_mapping
from copylint.engine import Linter
from copylint.finding import Severity

ROOT = Path(__file__).resolve().parents[1]
CLEAN_STORIES = sorted((Path(__file__).parent / "data_first_rules").glob("clean-*.txt"))
CATEGORIES = ("boilerplate", "duplicate", "typography")


@pytest.fixture(scope="module")
def linter():
    return Linter(config_from_mapping({"select": list(CATEGORIES)}, "<test>", ROOT))


def _by_line(findings):
    lines = defaultdict(set)
    for finding in findings:
        lines[finding.line].add(finding.rule)
    return lines


def test_seed_findings_are_on_exactly_the_annotated_lines(linter, seed_path):
    findings = linter.lint_text(seed_path.read_text(encoding="utf-8"), str(seed_path))
    lines = _by_line(findings)
    assert sorted(lines) == [3, 5, 9, 11, 25], findings
    categories = {line: {rule.split("/")[0] for rule in rules} for line, rules in lines.items()}
    assert categories[3] == {"boilerplate"}
    assert categories[5] == {"boilerplate"}
    assert categories[9] == {"duplicate"}
    assert "boilerplate/credit" in lines[11] and "duplicate/paragraph" in lines[11]
    assert categories[25] == {"boilerplate", "typography"}


def test_seed_page_date_and_dateline_are_left_alone(linter, seed_path):
    findings = linter.lint_text(seed_path.read_text(encoding="utf-8"), str(seed_path))
    assert not [f for f in findings if f.line in (1, 7, 13) and f.severity >= Severity.WARNING]


def test_seed_annotations_in_our_categories_are_all_found(linter, seed_path, seed_expected):
    findings = linter.lint_text(seed_path.read_text(encoding="utf-8"), str(seed_path))
    found = {(f.line, f.category) for f in findings}
    for entry in seed_expected:
        lines = entry["line"] if isinstance(entry["line"], list) else [entry["line"]]
        for category in set(entry["cat"]) & set(CATEGORIES):
            assert any((line, category) in found for line in lines), entry


@pytest.mark.parametrize("path", CLEAN_STORIES, ids=[p.name for p in CLEAN_STORIES])
def test_clean_wire_copy_gets_no_finding(linter, path):
    assert linter.lint_text(path.read_text(encoding="utf-8"), str(path)) == []


def test_there_are_enough_clean_stories():
    assert len(CLEAN_STORIES) >= 5


def test_bundled_dirty_example_shows_each_kind_of_artifact(linter):
    path = ROOT / "examples" / "dirty-story.txt"
    lines = _by_line(linter.lint_text(path.read_text(encoding="utf-8"), str(path)))
    rules = set().union(*lines.values())
    assert {
        "boilerplate/site-chrome", "duplicate/headline", "boilerplate/credit",
        "boilerplate/related-link", "typography/space-run",
    } <= rules
    assert "duplicate/headline" in lines[9]  # the README's sample output


def test_bundled_clean_example_is_clean(linter):
    path = ROOT / "examples" / "clean-story.txt"
    assert linter.lint_text(path.read_text(encoding="utf-8"), str(path)) == []
