"""Sentence segmentation tuned for wire copy.

Why not split on every full stop: wire copy is full of abbreviations (U.S., Gen.,
Jan., No. 3, p.m.), initials (J. K. Rowling), decimals (3.5) and domains
(Tengrinews.kz). Why not a general-purpose segmenter either: machine translation
leaves full stops before lower-case words ("the authorities. mentioned."), and the
fragment rules need those to *be* sentence boundaries, so a lower-case word after
a full stop starts a new sentence unless the stop ends an abbreviation.
"""

from __future__ import annotations

import regex

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

_CANDIDATE = regex.compile(
    r"(?P<punct>\.\.\.|…|[.!?]+)(?P<close>[\"'”’»)\]]*)(?P<space>\s+)(?=(?P<next>\S))"
)
_WORD = regex.compile(r"[\p{L}']+")
_DOTTED = regex.compile(r"^(?:\p{L}\.)+\p{L}$")
_OPENERS = "(\"'“‘«["


def _token_before(text: str, position: int) -> str:
    """The whitespace-delimited token ending at ``position`` (string search, no regex)."""
    start = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position),
                text.rfind("\t", 0, position), text.rfind("\xa0", 0, position)) + 1
    return text[start:position]


def _is_boundary(text: str, match: regex.Match) -> bool:
    punct, close, nxt = match["punct"], match["close"], match["next"]
    if punct in ("...", "…"):
        # An ellipsis inside a sentence is followed by lower case.
        return not nxt.islower()
    if punct[0] in "!?":
        # "“Why?” he asked." continues the sentence.
        return not nxt.islower()
    if close:
        # 'said.” he added' : keep the attribution with its quote.
        return not nxt.islower()
    token = _token_before(text, match.start()).lstrip(_OPENERS)
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
        following = _WORD.match(text, match.end())
        return (following.group(0) if following else nxt).lower() in SENTENCE_STARTERS
    return True


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in ``text``, shifted by ``offset``.

    Spans exclude the whitespace between sentences; the final punctuation and any
    closing quote belong to the sentence they end.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length and text[start].isspace():
        start += 1
    for match in _CANDIDATE.finditer(text):
        if match.start() < start:
            continue
        if _is_boundary(text, match):
            end = match.start("space")
            spans.append((offset + start, offset + end))
            start = match.end("space")
    end = length
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((offset + start, offset + end))
    return spans
