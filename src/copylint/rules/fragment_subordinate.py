"""fragment/subordinate-alone: a subordinate or adverbial phrase standing as a sentence."""

from __future__ import annotations

from functools import lru_cache
from string import ascii_lowercase

import regex

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import LazyPattern, lazy_regex
from .boilerplate_common import case_forms
from .fragment_words import ends_with_stop, has_finite_cue, is_body, regular_past, tokens, words

# After a comma, a tail opening with one of these continues the phrase (a list,
# another prepositional phrase) rather than starting a main clause.
PHRASE_CONTINUATIONS = frozenset(
    """
    and or nor but as in on for with to of at from by into including such especially
    mainly mostly notably particularly among between
    """.split()
)
# Purpose phrases: a verb phrase follows them, so a closing -ed word is a participle.
_PURPOSE = ("in order", "so as", "with the aim", "with the purpose", "for the purpose")
# Words ending in -s that can be a subject before a finite -ed verb.
_PRONOUNS = frozenset("its his hers ours yours theirs this thus as was has does is".split())
_FIRST_WORD = lazy_regex(r"\s*(\p{L}+)")


@lru_cache(maxsize=1)
def _opener() -> tuple[LazyPattern, dict[str, str | None], frozenset[str], int]:
    """The pattern of the subordinators (compiled when a sentence passes the
    pre-tests) and cheap pre-tests: their first two letters
    (with the third letters that may follow, None for any), the letters that open
    their first words and the longest of those."""
    phrases = sorted(words()["subordinators"], key=len, reverse=True)
    alternation = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    openings: dict[str, str | None] = {}
    for phrase in phrases:
        third = phrase[2:3]
        known = openings.get(phrase[:2].lower(), "")
        openings[phrase[:2].lower()] = (
            None if known is None or not (third.isascii() and third.isalpha())
            else known + case_forms(third.lower()))
    first_letters = frozenset(_first_letters(p) for p in phrases)
    return (lazy_regex(rf"(?i:{alternation})\b"), openings, first_letters,
            max(map(len, first_letters)))


def _first_letters(text: str) -> str:
    """The ASCII letters ``text`` opens with, lower-cased."""
    lowered = text.lower()
    return lowered[:len(lowered) - len(lowered.lstrip(ascii_lowercase))]


class SubordinateAlone(Rule):
    """Flags a sentence that opens with a subordinator and has no main verb.

    Why: a wrongly placed full stop cuts a purpose, cause or addition phrase off
    its sentence ("... have already arrived. In order to stabilize the
    situation."). A fronted phrase followed by a main clause ("Due to the rain,
    the match was postponed.") has a finite verb, which is all this rule asks.
    """

    id = "fragment/subordinate-alone"
    severity = Severity.WARNING
    description = "A subordinate or adverbial phrase written as a sentence of its own."
    rationale = (
        "Machine translation cuts 'para ...', 'así como ...', 'aunque sin ...', 'debido a ...' "
        "off the sentence they belong to, leaving 'In order to stabilize the situation.', "
        "'As well as for the ports.' or 'Due to the rain.' as sentences. The rule flags a "
        "body sentence that opens with such a phrase, ends with a full stop and has no "
        "word that could be a finite verb; when a comma is followed by what may be a main "
        "clause it stays silent."
    )
    bad_example = "Russian troops have arrived. In order to stabilize the situation."
    good_example = "Russian troops have arrived in order to stabilize the situation."

    def check(self, document, options):
        opener, openings, first_letters, longest = _opener()
        # Cheap tests before the others, in one pass: most sentences stop here.
        for sentence in [s for s in document.sentences
                         if (key := s.text[:2].lower()) in openings
                         and (openings[key] is None or s.text[2:3] in openings[key])]:
            text = sentence.text
            head = text[:longest + 1]
            if head.isascii() and _first_letters(head) not in first_letters:
                continue  # in ASCII, the pattern's ignoring case is lower-casing
            if not text[:1].isupper() or not is_body(document, sentence):
                continue
            start = opener.match(text)
            if start is None or not ends_with_stop(text):
                continue
            found = tokens(text)
            if start.group().lower().startswith(_PURPOSE):
                found = _without_closing_participle(found)
            if has_finite_cue(found):
                continue
            if _may_have_main_clause(text):
                continue
            yield Hit(
                sentence.start,
                sentence.end,
                f"'{start.group()} ...' stands alone as a sentence with no main verb: "
                "join it to the sentence it belongs to.",
            )


def _without_closing_participle(found: list[str]) -> list[str]:
    """Drop a closing participle after a plural noun ("... the agreements reached.").

    After a purpose phrase such an -ed word qualifies the noun (a reduced relative
    clause), it is no finite verb; a main clause there would follow a comma.
    """
    if len(found) >= 3 and found[-2].endswith("s") and not found[-2].endswith("ss") \
            and found[-2].lower() not in _PRONOUNS and regular_past(found[-1].lower()):
        return found[:-1]
    return found


def _may_have_main_clause(text: str) -> bool:
    """A comma followed by something other than a phrase continuation may open a clause."""
    for comma in regex.finditer(",", text):
        first = _FIRST_WORD.match(text, comma.end())
        if first and first.group(1).lower() not in PHRASE_CONTINUATIONS:
            return True
    return False
