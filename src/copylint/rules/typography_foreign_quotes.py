"""typography/foreign-quotes: source-language quotation marks left in English copy."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re
from .typography_common import paragraphs_holding

_FOREIGN_MARKS = "«»„‚‹›"
_MARK = lazy_re(r"[«»„‚‹›“‘”]")
_INNER_SPACE = " \u00a0\u202f"  # French typography pads guillemets with (thin) spaces
# Guillemets, double and single: (first of the pair in French order, second, English open, close).
_GUILLEMETS = {"«": ("«", "»", "“", "”"), "»": ("«", "»", "“", "”"),
               "‹": ("‹", "›", "‘", "’"), "›": ("‹", "›", "‘", "’")}
# Low-9 marks open; the German closing mark that follows them becomes the English closer.
_LOW_NINE = {"„": ("“", "”"), "‚": ("‘", "’")}
_GERMAN_CLOSER = {"“": "„", "‘": "‚"}


class ForeignQuotes(Rule):
    id = "typography/foreign-quotes"
    severity = Severity.WARNING
    description = "Guillemets or low-9 quotation marks (« » „ ‚ ‹ ›) left in English copy."
    rationale = (
        "Spanish, French, Italian, Portuguese and Russian copy quotes with guillemets "
        "(« ... »), German and Central European copy with low-9 marks („ ... “ or „ ... ”), "
        "and translation tools carry them over. English copy uses “ ... ” and ‘ ... ’. "
        "Marks are paired within each paragraph, so the suggestion fits the mark's role: "
        "the German closing “ becomes ”, reversed guillemets (»...«, German and Danish) "
        "open and close the right way round, and the spaces French typography puts inside "
        "guillemets go too. A lone » or › with spaces on both sides is a navigation "
        "separator (Home › World), not a quotation mark, and is not reported."
    )
    bad_example = "The minister called the plan « a historic step » for the region."
    good_example = "The minister called the plan “a historic step” for the region."

    def check(self, document, options):
        text, paragraphs = document.text, document.paragraphs
        for index in paragraphs_holding(document, _FOREIGN_MARKS):
            yield from _paragraph_hits(text, paragraphs[index].start, paragraphs[index].end)


def _paragraph_hits(text: str, start: int, end: int):
    """Pair the marks of one paragraph left to right and suggest the English mark for each."""
    chunk = text[start:end]
    low_nine_open: set[str] = set()
    guillemet_order: dict[str, str] = {}  # family -> the mark that opens in this paragraph
    for match in _MARK.finditer(chunk):
        mark, at = match.group(), match.start()
        if mark in _LOW_NINE:
            low_nine_open.add(mark)
            yield _hit(start + at, start + at + 1, mark, _LOW_NINE[mark][0])
        elif mark in _GERMAN_CLOSER:
            opener = _GERMAN_CLOSER[mark]
            if opener in low_nine_open:
                low_nine_open.discard(opener)
                yield _hit(start + at, start + at + 1, mark, _LOW_NINE[opener][1])
        elif mark == "”":
            low_nine_open.discard("„")  # Polish and Romanian „ ... ” close in English style
        else:
            french_open, french_close, english_open, english_close = _GUILLEMETS[mark]
            before = chunk[at - 1] if at else " "
            after = chunk[at + 1] if at + 1 < len(chunk) else " "
            paired = french_open in chunk and french_close in chunk
            if not paired and before.isspace() and after.isspace():
                continue  # a separator, not a quotation mark
            if paired:
                opens = mark == guillemet_order.setdefault(french_open, mark)
            else:
                opens = not after.isspace()
            if opens:
                span_end = at + 1 + (after in _INNER_SPACE)
                yield _hit(start + at, start + span_end, chunk[at:span_end], english_open)
            else:
                span_start = at - (at > 0 and before in _INNER_SPACE)
                yield _hit(start + span_start, start + at + 1, chunk[span_start:at + 1],
                           english_close)


def _hit(start: int, end: int, found: str, suggestion: str) -> Hit:
    return Hit(start, end,
               f"Source-language quotation mark '{found.strip()}' in English copy; "
               f"use '{suggestion}'.", suggestion)
