"""Rule selection, severities, options and per-file ignores, through the library API."""

from __future__ import annotations

import textwrap

import pytest

import copylint
from copylint.config import ConfigError, config_from_mapping
from copylint.engine import Linter
from copylint.finding import Severity

PACK = textwrap.dedent(
    """\
    pack: t
    rules:
      - id: boilerplate/alpha
        message: "alpha"
        scope: line
        patterns: [zzalpha]
      - id: boilerplate/beta
        severity: info
        message: "beta"
        scope: line
        patterns: [zzbeta]
      - id: calque/gamma
        message: "gamma"
        enabled: false
        scope: line
        patterns: [zzgamma]
    """
)
TEXT = "Title\n\nzzalpha zzbeta zzgamma\n"


@pytest.fixture
def packdir(tmp_path):
    (tmp_path / "p.yaml").write_text(PACK)
    return tmp_path


def rules_found(packdir, path="story.txt", **settings):
    config = config_from_mapping({"packs": ["."], **settings}, "<t>", packdir)
    return [(f.rule, str(f.severity)) for f in Linter(config).lint_text(TEXT, path)
            if f.rule.split("/")[1] in ("alpha", "beta", "gamma")]


def test_default_selection_skips_rules_off_by_default(packdir):
    assert rules_found(packdir) == [("boilerplate/alpha", "warning"), ("boilerplate/beta", "info")]


def test_longest_prefix_wins(packdir):
    assert rules_found(packdir, select=["boilerplate"], ignore=["boilerplate/beta"]) == [
        ("boilerplate/alpha", "warning")]
    assert rules_found(packdir, select=["boilerplate/beta"], ignore=["boilerplate"]) == [
        ("boilerplate/beta", "info")]
    assert rules_found(packdir, select=["ALL"]) == [
        ("boilerplate/alpha", "warning"), ("boilerplate/beta", "info"), ("calque/gamma", "warning")]


def test_severity_overrides_by_category_then_id(packdir):
    found = rules_found(packdir, rules={"boilerplate": {"severity": "error"},
                                        "boilerplate/beta": "info"})
    assert found == [("boilerplate/alpha", "error"), ("boilerplate/beta", "info")]


def test_per_file_ignores(packdir):
    settings = {"per-file-ignores": {"archive/**": ["boilerplate/alpha"]}}
    assert rules_found(packdir, path=str(packdir / "archive" / "2019" / "a.txt"), **settings) == [
        ("boilerplate/beta", "info")]
    assert len(rules_found(packdir, path=str(packdir / "new" / "a.txt"), **settings)) == 2


def test_options_need_a_rule_id_and_a_known_name(packdir):
    with pytest.raises(ConfigError, match="options need a full rule id"):
        Linter(config_from_mapping({"packs": ["."], "rules": {"boilerplate": {"x": 1}}}, "<t>", packdir))
    with pytest.raises(ConfigError, match="unknown option 'x'"):
        Linter(config_from_mapping({"packs": ["."], "rules": {"boilerplate/alpha": {"x": 1}}}, "<t>", packdir))


def test_lint_text_library_api_returns_sorted_findings():
    findings = copylint.lint_text(
        "Title\n\n<!-- copylint: disable-next-line=boilerplate -->\nClean.\n",
        path="a.txt",
        config={},
    )
    assert [(f.path, f.line, f.rule, f.severity) for f in findings if f.rule.startswith("meta/")] == [
        ("a.txt", 3, "meta/unused-suppression", Severity.WARNING)]
    assert findings == sorted(findings)
