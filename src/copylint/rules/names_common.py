"""Shared by the names rules: folding spellings, the glossary index, name runs.

Why fold: a name spelt "Erdoğan" in one paragraph and "Erdogan" in the next is
one spelling choice, not two people, and "Kassym-Jomart"/"Kassym Jomart" differ
only in a hyphen. Folding (no diacritics, hyphens as spaces, lower case) is how
both names rules compare spellings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from ..resources import data_path, load_data
from ..wordset import starts, trie_pattern

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
NAME_RUN = regex.compile(rf"(?:{_NAME_WORD})(?:[ \-](?:(?:{PARTICLES})[ \-])*(?:{_NAME_WORD}))*")
# The part of a run before a given word, matched backwards from it.
_RUN_BEFORE = regex.compile(rf"(?r)(?:(?:{_NAME_WORD})[ \-](?:(?:{PARTICLES})[ \-])*)+")
NAME_TOKEN = regex.compile(rf"(?:{PARTICLES})\b|{_NAME_WORD}")
_POSSESSIVE = regex.compile(r"['’]s?$")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, no diacritics, hyphens as spaces: the spelling a match ignores.

    Cached per process: stories repeat the same names, and Unicode decomposition
    is the dearest step of comparing two spellings.
    """
    return strip_marks(text).lower()


@lru_cache(maxsize=1 << 16)
def strip_marks(text: str) -> str:
    """The spelling without diacritics, case kept ("Díaz-Canel" -> "Diaz Canel")."""
    if text.isascii():
        return text.replace("-", " ")
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_possessive(token: str) -> str:
    """'Tokayev's' and 'Assad’' name the same person as 'Tokayev'."""
    return _POSSESSIVE.sub("", token)


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    accepted: frozenset[str]  # folded spellings that are correct
    tokens: tuple[str, ...]  # folded tokens of the canonical name
    # correct spellings as written (case-folded, hyphens as spaces), diacritics kept
    written: frozenset[str]


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    # casefolded wrong spelling (hyphens as spaces) -> (entry, replacement)
    variants: dict[str, tuple[Entry, str]]
    # every folded spelling the glossary knows to be correct
    accepted_any: frozenset[str]
    distinct: frozenset[frozenset[str]]
    # folded stem of any word of a person's name -> (person, index of that word)
    people: dict[str, tuple[tuple[Entry, int], ...]]
    # stems of the last word of every variant
    variant_stems: frozenset[str]
    # capitalised prefixes (raw and folded) that the text pre-filter looks for
    prefixes: frozenset[str]
    # the prefixes as a trie-shaped regular expression (kept as text: building it
    # costs a millisecond at every start, compiling it is left to first use)
    prefix_pattern: str


STEM_LENGTH = 4
GLOSSARY_FILE = "names.yaml"


def stem_of(word: str) -> str:
    """The pre-filter key of a name word: its first letters, folded."""
    return fold(word)[:STEM_LENGTH]


def last_word(name: str) -> str:
    return name.replace("-", " ").split()[-1]


