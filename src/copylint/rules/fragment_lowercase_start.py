"""fragment/lowercase-start: a full stop followed by a lower-case word inside a paragraph."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ..segment import AMBIGUOUS_ABBREVIATIONS, TITLE_ABBREVIATIONS
from ._lazy import lazy_re, lazy_regex
from .fragment_words import previous_in_paragraph

# Abbreviations the segmenter does not know but that a lower-case word may
# follow in good copy: AP state abbreviations, units, company and Latin forms,
# and the German Mio./Mrd. (a numbers artifact, not a split sentence).
EXTRA_ABBREVIATIONS = frozenset(
    """
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss
    mo mont neb nev okla ore pa tenn vt va wash wis wyo n.h n.j n.m n.y n.c n.d s.c s.d
    r.i w.va min mins hr hrs yr yrs mo mos wk wks lb lbs oz pct km kg mi sq cu
    incl excl etc a.k.a ph.d b.a m.a m.d et viz resp mio mrd
    """.split()
)
ABBREVIATIONS = TITLE_ABBREVIATIONS | AMBIGUOUS_ABBREVIATIONS | EXTRA_ABBREVIATIONS

# All-lower-case brand names that may open a sentence as written.
LOWERCASE_BRANDS = frozenset("adidas bp bpost lululemon tesa".split())

# Name particles: "de Klerk", "van Gogh", "al Thani" keep their lower case.
_PARTICLE_NAME = lazy_regex(
    r"^(?:de|da|do|dos|das|del|della|di|du|des|van|von|der|den|ten|ter|le|la|al|el|bin|ibn|ben)"
    r"\s+\p{Lu}"
)
_FIRST_TOKEN = lazy_re(r"^\S+")
_WORD = lazy_regex(r"^\p{Ll}[\p{L}\p{M}'’\-]*")
_ENUMERATOR = lazy_regex(r"^\(?(?:\d{1,3}|\p{L})[.)]$")
_SPACED_DOTS = lazy_re(r"\.\s\.$|^\.$")
_INITIALS = lazy_regex(r"(?:\p{L}{1,2}\.)+\p{L}{1,2}")


class LowercaseStart(Rule):
    """Flags a sentence that starts lower case right after a full stop.

    Why: the segmenter ends a sentence at a full stop before a lower-case word
    unless the stop ends an abbreviation, so what is left is machine
    translation's stray full stop ("according to the authorities. mentioned.").
    """

    id = "fragment/lowercase-start"
    severity = Severity.WARNING
    description = "A full stop in mid-sentence: the next word starts lower case."
    rationale = (
        "Machine translation splits sentences at the wrong place and leaves orphan words "
        "after a full stop ('according to the authorities. mentioned.'). In edited English a "
        "sentence never starts lower case, except for a few brand names (iPhone, eBay) and "
        "name particles (de Klerk), which this rule leaves alone, as it does abbreviations "
        "(U.S., p.m., Gen., Calif.), initials, ellipses and numbered list markers."
    )
    bad_example = "Troops were deployed, according to the authorities. mentioned."
    good_example = "Troops were deployed, the authorities said. The U.S. embassy was closed."

    def check(self, document, options):
        sentences = document.sentences
        # A cheap test before the exact one, in one pass: most sentences stop here.
        for index in [i for i, sentence in enumerate(sentences) if sentence.text[:1].islower()]:
            sentence = sentences[index]
            text = sentence.text
            word = _WORD.match(text)
            if word is None:
                continue
            previous = previous_in_paragraph(document, index)
            if previous is None or not previous.text.endswith("."):
                continue
            if _after_abbreviation(previous.text) or _legitimate_lower_start(text):
                continue
            yield Hit(
                sentence.start,
                sentence.start + word.end(),
                f"Sentence starts lower case ('{word.group()}') after a full stop: a stray "
                "full stop splits the sentence (machine-translation fragment).",
            )


def _after_abbreviation(previous: str) -> bool:
    """The full stop ends an abbreviation, an initial, an enumerator or spaced dots."""
    if _SPACED_DOTS.search(previous[-3:]) or _ENUMERATOR.match(previous):
        return True
    last = previous.rsplit(None, 1)[-1]  # ends with the full stop
    if len(last) < 2:
        return True
    token = last[:-1].lstrip("(\"'“‘«[")
    return (
        token.lower() in ABBREVIATIONS
        or len(token) == 1
        or _INITIALS.fullmatch(token) is not None
    )


def _legitimate_lower_start(text: str) -> bool:
    """Brand names with inner capitals (iPhone), lower-case brands, name particles."""
    first = _FIRST_TOKEN.match(text).group()
    bare = first.rstrip(",;:.")
    return (
        any(c.isupper() for c in bare)
        or bare.lower() in LOWERCASE_BRANDS
        or _PARTICLE_NAME.match(text) is not None
    )
