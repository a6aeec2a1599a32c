"""Input readers: each turns a file's text into the same Document model.

A reader masks what is not prose (markup, comments, front matter, code) with
spaces, so every offset still points at the original file's line and column.
Structured formats also say which block is the headline, the dateline and the
page date (see :mod:`.structure`).
"""

from __future__ import annotations

import importlib
import os.path
from functools import lru_cache

# The document model (and its compiled patterns) is imported when a file is read,
# not when the CLI merely needs the format names.


@lru_cache(maxsize=None)
def _module(name: str):
    """The module ``name`` (relative to this package), imported on first use. Why not
    an import statement in each function: every run of one costs the import machinery
    (and an AttributeError it raises and catches) a few microseconds a file."""
    return importlib.import_module(name, __name__)


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
    suffix = os.path.splitext(path)[1].lower()
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
    model = _module("..document")
    text = model.normalize_newlines(text)
    kind = format_for(path, input_format, text)
    module = _module(f".{kind}")
    if kind in ("markdown", "text"):
        masked_text, spans, meta = module.mask(text)
        if not (meta.get("heading_blocks") or meta.get("heading_lines")):
            return _document(masked_text, path, spans, meta, source_languages)
        document = _bare(masked_text, path, spans, meta, source_languages)
        document.paragraphs = model._split_paragraphs(masked_text, document.lines)
        blocks = _module(".markdown").structure(document, meta["heading_blocks"],
                                                meta["heading_lines"])
    else:
        masked_text, spans, meta = module.mask(text, path)
        document = _bare(masked_text, path, spans, meta, source_languages)
        blocks = meta["blocks"]
    return _module(".structure").apply_structure(document, blocks)


def _document(masked_text, path, spans, meta, source_languages) -> Document:
    """The Document, story parts inferred from layout as for plain text."""
    document = _module("..document").Document.from_text(
        masked_text, path, masked=spans, meta=meta,
        source_languages=_languages(meta, source_languages))
    return _with_language(document, meta)


def _bare(masked_text, path, spans, meta, source_languages) -> Document:
    """A Document with lines only: the format's blocks give paragraphs and story parts
    (apply_structure), so layout inference and sentence splitting are not run twice."""
    model = _module("..document")
    document = model.Document(path=path, text=masked_text, lines=model._split_lines(masked_text),
                              paragraphs=[], sentences=[], headline=None, dateline=None,
                              page_date=None, masked=sorted(spans), meta=dict(meta),
                              source_languages=_languages(meta, source_languages))
    return _with_language(document, meta)


def _languages(meta, source_languages) -> tuple[str, ...]:
    """Config's source languages, else the file's own hint (front matter, XLIFF srcLang)."""
    return tuple(source_languages or meta.get("source_languages", ()))


def _with_language(document: Document, meta) -> Document:
    if meta.get("language"):
        document.language = meta["language"].split("-")[0]
    return document
