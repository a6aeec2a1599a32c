"""Data checks of the names glossary (rules/data/names.yaml) and name folding."""

from __future__ import annotations

import yaml

from copylint.resources import data_path
from copylint.rules.names_common import fold, glossary, holds_prefix

KINDS = {"person", "organisation", "place"}


def _raw():
    return yaml.safe_load(data_path("names.yaml").read_text(encoding="utf-8"))


def test_glossary_is_valid_yaml_with_known_keys():
    data = _raw()
    assert set(data) == {"entries", "distinct"}
    for entry in data["entries"]:
        assert set(entry) <= {"name", "kind", "accept", "variants"}, entry
        assert entry["kind"] in KINDS, entry
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"]


def test_no_duplicate_entries_or_spellings():
    data = _raw()
    names = [fold(e["name"]) for e in data["entries"]]
    assert len(names) == len(set(names)), "duplicate canonical names"
    seen: dict[str, str] = {}
    for entry in data["entries"]:
        for spelling in [*entry.get("accept", ()), *entry.get("variants", ())]:
            key = spelling.replace("-", " ").casefold()
            assert key not in seen, f"{spelling!r} listed for {seen.get(key)} and {entry['name']}"
            seen[key] = entry["name"]


def test_no_variant_is_a_correct_spelling():
    """A variant equal to an accepted spelling would flag correct copy.

    A variant may differ from a correct form in accents only ("Erdogán"), never be one.
    """
    correct = {
        spelling.replace("-", " ").casefold()
        for entry in _raw()["entries"]
        for spelling in [entry["name"], *entry.get("accept", ())]
    }
    assert not correct & set(glossary().variants)


def test_distinct_pairs_are_pairs_of_different_names():
    for pair in _raw()["distinct"]:
        assert len(pair) == 2 and fold(pair[0]) != fold(pair[1]), pair


def test_fold_ignores_diacritics_hyphens_and_case():
    assert fold("Erdoğan") == fold("ERDOGAN") == "erdogan"
    assert fold("Kassym-Jomart") == "kassym jomart"
    assert fold("Łukasz Wałęsa") == "lukasz walesa"


def test_run_screen_keeps_every_prefix():
    """holds_prefix passes any run a glossary prefix starts in, "J.D." and "Sa'a" too."""
    assert all(holds_prefix(prefix) for prefix in glossary().prefixes)
    assert holds_prefix("Vance J") and not holds_prefix("The")
