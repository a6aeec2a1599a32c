"""Shared helper: blank out spans of text while keeping every offset in place."""

from __future__ import annotations

import regex

HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span by spaces, keeping newlines so lines stay where they were."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def spans_of(pattern: regex.Pattern, text: str, group: int | str = 0) -> list[tuple[int, int]]:
    return [m.span(group) for m in pattern.finditer(text) if m.start(group) != -1]
