"""Lint the calque packs the way codespell lints its dictionaries.

Every pack loads and declares its source language(s): one pack per language for
the calques only that language produces (``calque/<lang>-...``), and
``calque-shared.yaml`` for those several share (one rule each, ``calque/<name>``,
two or more languages). No phrase is listed twice for one language; every pattern
compiles; every rule's bad example is reported and its good example is not; no
English span draws two calque findings with every pack on; applying a rule's
suggestion to its bad example leaves nothing for that rule to report (a suggestion
must never match its own rule); and ``source-languages`` gates every rule.
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
LANGUAGES = {"es", "pt", "fr", "de", "it", "ru", "uk", "tr", "ar", "zh"}
REGISTRY = build_registry()
PACKS = {path.name: load_pack(path, "pack") for path in PACK_FILES}
RULES = [rule for pack in PACKS.values() for rule in pack.rules]


def _linter(**settings) -> Linter:
    return Linter(config_from_mapping(settings, "<test>", ROOT), REGISTRY)


def _lint(text: str, rule_id: str):
    return [f for f in _linter(select=[rule_id]).lint_text(text) if f.rule == rule_id]


SHARED = "calque-shared.yaml"
LANGUAGE_PACKS = {name: pack for name, pack in PACKS.items() if name != SHARED}


def test_one_pack_per_language_and_a_shared_pack():
    assert SHARED in PACKS
    languages = [p.source_languages for p in LANGUAGE_PACKS.values()]
    assert all(len(langs) == 1 and langs[0] in LANGUAGES for langs in languages)
    assert len(set(languages)) == len(languages)
    shared_languages = {lang for rule in PACKS[SHARED].rules for lang in rule.source_languages}
    assert set(PACKS[SHARED].source_languages) == shared_languages
    assert {lang for rule in RULES for lang in rule.source_languages} == LANGUAGES


@pytest.mark.parametrize("name", sorted(LANGUAGE_PACKS))
def test_language_pack_declares_its_language(name):
    pack = PACKS[name]
    (lang,) = pack.source_languages
    assert lang in LANGUAGES
    assert name == f"calque-{lang}.yaml" and pack.name == f"calque-{lang}"
    for rule in pack.rules:
        assert rule.id.startswith(f"calque/{lang}-"), rule.id
        assert rule.source_languages == (lang,)


@pytest.mark.parametrize("rule", PACKS[SHARED].rules, ids=lambda r: r.id)
def test_shared_rule_serves_several_languages(rule):
    assert len(rule.source_languages) >= 2, rule.id
    assert set(rule.source_languages) <= LANGUAGES
    assert len(set(rule.source_languages)) == len(rule.source_languages)
    prefix = rule.id.split("/")[1].split("-")[0]
    assert prefix not in LANGUAGES, f"{rule.id}: shared rules carry no language prefix"


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
    """A phrase or pattern listed twice for one language is a copy-paste twin."""
    seen: dict[tuple[str, str], str] = {}
    duplicates = []
    for rule in RULES:
        for pattern in rule.phrases + rule.regexes:
            for lang in rule.source_languages:
                key = (lang, pattern.text.lower())
                if key in seen and seen[key] != rule.id:
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
    assert all(f.suggestion and "\\" not in f.suggestion for f in findings), [f.suggestion for f in findings]
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


def _overlapping(findings):
    spans = sorted((f.line, f.column, f.end_line, f.end_column, f.rule) for f in findings)
    return [(a, b) for a, b in zip(spans, spans[1:]) if (b[0], b[1]) < (a[2], a[3])]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_calque_is_reported_once_with_every_pack_on(rule):
    """Default configuration (every source language): the bad example's calques
    each draw exactly one finding; twins across packs would report them twice."""
    findings = [f for f in _linter(select=["calque"]).lint_text(rule.bad_example)
                if f.rule.startswith("calque/")]
    assert any(f.rule == rule.id for f in findings)
    assert not _overlapping(findings), _overlapping(findings)


def test_source_languages_gate_the_packs():
    de_rule = "calque/de-chef-head"
    shared = "calque/in-the-frame-of"
    text = "The chef of the central bank spoke, and aid was announced in the frame of the plan.\n"
    only_fr = _linter(select=["calque"], **{"source-languages": ["fr"]})
    assert all("fr" in a.rule.source_languages for a in only_fr.active)
    found = _calque_rules(only_fr.lint_text(text))
    assert de_rule not in found and shared in found
    everything = _linter(select=["calque"], **{"source-languages": []})
    assert {lang for a in everything.active for lang in a.rule.source_languages} == LANGUAGES
    assert {de_rule, shared} <= _calque_rules(everything.lint_text(text))
    unset = _linter(select=["calque"])
    assert {a.rule.id for a in unset.active} == {r.id for r in RULES}
    iberian = _linter(select=["calque"], **{"source-languages": ["es", "pt"]})
    assert all({"es", "pt"} & set(a.rule.source_languages) for a in iberian.active)
    assert "calque/count-with" in {a.rule.id for a in iberian.active}
    assert not {"calque/fr-it-is-question-of", de_rule} & {a.rule.id for a in iberian.active}


def test_shared_rule_is_gated_by_its_own_languages():
    """A shared rule serves only the languages it lists: 'the also' (Spanish and
    Portuguese) is off for German copy, 'in the frame of' (all five) stays on."""
    text = "The bill was presented by the also former minister Ana Ruiz in the frame of the reform.\n"
    german = _calque_rules(_linter(select=["calque"], **{"source-languages": ["de"]}).lint_text(text))
    portuguese = _calque_rules(_linter(select=["calque"], **{"source-languages": ["pt"]}).lint_text(text))
    assert german == {"calque/in-the-frame-of"}
    assert portuguese == {"calque/in-the-frame-of", "calque/the-also"}


CLEAN_STORIES = sorted((ROOT / "tests" / "data_calque").glob("clean-*.txt"))


def test_there_are_clean_stories():
    assert len(CLEAN_STORIES) >= 5


@pytest.mark.parametrize("path", CLEAN_STORIES, ids=lambda p: p.name)
def test_no_calque_on_clean_wire_copy(path):
    """Professional copy full of the trigger words in their English senses."""
    findings = _linter(select=["calque"]).lint_text(path.read_text(encoding="utf-8"), str(path))
    assert not findings, [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings]


def test_russian_chinese_and_arabic_calques_are_gated_by_their_languages():
    """Rules for Russian, Chinese and Arabic calques serve only those languages:
    a Spanish-language desk does not see "the relevant person in charge"."""
    text = (
        "The relevant person in charge of the port said ships were delayed.\n\n"
        "In the result of the storm, two cranes collapsed.\n\n"
        "The minister urged calm. This came during a phone call with his Omani counterpart.\n"
    )

    def found(*languages):
        return _calque_rules(_linter(select=["calque"], **{"source-languages": list(languages)}).lint_text(text))

    assert found("zh") == {"calque/zh-relevant-person-in-charge"}
    assert found("ru") == {"calque/in-the-result-of"}
    assert found("ar") == {"calque/ar-this-came-during"}
    assert found("es", "de") == set()
    assert found() == {"calque/zh-relevant-person-in-charge", "calque/in-the-result-of", "calque/ar-this-came-during"}
