"""A country's name that foreign cities share still names the country where it is read as one."""

from copylint import gazetteer


def test_country_name_shared_with_a_foreign_city_keeps_its_nation():
    place = gazetteer.lookup("Armenia")  # also a city of Colombia
    assert place.kind == "country" and place.country is None and place.nation == "AM"
    assert "CO" in place.countries


def test_unclear_names_and_cities_have_no_nation():
    assert gazetteer.lookup("Georgia").nation is None  # the country and the US state
    assert gazetteer.lookup("Korea").nation is None
    assert gazetteer.lookup("Lima").nation is None
    assert gazetteer.lookup("Kazakhstan").nation == "KZ"
