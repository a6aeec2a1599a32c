"""HTML from a CMS page or export: the article's headline, dateline and paragraphs.

The standard library HTMLParser's patterns find each tag where it starts, so an
element tree with file offsets is built from them. Scripts, styles, forms, the head and
markup are not prose. When the page has an ``<article>`` (else ``<main>``),
only it is read, plus the page's ``<h1>``: menus and footers around the article
are the page's, not the story's. Whatever sits inside the article is read,
chrome included, because chrome leaked into the body is what the boilerplate
rules report.
"""

from __future__ import annotations

import html
import re
from html.parser import attrfind_tolerant, locatestarttagend_tolerant, tagfind_tolerant
from types import MappingProxyType
from typing import NamedTuple

from .masking import keep
from .nitf import iso_date
from .structure import Block, collect_blocks

BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote figcaption caption td th pre address "
    "header footer section aside nav ul ol table tr".split()
)
SKIP = frozenset("script style noscript template svg math head form button select "
                 "textarea iframe object code".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Elements whose content is raw text up to their end tag (as HTMLParser reads them).
RAW_TEXT = {name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
# The elements mask() looks for by name.
_NAMED = ("article", "main", "body", "h1", "time", "meta")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_INCOMPLETE = _LETTERS | {"=", "/", ""}
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")
_GT = re.compile(">")
# The next '<', read at once when it opens a start tag without attributes (1), with
# its text (2) when the element's own end tag (as endtagfind reads it, the name's
# ASCII case aside) follows the text, an end tag as endtagfind reads it (3), or a start
# tag (4) whose attributes (5) are all name="value", "/" (6) before its '>' or not;
# other markup is read by the patterns above. For tags of case 4, HTMLParser's
# patterns (tagfind, attrfind, locatestarttagend) read the same name, attributes and end.
_MARKUP = re.compile(r"""<(?:
    ([a-zA-Z][^\t\n\r\f />\x00]*)>
    (?:([^<]*+)</\s*(?=[a-zA-Z][-.a-zA-Z0-9:_]*\s*>)(?ai:\1)\s*>)?
  | /\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
  | ([a-zA-Z][-.a-zA-Z0-9:_]*)((?:[ \t\n\r\f]++[a-zA-Z_:][-.a-zA-Z0-9:_]*+="[^"]*+")++)
    [ \t\n\r\f]*+(/?)>
)?""", re.VERBOSE)
_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-.a-zA-Z0-9:_]*+)="([^"]*+)"')


class Node:
    """An element: where its start tag and its content start and end, its attributes,
    and its content, text runs (start, end) and child items in file order."""

    __slots__ = ("name", "start", "content_start", "content_end", "attrs", "children",
                 "content")

    def __init__(self, name: str, start: int, content_start: int, content_end: int,
                 attrs: dict[str, str], content: list):
        self.name = name
        self.start = start  # offset of '<'
        self.content_start = content_start
        self.content_end = content_end
        self.attrs = attrs
        self.children: list = []  # the child items of content
        self.content = content

    def text_runs(self, skip=frozenset()) -> list[tuple[int, int]]:
        """Text runs of the element and its descendants (``skip`` ones left out), in file order."""
        runs: list[tuple[int, int]] = []
        _add_text_runs(self, skip, runs)
        return runs


class Leaf(NamedTuple):
    """An element holding text alone and no attributes: a tuple, made in C (most
    elements of an article are paragraphs of text alone)."""

    name: str
    start: int
    content_start: int
    content_end: int
    attrs = MappingProxyType({})
    children = ()

    @property
    def content(self) -> list[tuple[int, int]]:
        return [self[2:]] if self.content_end > self.content_start else []

    def text_runs(self, skip=frozenset()) -> list[tuple[int, int]]:
        return self.content


def _add_text_runs(item, skip, runs: list) -> None:
    for part in item.content:
        if type(part) is tuple:
            runs.append(part)
        elif part.name not in skip:
            _add_text_runs(part, skip, runs)


