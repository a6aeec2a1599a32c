"""Markdown: front matter, code, comments, images, link targets are not prose."""

from __future__ import annotations

import regex

from .masking import HTML_COMMENT, blank, spans_of

FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", regex.DOTALL)
FENCE = regex.compile(r"^(```|~~~).*?^\1[^\n]*$", regex.DOTALL | regex.MULTILINE)
INLINE_CODE = regex.compile(r"`[^`\n]+`")
IMAGE = regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK_TARGET = regex.compile(r"(?<=\])\([^)\n]*\)")
LINK_BRACKETS = regex.compile(r"\[(?=[^\]\n]*\]\()|(?<=\[[^\[\n]*)\](?=\()")
HEADING_MARK = regex.compile(r"^ {0,3}#{1,6}[ \t]+", regex.MULTILINE)
QUOTE_MARK = regex.compile(r"^ {0,3}>[ \t]?", regex.MULTILINE)
LIST_MARK = regex.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]+", regex.MULTILINE)


def mask(text: str):
    spans: list[tuple[int, int]] = []
    meta: dict = {}
    front = FRONT_MATTER.match(text)
    if front:
        spans.append(front.span())
        meta["front_matter"] = front.group(0)
    for pattern in (FENCE, HTML_COMMENT, INLINE_CODE, IMAGE, LINK_TARGET, LINK_BRACKETS,
                    HEADING_MARK, QUOTE_MARK, LIST_MARK):
        spans.extend(spans_of(pattern, text))
    return blank(text, spans), sorted(spans), meta
