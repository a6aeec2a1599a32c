"""Story parts known from a structured format, applied to the Document.

Plain text has only its layout to tell the headline, dateline and page date
apart, and document.py infers them. NITF, NewsML-G2, HTML, XLIFF and Markdown
front matter say which element is which, and two block elements may share a
line, so these readers hand over their blocks (offsets in the file and a role
where the format names one) and :func:`apply_structure` rebuilds paragraphs,
roles, dateline and sentences from them, after ``Document.from_text``.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter

import regex

from ..document import (
    BYLINE, PAGE_DATE, find_dateline, Dateline, Document, Paragraph, _find_story_parts,
    story_sentences,
)

_BLANK_LINE = regex.compile(r"\n[ \t]*\n\s*")
_DAY_MONTH = regex.compile(
    r"(?:\p{Lu}\p{L}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+(?:de\s+)?\p{L}{3,9}\.?)(?:,?\s+\d{4})?"
)
_AGENCY = regex.compile(r"\s*\((?P<agency>[^()]{1,30})\)")


# A block element's span in the file: (start, end, role, text). The role is headline,
# dateline, byline, page-date or None; text is None but for a page date held in markup
# (an attribute): its normalised value. A plain tuple: a story makes dozens.
Block = tuple[int, int, "str | None", "str | None"]


def apply_structure(document: Document, blocks: list[Block]) -> Document:
    """Replace the inferred paragraphs and story parts by the format's own."""
    text = document.text
    line_starts = document._line_starts
    paragraphs: list[Paragraph] = []
    roles: dict[int, str] = {}
    page_date = None
    # Line numbers are 1-based: the count of line starts up to the offset. The
    # Paragraphs are made by tuple.__new__ in C (a NamedTuple's own __new__ is Python).
    for start, end, role, value in sorted(blocks, key=itemgetter(0)):
        if value is not None:  # a date kept in markup, not in the copy
            line = bisect_right(line_starts, start)
            page_date = Paragraph(-1, start, end, value, line, line, "page-date")
            continue
        chunk = text[start:end]
        if "\n" in chunk:
            _pieces(text, start, end, role, line_starts, paragraphs, roles)
            continue
        stripped = chunk.strip()  # one line: nothing to split
        if len(stripped) < len(chunk):
            if not stripped:
                continue
            start += len(chunk) - len(chunk.lstrip())
            end = start + len(stripped)
        if role:
            roles[len(paragraphs)] = role
        line = bisect_right(line_starts, start)
        paragraphs.append(tuple.__new__(Paragraph, (len(paragraphs), start, end, stripped,
                                                    line, line, "body")))
    if "headline" in roles.values():
        found_date, headline, dateline, paragraphs = _explicit_parts(paragraphs, roles)
    else:
        found_date, headline, dateline, paragraphs = _find_story_parts(paragraphs)
        dateline = _dateline_from_roles(paragraphs, roles) or dateline
    document.paragraphs = paragraphs
    document.headline = headline
    document.dateline = dateline
    document.page_date = found_date or page_date
    document.sentences = story_sentences(text, paragraphs, dateline)
    for name in ("body", "words", "prose_paragraphs"):
        document.__dict__.pop(name, None)
    return document


def _pieces(text: str, start: int, end: int, role, line_starts, paragraphs: list,
            roles: dict) -> None:
    """The block's lines without surrounding blanks, split at blank lines, as paragraphs."""
    cursor = start
    for gap in [*_BLANK_LINE.finditer(text, start, end), None]:
        stop = gap.start() if gap else end
        chunk = text[cursor:stop]
        stripped = chunk.strip()
        if stripped:
            left = cursor + len(chunk) - len(chunk.lstrip())
            right = left + len(stripped)
            if role:
                roles[len(paragraphs)] = role
            paragraphs.append(tuple.__new__(Paragraph, (
                len(paragraphs), left, right, stripped, bisect_right(line_starts, left),
                bisect_right(line_starts, right - 1), "body")))
        if gap:
            cursor = gap.end()


