"""NewsML-G2: ``contentMeta`` headline, dateline and by-line, and the XHTML of ``inlineXML``.

Everything else (item and rights metadata, subjects, links) is not copy; the
item's creation date is the page date.
"""

from __future__ import annotations

from .masking import keep
from .nitf import iso_date
from .structure import Block, collect_blocks
from .xmlscan import parse

XHTML_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li dt dd blockquote figcaption caption td th pre div".split())
SKIP = frozenset("head script style object".split())
META_ROLES = {"headline": "headline", "dateline": "dateline", "by": "byline"}


def mask(text: str, name: str = "<newsml>"):
    root = parse(text, name)
    runs: list[tuple[int, int]] = []
    blocks: list[Block] = []
    content_meta = root.find("contentMeta")
    if content_meta is not None:
        for element in content_meta.children:
            role = META_ROLES.get(element.name)
            if role and not any(b[2] == role for b in blocks):
                collect_blocks(text, element, (), {}, SKIP, runs, blocks, role)
    for inline in root.find_all("inlineXML"):
        collect_blocks(text, inline, XHTML_BLOCKS, {}, SKIP, runs, blocks)
    for inline in root.find_all("inlineData"):
        collect_blocks(text, inline, (), {}, SKIP, runs, blocks)
    date = page_date(root, text)
    if date:
        blocks.append(date)
    masked, spans = keep(text, sorted(runs))
    return masked, spans, {"format": "newsml", "blocks": blocks}


def page_date(root, text: str) -> Block | None:
    """The first of contentCreated, firstCreated, versionCreated: its date part."""
    for name in ("contentCreated", "firstCreated", "versionCreated"):
        element = root.find(name)
        if element is not None and element.runs:
            start, end = element.runs[0]
            raw = text[start:end]
            value = iso_date(raw.strip())
            if value:
                offset = start + len(raw) - len(raw.lstrip())
                return offset, offset + 10, "page-date", value
    return None
