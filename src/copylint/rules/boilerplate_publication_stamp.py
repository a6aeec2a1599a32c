"""boilerplate/publication-stamp: a site's "Published: ..." / "Last updated ..." line in the story."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from .boilerplate_common import LineGate, compile_line_start, line_hits

LABELS = (
    "published", "first published", "last published", "updated", "last updated",
    "last modified", "modified", "posted", "date of publication", "publication date",
    "published date", "date published", "publicado", "actualizado", "publié", "mis à jour",
    "veröffentlicht", "aktualisiert", "pubblicato", "aggiornato", "atualizado",
)
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ ]"
_DATE = (
    rf"(?:{_WEEKDAY})?(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d\d-\d\d"
    rf"|{_MONTH}[ ]\d{{1,2}}(?:st|nd|rd|th)?,?(?:[ ]\d{{4}})?|\d{{1,2}}[ ](?:de[ ])?{_MONTH},?(?:[ ]\d{{4}})?)"
)
_TIME = (
    r"(?:(?:[ ,T]+|[ ]?[-–|][ ]?)(?:at[ ])?\d{1,2}[:.h]\d\d(?::\d\d)?(?:[ ]?(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:[ ]?(?:[a-z]{2,4}|[+-]\d\d:?\d\d))?)?"
)
_AGO = r"\d+[ ](?:minutes?|hours?|days?)[ ]ago"
# The label, an optional "on"/"at" and separator, and a date (or "3 hours ago") with
# an optional time and zone, perhaps followed by a second stamp ("Published on ...
# Updated on ..."): nothing else on the line, so "Published on Monday, the report
# said ..." is prose.
_LABELS = "|".join(LABELS)
_STAMP = rf"(?:[ ](?:on|at|el|le|am|il|em))?[ ]?[:\-–—|]?[ ]*(?:{_DATE}{_TIME}|{_AGO})"
_PATTERN = compile_line_start(
    _LABELS, rf"{_STAMP}(?:[ ]*[|·•\-–—]?[ ]*(?:{_LABELS}){_STAMP})*[ .]*$",
)
_GATE = LineGate(LABELS)


class PublicationStamp(Rule):
    id = "boilerplate/publication-stamp"
    severity = Severity.WARNING
    description = 'A site\'s publication stamp ("Published: 03/02/2025 10:42") inside the story.'
    rationale = (
        "Pages print when a story was published or updated, and scrapers paste that line "
        "into the copy, usually after the last paragraph: \"Published: 03/02/2025 10:42\", "
        "\"Last updated March 4, 2025 at 9:15 GMT\", \"Date of publication: 20.02.2025\", "
        "\"Actualizado: 12 de marzo\". A line counts when it holds only the label and a "
        "date (or \"3 hours ago\") with an optional time, perhaps twice (\"Published on "
        "26/06/2024 - 19h42 Updated on 26/06/2024 - 21h05\"), above or below the headline. "
        "The page date is the dates rules' business, and a sentence such as \"Published on "
        "Monday, the report found ...\" is prose."
    )
    bad_example = "The talks resume on Monday.\n\nPublished: 03/02/2025 10:42"
    good_example = "Published on Monday, the report found that exports fell 3%."

    def check(self, document, options):
        page_date = document.page_date
        for start, end in line_hits(document, _PATTERN, _GATE):
            if page_date is None or not page_date.start <= start < page_date.end:
                yield Hit(start, end,
                          f"Publication stamp in the copy: '{document.text[start:end]}'; "
                          "remove it.")
