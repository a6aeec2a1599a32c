"""bilingual/number-mismatch: a number of the source is missing or changed in the target."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_regex
from .bilingual_common import SMALL, SMALL_WORDS, numbers, segments, target_text

_DIGITS = lazy_regex(r"\d+")


class NumberMismatch(Rule):
    id = "bilingual/number-mismatch"
    severity = Severity.WARNING
    description = "A number in the source segment is missing or changed in the target."
    rationale = (
        "A dropped or mistyped figure is the costliest translation error in news copy. "
        "Numbers are compared by value in each side's locale, so Spanish '3.000' and "
        "English '3,000' agree, while a target that keeps '3.000' (three in English) is "
        "reported. Small numbers spelt out in the target (AP style: 'three') count, and so "
        "does a number whose digit groups all appear (a time '10.30' as '10:30')."
    )
    bad_example = "source (es): Más de 3.000 detenidos.  target: More than 3.000 detained."
    good_example = "source (es): Más de 3.000 detenidos.  target: More than 3,000 detained."

    def check(self, document, options):
        for segment in segments(document):
            offset, target = target_text(document, segment)
            if not target.strip():
                continue
            found = numbers(target, segment.get("target_lang") or "en")
            values = {v for *_, v in found if v is not None}
            values |= {float(SMALL[w.lower()]) for w in SMALL_WORDS.findall(target)}
            groups = {g for _, _, token, _ in found for g in _DIGITS.findall(token)}
            for _, _, token, amount in numbers(segment["source"], segment["source_lang"]):
                if amount is not None and amount in values:
                    continue
                if all(g in groups for g in _DIGITS.findall(token)) and amount is None:
                    continue
                same = next((f for f in found if f[2] == token), None)
                if same is not None:
                    yield Hit(offset + same[0], offset + same[1],
                              f"'{token}' means {_show(amount)} in the source but "
                              f"{_show(same[3])} in the target's locale.")
                else:
                    yield Hit(offset, offset + 1,
                              f"The source's number '{token}' is missing from the target.")


def _show(amount) -> str:
    return "an unclear number" if amount is None else f"{amount:,g}"
