"""Shared by the numbers and dates rules: regex matches inside the story's prose.

Why prose only: page furniture (the page date, navigation, bylines) has its own
formats, and the dateline is checked by the dates rules on its own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ._lazy import lazy_re, lazy_regex

# What the regex module may take for a digit (\d): an ASCII digit, or a character
# outside ASCII. Gates look for this with the stdlib, whose scans are faster, and
# so find every place where a pattern of the regex module can match. Written as
# "neither ASCII below the digits nor above them": the same set, but the stdlib
# compiles it in a thirtieth of the time the range up to U+10FFFF takes.
DIGIT = r"[^\x00-/:-\x7f]"
# The digits and dots right before a separator, matched backwards from it.
_DIGITS_BEFORE = lazy_regex(r"(?r)[\d.]*")
# A comma between digits, the literal first (a fast scan).
_DIGIT_COMMA = lazy_re(rf",(?<={DIGIT},){DIGIT}")


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


def digit_commas(document) -> list[int]:
    """Offsets of the commas between two digits (decimal and grouped numbers; see
    ``DIGIT``), found once per story for the rules that look at either."""
    found = document.meta.get("numbers.digit_commas")
    if found is None:
        found = document.meta["numbers.digit_commas"] = [
            match.start() for match in _DIGIT_COMMA.finditer(document.text)]
    return found


def groups_thousands(text: str, comma: int) -> bool:
    """'\\d,\\d\\d\\d' at ``comma``, with the stdlib's digits (``str.isdecimal``, all of
    them digits to the regex module too)."""
    after = text[comma + 1:comma + 4]
    return len(after) == 3 and after.isdecimal() and text[comma - 1].isdecimal()


def separated_numbers(document, separators, pattern, signs: str = "$€£¥") -> list:
    """Matches of ``pattern`` in the headline and body, in text order, for numbers
    written with a separator: ``separators`` are the offsets of the separators.

    ``pattern`` opens with a lookbehind that bars a digit or dot before it, then
    perhaps one of ``signs``, then digits and dots up to the separator. Why not a
    scan: a pattern opening with a lookbehind is tried at every character, while
    such a number can only start where the run of digits and dots before the
    separator starts, or at a sign just before: one or two tries per separator.
    """
    text = document.text
    starts, ends = _prose_bounds(document)
    found = {}
    for separator in separators:
        index = bisect_right(starts, separator) - 1
        if index < 0 or separator >= ends[index]:
            continue
        start, end = starts[index], ends[index]
        digits = _DIGITS_BEFORE.match(text, start, separator).start()
        sign = digits > start and text[digits - 1] in signs
        for begin in (digits - 1, digits) if sign else (digits,):
            match = pattern.match(text, begin, end)
            if match:
                found[match.start()] = match
                break
    return [found[start] for start in sorted(found)]


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
