"""boilerplate/credit: photo and agency credits ("REUTERS/Kevin Lamarque") inside the copy."""

from __future__ import annotations

import re

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_regex
from .boilerplate_common import Phrases

AGENCIES = (
    "EFE|EPA|AFP|AP|ANSA|DPA|dpa|XINHUA|Xinhua|REUTERS|Reuters|GETTY IMAGES|Getty Images|"
    "ANADOLU|Anadolu|TASS|SPUTNIK|Sputnik|KYODO|Kyodo|YONHAP|Yonhap|Europa Press|LUSA|Lusa|"
    "Bloomberg|NurPhoto|ZUMA|PTI|IANS|Agência Brasil|Agencia Brasil|Notimex|Télam|Andina"
)
# Any agency in a credit line: a known one, an acronym ("MAP", "BTA") or a name
# ending in Press/Agency ("THE CANADIAN PRESS", "Anadolu Agency").
_AGENCY_LIKE = (
    rf"(?:{AGENCIES}|\p{{Lu}}{{2,6}}|(?:THE[ ])?\p{{Lu}}+(?:[ ]\p{{Lu}}+){{0,3}}[ ]"
    r"(?:PRESS|AGENCY|NEWS|IMAGES|PHOTOS?)|(?:The[ ])?\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){0,3}[ ]"
    r"(?:Press|Agency|Images))"
)
_NAME = r"\p{Lu}[\p{L}'’.\-]*(?:[ ]\p{Lu}[\p{L}'’.\-]*){0,3}"
# A credit that closes a line opens the line or follows the end of a sentence.
_AFTER_SENTENCE = r"(?:^[^\w\n]{0,6}|[.!?”\"’)][ \u00a0]{1,3})\K"
_LINE_END = r"(?=[ \t\u00a0]*$)"

_PHOTO_WORDS = ("Photo", "PHOTO", "Foto", "FOTO", "Image", "Picture")
# Each pattern with the literals one of which must be on a line for it to be tried
# there: a scan costs a few microseconds per kilobyte, a substring search far less.
# No pattern crosses a line end.
PATTERNS = (
    # EFE / Kulpash Konyrova; REUTERS/Kevin Lamarque/File Photo; EPA-EFE/JOHN SMITH;
    # EFE/EPA/Francis R. Malasig; MAP / Karim Tahiri; THE CANADIAN PRESS / Jane Doe
    (("/",), rf"{_AFTER_SENTENCE}{_AGENCY_LIKE}(?:[ ]?[-/][ ]?(?:EFE|EPA|AFP|AP|ANSA|DPA|dpa|Xinhua|"
             rf"XINHUA|REUTERS|Reuters|POOL|Pool))*[ ]?/[ ]?{_NAME}"
             rf"(?:[ ]?/[ ]?(?:File Photo|FILE PHOTO|File|FILE|Pool|POOL|Handout|HANDOUT|Archive|"
             rf"Archivo|ARCHIVO))*\.?{_LINE_END}"),
    # (AP Photo/Evan Vucci), (Photo: EFE), (File photo): not "(", which every dateline's
    # agency has, but the photo words, one of which any such credit holds
    (("Photo", "PHOTO", "Foto", "FOTO", "Image", "File photo"), rf"\((?:(?:{AGENCIES})[ ])?(?:Photo|PHOTO|Foto|FOTO|Photograph|Image|File photo|"
             r"File Photo)s?(?:[ ]?(?:/|:|by)[ ]?[^()\n]{1,60})?\)"),
    # (EFE/Juan Pérez): two words at least, so "(Reuters/Ipsos)" is not taken for a credit
    (("/",), rf"\((?:{AGENCIES})[ ]?/[ ]?\p{{Lu}}\p{{L}}+(?:[ ]\p{{Lu}}[\p{{L}}'’.\-]*){{1,3}}\)"),
    # Photo: John Smith/AFP; Photo by Jane Doe; File photo: EFE
    (_PHOTO_WORDS + ("File photo", "Cover photo", "Main photo", "Top photo"),
     rf"{_AFTER_SENTENCE}(?:Photo|Photos|PHOTO|Photograph|Foto|FOTO|Image|Picture|Photo credit|"
     rf"File photo|Cover photo|Main photo|Top photo)(?:[ ]?[:|][ ]?|[ ]by[ ])(?=\p{{Lu}})"
     rf".{{1,80}}?{_LINE_END}"),
    # AFP PHOTO / JOHN SMITH; EPA Photo (the lines with a photo word are looked up once)
    (_PHOTO_WORDS,
     rf"\b(?:AFP|AP|EFE|EPA|ANSA|DPA|XINHUA|Xinhua|REUTERS|Reuters)[ ](?:PHOTO|Photo|FOTO|Foto)\b"
     rf"(?:[ ]?/[ ]?{_NAME})?"),
    # Anatolii Stepanov/AFP via Getty Images
    (("Getty",), rf"(?:\b{_NAME}[ ]?/[ ]?)?\b(?:AFP|AP|Reuters|EPA|Anadolu|Anadolu Agency|"
                 r"Bloomberg|NurPhoto|SOPA Images|LightRocket)[ ]via[ ]Getty[ ]Images\b"),
)


