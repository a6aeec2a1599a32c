"""NITF 3.x: ``body.head`` (hedline/hl1, byline, dateline) and ``body.content`` paragraphs.

The ``head`` (title, docdata, pubdata) is metadata, not copy; its issue or
publication date is the page date.
"""

from __future__ import annotations

from .masking import keep
from .structure import Block, collect_blocks
from .xmlscan import attribute_span, parse

BLOCKS = frozenset(
    "p hl1 hl2 byline dateline abstract li dt dd td th caption media-caption tagline "
    "bibliography block nitf-table-summary".split()
)
ROLES = {"hl1": "headline", "byline": "byline", "dateline": "dateline"}
# Inline codes and metadata elements whose text is not copy.
SKIP = frozenset("media-reference media-object media-metadata media-producer classifier "
                 "series distributor".split())


def mask(text: str, name: str = "<nitf>"):
    root = parse(text, name)
    body = root.find("body")
    runs: list[tuple[int, int]] = []
    blocks: list[Block] = []
    if body is not None:
        collect_blocks(text, body, BLOCKS, ROLES, SKIP, runs, blocks)
    date = page_date(root, text)
    if date:
        blocks.append(date)
    masked, spans = keep(text, runs)
    return masked, spans, {"format": "nitf", "blocks": blocks}


def page_date(root, text: str) -> Block | None:
    """The issue, release or publication date (``norm``/``date.publication`` attributes)."""
    for element, attribute in (("date.issue", "norm"), ("date.release", "norm"),
                               ("pubdata", "date.publication")):
        found = root.find(element)
        if found is not None and attribute in found.attrs:
            iso = iso_date(found.attrs[attribute])
            span = attribute_span(text, found, attribute)
            if iso and span:
                return *span, "page-date", iso
    return None


def iso_date(value: str) -> str | None:
    """'20240328T093000Z' or '2024-03-28...' as '2024-03-28'."""
    digits = value.replace("-", "")[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return None
