"""Linting stories in batches (Linter.lint_texts, what a folder run uses) gives each
story exactly what linting it alone gives: the same findings, the same errors, a
crashing rule or a bad file stopping only its own story, per-file ignores per story."""

from __future__ import annotations

import re
from itertools import count
from pathlib import Path

import pytest

from copylint.config import config_from_mapping
from copylint.engine import BATCH_SIZE, Linter, RuleCrash
from copylint.finding import Hit
from copylint.registry import Registry
from copylint.rule import Rule

ROOT = Path(__file__).resolve().parents[1]


def project_stories() -> list[tuple[str, str, None]]:
    """Every story of the project's own, in each format, more than one batch of them."""
    stories = []
    for folder in ("examples", "tests/corpus", "tests/inputs"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".txt", ".md", ".html", ".xml", ".nitf", ".xlf"}:
                stories.append((path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), None))
    return stories


def alone(linter: Linter, text: str, path: str, input_format=None):
    try:
        return linter.lint_text(text, path, input_format), None
    except Exception as exc:  # what lint_texts must give for this story
        return [], f"{type(exc).__name__}: {exc}"


def batched(linter: Linter, sources):
    return [(findings, None if error is None else f"{type(error).__name__}: {error}")
            for findings, error in linter.lint_texts(sources)]


def test_batches_equal_stories_linted_alone(tmp_path):
    stories = project_stories()
    assert len(stories) > BATCH_SIZE  # at least one batch boundary is crossed
    # Bad input among them: malformed XML and a hostile entity stop only their own story.
    stories.insert(3, ("<nitf><body><p>Unclosed", "broken.nitf", None))
    stories.insert(BATCH_SIZE + 1, ('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]><nitf>&x;</nitf>', "entity.nitf", None))
    linter = Linter(config_from_mapping({}, "<t>", ROOT))
    expected = [alone(linter, *story) for story in stories]
    got = batched(linter, stories)
    assert got == expected
    assert sum(1 for findings, _ in got if findings) > 40
    assert [error is not None for _, error in got].count(True) == 2


class Explodes(Rule):
    """Raises on a story that mentions "detonator", as a plugin's bug would."""

    id = "typography/test-explodes"
    description = "A rule with a bug."

    def check(self, document, options):
        if "detonator" in document.text:
            raise ValueError("bad state")
        return []


class DoubleSpace(Rule):
    """Runs after the crashing rule: its findings on the other stories must survive."""

    id = "typography/test-double-space"
    description = "Two spaces in a row."

    def check(self, document, options):
        return [Hit(m.start(), m.end(), "Two spaces.") for m in re.finditer("  ", document.text)]


def test_a_crashing_rule_stops_only_its_story(tmp_path):
    rules = Registry()
    rules.add(Explodes(), "test")
    rules.add(DoubleSpace(), "test")
    linter = Linter(config_from_mapping({}, "<t>", tmp_path), rules)
    texts = [f"Story {n}\n\nShares  fell on day {n}.\n" for n in range(5)]
    texts[2] = "Story 2\n\nThe detonator  was found.\n"
    outcomes = list(linter.lint_texts((text, f"s{n}.txt", None) for n, text in enumerate(texts)))
    crashed = outcomes[2]
    assert crashed[0] == [] and isinstance(crashed[1], RuleCrash)
    assert str(crashed[1]) == "s2.txt: rule typography/test-explodes failed: ValueError: bad state"
    assert isinstance(crashed[1].__cause__, ValueError)
    for n in (0, 1, 3, 4):
        findings, error = outcomes[n]
        assert error is None
        assert [(f.path, f.line, f.column, f.rule) for f in findings] == [
            (f"s{n}.txt", 3, 7, "typography/test-double-space")]
    with pytest.raises(RuleCrash, match="s2.txt: rule typography/test-explodes"):
        linter.lint_text(texts[2], "s2.txt")


def test_per_file_ignores_apply_per_story_in_one_batch(tmp_path):
    (tmp_path / "p.yaml").write_text(
        "pack: t\nrules:\n  - id: boilerplate/zz-alpha\n    message: alpha\n    scope: line\n"
        "    patterns: [zzalpha]\n")
    config = config_from_mapping({"packs": ["."], "per-file-ignores": {"archive/**": ["boilerplate/zz-alpha"]}},
                                 "<t>", tmp_path)
    linter = Linter(config)
    paths = [str(tmp_path / folder / f"{n}.txt") for n in range(4) for folder in ("archive", "new")]
    outcomes = list(linter.lint_texts(("Title\n\nzzalpha here.\n", path, None) for path in paths))
    flagged = [path for path, (findings, _) in zip(paths, outcomes)
               if any(f.rule == "boilerplate/zz-alpha" for f in findings)]
    assert flagged == [path for path in paths if "/new/" in path]


def test_stories_are_read_one_batch_ahead_at_most(tmp_path):
    """A run over an archive holds one batch of stories, not all of them."""
    taken = count()
    linter = Linter(config_from_mapping({}, "<t>", tmp_path))

    def sources():
        for n in range(3 * BATCH_SIZE):
            next(taken)
            yield f"Story {n}\n\nShares fell on Monday.\n", f"{n}.txt", None

    outcomes = linter.lint_texts(sources())
    next(outcomes)
    assert next(taken) == BATCH_SIZE
    assert len(list(outcomes)) == 3 * BATCH_SIZE - 1
