"""dates/source-language-month: month or weekday names of the source language in English copy."""

from __future__ import annotations

from functools import lru_cache


from ..finding import Hit, Severity
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


@lru_cache(maxsize=1)
def _word_automaton():
    """All foreign month and weekday words: most stories have none, and skip the regex."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    words = {n for names in FOREIGN_MONTHS.values() for n in names.split()} | set(_WEEKDAYS)
    for word in words | {"setiembre"}:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _paragraphs_with_words(document):
    text = document.text
    hits = [
        end + 1 - length for end, length in _word_automaton().iter(text)
        if not (end + 1 < len(text) and text[end + 1].isalpha())
        and not (end >= length and text[end - length].isalpha())
    ]
    if not hits:
        return []
    return [p for p in document.prose_paragraphs if any(p.start <= h < p.end for h in hits)]


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
            for paragraph in _paragraphs_with_words(document)
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
    from ..langid import identify

    sentence = next((s for s in document.sentences if s.start <= offset < s.end), None)
    return sentence is not None and identify(sentence.text) is not None
