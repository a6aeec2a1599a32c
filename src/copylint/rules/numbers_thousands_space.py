"""numbers/thousands-space: thousands grouped with spaces ("100 000 farmers") in English copy."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex
from .numbers_common import prose_matches

# Spaces that French, Polish, Russian and ISO style put between digit groups: the
# space, and the wider ones.
_WIDE_GAPS = "\u00a0\u202f\u2009"
_GAP = f"[ {_WIDE_GAPS}]"
# Groups of exactly three digits, the number followed by a lower-case word or a
# percent sign: the noun it counts ("100 000 farmers", "2 500 000 euros").
_NUMBER = lazy_regex(
    rf"(?<![\d.,:/\-]|\d{_GAP})(?P<num>[1-9]\d{{0,2}}(?:{_GAP}\d{{3}})+)(?!\d|[.,:/]\d)"
    rf"(?={_GAP}?%|\s+(?P<word>\p{{Ll}}+))"
)
_GATE = lazy_regex(rf"\d{_GAP}\d\d\d")  # the regex engine scans a leading \d faster
# Each byte that may be part of what the gate takes for a digit (an ASCII digit, or
# any byte of a character outside ASCII) as "0", every other byte as it is.
_DIGIT_BYTES = bytes(ord("0") if byte in b"0123456789" or byte > 0x7F else byte for byte in range(256))
_GAP_SPLIT = lazy_re(_GAP)
# "On March 3 200 people ..." is a missing comma, not grouping; so are dates.
_MONTH_BEFORE = lazy_re(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$"
)


class ThousandsSpace(Rule):
    id = "numbers/thousands-space"
    severity = Severity.WARNING
    description = "Thousands grouped with spaces ('100 000 farmers') in English copy."
    rationale = (
        "French, Polish, Russian and ISO style group digits with a (thin) space, and machine "
        "translation keeps it: '100 000 farmers', '2 500 000 euros'. English wire style "
        "groups with commas, and a space splits the number in two at a line break. "
        "Reported when the groups are of three digits and a lower-case word or a percent "
        "sign follows; two groups or more ('1 200 000') always count, one group only when "
        "it is rounded ('100 000', '4 500') so that two numbers that merely meet ('in "
        "2023 450 jobs', 'March 3 200 people') stay silent."
    )
    bad_example = "More than 100 000 farmers blocked 2 500 000 tonnes of grain."
    good_example = "More than 100,000 farmers blocked 2,500,000 tonnes of grain."

    def check(self, document, options):
        text = document.text
        if not _may_hold_gate(text):
            return
        for match in prose_matches(document, _NUMBER, _GATE):
            number = match["num"]
            groups = _GAP_SPLIT.split(number)
            if len(groups) == 2 and not groups[1].endswith("00"):
                continue
            if _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue
            fixed = ",".join(groups)
            yield Hit(match.start("num"), match.end("num"),
                      f"'{number}' groups thousands with spaces; English uses commas: "
                      f"'{fixed}'.", fixed)


def _may_hold_gate(text: str) -> bool:
    """False proves that ``_GATE`` finds nothing in ``text``.

    Why: the gate's scan tests a class at every character; in the text's UTF-8 form
    with ``_DIGIT_BYTES`` a match of it (with a space) holds "0 000", and an
    encoding, a translation and a substring search cost a third of that scan. Nine
    stories in ten have no such place; the wider gaps are rare and tested apart.
    """
    if any(gap in text for gap in _WIDE_GAPS):
        return True
    return b"0 000" in text.encode("utf-8", "surrogatepass").translate(_DIGIT_BYTES)
