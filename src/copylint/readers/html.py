"""HTML from a CMS page or export: the article's headline, dateline and paragraphs.

The standard library's HTMLParser reports where each tag starts, so an element
tree with file offsets is built from it. Scripts, styles, forms, the head and
markup are not prose. When the page has an ``<article>`` (else ``<main>``),
only it is read, plus the page's ``<h1>``: menus and footers around the article
are the page's, not the story's. Whatever sits inside the article is read,
chrome included, because chrome leaked into the body is what the boilerplate
rules report.
"""

from __future__ import annotations

from html.parser import HTMLParser
from itertools import accumulate

from .masking import keep
from .nitf import iso_date
from .structure import Block, collect_blocks
from .xmlscan import Element

BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote figcaption caption td th pre address "
    "header footer section aside nav ul ol table tr".split()
)
SKIP = frozenset("script style noscript template svg math head form button select "
                 "textarea iframe object code".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _TreeBuilder(HTMLParser):
    """Elements with offsets; unclosed tags are closed by their ancestor's end tag."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]
        self.root = Element("#document", 0, 0, len(text))
        self.stack = [self.root]
        self.cursor = 0

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _text_until(self, offset: int) -> None:
        if offset > self.cursor:
            self.stack[-1].runs.append((self.cursor, offset))

    def handle_starttag(self, tag, attrs):
        start = self._at()
        self._text_until(start)
        end = start + len(self.get_starttag_text() or "")
        element = Element(tag, start, end, end,
                          attrs={k: (v or "", start) for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)
        self.cursor = end

    def handle_startendtag(self, tag, attrs):
        start = self._at()
        self._text_until(start)
        end = start + len(self.get_starttag_text() or "")
        self.stack[-1].children.append(Element(tag, start, end, end,
                                               attrs={k: (v or "", start) for k, v in attrs}))
        self.cursor = end

    def handle_endtag(self, tag):
        start = self._at()
        self._text_until(start)
        end = self.text.find(">", start) + 1 or len(self.text)
        if any(e.name == tag for e in self.stack[1:]):
            while self.stack[-1].name != tag:
                self.stack.pop().content_end = start
            self.stack.pop().content_end = start
        self.cursor = end

    def _markup(self, *_):
        """Comments, declarations, processing instructions: not prose."""
        start = self._at()
        self._text_until(start)
        self.cursor = max(self.cursor, self._markup_end(start))

    def _markup_end(self, start: int) -> int:
        closer = "-->" if self.text.startswith("<!--", start) else ">"
        found = self.text.find(closer, start)
        return len(self.text) if found < 0 else found + len(closer)

    handle_comment = handle_decl = handle_pi = unknown_decl = _markup

    def close(self):
        super().close()
        self._text_until(len(self.text))
        for element in self.stack[1:]:
            element.content_end = len(self.text)


def mask(text: str, name: str = "<html>"):
    builder = _TreeBuilder(text)
    builder.feed(text)
    builder.close()
    root = builder.root
    scope = root.find("article") or root.find("main") or root.find("body") or root
    runs: list[tuple[int, int]] = []
    blocks: list[Block] = []
    headline = scope.find("h1") or root.find("h1")
    if headline is not None and not _inside(headline, scope):
        collect_blocks(headline, BLOCKS, {}, SKIP, runs, blocks, "headline")
    roles = _roles(scope, headline)
    collect_blocks(scope, BLOCKS, {}, SKIP, runs, blocks)
    blocks = [Block(b.start, b.end, roles.get(b.start, b.role)) for b in blocks]
    date = _page_date(text, root, scope)
    if date:
        blocks.append(date)
    masked, spans = keep(text, sorted(runs))
    return masked, spans, {"format": "html", "blocks": blocks}


def _page_date(text: str, root: Element, scope: Element) -> Block | None:
    """The publication date CMS pages carry in markup: the article's ``<time datetime>``,
    else ``<meta property="article:published_time">`` (Open Graph)."""
    candidates = [(e, "datetime") for e in _walk(scope) if e.name == "time"]
    candidates += [(e, "content") for e in _walk(root) if e.name == "meta" and (
        e.attrs.get("property") or e.attrs.get("name") or ("", 0))[0] == "article:published_time"]
    for element, attribute in candidates:
        value = element.attrs.get(attribute, ("", 0))[0]
        if iso_date(value):
            offset = text.find(value, element.start, element.content_start)
            return Block(offset, offset + len(value), "page-date", iso_date(value))
    return None


def _inside(element: Element, scope: Element) -> bool:
    return scope.start <= element.start < scope.content_end


def _roles(scope: Element, headline: Element | None) -> dict:
    """Roles by block start: the h1 is the headline, class names tell dateline and byline."""
    roles: dict = {}
    if headline is not None:
        roles.update({start: "headline" for start, _ in headline.text_runs(SKIP)})
    for element in _walk(scope):
        classes = (element.attrs.get("class") or ("", 0))[0].lower()
        role = ("dateline" if "dateline" in classes else
                "byline" if "byline" in classes or "author" in classes else None)
        if role:
            roles.update({start: role for start, _ in element.text_runs(SKIP)})
    return roles


def _walk(element: Element):
    for child in element.children:
        yield child
        yield from _walk(child)
