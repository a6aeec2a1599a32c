"""The boilerplate line gates' search matches a head's letters case-blind after its
first letter, and that letter as a class of its case forms: the two must take the
same characters, or the search would miss (or add) lines."""

import re
import sys

from copylint.rules.boilerplate_common import _trie, case_forms

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


def test_a_case_blind_head_character_is_its_case_forms():
    for char in "abcdefghijklmnopqrstuvwxyz0123456789 ":
        blind = re.findall(f"(?i:{re.escape(char)})", EVERY_CHARACTER)
        assert sorted(blind) == sorted(set(case_forms(char))), char


def test_the_trie_opens_with_a_class_and_goes_on_case_blind():
    pattern = re.compile(_trie({"share", "show c", "x"}))
    assert pattern.fullmatch("ſHARE") and pattern.fullmatch("Show C") and pattern.fullmatch("X")
    assert pattern.match("sharp") is None and pattern.match("shoW") is None


def test_a_gate_keeps_only_the_lines_its_own_heads_can_open():
    from copylint.rules import boilerplate_common

    made = len(boilerplate_common._GATES)
    try:
        gate = boilerplate_common.LineGate(["published", r"last (?:updated|modified)"])
        assert gate.admits("  * Published: 3 May") and gate.admits("LAST UPDATED")
        assert gate.admits("ſomething")  # the stdlib takes ſ for s when case is ignored
        assert not gate.admits("Share this article") and not gate.admits("*******published")
        assert boilerplate_common.LineGate([r"\d+ comments?"]).admits("anything")
    finally:
        del boilerplate_common._GATES[made:]  # the rules' search stays as it was
