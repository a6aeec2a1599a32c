"""Shared by the rules that look for rare characters: which paragraphs hold them.

Not a rule module. Why: one search of the story per character (most are absent
from most stories, and a one-character search is the fastest there is) costs less
than a regex class tested at every character, or each paragraph tested in turn.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

_START = attrgetter("start")


def paragraphs_holding(document, chars: str) -> list[int]:
    """Indices, in order, of the paragraphs whose text holds one of ``chars``."""
    text = document.text
    offsets = []
    for char in chars:
        at = text.find(char)
        while at != -1:
            offsets.append(at)
            at = text.find(char, at + 1)
    return units_holding(document.paragraphs, offsets)


def units_holding(units, offsets) -> list[int]:
    """Indices, in order, of the ``units`` (paragraphs or sentences: in text order,
    with ``start`` and ``end``) that hold one of ``offsets``."""
    found = {unit_at(units, offset) for offset in offsets}
    found.discard(None)
    return sorted(found)


def unit_at(units, offset: int) -> int | None:
    """Index of the unit (as for :func:`units_holding`) that holds ``offset``, or None."""
    index = bisect_right(units, offset, key=_START) - 1
    return index if index >= 0 and offset < units[index].end else None
