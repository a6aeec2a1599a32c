"""grammar/repeated-word: the same word twice in a row ("the the")."""

from __future__ import annotations

import re

from ..finding import Hit, Severity
from ..packs import folded_text
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex

# The opening marks a repeated word may follow besides a space: none is a word
# character (so in the text with each turned into a space, CANDIDATE's every place
# is a space before a word).
MARKS = "“\"‘'(«[¿¡—-"
# Cheap first pass over the lower-cased text every pack already builds (all
# whitespace folded to one space, so a line break counts): a word after a space
# or an opening mark, a space, the same word. Candidates are checked exactly below.
CANDIDATE = lazy_re(rf"[ {re.escape(MARKS)}](\w+) \1\b")
CANDIDATE_AT_START = lazy_re(r"(\w+) \1\b")
# Where CANDIDATE may match, found faster in that text (a literal first: the scan
# skips to each space, where a class is tested at every character; ASCII classes,
# no Unicode word test, no backtracking): the run of non-spaces after the space, a
# space, the same run not followed by an ASCII word character. A lookahead, so that
# no place is skipped.
MAY_REPEAT = lazy_re(r" (?=([^ ]++) \1(?!\w))", re.ASCII)
# Letters only (numbers such as "20 20" are not words here), the same word
# again after any whitespace, not part of a longer word or hyphenated form.
REPEAT = lazy_regex(
    r"(?<![\p{L}\p{M}\d'’\-])(?P<word>\p{L}+)\s+(?P<second>(?P=word))(?![\p{L}\p{M}\d'’\-])",
    re.IGNORECASE,
)
# Doubles that are correct English ("he had had", "that that is", "what it is
# is") or emphatic reduplication in quotes ("no, no", "very very").
LEGITIMATE = frozenset(
    "had that is do very really no yes bye ha ho go knock tsk tut hush so far many".split()
)
# Capitalised doubles are names ("Bora Bora", "Sirhan Sirhan", "Duran Duran")
# unless the word is a function word a title-case headline may repeat in error.
FUNCTION_WORDS = frozenset(
    "the a an of in on at to for and or but by with from as is was that this it".split()
)


class RepeatedWord(Rule):
    """Flags a word written twice in a row.

    Why: editing and machine translation both leave doubled words, often across
    a line break where the eye misses them. "had had" and "that that" are
    correct English, and capitalised doubles are usually names.
    """

    id = "grammar/repeated-word"
    severity = Severity.WARNING
    description = "A word repeated twice in a row ('the the')."
    rationale = (
        "A doubled word ('the the', 'in in') is a typo or an editing leftover, easy to miss "
        "across a line break. Correct doubles ('had had', 'that that', 'what it is is'), "
        "emphatic reduplication ('very very', 'no no'), numbers and capitalised names "
        "('Bora Bora', 'Sirhan Sirhan') are not flagged. The fix deletes the second word."
    )
    bad_example = "The minister said the the talks would resume in in March."
    good_example = "The minister said the talks would resume in March; he had had doubts."

    def check(self, document, options):
        folded = folded_text(document)
        starts = _candidate_starts(folded)
        if CANDIDATE_AT_START.match(folded):
            starts.append(0)
        if not starts:
            return
        text = document.text
        for paragraph in document.prose_paragraphs:
            if not any(paragraph.start <= start < paragraph.end for start in starts):
                continue
            for match in REPEAT.finditer(text, paragraph.start, paragraph.end):
                first, second = match.group("word", "second")
                lower = first.lower()
                if lower in LEGITIMATE:
                    continue
                if first[0].isupper() and second[0].isupper() and lower not in FUNCTION_WORDS:
                    continue
                yield Hit(
                    match.start(),
                    match.end(),
                    f"'{first}' is repeated: delete the second '{second}'.",
                    suggestion=first,
                )


def _candidate_starts(folded: str) -> list[int]:
    """Where CANDIDATE.finditer(folded) finds its first words, tried only where MAY_REPEAT
    says it may match in ``folded`` with MARKS as spaces (and, as finditer does, not
    inside the previous match)."""
    spaced = folded
    for mark in MARKS:
        if mark in spaced:  # a substring test and a replace: far cheaper than a scan
            spaced = spaced.replace(mark, " ")
    starts, searched_to = [], 0
    for place in MAY_REPEAT.finditer(spaced):
        if place.start() >= searched_to:
            match = CANDIDATE.match(folded, place.start())
            if match:
                starts.append(match.start(1))
                searched_to = match.end()
    return starts
