"""bilingual/name-mismatch: a name of the source is dropped or misspelt in the target.

Why this shape: capitalisation marks names in every Latin-script source language,
but capitalised words are also sentence starts, institutions (Spanish "Gobierno")
and names that rightly change (Alemania -> Germany, Casa Blanca -> White House,
Asamblea Nacional -> National Assembly). So only person-like names are checked:
runs of two or more capitalised words, or single names the translation keeps
elsewhere in the document. A name counts as kept when it, one of its words, a
known English equivalent or a cognate of one of its words is in the target.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..finding import Hit, Severity
from ..resources import load_data
from ..rule import Rule
from ._lazy import lazy_regex
from .bilingual_common import segments, target_text

DATA_FILE = "translated_names.yaml"
# Capitalised words (Jomart, O'Neill, Tokáyev) and acronyms (OTAN, EE.UU).
_CAPITAL = r"\p{Lu}(?:[\p{L}\p{M}'’]|\.(?=\p{Lu}))*"
_CAPITALISED = lazy_regex(_CAPITAL)
# A run of capitalised words joined by a space or a hyphen: one name.
_RUN = lazy_regex(rf"(?<![\p{{L}}\p{{M}}'’]){_CAPITAL}(?:[ \u00a0-]{_CAPITAL})*")
_PIECE = lazy_regex(r"[^\s\u00a0\-]+")
_WORD = lazy_regex(r"[\p{L}\p{M}][\p{L}\p{M}'’]*")
_SENTENCE_START = lazy_regex(r"(?:^|[.!?:;]\s+)[\"'“”«»‘’¿¡(\[—–-]*\s*$")
_POSSESSIVE = lazy_regex(r"['’]s\b")
# German umlauts written out (Söder, Soeder): the same spelling.
_UMLAUT = lazy_regex(r"([aou])e")
_ROMAN = lazy_regex(r"[IVXLC]+")
# rapidfuzz ratios: a spelling change of the same name; a cognate translation.
ALTERED = 70
COGNATE = 75


def fold(text: str) -> str:
    """Lower case without diacritics or dots: 'Tokáyev' and 'TOKAYEV' compare equal."""
    text = _POSSESSIVE.sub("", text.replace(".", ""))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def _data():
    raw = load_data(DATA_FILE)
    equivalents = {fold(k): [fold(v) for v in values] for k, values in raw["equivalents"].items()}
    return equivalents, frozenset(fold(w) for w in raw["titles"].split()), frozenset(
        fold(w) for w in raw["calendar"].split())


@lru_cache(maxsize=16)
def _countries(language: str) -> dict[str, list[str]]:
    """Country names in ``language`` (pycountry's ISO 3166 translations) -> English names."""
    import gettext

    import pycountry

    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return {}
    found: dict[str, list[str]] = {}
    for country in pycountry.countries:
        english = [country.name] + [getattr(country, "common_name", None) or country.name]
        for name in dict.fromkeys(english):
            found.setdefault(fold(translation.gettext(name)), []).extend(fold(e) for e in english)
    return found


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    data = load_data("function_words.yaml")
    return frozenset(w for lang in ("en", "es", "pt", "fr", "de", "it") for w in data[lang].split())


class NameMismatch(Rule):
    id = "bilingual/name-mismatch"
    severity = Severity.WARNING
    description = "A person-like name of the source is dropped or spelt differently in the target."
    rationale = (
        "Machine translation respells names it does not know (Kassym-Jomart becomes "
        "Kassym Yumart) and sometimes drops them. Runs of two or more capitalised words "
        "in the source, and single names the translation keeps in other segments, must "
        "be in the target, with diacritics folded. Names that change in translation are "
        "accepted through pycountry's country names, a table of cities, institutions "
        "and acronyms (rules/data/translated_names.yaml), or a cognate of one of their "
        "words (Asamblea Nacional: National Assembly). A respelling is a warning; a "
        "dropped name is info, or a warning after a title (presidente, ministre)."
    )
    bad_example = ("source (es): El opositor Juan Carlos Ortega fue detenido.  "
                   "target: Opposition figure Juan Carlo Ortego was detained.")
    good_example = ("source (es): El opositor Juan Carlos Ortega fue detenido en Nueva York.  "
                    "target: Opposition figure Juan Carlos Ortega was arrested in New York.")

    def check(self, document, options):
        units = [(s, *target_text(document, s)) for s in segments(document)]
        units = [(s, offset, target) for s, offset, target in units if target.strip()]
        if not units:
            return
        kept = {}  # folded capitalised words of all targets -> how many segments hold them
        for _, _, target in units:
            for word in {fold(w) for w in _CAPITALISED.findall(target)}:
                kept[word] = kept.get(word, 0) + 1
        for segment, offset, target in units:
            yield from self._segment(segment, offset, target, kept)

    def _segment(self, segment, offset, target, kept):
        from rapidfuzz import fuzz, process

        equivalents, titles, calendar = _data()
        countries = _countries((segment["source_lang"] or "").split("-")[0].lower())
        words = [fold(m.group()) for m in _WORD.finditer(target)]
        plain = " " + " ".join(words) + " "
        here = set(words)
        # cognates of German compounds: 'Zentralbank' against 'central bank'
        pool = here | {a + b for a, b in zip(words, words[1:])}
        skip = titles | _function_words()
        runs = list(_RUN.finditer(target))
        source = segment["source"]
        for match in _RUN.finditer(source):
            begin, name = _name(source, match, here, skip, calendar)
            if not name:
                continue
            shown = source[begin:match.end()]
            joined = " ".join(name)
            known = equivalents.get(joined) or countries.get(joined) or ()
            # kept whole, as a known English name, or from the first name on ('Consiglio
            # Giorgia Meloni': the target has 'Giorgia Meloni')
            if any(f" {e} " in plain for e in known) or any(
                f" {' '.join(name[i:])} " in plain for i in range(len(name) - 1 or 1)
            ):
                continue
            if len(name) < 2 and not kept.get(joined):
                continue
            altered = _altered(name, runs, skip, fuzz)
            if altered:
                start, end = altered
                yield Hit(offset + start, offset + end,
                          f"'{shown}' of the source is spelt '{target[start:end]}' in the target.")
                continue
            if any(w in here for w in name) or any(
                process.extractOne(w, pool, scorer=fuzz.ratio, score_cutoff=COGNATE)
                for w in name if len(w) > 3
            ):
                continue
            before = source[:begin].split()
            person = bool(before) and fold(before[-1]) in titles
            if person or any(kept.get(w) for w in name):
                yield Hit(offset, offset + 1, f"The source's name '{shown}' is not in the target.",
                          severity=Severity.WARNING if person else Severity.INFO)


def _name(source: str, match, here, skip, calendar) -> tuple[int, list[str]]:
    """Where the name starts, and its folded words: a capitalised run less titles,
    function words, Roman numerals and calendar words.

    A sentence's first word is capitalised anyway: it stays part of the name
    only when the target has it too ('Laut Angela Merkel': 'Laut' goes).
    """
    pieces = [(match.start() + m.start(), fold(m.group())) for m in _PIECE.finditer(match.group())
              if not _ROMAN.fullmatch(m.group())]
    while pieces and pieces[0][1] in skip:
        pieces.pop(0)
    if len(pieces) > 1 and pieces[0][1] not in here and _SENTENCE_START.search(
            source, 0, pieces[0][0]):
        pieces.pop(0)
    if not pieces:
        return match.end(), []
    return pieces[0][0], [w for _, w in pieces if w not in calendar and len(w) > 1]


def _altered(name: list[str], runs, skip, fuzz):
    """Span of a target name as long as ``name`` that keeps a word and respells the rest.

    Umlauts written out are not respellings ('Söder', 'Soeder'). Not a title ('Minister Giorgia Meloni') and not a place: places change in
    translation (San Petersburgo: Saint Petersburg).
    """
    joined = " ".join(name)
    for run in runs:
        pieces = [(run.start() + m.start(), run.start() + m.end(), fold(m.group()))
                  for m in _PIECE.finditer(run.group())]
        for first in range(len(pieces) - len(name) + 1):
            window = pieces[first:first + len(name)]
            folded = [w for *_, w in window]
            if any(w in skip for w in folded) or (len(name) > 1 and not any(
                    a == b and len(a) > 2 for a, b in zip(name, folded))):
                continue
            start, end = window[0][0], window[-1][1]
            candidate = " ".join(folded)
            if (ALTERED <= fuzz.ratio(joined, candidate) < 100
                    and _UMLAUT.sub(r"\1", joined) != _UMLAUT.sub(r"\1", candidate)
                    and not _is_place(run.string[start:end])):
                return start, end
    return None


def _is_place(name: str) -> bool:
    from ..gazetteer import lookup

    return lookup(name) is not None
