"""dates/page-vs-dateline: the dateline's date is far from the page's publication date."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from .dates_common import MONTH_NAMES, dateline_day_and_month, nearest, page_dates


class PageVsDateline(Rule):
    id = "dates/page-vs-dateline"
    severity = Severity.WARNING
    description = "The dateline's date is days away from the page date: stale or mis-dated copy."
    rationale = (
        "Aggregators republish wire stories long after they ran, or stamp them with the "
        "crawl date: a page dated March 28 carrying 'Nur-Sultan, January 7' presents "
        "old news as new. The dateline's day and month are placed in the year nearest "
        "the page date (so a December 30 dateline on a January 2 page is three days "
        "old); a publication stamp pasted below the story counts as the page date, and "
        "an unclear one (03/02/2025) is reported only when both readings are far. A "
        "dateline more than `max_days_before` days before the page date, or more "
        "than `max_days_after` after it (one day allows for time zones), is reported on "
        "the dateline. Severity warning, not error: a feature or an archive page may be "
        "dated so on purpose, but an editor must look."
    )
    bad_example = "March 28, 2024\n\nNUR-SULTAN, January 7 (EFE) - Kazakh forces ..."
    good_example = "January 7, 2022\n\nNUR-SULTAN, January 7 (EFE) - Kazakh forces ..."
    options = {"max_days_before": 7, "max_days_after": 1}

    def check(self, document, options):
        parsed = dateline_day_and_month(document)
        if parsed is None:
            return
        dateline = document.dateline
        before, after = int(options["max_days_before"]), int(options["max_days_after"])
        gaps = []  # one per reading of the page date (03/02/2025 has two)
        for published in page_dates(document):
            dated = nearest(parsed[0], parsed[1], published)
            if dated is not None:
                gaps.append(((published - dated).days, published))
        if not gaps or any(-after <= days <= before for days, _ in gaps):
            return
        days, published = min(gaps, key=lambda gap: abs(gap[0]))
        start = document.text.index(dateline.date, dateline.start, dateline.end)
        when = (f"{days} days before" if days > 0 else f"{-days} days after")
        page = f"{MONTH_NAMES[published.month - 1]} {published.day}, {published.year}"
        yield Hit(start, start + len(dateline.date),
                  f"The dateline says '{dateline.date}', {when} the page date {page}: "
                  "stale or mis-dated copy.")
