"""XML read safely and with positions: one expat pass, then one scan of the markup.

Expat (the parser behind ElementTree and defusedxml) checks well-formedness;
the handlers defusedxml sets refuse entity declarations (billion laughs,
external entities) and external references, with defusedxml's own exceptions.
Expat counts UTF-8 bytes and reports no tag ends, so where each element and
its text start and end (ElementTree keeps no positions) is read by one pattern
over the checked text, in characters: findings point at the file's own line
and column.
"""

from __future__ import annotations

import re

import regex

from ..source import InputError

# An attribute as written in a start tag: its value is group 2 or 3.
_ATTR = re.compile(r"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class Element:
    """An element with the offsets of its content (between its tags) in the file."""

    __slots__ = ("name", "start", "content_start", "content_end", "end", "attrs", "children",
                 "_content", "_text", "named")

    def __init__(self, name: str, start: int, content_start: int, content_end: int = -1,
                 attrs: dict[str, str] | None = None, content: list | None = None,
                 text: str | None = None):
        self.name = name  # local name, namespace prefix dropped
        self.start = start  # offset of '<'
        self.content_start = content_start
        self.content_end = content_end
        self.end = content_end  # after the end tag (XML; set when the end tag is read)
        self.attrs = attrs if attrs is not None else {}  # local name: value
        self.children: list[Element] = []
        # Text runs (start, end) and child elements in file order, given (HTML, an XML
        # element of text only) or found in ``text`` between the children when first asked.
        self._content = content
        self._text = text
        self.named: dict[str, list[Element]] | None = None  # the root's: elements by name

    @property
    def content(self) -> list[tuple[int, int] | Element]:
        """Text runs (start, end) and child elements, in file order."""
        if self._content is None:
            text = self._text
            items: list = []
            cursor = self.content_start
            for child in self.children:
                if child.start > cursor:
                    if text.find("<", cursor, child.start) < 0:
                        items.append((cursor, child.start))
                    else:
                        _add_runs(text, items, cursor, child.start)
                items.append(child)
                cursor = child.end
            _add_runs(text, items, cursor, self.content_end)
            self._content = items
        return self._content

    def find(self, *names: str) -> Element | None:
        """First descendant (depth first) whose local name is one of ``names``."""
        if self.named is not None:
            found = [e for name in names for e in self.named.get(name, ())[:2] if e is not self]
            return min(found, key=_start, default=None)
        for child in self.children:
            if child.name in names:
                return child
            found = child.find(*names)
            if found is not None:
                return found
        return None

    def find_all(self, name: str) -> list[Element]:
        """Descendants named ``name``, in file order (the root keeps them by name)."""
        if self.named is not None:
            return [e for e in self.named.get(name, ()) if e is not self]
        found = []
        pending = self.children[::-1]
        while pending:
            element = pending.pop()
            if element.name == name:
                found.append(element)
            pending.extend(element.children[::-1])
        return found

    @property
    def runs(self) -> list[tuple[int, int]]:
        """The element's own text runs."""
        return [item for item in self.content if type(item) is tuple]

    def text_runs(self, skip=frozenset()) -> list[tuple[int, int]]:
        """Text runs of the element and its descendants (``skip`` ones left out), in file order."""
        if not self.children:
            return list(self.content)
        runs: list[tuple[int, int]] = []
        self._add_text_runs(skip, runs)
        return runs

    def _add_text_runs(self, skip, runs: list) -> None:
        for item in self.content:
            if type(item) is tuple:
                runs.append(item)
            elif item.name not in skip:
                item._add_text_runs(skip, runs)


def _start(element: Element) -> int:
    return element.start


def local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def attribute_span(text: str, element: Element, name: str) -> tuple[int, int] | None:
    """Offsets of an attribute's value as written in the start tag."""
    for match in _ATTR.finditer(text, element.start, element.content_start):
        if local(match[1]) == name:
            return match.span(2) if match.start(2) >= 0 else match.span(3)
    return None


def parse(text: str, name: str) -> Element:
    """The root element of a well-formed, safe XML document, with offsets.

    Hostile or malformed XML raises InputError with one clear line.
    """
    from xml.parsers import expat

    import defusedxml

    parser = expat.ParserCreate("utf-8")
    # Expat checks the document and hands over each element's attributes (defaults
    # from the DTD applied, references decoded); the positions come from _tree.
    attributes: list[dict] = []
    note = attributes.append
    parser.StartElementHandler = lambda _tag, element_attributes: note(element_attributes)
    doctype_end: list[int] = []
    parser.EndDoctypeDeclHandler = lambda: doctype_end.append(parser.CurrentByteIndex)
    # defusedxml's protections (forbid_entities, forbid_external).
    parser.EntityDeclHandler = _entity_declared
    parser.UnparsedEntityDeclHandler = _entity_declared
    parser.ExternalEntityRefHandler = _external_reference

    def undefined_entity(entity, _parameter):
        # A reference to an entity the unread external DTD may declare: ElementTree
        # and defusedxml refuse it, and so does copylint.
        error = expat.ExpatError(f"undefined entity &{entity};")
        error.lineno = parser.CurrentLineNumber
        error.offset = parser.CurrentColumnNumber
        raise error

    parser.SkippedEntityHandler = undefined_entity
    data = text.encode("utf-8")
    try:
        parser.Parse(data, True)
    except defusedxml.EntitiesForbidden as exc:
        raise InputError(
            f"{name}: XML declares entity '{exc.name}'; entity declarations are refused "
            "(entity expansion and external entities are unsafe)"
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise InputError(f"{name}: XML refers to an external entity; refused as unsafe") from None
    except expat.ExpatError as exc:
        reason = str(exc).split(":")[0]
        raise InputError(f"{name}:{exc.lineno}:{exc.offset + 1}: malformed XML: {reason}") from None
    finally:  # the handlers naming the parser go: no cycle left to the garbage collector
        parser.EndDoctypeDeclHandler = parser.SkippedEntityHandler = None
    # The DOCTYPE (its internal subset may hold '<') ends at the '>' expat reported.
    start = len(data[:doctype_end[0]].decode("utf-8")) + 1 if doctype_end else 0
    return _tree(text, start, iter(attributes))


def _entity_declared(entity, *_):
    import defusedxml

    raise defusedxml.EntitiesForbidden(entity, None, None, None, None, None)


def _external_reference(*_):
    import defusedxml

    raise defusedxml.ExternalReferenceForbidden(None, None, None, None)


# Markup of a well-formed document, from one '<' (text holds no other '<'): an
# element's start tag with its text when it holds text only (groups 1-3), an
# empty-element tag or start tag (1, 2), an end tag, a comment, a CDATA section
# (4: its content), a processing instruction. Quoted values may hold '>' or '/'.
_MARKUP_TOKEN = re.compile(r"""<(?:
    ([^\s/>!?]++)((?:[^>"'/]++|"[^"]*+"|'[^']*+'|/(?!>))*+)(?:/>|>(?:([^<]*+)</[^>]*+>)?)
  | /[^>]*+>
  | !--.*?-->
  | !\[CDATA\[(.*?)\]\]>
  | \?.*?\?>
)""", re.DOTALL | re.VERBOSE)


def _tree(text: str, start: int, attributes) -> Element:
    """Elements from one scan of the markup (offsets are characters).

    Expat has checked the document, so its markup is found by one pattern; an
    element holding text only is one match. ``attributes`` are expat's, one per
    element in document order. Text runs are found when an element's content is
    first asked for (most elements' never is).
    """
    names: dict[str, str] = {}
    stack: list[Element] = []
    root = None
    named: dict[str, list[Element]] = {}
    for match in _MARKUP_TOKEN.finditer(text, start):
        kind = match.lastindex
        if kind is None or kind == 4:  # end tag, comment, processing instruction, CDATA
            if stack and text[match.start() + 1] == "/":
                element = stack.pop()
                element.content_end = match.start()
                element.end = match.end()
            continue
        at, end = match.span()
        tag = match[1]
        try:
            name = names[tag]
        except KeyError:
            name = names[tag] = local(tag)
        element_attributes = next(attributes)
        for key in element_attributes:
            if ":" in key:  # prefixed names: local names
                element_attributes = {local(k): v for k, v in element_attributes.items()}
                break
        if kind == 3:  # text only
            content_start, content_end = match.span(3)
            element = Element(name, at, content_start, content_end, element_attributes,
                              [(content_start, content_end)] if content_end > content_start else [])
            element.end = end
        elif text[end - 2] == "/":  # empty-element tag
            element = Element(name, at, end, end, element_attributes, [])
        else:
            element = Element(name, at, end, -1, element_attributes, None, text)
        try:
            named[name].append(element)
        except KeyError:
            named[name] = [element]
        if stack:
            stack[-1].children.append(element)
        else:
            root = element
        if element.content_end < 0:
            stack.append(element)
    root.named = named
    return root


# Markup other than elements inside an element's content.
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[(.*?)\]\]>|<\?.*?\?>", re.DOTALL)


def _add_runs(text: str, runs: list, start: int, end: int) -> None:
    """Text between two tags, comments and processing instructions left out, CDATA
    sections' content kept."""
    if end <= start:
        return
    if text.find("<", start, end) < 0:
        runs.append((start, end))
        return
    cursor = start
    for match in _MARKUP.finditer(text, start, end):
        if match.start() > cursor:
            runs.append((cursor, match.start()))
        if match.start(1) >= 0:
            runs.append(match.span(1))
        cursor = match.end()
    if end > cursor:
        runs.append((cursor, end))


_ROOT = regex.compile(r"<(?![?!/])(?:[\w.-]+:)?([\w.-]+)")


def root_name(text: str) -> str | None:
    """Local name of the root element, found without parsing (for sniffing)."""
    position = 0
    while True:
        match = _ROOT.search(text, position)
        if match is None:
            return None
        # skip anything inside comments or the DOCTYPE before the root
        before = text[:match.start()]
        if before.count("<!--") > before.count("-->"):
            position = match.end()
            continue
        return match.group(1)
