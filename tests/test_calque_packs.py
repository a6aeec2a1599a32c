"""Lint the calque packs the way codespell lints its dictionaries.

Every pack loads and declares its source language; no phrase is listed twice in a
pack or across packs of one language; every pattern compiles; every rule's bad
example is reported and its good example is not; applying a rule's suggestion to
its bad example leaves nothing for that rule to report (a suggestion must never
match its own rule); and ``source-languages`` gates the packs.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import regex

from copylint.config import config_from_mapping
from copylint.engine import Linter
from copylint.packs import load_pack
from copylint.registry import build_registry

ROOT = Path(__file__).resolve().parents[1]
PACK_FILES = sorted((ROOT / "rules").glob("calque-*.yaml"))
LANGUAGES = {"es", "pt", "fr", "de", "it"}
REGISTRY = build_registry()
PACKS = {path.name: load_pack(path, "pack") for path in PACK_FILES}
RULES = [rule for pack in PACKS.values() for rule in pack.rules]


def _linter(**settings) -> Linter:
    return Linter(config_from_mapping(settings, "<test>", ROOT), REGISTRY)


def _lint(text: str, rule_id: str):
    return [f for f in _linter(select=[rule_id]).lint_text(text) if f.rule == rule_id]


def test_one_pack_per_language():
    assert {p.source_languages[0] for p in PACKS.values()} == LANGUAGES
    assert len(PACKS) == len(LANGUAGES)


@pytest.mark.parametrize("name", sorted(PACKS))
def test_pack_declares_its_language(name):
    pack = PACKS[name]
    assert pack.source_languages[0] in LANGUAGES
    assert name == f"calque-{pack.source_languages[0]}.yaml"
    assert pack.name == f"calque-{pack.source_languages[0]}"
    for rule in pack.rules:
        assert rule.id.startswith(f"calque/{pack.source_languages[0]}-"), rule.id
        assert rule.source_languages[0] == pack.source_languages[0]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert rule.description and rule.rationale and rule.message
    assert rule.bad_example and rule.good_example
    assert "{match}" in rule.message
    if rule.kind == "substitution":
        assert "{suggestion}" in rule.message
    assert rule.id in REGISTRY.rules


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_patterns_compile(rule):
    for pattern in rule.regexes:
        regex.compile(pattern.text, regex.IGNORECASE)
    for pattern in rule.phrases:
        assert pattern.text == pattern.text.strip() and "  " not in pattern.text


def test_no_duplicate_phrases_within_a_language():
    seen: dict[tuple[str, str], str] = {}
    duplicates = []
    for pack in PACKS.values():
        for rule in pack.rules:
            for pattern in rule.phrases + rule.regexes:
                key = (pack.source_languages[0], pattern.text.lower())
                if key in seen:
                    duplicates.append(f"{pattern.text!r} in {seen[key]} and {rule.id}")
                seen[key] = rule.id
    assert not duplicates


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_bad_example_is_reported_and_good_is_not(rule):
    assert _lint(rule.bad_example, rule.id), f"{rule.id} misses its own bad example"
    assert not _lint(rule.good_example, rule.id), f"{rule.id} fires on its own good example"


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind == "substitution"], ids=lambda r: r.id)
def test_suggestion_does_not_match_its_own_rule(rule):
    findings = _lint(rule.bad_example, rule.id)
    assert all(f.suggestion for f in findings)
    text = rule.bad_example
    for finding in sorted(findings, key=lambda f: f.column, reverse=True):
        start, end = finding.column - 1, finding.end_column - 1
        text = text[:start] + finding.suggestion + text[end:]
    assert not _lint(text, rule.id), f"fixed text still reported: {text}"
    for pattern in rule.phrases + rule.regexes:
        if "\\" not in pattern.suggestion:
            sentence = f"Officials said {pattern.suggestion} the plan on Monday."
            assert not _lint(sentence, rule.id), pattern.suggestion


def _calque_rules(findings):
    return {f.rule for f in findings if f.rule.startswith("calque/")}


def test_source_languages_gate_the_packs():
    es_rule = "calque/es-always-according-to"
    text = "Two officers died, always according to the police, and aid was announced in the frame of the plan.\n"
    only_fr = _linter(select=["calque"], **{"source-languages": ["fr"]})
    assert not any("es" in a.rule.source_languages and "fr" not in a.rule.source_languages
                   for a in only_fr.active)
    assert {lang for a in only_fr.active for lang in a.rule.source_languages} >= {"fr"}
    found = _calque_rules(only_fr.lint_text(text))
    assert es_rule not in found and "calque/fr-in-the-frame-of" in found
    everything = _linter(select=["calque"], **{"source-languages": []})
    assert {lang for a in everything.active for lang in a.rule.source_languages} == LANGUAGES
    assert es_rule in _calque_rules(everything.lint_text(text))
    unset = _linter(select=["calque"])
    assert {a.rule.source_languages[0] for a in unset.active} == LANGUAGES
    spanish = _linter(select=["calque"], **{"source-languages": ["es", "pt"]})
    assert {a.rule.source_languages[0] for a in spanish.active} == {"es", "pt"}


CLEAN_STORIES = sorted((ROOT / "tests" / "data_calque").glob("clean-*.txt"))


def test_there_are_clean_stories():
    assert len(CLEAN_STORIES) >= 5


@pytest.mark.parametrize("path", CLEAN_STORIES, ids=lambda p: p.name)
def test_no_calque_on_clean_wire_copy(path):
    """Professional copy full of the trigger words in their English senses."""
    findings = _linter(select=["calque"]).lint_text(path.read_text(encoding="utf-8"), str(path))
    assert not findings, [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings]