def _explicit_parts(paragraphs: list[Paragraph], roles: dict[int, str]):
    """Paragraphs labelled from the format's roles; above the headline, page date,
    by-line or chrome."""
    headline_index = next(i for i, role in roles.items() if role == "headline")
    for index, role in roles.items():
        if role in ("headline", "byline", "page-date"):
            paragraphs[index] = paragraphs[index]._replace(role=role)
    for index in range(headline_index):
        paragraph = paragraphs[index]
        if paragraph.role == "body" and roles.get(index) != "dateline":
            label = ("page-date" if PAGE_DATE.match(paragraph.text) else
                     "byline" if BYLINE.match(paragraph.text) else "chrome-candidate")
            paragraphs[index] = paragraph._replace(role=label)
    page_date = next((p for p in paragraphs if p.role == "page-date"), None)
    dateline = _dateline_from_roles(paragraphs, roles) or _inferred_dateline(paragraphs)
    return page_date, paragraphs[headline_index], dateline, paragraphs


def _inferred_dateline(paragraphs: list[Paragraph]) -> Dateline | None:
    """A dateline opening the first body paragraph, as document.py finds it in plain text."""
    for paragraph in paragraphs:
        if paragraph.role != "body":
            continue
        return find_dateline(paragraph)
    return None


def _dateline_from_roles(paragraphs: list[Paragraph], roles: dict[int, str]) -> Dateline | None:
    """A dateline element: 'PLACE[, REGION][, Month Day] [(AGENCY)]', all of it the dateline."""
    index = next((i for i, role in roles.items() if role == "dateline"), None)
    if index is None:
        return None
    paragraph = paragraphs[index]
    body = paragraph.text.rstrip(" .:–—-")
    agency = _AGENCY.search(body)
    if agency:
        body = body[:agency.start()] + body[agency.end():]
    parts = [part.strip() for part in body.split(",") if part.strip()]
    if len(parts) > 2 and regex.fullmatch(r"\d{4}", parts[-1]):
        parts.pop()  # the year after 'Jan. 7, 2024'
    date = parts.pop() if len(parts) > 1 and _DAY_MONTH.fullmatch(parts[-1]) else None
    place = parts[0] if parts else paragraph.text
    region = parts[1] if len(parts) > 1 else None
    return Dateline(index, paragraph.start, paragraph.end, place, region, date,
                    agency["agency"] if agency else None)


def collect_blocks(text, element, block_names, roles, skip, runs, blocks, role=None) -> None:
    """Text runs under ``element`` (``skip`` elements left out) grouped into blocks.

    The innermost block element holds the text; inline elements (emphasis,
    links, inline codes) belong to the block around them. ``roles`` names the
    role of a block element (hl1: headline); a role is inherited by blocks inside.
    Blank text between block elements (the file's indentation) makes no block.
    """
    mark = len(runs)  # the element's own text from here on waits for its block
    split = False  # whether a block element has split the element's text
    for item in element.content:
        if type(item) is tuple:
            runs.append(item)
            continue
        name = item.name
        if name in skip:
            continue
        if name in block_names or _has_block(item, block_names):
            if len(runs) > mark:
                start, end = runs[-1]
                # One blank run (the file's indentation between blocks), the common
                # case, makes no block: _group is not called for it.
                if len(runs) > mark + 1 or not text[start:end].isspace():
                    _group(text, runs, mark, blocks, role, True)
            split = True
            item_role = roles.get(name, role)
            if item.children or name not in block_names:
                collect_blocks(text, item, block_names, roles, skip, runs, blocks, item_role)
            elif isinstance(item, tuple):  # a leaf (text alone): one run, or none
                start, end = item.content_start, item.content_end
                if end > start:
                    blocks.append((start, end, item_role, None))
                    runs.append((start, end))
            else:  # a block of text alone: its runs are the block
                content = item.content
                if content:
                    blocks.append((content[0][0], content[-1][1], item_role, None))
                    runs.extend(content)
            mark = len(runs)
        else:
            runs.extend(item.text_runs(skip))
    if len(runs) > mark:
        _group(text, runs, mark, blocks, role, split)


def _group(text, runs, mark, blocks, role, between_blocks) -> None:
    """The runs from ``mark`` on as one block, unless blank text between blocks."""
    if between_blocks:
        for start, end in runs[mark:]:
            if not text[start:end].isspace():
                break
        else:
            return
    blocks.append((runs[mark][0], runs[-1][1], role, None))


def _has_block(element, block_names) -> bool:
    return any(c.name in block_names or _has_block(c, block_names) for c in element.children)
