"""The document model: text parsed once into lines, paragraphs and sentences.

Every rule sees the same :class:`Document`; none re-splits the text. Offsets are
indices into ``Document.text``, which has the original file's characters with
line endings folded to ``\\n`` (so line and column numbers are those of the
original file). Readers for other formats mask non-prose (markup, comments,
front matter) with spaces, keeping every offset in place.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from itertools import chain, repeat
from typing import NamedTuple

import regex

from .rules._lazy import Openings, lazy_regex
from .segment import split_regions

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|"
    "Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
# Months as agency datelines write them in capitals ("SEPT 15", "OCTOBER 2"): a
# month's first three letters, then capitals (cheaper to compile than a list).
_MONTHS_UPPER = r"(?=[A-Z]{3})(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Z]*\.?"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

_DATE = (
    rf"(?:(?:{WEEKDAYS}),?\s+)?"
    rf"(?:(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{MONTHS}),?\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4})"
)
PAGE_DATE = lazy_regex(
    rf"^(?:(?:Published|Updated|Posted|Last updated)(?: on)?:?\s+)?{_DATE}"
    r"(?:\s*(?:[-|,·•]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?$",
    regex.IGNORECASE,
)

_PLACE_WORD = r"\p{Lu}[\p{L}'’.\-]*"
_PARTICLE = r"(?:de|da|do|del|dos|das|la|el|al|es|di|du|des|le|sur|am|an|upon)"
_AGENCY = r"\p{L}[\p{L}\d .&/-]{0,24}"
# Matched at the start of a paragraph, or after an agency that comes first (_LEAD).
DATELINE = lazy_regex(
    rf"""(?P<place>{_PLACE_WORD}(?:[ \-](?:{_PARTICLE}[ \-])?{_PLACE_WORD}){{0,3}})
    (?:\s*\((?P<bracketed>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})\))?
    (?:,\s*(?P<region>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}))??
    (?:,?\s+(?P<date>(?:(?:{MONTHS}|{_MONTHS_UPPER})\s+\d{{1,2}}|\d{{1,2}}\s+(?:de\s+)?\p{{L}}+\.?)))?
    (?:\s*\((?P<agency>{_AGENCY})\))?
    (?:\s*\.?\s*(?P<dash>[-–—]+|:)|\.?\s*/(?P<slashed>\p{{Lu}}[\p{{L}} -]{{1,20}})/\.?)\s*""",
    regex.VERBOSE,
)
_LEAD = lazy_regex(rf"\({_AGENCY}\)\s*[-–—]+\s*")  # "(ANSA) - "
BYLINE = lazy_regex(r"^(?:By|Por|Par|Von|Di|Text:|Reporting by)\s+\p{Lu}[^.!?]{0,80}$")
# What a page date and a byline can open with: the patterns (slow to compile) are
# tried only on paragraphs that do.
_PAGE_DATE_OPENINGS = Openings({
    word[:3].lower()
    for word in re.findall(r"[A-Za-z]+", f"Published|Updated|Posted|Last|{WEEKDAYS}|{MONTHS}")
})
_BYLINE_STARTS = ("By", "Por", "Par", "Von", "Di", "Text:", "Reporting by")
WORD = lazy_regex(r"\p{L}[\p{L}\p{M}\d'’\-]*")
_CLOSERS = "\"'”’»)]"
_SEPARATORS = lazy_regex(r"[|»›•·>]")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence punctuation (closing quotes may follow)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in ".!?…:"

# Words of site navigation and mastheads, used only to tell chrome from a
# headline among the short lines above a story.
CHROME_WORDS = frozenset(
    """
    news world home latest top breaking live video videos photos gallery menu search
    sport sports business politics opinion economy markets tech technology science
    health culture entertainment lifestyle travel weather local national international
    region regions americas europe asia africa complete daily weekly times post herald
    tribune journal gazette chronicle collective media online network press edition
    section newsletter subscribe login today digital agency service services wire feed
    """.split()
)


# Lines, sentences, paragraphs and datelines are NamedTuples: immutable, and
# cheap to build (a story makes a hundred of them).
class Line(NamedTuple):
    number: int  # 1-based
    start: int
    end: int  # offset of the line's end, newline excluded
    text: str


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    paragraph: int  # index into Document.paragraphs


class Paragraph(NamedTuple):
    index: int
    start: int
    end: int
    text: str
    first_line: int
    last_line: int
    role: str = "body"  # page-date, chrome-candidate, headline, byline, body

    @property
    def word_count(self) -> int:
        return len(WORD.findall(self.text))


class Dateline(NamedTuple):
    paragraph: int
    start: int
    end: int  # end of the dateline (after the dash)
    place: str
    region: str | None
    date: str | None
    agency: str | None


class Document:
    """A story, parsed once. Build one with :func:`Document.from_text`.

    A plain class, not a dataclass: importing dataclasses costs a one-file run 6 ms.
    """

    def __init__(self, path: str, text: str, lines: list[Line], paragraphs: list[Paragraph],
                 sentences: list[Sentence], headline: Paragraph | None, dateline: Dateline | None,
                 page_date: Paragraph | None, masked: list[tuple[int, int]] | None = None,
                 meta: dict | None = None, language: str = "en",
                 source_languages: tuple[str, ...] = ()) -> None:
        self.path = path
        self.text = text
        self.lines = lines
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.headline = headline
        self.dateline = dateline
        self.page_date = page_date
        self.masked = masked if masked is not None else []
        self.meta = meta if meta is not None else {}
        self.language = language
        self.source_languages = source_languages

    # -- construction -----------------------------------------------------
    @classmethod
    def from_text(
        cls,
        text: str,
        path: str = "<text>",
        *,
        masked: list[tuple[int, int]] | None = None,
        meta: dict | None = None,
        source_languages: tuple[str, ...] = (),
    ) -> Document:
        text = normalize_newlines(text)
        lines = _split_lines(text)
        paragraphs = _split_paragraphs(text, lines)
        page_date, headline, dateline, paragraphs = _find_story_parts(paragraphs)
        sentences = story_sentences(text, paragraphs, dateline)
        return cls(
            path=path,
            text=text,
            lines=lines,
            paragraphs=paragraphs,
            sentences=sentences,
            headline=headline,
            dateline=dateline,
            page_date=page_date,
            masked=sorted(masked or []),
            meta=dict(meta or {}),
            source_languages=tuple(source_languages),
        )

    # -- positions --------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a text offset, columns in characters."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        line = self.lines[max(index, 0)]
        return line.number, offset - line.start + 1

    def line_of(self, offset: int) -> Line:
        return self.lines[self.position(offset)[0] - 1]

    def paragraph_of(self, offset: int) -> Paragraph | None:
        for paragraph in self.paragraphs:
            if paragraph.start <= offset < paragraph.end:
                return paragraph
        return None

    def is_masked(self, start: int, end: int) -> bool:
        """Whether any character of [start, end) is non-prose (markup, comments...)."""
        index = bisect.bisect_right(self._masked_starts, end - 1) - 1
        while index >= 0:
            m_start, m_end = self.masked[index]
            if m_end > start:
                return True
            if self._masked_reach[index] <= start:
                return False
            index -= 1
        return False

    def is_masked_at(self, offset: int) -> bool:
        return self.is_masked(offset, offset + 1)

    @cached_property
    def _masked_starts(self) -> list[int]:
        return [m_start for m_start, _ in self.masked]

    @cached_property
    def _masked_reach(self) -> list[int]:
        """Furthest end of any masked span up to each index (spans may nest)."""
        reach, furthest = [], -1
        for _, m_end in self.masked:
            furthest = max(furthest, m_end)
            reach.append(furthest)
        return reach

    # -- views rules share ------------------------------------------------
    @cached_property
    def body(self) -> list[Paragraph]:
        """Paragraphs of the story proper: below the headline, no page furniture."""
        return [p for p in self.paragraphs if p.role == "body"]

    @cached_property
    def prose_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role in ("body", "headline")]


def story_sentences(text: str, paragraphs: list[Paragraph], dateline: Dateline | None) -> list[Sentence]:
    """Sentences of the headline and body paragraphs; the dateline is not a sentence."""
    regions = [(start, chunk, index) for index, start, _, chunk, _, _, role in paragraphs
               if role == "body" or role == "headline"]
    if dateline is not None:  # its paragraph's text starts after it
        for position, (start, chunk, index) in enumerate(regions):
            if index == dateline.paragraph:
                regions[position] = (dateline.end, chunk[dateline.end - start:], index)
                break
    # Sentences are made by tuple.__new__ in C (a NamedTuple's own __new__ is Python).
    return list(map(tuple.__new__, repeat(Sentence), split_regions(text, regions)))


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF: line and column numbers stay those of the file."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _split_lines(text: str) -> list[Line]:
    lines = []
    append = lines.append
    start = 0
    for number, chunk in enumerate(text.split("\n"), 1):
        end = start + len(chunk)
        # tuple.__new__ is C; a NamedTuple's own __new__ is Python (a story has dozens of lines).
        append(tuple.__new__(Line, (number, start, end, chunk)))
        start = end + 1
    return lines


# A block whose longest line exceeds this is one paragraph per line (as CMS
# exports and the seed fixture are); shorter lines are hard-wrapped prose, where
# a short line ending a sentence closes its paragraph.
_WRAP_WIDTH = 100
_SHORT_LINE = 60


def _split_paragraphs(text: str, lines: list[Line]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    block: list[Line] = []  # the non-blank lines since the last blank one
    for line in chain(lines, (None,)):  # None closes the last block
        if line is not None and line.text and not line.text.isspace():
            block.append(line)
            continue
        if not block:
            continue
        if len(block) == 1 or max(len(row.text) for row in block) > _WRAP_WIDTH:
            # A paragraph a line (most paragraphs): the line stripped, with no slice.
            for number, start, end, chunk in block:
                stripped = chunk.strip()
                if len(stripped) < len(chunk):
                    start += len(chunk) - len(chunk.lstrip())
                    end = start + len(stripped)
                paragraphs.append(tuple.__new__(Paragraph, (len(paragraphs), start, end, stripped,
                                                            number, number, "body")))
        else:
            first = block[0]
            for previous, row in zip(block, block[1:]):
                if len(previous.text) < _SHORT_LINE and ends_sentence(previous.text):
                    _add_paragraph(text, first, previous, paragraphs)
                    first = row
            _add_paragraph(text, first, block[-1], paragraphs)
        block = []
    return paragraphs


def _add_paragraph(text: str, first: Line, last: Line, paragraphs: list[Paragraph]) -> None:
    start = first.start + len(first.text) - len(first.text.lstrip())
    end = last.start + len(last.text.rstrip())
    paragraphs.append(tuple.__new__(Paragraph, (len(paragraphs), start, end, text[start:end],
                                                first.number, last.number, "body")))


def _looks_like_chrome(paragraph: Paragraph) -> bool:
    words = WORD.findall(paragraph.text)
    if not words:
        return True
    # A masthead is a short name: capitalised words, perhaps joined by short
    # particles ("Notícias ao Minuto"); a headline has lower-case content words.
    if len(words) <= 3 and all(w[0].isupper() or len(w) <= 3 for w in words):
        return True
    chrome = sum(1 for w in words if w.lower() in CHROME_WORDS)
    separators = _SEPARATORS.search(paragraph.text) is not None
    return separators or (len(words) <= 8 and chrome * 2 >= len(words))


# A dateline ("PLACE, Month D (AGENCY) -", TASS's "PLACE, Month D. /TASS/.") fits
# in the first characters of its paragraph and always has a dash, colon or slash.
_DATELINE_REACH = 120


def match_dateline(text: str):
    """The DATELINE match at the start of ``text`` or after an agency opening it
    ("(ANSA) - TUNIS, 15 SEP -"), tried only where one can be."""
    head = text[:_DATELINE_REACH]
    if not ("-" in head or "–" in head or "—" in head or ":" in head or "/" in head):
        return None
    if head[0] == "(":
        lead = _LEAD.match(head)
        return DATELINE.match(head, lead.end()) if lead else None
    return DATELINE.match(head)


def find_dateline(paragraph: Paragraph) -> Dateline | None:
    """The dateline opening ``paragraph``, if it has one."""
    match = match_dateline(paragraph.text)
    if match is None:
        return None
    # "LONDON (Reuters) -": the bracket is the agency; "Sabinas (Mexico), Aug 7
    # (EFE) -" (EFE style): it is the region.
    region, agency = match["region"], match["agency"] or match["slashed"]
    if match["bracketed"]:
        if agency or match["date"]:
            region = region or match["bracketed"]
        else:
            agency = match["bracketed"]
    if paragraph.text[0] == "(":
        # "(ANSA) - TUNIS, Morocco, 15 SEP -": the agency first. What follows is a
        # dateline only with a date or a place in capitals, and a dash ("(Reuters) -
        # Apple said:" is a sentence).
        if match["dash"] in (None, ":") or not (match["date"] or match["place"].isupper()):
            return None
        agency = agency or paragraph.text[1:paragraph.text.index(")")]
    elif not (agency or match["date"] or match["place"].isupper()):
        return None
    return Dateline(paragraph.index, paragraph.start, paragraph.start + match.end(),
                    match["place"], region, match["date"], agency)


def _may_be_page_date(text: str) -> bool:
    """False when PAGE_DATE cannot match: it opens with a digit, a label, weekday or
    month (not ASCII: anything, as a digit of another script may open it)."""
    first = text[:1]
    return not first.isascii() or first.isdigit() or _PAGE_DATE_OPENINGS.admits(text)


def _may_be_byline(text: str) -> bool:
    """False when BYLINE cannot match: one of its words and a space open it."""
    return text.startswith(_BYLINE_STARTS) and any(
        text.startswith(word) and text[len(word):len(word) + 1].isspace()  # holds every \s
        for word in _BYLINE_STARTS
    )


def _find_story_parts(paragraphs: list[Paragraph]):
    """Label page date, chrome candidates, headline, byline and body.

    The headline is the first line near the top that is neither a date, a byline
    nor masthead/navigation-like; lines above it are page furniture.
    """
    roles: dict[int, str] = {}
    leading = []
    dateline = None
    # The body starts at a dateline, or at a sentence of 12 words or more.
    for paragraph in paragraphs:
        dateline = find_dateline(paragraph)
        if dateline is not None or (ends_sentence(paragraph.text) and paragraph.word_count >= 12):
            break
        leading.append(paragraph)
    has_body = len(leading) < len(paragraphs)

    page_date = None
    candidates = []
    for paragraph in leading:
        if _may_be_page_date(paragraph.text) and PAGE_DATE.match(paragraph.text):
            roles[paragraph.index] = "page-date"
            page_date = page_date or paragraph
        elif _may_be_byline(paragraph.text) and BYLINE.match(paragraph.text):
            roles[paragraph.index] = "byline"
        else:
            candidates.append(paragraph)

    # Without a story body below, short lines cannot be told from chrome.
    headline = next((p for p in candidates if not _looks_like_chrome(p)), None) if has_body else None
    if headline is None and candidates:
        headline = candidates[0]
    if headline is not None:
        roles[headline.index] = "headline"
        for paragraph in candidates:
            if paragraph.index < headline.index:
                roles[paragraph.index] = "chrome-candidate"

    # The story's dateline is the first below the leading paragraphs (none of which
    # has one): the body's first paragraph's, found above, or a later one's.
    if dateline is None:
        dateline = next(filter(None, map(find_dateline, paragraphs[len(leading) + 1:])), None)

    relabelled = [tuple.__new__(Paragraph, (*p[:-1], roles[p.index])) if p.index in roles else p
                  for p in leading]
    relabelled += paragraphs[len(leading):]
    page_date = relabelled[page_date.index] if page_date else None
    headline = relabelled[headline.index] if headline else None
    return page_date, headline, dateline, relabelled
