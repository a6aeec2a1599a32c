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

import html
import re
from html.parser import attrfind_tolerant, locatestarttagend_tolerant, tagfind_tolerant

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
# Elements whose content is raw text up to their end tag (as HTMLParser reads them).
RAW_TEXT = {name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_INCOMPLETE = _LETTERS | {"=", "/", ""}
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")
_GT = re.compile(">")
# The next '<', read at once when it opens a start tag without attributes (1), with
# its text (2) when the element's own end tag (as endtagfind reads it, the name's
# ASCII case aside) follows the text, or an end tag as endtagfind reads it (3); other
# markup is read by the patterns above.
_MARKUP = re.compile(r"""<(?:
    ([a-zA-Z][^\t\n\r\f />\x00]*)>
    (?:([^<]*+)</\s*(?=[a-zA-Z][-.a-zA-Z0-9:_]*\s*>)(?ai:\1)\s*>)?
  | /\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
)?""", re.VERBOSE)


def tree(text: str) -> Element:
    """Elements with offsets; unclosed tags are closed by their ancestor's end tag.

    One scan from '<' to '<' (text between tags is skipped by a pattern search), with
    the standard library HTMLParser's own tag and attribute patterns, so tags,
    attributes, comments, declarations and raw-text script/style are read as it
    reads them, without its per-reference and per-line bookkeeping. Each
    element's content list is given and filled here (``_content``).
    """
    root = Element("#document", 0, 0, len(text), None, [])
    root.named = named = {}
    stack = [root]
    cursor = 0  # end of the last markup: text runs start there
    position = 0
    while (markup := _MARKUP.search(text, position)) is not None:
        at = markup.start()
        kind = markup.lastindex
        if kind == 1 or kind == 2:  # a start tag without attributes: the common case
            name, end, attrs, tail = markup[1].lower(), markup.end(1) + 1, {}, ">"
            text_alone = kind == 2 and name not in VOID  # its text, then its end tag
        elif kind == 3:  # an end tag as endtagfind reads it
            if cursor < at:
                stack[-1]._content.append((cursor, at))
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
                        stack[-1]._content.append((cursor, at))
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
                stack[-1]._content.append((cursor, at))
            cursor = max(cursor, end)
            continue
        if cursor < at:
            stack[-1]._content.append((cursor, at))
        if text_alone:
            content_start, content_end = markup.span(2)
            element = Element(name, at, content_start, content_end, attrs,
                              [(content_start, content_end)] if content_end > content_start else [])
            cursor = position = markup.end()
        else:
            element = Element(name, at, end, end, attrs, [])
            cursor = position = end
        stack[-1].children.append(element)
        stack[-1]._content.append(element)
        try:
            named[name].append(element)
        except KeyError:
            named[name] = [element]
        if not text_alone and tail == ">" and name not in VOID:
            stack.append(element)
            if name in RAW_TEXT:
                closing = RAW_TEXT[name].search(text, end)
                if closing is None:  # unclosed: the rest of the file is its content
                    break
                position = closing.start()
    if cursor < len(text):
        stack[-1]._content.append((cursor, len(text)))
    for element in stack[1:]:
        element.content_end = len(text)
    return root


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


def _close(stack: list[Element], name: str, at: int) -> None:
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
    root = tree(text)
    scope = root.find("article") or root.find("main") or root.find("body") or root
    runs: list[tuple[int, int]] = []
    blocks: list[Block] = []
    headline = scope.find("h1") or root.find("h1")
    if headline is not None and not _inside(headline, scope):
        collect_blocks(text, headline, BLOCKS, {}, SKIP, runs, blocks, "headline")
    roles = _roles(scope, headline)
    collect_blocks(text, scope, BLOCKS, {}, SKIP, runs, blocks)
    blocks = [(b[0], b[1], roles[b[0]], None) if b[0] in roles else b for b in blocks]
    date = _page_date(text, root, scope)
    if date:
        blocks.append(date)
    masked, spans = keep(text, sorted(runs))
    return masked, spans, {"format": "html", "blocks": blocks}


def _page_date(text: str, root: Element, scope: Element) -> Block | None:
    """The publication date CMS pages carry in markup: the article's ``<time datetime>``,
    else ``<meta property="article:published_time">`` (Open Graph)."""
    candidates = [(e, "datetime") for e in root.find_all("time") if _inside(e, scope)]
    candidates += [(e, "content") for e in root.find_all("meta") if (
        e.attrs.get("property") or e.attrs.get("name")) == "article:published_time"]
    for element, attribute in candidates:
        value = element.attrs.get(attribute, "")
        if iso_date(value):
            offset = text.find(value, element.start, element.content_start)
            return offset, offset + len(value), "page-date", iso_date(value)
    return None


def _inside(element: Element, scope: Element) -> bool:
    return scope.start <= element.start < scope.content_end


def _roles(scope: Element, headline: Element | None) -> dict:
    """Roles by block start: the h1 is the headline, class names tell dateline and byline."""
    roles: dict = {}
    if headline is not None:
        roles.update({start: "headline" for start, _ in headline.text_runs(SKIP)})
    for element in _walk(scope):
        classes = element.attrs.get("class")
        if not classes:  # most elements
            continue
        classes = classes.lower()
        role = ("dateline" if "dateline" in classes else
                "byline" if "byline" in classes or "author" in classes else None)
        if role:
            roles.update({start: role for start, _ in element.text_runs(SKIP)})
    return roles


def _walk(element: Element) -> list[Element]:
    """Descendants in file order."""
    found = []
    pending = element.children[::-1]
    while pending:
        child = pending.pop()
        found.append(child)
        pending.extend(child.children[::-1])
    return found
