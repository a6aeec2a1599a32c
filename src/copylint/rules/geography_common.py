"""What the geography rules share: a dateline that files its city under the wrong country."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple


class Misfiled(NamedTuple):
    city: object  # the gazetteer Place of the dateline's city
    stated: str  # the country the dateline names
    actual: str  # the city's country
    shared: bool  # the city's name is shared by cities of several countries


_META_KEY = "geography.misfiled-dateline"


def misfiled_dateline(document) -> Misfiled | None:
    """The dateline's city and countries when it names a country the city is not in.

    A city whose name is its alone ("KYIV, Russia") is decided by the gazetteer. A name
    that cities of several countries share ("La Paz, Ecuador") may also be a town of
    the stated country too small for the gazetteer (there is a La Paz in Ecuador), so
    the story decides: it is misfiled only when the story never names the stated
    country, not even by a demonym, and is clearly about one of the city's countries.
    """
    if _META_KEY not in document.meta:
        document.meta[_META_KEY] = _misfiled(document)
    return document.meta[_META_KEY]


def _misfiled(document) -> Misfiled | None:
    dateline = document.dateline
    if dateline is None or not dateline.region:
        return None
    from .. import gazetteer

    region = gazetteer.lookup(dateline.region)
    city = gazetteer.lookup(dateline.place)
    stated = region and region.kind == "country" and (region.country or region.nation)
    if not stated or city is None or city.kind != "city" or stated in city.countries:
        return None
    if city.country is not None:
        return Misfiled(city, stated, city.country, False)
    places = [m.place for m in gazetteer.mentions(document)
              if not dateline.start <= m.start < dateline.end]
    if any(stated in place.countries for place in places):
        return None
    counts = Counter(place.country for place in places
                     if place.country and not place.common_word)
    ranked = counts.most_common(2)
    if (ranked and ranked[0][0] in city.countries and ranked[0][1] >= 2
            and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])):
        return Misfiled(city, stated, ranked[0][0], True)
    return None
