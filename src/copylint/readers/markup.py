"""HTML and XML, read simply: tags, comments, scripts and styles are not prose."""

from __future__ import annotations

import regex

from .masking import blank, spans_of

NON_PROSE = regex.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<!\[CDATA\[|\]\]>|<[!?/]?[A-Za-z][^>]*>",
    regex.DOTALL | regex.IGNORECASE,
)


def mask(text: str):
    spans = spans_of(NON_PROSE, text)
    return blank(text, spans), spans, {}
