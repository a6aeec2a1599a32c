"""XLIFF 1.2 and 2.x: every target is copy; sources feed the bilingual rules.

Targets become the story's paragraphs (one block each). Each segment's source
text, languages, inline codes and target span go to ``meta["segments"]`` for
the rules in the ``bilingual`` category.
"""

from __future__ import annotations

import html

from .masking import keep
from .structure import Block
from .xmlscan import parse

# Inline codes whose content is native markup, not text (1.2: ph, bpt, ept, it, sub).
SKIP = frozenset("ph bpt ept it sub".split())
# Inline codes: an element name and its id make the code's identity.
CODES = frozenset("g x bx ex ph bpt ept it pc sc ec".split())
UNITS = ("trans-unit", "segment")


def mask(text: str, name: str = "<xliff>"):
    root = parse(text, name)
    runs: list[tuple[int, int]] = []
    blocks: list[Block] = []
    segments = []
    version = root.attrs.get("version", "")
    document_source = root.attrs.get("srcLang", "")
    document_target = root.attrs.get("trgLang", "")
    for file in root.find_all("file"):
        source_lang = file.attrs.get("source-language", document_source)
        target_lang = file.attrs.get("target-language", document_target)
        for unit in _units(root, file):
            source = target = None
            for child in unit.children:
                if child.name == "source" and source is None:
                    source = child
                elif child.name == "target" and target is None:
                    target = child
            if source is None:
                continue
            # An empty run at each tag splits the masked span there, so a one-character
            # hit at the tag is not masked: the engine drops a hit inside a masked span,
            # not one starting where a masked span starts, and the bilingual rules point
            # at a unit's <source> or <target> tag this way when there is no target text.
            runs.append((source.start, source.start))
            target_span = None
            if target is not None:
                runs.append((target.start, target.start))
                target_runs = target.text_runs(SKIP)
                if target_runs:
                    target_span = (target_runs[0][0], target_runs[-1][1])
                    blocks.append((*target_span, None, None))
                    runs.extend(target_runs)
            segments.append({
                "id": unit.attrs.get("id", ""),
                "source": _plain(text, source),
                "source_lang": source_lang,
                "target_lang": target_lang,
                "source_codes": _codes(source) if source.children else [],
                "anchor": source.start,
                "target_tag": target.start if target is not None else None,
                "target_span": target_span,
                "target_codes": _codes(target) if target is not None and target.children else [],
            })
    masked, spans = keep(text, sorted(runs))
    meta = {"format": "xliff", "xliff_version": version, "blocks": blocks, "segments": segments}
    languages = {s["source_lang"].split("-")[0].lower() for s in segments if s["source_lang"]}
    if languages:
        meta["source_languages"] = tuple(sorted(languages))
    targets = {s["target_lang"] for s in segments if s["target_lang"]}
    if len(targets) == 1:
        meta["language"] = targets.pop()
    return masked, spans, meta


def _units(root, file):
    """The file's 1.2 trans-units, or 2.x segments (a unit holds one or more)."""
    return [unit for name in UNITS for unit in root.find_all(name)
            if file.start < unit.start < file.content_end]


def _plain(text: str, element) -> str:
    """The element's text with inline codes dropped and references decoded."""
    runs = element.text_runs(SKIP)
    if len(runs) == 1:  # text alone
        plain = text[runs[0][0]:runs[0][1]]
    else:
        plain = "".join([text[s:e] for s, e in runs])
    return html.unescape(plain) if "&" in plain else plain


def _codes(element) -> list[tuple[str, str]]:
    """(name, id) of each inline code, in order."""
    found = []
    for child in element.children:
        if child.name in CODES:
            ref = child.attrs.get("id") or child.attrs.get("startRef") or child.attrs.get("rid")
            found.append((child.name, ref or ""))
        if child.name not in SKIP:
            found.extend(_codes(child))
    return found
