"""boilerplate/copyright: a copyright or rights notice left in the copy."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..packs import folded_text
from ..rule import Rule
from ._lazy import lazy_re
from .boilerplate_common import Phrases

# Found in the lower-cased text (one walk for all the boilerplate phrases); each
# notice is reported once, from its first marker to the end of its line.
MARKERS = (
    "©", "all rights reserved", "todos los derechos reservados", "tous droits réservés",
    "alle rechte vorbehalten", "tutti i diritti riservati", "todos os direitos reservados",
    "may not be published, broadcast, rewritten",
)
_MARKERS = Phrases(MARKERS)
_DATED = lazy_re(r"(?:copyright|\(c\))\s*(?:©\s*)?(?:19|20)\d\d\b")
_DATED_HINTS = Phrases(("copyright", "(c)"))


class Copyright(Rule):
    id = "boilerplate/copyright"
    severity = Severity.WARNING
    description = 'A copyright or rights notice ("© 2024 Agencia EFE", "All rights reserved") in the copy.'
    rationale = (
        "Agency and site rights notices ride along with republished copy; they belong to "
        "the page or the feed, not to the story. Reported once per line, from the notice to "
        "the end of the line: the © sign, \"Copyright 2024\" or \"(c) 2024\", \"All rights "
        "reserved\" and its Spanish, French, German, Italian and Portuguese forms, and the "
        "AP \"may not be published, broadcast, rewritten or redistributed\" notice. The "
        "word \"copyright\" in a sentence is not reported."
    )
    bad_example = "© 2024 Agencia EFE. All rights reserved."
    good_example = "The court ruled that the photographs were protected by copyright."

    def check(self, document, options):
        starts = [start for start, _ in _MARKERS.starts(document)]
        if _DATED_HINTS.starts(document):
            starts.extend(match.start() for match in _DATED.finditer(folded_text(document)))
        reported_lines = set()
        for start in sorted(starts):
            line = document.line_of(start)
            if line.number not in reported_lines:
                reported_lines.add(line.number)
                end = line.start + len(line.text.rstrip())
                yield Hit(start, end,
                          f"Copyright notice in the copy: '{document.text[start:end]}'; remove it.")
