"""Shared by the numbers and dates rules: regex matches inside the story's prose.

Why prose only: page furniture (the page date, navigation, bylines) has its own
formats, and the dateline is checked by the dates rules on its own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def prose_matches(document, pattern, gate=None):
    """Matches of ``pattern`` in the headline and body paragraphs, in text order.

    ``gate``: a simple stdlib pattern that every match contains (and that holds no
    line break). One pass for it over the story tells which paragraphs can match at
    all; most stories have none, and most paragraphs of the others are skipped.
    """
    text = document.text
    paragraphs = document.prose_paragraphs
    if gate is not None:
        found = [match.start() for match in gate.finditer(text)]
        if not found:
            return
        paragraphs = [p for p in paragraphs if _any_in(found, p.start, p.end)]
    for paragraph in paragraphs:
        yield from pattern.finditer(text, paragraph.start, paragraph.end)


def in_prose(document, matches):
    """The ``matches`` (of a search over the whole text) that lie inside a headline or
    body paragraph, in text order.

    Why: one search and a bisect per match cost less than a search per paragraph.
    Paragraphs begin and end beside whitespace (their text is stripped), so for a
    pattern whose matches and lookaheads cannot reach across whitespace these are
    the matches :func:`prose_matches` finds.
    """
    starts, ends = _prose_bounds(document)
    for match in matches:
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and match.end() <= ends[index]:
            yield match


def prose_paragraph_at(document, offset: int) -> tuple[int, int] | None:
    """(start, end) of the headline or body paragraph that holds ``offset``, or None."""
    starts, ends = _prose_bounds(document)
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < ends[index]:
        return starts[index], ends[index]
    return None


def _prose_bounds(document) -> tuple[list[int], list[int]]:
    bounds = document.meta.get("numbers.prose_bounds")
    if bounds is None:
        prose = document.prose_paragraphs
        bounds = document.meta["numbers.prose_bounds"] = (
            [p.start for p in prose], [p.end for p in prose])
    return bounds


def _any_in(offsets: list[int], start: int, end: int) -> bool:
    """Whether the sorted ``offsets`` hold one in [start, end)."""
    index = bisect_left(offsets, start)
    return index < len(offsets) and offsets[index] < end
