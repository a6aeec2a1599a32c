"""The cheap screens that spare a pattern's compilation never turn away a match.

A one-file run compiles only the patterns a story may need; each screen below
stands before a pattern, and must admit everything the pattern would match,
including what case-blind matching (ſ for s) and any script's digits allow.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "2023/09/15 10:22", "May 2, 2025", "Updated: 3 May 2025", "ſunday, May 4, 2025", "poſted 2025-05-02",
    "Last updated May 4, 2025", "١٢/٠٥/٢٠٢٥", "Published on 04.05.2025 - 10:32",
])
def test_page_date_screen_admits_every_page_date(text):
    from copylint.document import PAGE_DATE, _may_be_page_date

    assert PAGE_DATE.match(text) and _may_be_page_date(text)


def test_page_date_and_byline_screens_turn_prose_away():
    from copylint.document import _may_be_byline, _may_be_page_date

    assert not _may_be_page_date("Storm cuts power to thousands")
    assert not _may_be_byline("Porto Diário") and _may_be_byline("Por Ana Gómez")


def test_foreign_script_screen_holds_every_character_of_the_script_ranges():
    from copylint.rules.untranslated_script import ANY_FOREIGN_FAST, MAYBE_FOREIGN

    for code in range(0x370, 0x31350):
        char = chr(code)
        if ANY_FOREIGN_FAST.match(char):
            assert MAYBE_FOREIGN.match(char), hex(code)
    assert MAYBE_FOREIGN.search("Guimarães — “Diário”, 3 €") is None


def test_weekday_dates_are_tried_only_where_one_can_follow():
    from copylint.rules.dates_weekday_mismatch import _WEEKDAY_DATE, _date_after

    for text in ("Monday, March 5, 2024", "Monday 5 March", "Monday\u00a0(March 5)", "Monday, 5 of May",
                 "Monday, \u0665 May"):
        assert _WEEKDAY_DATE.match(text) and _date_after(text, len("Monday")), text
    for text in ("Monday.", "Monday's vote", "Monday, after the vote", "Monday night"):
        assert not _date_after(text, len("Monday")), text
