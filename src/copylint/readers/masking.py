"""Shared helper: blank out spans of text while keeping every offset in place."""

from __future__ import annotations

import regex

HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span by spaces, keeping newlines so lines stay where they were."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def spans_of(pattern: regex.Pattern, text: str, group: int | str = 0) -> list[tuple[int, int]]:
    return [m.span(group) for m in pattern.finditer(text) if m.start(group) != -1]


_NOT_NEWLINE = regex.compile(r"[^\n]")
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

    chars = list(_NOT_NEWLINE.sub(" ", text))
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
