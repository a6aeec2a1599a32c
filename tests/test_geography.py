"""geography/* beyond the case file: story-setting inference and message wording."""

from __future__ import annotations

from pathlib import Path

from copylint.config import config_from_mapping
from copylint.document import Document
from copylint.engine import Linter
from copylint import gazetteer
from copylint.rules.geography_wrong_country import story_country


def _lint(text: str, select: str = "geography"):
    linter = Linter(config_from_mapping({"select": [select]}, "<test>", Path.cwd()))
    return linter.lint_text(text, "story.txt")


def _setting(text: str) -> str | None:
    document = Document.from_text(text)
    return story_country(document, gazetteer.mentions(document))


def test_setting_from_dateline_city_region_or_mentions():
    assert _setting("Nur-Sultan, January 7 (EFE). – Protests went on.") == "KZ"
    assert _setting("LVIV, Ukraine, March 4 (Reuters) - Refugees fled west.") == "UA"
    assert _setting("Headline here\n\nChilean miners went on strike on Monday in a dispute "
                    "over pay. Chile is the largest copper producer and Bolivia is not.") == "CL"
    assert _setting("Headline here\n\nOfficials met on Monday to discuss the budget "
                    "for next year and said little else about it.") is None


def test_message_names_the_place_and_the_setting():
    text = ("ANKARA, Feb 8 (EFE) - Turkish teams worked through the night.\n"
            "Medical teams from Azerbaijan have already arrived in Canada, the agency said.\n")
    [finding] = _lint(text, "geography/wrong-country")
    assert "'Canada' appears only here" in finding.message
    assert "set in Turkey" in finding.message
    assert finding.suggestion == "the country"


def test_country_mentioned_twice_is_part_of_the_story():
    text = ("ANKARA, Feb 8 (EFE) - Turkish teams worked through the night.\n"
            "Medical teams have already arrived in Canada, the agency said.\n"
            "Canada's foreign minister pledged more help.\n")
    assert _lint(text, "geography/wrong-country") == []


def test_neighbour_of_the_setting_is_not_flagged():
    text = ("ALMATY, Jan 7 (EFE) - Kazakh authorities said order was being restored.\n"
            "Some families have arrived in Kyrgyzstan, officials said.\n")
    assert _lint(text, "geography/wrong-country") == []


def test_ambiguous_destination_is_not_flagged():
    text = ("ANKARA, Feb 8 (EFE) - Turkish teams worked through the night.\n"
            "A second convoy has arrived in Georgia, the agency said.\n")
    assert _lint(text, "geography/wrong-country") == []


def test_dateline_message_and_suggestion():
    [finding] = _lint("KYIV, Russia (AP) — Sirens sounded.", "geography/dateline-mismatch")
    assert finding.message == "the dateline puts Kyiv in Russia, but Kyiv is in Ukraine"
    assert (finding.line, finding.column, finding.end_column) == (1, 7, 13)
    assert finding.suggestion == "Ukraine"


def test_explain_examples_behave_as_documented():
    from copylint.registry import build_registry

    rules = build_registry().rules
    for rule_id in ("geography/wrong-country", "geography/dateline-mismatch"):
        rule = rules[rule_id]
        assert [f.rule for f in _lint(rule.bad_example, rule_id)] == [rule_id]
        assert _lint(rule.good_example, rule_id) == []
