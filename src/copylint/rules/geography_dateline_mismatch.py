"""geography/dateline-mismatch: a dateline city filed under the wrong country."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule


class DatelineMismatch(Rule):
    id = "geography/dateline-mismatch"
    severity = Severity.WARNING
    description = "The dateline names a city and a country the city is not in."
    rationale = (
        "\"KYIV, Russia (AP) —\" or \"Almaty, Uzbekistan (EFE)\" is a translation or template "
        "slip that readers notice at once. The rule checks the dateline's country against "
        "the gazetteer, and only when both names are unambiguous: US-style state datelines "
        "(\"SPRINGFIELD, Ill.\"), regions it does not know and city names used in several "
        "countries (Valencia, Córdoba, Hyderabad) are left alone."
    )
    bad_example = "KYIV, Russia (AP) — Air raid sirens sounded across the capital on Monday."
    good_example = "KYIV, Ukraine (AP) — Air raid sirens sounded across the capital on Monday."

    def check(self, document, options):
        dateline = document.dateline
        if dateline is None or not dateline.region:
            return
        from .. import gazetteer

        region = gazetteer.lookup(dateline.region)
        city = gazetteer.lookup(dateline.place)
        if (region is None or region.kind != "country" or region.country is None
                or city is None or city.kind != "city" or city.country is None
                or region.country in city.countries):
            return
        text = document.text
        # After the place: an agency may come first ("(ANSA) - TUNIS, Morocco -").
        place_end = text.find(dateline.place, dateline.start, dateline.end) + len(dateline.place)
        start = text.find(dateline.region, place_end, dateline.end)
        if start < 0:
            return
        actual = gazetteer.country_name(city.country)
        yield Hit(
            start,
            start + len(dateline.region),
            f"the dateline puts {city.canonical} in {gazetteer.country_name(region.country)}, "
            f"but {city.canonical} is in {actual}",
            gazetteer.country_name(city.country, article=False),
        )
