"""Golden test on the real seed story, driven by its expected.yaml.

Every `must` artifact in a category copylint implements is found on its line with
a fitting category; at most one `should` artifact is missed; and no warning or
error lands on a line where no artifact is listed.
"""

from __future__ import annotations

from copylint.engine import Linter
from copylint.finding import Severity
from copylint.registry import build_registry


def seed_findings(seed_path):
    linter = Linter.from_config({})
    return linter.lint_text(seed_path.read_text(encoding="utf-8"), str(seed_path))


def lines_of(entry):
    return entry["line"] if isinstance(entry["line"], list) else [entry["line"]]


def found(entry, findings):
    return any(f.line in lines_of(entry) and f.category in entry["cat"] for f in findings)


def test_every_must_artifact_of_implemented_categories_is_found(seed_path, seed_expected):
    implemented = {r.category for r in build_registry().rules.values()}
    findings = seed_findings(seed_path)
    missed = [e["note"] for e in seed_expected
              if e["level"] == "must" and set(e["cat"]) & implemented and not found(e, findings)]
    assert not missed, missed


def test_should_artifacts_mostly_found(seed_path, seed_expected):
    implemented = {r.category for r in build_registry().rules.values()}
    findings = seed_findings(seed_path)
    should = [e for e in seed_expected if e["level"] == "should" and set(e["cat"]) & implemented]
    missed = [e["note"] for e in should if not found(e, findings)]
    assert len(missed) <= 1, missed


def test_no_warning_where_no_artifact_is(seed_path, seed_expected):
    listed = {line for e in seed_expected for line in lines_of(e)}
    stray = [f"{f.line}:{f.column} {f.rule} {f.message}" for f in seed_findings(seed_path)
             if f.severity >= Severity.WARNING and f.line not in listed]
    assert not stray, stray


def test_findings_fit_the_artifacts_on_their_line(seed_path, seed_expected):
    cats_by_line = {}
    for entry in seed_expected:
        for line in lines_of(entry):
            cats_by_line.setdefault(line, set()).update(entry["cat"])
    wrong = [f"{f.line}:{f.column} {f.rule}" for f in seed_findings(seed_path)
             if f.severity >= Severity.WARNING and f.category not in cats_by_line.get(f.line, set())]
    assert not wrong, wrong