def _by_first_character(hints: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The hints grouped under their first character."""
    groups: dict[str, tuple[str, ...]] = {}
    for hint in hints:
        groups[hint[0]] = groups.get(hint[0], ()) + (hint,)
    return tuple(groups.items())


def _by_hints(patterns) -> tuple[tuple[tuple, tuple], ...]:
    """The patterns compiled (on first use) and grouped under their hints (by first
    character): the lines holding a hint are looked up once for all its patterns."""
    groups: dict[tuple, tuple] = {}
    for hints, pattern in patterns:
        key = _by_first_character(hints)
        groups[key] = groups.get(key, ()) + (lazy_regex(pattern, re.MULTILINE),)
    return tuple(groups.items())


_COMPILED = _by_hints(PATTERNS)
# The hints that open with a letter, lower-cased: the story's are found in the
# boilerplate phrase walk (a capital is no rare character to search for).
_WORD_HINTS = Phrases(sorted({hint.lower() for hints, _ in PATTERNS for hint in hints if hint[0].isalpha()}))
# The others, signs ("/"): searched for in the text itself.
_SIGN_HINTS = tuple(sorted({hint for hints, _ in PATTERNS for hint in hints if not hint[0].isalpha()}))


class Credit(Rule):
    id = "boilerplate/credit"
    severity = Severity.WARNING
    description = 'A photo or agency credit ("REUTERS/Kevin Lamarque", "(AP Photo/Evan Vucci)") in the text.'
    rationale = (
        "Captions scraped into the body bring their credits along: \"EFE / Kulpash "
        "Konyrova\", \"REUTERS/Kevin Lamarque/File Photo\", \"(AP Photo/Evan Vucci)\", "
        "\"Photo: John Smith/AFP\", \"AFP PHOTO / JOHN SMITH\", \"THE CANADIAN PRESS / Jane "
        "Doe\". A credit is an agency (a known one, an acronym, or a name ending in Press or "
        "Agency), a slash and a name closing a line after a full stop, a parenthesized photo credit, "
        "a \"Photo:\" label closing a line, or an agency's PHOTO mark. The dateline's "
        "\"(EFE)\" or \"(Reuters)\" and \"a Reuters/Ipsos poll\" in a sentence are not credits."
    )
    bad_example = "Riot police clear a square in Almaty on Jan. 6, 2022. EFE / Kulpash Konyrova"
    good_example = (
        "ALMATY, Jan 6 (Reuters) - A Reuters/Ipsos poll showed most respondents backed the plan."
    )

    def check(self, document, options):
        if not may_hold_credits(document):
            return
        text = document.text
        for start, end in credit_spans(text, hint_starts(document)):
            yield Hit(start, end,
                      f"Photo or agency credit in the copy: '{text[start:end]}'; remove it.")


def hint_starts(document) -> dict[str, list[int]]:
    """The starts of the credits' word hints (lower-cased) in the story's folded text.

    Found in the boilerplate phrase walk, which the story has anyway: duplicate/paragraph
    takes them too, for the paragraphs it searches.
    """
    return _WORD_HINTS.found(document)


def may_hold_credits(document) -> bool:
    """Whether the story holds a hint of any credit pattern: most hold none, and then
    no part of it holds a credit, with no search (duplicate/paragraph asks too)."""
    return bool(hint_starts(document)) or any(sign in document.text for sign in _SIGN_HINTS)


def credit_spans(text: str, found: dict[str, list[int]] | None = None):
    """(start, end) of each credit in ``text``, in order, none inside another.

    duplicate/paragraph uses it too: a caption's credit is no fact of the story.
    ``found``: the starts of the word hints in ``text`` lower-cased (every one: see
    :func:`hint_starts` for a whole story); without it the hints are searched for here.
    """
    spans = []
    for hints, patterns in _COMPILED:
        for start, end in _lines_with(text, hints, found):
            for pattern in patterns:
                spans.extend(match.span() for match in pattern.finditer(text, start, end))
    last_end = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if end <= last_end:
            continue  # inside a credit already reported: (AP Photo/Evan Vucci)
        last_end = end
        yield start, end


def _lines_with(text: str, hints, found=None) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds one of ``hints``, in order.

    ``hints``: grouped by first character (see :func:`_by_first_character`). The text
    is searched for that character, a capital or a sign (rare in prose, and a
    one-character search costs a tenth of a longer one), and the hints tested there;
    with ``found`` (see :func:`credit_spans`), a letter's hints are tested only where
    it has them in lower case.
    """
    lines = set()
    for first, group in hints:
        if found is not None and first.isalpha():
            if found:  # most stories hold none of the hints
                lines.update(_line_around(text, at) for hint in {hint.lower() for hint in group}
                             for at in found.get(hint, ()) if text.startswith(group, at))
            continue
        at = text.find(first)
        while at != -1:
            if not text.startswith(group, at):
                at = text.find(first, at + 1)
                continue
            line = _line_around(text, at)
            lines.add(line)
            at = text.find(first, line[1])
    return sorted(lines)


def _line_around(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the line of ``text`` that holds offset ``at``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end == -1 else end
