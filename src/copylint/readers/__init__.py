"""Input readers: each turns a file's text into the same Document model.

A reader masks what is not prose (markup, comments, front matter, code) with
spaces, so every offset still points at the original file's line and column.
Structured formats also say which block is the headline, the dateline and the
page date (see :mod:`.structure`).
"""

from __future__ import annotations

from pathlib import PurePath

from ..document import Document, normalize_newlines

FORMATS = ("text", "markdown", "html", "nitf", "newsml", "xliff")
READERS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".nitf": "nitf",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".xml": None,  # sniffed from the root element
}
ROOTS = {"nitf": "nitf", "newsItem": "newsml", "newsMessage": "newsml",
         "packageItem": "newsml", "xliff": "xliff", "html": "html"}


def format_for(path: str, forced: str | None = None, text: str | None = None) -> str:
    """The forced format, else the extension's, else (``.xml``, no extension) a sniffed one."""
    if forced:
        return forced
    suffix = PurePath(path).suffix.lower()
    known = READERS.get(suffix, "text" if suffix and suffix != ".xml" else None)
    if known is not None or text is None:
        return known or "text"
    return sniff(text)


def sniff(text: str) -> str:
    """Guess from the content: an XML root element, an HTML page, or front matter."""
    head = text.lstrip("\ufeff \t\n")[:4096]
    if head.startswith("<"):
        from .xmlscan import root_name

        lowered = head[:200].lower()
        if lowered.startswith("<!doctype html"):
            return "html"
        return ROOTS.get(root_name(head) or "", "text")
    if head.startswith(("---\n", "+++\n")):
        return "markdown"
    return "text"


def read_document(text: str, path: str, *, input_format: str | None = None,
                  source_languages: tuple[str, ...] = ()) -> Document:
    """Parse ``text`` in its format; hostile or malformed XML raises InputError."""
    text = normalize_newlines(text)
    kind = format_for(path, input_format, text)
    if kind == "markdown":
        from .markdown import mask, structure

        masked_text, spans, meta = mask(text)
        document = _document(masked_text, path, spans, meta, source_languages)
        if meta["heading_blocks"] or meta["heading_lines"]:
            from .structure import apply_structure

            apply_structure(document, structure(document, meta["heading_blocks"],
                                                meta["heading_lines"]))
        return document
    if kind == "text":
        from .text import mask

        masked_text, spans, meta = mask(text)
        return _document(masked_text, path, spans, meta, source_languages)
    import importlib

    from .structure import apply_structure

    module = importlib.import_module(f"{__name__}.{kind}")
    masked_text, spans, meta = module.mask(text, path)
    document = _document(masked_text, path, spans, meta, source_languages)
    return apply_structure(document, meta["blocks"])


def _document(masked_text, path, spans, meta, source_languages) -> Document:
    """The Document; the file's own source-language hint applies unless config gives one."""
    source_languages = source_languages or meta.get("source_languages", ())
    document = Document.from_text(masked_text, path, masked=spans, meta=meta,
                                  source_languages=source_languages)
    if meta.get("language"):
        document.language = meta["language"].split("-")[0]
    return document
