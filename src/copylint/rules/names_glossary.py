"""names/glossary: a prominent name misspelt against the wire glossary."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..finding import Hit, Severity
from ..rule import Rule
from .names_common import (
    STEM_LENGTH, Token, fold, glossary, glossary_candidate_runs, hits_find_whole, holds_prefix,
    last_word, split_run, stem_of,
)

_MAX_VARIANT_WORDS = 5


class NamesGlossary(Rule):
    id = "names/glossary"
    severity = Severity.WARNING
    fixable = True
    description = "A head of state, minister, organisation or city misspelt against the glossary."
    rationale = (
        "Machine translation carries the source language's transliteration into English: "
        "Spanish 'Kasym-Yomart Tokáyev', German 'Selenskyj', French 'OTAN'. Readers and "
        "search engines know the English wire spelling (Kassym-Jomart Tokayev, Zelenskyy, "
        "NATO). The glossary (rules/data/names.yaml) lists canonical spellings, the other "
        "spellings house styles accept (Zelensky, Zelenskiy; diacritics and hyphens are "
        "optional), and known wrong variants. Full names of people are also matched "
        "fuzzily, but only when the word count is the same, the surname is nearly the "
        "same and starts with the same letter, and every word is close: relatives and "
        "namesakes (Heydar Aliyev, Mohammed bin Nayef) stay silent. A name found through "
        "a correct first name may differ by one letter in the surname (Friedrich Mertz), "
        "not more (Antonio Guiteras is not António Guterres). Accents the name does not "
        "have (Sanchéz, Putín) are reported too; dropping all accents is AP style."
    )
    bad_example = "Kazakh President Kassym Yumart Tokayev declared a state of emergency."
    good_example = "Kazakh President Kassym-Jomart Tokayev declared a state of emergency."
    options = {"min_score": 80.0}

    def check(self, document, options):
        min_score = float(options.get("min_score", 80.0))
        runs = glossary_candidate_runs(document, _finding_filter(min_score))
        if not runs:
            return
        for run in runs:
            for first, last, replacement, why in _run_findings(run.words, min_score):
                start, end = run.start + run.spans[first][0], run.start + run.spans[last][1]
                wrong = document.text[start:end]
                yield Hit(start, end, f"'{wrong}' {why}: the wire spelling is '{replacement}'.",
                          replacement)


@lru_cache(maxsize=None)
def _finding_filter(min_score: float) -> Callable[[str], bool]:
    """The test of a run of capitalised words that glossary_candidate_runs asks, one per
    min_score: its text alone is the cache key (the dearer key of two arguments costs
    more than the test saves on most runs)."""

    @lru_cache(maxsize=1 << 12)
    def may_hold_finding(run: str) -> bool:
        """Its words hold a misspelt name, or prefixes inside it would find a shorter run."""
        return holds_prefix(run) and (
            not hits_find_whole(run) or bool(_run_findings(split_run(run)[0], min_score)))

    return may_hold_finding


@lru_cache(maxsize=1 << 12)
def _run_findings(words: tuple[str, ...], min_score: float):
    """(first, last token index, replacement, why) of each misspelt name in a run.

    Cached by the run's words: stories repeat the same names ("Ministry of the
    Interior", "President Vladimir Putin"), and only the words decide.
    """
    data = glossary()
    # Tokens placed at their index: the findings come back as token indices.
    tokens = [Token(i, i, word) for i, word in enumerate(words)]
    found = []
    index, reported = 0, -1
    while index < len(tokens):
        if words[index][:STEM_LENGTH] not in data.prefixes:
            index += 1  # cheap test before folding: most capitalised words
            continue
        matches = [m for m in (_variant_at(tokens, index, data),
                               _fuzzy_at(tokens, index, data, min_score)) if m]
        if not matches:
            index += 1
            continue
        # "Volodimir Zelenski": the whole name, not just the listed surname.
        first, last, replacement, why = min(matches)
        if first <= reported:  # the same name, found again through its surname
            index += 1
            continue
        reported = last
        found.append((first, last, replacement, why))
        index += 1
    return tuple(found)


def _variant_at(tokens, index, data):
    """A listed wrong spelling ending at tokens[index] (the longest wins)."""
    if stem_of(tokens[index].text) not in data.variant_stems:
        return None
    for size in range(min(_MAX_VARIANT_WORDS, index + 1), 0, -1):
        window = tokens[index + 1 - size:index + 1]
        key = " ".join(t.text for t in window).replace("-", " ").casefold()
        if key in data.variants:
            entry, replacement = data.variants[key]
            return window[0].start, window[-1].end, replacement, "is a known wrong spelling"
    return None


def _fuzzy_at(tokens, index, data, min_score):
    """A person's name through tokens[index], spelt close to but not as listed.

    tokens[index] may be any word of the name: a misspelt surname is found through
    a correct first name ("Friedrich Mertz") and the other way round.
    """
    keyed = data.people.get(stem_of(tokens[index].text))
    if not keyed:
        return None
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.fuzz import ratio

    best = None
    for entry, position in keyed:
        size = len(entry.tokens)
        first = index - position
        if size < 2 or first < 0 or first + size > len(tokens):
            if position == size - 1 and _misplaced_marks(tokens[index:index + 1], entry):
                return tokens[index].start, tokens[index].end, last_word(entry.name), _MARKS
            continue
        window = tokens[first:first + size]
        written = fold(" ".join(t.text for t in window))
        words = written.split()
        if len(words) != size:
            continue
        if written in entry.accepted:
            if _misplaced_marks(window, entry):
                return window[0].start, window[-1].end, entry.name, _MARKS
            continue
        if written in data.accepted_any:
            continue
        if any(frozenset((written, accepted)) in data.distinct for accepted in entry.accepted):
            continue
        for accepted in entry.accepted:
            target = accepted.split()
            if len(target) != size or words[-1][0] != target[-1][0]:
                continue
            if ratio(words[-1], target[-1]) < 75:
                continue
            # Found through another word: a one-letter slip in the surname
            # ("Friedrich Mertz"), not a namesake ("Antonio Guiteras").
            if words[-1][:STEM_LENGTH] != target[-1][:STEM_LENGTH] and Levenshtein.distance(
                    words[-1], target[-1], score_cutoff=1) > 1:
                continue
            if min(ratio(a, b) for a, b in zip(words, target)) < 60:
                continue
            score = ratio(written, accepted)
            if score >= min_score and (best is None or score > best[0]):
                best = (score, window, entry)
    if best is None:
        return None
    _, window, entry = best
    return window[0].start, window[-1].end, entry.name, "looks like a misspelling"


_MARKS = "has accents the name does not have"


def _misplaced_marks(window, entry) -> bool:
    """Accents where the name has none or others ("Sanchéz" for Sánchez, "Putín").

    Each written word must be the listed spelling's word, or carry no accents at all
    (AP style drops them); the written words are matched to the listed spelling of
    the same length, by their end ("Sanchez" alone is the surname of "Pedro Sánchez").
    """
    words = [t.text for t in window]
    if all(w.isascii() for w in words):
        return False
    folded = [fold(w) for w in words]
    for spelling in entry.written:
        listed = spelling.split()[-len(words):]
        if len(listed) == len(words) and [fold(w) for w in listed] == folded and all(
            w.isascii() or w.casefold() == x
            for w, x in zip(words, listed)
        ):
            return False
    return any(
        [fold(w) for w in spelling.split()[-len(words):]] == folded for spelling in entry.written
    )
