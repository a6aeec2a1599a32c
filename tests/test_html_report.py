"""The HTML report, checked as a DOM: self-contained, every finding highlighted in
place and explained to hover and keyboard, filters and summary, contrast."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup as _Soup
from bs4.builder import HTMLParserTreeBuilder

from copylint.config import Config
from copylint.engine import Linter
from copylint.formatters import Report, render
from copylint.formatters.html import CSS

STORY = (
    "News Collective\n\nHome | World | Asia\n\n"
    "Floods kill 15 in southern Brazil\n\n"
    "PORTO ALEGRE, Brazil (AP) - At least 15 people died after  heavy rain, officials said. "
    "Losses reached 1,5 billion reais, <script>alert(1)</script> the governor said.\n\n"
    "See also: Brazil braces for more storms\n"
)
CLEAN = "Rains ease in Brazil\n\nPORTO ALEGRE, Brazil (AP) - The rain stopped on Monday, officials said.\n"


def BeautifulSoup(html: str, _parser: str) -> _Soup:
    """The stdlib parser, keeping runs of spaces in the story text as browsers do
    under ``white-space: pre-wrap`` (BeautifulSoup collapses them by default)."""
    return _Soup(html, builder=HTMLParserTreeBuilder(preserve_whitespace_tags={"span", "mark"}))


@pytest.fixture(scope="module")
def linter():
    return Linter(Config())


def _report(linter, sources: dict[str, str]) -> Report:
    findings = sorted(f for path, text in sources.items() for f in linter.lint_text(text, path))
    return Report(findings, list(sources), [], linter.registry.rules, tool_version="test",
                  sources=sources)


@pytest.fixture(scope="module")
def report(linter):
    return _report(linter, {"story.txt": STORY, "clean.txt": CLEAN})


@pytest.fixture
def soup(report):
    return BeautifulSoup(render("html", report), "html.parser")


def test_document_is_self_contained(soup, report):
    html = render("html", report)
    assert html.startswith("<!DOCTYPE html>")
    assert soup.html["lang"] == "en" and soup.title.string == "copylint report"
    assert soup.find("meta", charset="utf-8")
    assert not soup.find("link") and not soup.find("img") and not soup.find("iframe")
    assert all(not s.get("src") for s in soup.find_all("script"))
    assert not re.search(r"url\(|@import|https?://", html)


def test_every_line_is_shown_and_text_is_escaped(soup):
    doc = soup.find("section", class_="doc")
    assert doc.h2.get_text() == "story.txt"
    rows = doc.find_all("div", class_="line")
    shown = []
    for row in rows:
        text = row.find("span", class_="tx")
        for tips in text.find_all("span", class_="tips"):
            tips.extract()
        shown.append(text.get_text())
    assert shown == STORY.rstrip("\n").split("\n")
    assert not soup.find("script", string=re.compile("alert"))


def test_each_finding_is_highlighted_focusable_and_explained(soup, report):
    story_findings = [f for f in report.findings if f.path == "story.txt"]
    assert len(story_findings) >= 4
    anchors = soup.select("mark.hl.anchor")
    described = {}
    for mark in anchors:
        assert mark["tabindex"] == "0"
        for tip_id in mark["aria-describedby"].split():
            described[tip_id] = mark
    tips = soup.select(".tip[role=tooltip]")
    assert len(tips) == len(story_findings)
    for tip, finding in zip(tips, story_findings):
        assert tip["id"] in described, "every explanation belongs to a focusable highlight"
        text = " ".join(tip.get_text().split())
        assert finding.message in text and finding.rule in text
        assert tip["data-severity"] == str(finding.severity)
        assert tip["data-category"] == finding.category
        rule = report.rules[finding.rule]
        assert rule.description in text  # the explanation
        if finding.suggestion == " ":
            assert "Suggestion: one space." in text
        elif finding.suggestion:
            assert f"Suggestion: {finding.suggestion}" in text
        mark = described[tip["id"]]
        assert str(finding.severity) in mark["class"]
        # The highlight starts where the finding does.
        row = mark.find_parent("div", class_="line")
        assert row["id"].endswith(f"-L{finding.line}")


def test_highlight_covers_the_span(soup):
    marks = [m for m in soup.select("mark.hl") if m.get_text() == "1,5"]
    assert marks and "numbers" in " ".join(
        soup.find(id=f"tip-{i}")["data-category"] for i in marks[0]["data-findings"].split())
    spaces = [m for m in soup.select("mark.hl") if m.get_text() == "  "]
    assert spaces, "the double space is highlighted"


def test_filters_are_labelled_form_controls(soup, report):
    form = soup.find("form", id="filters")
    severities = {i["value"] for i in form.find_all("input", attrs={"name": "severity"})}
    categories = {i["value"] for i in form.find_all("input", attrs={"name": "category"})}
    assert severities == {str(f.severity) for f in report.findings}
    assert categories == {f.category for f in report.findings}
    for box in form.find_all("input"):
        assert box["type"] == "checkbox" and box.has_attr("checked")
        assert box.find_parent("label") is not None
    assert [legend.get_text() for legend in form.find_all("legend")] == ["Severity", "Category"]
    assert form.find(id="filter-status")["role"] == "status"


def test_summary_by_category_and_rule(soup, report):
    table = soup.find("section", attrs={"aria-labelledby": "summary-h"}).table
    counts = {}
    for row in table.find_all("tr"):
        cells = row.find_all("td")
        if cells:
            counts[cells[0].get_text()] = int(cells[2].get_text())
    assert counts == dict(report.counts_by_rule())
    groups = [th.get_text() for th in table.find_all("th", scope="rowgroup")]
    assert any(g.startswith("boilerplate: ") for g in groups)


def test_clean_files_and_problem_list(soup, report):
    clean = soup.find("section", attrs={"aria-labelledby": "clean-h"})
    assert "clean.txt" in clean.get_text()
    items = soup.select("ol.problems li[data-finding]")
    assert len(items) == len(report.findings)
    assert items[0].a["href"].startswith("#d1-L")


def test_crlf_source_and_no_findings(linter):
    text = "Quiet day in Lima\r\n\r\nLIMA, May 2 (Reuters) - Nothing happened, police said.\r\n"
    html = render("html", _report(linter, {"calm.txt": text}))
    soup = BeautifulSoup(html, "html.parser")
    assert "All clear" in soup.find("p", class_="summary-line").get_text()
    assert not soup.find("form", id="filters")
    crlf = "Head line\r\n\r\nRates rose to 8,4 % in May.\r\n"
    soup = BeautifulSoup(render("html", _report(linter, {"r.txt": crlf})), "html.parser")
    mark = soup.select_one("mark.hl.anchor")
    assert mark.get_text() == "8,4" and mark.find_parent("div", class_="line")["id"] == "d1-L3"


# -- readability ----------------------------------------------------------------------

def _variables() -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{3,6})", CSS))


def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("fg, bg, minimum", [
    ("ink", "paper", 4.5), ("muted", "paper", 4.5), ("muted", "panel", 4.5),
    ("ink", "err-bg", 4.5), ("ink", "warn-bg", 4.5), ("ink", "info-bg", 4.5),
    ("#ffffff", "err", 4.5), ("#ffffff", "warn", 4.5), ("#ffffff", "info", 4.5),  # badges
    ("err", "err-bg", 3), ("warn", "warn-bg", 3), ("info", "info-bg", 3),  # underlines
    ("focus", "paper", 3),
])
def test_colours_meet_wcag_aa(fg, bg, minimum):
    colours = _variables()
    ratio = _contrast(colours.get(fg, fg), colours.get(bg, bg))
    assert ratio >= minimum, f"{fg} on {bg}: {ratio:.2f}"


def test_type_is_large_enough():
    body = re.search(r"body\{[^}]*font:([\d.]+)rem", CSS)
    assert float(body.group(1)) >= 1.0  # 16 px or more
    assert "html{font-size:100%}" in CSS  # the reader's own setting is respected
