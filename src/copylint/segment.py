"""Sentence segmentation tuned for wire copy.

Why not split on every full stop: wire copy is full of abbreviations (U.S., Gen.,
Jan., No. 3, p.m.), initials (J. K. Rowling), decimals (3.5) and domains
(Tengrinews.kz). Why not a general-purpose segmenter either: machine translation
leaves full stops before lower-case words ("the authorities. mentioned."), and the
fragment rules need those to *be* sentence boundaries, so a lower-case word after
a full stop starts a new sentence unless the stop ends an abbreviation.
"""

from __future__ import annotations

import re

from .rules._lazy import lazy_regex

# Abbreviations that never end a sentence in practice: titles, months, "St.".
TITLE_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs dr prof gen lt col maj capt cmdr sgt cpl pvt adm gov sen rep
    rev hon pres supt insp det amb atty sr jr st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd hwy vs cf approx dept univ
    """.split()
)

# Abbreviations that only stand before a number: "No. 3", "p. 12", "Art. 5".
NUMBER_ABBREVIATIONS = frozenset("no nos p pp vol vols fig figs ch art sec para".split())

# Abbreviations that often end a sentence too ("... in the U.S. The ...").
AMBIGUOUS_ABBREVIATIONS = frozenset(
    "etc u.s u.k u.n e.u a.m p.m e.g i.e u.s.a d.c inc ltd co corp plc bros al est".split()
)

# Words that, capitalised after an ambiguous abbreviation, show a new sentence.
SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those
    there in on at but and or so yet however meanwhile after before when while
    if as according officials police authorities some many most no one
    """.split()
)

_CLOSERS = "\"'”’»)]"
# A sentence boundary candidate. The stdlib matches it at a place in less than half
# the time ``regex`` takes; its whitespace is written as regex's ``\s`` (str.isspace()
# but the separators \x1c-\x1f), so the candidates are those the segmenter always had.
_CANDIDATE = re.compile(
    rf"(?P<punct>\.\.\.|…|[.!?]+)(?P<close>[{re.escape(_CLOSERS)}]*)(?P<space>[^\S\x1c-\x1f]+)"
    r"(?=(?P<next>[\S\x1c-\x1f]))"
)
_WORD = lazy_regex(r"[\p{L}']+")
_DOTTED = lazy_regex(r"^(?:\p{L}\.)+\p{L}$")
_OPENERS = "(\"'“‘«["
# Where a candidate can start: at a mark that a mark, a closer or whitespace follows.
_MARKS = ".!?…"
_AFTER_MARK = frozenset(_MARKS + _CLOSERS)


def _is_boundary(chunk: str, at: int, punct: str, close: str, after: int) -> bool:
    """Whether the candidate at ``at`` of a region's text (its punctuation, closers,
    and the next character at ``after``) ends a sentence."""
    nxt = chunk[after]
    if close or punct[0] in "!?…" or punct == "...":
        # An ellipsis inside a sentence, "“Why?” he asked.", 'said.” he added':
        # what lower case follows goes on with the sentence.
        return not nxt.islower()
    # The token before: what follows the last space, newline, tab or no-break space.
    # (A slice searched with no bounds: bounds make each str.rfind call cost several
    # times the search.)
    token = chunk[:at]
    token = token[token.rfind(" ") + 1:]
    if "\n" in token or "\t" in token or "\xa0" in token:
        token = token[max(token.rfind("\n"), token.rfind("\t"), token.rfind("\xa0")) + 1:]
    token = token.lstrip(_OPENERS)
    bare = token.rstrip(".").lower()
    if bare in TITLE_ABBREVIATIONS:
        return False
    if bare in NUMBER_ABBREVIATIONS and nxt.isdigit():
        return False
    if len(token) == 1 and token.isupper() and nxt.isupper():
        return False  # initials: "J. K. Rowling"
    if bare in AMBIGUOUS_ABBREVIATIONS or ("." in bare and _DOTTED.match(bare)):
        if nxt.islower() or nxt.isdigit():
            return False
        following = _WORD.match(chunk, after)
        return (following.group(0) if following else nxt).lower() in SENTENCE_STARTERS
    return True


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in ``text``, shifted by ``offset``.

    Spans exclude the whitespace between sentences; the final punctuation and any
    closing quote belong to the sentence they end.
    """
    return [(start, end) for start, end, _, _ in split_regions(text, [(offset, text, None)])]


def split_regions(text: str, regions) -> list[tuple[int, int, str, object]]:
    """(start, end, sentence, key) of the sentences of each (start, chunk, key) region
    of ``text`` (``chunk`` is the region's text, which starts at ``start``), as
    :func:`split_sentences` splits each chunk alone. Why chunks: a story's paragraphs
    hold their text already, a sentence that is a whole chunk is the chunk itself
    (no slice), and searches in a chunk need no end bound.

    Why not _CANDIDATE.finditer: a regex scans for its first character a few times
    slower than str.find, and most full stops (decimals, domains, a paragraph's last)
    cannot open a candidate, which the next character shows. The pattern is tried
    only at the others, in order, as finditer would try them.
    """
    spans: list[tuple[int, int, str, object]] = []
    append = spans.append
    marks = [mark for mark in _MARKS if mark in text]
    for offset, chunk, key in regions:
        last = len(chunk) - 1  # a mark there ends the region, not a sentence in it
        start = len(chunk) - len(chunk.lstrip()) if chunk[:1].isspace() else 0
        places = []
        for mark in marks:
            at = chunk.find(mark)
            while 0 <= at < last:
                follower = chunk[at + 1]
                if follower in _AFTER_MARK or follower.isspace():
                    places.append(at)
                at = chunk.find(mark, at + 1)
        if len(marks) > 1:
            places.sort()
        reach = start
        for at in places:
            if at < reach:
                continue
            if chunk[at + 1] == " " and at + 2 <= last and not chunk[at + 2].isspace():
                # A mark, one space, a word: all _CANDIDATE can match there.
                punct, close, gap, reach = chunk[at], "", at + 1, at + 2
            else:
                match = _CANDIDATE.match(chunk, at)
                if match is None:
                    continue
                punct, close = match.group(1, 2)
                gap, reach = match.span(3)
            if _is_boundary(chunk, at, punct, close, reach):
                append((offset + start, offset + gap, chunk[start:gap], key))
                start = reach
        end = len(chunk.rstrip()) if chunk[-1:].isspace() else len(chunk)
        if end > start:
            append((offset + start, offset + end, chunk[start:end], key))
    return spans
