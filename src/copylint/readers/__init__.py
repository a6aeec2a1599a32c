"""Input readers: each turns a file's text into the same Document model.

A reader masks what is not prose (markup, comments, front matter, code) with
spaces, so every offset still points at the original file's line and column.
"""

from __future__ import annotations

from pathlib import PurePath

from ..document import Document

READERS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "markup",
    ".htm": "markup",
    ".xml": "markup",
    ".nitf": "markup",
}
FORMATS = ("text", "markdown", "markup")


def format_for(path: str, forced: str | None = None) -> str:
    if forced:
        return forced
    return READERS.get(PurePath(path).suffix.lower(), "text")


def read_document(text: str, path: str, *, input_format: str | None = None,
                  source_languages: tuple[str, ...] = ()) -> Document:
    kind = format_for(path, input_format)
    if kind == "markdown":
        from .markdown import mask
    elif kind == "markup":
        from .markup import mask
    else:
        from .text import mask
    masked_text, spans, meta = mask(text)
    return Document.from_text(
        masked_text, path, masked=spans, meta=meta, source_languages=source_languages
    )
