"""Markdown: front matter, code, comments, images, link targets are not prose.

Front matter (YAML ``---`` or TOML ``+++``) gives the headline (``title``, when
the body does not open with a heading), the page date (``date``) and the source
language (``source-language``, or ``source`` as a language code or a wire
agency whose language is known).
"""

from __future__ import annotations

import re

import regex

from .masking import HTML_COMMENT, blank, spans_of
from .nitf import iso_date
from .structure import Block

FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", regex.DOTALL)
# Read by the stdlib's engine, about three times faster here than by the regex
# module.
FIELD = re.compile(
    r"""^(?P<key>title|date|lang|language|source|source[-_]lang(?:uage)?)[ \t]*[:=][ \t]*
    (?P<q>["']?)(?P<value>[^\n"']*?)(?P=q)[ \t]*$""",
    re.MULTILINE | re.VERBOSE | re.IGNORECASE,
)
FENCE = regex.compile(r"^(```|~~~).*?^\1[^\n]*$", regex.DOTALL | regex.MULTILINE)
INLINE_CODE = regex.compile(r"`[^`\n]+`")
IMAGE = regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK_TARGET = regex.compile(r"(?<=\])\([^)\n]*\)")
# The closing bracket is matched first and the look-behind tried only there.
LINK_BRACKETS = regex.compile(r"\[(?=[^\]\n]*\]\()|\](?=\()(?<=\[[^\[\n]*\])")
HEADING_MARK = regex.compile(r"^ {0,3}#{1,6}[ \t]+", regex.MULTILINE)
QUOTE_MARK = regex.compile(r"^ {0,3}>[ \t]?", regex.MULTILINE)
# A list mark opening a line. '^' with MULTILINE is tried at every offset; a pattern
# starting with the newline is found by a fast scan, so the first line is matched apart.
_LIST_MARK = r" {0,3}(?:[-*+]|\d+[.)])[ \t]+"
LIST_MARK_FIRST = regex.compile(_LIST_MARK)
LIST_MARK = regex.compile(rf"\n({_LIST_MARK})")
# Each pattern, the group to mask, and the characters it cannot match without one of
# (a test for one character is a fast scan; one for a longer string, in text beyond
# Latin-1, is slower than most of these patterns' own scans).
MARKUP = ((FENCE, 0, "`~"), (HTML_COMMENT, 0, "<"), (INLINE_CODE, 0, "`"), (IMAGE, 0, "!"),
          (HEADING_MARK, 0, "#"), (QUOTE_MARK, 0, ">"), (LIST_MARK, 1, "\n"))
# Patterns whose every match lies in a line holding '](': only those lines are scanned.
LINKS = (LINK_TARGET, LINK_BRACKETS)
LANGUAGE_CODE = regex.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2})?")
# Agencies whose copy is written in one language before translation.
AGENCY_LANGUAGES = {"efe": "es", "lusa": "pt", "agencia brasil": "pt", "afp": "fr",
                    "dpa": "de", "apa": "de", "ansa": "it", "europa press": "es",
                    "notimex": "es", "telam": "es", "prensa latina": "es"}


def mask(text: str):
    spans: list[tuple[int, int]] = []
    meta: dict = {}
    blocks: list[Block] = []
    front = FRONT_MATTER.match(text)
    title = None
    if front:
        meta["front_matter"] = front.group(0)
        for field in FIELD.finditer(text, front.start(), front.end()):
            key, value = field["key"].lower().replace("_", "-"), field["value"].strip()
            start = field.start("value")
            if key == "title" and value:
                title = (start, start + len(value))
            elif key == "date" and iso_date(value):
                blocks.append((start, start + len(value), "page-date", iso_date(value)))
            elif key in ("lang", "language"):
                meta["language"] = value.lower()
            elif key.startswith("source"):
                language = value.lower() if LANGUAGE_CODE.fullmatch(value) else (
                    AGENCY_LANGUAGES.get(value.lower()))
                if language:
                    meta["source_languages"] = (language.split("-")[0].split("_")[0],)
        spans.append(front.span())
    for pattern, group, triggers in MARKUP:
        if any(map(text.__contains__, triggers)):
            spans.extend(spans_of(pattern, text, group))
    lines = _link_lines(text)
    for pattern in LINKS:
        for start, end in lines:
            spans.extend([m.span() for m in pattern.finditer(text, start, end)])
    first_list_mark = LIST_MARK_FIRST.match(text)
    if first_list_mark:
        spans.append(first_list_mark.span())
    spans.sort()
    masked = blank(text, spans)
    if title and not _opens_with_heading(text, front.end()):
        masked = masked[:title[0]] + text[title[0]:title[1]] + masked[title[1]:]
        spans = _carve(spans, title)
        blocks.append((*title, "headline", None))
    meta["heading_blocks"] = blocks
    meta["heading_lines"] = [(m.start(), _line_end(text, m.start()))
                             for m in (HEADING_MARK.finditer(text) if "#" in text else ())
                             if not _within(m.start(), spans, m.span())]  # not in a fence
    return masked, spans, meta


def _link_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines holding '](', found from each ']' (a fast one-character scan)."""
    lines = []
    at = text.find("]")
    while at >= 0:
        if text.startswith("(", at + 1):
            end = _line_end(text, at)
            lines.append((text.rfind("\n", 0, at) + 1, end))
            at = end
        at = text.find("]", at + 1)
    return lines


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _within(offset: int, spans, other_than=None) -> bool:
    """Whether ``offset`` is in one of ``spans`` other than ``other_than``."""
    for span in spans:
        if span[0] <= offset < span[1] and span != other_than:
            return True
    return False


def _opens_with_heading(text: str, start: int) -> bool:
    """Whether the body's first non-blank line is a heading (then it is the headline)."""
    body = text[start:]
    return HEADING_MARK.match(text, start + len(body) - len(body.lstrip())) is not None


def _carve(spans, hole):
    """Masked spans minus ``hole``."""
    result = []
    for start, end in spans:
        if end <= hole[0] or start >= hole[1]:
            result.append((start, end))
            continue
        if start < hole[0]:
            result.append((start, hole[0]))
        if end > hole[1]:
            result.append((hole[1], end))
    return result


def structure(document, extra: list[Block], headings: list[tuple[int, int]]) -> list[Block]:
    """Blocks for a Markdown story: the paragraphs found by layout, plus front-matter ones.

    An ATX heading is always a block of its own, even with text on the next line
    and no blank line between (layout alone would merge the two).
    """
    blocks = list(extra)
    taken = [b[:2] for b in extra]
    for p in document.paragraphs:
        if _within(p.start, taken):
            continue
        cursor = p.start
        for start, end in headings:
            if p.start <= end and start < p.end:
                if start > cursor:
                    blocks.append((cursor, start, None, None))
                blocks.append((max(start, cursor), min(end, p.end), None, None))
                cursor = min(end, p.end)
        if cursor < p.end:
            blocks.append((cursor, p.end, None, None))
    return blocks
