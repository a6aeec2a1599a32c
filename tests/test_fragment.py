"""Fragment and repeated-word rules: silence on clean wire copy, and their edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.config import config_from_mapping
from copylint.engine import Linter

DATA = Path(__file__).parent / "data_fragment"
CLEAN_STORIES = sorted(DATA.glob("clean-*.txt"))
SELECT = ["fragment", "grammar/repeated-word", "untranslated"]


@pytest.fixture(scope="module")
def linter():
    return Linter(config_from_mapping({"select": SELECT}, "<test>", Path.cwd()))


def _rules(linter, text):
    return [(f.line, f.rule) for f in linter.lint_text(text, "story.txt")]


def test_there_are_enough_clean_stories():
    assert len(CLEAN_STORIES) >= 5


@pytest.mark.parametrize("path", CLEAN_STORIES, ids=lambda p: p.name)
def test_clean_wire_story_is_silent(linter, path):
    findings = linter.lint_text(path.read_text(encoding="utf-8"), str(path))
    assert not findings, [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings]


STORY = "Headline of a story about the harbour\n\nLISBON, May 2 (Reuters) - {}\n"


@pytest.mark.parametrize(
    "body",
    [
        "The port reopened at 6 a.m. local time, officials said.",
        "Trade with the U.S. rose 4.5%, the ministry said. Exports to the U.K. fell.",
        "The company, based in Portland, Ore. since 1990, said it would hire 300 people.",
        "Shares of Acme Corp. rose 3.2% and Widget Co. fell 1.1%, traders said.",
        "The fund manager, J. R. Smith, said so... and then left.",
        "Visit Tengrinews.kz for details. eBay and iPhone sales rose.",
        "“Why?” he asked. “Because we can.”",
        "He called the plan “a disaster” of epic proportions.",
        "Police said 12 people, including two children, were hurt.",
        "Said the minister's office: “No comment.”",
        "Gen. Mark Milley met No. 2 official Lt. Col. Smith on Jan. 3 at St. Paul's.",
    ],
)
def test_clean_sentences_are_silent(linter, body):
    assert _rules(linter, STORY.format(body)) == []


@pytest.mark.parametrize(
    "body, rule",
    [
        ("The army confirmed the deaths of 12 soldiers. reported the ministry.", "fragment/lowercase-start"),
        ("Prices rose 12% in March. Mentioned.", "fragment/verb-orphan"),
        ("Prices rose 12% in March. Told reporters.", "fragment/verb-orphan"),
        ("The navy sent two ships. With the aim of protecting fishermen.", "fragment/subordinate-alone"),
        ("Schools stayed shut. Because of the strike by teachers and drivers.", "fragment/subordinate-alone"),
        ("He warned, “the fight will go on until the last of the invaders” of the country.", "fragment/quote-tail"),
        ("Talks will resume in in June, the the ministry said.", "grammar/repeated-word"),
    ],
)
def test_dirty_sentences_fire(linter, body, rule):
    assert (3, rule) in _rules(linter, STORY.format(body))


def test_repeated_word_fix_keeps_one_word(linter):
    findings = linter.lint_text(STORY.format("Talks resume in\nin June."), "story.txt")
    assert [(f.line, f.column, f.end_line, f.suggestion) for f in findings] == [(3, 40, 4, "in")]


def test_repeated_word_candidates_are_those_of_the_whole_pattern():
    # The scan looks in the text with the opening marks as spaces: sound only while
    # no mark is a word character, and it must find what CANDIDATE.finditer finds.
    import re

    from copylint.rules import repeated_word

    assert not any(re.match(r"\w", mark) for mark in repeated_word.MARKS)
    for folded in ("“the the", "(in in) and-and x-y x-y", "the-the", "a  a", "«de de»",
                   "no—no no", "é é", "ab ab_", "it it's", "so so. 20 20", "'a 'a a"):
        expected = [m.start(1) for m in repeated_word.CANDIDATE.finditer(folded)]
        assert repeated_word._candidate_starts(folded) == expected, folded


def test_the_stop_test_finds_what_a_search_of_the_whole_sentence_finds():
    from itertools import product

    from copylint.rules.fragment_words import ENDS_WITH_STOP, ends_with_stop

    for size in range(7):
        for chars in product('.")”a\n', repeat=size):
            text = "".join(chars)
            assert ends_with_stop(text) == (ENDS_WITH_STOP.search(text) is not None), repr(text)
