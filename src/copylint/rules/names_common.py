"""Shared by the names rules: folding spellings, the glossary index, name runs.

Why fold: a name spelt "Erdoğan" in one paragraph and "Erdogan" in the next is
one spelling choice, not two people, and "Kassym-Jomart"/"Kassym Jomart" differ
only in a hyphen. Folding (no diacritics, hyphens as spaces, lower case) is how
both names rules compare spellings.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..resources import load_data

# Letters that carry no combining mark in Unicode, so NFKD leaves them alone.
_EXTRA_FOLDS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "’": "'", "‘": "'", "-": " ", "‐": " ",
})

# Particles that sit inside personal names in lower case (bin Salman, al-Assad,
# von der Leyen, da Silva).
PARTICLES = "bin|bint|ibn|al|el|de|del|della|da|dos|van|von|der|den|le|la"
_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’]*\p{L}|\p{Lu}"
# A run of capitalised words joined by spaces or hyphens, with particles inside.
# No look-behind: the regex module scans a leading letter class fast, and a
# match always begins at a word start or a mid-word capital ("iPhone").
NAME_RUN = regex.compile(
    rf"(?:{_NAME_WORD})"
    rf"(?:(?:[ \-]|-?(?:{PARTICLES})[ \-])(?:{_NAME_WORD}))*"
)
NAME_TOKEN = regex.compile(rf"(?:{PARTICLES})\b|{_NAME_WORD}")
_POSSESSIVE = regex.compile(r"['’]s?$")


def fold(text: str) -> str:
    """Lower case, no diacritics, hyphens as spaces: the spelling a match ignores."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def strip_possessive(token: str) -> str:
    """'Tokayev's' and 'Assad’' name the same person as 'Tokayev'."""
    return _POSSESSIVE.sub("", token)


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    accepted: frozenset[str]  # folded spellings that are correct
    tokens: tuple[str, ...]  # folded tokens of the canonical name


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    # casefolded wrong spelling (hyphens as spaces) -> (entry, replacement)
    variants: dict[str, tuple[Entry, str]]
    # every folded spelling the glossary knows to be correct
    accepted_any: frozenset[str]
    distinct: frozenset[frozenset[str]]
    # folded surname stem -> people whose surname (or a variant's) starts so
    people: dict[str, tuple[Entry, ...]]
    # stems of the last word of every variant
    variant_stems: frozenset[str]
    # capitalised prefixes (raw and folded) that the text pre-filter looks for
    prefixes: frozenset[str]


STEM_LENGTH = 4


def stem_of(word: str) -> str:
    """The pre-filter key of a surname: its first letters, folded."""
    return fold(word)[:STEM_LENGTH]


def _last_word(name: str) -> str:
    return name.replace("-", " ").split()[-1]


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The names glossary, indexed once per process."""
    data = load_data("names.yaml")
    entries = []
    variants: dict[str, tuple[Entry, str]] = {}
    people: dict[str, list[Entry]] = {}
    variant_stems: set[str] = set()
    prefixes: set[str] = set()
    for item in data["entries"]:
        spellings = [item["name"], *item.get("accept", ())]
        entry = Entry(
            item["name"], item["kind"], frozenset(fold(s) for s in spellings),
            tuple(fold(item["name"]).split()),
        )
        entries.append(entry)
        for variant in item.get("variants", ()):
            single = len(variant.replace("-", " ").split()) == 1
            replacement = _last_word(item["name"]) if single and len(entry.tokens) > 1 else item["name"]
            variants[variant.replace("-", " ").casefold()] = (entry, replacement)
            variant_stems.add(stem_of(_last_word(variant)))
            prefixes.add(_last_word(variant)[:STEM_LENGTH])
        if entry.kind == "person":
            for spelling in spellings:
                people.setdefault(stem_of(_last_word(spelling)), [])
                if entry not in people[stem_of(_last_word(spelling))]:
                    people[stem_of(_last_word(spelling))].append(entry)
                prefixes.add(_last_word(spelling)[:STEM_LENGTH])
    prefixes |= {stem.capitalize() for stem in (*people, *variant_stems)}
    # Names start with a capital: lower-case keys ("un" of "Kim Jong-un") only add noise.
    prefixes = {p for p in prefixes if p[:1].isupper()}
    distinct = frozenset(frozenset(fold(n) for n in pair) for pair in data.get("distinct", ()))
    return Glossary(
        tuple(entries), variants,
        frozenset(s for e in entries for s in e.accepted), distinct,
        {k: tuple(v) for k, v in people.items()}, frozenset(variant_stems), frozenset(prefixes),
    )


@lru_cache(maxsize=1)
def _prefix_automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for prefix in glossary().prefixes:
        automaton.add_word(prefix, len(prefix))
    automaton.make_automaton()
    return automaton


@dataclass(frozen=True)
class Token:
    start: int
    end: int  # possessive excluded
    text: str


def name_runs(document, paragraph) -> list[list[Token]]:
    """Runs of capitalised words (with particles) in one paragraph, as tokens."""
    runs = []
    for run in NAME_RUN.finditer(document.text, paragraph.start, paragraph.end):
        tokens = []
        for match in NAME_TOKEN.finditer(run.group()):
            word = strip_possessive(match.group())
            start = run.start() + match.start()
            tokens.append(Token(start, start + len(word), word))
        runs.append(tokens)
    return runs


def glossary_candidate_runs(document) -> list[list[Token]]:
    """Name runs of the prose holding a glossary prefix; most stories have none.

    One Aho-Corasick pass over the text finds the paragraphs worth splitting
    into runs, so the per-article cost of the glossary stays a few microseconds.
    """
    automaton = _prefix_automaton()
    text = document.text
    hits = [
        end + 1 - length
        for end, length in automaton.iter(text)
        if end + 1 - length == 0 or not text[end - length].isalpha()
    ]
    if not hits:
        return []
    runs = []
    for paragraph in document.prose_paragraphs:
        if any(paragraph.start <= hit < paragraph.end for hit in hits):
            runs.extend(name_runs(document, paragraph))
    return runs
