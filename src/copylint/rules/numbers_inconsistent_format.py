"""numbers/inconsistent-format: "3000" beside "3,000" in the same story."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex
from .numbers_common import digit_commas, groups_thousands, in_prose

# Digits first: the regex module scans a leading digit class fast, and the few
# matches get their boundary checks below. Only numbers that can count are
# matched (grouped, or four digits and more): a shorter run fails at each of its
# digits, so the matches are those of `[1-9]\d*(?:,\d{3})*` that have a comma or
# four digits, and most numbers of a story never become a match object.
_NUMBER = lazy_regex(r"[1-9](?:\d*(?:,\d{3})+|\d{3,})")
_GROUPED = lazy_re(r"[1-9]\d{0,2}(?:,\d{3})+")
_BAD_BEFORE = frozenset(".,-+/:#")
_BAD_AFTER = lazy_regex(
    r"\d|[.,]\d|[\-/:]\d|s\b|\s?(?:GMT|UTC|[ECMP][SD]T|hrs|hours|h)\b|\p{L}"
)
# What makes a plain number a name or code, not a quantity: "Boeing 7478",
# "Resolution 2254", "flight 1549", "No. 1234", "1600 Pennsylvania Avenue".
_LABEL_BEFORE = lazy_regex(
    r"(?:(?P<name>\p{Lu}[\p{L}\d\-]*)|No\.|no\.|(?:number|code|flight|route|bus|room|article|resolution"
    r"|section|chapter|page|tel|phone|ext|model|series|highway|road|zip|postcode|platform)"
    r"|[$€£¥]|\d\s?)\s*$"
)
_STREET_AFTER = lazy_regex(
    r"\s+(?:\p{Lu}\p{L}+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive"
    r"|Way|Place|Square|Highway)\b"
)
_PHONE_AFTER = lazy_re(r"[ \-]\d")


class InconsistentNumberFormat(Rule):
    id = "numbers/inconsistent-format"
    severity = Severity.WARNING
    description = "Grouped and ungrouped thousands mixed in one story ('3,000' and '3000')."
    rationale = (
        "Wire style groups thousands with commas; translated copy assembled from several "
        "sources mixes '3,000' with '3000'. Only quantities count: years (1000-2100), "
        "decades, times ('1030 GMT'), phone numbers, codes and model or route numbers "
        "after a name or label ('Boeing 737', 'Resolution 2254', 'flight 1549') and "
        "street numbers are not compared. Styles that group only from five digits ('3000' "
        "beside '30,000') are consistent: four-digit plain numbers clash only with grouped "
        "four-digit ones. The minority form is reported (plain numbers on a tie), with "
        "the majority form as the fix."
    )
    bad_example = "Police arrested 3,000 people. ... the force will be more than 3000."
    good_example = "Police arrested 3,000 people. ... the force will be more than 3,000."

    def check(self, document, options):
        text = document.text
        # Without a grouped number there is nothing to be inconsistent with.
        if not any(groups_thousands(text, comma) for comma in digit_commas(document)):
            return
        grouped, plain = [], []
        for match in in_prose(document, _NUMBER.finditer(text)):
            start, number = match.start(), match.group()
            before = text[start - 2:start] if start >= 2 else " " + text[:start]
            if before[-1:] in _BAD_BEFORE or before[-1:].isalpha() or (
                    before[-1:].isspace() and before[:1].isdigit()):
                continue
            if "," in number:
                if _GROUPED.fullmatch(number):
                    grouped.append((start, number))
            elif self._is_quantity(text, match):  # four digits or more
                plain.append((start, number))
        if not grouped or not plain:
            return
        four_grouped = any(len(g) == 5 for _, g in grouped)
        clashing = [(s, p) for s, p in plain if len(p) > 4 or four_grouped]
        if not clashing:
            return
        if len(clashing) <= len(grouped):
            for start, number in clashing:
                fixed = f"{int(number):,}"
                yield Hit(start, start + len(number),
                          f"'{number}' is ungrouped, but this story writes '{grouped[0][1]}'; "
                          f"use '{fixed}'.", fixed)
        else:
            for start, number in grouped:
                if len(number) == 5 or any(len(p) > 4 for _, p in clashing):
                    fixed = number.replace(",", "")
                    yield Hit(start, start + len(number),
                              f"'{number}' is grouped, but this story mostly writes numbers "
                              f"like '{clashing[0][1]}'; use '{fixed}'.", fixed)

    @staticmethod
    def _is_quantity(text: str, match) -> bool:
        number = match.group()
        if len(number) == 4 and 1000 <= int(number) <= 2100:
            return False  # a year, most likely
        if _BAD_AFTER.match(text, match.end()):
            return False
        start, end = match.span()
        label = _LABEL_BEFORE.search(text, max(0, start - 20), start)
        if label and not (label["name"] and _starts_sentence(text, label.start("name"))):
            return _is_money(text, start)
        return not (_STREET_AFTER.match(text, end) or _PHONE_AFTER.match(text, end))


def _is_money(text: str, start: int) -> bool:
    """'$3000' is a quantity even though a sign, not a word, comes before it."""
    return start > 0 and text[start - 1] in "$€£¥"


def _starts_sentence(text: str, start: int) -> bool:
    """'About 4500 fled': a capital at a sentence start is no model or route name."""
    before = text[max(0, start - 3):start].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?\n"
