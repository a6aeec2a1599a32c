"""bilingual/inline-tags: inline codes of the source are lost or added in the target."""

from __future__ import annotations

from collections import Counter

from ..finding import Hit, Severity
from ..rule import Rule
from .bilingual_common import segments, target_text


class InlineTags(Rule):
    id = "bilingual/inline-tags"
    points_into_markup = True  # a lost inline code is reported at the tag it lost
    severity = Severity.WARNING
    description = "An inline code (link, bold, placeholder) of the source is missing in the target."
    rationale = (
        "Inline codes carry links, emphasis and placeholders; a target that loses one "
        "publishes a broken link or a missing value. Codes are compared by element and id."
    )
    bad_example = 'source: Read <g id="1">the report</g>.  target: Read the report.'
    good_example = 'source: Read <g id="1">the report</g>.  target: Lea <g id="1">el informe</g>.'

    def check(self, document, options):
        for segment in segments(document):
            offset, target = target_text(document, segment)
            if segment["target_tag"] is None or not target.strip():
                continue
            missing = Counter(segment["source_codes"]) - Counter(segment["target_codes"])
            extra = Counter(segment["target_codes"]) - Counter(segment["source_codes"])
            if missing or extra:
                names = ", ".join(f"<{n} id={i}>" for n, i in (missing or extra).elements())
                what = "lost" if missing else "not in the source"
                yield Hit(offset, offset + 1, f"Inline codes {what}: {names}.")
