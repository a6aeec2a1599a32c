"""dates/source-language-month: month or weekday names of the source language in English copy."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache


from ..finding import Hit, Severity
from ..packs import folded_text
from ..rule import Rule
from ._lazy import lazy_regex
from .dates_common import FOREIGN_MONTHS, MONTH_NAMES, WEEKDAY_NAMES, month_number


def _alternation(*languages: str, drop: frozenset[str] = frozenset()) -> str:
    names = {n for lang in languages for n in FOREIGN_MONTHS[lang].split()} - drop
    return "|".join(sorted(names, key=len, reverse=True))


_ROMANCE = _alternation("es", "pt", "fr", "it") + "|setiembre"
# German months spelt as in English (April, August ...) would be English copy.
_GERMAN = _alternation("de", drop=frozenset({"April", "August", "September", "November"}))
_WEEKDAYS = {
    name: index
    for index, names in enumerate([
        "lunes lundi lunedì segunda-feira Montag",
        "martes mardi martedì terça-feira Dienstag",
        "miércoles mercredi mercoledì quarta-feira Mittwoch",
        "jueves jeudi giovedì quinta-feira Donnerstag",
        "viernes vendredi venerdì sexta-feira Freitag",
        "sábado samedi sabato Samstag",
        "domingo dimanche domenica Sonntag",
    ])
    for name in names.split()
}
_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
# Portuguese weekdays are unmistakable anywhere.
_FEIRA = "|".join(name for name in _WEEKDAYS if name.endswith("-feira"))
_END = r"(?![\p{L}\d])"
# Month names need a date around them (a day number, or Spanish/Portuguese "de"):
# "Mayo Clinic", "Julio Iglesias" and "Marzo" the surname stay silent, being
# capitalised; weekdays need a day number or an article of their language.
_PATTERN = lazy_regex(
    rf"(?<![\p{{L}}\d])(?:"
    rf"(?P<day>\d{{1,2}})(?:er|º)?\s+(?:de\s+)?(?P<month>{_ROMANCE}){_END}"
    rf"(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?"
    rf"|(?P<day>\d{{1,2}})\.\s*(?P<month>{_GERMAN}){_END}(?:\s+(?P<year>\d{{4}}))?"
    rf"|(?P<month>{_ROMANCE})\s+de\s+(?P<year>\d{{4}})"
    rf"|(?P<weekday>{_WEEKDAY}){_END}(?=,?\s+\d{{1,2}}{_END})"
    rf"|(?<=(?:el|este|le|ce|il|la|am|on|last|next|this)\s)(?P<weekday>{_WEEKDAY}){_END}"
    rf"|(?P<weekday>{_FEIRA}){_END}"
    r")"
)


def screen_keys():
    """(key, offset of the place back from the key's end, the name's spellings in the
    text or None) for copylint.langid's one pass over the folded text.

    Every match of _PATTERN holds one of these places or one _weekday_after_mark()
    finds: a month or weekday name after a space, "de" between spaces before a year
    ("marzo de 2024"). A space is added at each end of the folded text, and every
    key starts with one, so the pass costs next to nothing more. A name is a place
    only as _PATTERN spells it (case matters there: "Mayo Clinic" is none) and with
    no letter after it.
    """
    spellings: dict[str, tuple[str, ...]] = {}
    for name in sorted(set((_ROMANCE + "|" + _GERMAN + "|" + _WEEKDAY).split("|"))):
        spellings[name.lower()] = spellings.get(name.lower(), ()) + (name,)
    for lower, names in spellings.items():
        yield " " + lower, len(lower) - 1, names
    for tail in "0123456789 ":
        yield " de " + tail, 3, None


@lru_cache(maxsize=1)
def _weekday_after_mark():
    """A weekday ("(lunes 5") or German month ("3.März") after a character that is no
    space, ASCII letter or digit: a stdlib scan of the folded text."""
    import re

    from ..wordset import trie_pattern

    names = trie_pattern({name.lower() for name in (_WEEKDAY + "|" + _GERMAN).split("|")})
    return re.compile(rf"[^ a-z0-9](?:{names})")


def _paragraphs_with_dates(document):
    """The prose paragraphs holding a place where a match of _PATTERN may stand."""
    from ..langid import date_places

    folded = folded_text(document)
    places = date_places(document, folded) + [
        match.start() + 1 for match in _weekday_after_mark().finditer(folded)
    ]
    if not places:
        return []
    paragraphs = document.prose_paragraphs
    starts = [paragraph.start for paragraph in paragraphs]
    chosen = set()
    for place in places:
        index = bisect_right(starts, place) - 1
        if index >= 0 and place < paragraphs[index].end:
            chosen.add(index)
    return [paragraphs[index] for index in sorted(chosen)]


class SourceLanguageMonth(Rule):
    id = "dates/source-language-month"
    severity = Severity.WARNING
    fixable = True
    description = "A month or weekday name of the source language left in English copy ('5 de marzo')."
    rationale = (
        "Machine translation leaves dates it takes for names: '5 de marzo', 'le 3 janvier', "
        "'am 3. März', 'el lunes'. Only a name in a date is reported: a day number before "
        "it, Spanish/Portuguese 'de' with a year, a weekday before a day number or after "
        "an article. Month names are matched in the case their language writes them, so "
        "the Mayo Clinic, Julio Iglesias, the surname Marzo and 'Cinco de Mayo' stay "
        "silent. The fix is the English date in wire order ('March 5'). A date inside a "
        "sentence left entirely in the source language is left to untranslated/"
        "foreign-sentence."
    )
    bad_example = "The talks resume on 5 de marzo, el lunes, in Geneva."
    good_example = "The talks resume on March 5, Monday, in Geneva."

    def check(self, document, options):
        matches = (
            match
            for paragraph in _paragraphs_with_dates(document)
            for match in _PATTERN.finditer(document.text, paragraph.start, paragraph.end)
        )
        for match in matches:
            if _in_foreign_sentence(document, match.start()):
                continue
            if match["weekday"]:
                english = WEEKDAY_NAMES[_WEEKDAYS[match["weekday"]]]
                yield Hit(match.start(), match.end(),
                          f"'{match.group()}' is a weekday in the source language: '{english}'.",
                          english)
                continue
            month = MONTH_NAMES[month_number(match["month"]) - 1]
            english = " ".join(p for p in (month, match["day"]) if p)
            if match["year"]:
                english += (", " if match["day"] else " ") + match["year"]
            yield Hit(match.start(), match.end(),
                      f"'{match.group()}' is a date in the source language: '{english}'.",
                      english)


def _in_foreign_sentence(document, offset: int) -> bool:
    """A date inside a sentence left wholly in the source language is that sentence's
    problem (untranslated/foreign-sentence reports it), not a date to translate."""
    from ..langid import sentence_language

    sentences = document.sentences
    index = next((i for i, s in enumerate(sentences) if s.start <= offset < s.end), None)
    return index is not None and sentence_language(document, index) is not None
