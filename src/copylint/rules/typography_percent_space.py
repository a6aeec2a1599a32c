"""typography/percent-space: a space between a number and the percent sign ("5 %")."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re
from .numbers_common import in_prose

# A digit, one space of any width, the sign: French, Spanish, German and ISO style.
# The sign comes first so that the scan looks for it (a fast literal search), and
# the lookbehind checks the space and the digit before it.
_SPACED = lazy_re(r"%(?<=\d[ \u00a0\u202f\u2009]%)")


class PercentSpace(Rule):
    id = "typography/percent-space"
    # Info: many desks let it pass in translated copy; it is style, not an error of fact.
    severity = Severity.INFO
    description = "A space between a number and the percent sign ('5 %' for '5%')."
    rationale = (
        "French, Spanish, German and Italian typography put a (no-break) space before the "
        "percent sign, and machine translation keeps it: 'below 5 %', '3,3 %'. English "
        "wire style closes it up ('5%'), and the space lets the sign wrap to the next line "
        "on its own. Only a single space right after a digit is reported; 'percent' "
        "written out is left alone."
    )
    bad_example = "Approval fell to 5 % and inflation rose 3.2 %."
    good_example = "Approval fell to 5% and inflation rose 3.2%."

    def check(self, document, options):
        text = document.text
        if "%" not in text:
            return
        for match in in_prose(document, _SPACED.finditer(text)):
            yield Hit(match.start() - 1, match.end(),
                      "Space before the percent sign; write it closed up: '%'.", "%")
