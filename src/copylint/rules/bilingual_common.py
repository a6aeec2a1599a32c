"""Shared by the bilingual rules: XLIFF segments and locale-aware numbers.

Why here: every bilingual rule reads the segments the XLIFF reader leaves in
``document.meta["segments"]`` and compares source and target numbers.
"""

from __future__ import annotations

import regex

from ._lazy import lazy_regex

NUMBER = lazy_regex(r"(?<![\p{L}\d])\d+(?:[.,\u00a0\u202f ]\d+)*(?![\p{L}\d])")
# Languages that write 3.000,5 (or 3 000,5): decimal comma.
DECIMAL_COMMA = frozenset("es pt fr de it nl ca gl ro pl ru uk tr id sv da no nb fi cs sk".split())
SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10}
SMALL_WORDS = lazy_regex(r"\b(?:" + "|".join(SMALL) + r")\b", regex.IGNORECASE)


def segments(document) -> list[dict]:
    return document.meta.get("segments") or []


def target_text(document, segment) -> tuple[int, str]:
    span = segment["target_span"]
    return (span[0], document.text[span[0]:span[1]]) if span else (0, "")


def value(token: str, language: str) -> float | None:
    """The number a token means in ``language`` ('3.000' is 3000 in Spanish, 3 in English)."""
    base = (language or "en").split("-")[0].lower()
    groups, decimal = (".", ",") if base in DECIMAL_COMMA else (",", ".")
    cleaned = regex.sub(r"[\u00a0\u202f ]", "", token)
    if regex.search(rf"\{groups}\d{{1,2}}(?!\d)|\{groups}\d{{4,}}", cleaned):
        return None  # not a thousands group: a time, a score, a list
    cleaned = cleaned.replace(groups, "").replace(decimal, ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def numbers(text: str, language: str) -> list[tuple[int, int, str, float | None]]:
    return [(m.start(), m.end(), m.group(), value(m.group(), language))
            for m in NUMBER.finditer(text)]
