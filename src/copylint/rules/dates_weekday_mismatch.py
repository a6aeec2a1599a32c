"""dates/weekday-mismatch: a weekday that contradicts its date ("Monday, March 5, 2024")."""

from __future__ import annotations

from itertools import repeat
from typing import TYPE_CHECKING

import regex

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_regex
from .dates_common import (
    MONTH_NAMES, WEEKDAY_NAMES, dateline_day_and_month, month_number, nearest, page_date,
    safe_date,
)

if TYPE_CHECKING:
    import datetime

_MONTHS = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![\p{L}])"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_WEEKDAY_DATE = lazy_regex(
    rf"(?<![\p{{L}}])(?P<weekday>{'|'.join(WEEKDAY_NAMES)}),?\s+\(?"
    rf"(?:{_MONTHS}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTHS})"
    r"(?:,?\s+(?P<year>\d{4})(?![\d,]\d))?"
)
_WEEKDAY_BY_STEM = {name[-6:-3]: name for name in WEEKDAY_NAMES}  # "Mon", "ues", ...
_DATE_STARTS = frozenset("JFMASOND")  # what the months of _MONTHS open with
# A weekday in the lede saying when the news happened ("on Tuesday", "this Wednesday").
_LEDE_WEEKDAY = lazy_regex(
    rf"\b(?:on|this)\s+(?P<weekday>{'|'.join(WEEKDAY_NAMES)})\b"
    r"(?!,?\s+\(?(?:\d|\p{Lu}\p{Ll}+\.?\s+\d))"  # not a "Weekday, Month Day" date
)
# Words that put the lede's weekday in the future.
_FUTURE = lazy_regex(
    r"\b(?:will|would|shall|is\s+to|are\s+to|due|scheduled|expected|plans?|planned|set\s+to"
    r"|next|until|by)\b", regex.IGNORECASE,
)
# An inferred year is trusted only for dates this close to the page date.
_INFERRED_WINDOW_DAYS = 60


class WeekdayMismatch(Rule):
    id = "dates/weekday-mismatch"
    severity = Severity.WARNING
    description = ("A weekday that contradicts its date or the dateline "
                   "('Monday, March 5, 2024' was a Tuesday).")
    rationale = (
        "Translators and editors update a date and forget its weekday (or the reverse), "
        "and the reader cannot tell which one is wrong. The check needs a year: the one "
        "written with the date, or else the page date's, but only for dates within two "
        "months of the page date (a bare 'Friday, March 1' in a story about last year "
        "stays silent). The lede's weekday ('on Tuesday', 'this Wednesday') must be the "
        "dateline's day or the day before, the dateline's weekday coming from the page "
        "date's year; without a year, the story's own 'Weekday, Month Day' claims must "
        "agree with the lede, weekdays moving in step with dates; a lede "
        "about the future ('will vote on Friday') is left alone. No fix is offered: "
        "either the weekday or the date may be the mistake."
    )
    bad_example = "The vote is set for Monday, March 5, 2024."
    good_example = "The vote is set for Tuesday, March 5, 2024."

    def check(self, document, options):
        text = document.text
        # Both checks need a weekday's name: most stories have none, or one or two.
        weekdays, dated_weekdays = _weekday_starts(text)
        if not weekdays:
            return
        published = page_date(document)
        claims = []  # every "Weekday, Month Day" of the story
        # Tried only where a weekday's name stands and a date can follow it: such dates
        # are rare, and checking where a match stands costs less than a pass per paragraph.
        matches = [match for match in map(_WEEKDAY_DATE.match, repeat(text), dated_weekdays) if match]
        spans = []
        if matches:
            paragraphs = list(document.prose_paragraphs)
            if document.page_date is not None:
                paragraphs.insert(0, document.page_date)
            spans = [(p.start, p.end) for p in paragraphs]
        for match in matches:
            if not any(start <= match.start() and match.end() <= end for start, end in spans):
                continue
            claims.append(match)
            dated = _date_of(match, published)
            if dated is None or WEEKDAY_NAMES[dated.weekday()] == match["weekday"]:
                continue
            stated = f"{MONTH_NAMES[dated.month - 1]} {dated.day}, {dated.year}"
            how = "" if match["year"] else " (year taken from the page date)"
            yield Hit(match.start("weekday"), match.end("weekday"),
                      f"'{match['weekday']}' does not match {stated}{how}, which is a "
                      f"{WEEKDAY_NAMES[dated.weekday()]}.")
        yield from _lede_weekday(document, published, claims, weekdays)


