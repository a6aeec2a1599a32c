"""Shared by the names rules: folding spellings, the glossary index, name runs.

Why fold: a name spelt "Erdoğan" in one paragraph and "Erdogan" in the next is
one spelling choice, not two people, and "Kassym-Jomart"/"Kassym Jomart" differ
only in a hyphen. Folding (no diacritics, hyphens as spaces, lower case) is how
both names rules compare spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, compress, islice, takewhile
from pathlib import Path
from typing import NamedTuple

import regex

from ..resources import data_path, load_data
from ..wordset import starts, trie_pattern
from ._lazy import lazy_regex

# Letters that carry no combining mark in Unicode, so NFKD leaves them alone.
_EXTRA_FOLDS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "’": "'", "‘": "'", "-": " ", "‐": " ",
})

# Particles that sit inside personal names in lower case (bin Salman, al-Assad,
# von der Leyen, da Silva).
PARTICLES = "bin|bint|ibn|al|el|de|del|della|da|dos|van|von|der|den|le|la"
_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’]*\p{L}|\p{Lu}"
# The same words (a capital, then letters, marks and apostrophes up to the last
# letter) written so that the regex module need not backtrack at each word's end.
_NAME_WORD_FORWARD = r"\p{Lu}\p{L}*(?:[\p{M}'’]+\p{L}+)*"
# The particles shaped as a trie ("b(?:in(?:t)?)|..."): the regex module tries the
# branches of a plain alternation one by one after every run of words.
_PARTICLE_TRIE = trie_pattern(PARTICLES.split("|"))
# A run of capitalised words joined by spaces or hyphens, with particles inside.
# No look-behind: the regex module scans a leading letter class fast, and a
# match always begins at a word start or a mid-word capital ("iPhone").
_NAME_RUN = (rf"(?:{_NAME_WORD_FORWARD})"
             rf"(?:[ \-](?:(?:{_PARTICLE_TRIE})[ \-])*(?:{_NAME_WORD_FORWARD}))*")
NAME_RUN = lazy_regex(_NAME_RUN)
# The text cut around every run (and the accent marks written as characters of their
# own right after it): the one scan of capitalised words both names rules use.
_RUN_SPLIT = lazy_regex(f"({_NAME_RUN})(\\p{{M}}*)")
# The part of a run before a given word, matched backwards from it.
_RUN_BEFORE = lazy_regex(rf"(?r)(?:(?:{_NAME_WORD})[ \-](?:(?:{PARTICLES})[ \-])*)+")
NAME_TOKEN = lazy_regex(rf"(?:{PARTICLES})\b|{_NAME_WORD}")
_POSSESSIVE = lazy_regex(r"['’]s?$")


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


class Entry(NamedTuple):  # NamedTuples: importing dataclasses costs a one-file run 6 ms
    name: str
    kind: str
    accepted: frozenset[str]  # folded spellings that are correct
    tokens: tuple[str, ...]  # folded tokens of the canonical name
    # correct spellings as written (case-folded, hyphens as spaces), diacritics kept
    written: frozenset[str]


class Glossary(NamedTuple):
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
    # the prefixes cut before their first non-letter ("J.D." -> "J")
    prefix_letters: frozenset[str]


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
        trie_pattern(prefixes), frozenset("".join(takewhile(str.isalpha, p)) for p in prefixes),
    )


@lru_cache(maxsize=1)
def _prefix_pattern() -> re.Pattern:
    return re.compile(glossary().prefix_pattern)


@lru_cache(maxsize=1)
def _letters_screen():
    """The prefixes' letters as an automaton: built in a fraction of a millisecond, where
    compiling them as a regular expression costs a one-file run 3 ms."""
    import ahocorasick

    screen = ahocorasick.Automaton()
    for letters in glossary().prefix_letters:
        screen.add_word(letters, None)
    screen.make_automaton()
    return screen


def holds_prefix(run: str) -> bool:
    """Whether a glossary prefix may start inside this run of name_runs: one search
    that spares most runs the dearer tests (three in four runs have none).

    A run ends before a non-letter, so the letters a prefix starts with lie in the
    run whenever the prefix starts there ("J" of "J.D."); a run without them gives
    glossary_candidate_runs no hit, kept or not.
    """
    return next(_letters_screen().iter(run), None) is not None


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


class NameRuns(NamedTuple):
    """The story's runs of name words, found by one scan shared by both names rules."""

    # The text cut around the runs: [between, run, marks, between, run, marks, ...,
    # between], marks being accent marks written as characters of their own right
    # after a run (mostly none). A part's offset is the sum of the lengths before it.
    parts: list[str]
    distinct: frozenset[str]  # the runs' texts
    marked: bool  # some run is followed by accent marks


def name_runs(document) -> NameRuns:
    """The runs of name words of the whole text (kept in document.meta)."""
    runs = document.meta.get("names.runs")
    if runs is None:
        # Without concurrent=False the regex module lets go of the GIL and takes it back
        # around every match: a tenth of the scan's cost, for no other thread here.
        parts = _RUN_SPLIT.split(document.text, concurrent=False)
        runs = document.meta["names.runs"] = NameRuns(
            parts, frozenset(parts[1::3]), any(parts[2::3]))
    return runs


@lru_cache(maxsize=1 << 12)
def split_run(run: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """Words of a run and their spans; cached, as stories repeat the same names."""
    words, spans = [], []
    for match in NAME_TOKEN.finditer(run):
        word = match.group()
        if word[-1] in "s'’":
            word = strip_possessive(word)
        words.append(word)
        spans.append((match.start(), match.start() + len(word)))
    return tuple(words), tuple(spans)


def hits_find_whole(run: str) -> bool:
    """Whether every glossary prefix in this run of name_runs finds the run itself.

    A prefix inside a word, after an apostrophe or an accent mark ("D'Alema"), starts a
    run of its own there, and one further than _RUN_REACH from the run's start finds
    only the run's end: such runs are searched prefix by prefix.
    """
    if len(run) > _RUN_REACH:
        return False
    return not any(char.isupper() and not before.isalpha() and before not in " -"
                   for before, char in zip(run, run[1:]))


def glossary_candidate_runs(document, wanted: Callable[[str], bool]) -> list[Run]:
    """Name runs of the prose holding a glossary prefix, in the runs of name_runs that
    ``wanted`` keeps (a cached test of the run's text: most stories have none).

    Within those, each prefix hit not inside a run already taken finds its run of
    capitalised words, matched backwards from it (cached by its text).
    """
    runs = name_runs(document)
    kept = set(filter(wanted, runs.distinct))
    if not kept:
        return []
    parts = runs.parts
    picked = list(compress(range(1, len(parts), 3), map(kept.__contains__, parts[1::3])))
    ends = list(accumulate(map(len, islice(parts, picked[-1] + 1))))  # up to the last run kept
    text = document.text
    prose = document.prose_paragraphs
    found = []
    done = -1  # end of the last run taken: later hits inside it add nothing
    index = 0  # the prose paragraph at or after the last hit (hits come in order)
    for start in _hits(text, ((ends[k - 1], ends[k]) for k in picked)):
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
            found.append(Run(run.start(), *split_run(run.group())))
            done = run.end()
    return found


def _hits(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[int]:
    """Starts of glossary prefixes inside the given spans of the text, in order.

    A prefix starting in a span may end past it, by less than STEM_LENGTH (no prefix
    is longer), so each search stops that far past the span.
    """
    pattern = _prefix_pattern()
    for low, high in spans:
        for start, _ in starts(pattern, text, low, high + STEM_LENGTH):
            if start >= high:
                break
            yield start
