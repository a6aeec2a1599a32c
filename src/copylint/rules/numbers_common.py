"""Shared by the numbers and dates rules: regex matches inside the story's prose.

Why prose only: page furniture (the page date, navigation, bylines) has its own
formats, and the dateline is checked by the dates rules on its own.
"""

from __future__ import annotations


def prose_matches(document, pattern, gate=None):
    """Matches of ``pattern`` in the headline and body paragraphs, in text order.

    ``gate``: a simple stdlib pattern that every match contains; most stories lack
    it, and one search for it costs far less than a scan of every paragraph.
    """
    if gate is not None and gate.search(document.text) is None:
        return
    for paragraph in document.prose_paragraphs:
        yield from pattern.finditer(document.text, paragraph.start, paragraph.end)