def _weekday_starts(text: str) -> tuple[list[int], list[int]]:
    """Where a weekday's name starts in ``text`` (inside a word too), in order; and
    those of them a date can follow (_date_after).

    Every name ends in "day": str.find skips from one "day" to the next far faster
    than a pattern can look for seven names, and the three letters before it tell
    which name it may end.
    """
    found, dated = [], []
    at = text.find("day", 3)
    while at != -1:
        name = _WEEKDAY_BY_STEM.get(text[at - 3:at])
        if name and text.endswith(name, 0, at + 3):
            found.append(at + 3 - len(name))
            if _date_after(text, at + 3):
                dated.append(found[-1])
        at = text.find("day", at + 1)
    return found, dated


def _date_after(text: str, end: int) -> bool:
    """Whether a date can follow the weekday name ending at ``end`` as _WEEKDAY_DATE
    needs: a comma, a space, a bracket, then a capital month or a digit (anything
    beyond ASCII: a digit of another script). Most weekdays ("on Tuesday.") fail,
    and the pattern, slow to compile, is not tried."""
    at = end + (text[end:end + 1] == ",")
    after = at
    while text[after:after + 1].isspace():  # str.isspace() holds every regex \s
        after += 1
    if after == at:
        return False
    after += text[after:after + 1] == "("
    first = text[after:after + 1]
    return first in _DATE_STARTS or first.isdigit() or not first.isascii()


def _lede_weekday(document, published, claims, weekdays):
    """The lede's weekday must be the dateline's day or the day before.

    A wire lede reports the day's news (or the previous day's, filed overnight):
    "Warsaw, 20 February - Farmers blocked on Tuesday ..." cannot be right when
    February 20 is a Thursday. The dateline's weekday comes from the page date's
    year. Without a year, the story's own "Weekday, Month Day" claims are checked
    against the lede, since weekdays move in step with dates: in a story datelined
    March 12 whose lede says "on Tuesday", March 12 is a Tuesday or a Wednesday, so
    "Friday, March 17" is wrong (it is a Sunday or a Monday); the claim is reported.
    A lede about the future ("will vote on Friday") is left alone.
    """
    parsed = dateline_day_and_month(document)
    if parsed is None:
        return
    dateline = document.dateline
    lede = next((s for s in document.sentences if s.start >= dateline.end), None)
    if lede is None or not any(lede.start <= start < lede.end for start in weekdays):
        return  # no weekday's name in the lede
    said = _LEDE_WEEKDAY.search(document.text, lede.start, lede.end)
    if not said or _FUTURE.search(document.text, lede.start, said.start()):
        return
    month, day = parsed
    dated = nearest(month, day, published) if published else None
    date = f"{MONTH_NAMES[month - 1]} {day}"
    lede_day = WEEKDAY_NAMES.index(said["weekday"])
    if dated is None or abs((dated - published).days) > _INFERRED_WINDOW_DAYS:
        # No year: weekdays still move in step with dates, so the story's own
        # "Weekday, Month Day" claims must agree with the lede's day.
        for claim in claims:
            if claim.start() < lede.end or claim["year"]:
                continue
            later = (month_number(claim["month"]), int(claim["day"]))
            weekday = WEEKDAY_NAMES.index(claim["weekday"])
            if any((weekday - shift - lede_day) % 7 in (0, 1)
                   for shift in _day_shifts(parsed, later)):
                continue
            claimed = f"{MONTH_NAMES[later[0] - 1]} {later[1]}"
            yield Hit(claim.start("weekday"), claim.end("weekday"),
                      f"'{claim['weekday']}, {claimed}' contradicts the lede's "
                      f"'{said.group().strip()}' in a story datelined {date}: one of the "
                      "two days is wrong.")
        return
    if (dated.weekday() - lede_day) % 7 in (0, 1):
        return
    yield Hit(said.start("weekday"), said.end("weekday"),
              f"'{said['weekday']}' in the lede of a story datelined {date}, "
              f"{dated.year}, a {WEEKDAY_NAMES[dated.weekday()]}: the lede's day is the "
              "dateline's day or the day before.")


def _day_shifts(first: tuple[int, int], second: tuple[int, int]) -> set[int]:
    """Days from one (month, day) to the nearest other, in a common and a leap year."""
    shifts = set()
    for year in (2023, 2024):
        start = safe_date(year, *first)
        end = start and nearest(*second, start)
        if end:
            shifts.add((end - start).days)
    return shifts


def _date_of(match, published: datetime.date | None) -> datetime.date | None:
    month, day = month_number(match["month"]), int(match["day"])
    if match["year"]:
        return safe_date(int(match["year"]), month, day)
    if published is None:
        return None
    dated = nearest(month, day, published)
    if dated is None or abs((dated - published).days) > _INFERRED_WINDOW_DAYS:
        return None
    return dated
