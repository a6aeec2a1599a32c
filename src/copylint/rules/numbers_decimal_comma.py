"""numbers/decimal-comma: a decimal comma ("8,4 %", "1,5 billion") left in English copy."""

from __future__ import annotations

import re

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex
from .numbers_common import digit_commas, groups_thousands, separated_numbers

# What follows a quantity with decimals: the words that make "8,4" a decimal and
# not "8, 4" or a list. Source-language magnitudes count too ("1,5 millones").
_UNIT = (
    r"\s?%|\s?(?:per\s?cent|percent|pct|percentage\s+points?|points?|million|billion|"
    r"trillion|mln|bln|bn|mn|km|kilomet(?:re|er)s|miles|met(?:re|er)s|kg|kilos|kilograms|"
    r"tonnes|tons|degrees|hectares|lit(?:re|er)s|euros|dollars|pesos|reais|r[o]?ubles|"
    r"years|hours|times|millones|milhões|millions|milliards?|mil|Mio\.|Mrd\.|Mill\.)(?![\p{L}])"
)
# What comes before a measured quantity: "magnitude 6,8", "a rate of 4,5".
_MEASURE_BEFORE = lazy_re(
    r"(?:\bmagnitude|\bRichter(?: scale)?|\bintensity|\bindex|\brate|\bratio|"
    r"\baverage|\bcoefficient)(?:\s+(?:of|at|to|was|is|stood at|reached))?\s+$",
    re.IGNORECASE,
)
_NUMBER = lazy_regex(
    r"(?<![\d.,]|\d[.,])(?P<cur>[$€£¥])?"
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d{1,3}),(?P<frac>\d+)(?!\d|[.,]\d)"
    rf"(?P<unit>{_UNIT})?"
)


def _written_with_point(text: str, whole: str, frac: str) -> bool:
    """The story also writes the number with a point ('magnitude 6.8' and later '6,8').

    A substring search with the bounds tested by hand (a digit is what ``\\d`` is to
    the stdlib: ``str.isdecimal``): a regex made for each number would be compiled
    anew for most numbers of an archive.
    """
    if len(frac) > 2:
        return False
    written = f"{whole}.{frac}"
    at = text.find(written)
    while at != -1:
        before = text[at - 1:at]
        after = text[at + len(written):at + len(written) + 2]
        if not (before in (".", ",") or before.isdecimal() or after[:1].isdecimal()
                or (after[:1] in (".", ",") and after[1:].isdecimal())):
            return True
        at = text.find(written, at + 1)
    return False


def _measured(text: str, start: int, frac: str) -> bool:
    """A measure word stands right before ('magnitude 6,8'): a decimal, not a list."""
    return len(frac) <= 2 and _MEASURE_BEFORE.search(text, max(0, start - 30), start) is not None




def _groups_plainly(text: str, comma: int) -> bool:
    """A thousands comma ('3,000', '200,000'): a number matched there has three
    decimals or more and a whole part that is neither '0' nor grouped with dots, so
    the rule skips it. Why: most digit commas are such, and this test costs a tenth
    of a match."""
    return groups_thousands(text, comma) and not (comma >= 4 and text[comma - 4] == ".") \
        and (text[comma - 1] != "0" or comma >= 2 and text[comma - 2].isdecimal())


class DecimalComma(Rule):
    id = "numbers/decimal-comma"
    severity = Severity.WARNING
    fixable = True
    description = "A decimal comma in English copy: '8,4%' for '8.4%'."
    rationale = (
        "Spanish, French, German, Portuguese and Russian write decimals with a comma, and "
        "machine translation keeps it: '8,4 %', '1,5 billion'. English readers take the "
        "comma for a thousands separator, so '1,5 billion' reads as a typo and '32,9 "
        "million' as nonsense. Reported only where the comma cannot be a thousands "
        "separator: one or two digits after it followed by a unit or magnitude (%, "
        "percent, million, km ...), a measure word before it ('magnitude 6,8', 'a rate of 4,5'), a currency sign before it, a leading zero ('0,7'), or "
        "dots grouping the thousands before it ('1.234,5'), or the same number written "
        "with a point elsewhere in the story ('magnitude 6.8' in the headline, '6,8' "
        "below). Lists ('1,2,3'), grouped "
        "thousands ('3,000', '12,500') and bare pairs ('aged 5,6') stay silent."
    )
    bad_example = "Inflation rose to 8,4 % and the deficit reached 1,5 billion euros."
    good_example = "Inflation rose to 8.4% and the deficit reached 1.5 billion euros."

    def check(self, document, options):
        text = document.text
        commas = [comma for comma in digit_commas(document) if not _groups_plainly(text, comma)]
        for match in separated_numbers(document, commas, _NUMBER):
            # By number, not name: the regex module looks a group's name up at each access.
            cur, whole, frac, unit = match.groups()
            grouped = "." in whole
            if len(frac) > 2 and not (whole == "0" or grouped):
                continue  # "3,000", "12,500": a thousands separator
            if not (grouped or whole == "0" or unit or cur
                    or _measured(document.text, match.start(), frac)
                    or _written_with_point(document.text, whole, frac)):
                continue
            start, end = match.start(2), match.end(3)  # "int" to "frac"
            fixed = whole.replace(".", ",") + "." + frac
            yield Hit(start, end,
                      f"'{document.text[start:end]}' has a decimal comma; English uses a point: "
                      f"'{fixed}'.", fixed)
