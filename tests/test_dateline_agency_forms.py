"""Agency datelines beyond "PLACE, Month D (AGENCY) -": the agency first, months in capitals."""

from __future__ import annotations

import pytest

from copylint.document import Document

BODY = " Officials said more talks were planned for later in the week in the capital."


@pytest.mark.parametrize(
    "lede, place, region, date, agency",
    [
        ("(ANSA) - NAPLES, Italy, 4 MAR - Ferries stopped.", "NAPLES", "Italy", "4 MAR", "ANSA"),
        ("(ANSAmed) - BEIRUT, OCTOBER 2 - Talks resumed.", "BEIRUT", None, "OCTOBER 2", "ANSAmed"),
        ("(AGI) - Milano, 21 gen - Borsa in calo.", "Milano", None, "21 gen", "AGI"),
        ("(ANSAmed) - ALGIERS - Gas flows resumed.", "ALGIERS", None, None, "ANSAmed"),
        ("(EFE) – QUITO, 9 NOV – Rain fell.", "QUITO", None, "9 NOV", "EFE"),
        ("VALLETTA, OCT 3 (ANSA) - Ferries stopped.", "VALLETTA", None, "OCT 3", "ANSA"),
        ("MADRID, Sept 15 (EFE) - Strikes spread.", "MADRID", None, "Sept 15", "EFE"),
        ("DAKAR (AFP) - Flights resumed.", "DAKAR", None, None, "AFP"),
    ],
)
def test_agency_first_and_capitalised_months(lede, place, region, date, agency):
    doc = Document.from_text(f"Headline for the story here\n\n{lede}{BODY}\n")
    line = doc.dateline
    assert (line.place, line.region, line.date, line.agency) == (place, region, date, agency)
    assert doc.text[line.end:].startswith(lede.rsplit(" - ", 1)[-1].rsplit(" – ", 1)[-1])


@pytest.mark.parametrize(
    "lede",
    [
        "(Reuters) - Shares in Apple fell on Monday - the third fall in a week.",
        "(Reuters) - IBM: the company said on Monday it would cut jobs.",
        "(EFE) - Police said - without giving details - that two men were held.",
        "(Bloomberg) - Oil Prices - a weekly look at the markets.",
    ],
)
def test_agency_first_needs_a_dateline_after_it(lede):
    doc = Document.from_text(f"Headline for the story here\n\n{lede}{BODY}\n")
    assert doc.dateline is None
