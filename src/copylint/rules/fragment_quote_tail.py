"""fragment/quote-tail: a prepositional tail after a closing quote that opened as direct speech."""

from __future__ import annotations

import re

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_regex
from .typography_common import units_holding

# Direct speech introduced by "he added, “..." or "said: “...", a clause of at
# least four words, closed before the end of the sentence and followed by a
# short tail and the full stop. The tail opens with a preposition that cannot
# attach to a finished clause ("of the terrorists"); time, place and purpose
# tails ("by the end of the year", "in Geneva", "for the families") can, in
# loose but acceptable copy, so they are not looked at.
TAIL_PREPOSITIONS = ("of", "among", "between")
QUOTE_TAIL = lazy_regex(
    rf"""[,:]\s*[“"«]
    (?P<quote>[^”"»“«]*?\p{{L}}+(?:\s+[^\s”"»“«]+){{3,}}?)
    [”"»]
    (?P<tail>[ ](?P<prep>{"|".join(TAIL_PREPOSITIONS)})
      (?:\s+[^\s,;:.!?”"“«»]+){{1,6}})
    \.[)\]]*$""",
    re.VERBOSE,
)
# What every match contains: a closing quote and a tail's first word. The story is
# searched for the quotes (one-character searches, the fastest), which finds the
# few sentences worth the full pattern (most stories have none).
_CLOSING_QUOTES = '”"»'
_TAIL_HEADS = tuple(f" {preposition} " for preposition in TAIL_PREPOSITIONS)


class QuoteTail(Rule):
    """Flags words hanging after direct speech that closed too early.

    Why: machine translation sometimes closes a quotation in the wrong place or
    keeps two renderings of its last words ("until the complete destruction of
    the militants” of the terrorists."). A partial quotation inside a sentence
    ("He called the plan “a disaster” for the country.") is not introduced by a
    comma or colon, and is left alone, as are tails that may attach to a whole
    clause ("... ” in a statement.", "... ” by the end of the year.").
    """

    id = "fragment/quote-tail"
    severity = Severity.WARNING
    description = "Words dangling after a closing quote that opened as direct speech."
    rationale = (
        "Direct speech introduced by 'he said, “...' or 'she added: “...' runs to the end "
        "of its sentence in edited copy. A short 'of ...' (or 'among', 'between') phrase "
        "after its closing quote ('... of the militants” of the terrorists.') is a "
        "machine-translation garble: a misplaced quote mark or a doubled rendering of the "
        "last words. Partial quotations (no comma or colon before the quote) and tails "
        "that can attach to a whole clause ('in a statement', 'by the end of the year', "
        "'for the families') are not flagged."
    )
    bad_example = (
        "He added, “the operation will continue until the complete destruction of the "
        "militants” of the terrorists."
    )
    good_example = (
        "He added: “The operation will continue until the militants are destroyed.” "
        "He called the plan “a disaster” for the country."
    )

    def check(self, document, options):
        text = document.text
        starts = []
        for quote in _CLOSING_QUOTES:
            at = text.find(quote)
            while at != -1:
                if text.startswith(_TAIL_HEADS, at + 1):
                    starts.append(at)
                at = text.find(quote, at + 1)
        sentences = document.sentences
        for index in units_holding(sentences, starts):
            sentence = sentences[index]
            text = sentence.text
            match = QUOTE_TAIL.search(text)
            if match is None:
                continue
            tail_start = sentence.start + match.start("tail") + 1
            yield Hit(
                tail_start,
                sentence.start + match.end("tail"),
                f"'{match.group('tail').strip()}' dangles after the closing quote: the quote "
                "closes in the wrong place or repeats its last words.",
            )
