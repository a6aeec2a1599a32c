"""Shared cues of the fragment rules: English finite-verb words and sentence helpers.

Why a helper and not a tagger: a fragment rule only needs to know whether a
short "sentence" *could* have a finite verb; a curated list of auxiliaries,
frequent irregular forms and regular pasts answers that in microseconds, and
errs on the safe side (any cue means "could be a sentence": stay silent).
The lists live in ``rules/data/fragment_words.yaml``.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import load_data
from ._lazy import lazy_regex

TOKEN = lazy_regex(r"\p{L}[\p{L}\p{M}'’\-]*")
# A sentence that ends on a plain full stop, maybe inside a closing quote or bracket.
ENDS_WITH_STOP = lazy_regex(r"(?<!\.)\.[\"'”’»)\]]*$|(?<!\.)[\"'”’»)\]]+\.$")
# What a match of ENDS_WITH_STOP is made of: it lies in the text's trailing run of these.
STOP_TAIL = "\"'”’»)].\n"
# Regular pasts that are not verbs in practice.
_NOT_PAST = frozenset(
    "hundred indeed need speed seed bed red shed feed deed creed breed greed steed weed "
    "sled naked sacred wicked rugged beloved".split()
)


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str] | tuple[str, ...]]:
    """The word lists, parsed once (lazily: only when a fragment rule runs)."""
    data = load_data("fragment_words.yaml")
    return {
        "finite": frozenset(data["finite_verbs"].split()),
        "reporting": frozenset(data["reporting_verbs"].split()),
        "object": frozenset(data["object_verbs"].split()),
        "subordinators": tuple(data["subordinators"]),
    }


def ends_with_stop(text: str) -> bool:
    """ENDS_WITH_STOP is found in ``text``: searched for from the trailing run of
    STOP_TAIL on (its lookbehinds still see what comes before), as a search from
    the top tries the pattern at every character of the sentence."""
    return ENDS_WITH_STOP.search(text, len(text.rstrip(STOP_TAIL))) is not None


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def has_finite_cue(tokens_: list[str]) -> bool:
    """True if any token could be a finite verb (conservative: when in doubt, yes)."""
    finite = words()["finite"]
    for token in tokens_:
        lower = token.lower().replace("’", "'")
        if lower in finite:
            return True
        if regular_past(lower) and token[0].islower():
            return True
    return False


def regular_past(lower: str) -> bool:
    """A lower-case word that reads as a regular past or past participle ("reached")."""
    return lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_PAST


def previous_in_paragraph(document, index: int):
    """The sentence before ``document.sentences[index]`` in the same paragraph, or None."""
    if index == 0:
        return None
    previous = document.sentences[index - 1]
    return previous if previous.paragraph == document.sentences[index].paragraph else None


def is_body(document, sentence) -> bool:
    return document.paragraphs[sentence.paragraph].role == "body"
