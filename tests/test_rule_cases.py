"""Every rule's dirty and clean examples, as data (tests/cases/*.yaml), run by one test.

A case file is a list of entries:

    - rule: boilerplate/related-link      # the rule under test (only it is selected)
      name: see-also-after-story          # unique within the rule
      text: |                             # the copy
        ...
      expect:                             # [] for clean copy, else where it must fire
        - {line: 5, column: 1}            # optional: suggestion: "..."
      config: {}                          # optional extra config (options, source-languages)

Findings of the rule must be exactly the expected (line, column) pairs. In a case's
config, ``$LT_TEST_SERVER`` stands for the URL of the LanguageTool stand-in server
(tests/lt_server.py), started once for the cases that need it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from copylint.config import config_from_mapping
from copylint.engine import Linter
from copylint.registry import build_registry

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases():
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append(pytest.param(entry, id=f"{entry['rule']}::{entry['name']}"))
    return cases


CASES = _load_cases()
REGISTRY = build_registry()


@pytest.fixture(scope="module")
def lt_test_server():
    from lt_server import FakeLanguageTool

    with FakeLanguageTool() as server:
        yield server.url


def _case_config(case, request) -> dict:
    raw = json.dumps(case.get("config") or {})
    if "$LT_TEST_SERVER" in raw:
        raw = raw.replace("$LT_TEST_SERVER", request.getfixturevalue("lt_test_server"))
    return json.loads(raw)


@pytest.mark.parametrize("case", CASES)
def test_rule_case(case, request):
    settings = {"select": [case["rule"]], **_case_config(case, request)}
    linter = Linter(config_from_mapping(settings, "<case>", Path.cwd()), REGISTRY)
    findings = [f for f in linter.lint_text(case["text"], case.get("path", "story.txt"))
                if f.rule == case["rule"] or (case["rule"] == "grammar/languagetool"
                                              and f.rule.startswith("grammar/"))]
    got = sorted((f.line, f.column) for f in findings)
    expected = sorted((e["line"], e["column"]) for e in case["expect"])
    assert got == expected, "\n".join(f"{f.line}:{f.column} {f.message}" for f in findings)
    for want in case["expect"]:
        if "suggestion" in want:
            match = [f for f in findings if (f.line, f.column) == (want["line"], want["column"])]
            assert match[0].suggestion == want["suggestion"]


def test_every_rule_has_dirty_and_clean_cases():
    entries = [c.values[0] for c in CASES]
    names = {}
    for entry in entries:
        names.setdefault(entry["rule"], set()).add(entry["name"])
    missing = []
    for rule_id in REGISTRY.rules:
        rule_cases = [e for e in entries if e["rule"] == rule_id]
        if not any(e["expect"] for e in rule_cases) or not any(not e["expect"] for e in rule_cases):
            missing.append(rule_id)
    assert not missing, f"rules without both a dirty and a clean case: {missing}"


def test_case_names_are_unique():
    seen = set()
    for case in CASES:
        entry = case.values[0]
        key = (entry["rule"], entry["name"])
        assert key not in seen, key
        seen.add(key)
