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


def spaces(text: str) -> str:
    """``text`` as spaces, its newlines kept (a string method per line, not a regex per character)."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def spans_of(pattern: regex.Pattern, text: str, group: int | str = 0) -> list[tuple[int, int]]:
    return [m.span(group) for m in pattern.finditer(text) if m.start(group) != -1]


_TOKEN = regex.compile(r"\S+")


def keep(text: str, runs: list[tuple[int, int]], entities: bool = True):
    """Masked text where only ``runs`` of ``text`` stay readable, and the masked spans.

    Everything outside the runs becomes spaces (newlines kept). A character
    reference (``&amp;``, ``&#8217;``) is shorter once decoded: the decoded word is
    written at the word's own start and the freed columns after it are masked
    spaces, so each word keeps the line and column it has in the file and no word
    is split (``Kazakhstan&#8217;s`` reads ``Kazakhstan’s``).
    """
    import html

    chars = list(spaces(text))
    masked: list[tuple[int, int]] = []
    previous = 0
    for start, end in runs:
        if start > previous:
            masked.append((previous, start))
        previous = end
        raw = text[start:end]
        if not entities or "&" not in raw:
            chars[start:end] = raw
            continue
        cursor = start
        for match in _TOKEN.finditer(raw):
            word_start = start + match.start()
            chars[cursor:word_start] = text[cursor:word_start]
            word = match.group()
            decoded = html.unescape(word) if "&" in word else word
            chars[word_start:word_start + len(decoded)] = decoded
            if len(decoded) < len(word):
                masked.append((word_start + len(decoded), word_start + len(word)))
            cursor = word_start + len(word)
        chars[cursor:end] = text[cursor:end]
    if previous < len(text):
        masked.append((previous, len(text)))
    return "".join(chars), masked