def tree(text: str) -> tuple[Node, dict[str, list], list[Node]]:
    """The page's root element, its elements by name (those :func:`mask` looks for)
    and the elements with a class attribute, each in file order; unclosed tags are
    closed by their ancestor's end tag.

    One scan from '<' to '<' (text between tags is skipped by a pattern search), with
    the standard library HTMLParser's own tag and attribute patterns, so tags,
    attributes, comments, declarations and raw-text script/style are read as it
    reads them, without its per-reference and per-line bookkeeping.
    """
    root = Node("#document", 0, 0, len(text), {}, [])
    named: dict[str, list] = {name: [] for name in _NAMED}
    classed: list[Node] = []
    stack = [root]
    cursor = 0  # end of the last markup: text runs start there
    position = 0
    while (markup := _MARKUP.search(text, position)) is not None:
        at = markup.start()
        kind = markup.lastindex
        if kind == 1 or kind == 2:  # a start tag without attributes: the common case
            name, end, attrs, tail = markup[1].lower(), markup.end(1) + 1, {}, ">"
            text_alone = kind == 2 and name not in VOID  # its text, then its end tag
        elif kind == 6:  # a start tag with name="value" attributes
            name, end, text_alone = markup[4].lower(), markup.end(), False
            attrs = {key.lower(): html.unescape(value) if "&" in value else value
                     for key, value in _ATTRIBUTE.findall(markup[5])}
            tail = "/>" if markup[6] else ">"
        elif kind == 3:  # an end tag as endtagfind reads it
            if cursor < at:
                stack[-1].content.append((cursor, at))
            _close(stack, markup[3].lower(), at)
            position = markup.end()
            cursor = max(cursor, position)
            continue
        elif text[at + 1:at + 2] in _LETTERS:
            end = _start_tag_end(text, at)
            if end < 0:
                position = _unfinished(text, at)
                continue
            name_match = tagfind_tolerant.match(text, at + 1)
            attrs, rest = _attributes(text, name_match.end(), end)
            tail = text[rest:end].strip()
            if tail not in (">", "/>"):  # not a tag after all: text
                position = end
                continue
            name = name_match.group(1).lower()
            text_alone = False
        else:
            following = text[at + 1:at + 2]
            if following == "/":  # an end tag endtagfind does not read
                close = text.find(">", at + 1)
                if close < 0:
                    position = _unfinished(text, at)
                    continue
                position = end = close + 1
                name_match = tagfind_tolerant.match(text, at + 2)
                if name_match is None and text.startswith("</>", at):
                    position = at + 3
                    continue
                if name_match is not None:  # else a bogus comment
                    if cursor < at:
                        stack[-1].content.append((cursor, at))
                        cursor = at
                    _close(stack, name_match.group(1).lower(), at)
            elif following == "!" and text.startswith("<!--", at):
                close = _COMMENT_CLOSE.search(text, at + 4)
                if close is None:
                    position = _unfinished(text, at)
                    continue
                position = close.end()
                found = text.find("-->", at)
                end = len(text) if found < 0 else found + 3
            elif following in ("!", "?"):  # declaration, marked section, processing instruction
                close = (_SECTION_CLOSE.search(text, at + 3) if text.startswith("<![", at)
                         else _GT.search(text, at + 2))
                if close is None:
                    position = _unfinished(text, at)
                    continue
                position = end = close.end()
            else:  # a lone '<' is text
                position = at + 1
                continue
            # markup other than a start tag: the text before it is a run of the open element
            if cursor < at:
                stack[-1].content.append((cursor, at))
            cursor = max(cursor, end)
            continue
        if cursor < at:
            stack[-1].content.append((cursor, at))
        if text_alone:
            element = tuple.__new__(Leaf, (name, at, *markup.span(2)))
            cursor = position = markup.end()
        else:
            element = Node(name, at, end, end, attrs, [])
            cursor = position = end
        stack[-1].children.append(element)
        stack[-1].content.append(element)
        if name in named:
            named[name].append(element)
        if "class" in attrs:
            classed.append(element)
        if not text_alone and tail == ">" and name not in VOID:
            stack.append(element)
            if name in RAW_TEXT:
                closing = RAW_TEXT[name].search(text, end)
                if closing is None:  # unclosed: the rest of the file is its content
                    break
                position = closing.start()
    if cursor < len(text):
        stack[-1].content.append((cursor, len(text)))
    for element in stack[1:]:
        element.content_end = len(text)
    return root, named, classed


