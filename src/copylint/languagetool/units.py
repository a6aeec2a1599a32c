"""What is sent to LanguageTool, and how its answers map back onto the document.

A *unit* is one prose paragraph (headline or body, dateline cut off), or a piece of one
that is longer than the batch size; units are cached one by one, so editing a paragraph
re-sends only that paragraph. Units are packed into batches (one request each) joined by
a blank line, which LanguageTool reads as a paragraph break.

LanguageTool is written in Java and counts offsets in UTF-16 code units: every
character outside the Basic Multilingual Plane (emoji, some CJK) counts twice there and
once in Python, so offsets are converted both ways here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import regex

SEPARATOR = "\n\n"
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
_LAST_SPACE = regex.compile(r"\s(?=\S*$)")


@dataclass(frozen=True)
class Unit:
    start: int  # offset of text in document.text
    text: str


def utf16_len(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


class Utf16Map:
    """Converts UTF-16 offsets of ``text`` into Python string offsets."""

    def __init__(self, text: str):
        # UTF-16 position of each astral character: its Python index plus the astral
        # characters before it (each of which took one extra code unit).
        self._astral16 = [m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))]

    def to_python(self, offset16: int) -> int:
        # Each astral character before offset16 took one extra code unit; an offset
        # inside a surrogate pair rounds down to its character.
        return offset16 - bisect.bisect_left(self._astral16, offset16)


def document_units(document, max_chars: int) -> list[Unit]:
    """The prose of ``document`` (headline, body; no dateline) as units of at most ``max_chars``."""
    units = []
    dateline = document.dateline
    for paragraph in document.prose_paragraphs:
        begin = paragraph.start
        if dateline is not None and dateline.paragraph == paragraph.index:
            begin = dateline.end
        text = document.text[begin:paragraph.end]
        stripped = text.lstrip()
        begin += len(text) - len(stripped)
        text = stripped.rstrip()
        if not text:
            continue
        ends = [s.end - begin for s in document.sentences if s.paragraph == paragraph.index]
        units.extend(_pieces(begin, text, max_chars, ends))
    return units


def _pieces(begin: int, text: str, max_chars: int, sentence_ends: list[int]) -> list[Unit]:
    """Cut a paragraph longer than ``max_chars`` at sentence ends, else at a space."""
    pieces = []
    while utf16_len(text) > max_chars:
        limit = max_chars if not _ASTRAL.search(text) else max_chars // 2
        cut = max((e for e in sentence_ends if 0 < e <= limit), default=0)
        if not cut:
            space = _LAST_SPACE.search(text[:limit])
            cut = space.start() + 1 if space and space.start() > 0 else limit
        piece = text[:cut].rstrip()
        pieces.append(Unit(begin, piece))
        rest = text[cut:]
        skipped = len(rest) - len(rest.lstrip())
        begin += cut + skipped
        sentence_ends = [e - cut - skipped for e in sentence_ends if e > cut]
        text = rest.lstrip()
    if text:
        pieces.append(Unit(begin, text))
    return pieces


def batches(units: list[Unit], max_chars: int) -> list[list[Unit]]:
    """Pack units, in order, into requests of at most ``max_chars`` UTF-16 code units."""
    packed: list[list[Unit]] = []
    size = 0
    for unit in units:
        length = utf16_len(unit.text)
        if packed and size + len(SEPARATOR) + length <= max_chars:
            packed[-1].append(unit)
            size += len(SEPARATOR) + length
        else:
            packed.append([unit])
            size = length
    return packed


def split_matches(batch: list[Unit], response: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """LanguageTool's matches for one batch, as unit-relative findings per unit."""
    text = SEPARATOR.join(u.text for u in batch)
    starts = []
    position = 0
    for unit in batch:
        starts.append(position)
        position += len(unit.text) + len(SEPARATOR)
    offsets = Utf16Map(text)
    results: list[list[dict[str, Any]]] = [[] for _ in batch]
    for match in response.get("matches") or ():
        rule = match.get("rule") or {}
        if not isinstance(match.get("offset"), int) or not isinstance(match.get("length"), int) or not rule.get("id"):
            continue
        start = offsets.to_python(match["offset"])
        end = offsets.to_python(match["offset"] + match["length"])
        index = bisect.bisect_right(starts, start) - 1
        unit_text = batch[index].text
        local_start = start - starts[index]
        if local_start >= len(unit_text):  # in the separator LanguageTool never saw as text
            continue
        results[index].append({
            "start": local_start,
            "end": min(end - starts[index], len(unit_text)),
            "rule": rule["id"],
            "message": match.get("message") or rule.get("description") or rule["id"],
            "replacements": [r.get("value", "") for r in match.get("replacements") or () if r.get("value")],
            "issue": rule.get("issueType") or "",
            "category": (rule.get("category") or {}).get("id") or "",
        })
    return results
