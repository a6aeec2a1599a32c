"""The numbers rules' cheap screens never turn away a place their gates would find."""

from __future__ import annotations

import sys

import regex

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


def test_every_digit_of_the_space_gate_is_all_zeros_in_the_byte_screen():
    from copylint.rules.numbers_thousands_space import _DIGIT_BYTES

    for digit in regex.findall(r"\d", EVERY_CHARACTER):
        shape = digit.encode("utf-8", "surrogatepass").translate(_DIGIT_BYTES)
        assert shape.strip(b"0") == b"", hex(ord(digit))
    assert b" ".translate(_DIGIT_BYTES) == b" "


def test_the_space_gate_screen_admits_what_the_gate_finds():
    from copylint.rules.numbers_thousands_space import _GATE, _may_hold_gate

    for text in ("100 000 farmers", "٢ ٥٠٠ people", "2\u00a0500", "4\u2009500", "1\u202f000",
                 "x“9 ９９９", "７ 123"):
        assert _GATE.search(text) and _may_hold_gate(text), text
    assert not _may_hold_gate("In 2023 45 jobs went, and “Élysée” said 3,000.")


def test_a_comma_the_decimal_rule_passes_over_has_only_skipped_numbers():
    from copylint.rules.numbers_decimal_comma import _NUMBER, _groups_plainly

    for text in ("3,000", "200,000", "0,123", " 0,1234", "10,123", "00,123", "1.000,000",
                 "x0,000", "$5,000", "1.5,000", "12.345,678", "7,٣٤٥", "8,123.4", "9,123,4"):
        comma = text.index(",")
        if not _groups_plainly(text, comma):
            continue
        for begin in range(comma):
            match = _NUMBER.match(text, begin)
            if match:
                _, whole, frac, _ = match.groups()
                assert len(frac) > 2 and whole != "0" and "." not in whole, text
