"""A story's body of blocks holding text alone, read by one pattern instead of the tree.

Most NITF ``body.content`` and NewsML XHTML ``body`` elements are a row of
paragraphs of text alone (``<p>text</p>``, references allowed). An element per
paragraph, then a walk of them with :func:`.structure.collect_blocks`, is Python
per paragraph that patterns do in C, so such a container is read by
pattern: :func:`parse` leaves its content out of the tree (a hole), and
:func:`collect` walks the tree with the container as a block and puts the
container's runs and blocks, as collect_blocks would have made them, in its place.
Any other container, and any file expat hands attributes (a DTD's defaults), is read
from the tree as before.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .structure import collect_blocks
from .xmlscan import check, tree

# A start tag's attributes, no '>' in their values (so every '>' in the container's
# content ends a tag or is text) and no '/' (an empty-element tag is not read here).
_ATTRS = r"""(?:[^>"'/]|"[^">]*+"|'[^'>]*+')*+"""
# The text between two tags: blank text before a block, a block's text, in turn.
_BETWEEN = re.compile(r">([^<]*+)<")
_END_TAG = re.compile(r"</([^\s>]++)")
# Where a comment, CDATA section or processing instruction opens and closes.
_MARKUP = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"))


class Hole(NamedTuple):
    """A container's content read by pattern: its name and span, its blocks' names,
    and its runs (start, end) and blocks (start, end, name) in file order."""

    container: str
    start: int
    end: int
    names: frozenset
    runs: list
    blocks: list


def parse(text: str, name: str, container: str):
    """The root element (as :func:`.xmlscan.parse` gives it) and the Hole of the one
    ``container`` element when its content is blocks of text alone, else None."""
    start, given = check(text, name)
    hole = _hole(text, start, container) if given is None else None
    if hole is None:
        return tree(text, start, given), None
    root = tree(text, start, None, hole=(hole.start, hole.end))
    found = root.named.get(container, ())
    if len(found) != 1 or found[0].content_start != hole.start:
        return tree(text, start, None), None
    return root, hole


def _hole(text: str, start: int, container: str) -> Hole | None:
    found = _container(container).search(text, start)
    if found is None or not _outside_markup(text, start, found.start()):
        return None
    at, end = found.span(1)
    spans = [between.span(1) for between in _BETWEEN.finditer(text, at - 1, end + 1)]
    names = _END_TAG.findall(text, at, end)
    blocks = [(left, right, name) for (left, right), name in zip(spans[1::2], names)
              if right > left]
    return Hole(container, at, end, frozenset(names),
                [span for span in spans if span[1] > span[0]], blocks)


@functools.cache
def _container(name: str) -> re.Pattern:
    """The container's start tag, its content of blocks of text alone (1), its end tag."""
    name = re.escape(name)
    return re.compile(rf"<{name}(?=[\s>]){_ATTRS}>((?:\s*+<([\w.-]++)(?=[\s>]){_ATTRS}>"
                      rf"[^<]*+</\2\s*+>)++\s*+)</{name}\s*+>")


def _outside_markup(text: str, start: int, at: int) -> bool:
    """Whether ``at`` lies outside every comment, CDATA section and processing
    instruction: the last of each opened before it is closed before it."""
    for opener, closer in _MARKUP:
        found = text.rfind(opener, start, at)
        if found >= 0 and text.find(closer, found + len(opener), at) < 0:
            return False
    return True


def collect(text, element, block_names, roles, skip, runs, blocks, hole, role=None) -> None:
    """collect_blocks, the hole's container taken as a block, whose place the hole's
    runs and blocks then take (as collect_blocks makes them from the container's tree)."""
    if hole is None or not element.start < hole.start < element.end:
        collect_blocks(text, element, block_names, roles, skip, runs, blocks, role)
        return
    if not hole.names.issubset(block_names) or not hole.names.isdisjoint(skip):
        # Its blocks are not blocks here: the element is read from a tree of its own.
        whole = tree(text, element.start, None, element.end)
        collect_blocks(text, whole, block_names, roles, skip, runs, blocks, role)
        return
    run_mark, block_mark = len(runs), len(blocks)
    names = {hole.container, *block_names}
    collect_blocks(text, element, names, roles, skip, runs, blocks, role)
    for index in range(block_mark, len(blocks)):
        if blocks[index][0] == hole.start:
            inherited = blocks[index][2]
            blocks[index:index + 1] = [(start, end, roles.get(name, inherited), None)
                                       for start, end, name in hole.blocks]
            place = runs.index((hole.start, hole.end), run_mark)
            runs[place:place + 1] = hole.runs
            break
