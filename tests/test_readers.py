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


def test_xml_offsets_are_characters_not_bytes():
    """Expat reports UTF-8 byte offsets: text with accents, curly quotes, emoji and a BOM
    must still give each element's character offset."""
    text = ('\ufeff<?xml version="1.0" encoding="UTF-8"?>\r\n<nitf><body><body.head><hedline>'
            "<hl1>Café “résumé” 🎉 fête</hl1></hedline></body.head>\r\n<body.content>"
            "<p>Ünïcode <em>here</em> &amp; there <!-- note --> and <![CDATA[raw]]> after.</p>"
            "<p>Second 😀 para.</p></body.content></body></nitf>")
    document = read_document(text, "u.nitf")
    normalized = text.replace("\r\n", "\n")
    assert document.headline.text == "Café “résumé” 🎉 fête"
    assert document.headline.start == normalized.index("Café")
    assert document.position(document.headline.start) == (2, normalized.split("\n")[1].index("Café") + 1)
    first, second = document.body
    assert first.text.startswith("Ünïcode") and first.first_line == 3
    assert document.position(first.start) == (3, normalized.split("\n")[2].index("Ünïcode") + 1)
    # the comment is masked, the CDATA section's text is read, the reference decoded in place
    assert "note" not in first.text and "raw" in first.text and "&     there" in first.text
    assert second.text == "Second 😀 para." and document.text[second.start:second.end] == second.text


def test_xml_empty_cdata_section_keeps_every_offset():
    text = ("<nitf><body><body.content><p>ab<![CDATA[]]>cd <!-- x --><![CDATA[]]>ef</p>"
            "</body.content></body></nitf>")
    document = read_document(text, "a.nitf")
    assert len(document.text) == len(text)
    (paragraph,) = document.paragraphs
    assert paragraph.start == text.index("ab") and paragraph.end == text.index("ef") + 2
    assert paragraph.text.split() == ["ab", "cd", "ef"]


def test_xml_attribute_may_hold_a_closing_bracket():
    text = ('<nitf><head><docdata><date.issue title="a>b" norm="20240328T093000Z"/></docdata>'
            '</head><body><body.content><p>Text after.</p></body.content></body></nitf>')
    document = read_document(text, "a.nitf")
    assert document.page_date.text == "2024-03-28"
    assert text[document.page_date.start:document.page_date.end] == "20240328T093000Z"
    assert [p.text for p in document.paragraphs] == ["Text after."]


def test_xml_attributes_read_from_the_tag_are_valued_as_expat_values_them():
    """Attributes are read from the start tag when asked for: the same values expat gives."""
    from xml.parsers import expat

    from copylint.readers.xmlscan import parse

    text = ('<!DOCTYPE x SYSTEM "x.dtd">\n<x:root xmlns:x="urn:x" a=\'q "1" &amp; &#x41;&#66;\'>'
            '<x:item\n  b="tab\there\nline &lt;&gt;&quot;&apos; &#10;&#9;end" c = "a>b/c" d="&nbsp;"/>'
            '<leaf e="">text</leaf><box f="1"><i>in</i></box></x:root>')
    expected = []
    parser = expat.ParserCreate("utf-8")
    parser.StartElementHandler = lambda _tag, attrs: expected.append(
        {key.rsplit(":", 1)[-1]: value for key, value in attrs.items()})
    parser.Parse(text.encode("utf-8"), True)
    root = parse(text, "a.xml")
    elements = sorted([root, *(e for found in root.named.values() for e in found if e is not root)],
                      key=lambda e: e.start)
    assert [e.attrs for e in elements] == expected


def test_xml_attribute_defaults_of_the_dtd_are_applied():
    text = ('<!DOCTYPE xliff [<!ATTLIST file source-language CDATA "de">]>\n<xliff version="1.2">'
            '<file target-language="en"><body><trans-unit id="1"><source>Guten Tag</source>'
            "<target>Good day</target></trans-unit></body></file></xliff>")
    document = read_document(text, "a.xlf")
    assert document.source_languages == ("de",)
    assert document.meta["segments"][0]["source_lang"] == "de"


