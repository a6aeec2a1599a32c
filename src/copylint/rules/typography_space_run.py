"""typography/space-run: two or more spaces inside a line of copy."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re

# Spaces of every width a CMS or a translation tool leaves behind (tabs are not
# counted: they separate columns).
_SPACES = "\u0020\u00a0\u2007\u2009\u202f"
_RUN = lazy_re(rf"[{_SPACES}]{{2,}}")  # between two non-spaces: checked on each run
# The same runs where the text has no other space than U+0020: a search for the
# literal, far cheaper than testing a class at every character.
_ASCII_RUN = lazy_re("  +")
# A line with this many wide gaps is a table aligned with spaces (sports results,
# election tallies), not prose.
_COLUMN_GAP = lazy_re(rf"[^\s][{_SPACES}]{{3,}}[^\s]")
_TABLE_GAPS = 2


class SpaceRun(Rule):
    id = "typography/space-run"
    severity = Severity.WARNING
    fixable = True
    description = "Two or more spaces (or no-break spaces) in a row inside a line."
    rationale = (
        "Doubled spaces are left where a CMS or a translation tool dropped a word, a link "
        "or a tag, and no-break spaces pasted next to ordinary ones are invisible until "
        "the copy is published. Runs between words are reported with a single space as "
        "the fix; indentation, line ends, masked markup and lines aligned like a table "
        "are left alone."
    )
    bad_example = "The minister said  the talks would resume on Monday."
    good_example = "The minister said the talks would resume on Monday."

    def check(self, document, options):
        text = document.text
        # One substring test per kind of space, far cheaper than the scan.
        other_spaces = any(space in text for space in _SPACES[1:])
        # Without them the first run starts where the substring first stands: the
        # scan begins there.
        first = 0 if other_spaces else text.find("  ")
        if first == -1:
            return
        for match in (_RUN if other_spaces else _ASCII_RUN).finditer(text, first):
            start, end = match.span()
            if not start or end == len(text) or text[start - 1].isspace() or text[end].isspace():
                continue  # indentation or a line end
            if document.is_masked(start, end):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            if len(_COLUMN_GAP.findall(text, line_start, line_end if line_end != -1 else len(text))) \
                    >= _TABLE_GAPS:
                continue
            yield Hit(start, end, f"{end - start} spaces in a row; use one.", " ")
