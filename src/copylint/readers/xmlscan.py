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
from typing import NamedTuple

import regex

from ..source import InputError

# An attribute as written in a start tag (after the whitespace before it, as
# well-formed XML has it): its value is group 2 or 3.
_ATTR = re.compile(r"""\s([^\s=]++)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)')""")


class Element:
    """An element with the offsets of its content (between its tags) in the file."""

    __slots__ = ("name", "start", "content_start", "content_end", "end", "_attrs", "children",
                 "content", "_text", "named")

    def __init__(self, name: str, start: int, content_start: int, content_end: int = -1,
                 attrs: dict[str, str] | None = None, content: list | None = None,
                 text: str | None = None):
        self.name = name  # local name, namespace prefix dropped
        self.start = start  # offset of '<'
        self.content_start = content_start
        self.content_end = content_end
        self.end = content_end  # after the end tag (XML; set when the end tag is read)
        # Given (HTML, XML with a DTD's attribute defaults), else read from the start tag
        # in ``text`` when first asked for (most elements' never are).
        self._attrs = attrs if attrs is not None or text is not None else {}
        self.children: list[Element | Leaf] = []
        # Text runs (start, end) and child elements in file order, as the scan finds them.
        self.content: list[tuple[int, int] | Element | Leaf] = [] if content is None else content
        self._text = text
        self.named: dict[str, list[Element | Leaf]] | None = None  # the root's: elements by name

    @property
    def attrs(self) -> dict[str, str]:
        """Attributes by local name (references decoded)."""
        if self._attrs is None:
            self._attrs = attributes(self._text, self.start, self.content_start)
        return self._attrs

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


class Leaf(NamedTuple):
    """An XML element holding text alone, or nothing: most of a story's elements. A
    tuple made in C (``tuple.__new__``), read as an Element is."""

    name: str
    start: int
    content_start: int
    content_end: int
    end: int
    source: str  # the file's text: attributes are read from the start tag when asked for
    given: dict | None  # attributes expat gave (DTD defaults applied), else None

    children = ()

    @property
    def attrs(self) -> dict[str, str]:
        if self.given is not None:
            return self.given
        return attributes(self.source, self.start, self.content_start)

    @property
    def content(self) -> list[tuple[int, int]]:
        return [(self.content_start, self.content_end)] if self.content_end > self.content_start else []

    runs = content

    def text_runs(self, skip=frozenset()) -> list[tuple[int, int]]:
        return self.content

    def _add_text_runs(self, skip, runs: list) -> None:
        if self.content_end > self.content_start:
            runs.append((self.content_start, self.content_end))

    def find(self, *names: str) -> None:
        return None


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


# A reference in an attribute value of a checked document: a character reference or
# one of XML's five entities (a reference to an entity an unread external DTD may
# declare is dropped, as expat drops it; any other is refused by expat).
_REFERENCE = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([^;]*));")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _decoded(match: re.Match) -> str:
    if match[3] is not None:
        return _ENTITIES.get(match[3], "")
    return chr(int(match[1], 16) if match[1] else int(match[2]))


def attributes(text: str, start: int, end: int) -> dict[str, str]:
    """The attributes of the start tag text[start:end] by local name, valued as expat
    values them: whitespace characters as written are spaces, references decoded."""
    found = {}
    for key, double, single in _ATTR.findall(text, start, end):
        value = double or single
        if "\t" in value or "\n" in value:
            value = value.replace("\t", " ").replace("\n", " ")
        if "&" in value:
            value = _REFERENCE.sub(_decoded, value)
        found[local(key)] = value
    return found


def parse(text: str, name: str) -> Element:
    """The root element of a well-formed, safe XML document, with offsets.

    Hostile or malformed XML raises InputError with one clear line.
    """
    return tree(text, *check(text, name))


def check(text: str, name: str):
    """Where the markup after the DOCTYPE starts, and expat's attributes (by element, in
    document order) when the DTD may give defaults, else None; for :func:`tree`.

    Hostile or malformed XML raises InputError with one clear line.
    """
    from xml.parsers import expat

    import defusedxml

    parser = expat.ParserCreate("utf-8")
    # Expat checks the document; the positions come from tree(). It hands over the
    # attributes only when the DTD may give defaults (an ATTLIST declaration): else
    # they are read from the start tag when asked for, and expat calls no Python
    # for an element.
    given: list[dict] | None = None
    if "<!ATTLIST" in text:
        given = []
        note = given.append
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
    return start, None if given is None else map(_local_keys, given)


def _local_keys(element_attributes: dict[str, str]) -> dict[str, str]:
    """Expat's attributes by local name (prefixed names as written)."""
    if any(":" in key for key in element_attributes):
        return {local(k): v for k, v in element_attributes.items()}
    return element_attributes


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


def tree(text: str, start: int, given, stop: int | None = None) -> Element:
    """Elements from one scan of the markup from ``start`` (to ``stop``: one element
    of a checked document), offsets in characters.

    Expat has checked the document, so its markup is found by one pattern; an
    element holding text only is one match, and a Leaf. ``given`` are expat's
    attributes, one per element in document order, or None. Every '<' opens a match,
    so the text between two matches is a text run of the open element, kept in its
    content as the scan passes it (cheaper than finding the runs between its children
    afterwards).
    """
    names: dict[str, tuple] = {}  # a tag as written: its local name, the adder to its list
    stack: list[Element] = []
    root = None
    children = None  # the open element's children and content (text outside the root
    content = outside = []  # goes to a list of its own, dropped)
    named: dict[str, list] = {}
    new = tuple.__new__
    cursor = start  # where the last token ended
    for match in _MARKUP_TOKEN.finditer(text, start, len(text) if stop is None else stop):
        at, end = match.span()
        if at > cursor:
            content.append((cursor, at))
        cursor = end
        kind = match.lastindex
        if kind is None:  # end tag, comment, processing instruction
            if stack and text[at + 1] == "/":
                element = stack.pop()
                element.content_end = at
                element.end = end
                if stack:
                    children, content = stack[-1].children, stack[-1].content
                else:
                    children, content = None, outside
            continue
        if kind == 4:  # CDATA: its content is text
            content.append(match.span(4))
            continue
        tag = match[1]
        try:
            name, add = names[tag]
        except KeyError:
            name = local(tag)
            add = named.setdefault(name, []).append
            names[tag] = name, add
        attrs = None if given is None else next(given)
        if kind == 3:  # text only
            element = new(Leaf, (name, at, *match.span(3), end, text, attrs))
        elif text[end - 2] == "/":  # empty-element tag
            element = new(Leaf, (name, at, end, end, end, text, attrs))
        else:  # open until its end tag
            element = Element(name, at, end, -1, attrs, None, text)
        add(element)
        if children is None:
            root = element
        else:
            children.append(element)
            content.append(element)
        if element.end < 0:
            stack.append(element)
            children, content = element.children, element.content
    if type(root) is Leaf:  # a root of text alone: an Element, as every root is
        leaf = root
        root = Element(leaf.name, leaf.start, leaf.content_start, leaf.content_end, leaf.given,
                       leaf.content, text)
        root.end = leaf.end
        named[leaf.name] = [root]
    root.named = named
    return root


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
