"""Shared by the boilerplate rules that look at how a line opens.

Not a rule module. Matching each line with an anchored ``match`` costs one attempt per
line; a multiline ``^`` search (or a YAML pack regex) is tried at every character.
"""

from __future__ import annotations

import re

from ._lazy import LazyPattern, lazy_re

# Indentation or masked markup (any amount), then bullets or arrows, may open a
# furniture line.
LEAD_IN = r"[^\S\n]*[^\w\s]{0,6}[^\S\n]*"


def compile_line_start(alternatives: str, tail: str, engine=lazy_re) -> LazyPattern:
    """``alternatives`` opening a line (after a lead-in), then ``tail``; group ``hit`` is reported.

    ``engine``: :func:`lazy_regex` when the pattern needs its syntax (\\p{..}, scoped flags).
    """
    return engine(rf"{LEAD_IN}(?P<hit>(?:{alternatives}){tail})", re.IGNORECASE)


def line_hits(document, pattern: LazyPattern):
    """(start, end) of the ``hit`` group on every line that ``pattern`` matches at its start.

    Trailing blanks are left out: in HTML they are masked markup ("</p>"), where a
    finding may not end.
    """
    match_line = pattern.match
    for line in document.lines:
        if line.text:
            match = match_line(line.text)
            if match:
                start = match.start("hit")
                end = start + len(match.group("hit").rstrip())
                yield line.start + start, line.start + end