@pytest.mark.parametrize("text", [
    '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="es-ES" target-language="en">'
    '<body>\n<trans-unit id="a&amp;b" x="1>2"><source>Hola &amp; adi&#243;s</source>'
    '<target state="final">Hello &amp; bye</target></trans-unit>\n<trans-unit id="2"><source>Sin'
    '</source></trans-unit><trans-unit id="3"><source>Con <g id="1">tag</g></source><target>With '
    '<g id="1">tag</g></target></trans-unit>\n<trans-unit id="4"><source>x</source><target/>'
    '</trans-unit><trans-unit id="5"><target>T</target><source>S</source></trans-unit ><trans-unit '
    'id="6"><source>a</source><target>b</target><note>n</note></trans-unit></body></file>\n<file '
    'target-language="fr"/><file source-language="de"><body><trans-unit id="7"><source>Guten'
    '</source><target>Bonjour</target></trans-unit></body></file></xliff>\n',
    '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>b</target>'
    '</trans-unit><trans-unit id="2"/></body></file></xliff>',
    '<xliff version="1.2"><file><body><trans-unit id="a\tb"><source>a</source></trans-unit>'
    '<trans-unit id=\'q\'><source>b</source></trans-unit><trans-unit id="1" xml:id="2"><source>'
    'c</source></trans-unit><trans-unit  id = "s" ><source>d</source><target>e</target>'
    '</trans-unit><trans-unit translate="no" id="t"><source>f</source></trans-unit></body></file>'
    '</xliff>',
    '<xliff version="1.2"><file><body><trans-unit id="1"/><trans-unit id="2"><source>a</source>'
    '<target>b</target></trans-unit><trans-unit id="3"><source>c</source><target><g>d</g>'
    '</target></trans-unit></body></file></xliff>',
    '\ufeff<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es" '
    'trgLang="en">\n <file id="f">\n  <unit id="u1"><segment id="s1"><source>Uno dos</source>'
    '<target>One two</target></segment><segment><source>Tres <ph id="1"/></source><target>Three'
    '</target></segment></unit>\n  <unit id="u2"><segment><source xml:space="preserve"> Cuatro '
    '</source>\n<target> Four </target>\n</segment></unit>\n </file>\n</xliff>\n',
])
def test_xliff_read_by_patterns_as_from_its_tree(text):
    """Units of text alone are read by patterns, others from their own tree; a comment
    makes the whole file be read from the tree: the Document must be the same."""
    scanned = read_document(text, "a.xlf")
    from_tree = read_document(text + "<!-- tree -->\n", "a.xlf")
    assert scanned.meta == from_tree.meta and scanned.paragraphs == from_tree.paragraphs
    assert scanned.sentences == from_tree.sentences and scanned.masked[:-1] == from_tree.masked[:-1]
    assert scanned.source_languages == from_tree.source_languages
    assert scanned.language == from_tree.language


def test_undefined_entity_with_external_dtd_is_refused_at_its_position():
    text = '<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf>\n  <p>é &nbsp; x</p></nitf>'
    with pytest.raises(InputError, match=r"bad\.nitf:3:8: malformed XML: undefined entity &nbsp;"):
        read_document(text, "bad.nitf")


def test_html_markup_after_a_bad_character_reference_is_still_markup():
    """HTMLParser stopped reading tags after a second malformed '&#' reference."""
    text = "<article><h1>Head</h1>\n<p>A &#; and &#x; z</p>\n<p>Last <b>bold</b> done.</p></article>"
    document = read_document(text, "a.html")
    assert [p.text for p in document.paragraphs][1:] == ["A &#; and &#x; z", "Last    bold     done."]


def test_html_marked_section_is_masked_whole():
    text = "<article><h1>Head line</h1><![CDATA[ x > y ]]><p>Body text here.</p></article>"
    document = read_document(text, "a.html")
    assert "y" not in document.text.replace("Body", "")
    assert [p.text for p in document.paragraphs] == ["Head line", "Body text here."]


def test_html_raw_text_and_unusual_tags_read_as_html_parser_does():
    text = ('<HTML><Body><ARTICLE><H1 Class="x">Big news</H1><style>p{}</STYLE >'
            '<p class=dateline>LIMA, Peru (EFE) -</p>'
            '<p>One <3 two <script>if (a<b) {x="</p>"}</script> more <img alt="a>b"/>.</p>'
            '<!-- a -- > b --><p>Last.</p></ARTICLE></Body></HTML>')
    document = read_document(text, "a.html")
    assert document.headline.text == "Big news"
    assert document.dateline.place == "LIMA"
    assert [" ".join(p.text.split()) for p in document.body][1:] == ["One <3 two more .", "Last."]
    assert "if (a" not in document.text and "p{}" not in document.text


def test_html_elements_with_attributes_void_elements_and_declarations():
    """Tags read in one match (text alone with attributes, void elements, '<x/>',
    declarations) give the positions HTMLParser's patterns give."""
    text = ('<!DOCTYPE html><?xml version="1.0"?><html lang="en"><body><nav><a href="/">Home</a>'
            '</nav><article><h1 class="title">Big news</h1><p class="dateline">LIMA, Peru (EFE) -'
            '</p><p>One<br>two</br> three <img src="x.jpg">caption</img> end.</p>'
            '<time datetime="2024-05-02">May 2</time><p>Last &amp; least<br/>here.</p></article>'
            '</body></html>')
    document = read_document(text, "a.html")
    assert [p.text for p in document.paragraphs] == [
        "Big news", "LIMA, Peru (EFE) -",
        "One    two      three                  caption       end.", "May 2",
        "Last &     least     here."]
    assert [(p.start, p.end) for p in document.paragraphs] == [
        (116, 124), (149, 167), (174, 231), (263, 268), (278, 304)]
    assert document.headline.text == "Big news" and document.dateline.place == "LIMA"
    assert document.page_date.text == "2024-05-02"