def _key_words(spelling: str) -> list[tuple[int, str]]:
    """Words of a person's name that index it: any of them may be the one spelt right.

    Words under three letters ("Xi", "Un") would make the pre-filter fire on every
    "United"; they are found through the name's other words.
    """
    words = spelling.replace("-", " ").split()
    keyed = [(i, w) for i, w in enumerate(words) if len(w) >= 3 and w[:1].isupper()]
    return keyed or list(enumerate(words))


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The names glossary: indexed once per data file and version of this module, read
    back from the per-user cache in other processes."""
    from ..diskcache import cached

    return cached("glossary", (data_path(GLOSSARY_FILE), Path(__file__)), _index_glossary)


def _index_glossary() -> Glossary:
    data = load_data(GLOSSARY_FILE)
    entries = []
    variants: dict[str, tuple[Entry, str]] = {}
    people: dict[str, list[tuple[Entry, int]]] = {}
    variant_stems: set[str] = set()
    prefixes: set[str] = set()
    for item in data["entries"]:
        spellings = [item["name"], *item.get("accept", ())]
        entry = Entry(
            item["name"], item["kind"], frozenset(fold(s) for s in spellings),
            tuple(fold(item["name"]).split()),
            frozenset(s.replace("-", " ").casefold() for s in spellings),
        )
        entries.append(entry)
        for variant in item.get("variants", ()):
            single = len(variant.replace("-", " ").split()) == 1
            replacement = last_word(item["name"]) if single and len(entry.tokens) > 1 else item["name"]
            variants[variant.replace("-", " ").casefold()] = (entry, replacement)
            variant_stems.add(stem_of(last_word(variant)))
            prefixes.add(last_word(variant)[:STEM_LENGTH])
        if entry.kind == "person":
            for spelling in spellings:
                for position, word in _key_words(spelling):
                    keyed = people.setdefault(stem_of(word), [])
                    if (entry, position) not in keyed:
                        keyed.append((entry, position))
                    prefixes.add(word[:STEM_LENGTH])
    prefixes |= {stem.capitalize() for stem in (*people, *variant_stems)}
    # Names start with a capital: lower-case keys ("un" of "Kim Jong-un") only add noise.
    prefixes = {p for p in prefixes if p[:1].isupper()}
    distinct = frozenset(frozenset(fold(n) for n in pair) for pair in data.get("distinct", ()))
    return Glossary(
        tuple(entries), variants,
        frozenset(s for e in entries for s in e.accepted), distinct,
        {k: tuple(v) for k, v in people.items()}, frozenset(variant_stems), frozenset(prefixes),
        trie_pattern(prefixes).pattern,
    )


@lru_cache(maxsize=1)
def _prefix_pattern() -> re.Pattern:
    return re.compile(glossary().prefix_pattern)


class Token(NamedTuple):  # a tuple: made by the thousand, a dataclass costs more
    start: int
    end: int  # possessive excluded
    text: str


# How far back from a pre-filter hit its name run is looked for: five long words.
_RUN_REACH = 80


class Run(NamedTuple):
    """A run of name words: where it starts, its words, their (start, end) in the run."""

    start: int
    words: tuple[str, ...]  # possessives stripped
    spans: tuple[tuple[int, int], ...]


@lru_cache(maxsize=1 << 12)
def _split_run(run: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """Words of a run and their spans; cached, as stories repeat the same names."""
    words, spans = [], []
    for match in NAME_TOKEN.finditer(run):
        word = match.group()
        if word[-1] in "s'’":
            word = strip_possessive(word)
        words.append(word)
        spans.append((match.start(), match.start() + len(word)))
    return tuple(words), tuple(spans)


def glossary_candidate_runs(document) -> list[Run]:
    """Name runs of the prose holding a glossary prefix; most stories have few.

    One pass over the text finds the words worth a look, and only the run of
    capitalised words around each is split into words (cached by its text), so the per-article cost
    of the glossary stays a few microseconds.
    """
    text = document.text
    prose = document.prose_paragraphs
    runs = []
    done = -1  # end of the last run taken: later hits inside it add nothing
    index = 0  # the prose paragraph at or after the last hit (hits come in order)
    for start, _ in starts(_prefix_pattern(), text):
        if start < done or (start and text[start - 1].isalpha()):
            continue
        while index < len(prose) and prose[index].end <= start:
            index += 1
        if index == len(prose):
            break
        paragraph = prose[index]
        if start < paragraph.start:
            continue
        before = _RUN_BEFORE.match(text, max(paragraph.start, start - _RUN_REACH), start)
        run = NAME_RUN.match(text, before.start() if before else start, paragraph.end)
        if run is not None and run.end() > start:
            runs.append(Run(run.start(), *_split_run(run.group())))
            done = run.end()
    return runs
