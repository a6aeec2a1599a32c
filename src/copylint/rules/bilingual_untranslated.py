"""bilingual/untranslated: the target is empty, missing, or the source copied unchanged."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_regex
from .bilingual_common import segments, target_text

_WORDS = lazy_regex(r"\p{L}{2,}")


class Untranslated(Rule):
    id = "bilingual/untranslated"
    points_into_markup = True  # a missing target is reported at its <target> or <source> tag
    severity = Severity.ERROR
    description = "A segment's target is empty, missing, or identical to its source."
    rationale = (
        "An empty target publishes a hole; a target identical to the source publishes the "
        "original language. Segments without words (numbers, codes, names of one word) "
        "may rightly stay identical and are not reported."
    )
    bad_example = "source (es): El Gobierno aprobó el plan.  target: El Gobierno aprobó el plan."
    good_example = "source (es): El Gobierno aprobó el plan.  target: The government approved the plan."

    def check(self, document, options):
        for segment in segments(document):
            source = " ".join(segment["source"].split())
            if not _WORDS.search(source):
                continue
            offset, target = target_text(document, segment)
            if segment["target_tag"] is None:
                yield Hit(segment["anchor"], segment["anchor"] + 1,
                          f"Segment {segment['id']} has no target.")
            elif not target.strip():
                yield Hit(segment["target_tag"], segment["target_tag"] + 1,
                          f"Segment {segment['id']} has an empty target.")
            elif " ".join(target.split()) == source and len(_WORDS.findall(source)) >= 2:
                yield Hit(offset, offset + 1,
                          f"Segment {segment['id']}'s target is its source, untranslated.")