def _start_tag_end(text: str, at: int) -> int:
    """End of the start tag at ``at`` (HTMLParser.check_for_whole_start_tag), -1 if unfinished."""
    end = locatestarttagend_tolerant.match(text, at).end()
    following = text[end:end + 1]
    if following == ">":
        return end + 1
    if following == "/":
        return end + 2 if text.startswith("/>", end) else -1
    if following in _INCOMPLETE:
        return -1
    return max(end, at + 1)


def _attributes(text: str, start: int, end: int) -> tuple[dict[str, str], int]:
    """Attribute names (lower case) and values (references decoded), the last of a name
    kept, and where they stop."""
    attrs: dict[str, str] = {}
    while start < end:
        match = attrfind_tolerant.match(text, start)
        if not match:
            break
        name, rest, value = match.group(1, 2, 3)
        if not rest or not value:
            value = ""
        elif value[:1] == value[-1:] and value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs[name.lower()] = html.unescape(value) if "&" in value else value
        start = match.end()
    return attrs, start


def _close(stack: list[Node], name: str, at: int) -> None:
    """End the open element ``name`` and any left open inside it; a stray end tag is ignored."""
    if stack[-1].name == name and len(stack) > 1:
        stack.pop().content_end = at
    elif any(element.name == name for element in stack[1:]):
        while stack[-1].name != name:
            stack.pop().content_end = at
        stack.pop().content_end = at


def _unfinished(text: str, at: int) -> int:
    """Where reading resumes after markup the input ends inside (HTMLParser.close)."""
    close = text.find(">", at + 1)
    if close >= 0:
        return close + 1
    following = text.find("<", at + 1)
    return following if following >= 0 else at + 1


def mask(text: str, name: str = "<html>"):
    root, named, classed = tree(text)
    scope = next((found[0] for found in (named["article"], named["main"], named["body"])
                  if found), root)
    runs: list[tuple[int, int]] = []
    blocks: list[Block] = []
    headlines = named["h1"]  # the scope's first, else the page's
    headline = next((e for e in headlines if _inside(e, scope)), headlines[0] if headlines else None)
    if headline is not None and not _inside(headline, scope):
        collect_blocks(text, headline, BLOCKS, {}, SKIP, runs, blocks, "headline")
    roles = _roles(scope, headline, classed)
    collect_blocks(text, scope, BLOCKS, {}, SKIP, runs, blocks)
    blocks = [(b[0], b[1], roles[b[0]], None) if b[0] in roles else b for b in blocks]
    date = _page_date(text, named, scope)
    if date:
        blocks.append(date)
    masked, spans = keep(text, sorted(runs))
    return masked, spans, {"format": "html", "blocks": blocks}


def _page_date(text: str, named: dict, scope: Node) -> Block | None:
    """The publication date CMS pages carry in markup: the article's ``<time datetime>``,
    else ``<meta property="article:published_time">`` (Open Graph)."""
    candidates = [(e, "datetime") for e in named["time"] if _inside(e, scope)]
    candidates += [(e, "content") for e in named["meta"] if (
        e.attrs.get("property") or e.attrs.get("name")) == "article:published_time"]
    for element, attribute in candidates:
        value = element.attrs.get(attribute, "")
        if iso_date(value):
            offset = text.find(value, element.start, element.content_start)
            return offset, offset + len(value), "page-date", iso_date(value)
    return None


def _inside(element, scope: Node) -> bool:
    """Whether ``element`` is ``scope`` or starts inside it (then it is a descendant)."""
    return scope.start <= element.start < scope.content_end


def _roles(scope: Node, headline, classed: list[Node]) -> dict:
    """Roles by block start: the h1 is the headline, class names tell dateline and byline."""
    roles: dict = {}
    if headline is not None:
        roles.update({start: "headline" for start, _ in headline.text_runs(SKIP)})
    for element in classed:
        if element is scope or not _inside(element, scope):
            continue
        classes = element.attrs["class"].lower()
        role = ("dateline" if "dateline" in classes else
                "byline" if "byline" in classes or "author" in classes else None)
        if role:
            roles.update({start: role for start, _ in element.text_runs(SKIP)})
    return roles
