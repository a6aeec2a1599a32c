"""XLIFF 1.2 and 2.x: every target is copy; sources feed the bilingual rules.

Targets become the story's paragraphs (one block each). Each segment's source
text, languages, inline codes and target span go to ``meta["segments"]`` for
the rules in the ``bilingual`` category.
"""

from __future__ import annotations

import html
import re

from .masking import keep
from .structure import Block
from .xmlscan import Element, Leaf, attributes, check, tree

# Inline codes whose content is native markup, not text (1.2: ph, bpt, ept, it, sub).
SKIP = frozenset("ph bpt ept it sub".split())
# Inline codes: an element name and its id make the code's identity.
CODES = frozenset("g x bx ex ph bpt ept it pc sc ec".split())
UNITS = ("trans-unit", "segment")


def mask(text: str, name: str = "<xliff>"):
    start, given = check(text, name)
    layout = _scanned(text) if given is None else None
    if layout is None:
        root = tree(text, start, given)
        layout = root.attrs, [(file.attrs, [_parts(unit) for unit in _units(root, file)])
                              for file in root.find_all("file")]
    root_attrs, files = layout
    runs: list[tuple[int, int]] = []
    blocks: list[Block] = []
    segments = []
    version = root_attrs.get("version", "")
    document_source = root_attrs.get("srcLang", "")
    document_target = root_attrs.get("trgLang", "")
    languages = set()  # of the files that have segments
    targets = set()
    for file_attrs, units in files:
        source_lang = file_attrs.get("source-language", document_source)
        target_lang = file_attrs.get("target-language", document_target)
        read = len(segments)
        for unit_id, source, target in units:
            if source is None:
                continue
            # An empty run at each tag splits the masked span there, so a one-character
            # hit at the tag is not masked: the engine drops a hit inside a masked span,
            # not one starting where a masked span starts, and the bilingual rules point
            # at a unit's <source> or <target> tag this way when there is no target text.
            runs.append((source.start, source.start))
            target_span = None
            if target is not None:
                runs.append((target.start, target.start))
                target_runs = target.text_runs(SKIP)
                if target_runs:
                    target_span = (target_runs[0][0], target_runs[-1][1])
                    blocks.append((*target_span, None, None))
                    runs.extend(target_runs)
            segments.append({
                "id": unit_id,
                "source": _plain(text, source),
                "source_lang": source_lang,
                "target_lang": target_lang,
                "source_codes": _codes(source) if source.children else [],
                "anchor": source.start,
                "target_tag": target.start if target is not None else None,
                "target_span": target_span,
                "target_codes": _codes(target) if target is not None and target.children else [],
            })
        if len(segments) > read:
            if source_lang:
                languages.add(source_lang.split("-")[0].lower())
            if target_lang:
                targets.add(target_lang)
    masked, spans = keep(text, sorted(runs))
    meta = {"format": "xliff", "xliff_version": version, "blocks": blocks, "segments": segments}
    if languages:
        meta["source_languages"] = tuple(sorted(languages))
    if len(targets) == 1:
        meta["language"] = targets.pop()
    return masked, spans, meta


def _units(root, file):
    """The file's 1.2 trans-units, or 2.x segments (a unit holds one or more)."""
    return [unit for name in UNITS for unit in root.find_all(name)
            if file.start < unit.start < file.content_end]


def _parts(unit) -> tuple[str, Leaf | Element | None, Leaf | Element | None]:
    """The unit's id, first source and first target."""
    source = target = None
    for child in unit.children:
        if child.name == "source" and source is None:
            source = child
        elif child.name == "target" and target is None:
            target = child
    return unit.attrs.get("id", ""), source, target


