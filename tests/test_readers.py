"""Readers: every format gives the same Document model, findings at the file's own positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.config import config_from_mapping
from copylint.engine import Linter
from copylint.readers import format_for, read_document, sniff
from copylint.source import InputError

INPUTS = Path(__file__).parent / "inputs"


def _lint(text, path):
    linter = Linter(config_from_mapping({}, "<test>", Path.cwd()))
    return sorted((f.line, f.column, f.rule) for f in linter.lint_text(text, path))


def _wrap(seed: str, kind: str) -> str:
    """The seed story, one block element per line, so line numbers match the plain text."""
    lines = seed.split("\n")
    head = {"html": "<html><body><article>", "nitf": "<nitf><body><body.content>",
            "newsml": '<newsItem><contentSet><inlineXML contenttype="application/xhtml+xml">'
                      "<html><body>"}[kind]
    tail = {"html": "</article></body></html>", "nitf": "</body.content></body></nitf>",
            "newsml": "</body></html></inlineXML></contentSet></newsItem>"}[kind]
    body = [f"<p>{line}</p>" if line.strip() else "" for line in lines]
    body[0] = head + body[0]
    return "\n".join(body) + tail + "\n"


@pytest.mark.parametrize("kind,suffix", [("html", ".html"), ("nitf", ".nitf"), ("newsml", ".xml")])
def test_seed_wrapped_gives_the_plain_text_findings(seed_path, kind, suffix):
    seed = seed_path.read_text(encoding="utf-8")
    plain = _lint(seed, "seed.txt")
    wrapped = _lint(_wrap(seed, kind), "seed" + suffix)
    # Columns move by the width of the opening tag on each line; lines and rules must not.
    assert [(line, rule) for line, _, rule in wrapped] == [(line, rule) for line, _, rule in plain]


def test_nitf_parts_and_positions():
    text = (INPUTS / "chile.nitf").read_text(encoding="utf-8")
    document = read_document(text, "chile.nitf")
    assert document.headline.text == "Wildfires kill 46 in central Chile"
    assert document.position(document.headline.start) == (10, 21)
    assert document.dateline.place == "VIÑA DEL MAR"
    assert document.dateline.region == "Chile" and document.dateline.date == "Feb. 3"
    assert document.dateline.agency == "EFE"
    assert document.page_date.text == "2024-02-03"
    # two <p> on one line are two paragraphs; the entity keeps the word whole
    body = [p for p in document.body if p.index != document.dateline.paragraph]
    assert len(body) == 2 and body[0].first_line == body[1].first_line == 15
    assert "Viña" in body[0].text
    assert document.position(body[1].start) == (15, 152)


def test_xliff_findings_at_exact_positions():
    text = (INPUTS / "story.xlf").read_text(encoding="utf-8")
    found = _lint(text, "story.xlf")
    assert (7, 27, "bilingual/number-mismatch") in found
    assert (11, 17, "bilingual/inline-tags") in found
    assert (11, 17, "bilingual/untranslated") in found
    assert (15, 9, "bilingual/untranslated") in found


@pytest.mark.parametrize("text,reason", [
    ('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><nitf>&y;</nitf>',
     "entity"),
    ('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf>&x;</nitf>',
     "entity"),
    ("<nitf><body><p>open</body></nitf>", "malformed XML"),
])
def test_hostile_and_bad_xml_is_refused(text, reason):
    with pytest.raises(InputError, match=reason):
        read_document(text, "bad.nitf")


def test_bad_xml_exits_2(cli, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<xliff><file><body></file></xliff>", encoding="utf-8")
    result = cli("check", str(bad))
    assert result.returncode == 2
    assert b"malformed XML" in result.stderr and b"Traceback" not in result.stderr


def test_sniffing_and_extensions():
    assert format_for("a.xlf") == "xliff" and format_for("a.htm") == "html"
    assert format_for("a.xml", text='<?xml version="1.0"?>\n<newsItem/>') == "newsml"
    assert format_for("a.xml", text="<!-- c --><nitf/>") == "nitf"
    assert format_for("a.xml", text="<rss/>") == "text"
    assert sniff("---\ntitle: x\n---\nBody") == "markdown"
    assert format_for("a.txt", "xliff") == "xliff"


def test_markdown_front_matter_headline_and_date():
    text = ("---\ntitle: Floods kill 15 in southern Brazil\ndate: 2024-05-02\nsource: EFE\n---\n\n"
            "PORTO ALEGRE, Brazil, May 2 (EFE). – Floods in southern Brazil have killed at least "
            "15 people, the civil defense said on Thursday.\n")
    document = read_document(text, "story.md")
    assert document.headline.text == "Floods kill 15 in southern Brazil"
    assert document.position(document.headline.start) == (2, 8)
    assert document.page_date.text == "2024-05-02"
    assert document.source_languages == ("es",)
    assert document.dateline.place == "PORTO ALEGRE"
