"""dates/day-in-parentheses: the Portuguese "this Wednesday (26)" convention in English copy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re
from .dates_common import MONTH_NAMES, WEEKDAY_NAMES, page_date, safe_date

if TYPE_CHECKING:
    import datetime

# A weekday, then the day of the month alone in parentheses: Brazilian copy writes
# "nesta quarta-feira (26)"; English copy never numbers a weekday so.
_PATTERN = lazy_re(
    rf"\b(?:(?:this|last|next|on|since|until)\s+)?(?P<weekday>{'|'.join(WEEKDAY_NAMES)})"
    r"\s*\((?P<day>[1-9]|[12]\d|3[01])\)"
)

_SCREEN = lazy_re(r"day\s*\(\d")


class DayInParentheses(Rule):
    id = "dates/day-in-parentheses"
    severity = Severity.WARNING
    fixable = True
    description = "A weekday with its day of the month in parentheses ('this Wednesday (26)')."
    rationale = (
        "Brazilian news copy gives the day of the month in parentheses after the weekday "
        "('nesta quarta-feira (26)'); machine translation keeps it ('this Wednesday "
        "(26)'), which English readers take for a footnote or a count. English wire copy "
        "writes 'on Wednesday', adding the date as 'Wednesday, June 26' where it matters. "
        "With a page date, the day is resolved to the nearest such date and its weekday "
        "checked too ('Thursday (9)' when the 9th was a Friday); the fix keeps the "
        "weekday alone, and is offered only when the weekday is right or cannot be checked."
    )
    bad_example = "The Supreme Court ruled this Wednesday (26) that possession is not a crime."
    good_example = "The Supreme Court ruled on Wednesday that possession is not a crime."

    def check(self, document, options):
        text = document.text
        if not _SCREEN.search(text):  # nearly every story: no "day (" anywhere
            return
        published = page_date(document)
        for paragraph in document.prose_paragraphs:
            for match in _PATTERN.finditer(text, paragraph.start, paragraph.end):
                weekday, day = match["weekday"], int(match["day"])
                dated = _nearest_day(day, published) if published else None
                if dated is not None and WEEKDAY_NAMES[dated.weekday()] != weekday:
                    stated = f"{MONTH_NAMES[dated.month - 1]} {dated.day}, {dated.year}"
                    yield Hit(match.start(), match.end(),
                              f"'{match.group()}': the day of the month in parentheses is a "
                              f"Portuguese convention, and {stated} (nearest the page date) "
                              f"was a {WEEKDAY_NAMES[dated.weekday()]}.")
                    continue
                kept = match.group()[:match.end("weekday") - match.start()]
                yield Hit(match.start(), match.end(),
                          f"'{match.group()}': the day of the month in parentheses is a "
                          f"Portuguese convention; write '{kept}'.", kept)


def _nearest_day(day: int, anchor: datetime.date) -> datetime.date | None:
    """The date with this day of the month nearest ``anchor`` (this month or a neighbour)."""
    candidates = []
    for shift in (-1, 0, 1):
        month = anchor.month + shift
        year = anchor.year + (month - 1) // 12
        candidates.append(safe_date(year, (month - 1) % 12 + 1, day))
    candidates = [c for c in candidates if c is not None]
    return min(candidates, key=lambda c: abs((c - anchor).days)) if candidates else None
