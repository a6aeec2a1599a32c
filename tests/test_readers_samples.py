"""Sample files in each format (tests/inputs/), written after the real schemas' element
structure: every finding at its exact line and column in the file."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from copylint.readers import read_document
from test_readers import _lint

INPUTS = Path(__file__).parent / "inputs"
# Line-anchored boilerplate rules allow at most 6 masked characters before a line's
# text (boilerplate_common.LEAD_IN), so a paragraph indented in the page's source, or
# an XLIFF target after its unit's tags on the same line, is not seen.


def _read(name):
    text = (INPUTS / name).read_text(encoding="utf-8")
    return text, read_document(text, name)


def test_html_cms_page():
    text, document = _read("cms-page.html")
    assert document.headline.text == "Floods kill 15 in southern Brazil"
    assert document.position(document.headline.start) == (14, 9)
    assert (document.dateline.place, document.dateline.region, document.dateline.date,
            document.dateline.agency) == ("PORTO ALEGRE", "Brazil", "May 2", "EFE")
    assert document.page_date.text == "2024-05-02"  # Open Graph article:published_time
    # nav, masthead and footer outside <article> are the site's, not the story's
    assert [p.first_line for p in document.paragraphs] == [14, 15, 16, 17, 18, 19, 20]
    assert not any("Subscribe" in p.text or "Home" in p.text for p in document.paragraphs)
    # scripts, styles, the head and the alt text are not prose
    assert "dataLayer" not in document.text and "trackArticle" not in document.text
    assert "Rescuers in a boat" not in document.text
    # &#8220; and &amp; are decoded where the reference starts
    assert document.text[document.lines[16].start + 7] == "\u201c"
    assert _lint(text, "cms-page.html") == [
        (16, 108, "numbers/thousands-dot"),
        (18, 122, "boilerplate/credit"),  # photo credit in the figure caption
        (19, 8, "boilerplate/related-link"),  # a leaked "Read more:" paragraph, indented <p>
        (20, 73, "fragment/lowercase-start"),
    ]


def test_newsml_g2_news_item():
    text, document = _read("newsitem.xml")
    assert document.headline.text == "Earthquake damages 3.500 homes in southern Peru"
    assert document.position(document.headline.start) == (17, 15)
    assert document.dateline.place == "AREQUIPA" and document.dateline.date == "March 15"
    assert document.page_date.text == "2024-03-15"  # contentCreated
    assert [p.role for p in document.paragraphs] == ["headline", "body", "byline"] + ["body"] * 4
    # rights, subjects, located and the XHTML head are metadata
    assert "Copyright" not in document.text and "disaster" not in document.text
    assert "Peru earthquake" not in document.text
    assert _lint(text, "newsitem.xml") == [
        (17, 34, "numbers/thousands-dot"),
        (29, 87, "dates/source-language-month"),
    ]


@pytest.mark.parametrize("name,title_column", [("story-yaml.md", 9), ("story-toml.md", 10)])
def test_markdown_front_matter_variants(name, title_column):
    text, document = _read(name)
    assert document.headline.text == "Wildfires force 2,000 from homes in northern Portugal"
    assert document.position(document.headline.start) == (2, title_column)
    assert document.page_date.text == "2024-08-16"
    assert document.source_languages == ("pt",) and document.language == "en"
    # link targets, the image, the comment and the code fence are not prose; the
    # suppression comment silences line 24's '1.200'
    for hidden in ("3.000", "1.500", "5.000", "Lusa/EFE", "example.com"):
        assert hidden not in document.text
    assert _lint(text, name) == [
        (9, 86, "numbers/thousands-dot"),
        (17, 44, "dates/source-language-month"),
    ]


def test_markdown_heading_is_its_own_paragraph():
    _, document = _read("story-yaml.md")
    texts = {p.first_line: p.text for p in document.paragraphs}
    assert texts[11] == "Firefighters overwhelmed"
    assert texts[12].startswith("More than 600 firefighters")
    text = "# Dam bursts in Libya\nDERNA, Libya, Sept 11 (AFP) - A dam burst in Derna.\n"
    document = read_document(text, "a.md")
    assert document.headline.text == "Dam bursts in Libya"
    assert document.dateline.place == "DERNA"


def test_markdown_heading_marks_inside_a_fence_are_code():
    text = "Title line here\n\n```\n# not a heading\nstill code\n```\n"
    document = read_document(text, "a.md")
    assert all("heading" not in p.text for p in document.paragraphs)


def test_xliff_2_story():
    text, document = _read("story-2.xlf")
    assert document.headline.text == "Drought leaves 1.2 million Kenyans without food"
    assert document.source_languages == ("es",)  # srcLang is the source-language hint
    assert "Machine translation" not in document.text  # notes and originalData
    assert _lint(text, "story-2.xlf") == [
        (18, 53, "bilingual/name-mismatch"),
        (18, 53, "names/glossary"),
        (18, 99, "bilingual/number-mismatch"),
        (18, 99, "numbers/thousands-dot"),
        (22, 17, "bilingual/inline-tags"),
        (28, 9, "bilingual/untranslated"),
        (32, 17, "bilingual/untranslated"),
        (32, 17, "untranslated/foreign-sentence"),
    ]


def _seed_in(seed: str, kind: str) -> str:
    """Each line of the seed as a file of ``kind``, on the same line number."""
    if kind == "markdown":
        return seed
    lines = [f'<trans-unit id="{i}"><source/><target>{html.escape(line, quote=False)}'
             "</target></trans-unit>" if line.strip() else "" for i, line in enumerate(seed.split("\n"))]
    lines[0] = ('<xliff version="1.2"><file source-language="es" target-language="en"><body>'
                + lines[0])
    return "\n".join(lines) + "</body></file></xliff>\n"


def test_seed_as_markdown_gives_the_plain_text_findings(seed_path):
    seed = seed_path.read_text(encoding="utf-8")
    assert _lint(_seed_in(seed, "markdown"), "seed.md") == _lint(seed, "seed.txt")


def test_seed_as_xliff_targets_gives_the_plain_text_findings(seed_path):
    seed = seed_path.read_text(encoding="utf-8")
    wrapped = _lint(_seed_in(seed, "xliff"), "seed.xlf")
    assert [(line, rule) for line, _, rule in wrapped] == [
        (line, rule) for line, _, rule in _lint(seed, "seed.txt")]
