"""Shared by the dates rules: month names and the story's page date.

Why here and not in document.py: the document model keeps the page date and the
dateline date as text; only the dates rules need them as calendar dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ._lazy import lazy_re, lazy_regex

if TYPE_CHECKING:
    import datetime  # imported where a date is built: most stories need none

ENGLISH_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")], 1)
    for name in names
}
# Month names of the usual source languages, lower case as those languages write them.
FOREIGN_MONTHS = {
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}
FOREIGN_MONTH_NUMBERS = {
    name.lower(): number
    for names in FOREIGN_MONTHS.values()
    for number, name in enumerate(names.split(), 1)
}
FOREIGN_MONTH_NUMBERS["setiembre"] = 9
MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_PAGE_DATE = lazy_regex(
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})"
    r"|(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})"
    r"|(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})"
    r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})",
    regex.IGNORECASE,
)
_DAY_MONTH = lazy_regex(
    r"(?P<month>\p{L}+)\.?\s+(?P<day>\d{1,2})\b|(?P<day>\d{1,2})\s+(?:de\s+)?(?P<month>\p{L}+)"
)


def month_number(name: str) -> int | None:
    """January, Jan, Sept, enero, März ... as 1-12."""
    key = name.lower().rstrip(".")
    return ENGLISH_MONTHS.get(key) or FOREIGN_MONTH_NUMBERS.get(key)


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    import datetime

    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# A publication stamp pasted at the end of a story ("Published: 03/02/2025 10:42").
_END_STAMP = lazy_regex(
    r"(?:(?:published|updated|posted|last\s+updated|date\s+of\s+publication|publication\s+date)"
    r"(?:\s+on)?\s*:?\s*)?(?P<date>[^\n]{6,30}?)"
    r"(?:\s*(?:[-|,·•]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?\s*",
    regex.IGNORECASE,
)


_STAMP_LENGTH = 60
_YEAR = lazy_re(r"(?:19|20)\d\d")


# A stamp above the story: a numeric date, or a word that says what the line is
# ("Source: Xinhua | 2022-08-15 23:41", "Published on 26/06/2024 - 19h42").
_TOP_STAMP = lazy_regex(
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}"
    r"|\b(?:published|updated|posted|source|date)\b|\|", regex.IGNORECASE,
)
_TOP_STAMP_LENGTH = 80


def page_dates(document) -> tuple[datetime.date, ...]:
    """Readings of the page's publication date: the page-date line above the story,
    else a stamp line above the dateline (which the document model may have taken
    for a headline), else a stamp on one of the last two lines. Two readings for
    03/02/2025 (March 2 or 3 February), none when there is no date.
    """
    key = "dates.page_dates"
    if key not in document.meta:
        found: tuple[datetime.date, ...] = ()
        if document.page_date is not None:
            match = _PAGE_DATE.search(document.page_date.text)
            found = _readings(match) if match else ()
        if not found:
            found = _top_stamp(document)
        if not found:
            last = [line.text.strip() for line in document.lines[-4:]]
            for line in [text for text in last if text][-2:]:
                # A stamp is a short line with a year (story sentences and
                # credits are skipped unparsed).
                stamp = (len(line) <= _STAMP_LENGTH and _YEAR.search(line)
                         and _END_STAMP.fullmatch(line))
                match = stamp and _PAGE_DATE.fullmatch(stamp["date"])
                if match:
                    found = _readings(match)
        document.meta[key] = found
    return document.meta[key]


def _top_stamp(document) -> tuple[datetime.date, ...]:
    """The date of a short stamp line above the dateline paragraph."""
    dateline = document.dateline
    if dateline is None:
        return ()
    for paragraph in document.paragraphs[:dateline.paragraph]:
        text = paragraph.text
        if len(text) <= _TOP_STAMP_LENGTH and _YEAR.search(text) and _TOP_STAMP.search(text):
            match = _PAGE_DATE.search(text)
            if match:
                return _readings(match)
    return ()


def page_date(document) -> datetime.date | None:
    """The calendar date of the page (None when absent or when 03/04/2024 is unclear)."""
    dates = page_dates(document)
    return dates[0] if len(dates) == 1 else None


def _readings(match) -> tuple[datetime.date, ...]:
    """The date a page-date match can mean: both day-first and month-first when unclear."""
    if match["a"] and int(match["a"]) <= 12 and int(match["b"]) <= 12 and match["a"] != match["b"]:
        year, a, b = int(match["year"]), int(match["a"]), int(match["b"])
        return tuple(d for d in (safe_date(year, a, b), safe_date(year, b, a)) if d)
    date = _from_match(match)
    return (date,) if date else ()


def _from_match(match) -> datetime.date | None:
    year = int(match["year"])
    if match["a"]:  # unclear readings (03/04/2024) are split by _readings
        a, b = int(match["a"]), int(match["b"])
        return safe_date(year, b, a) if a > 12 else safe_date(year, a, b)
    month = int(match["mnum"]) if match["mnum"] else month_number(match["month"])
    return safe_date(year, month, int(match["day"])) if month else None


def day_and_month(text: str) -> tuple[int, int] | None:
    """(month, day) of a dateline date such as 'January 7', 'Jan. 7' or '7 de enero'."""
    match = _DAY_MONTH.fullmatch(text.strip())
    if not match:
        return None
    month = month_number(match["month"])
    return (month, int(match["day"])) if month else None


def dateline_day_and_month(document) -> tuple[int, int] | None:
    """day_and_month() of the story's dateline date, parsed once per document
    (dates/page-vs-dateline and dates/weekday-mismatch both need it)."""
    key = "dates.dateline_day_and_month"
    if key not in document.meta:
        dateline = document.dateline
        document.meta[key] = day_and_month(dateline.date) if dateline and dateline.date else None
    return document.meta[key]


def nearest(month: int, day: int, anchor: datetime.date) -> datetime.date | None:
    """The date with this month and day closest to ``anchor`` (year boundaries allowed;
    of two as close, the earlier)."""
    best, best_gap = None, 0
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = safe_date(year, month, day)
        if candidate is not None:
            gap = abs((candidate - anchor).days)
            if best is None or gap < best_gap:
                best, best_gap = candidate, gap
    return best
