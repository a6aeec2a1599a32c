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
from typing import Mapping, NamedTuple

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
_NO_ATTRIBUTES = MappingProxyType({})
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_INCOMPLETE = _LETTERS | {"=", "/", ""}
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")
_GT = re.compile(">")
# The next '<', read at once when it opens a start tag without attributes (1), with
# its text (2) when the element's own end tag (as endtagfind reads it, the name's
# ASCII case aside) follows the text, an end tag as endtagfind reads it (3), a start
# tag (4) whose attributes (5) are all name="value", names in lower case (so the
# dict of their pairs is made at once), closed by "/>" (6) or by '>' and
# then, as in case 2, its text (7) and own end tag, a declaration or processing
# instruction (8) or a comment (9); other markup is read by the patterns above. For
# tags of case 4, HTMLParser's patterns (tagfind, attrfind, locatestarttagend) read
# the same name, attributes and end.
_OWN_END_TAG = r"</\s*(?=[a-zA-Z][-.a-zA-Z0-9:_]*\s*>)"
_MARKUP = re.compile(rf"""<(?:
    ([a-zA-Z][^\t\n\r\f />\x00]*)>(?:([^<]*+){_OWN_END_TAG}(?ai:\1)\s*>)?
  | /\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
  | ([a-zA-Z][-.a-zA-Z0-9:_]*)((?:[ \t\n\r\f]++[a-z_:][-.a-z0-9:_]*+="[^"]*+")++)
    [ \t\n\r\f]*+(?:(/)>|>(?:([^<]*+){_OWN_END_TAG}(?ai:\4)\s*>)?)
  | (!(?!--|\[)|\?)[^>]*+>
  | (!--)
)?""", re.VERBOSE)
_ATTRIBUTE = re.compile(r'([a-z_:][-.a-z0-9:_]*+)="([^"]*+)"')


class Node:
    """An element: where its start tag (``start``, the offset of '<') and its content
    start and end, its attributes, its child elements, and its content, text runs
    (start, end) and child items in file order.

    :func:`tree` sets the fields itself: a call to a Python ``__init__`` costs several
    times the stores, and a page has dozens of elements."""

    __slots__ = ("name", "start", "content_start", "content_end", "attrs", "children",
                 "content")

    def text_runs(self, skip=frozenset()) -> list[tuple[int, int]]:
        """Text runs of the element and its descendants (``skip`` ones left out), in file order."""
        runs: list[tuple[int, int]] = []
        _add_text_runs(self, skip, runs)
        return runs


class Leaf(NamedTuple):
    """An element without child elements: its text alone, or no content (void
    elements, ``<x/>``). A tuple, made in C: most elements of a page are such."""

    name: str
    start: int
    content_start: int
    content_end: int
    attrs: Mapping[str, str]
    content: tuple[tuple[int, int], ...]  # its text run, if any
    children = ()

    def text_runs(self, skip=frozenset()) -> tuple[tuple[int, int], ...]:
        return self.content


def _add_text_runs(item, skip, runs: list) -> None:
    for part in item.content:
        if type(part) is tuple:
            runs.append(part)
        elif part.name not in skip:
            _add_text_runs(part, skip, runs)


