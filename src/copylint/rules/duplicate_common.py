"""What the duplicate rules share: comparable text of paragraphs, computed once per document.

Not a rule module (it defines no rule): the registry imports it and finds nothing.
"""

from __future__ import annotations

_PROSE_KEY = "duplicate/prose"
_NORMALIZED_KEY = "duplicate/normalized"


def normalize(text: str) -> str:
    """Lower-cased text with punctuation and quotes turned to spaces (rapidfuzz's, in C)."""
    from rapidfuzz.utils import default_process

    return default_process(text)


def prose(document) -> dict[int, str]:
    """Text of each body paragraph with its dateline left out, by paragraph index."""
    cached = document.meta.get(_PROSE_KEY)
    if cached is None:
        # A paragraph's text is its span of the story's: no slice of ours but the lede's.
        cached = {paragraph.index: paragraph.text for paragraph in document.body}
        dateline = document.dateline
        if dateline is not None and dateline.paragraph in cached:
            cached[dateline.paragraph] = document.text[
                dateline.end:document.paragraphs[dateline.paragraph].end]
        document.meta[_PROSE_KEY] = cached
    return cached


def comparable(document) -> dict[int, str]:
    """:func:`normalize`d :func:`prose` of each body paragraph, by paragraph index."""
    cached = document.meta.get(_NORMALIZED_KEY)
    if cached is None:
        from rapidfuzz.utils import default_process  # imported once, not per paragraph

        cached = {index: default_process(text) for index, text in prose(document).items()}
        document.meta[_NORMALIZED_KEY] = cached
    return cached
