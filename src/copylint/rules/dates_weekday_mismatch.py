"""dates/weekday-mismatch: a weekday that contradicts its date ("Monday, March 5, 2024")."""

from __future__ import annotations

import datetime

import regex

from ..finding import Hit, Severity
from ..rule import Rule
from .dates_common import MONTH_NAMES, WEEKDAY_NAMES, month_number, nearest, page_date

_MONTHS = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![\p{L}])"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_WEEKDAY_DATE = regex.compile(
    rf"(?<![\p{{L}}])(?P<weekday>{'|'.join(WEEKDAY_NAMES)}),?\s+\(?"
    rf"(?:{_MONTHS}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTHS})"
    r"(?:,?\s+(?P<year>\d{4})(?![\d,]\d))?"
)
# An inferred year is trusted only for dates this close to the page date.
_INFERRED_WINDOW_DAYS = 60


class WeekdayMismatch(Rule):
    id = "dates/weekday-mismatch"
    severity = Severity.WARNING
    description = "A weekday that contradicts its date ('Monday, March 5, 2024' was a Tuesday)."
    rationale = (
        "Translators and editors update a date and forget its weekday (or the reverse), "
        "and the reader cannot tell which one is wrong. The check needs a year: the one "
        "written with the date, or else the page date's, but only for dates within two "
        "months of the page date (a bare 'Friday, March 1' in a story about last year "
        "stays silent). No fix is offered: either the weekday or the date may be the "
        "mistake."
    )
    bad_example = "The vote is set for Monday, March 5, 2024."
    good_example = "The vote is set for Tuesday, March 5, 2024."

    def check(self, document, options):
        published = page_date(document)
        paragraphs = list(document.prose_paragraphs)
        if document.page_date is not None:
            paragraphs.insert(0, document.page_date)
        for paragraph in paragraphs:
            for match in _WEEKDAY_DATE.finditer(document.text, paragraph.start, paragraph.end):
                dated = _date_of(match, published)
                if dated is None or WEEKDAY_NAMES[dated.weekday()] == match["weekday"]:
                    continue
                stated = f"{MONTH_NAMES[dated.month - 1]} {dated.day}, {dated.year}"
                how = "" if match["year"] else " (year taken from the page date)"
                yield Hit(match.start("weekday"), match.end("weekday"),
                          f"'{match['weekday']}' does not match {stated}{how}, which is a "
                          f"{WEEKDAY_NAMES[dated.weekday()]}.")


def _date_of(match, published: datetime.date | None) -> datetime.date | None:
    month, day = month_number(match["month"]), int(match["day"])
    if match["year"]:
        try:
            return datetime.date(int(match["year"]), month, day)
        except ValueError:
            return None
    if published is None:
        return None
    dated = nearest(month, day, published)
    if dated is None or abs((dated - published).days) > _INFERRED_WINDOW_DAYS:
        return None
    return dated
