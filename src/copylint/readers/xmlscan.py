"""XML read safely and with positions, in one expat pass.

Expat (the parser behind ElementTree and defusedxml) checks well-formedness;
the handlers defusedxml sets refuse entity declarations (billion laughs,
external entities) and external references, with defusedxml's own exceptions.
The same pass records where each element starts and ends (ElementTree keeps
no positions), so findings point at the file's own line and column. Expat
counts bytes of UTF-8: offsets are mapped to characters as the events arrive.
"""

from __future__ import annotations

import re

import regex

from ..source import InputError

# A start tag's end: '>' outside quoted attribute values (a value may hold '>').
_TAG_END = re.compile(r"""(?:[^>"']+|"[^"]*"|'[^']*')*>""")
# Markup expat reports no element event for, inside an element's content.
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>", re.DOTALL)
_CONTINUATION = bytes(1 if 0x80 <= b < 0xC0 else 0 for b in range(256))
_ATTR = regex.compile(r"""(?P<name>[^\s=/>]+)\s*=\s*(?:"(?P<v>[^"]*)"|'(?P<v>[^']*)')""")


class Element:
    """An element with the offsets of its content (between its tags) in the file."""

    __slots__ = ("name", "start", "content_start", "content_end", "attrs", "children", "content",
                 "named")

    def __init__(self, name: str, start: int, content_start: int, content_end: int = -1,
                 attrs: dict[str, str] | None = None):
        self.name = name  # local name, namespace prefix dropped
        self.start = start  # offset of '<'
        self.content_start = content_start
        self.content_end = content_end
        self.attrs = attrs if attrs is not None else {}  # local name: value
        self.children: list[Element] = []
        # text runs (start, end) and child elements, in file order
        self.content: list[tuple[int, int] | Element] = []
        self.named: dict[str, list[Element]] | None = None  # the root's: elements by name

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

    def text_runs(self, skip=frozenset()):
        """Text runs of the element and its descendants, in file order."""
        for item in self.content:
            if type(item) is tuple:
                yield item
            elif item.name not in skip:
                yield from item.text_runs(skip)


def _start(element: Element) -> int:
    return element.start


def local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def attribute_span(text: str, element: Element, name: str) -> tuple[int, int] | None:
    """Offsets of an attribute's value as written in the start tag."""
    for match in _ATTR.finditer(text, element.start, element.content_start):
        if local(match["name"]) == name:
            return match.span("v")
    return None


def parse(text: str, name: str) -> Element:
    """The root element of a well-formed, safe XML document, with offsets.

    Hostile or malformed XML raises InputError with one clear line.
    """
    from xml.parsers import expat

    import defusedxml

    data = text.encode("utf-8")
    parser = expat.ParserCreate("utf-8")
    # The handlers only note each event and its byte offset; the tree is built after.
    events: list[tuple[int, str | None, dict | None]] = []
    note = events.append
    parser.StartElementHandler = lambda tag, attributes: note(
        (parser.CurrentByteIndex, tag, attributes))
    parser.EndElementHandler = lambda tag: note((parser.CurrentByteIndex, None, None))
    def entity_declared(entity, *_):
        raise defusedxml.EntitiesForbidden(entity, None, None, None, None, None)

    def external_reference(*_):
        raise defusedxml.ExternalReferenceForbidden(None, None, None, None)

    def undefined_entity(entity, _parameter):
        # A reference to an entity the unread external DTD may declare: ElementTree
        # and defusedxml refuse it, and so does copylint.
        error = expat.ExpatError(f"undefined entity &{entity};")
        error.lineno = parser.CurrentLineNumber
        error.offset = parser.CurrentColumnNumber
        raise error

    # defusedxml's protections (forbid_entities, forbid_external).
    parser.EntityDeclHandler = entity_declared
    parser.UnparsedEntityDeclHandler = entity_declared
    parser.ExternalEntityRefHandler = external_reference
    parser.SkippedEntityHandler = undefined_entity
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
    return _tree(text, data, events)


def _tree(text: str, data: bytes, events) -> Element:
    """Elements and text runs from the noted events, byte offsets mapped to characters."""
    # A character is one UTF-8 lead byte plus its continuation bytes (0x80-0xBF): an
    # offset in characters is the byte offset less the continuation bytes before it.
    multibyte = len(data) != len(text)
    continuations = data.translate(_CONTINUATION) if multibyte else b""
    byte = skipped = 0  # the last byte offset mapped and the continuation bytes before it
    names: dict[str, str] = {}
    stack: list[Element] = []
    root = None
    cursor = 0  # end of the last tag
    named: dict[str, list[Element]] = {}
    for at, tag, attributes in events:
        if multibyte:
            skipped += continuations.count(1, byte, at)
            byte, at = at, at - skipped
        if tag is None:  # an end tag, or the end of an empty-element tag
            element = stack.pop()
            if element.content_end < 0:
                if at > cursor:
                    if text.find("<", cursor, at) < 0:
                        element.content.append((cursor, at))
                    else:
                        _add_runs(text, element.content, cursor, at)
                element.content_end = at
                cursor = text.index(">", at) + 1
            continue
        if stack and at > cursor:
            if text.find("<", cursor, at) < 0:
                stack[-1].content.append((cursor, at))
            else:
                _add_runs(text, stack[-1].content, cursor, at)
        if attributes:
            cursor = _TAG_END.match(text, at).end()
            attributes = {names.get(k) or names.setdefault(k, local(k)): v
                          for k, v in attributes.items()}
        else:
            cursor = text.index(">", at) + 1
        name = names.get(tag) or names.setdefault(tag, local(tag))
        element = Element(name, at, cursor, -1, attributes)
        if name in named:
            named[name].append(element)
        else:
            named[name] = [element]
        if text[cursor - 2] == "/":
            element.content_end = cursor  # empty-element tag: no content, no end tag
        if stack:
            stack[-1].children.append(element)
            stack[-1].content.append(element)
        else:
            root = element
        stack.append(element)
    root.named = named
    return root


def _add_runs(text: str, runs: list, start: int, end: int) -> None:
    """Text between two tags holding other markup: comments and processing instructions
    left out, CDATA sections' content kept."""
    cursor = start
    for match in _MARKUP.finditer(text, start, end):
        if match.start() > cursor:
            runs.append((cursor, match.start()))
        if match["cdata"] is not None:
            runs.append(match.span("cdata"))
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
