"""boilerplate/related-link: a "See also" / "Read more" link line pasted into the story."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_regex
from .boilerplate_common import LineGate, compile_line_start, line_hits

LEADS = (
    "see also", "also see", "read more", "read also", "also read", "read next", "must read",
    "don'?t miss", "further reading", "most read", "more on this(?: story| topic)?",
    "you (?:may|might) also (?:like|be interested in)",
    "related(?: (?:stories|story|articles|article|news|content|coverage|links?|reading|topics?))?",
    "recommended(?: (?:stories|articles|for you|reading))?",
)
# After the lead: a colon or dash, the linked headline (capital, digit or quote), or nothing.
# "Related to this, ..." and "Read more about ..." are prose.
_PATTERN = compile_line_start(
    "|".join(LEADS), r"(?:\s*[:\-–—|>»›]|\s+(?=(?-i:[\p{Lu}\d“\"‘'«(]))|\s*$).*", lazy_regex
)
_GATE = LineGate(LEADS)


class RelatedLink(Rule):
    id = "boilerplate/related-link"
    severity = Severity.WARNING
    fixable = True
    description = 'A "See also" / "Read more" / "Related" link line inside the story.'
    rationale = (
        "Republished stories keep the site's links to other stories (\"See also ...\", "
        "\"Read more: ...\", \"Related:\", \"Recommended: ...\"), usually as a paragraph of "
        "their own in the middle or at the end of the copy. A line counts when it opens "
        "with such a lead followed by a colon or dash, by the linked headline (a capital, "
        "digit or quote), or by nothing; prose such as \"Related to this, officials said\" "
        "or \"Read more about the plan in ...\" is not reported. Labels left in the source "
        "language (\"Lea también:\") are untranslated/read-also-label's."
    )
    bad_example = "See also  Xi Jinping praises cooperation with Russia"
    good_example = "Related to the talks, officials said a new round would begin in May."

    def check(self, document, options):
        for start, end in line_hits(document, _PATTERN, _GATE):
            yield Hit(start, end, "Related-story link pasted into the copy; remove the line.")
