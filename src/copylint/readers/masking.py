"""Shared helper: blank out spans of text while keeping every offset in place."""

from __future__ import annotations

import regex

HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span by spaces, keeping newlines so lines stay where they were."""
    if not spans:
        return text
    pieces = []
    cursor = 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if end <= start:
            continue
        pieces.append(text[cursor:start])
        pieces.append(spaces(text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


# Every byte a space but the newline.
_SPACES = bytes(10 if byte == 10 else 32 for byte in range(256))


def spaces(text: str) -> str:
    """``text`` as spaces, its newlines kept: each character made one byte (ASCII,
    '?' for any other), then one table lookup per byte, all in C."""
    if "\n" not in text:
        return " " * len(text)
    return text.encode("ascii", "replace").translate(_SPACES).decode("ascii")


def spans_of(pattern: regex.Pattern, text: str, group: int | str = 0) -> list[tuple[int, int]]:
    return [m.span(group) for m in pattern.finditer(text) if m.start(group) != -1]


_REFERENCE_WORD = regex.compile(r"[^\s&]*&\S*")


def keep(text: str, runs: list[tuple[int, int]]):
    """Masked text where only ``runs`` (sorted) of ``text`` stay readable, and the masked spans.

    Everything outside the runs becomes spaces (newlines kept); an empty run
    splits the masked span around it in two. A character
    reference (``&amp;``, ``&#8217;``) is shorter once decoded: the decoded word is
    written at the word's own start and the freed columns after it are masked
    spaces, so each word keeps the line and column it has in the file and no word
    is split (``Kazakhstan&#8217;s`` reads ``Kazakhstan’s``).
    """
    blank = spaces(text)  # the masked spans are cut from it
    references = "&" in text
    pieces: list[str] = []
    masked: list[tuple[int, int]] = []
    previous = 0
    for start, end in runs:
        if start > previous:
            masked.append((previous, start))
            pieces.append(blank[previous:start])
            previous = start
        if end <= previous:  # empty, or inside the run before
            continue
        kept = text[previous:end]  # sliced anyway: searched in without bounds
        if references and "&" in kept:
            _decode(text, previous, end, pieces, masked)
        else:
            pieces.append(kept)
        previous = end
    if previous < len(text):
        masked.append((previous, len(text)))
        pieces.append(blank[previous:])
    return "".join(pieces), masked


def _decode(text: str, start: int, end: int, pieces: list[str], masked: list) -> None:
    """The run with each word holding a reference decoded in place, padded with spaces."""
    import html

    cursor = start
    for match in _REFERENCE_WORD.finditer(text, start, end):
        word = match.group()
        decoded = html.unescape(word)
        pieces.append(text[cursor:match.start()])
        pieces.append(decoded)
        if len(decoded) < len(word):
            pieces.append(" " * (len(word) - len(decoded)))
            masked.append((match.start() + len(decoded), match.end()))
        cursor = match.end()
    pieces.append(text[cursor:end])
