"""duplicate/headline: the headline printed again as a paragraph of the story."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re
from .duplicate_common import comparable, normalize

# A site name glued to a repeated headline: "Headline | Site" or "Headline - Site".
_SEPARATORS = "|–—-"
_SITE_SUFFIX = lazy_re(rf"\s+[{_SEPARATORS}]\s+[^{_SEPARATORS}]{{1,40}}$")
_SUFFIX_ROOM = 48


class DuplicateHeadline(Rule):
    id = "duplicate/headline"
    severity = Severity.WARNING
    fixable = True
    description = "The headline is printed again as a paragraph of the story."
    rationale = (
        "Scrapers often capture the page title and the article heading, so the headline "
        "appears twice. The repeat is reported (not the headline); case, punctuation and "
        "a site name glued on with '|' or '-' are ignored. `threshold` is the rapidfuzz "
        "similarity (0-100) above which a paragraph counts as the headline."
    )
    bad_example = (
        "Floods kill 15 in southern Brazil\n\nFloods kill 15 in southern Brazil\n\n"
        "PORTO ALEGRE, Brazil (AP) — At least 15 people died ..."
    )
    good_example = (
        "Floods kill 15 in southern Brazil\n\n"
        "PORTO ALEGRE, Brazil (AP) — At least 15 people died ..."
    )
    options = {"threshold": 90.0}

    def check(self, document, options):
        headline = document.headline
        if headline is None:
            return
        wanted = normalize(headline.text)
        if not wanted:
            return
        from rapidfuzz import fuzz

        threshold = options["threshold"]
        texts = comparable(document)
        longest = len(headline.text) + _SUFFIX_ROOM
        for paragraph in document.body:
            if len(paragraph.text) > longest:
                continue  # cannot be the headline, even with a site name glued on
            # No separator, no site name: a substring test per separator costs less than
            # the regex's try at every place of the paragraph.
            stripped = paragraph.text
            if any(separator in stripped for separator in _SEPARATORS):
                stripped = _SITE_SUFFIX.sub("", stripped)
            if fuzz.ratio(wanted, texts[paragraph.index], score_cutoff=threshold) or (
                stripped != paragraph.text
                and fuzz.ratio(wanted, normalize(stripped), score_cutoff=threshold)
            ):
                yield Hit(
                    paragraph.start, paragraph.end,
                    f"Headline printed twice (line {headline.first_line}); remove the repeat.",
                )
