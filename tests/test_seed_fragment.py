"""The seed story: fragment findings where its fragments are, and silence elsewhere.

The seed's annotations (seed-efe-kazakhstan.expected.yaml) put fragments on
lines 13, 17 and 18 (must) and 20 (should). No fragment, grammar or
untranslated finding may appear on any other line.
"""

from __future__ import annotations

from pathlib import Path

from copylint.config import config_from_mapping
from copylint.engine import Linter

SELECT = ["fragment", "grammar", "untranslated"]


def _findings(seed_path):
    linter = Linter(config_from_mapping({"select": SELECT}, "<test>", Path.cwd()))
    return linter.lint_text(seed_path.read_text(encoding="utf-8"), str(seed_path))


def _fragment_lines(seed_expected, level):
    lines = set()
    for entry in seed_expected:
        if "fragment" in entry["cat"] and entry["level"] == level:
            lines.update(entry["line"] if isinstance(entry["line"], list) else [entry["line"]])
    return lines


def test_seed_fragments_found_on_their_lines(seed_path, seed_expected):
    found = {f.line for f in _findings(seed_path) if f.rule.startswith("fragment/")}
    must = _fragment_lines(seed_expected, "must")
    assert must == {13, 17, 18}
    assert must <= found
    assert _fragment_lines(seed_expected, "should") <= found  # line 20


def test_seed_silent_elsewhere(seed_path, seed_expected):
    allowed = _fragment_lines(seed_expected, "must") | _fragment_lines(seed_expected, "should")
    stray = [f"{f.line}:{f.column} {f.rule} {f.message}" for f in _findings(seed_path)
             if f.line not in allowed]
    assert not stray, stray


def test_seed_findings_are_fragment_rules(seed_path):
    assert {f.rule.split("/")[0] for f in _findings(seed_path)} == {"fragment"}
