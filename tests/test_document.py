"""The document model: lines, paragraphs, story parts, sentences and positions."""

from __future__ import annotations

import pytest

from copylint.document import Document
from copylint.segment import split_sentences

STORY = """\
May 2, 2025

Daily Wire Digest

Floods force thousands from their homes in southern Brazil

By Ana Souza

PORTO ALEGRE, Brazil, May 2 (Reuters) - Floods forced more than 3,000 people from
their homes on Thursday, officials said.
Rescuers worked through the night.

"We have lost everything," said Maria Silva, 54.
"""


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gen. Smith met Mr. Jones at 3 p.m. The talks ended.",
         ["Gen. Smith met Mr. Jones at 3 p.m.", "The talks ended."]),
        ("The U.S. Army left. Prices rose 3.5 percent.", ["The U.S. Army left.", "Prices rose 3.5 percent."]),
        ("J. K. Rowling wrote No. 3 in Jan. 2020. It sold.", ["J. K. Rowling wrote No. 3 in Jan. 2020.", "It sold."]),
        ("Tengrinews.kz reported it. Others did too.", ["Tengrinews.kz reported it.", "Others did too."]),
        ("He paused... then spoke. Then silence.", ["He paused... then spoke.", "Then silence."]),
        ("“Why?” he asked. Nobody answered.", ["“Why?” he asked.", "Nobody answered."]),
        ("according to the police. said. Next.", ["according to the police.", "said.", "Next."]),
        ("It was 10 a.m. on Monday.", ["It was 10 a.m. on Monday."]),
        ("He lives on Main St. in Springfield.", ["He lives on Main St. in Springfield."]),
    ],
)
def test_segmenter(text, expected):
    assert sentences(text) == expected


def test_story_parts():
    doc = Document.from_text(STORY)
    roles = {p.first_line: p.role for p in doc.paragraphs}
    assert roles[1] == "page-date"
    assert roles[3] == "chrome-candidate"
    assert roles[5] == "headline"
    assert roles[7] == "byline"
    assert doc.headline.text.startswith("Floods force")
    assert doc.dateline.place == "PORTO ALEGRE"
    assert doc.dateline.agency == "Reuters"
    assert doc.dateline.date == "May 2"
    assert doc.page_date.text == "May 2, 2025"


def test_wrapped_paragraphs_join_and_dateline_is_not_a_sentence():
    doc = Document.from_text(STORY)
    lede = next(p for p in doc.paragraphs if p.first_line == 9)
    assert lede.last_line == 10
    assert "Rescuers" not in lede.text  # a short line ending a sentence closes the paragraph
    texts = [s.text for s in doc.sentences]
    assert texts[1].startswith("Floods forced more than 3,000 people from\ntheir homes")
    assert not any(t.startswith("PORTO ALEGRE") for t in texts)


def test_positions_are_characters_of_the_original_lines():
    text = "Línea “uno”\r\nsegunda línea\rtercera"
    doc = Document.from_text(text)
    assert [line.text for line in doc.lines] == ["Línea “uno”", "segunda línea", "tercera"]
    offset = doc.text.index("tercera")
    assert doc.position(offset) == (3, 1)
    assert doc.position(doc.text.index("uno")) == (1, 8)


def test_one_paragraph_per_line_layout():
    long_line = "Officials said the talks would resume next week in Geneva. " * 3
    doc = Document.from_text(f"{long_line}\n{long_line}\n")
    assert len(doc.paragraphs) == 2


def test_empty_document():
    doc = Document.from_text("")
    assert doc.paragraphs == [] and doc.sentences == [] and doc.headline is None


def test_masked_lookup_handles_nested_and_adjacent_spans():
    doc = Document.from_text("a" * 50, masked=[(5, 30), (10, 12), (31, 33)])
    assert doc.is_masked_at(5) and doc.is_masked_at(29) and doc.is_masked_at(11)
    assert not doc.is_masked_at(30) and not doc.is_masked_at(4) and not doc.is_masked_at(33)
    assert doc.is_masked(0, 6) and doc.is_masked(29, 40) and not doc.is_masked(33, 50)


@pytest.mark.parametrize(
    "lede, place, region, date, agency",
    [
        ("BERLIN, March 7 (dpa) - Talks resumed.", "BERLIN", None, "March 7", "dpa"),
        ("Sabinas (Mexico), Aug 7 (EFE). - Rescuers worked.", "Sabinas", "Mexico", "Aug 7", "EFE"),
        ("LONDON (Reuters) - Shares fell.", "LONDON", None, None, "Reuters"),
        ("KYIV, Ukraine (AP) — Drones hit.", "KYIV", "Ukraine", None, "AP"),
        ("Rio de Janeiro, 3 de marzo (EFE).- Rain fell.", "Rio de Janeiro", None, "3 de marzo", "EFE"),
        ("PARIS — Workers struck.", "PARIS", None, None, None),
        ("MOSCOW, November 9. /TASS/. Talks resumed.", "MOSCOW", None, "November 9", "TASS"),
    ],
)
def test_dateline_forms(lede, place, region, date, agency):
    body = " Officials said more talks were planned for later in the week in the capital."
    doc = Document.from_text(f"Headline for the story here\n\n{lede}{body}\n")
    line = doc.dateline
    assert (line.place, line.region, line.date, line.agency) == (place, region, date, agency)


@pytest.mark.parametrize("stamp", ["2023/09/15 10:22", "2024-05-02", "May 2, 2025", "02.05.2025 14:05",
                                   "Updated: 3 May 2025 - 10:32 GMT"])
def test_page_date_forms(stamp):
    body = "LIMA, May 2 (EFE) - Officials said the talks would resume next week in the capital city."
    doc = Document.from_text(f"{stamp}\n\nMiners strike at copper mine in southern Peru\n\n{body}\n")
    assert doc.page_date is not None and doc.page_date.text == stamp
