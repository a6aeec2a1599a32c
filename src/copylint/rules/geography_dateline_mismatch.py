"""geography/dateline-mismatch: a dateline city filed under the wrong country."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from .geography_common import misfiled_dateline


class DatelineMismatch(Rule):
    id = "geography/dateline-mismatch"
    severity = Severity.WARNING
    description = "The dateline names a city and a country the city is not in."
    rationale = (
        "\"KYIV, Russia (AP) —\" or \"Almaty, Uzbekistan (EFE)\" is a translation or template "
        "slip that readers notice at once. The rule checks the dateline's country against "
        "the gazetteer. US-style state datelines (\"SPRINGFIELD, Ill.\") and regions it does "
        "not know are left alone. A city name used in several countries (La Paz, Córdoba, "
        "Valencia) may also be a small town of the stated country, so it is reported only "
        "when the story never names that country and is clearly about one of the city's."
    )
    bad_example = "KYIV, Russia (AP) — Air raid sirens sounded across the capital on Monday."
    good_example = "KYIV, Ukraine (AP) — Air raid sirens sounded across the capital on Monday."

    def check(self, document, options):
        misfiled = misfiled_dateline(document)
        if misfiled is None:
            return
        from .. import gazetteer

        dateline = document.dateline
        text = document.text
        # After the place: an agency may come first ("(ANSA) - TUNIS, Morocco -").
        place_end = text.find(dateline.place, dateline.start, dateline.end) + len(dateline.place)
        start = text.find(dateline.region, place_end, dateline.end)
        if start < 0:
            return
        city = misfiled.city.canonical
        stated = gazetteer.country_name(misfiled.stated)
        actual = gazetteer.country_name(misfiled.actual)
        message = (f"the dateline puts {city} in {stated}, but the story is set in {actual}, "
                   f"where {city} is" if misfiled.shared else
                   f"the dateline puts {city} in {stated}, but {city} is in {actual}")
        yield Hit(start, start + len(dateline.region), message,
                  gazetteer.country_name(misfiled.actual, article=False))