# Without comments, CDATA sections, processing instructions, a DOCTYPE or prefixed
# names, every '<' after the root's start tag opens a tag (attribute values hold no
# '<'), so an XLIFF file's files and units are found by one scan, and a unit of a
# source and a target of text alone (most units) is read in one match, with no tree.
_ATTRS = r"""(?:[^>"'/]|"[^"]*+"|'[^']*+')*+"""
_PROLOG = re.compile(rf"\ufeff?\s*+(?:<\?xml[^?>]*+\?>\s*+)?<xliff(?=[\s>])({_ATTRS})>")
_SCAN = re.compile(rf"""<(?:
    (trans-unit|segment)(?=[\s>/])(?:                          # a unit (1), the rest of it (2):
      (\s++id="([^"&\t\n]*+)"\s*+|{_ATTRS})>\s*+            # (3: its id, its one attribute)
      (<source(?=[\s>]){_ATTRS}>)([^<]*+)</source>\s*+       # when its source (4, 5) and
      (?:(<target(?=[\s>]){_ATTRS}>)([^<]*+)</target>\s*+)?  # target (6, 7) hold text alone
      </\1>)?
  | file(?=[\s>/])({_ATTRS})(/?)>                            # a file's start tag (8, 9: empty)
  | (/file\s*+>)                                             # its end tag (10)
  | [!?] | /?+[^\s>/:]++:                                    # what the scan cannot read
)""", re.VERBOSE)
_UNIT_END = {name: re.compile(rf"</{name}\s*>") for name in UNITS}


def _scanned(text: str):
    """The root's attributes and each file's (attributes, unit parts: id, source, target),
    found by one scan as the tree would give them; None when the file is not one the
    scan reads."""
    prolog = _PROLOG.match(text)
    if prolog is None:
        return None
    new = tuple.__new__
    files = []
    opened = units = None  # the open file's start tag and units
    kind = None  # trans-unit or segment: a file holding both is read from the tree
    for found in _SCAN.finditer(text, prolog.end()):
        if found.start(1) >= 0:
            if units is None:  # outside a file: not read
                continue
            if kind != found[1]:
                if kind is not None:
                    return None
                kind = found[1]
            if found.start(2) < 0:  # not of text alone: from its own tree
                parts = _unit_tree(text, found)
                if parts is None:
                    return None
                units.append(parts)
                continue
            # A source and a target of text alone: Leaves made from the match.
            at, content_start = found.span(4)
            source = new(Leaf, ("source", at, content_start, found.end(5), found.end(5) + 9,
                                text, None))
            target = None
            if found.start(6) >= 0:
                at, content_start = found.span(6)
                target = new(Leaf, ("target", at, content_start, found.end(7),
                                    found.end(7) + 9, text, None))
            unit_id = found[3]
            if unit_id is None:  # not the one attribute: none (2.x segments), or others too
                unit_id = (attributes(text, found.start(), found.end(2) + 1).get("id", "")
                           if found.end(2) > found.start(2) else "")
            units.append((unit_id, source, target))
        elif found.start(8) >= 0:
            if opened is not None:  # a file inside a file
                return None
            if found[9]:  # <file/>: no units
                files.append((attributes(text, found.start(), found.end()), []))
            else:
                opened, units = found, []
        elif found.start(10) >= 0 and opened is not None:
            files.append((attributes(text, opened.start(), opened.end()), units))
            opened = units = None
        else:
            return None
    return attributes(text, prolog.start(1) - len("<xliff"), prolog.end()), files


def _unit_tree(text: str, unit):
    """The parts of any other unit, from its own tree; None if it is empty or holds a unit."""
    at = unit.start()
    close = _UNIT_END[unit[1]].search(text, at)
    if close is None:
        return None
    element = tree(text, at, None, close.end())
    if (element.start, element.end) != (at, close.end()):
        return None
    return _parts(element)


def _plain(text: str, element) -> str:
    """The element's text with inline codes dropped and references decoded."""
    if type(element) is Leaf:  # text alone
        plain = text[element.content_start:element.content_end]
    else:
        plain = "".join([text[s:e] for s, e in element.text_runs(SKIP)])
    return html.unescape(plain) if "&" in plain else plain


def _codes(element) -> list[tuple[str, str]]:
    """(name, id) of each inline code, in order."""
    found = []
    for child in element.children:
        if child.name in CODES:
            ref = child.attrs.get("id") or child.attrs.get("startRef") or child.attrs.get("rid")
            found.append((child.name, ref or ""))
        if child.name not in SKIP:
            found.extend(_codes(child))
    return found