def tree(text: str) -> tuple[Node, dict[str, list], list]:
    """The page's root element, its elements by name (those :func:`mask` looks for)
    and the elements with a class attribute, each in file order; unclosed tags are
    closed by their ancestor's end tag.

    One scan from '<' to '<' (text between tags is skipped by a pattern search), with
    the standard library HTMLParser's own tag and attribute patterns, so tags,
    attributes, comments, declarations and raw-text script/style are read as it
    reads them, without its per-reference and per-line bookkeeping.
    """
    root = Node()
    root.name, root.start, root.content_start, root.content_end = "#document", 0, 0, len(text)
    root.attrs, root.children, root.content = {}, [], []
    named: dict[str, list] = {name: [] for name in _NAMED}
    classed: list = []
    stack = [root]
    content, children = root.content, root.children  # the open element's
    cursor = 0  # end of the last markup: text runs start there
    position = 0
    search = _MARKUP.search
    new_tuple = tuple.__new__
    while (markup := search(text, position)) is not None:
        at = markup.start()
        kind = markup.lastindex
        if kind == 2 and (name := markup[1].lower()) not in VOID:  # text alone: the common case
            if cursor < at:
                content.append((cursor, at))
            run = markup.span(2)
            element = new_tuple(Leaf, (name, at, *run, _NO_ATTRIBUTES,
                                       (run,) if run[1] > run[0] else ()))
            children.append(element)
            content.append(element)
            if name in named:
                named[name].append(element)
            cursor = position = markup.end()
            continue
        if kind == 1 or kind == 2:  # a start tag without attributes
            name, attrs, end = markup[1].lower(), _NO_ATTRIBUTES, markup.end(1) + 1
        elif kind == 3:  # an end tag as endtagfind reads it
            if cursor < at:
                content.append((cursor, at))
            name = markup[3].lower()
            if stack[-1].name == name and len(stack) > 1:  # the open element's: the common case
                stack.pop().content_end = at
            else:
                _close(stack, name, at)
            content, children = stack[-1].content, stack[-1].children
            position = markup.end()
            cursor = max(cursor, position)
            continue
        elif kind is not None and kind < 8:  # a start tag with name="value" attributes
            name = markup[4].lower()
            attrs = (dict(_ATTRIBUTE.findall(markup[5])) if "&" not in markup[5] else
                     {key: html.unescape(value) for key, value in _ATTRIBUTE.findall(markup[5])})
            end = markup.start(7) if kind == 7 else markup.end()
        else:
            if kind == 9:  # a comment
                close = _COMMENT_CLOSE.search(text, at + 4)
                if close is None:
                    position = _unfinished(text, at)
                    continue
                position = close.end()
                found = text.find("-->", at)
                end = len(text) if found < 0 else found + 3
            elif kind == 8:  # a declaration or processing instruction
                position = end = markup.end()
            elif text[at + 1:at + 2] in _LETTERS:  # a start tag of another form
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
                kind = 6 if tail == "/>" else 5
            elif text.startswith("</", at):  # an end tag endtagfind does not read
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
                        content.append((cursor, at))
                        cursor = at
                    _close(stack, name_match.group(1).lower(), at)
                    content, children = stack[-1].content, stack[-1].children
            elif text[at + 1:at + 2] in ("!", "?"):  # a marked section, or unfinished
                close = (_SECTION_CLOSE.search(text, at + 3) if text.startswith("<![", at)
                         else _GT.search(text, at + 2))
                if close is None:
                    position = _unfinished(text, at)
                    continue
                position = end = close.end()
            else:  # a lone '<' is text
                position = at + 1
                continue
            if kind != 5 and kind != 6:
                # markup other than a start tag: the text before it is a run of the open element
                if cursor < at:
                    content.append((cursor, at))
                cursor = max(cursor, end)
                continue
        if cursor < at:
            content.append((cursor, at))
        if (kind == 2 or kind == 7) and name not in VOID:  # its text and end tag read with it
            run = markup.span(kind)
            element = new_tuple(Leaf, (name, at, *run, attrs, (run,) if run[1] > run[0] else ()))
            cursor = position = markup.end()
        elif kind == 6 or name in VOID:
            element = new_tuple(Leaf, (name, at, end, end, attrs, ()))
            cursor = position = end
        else:
            element = Node()  # its content_end is set where it closes
            element.name, element.start, element.content_start = name, at, end
            element.attrs, element.children, element.content = attrs, [], []
            cursor = position = end
        children.append(element)
        content.append(element)
        if name in named:
            named[name].append(element)
        if "class" in attrs:
            classed.append(element)
        if type(element) is Node:
            stack.append(element)
            content, children = element.content, element.children
            if name in RAW_TEXT:
                closing = RAW_TEXT[name].search(text, end)
                if closing is None:  # unclosed: the rest of the file is its content
                    break
                position = closing.start()
    if cursor < len(text):
        content.append((cursor, len(text)))
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
    scope = (named["article"] or named["main"] or named["body"] or [root])[0]
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
        iso = iso_date(value)
        if iso:
            offset = text.find(value, element.start, element.content_start)
            return offset, offset + len(value), "page-date", iso
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
